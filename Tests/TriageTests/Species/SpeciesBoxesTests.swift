import Core
import Foundation
@testable import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct SpeciesBoxesTests {
    @Test func aTaggedPhotosBoxesTakeTheTaggedSpecies() throws {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E2"), ("S1/c.JPG", "E2"), ("S1/d.JPG", "E3")])
        try s.detect(["S1/a.JPG": [(.animal, 0.9)], "S1/b.JPG": [(.animal, 0.8), (.animal, 0.6)], "S1/c.JPG": [(.animal, 0.7)],
                      "S1/d.JPG": [(.animal, 0.5), (.animal, 0.1)]])
        try s.tag("S1/a.JPG", "Leopard Cat")
        try s.tag("S1/b.JPG", "Amur leopard")
        let boxes = try s.store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.5)
        #expect(boxes.count == 5)   // d's 0.1 box is below the detection threshold
        let a = boxes.filter { $0.mediaID == s.ids["S1/a.JPG"] }
        #expect(a.count == 1 && a[0].scientificName == "Prionailurus bengalensis" && a[0].speciesLabel == "Leopard Cat")
        #expect(a[0].evidence == .person && a[0].speciesProbability == nil)
        #expect(a[0].filePath == TriageFixtures.root + "/S1/a.JPG" && a[0].imageWidth == 640 && a[0].eventID == "E1")
        // Both boxes of b, and c's box in the same burst (untagged), are the tagged leopard.
        let burst = boxes.filter { $0.eventID == "E2" }
        #expect(burst.count == 3 && burst.allSatisfy { $0.scientificName == "Panthera pardus orientalis" && $0.evidence == .person })
        let d = boxes.filter { $0.mediaID == s.ids["S1/d.JPG"] }
        #expect(d.count == 1 && d[0].evidence == SpeciesEvidence.none && d[0].scientificName == nil && d[0].speciesLabel == "animal")
        let leopards = try s.store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.5, scientificNamePrefix: "Panthera pardus")
        #expect(Set(leopards.map(\.detectionID)) == Set(burst.map(\.detectionID)))
        #expect(try s.store.speciesBoxes(detectionThreshold: 0.75, speciesThreshold: 0.5).count == 2)
    }

    @Test func classifierEvidenceIsSmoothedOverTheBurst() throws {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E1"), ("S1/c.JPG", "E1")])
        try s.detect(["S1/a.JPG": [(.animal, 0.9)], "S1/b.JPG": [(.animal, 0.9)], "S1/c.JPG": [(.animal, 0.9)]])
        try s.guess("S1/a.JPG", box: 0, [("sika_deer", 0.9), ("wild boar", 0.05)])
        try s.guess("S1/b.JPG", box: 0, [("sika_deer", 0.7), ("wild boar", 0.2)])
        try s.guess("S1/c.JPG", box: 0, [("wild boar", 0.6), ("sika_deer", 0.35)])
        let boxes = try s.store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.5)
        let byMedia = Dictionary(uniqueKeysWithValues: boxes.map { ($0.mediaID, $0) })
        #expect(byMedia[s.ids["S1/a.JPG"]!]?.evidence == .classifier && byMedia[s.ids["S1/a.JPG"]!]?.speciesProbability == 0.9)
        let c = byMedia[s.ids["S1/c.JPG"]!]!
        #expect(c.scientificName == "Cervus nippon" && c.evidence == .smoothed)
        #expect(abs((c.speciesProbability ?? 0) - (0.9 + 0.7 + 0.35) / 3) < 1e-9)
        // The raw guesses are no census records; only an apply's rows are.
        #expect(try s.count("SELECT COUNT(*) FROM observation WHERE source = 'classifier'") == 6)
        #expect(try s.count("SELECT COUNT(*) FROM observation o WHERE o.source = 'classifier' AND \(SurveyStore.namesSpecies)") == 0)
    }

    @Test func applyReplacesOnlyItsOwnRows() throws {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E1"), ("S2/c.JPG", "E2")])
        try s.detect(["S1/a.JPG": [(.animal, 0.9)], "S1/b.JPG": [(.animal, 0.9), (.animal, 0.8)], "S2/c.JPG": [(.animal, 0.9)]])
        try s.guess("S1/a.JPG", box: 0, [("wild boar", 0.8)])
        try s.tag("S2/c.JPG", "sika deer")
        let before = try s.count("SELECT COUNT(*) FROM observation")
        // E1's boar evidence summed over its 3 boxes is 0.8 / 3 ≈ 0.27: smoothed at a species threshold of 0.25.
        let boxes = try s.store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.25)
        let first = try s.store.applySpecies(boxes, note: "test")
        // 3 boar boxes in E1 (machine: 1 classifier + 2 smoothed) → 3 box rows; bursts: E1 boar, E2 sika (person).
        #expect((first.boxRows, first.eventRows, first.replaced) == (3, 2, 0))
        let second = try s.store.applySpecies(boxes, note: "test")
        #expect(second.replaced == 5 && second.boxRows == 3)
        #expect(try s.count("SELECT COUNT(*) FROM observation") == before + 5)
        #expect(try s.count("SELECT count FROM observation WHERE source = 'species' AND eventID = 'E1' AND mediaID IS NULL") == 2)
        #expect(try s.count("""
            SELECT COUNT(*) FROM observation o WHERE o.source = 'species' AND o.mediaID IS NOT NULL
              AND o.scientificName = 'Sus scrofa' AND \(SurveyStore.namesSpecies)
            """) == 3)
    }
}
