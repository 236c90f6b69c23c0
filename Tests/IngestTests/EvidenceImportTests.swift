import Core
import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// Storing evidence: idempotent re-import, unknown individuals, samples tied to individuals, the queries.
@Suite struct EvidenceImportTests {
    let zone = try! ZoneSpec("+10:00")

    func survey(_ dir: TemporaryDirectory, individuals: [String] = ["L01", "L02"]) throws -> SurveyStore {
        let store = try SurveyStore.create(directory: dir.path("S"))
        for id in individuals { try store.addIndividual(id, actor: "test") }
        return store
    }

    func rows(_ text: String, file: String = "ev.csv") throws -> [Evidence] {
        let p = try EvidenceCSV.parse(CSVReader(text: text, file: file), defaultZone: zone)
        #expect(p.problems.isEmpty, "\(p.problems)")
        return p.rows
    }

    static let text = """
        method,individualID,sampleID,timestamp,latitude,longitude,uncertainty,motherID,fatherID,cause,notes
        snow-track,L01,,2024-11-03T06:10:00+10:00,43.1,131.3,50,,,,
        gps-collar,L02,,2024-11-03T07:00:00+10:00,43.15,131.35,10,,,,
        gps-collar,L02,,2024-11-03T08:00:00+10:00,43.16,131.36,10,,,,
        scat-dna,,SC-7,2024-11-04T13:00:00+10:00,43.2,131.4,,,,,
        carcass,L01,,2024-12-01T09:00:00+10:00,43.3,131.5,20,,,road-kill,
        """

    @Test func aSecondImportOfTheSameFileAddsNothing() throws {
        let dir = TemporaryDirectory("evidence")
        let store = try survey(dir)
        let first = try store.importEvidence(try rows(Self.text), addIndividuals: false, actor: "test", source: "ev.csv")
        #expect(first.importedCount == 5 && first.alreadyPresent == 0)
        #expect(first.imported == [.snowTrack: 1, .gpsCollar: 2, .scatDNA: 1, .carcass: 1])
        let second = try store.importEvidence(try rows(Self.text), addIndividuals: false, actor: "test", source: "ev.csv")
        #expect(second.importedCount == 0 && second.alreadyPresent == 5)
        #expect(try store.evidence().count == 5)
    }

    @Test func unknownIndividualsAreSkippedUnlessAdded() throws {
        let dir = TemporaryDirectory("evidence")
        let store = try survey(dir)
        let text = """
            method,individualID,timestamp,latitude,longitude,motherID
            sighting,L01,2024-11-03T06:10:00+10:00,43.1,131.3,
            sighting,L09,2024-11-03T07:10:00+10:00,43.1,131.3,
            hair-dna,L02,2024-11-03T08:10:00+10:00,43.1,131.3,L10
            """
        let skipped = try store.importEvidence(try rows(text), addIndividuals: false, actor: "test", source: "ev.csv")
        #expect(skipped.importedCount == 1)
        #expect(skipped.problems.map(\.description) == [
            "ev.csv:3: column individualID: 'L09' is not an individual in the catalog (see `rosette individuals list`, or import with --add-individuals); line skipped",
            "ev.csv:4: column motherID: 'L10' is not an individual in the catalog (see `rosette individuals list`, or import with --add-individuals); line skipped",
        ])
        #expect(try store.individuals().map(\.individualID) == ["L01", "L02"])
        let added = try store.importEvidence(try rows(text), addIndividuals: true, actor: "ranger", source: "ev.csv")
        #expect(added.importedCount == 2 && added.alreadyPresent == 1 && added.problems.isEmpty)
        #expect(added.addedIndividuals == ["L09", "L10"])
        #expect(try store.individuals().map(\.individualID) == ["L01", "L02", "L09", "L10"])
        #expect(try store.changes(entity: "individual", id: "L09").first?.actor == "ranger")
        #expect(try store.evidenceParentage().map(\.motherID) == ["L10"])
    }

    @Test func aSampleIsTiedToItsIndividualByALaterRowOrByAssign() throws {
        let dir = TemporaryDirectory("evidence")
        let store = try survey(dir)
        _ = try store.importEvidence(try rows(Self.text), addIndividuals: false, actor: "test", source: "ev.csv")
        #expect(try store.evidence(individualID: "L02").count == 2)
        #expect(try store.evidence().filter { $0.sampleID == "SC-7" }.map(\.individualID) == [nil])
        let genotype = """
            method,individualID,sampleID,timestamp,latitude,longitude
            scat-dna,L02,SC-7,2024-11-20T10:00:00+10:00,43.21,131.41
            scat-dna,,SC-7,2024-11-25T10:00:00+10:00,43.22,131.42
            scat-dna,L01,SC-7,2024-11-26T10:00:00+10:00,43.22,131.42
            """
        let r = try store.importEvidence(try rows(genotype, file: "lab.csv"), addIndividuals: false, actor: "lab", source: "lab.csv")
        #expect(r.importedCount == 2 && r.assignedSamples == 1)
        #expect(r.problems.count == 1 && r.problems[0].description.hasPrefix("lab.csv:4: column individualID: 'L01'"))
        #expect(try store.evidence().filter { $0.sampleID == "SC-7" }.map(\.individualID) == ["L02", "L02", "L02"])
        #expect(try store.assignSample("SC-7", to: "L01", actor: "lab") == 3)
        #expect(try store.evidence(individualID: "L01").filter { $0.sampleID == "SC-7" }.count == 3)
        #expect(throws: CatalogError.unknownSample(id: "nope")) { try store.assignSample("nope", to: "L01", actor: "lab") }
    }

    @Test func queriesServeTheCensus() throws {
        let dir = TemporaryDirectory("evidence")
        let store = try survey(dir)
        _ = try store.importEvidence(try rows(Self.text), addIndividuals: false, actor: "test", source: "ev.csv")
        let located = try store.locatedEvidence()
        #expect(located.map(\.individualID) == ["L01", "L02", "L02", "L01"])  // the unassigned sample is not located evidence
        #expect(try store.locatedEvidence(methods: [.gpsCollar]).map(\.latitude) == [43.15, 43.16])
        let deaths = try store.evidenceDeaths()
        #expect(deaths.count == 1 && deaths[0].individualID == "L01" && deaths[0].cause == .roadKill && deaths[0].latitude == 43.3)
        let november = try store.evidence(from: Timestamp.parse("2024-11-01T00:00:00+10:00", defaultZone: nil),
                                          to: Timestamp.parse("2024-12-01T00:00:00+10:00", defaultZone: nil))
        #expect(november.count == 4)
        #expect(try store.evidence(method: .gpsCollar).count == 2)
        try store.mergeIndividual("L02", into: "L01", actor: "test")
        #expect(try store.evidence(individualID: "L01").count == 4)
        #expect(Set(try store.locatedEvidence().map(\.individualID)) == ["L01"])
    }

    @Test func aFailingFileLeavesEarlierImportsIntact() throws {
        let dir = TemporaryDirectory("evidence")
        let store = try survey(dir)
        _ = try store.importEvidence(try rows(Self.text), addIndividuals: false, actor: "test", source: "ev.csv")
        let bad = dir.path("bad.csv")
        try "method,individualID\nsighting,L01\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: RosetteError.self) { try EvidenceCSV.read(bad, defaultZone: zone) }
        #expect(try store.evidence().count == 5)
    }
}
