import Foundation
import Identify
import Testing
import TestSupport

@Suite struct ReidEvaluationTests {
    @Test func easySyntheticFlanksAreIdentifiedAtTopOne() throws {
        let fixture = FlankFixtures.easy
        let report = try ReidEvaluation().run(fixture.dataset)
        print("easy synthetic (30 identities × 4 encounters): \(report.summaryLine)")
        #expect(report.queries == 120)
        #expect(report.top1 >= 0.9)
        #expect(report.top5 >= report.top1)
        #expect(report.problems.isEmpty)
    }
}

@Suite struct ReidProtocolTests {
    /// 10 identities, each photographed in one encounter only, two frames of the same burst.
    static func burstOnly(encounterColumn: Bool) throws -> ReidDataset {
        var spec = SyntheticFlanks.DatasetSpec()
        spec.identities = 10
        spec.encounters = 1
        spec.photosPerEncounter = 2
        spec.encounterColumn = encounterColumn
        spec.firstIdentity = 200
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rosette-identify-fixtures/burst-\(encounterColumn)-v1")
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("metadata.csv").path) {
            try SyntheticFlanks.writeDataset(spec, to: folder)
        }
        return try ReidDataset(directory: folder)
    }

    @Test func sameEncounterDuplicatesAreNotCountedAsMatches() throws {
        // Without encounters every burst frame finds its twin: a perfect but meaningless score.
        let naive = try ReidEvaluation().run(try Self.burstOnly(encounterColumn: false))
        #expect(naive.queries == 20)
        #expect(naive.top1 == 1)
        // With encounters, no identity has a photo of another encounter: nothing may be counted.
        let honest = try ReidEvaluation().run(try Self.burstOnly(encounterColumn: true))
        #expect(honest.queries == 0)
        #expect(honest.summaryLine.hasSuffix("queries=0 s_per_query=0.000"))
    }

    @Test func twoSidedDatasetComparesSameSidesOnly() throws {
        let report = try ReidEvaluation().run(FlankFixtures.twoSided.dataset)
        print("two-sided synthetic (8 identities × 2 sides × 3 encounters): \(report.summaryLine)")
        #expect(report.queries == 48)
        #expect(report.top1 >= 0.9)
        #expect(report.perIdentity.count == 8)
    }

    @Test func summaryLineHasTheAgreedFields() throws {
        let report = ReidReport(results: [
            .init(imageID: "a", identity: "L1", rank: 1, seconds: 0.01),
            .init(imageID: "b", identity: "L1", rank: 2, seconds: 0.03),
            .init(imageID: "c", identity: "L2", rank: nil, seconds: 0.02),
            .init(imageID: "d", identity: "L2", rank: 6, seconds: 0.02),
        ], problems: [], images: 4, extractionSeconds: 0)
        #expect(report.summaryLine == "top1=0.250 top5=0.500 mAP=0.417 macro_top1=0.250 queries=4 s_per_query=0.020")
    }
}
