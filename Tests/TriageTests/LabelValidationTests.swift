import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct LabelValidationTests {
    /// Four bursts on one camera: a paca burst found in one of its two frames, a dove burst missed, an empty burst
    /// with a false box, an empty burst left clean; one person burst found.
    static let paths = ["S01/A/1.JPG", "S01/A/2.JPG", "S01/A/3.JPG", "S01/A/4.JPG", "S01/A/5.JPG", "S01/A/6.JPG"]

    static func scored(_ labels: String, threshold: Double = 0.2) throws -> LabelValidation.Result {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: paths, in: dir)
        let ids = Dictionary(uniqueKeysWithValues: try store.triageMediaRefs().map { ($0.filePath, $0.mediaID) })
        func box(_ conf: Double) -> Observation {
            Detection(kind: .animal, confidence: conf, box: RelativeBox(x: 0.1, y: 0.1, width: 0.2, height: 0.2)).observation()
        }
        try store.saveTriageResults(runID: nil, detector: "d", results: [
            TriageMediaResult(mediaID: ids["S01/A/1.JPG"]!, detections: [box(0.6)]),
            TriageMediaResult(mediaID: ids["S01/A/2.JPG"]!, detections: []),
            TriageMediaResult(mediaID: ids["S01/A/3.JPG"]!, detections: [box(0.1)]),
            TriageMediaResult(mediaID: ids["S01/A/4.JPG"]!, detections: [box(0.3)]),
            TriageMediaResult(mediaID: ids["S01/A/5.JPG"]!, detections: []),
            TriageMediaResult(mediaID: ids["S01/A/6.JPG"]!, detections: [box(0.9)]),
        ])
        let file = dir.path("labels.csv")
        try labels.write(to: file, atomically: true, encoding: .utf8)
        return try LabelValidation(store: store).run(labels: file.path, detector: "d", thresholds: [threshold])
    }

    static let good = """
        path,datetime,burst,label,species,count,notes
        S01/A/1.JPG,,b1,animal,paca,1,
        S01/A/2.JPG,,b1,animal,Paca,1,
        S01/A/3.JPG,,b2,animal,ground dove,1,
        S01/A/4.JPG,,b3,empty,,0,"sun, flecks"
        S01/A/5.JPG,,b4,empty,,0,
        S01/A/6.JPG,,b5,human,human,2,
        """

    @Test(arguments: [(0.2, 1, 1, 1), (0.05, 2, 2, 1), (0.7, 0, 0, 2)])
    func burstsAndFramesFollowTheThreshold(threshold: Double, animalBursts: Int, animalFrames: Int, emptyRemoved: Int) throws {
        let result = try Self.scored(Self.good, threshold: threshold)
        #expect(result.problems.isEmpty)
        #expect((result.framesInLabels, result.framesMatched, result.framesScored) == (6, 6, 6))
        #expect((result.bursts, result.animalBurstCount, result.humanBurstCount, result.emptyBurstCount) == (5, 2, 1, 2))
        let r = try #require(result.reports.first)
        #expect(r.animalBursts == LabelValidation.Count(hit: animalBursts, total: 2))
        // Frames 1 (0.6) and 3 (0.1) carry boxes; frame 2 has none.
        #expect(r.animalFrames == LabelValidation.Count(hit: animalFrames, total: 3))
        #expect(r.emptyBurstsRemoved == LabelValidation.Count(hit: emptyRemoved, total: 2))
        #expect(r.humanBursts.total == 1)
    }

    @Test func speciesAndClassesAreReportedApart() throws {
        let r = try #require(try Self.scored(Self.good).reports.first)
        let paca = try #require(r.species.first { $0.name == "paca" })
        #expect(paca.taxonClass == SpeciesClass.mammal)
        #expect(paca.bursts == LabelValidation.Count(hit: 1, total: 1))
        #expect(paca.frames == LabelValidation.Count(hit: 1, total: 2))
        let dove = try #require(r.species.first { $0.name == "ground dove" })
        #expect(dove.taxonClass == SpeciesClass.bird)
        #expect(dove.bursts == LabelValidation.Count(hit: 0, total: 1))
        #expect(r.mammalBursts == LabelValidation.Count(hit: 1, total: 1))
        #expect(r.missedAnimalBursts == ["b2"])
        #expect(r.keptEmptyBursts == ["b3"])
    }

    @Test func badRowsAreListedWithTheirLineAndTheRestScored() throws {
        let labels = """
            path,burst,label,species
            S01/A/1.JPG,b1,animal,paca
            S01/A/2.JPG,b1,aminal,paca
            S09/Z/1.JPG,b9,animal,tapir
            A/1.JPG,b1,animal,paca
            S01/A/4.JPG,b3,empty,
            """
        let result = try Self.scored(labels)
        #expect(result.problems.count == 3, "\(result.problems)")
        #expect(result.problems.contains { $0.contains("labels.csv:3, column label: 'aminal'") })
        #expect(result.problems.contains { $0.contains("labels.csv:4, column path: 'S09/Z/1.JPG' matches no ingested photo") })
        // A/1.JPG ends S01/A/1.JPG: the photo labelled on line 2 again.
        #expect(result.problems.contains { $0.contains("labels.csv:5") && $0.contains("line 2") })
        #expect(result.framesMatched == 2)
        let r = try #require(result.reports.first)
        #expect(r.animalBursts == LabelValidation.Count(hit: 1, total: 1))
        #expect(r.emptyBurstsRemoved == LabelValidation.Count(hit: 0, total: 1))
    }

    @Test func aTableWithoutPathOrLabelIsRefusedAndOneWithoutSpeciesIsScored() throws {
        #expect(throws: TriageError.self) { try Self.scored("file,burst,label,species\nS01/A/1.JPG,b1,animal,paca\n") }
        let result = try Self.scored("path,burst,label\nS01/A/1.JPG,b1,animal\nS01/A/5.JPG,b4,empty\n")
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains(":1: missing column(s) species") == true)
        let r = try #require(result.reports.first)
        #expect(r.species.map(\.name) == ["unidentified"])
        #expect(r.animalBursts == LabelValidation.Count(hit: 1, total: 1))
    }

    @Test(arguments: [("paca", "mammal"), ("brocket deer", "mammal"), ("Ground Dove", "bird"), ("tegu lizard", "reptile"),
                      ("rabbit", "mammal"), ("jaguar", "mammal"), ("tapir", "mammal"), ("small rodents", "mammal"),
                      ("bird", "bird"), ("leaf", "unclassified")])
    func speciesClassFromCommonNames(label: String, expected: String) {
        #expect(SpeciesClass.of(label) == expected)
    }
}
