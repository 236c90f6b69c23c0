import Core
import Foundation
import Ingest
import Testing

/// Other evidence than photos: the CSV reader, its bad lines named by file, line, column and value.
@Suite struct EvidenceCSVTests {
    let zone = try! ZoneSpec("Asia/Vladivostok")

    static let mixed = """
        method,individualID,sampleID,timestamp,latitude,longitude,uncertainty,motherID,fatherID,cause,notes
        snow-track,L01,,2024-11-03T06:10:00+10:00,43.1,131.3,50,,,,fresh tracks
        teleport,L01,,2024-11-03T06:10:00+10:00,43.1,131.3,,,,,
        scat,,SC-7,2024-11-04 13:00,43.2,131.4,,,,,
        sighting,L02,,yesterday,43.2,131.4,,,,,
        gps,L02,,2024-11-05T01:00:00Z,95.0,131.4,,,,,
        sighting,,,2024-11-05T02:00:00Z,43.2,131.4,,,,,
        carcass,L03,,2024-11-06T09:00:00+10:00,43.3,131.5,20,,,road kill,highway
        hair-dna,L04,,2024-11-07T09:00:00+10:00,43.3,131.5
        dna,L05,HS-1,2024-11-08T09:00:00+10:00,,,,L01,L02,,
        sighting,L02,,2024-11-09T09:00:00+10:00,,,,,,,
        """

    func parse(_ text: String, file: String = "ev.csv") throws -> EvidenceCSV.Parsed {
        try EvidenceCSV.parse(CSVReader(text: text, file: file), defaultZone: zone)
    }

    @Test func badLinesAreNamedAndTheRestIsRead() throws {
        let p = try parse(Self.mixed)
        #expect(p.rows.map(\.sourceLine) == [2, 4, 8, 10])
        let expected: [(line: Int, column: String, value: String)] = [
            (3, "method", "teleport"), (5, "timestamp", "yesterday"), (6, "latitude", "95.0"),
            (7, "individualID", ""), (9, "uncertainty", ""), (11, "latitude", ""),
        ]
        #expect(p.problems.count == expected.count)
        for (problem, want) in zip(p.problems, expected) {
            let text = problem.description
            #expect(text.hasPrefix("ev.csv:\(want.line): column \(want.column):"), "\(text)")
            if !want.value.isEmpty { #expect(text.contains("'\(want.value)'"), "\(text)") }
        }
        #expect(p.problems[4].description.contains("expected 11 fields as in the header, found 6"))
    }

    @Test func rowsAreNormalised() throws {
        let p = try parse(Self.mixed)
        let track = p.rows[0], scat = p.rows[1], carcass = p.rows[2], parentage = p.rows[3]
        #expect(track.method == .snowTrack && track.individualID == "L01" && track.uncertainty == 50 && track.notes == "fresh tracks")
        #expect(track.timestamp == Timestamp.parse("2024-11-02T20:10:00Z", defaultZone: nil))
        #expect(scat.method == .scatDNA && scat.individualID == nil && scat.sampleID == "SC-7")
        #expect(scat.timestamp == Timestamp.parse("2024-11-04T13:00:00+10:00", defaultZone: nil))  // survey zone
        #expect(carcass.cause == .roadKill)
        #expect(parentage.method == .scatDNA && parentage.motherID == "L01" && parentage.fatherID == "L02" && !parentage.isLocated)
        #expect(p.notices.map(\.description) == ["ev.csv:4: column timestamp: 1 time without a zone (first on this line) read in the survey's time zone Asia/Vladivostok"])
    }

    @Test func columnsInAnotherOrderAndUnknownColumnsAreReadTheSame() throws {
        let reordered = """
            Timestamp,latitude,station,longitude,METHOD,individualID,colour
            2024-11-03T06:10:00+10:00,43.1,S7,131.3,snow-track,L01,white
            """
        let p = try parse(reordered)
        #expect(p.problems.isEmpty)
        let same = try parse(Self.mixed).rows[0]
        #expect(p.rows.first?.contentKey == same.contentKey)
        #expect(p.rows.first?.method == .snowTrack && p.rows.first?.latitude == 43.1)
        #expect(p.notices.map(\.description) == ["ev.csv:1: unknown columns station, colour ignored"])
    }

    @Test func aFileWithoutTheRequiredColumnsIsRefused() {
        #expect(throws: RosetteError.csvMissingColumns(file: "ev.csv", columns: ["timestamp", "individualID or sampleID"])) {
            try parse("method,latitude,longitude\nsighting,43,131\n")
        }
    }

    @Test(arguments: [("scat", Evidence.Method.scatDNA), ("DNA", .scatDNA), ("hair", .hairDNA), ("collar", .gpsCollar),
                      ("GPS", .gpsCollar), ("track", .snowTrack), ("snow", .snowTrack), ("Snow track", .snowTrack),
                      ("sighting", .sighting), ("carcass", .carcass), ("gps_collar", .gpsCollar)])
    func methodAliasesMap(_ label: String, _ method: Evidence.Method) {
        #expect(Evidence.Method(label: label) == method)
    }

    @Test func causeIsForCarcassesOnlyAndDefaultsToUnknown() throws {
        let p = try parse("""
            method,individualID,timestamp,latitude,longitude,cause
            sighting,L01,2024-11-03T06:10:00Z,43,131,poaching
            carcass,L01,2024-11-03T06:10:00Z,43,131,
            carcass,L02,2024-11-03T06:10:00Z,43,131,eaten by aliens
            """)
        #expect(p.rows.map(\.cause) == [.unknown])
        #expect(p.problems.map { $0.description.prefix(22) } == ["ev.csv:2: column cause", "ev.csv:4: column cause"])
    }
}
