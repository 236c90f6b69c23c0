import Core
import Foundation
import Ingest
import Store
import Testing
import TestSupport

@Suite struct BadInputTests {
    let csv = FixturePhotos.deploymentsCSV(stations: ["S01", "S02"])

    @Test func badFilesAreReportedByNameAndTheRestIsStored() throws {
        let h = try IngestHarness(deploymentsCSV: csv)
        let cards = h.dir.path("cards")
        let good = try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07", seed: 1)
        try FixturePhotos.write(good, to: cards.appendingPathComponent("S01/IMG_0001.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:09", seed: 2), to: cards.appendingPathComponent("S01/IMG_0002.JPG"))
        try FixturePhotos.write(Array(good.prefix(good.count / 2)), to: cards.appendingPathComponent("S01/IMG_0003.JPG"))       // truncated
        try FixturePhotos.write(Array("garbage bytes, not a JPEG".utf8), to: cards.appendingPathComponent("S01/IMG_0004.JPG")) // corrupt
        try FixturePhotos.write(try FixturePhotos.jpeg(seed: 5), to: cards.appendingPathComponent("S01/IMG_0005.JPG"))          // no EXIF
        try FixturePhotos.write([], to: cards.appendingPathComponent("S01/IMG_0006.JPG"))                                       // empty
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:13:45 99:00:00", seed: 7), to: cards.appendingPathComponent("S01/IMG_0007.JPG"))
        try FileManager.default.createSymbolicLink(atPath: cards.appendingPathComponent("S01/IMG_0008.JPG").path, withDestinationPath: "/nonexistent/x.JPG")
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:04 01:00:00", seed: 9), to: cards.appendingPathComponent("S99/IMG_0001.JPG")) // unknown station
        try FixturePhotos.write(Array("notes".utf8), to: cards.appendingPathComponent("S01/notes.txt"))

        let (summary, problems) = try h.ingest(cards)
        #expect(summary.stored == 2)
        #expect(summary.ignored == 1)
        let joined = problems.joined(separator: "\n")
        #expect(joined.contains("S01/IMG_0003.JPG: truncated JPEG"))
        #expect(joined.contains("S01/IMG_0004.JPG: not a readable JPEG (does not start with a JPEG marker"))
        #expect(joined.contains("S01/IMG_0005.JPG: no EXIF DateTimeOriginal"))
        #expect(joined.contains("S01/IMG_0006.JPG: empty file"))
        #expect(joined.contains("S01/IMG_0007.JPG: EXIF DateTimeOriginal '2024:13:45 99:00:00' is not a valid date"))
        #expect(joined.contains("S01/IMG_0008.JPG: cannot be read"))
        #expect(joined.contains("S99/IMG_0001.JPG: unknown station"))
        #expect(problems.count == 7)
        #expect(try h.store.ingestProblems(runID: summary.runID).count == 7)
    }

    @Test(arguments: [
        ("deploymentID,latitude,longitude,deploymentStart\nA,1,2,2024-01-01\n", "missing required column deploymentEnd"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,1,2,2024-01-01,2024-02-01\nB,1,2,01/02/2024,2024-02-01\n",
         "d.csv:3: column deploymentStart: '01/02/2024' is not a date-time"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,95,2,2024-01-01,2024-02-01\n",
         "d.csv:2: column latitude: '95' is not a number from -90.0 to 90.0"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,1,2,2024-01-01,2024-02-01\nA,1,2,2024-03-01,2024-04-01\n",
         "d.csv:3: column deploymentID: 'A' appears on an earlier line"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,1,2,2024-03-01,2024-02-01\n",
         "d.csv:2: column deploymentEnd: '2024-02-01' is not after deploymentStart"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd,timezone\nA,1,2,2024-03-01,2024-04-01,Moon/Base\n",
         "d.csv:2: column timezone: 'Moon/Base' is not a time zone"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd,malfunctions\nA,1,2,2024-03-01,2024-04-01,2024-03-05\n",
         "d.csv:2: column malfunctions: '2024-03-05' is not an interval"),
        ("deploymentID,latitude,longitude,deploymentStart,deploymentEnd\nA,1,2,2024-03-01\n",
         "d.csv:2: expected 5 fields as in the header, found 4"),
    ])
    func badDeploymentLinesNameFileLineAndColumn(_ text: String, _ message: String) throws {
        let zone = try ZoneSpec("+10:00")
        let csv = CSVReader(text: text, file: "d.csv")
        do {
            let parsed = try DeploymentsCSV.parse(csv, defaultZone: zone)
            #expect(parsed.problems.contains { $0.description.contains(message) }, "\(parsed.problems.map(\.description))")
        } catch let e as RosetteError {
            #expect(e.description.contains(message))
        }
    }

    @Test func goodLinesAreImportedWhenOthersAreBad() throws {
        let text = """
            deploymentID,locationID,latitude,longitude,deploymentStart,deploymentEnd,timezone,malfunctions,extraColumn
            S01-A,S01,43.1,131.3,2024-09-01,2024-10-01,Asia/Vladivostok,2024-09-10/2024-09-12;2024-09-20T06:00/2024-09-21T18:00,x
            S02-A,S02,43.2,north,2024-09-01,2024-10-01,Asia/Vladivostok,,y
            S03-A,S03,43.3,131.4,2024-09-01T08:00:00+09:00,2024-10-01T08:00:00+09:00,,,z
            """
        let parsed = try DeploymentsCSV.parse(CSVReader(text: text, file: "d.csv"), defaultZone: try ZoneSpec("UTC"))
        #expect(parsed.deployments.map(\.0.deploymentID) == ["S01-A", "S03-A"])
        #expect(parsed.deployments[0].1.count == 2)
        #expect(parsed.deployments[0].0.locationName == "S01")
        #expect(parsed.deployments[1].0.timezone == "+09:00")  // zone taken from deploymentStart
        #expect(parsed.problems.map(\.description) == ["d.csv:3: column longitude: 'north' is not a number from -180.0 to 180.0; line skipped"])
    }
}
