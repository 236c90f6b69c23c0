import Foundation
import Identify
import Testing
import TestSupport

@Suite struct DescriptorFusionTests {
    /// Synthetic calibration pairs: same-individual pairs score higher on both sources, with overlap.
    static func samples(count: Int = 400) -> [DescriptorFusion.Sample] {
        var rng = SplitMix(state: 7)
        return (0..<count).map { i in
            let same = i % 5 == 0
            let noise = { Double(rng.next() % 1000) / 1000 }
            let verified = same ? 20 * noise() + 5 : 8 * noise()
            let score = verified + 10 * noise()
            let similarity = same ? 0.5 + 0.4 * noise() : 0.2 + 0.4 * noise()
            return DescriptorFusion.Sample(verified: verified, score: score, similarity: similarity, same: same)
        }
    }

    @Test func calibrationIsMonotoneAndDeterministic() throws {
        let fusion = try #require(DescriptorFusion.fit(Self.samples()))
        #expect(fusion.local.weights.allSatisfy { $0 >= 0 })
        #expect((fusion.global.weights.first ?? 0) > 0, "similarity separates the synthetic pairs")
        let grid = stride(from: -1.0, through: 1.0, by: 0.05).map { fusion.global.logOdds([$0]) }
        #expect(zip(grid, grid.dropFirst()).allSatisfy { $0 < $1 })
        let locals = stride(from: 0.0, through: 60, by: 2).map { fusion.logOdds(verified: $0, score: $0, similarity: nil) }
        #expect(zip(locals, locals.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(DescriptorFusion.fit(Self.samples()) == fusion)
        #expect(fusion.sampleCounts.same == 80 && fusion.sampleCounts.different == 320)
    }

    @Test func plattFitRecoversAKnownLogisticAndDropsEvidenceThatCountsAgainst() {
        // Labels drawn from p = σ(2x − 1): the fitted slope and bias come out near 2 and −1.
        var rng = SplitMix(state: 3)
        var xs: [[Double]] = [], ys: [Bool] = []
        for i in 0..<4000 {
            let x = Double(i % 400) / 100 - 2
            let p = 1 / (1 + exp(-(2 * x - 1)))
            xs.append([x, -x])
            ys.append(Double(rng.next() % 1_000_000) / 1_000_000 < p)
        }
        let fit = PlattCalibration.fit(features: xs.map { [$0[0]] }, labels: ys)
        #expect(abs(fit.weights[0] - 2) < 0.25 && abs(fit.bias + 1) < 0.2, "slope \(fit.weights[0]) bias \(fit.bias)")
        // The second feature alone would have a negative slope: it is dropped, never counted against.
        let onlyAgainst = PlattCalibration.fit(features: xs.map { [$0[1]] }, labels: ys)
        #expect(onlyAgainst.weights == [0])
        let both = PlattCalibration.fit(features: xs, labels: ys)
        #expect(both.weights.allSatisfy { $0 >= 0 })
    }

    @Test func strongInBothSourcesBeatsStrongInOne() throws {
        let fusion = try #require(DescriptorFusion.fit(Self.samples()))
        let local = [
            Candidate(individualID: "local-only", score: 30, verifiedScore: 25, inliers: 20, bestEntryKey: "a"),
            Candidate(individualID: "both", score: 28, verifiedScore: 23, inliers: 18, bestEntryKey: "b"),
            Candidate(individualID: "weak", score: 3, verifiedScore: 0, inliers: 0, bestEntryKey: "c"),
        ]
        let matches: [String: GlobalGallery.Match] = [
            "local-only": .init(similarity: 0.25, entryKey: "a"), "both": .init(similarity: 0.85, entryKey: "b"),
            "weak": .init(similarity: 0.3, entryKey: "c"), "global-only": .init(similarity: 0.88, entryKey: "d"),
        ]
        let ranked = fusion.rerank(local, matches: matches)
        #expect(ranked.map(\.individualID).first == "both")
        #expect(ranked.count == 4, "an individual with only global evidence enters the list")
        let globalOnly = try #require(ranked.first { $0.individualID == "global-only" })
        #expect(globalOnly.bestEntryKey == "d" && globalOnly.score == 0)
        let position = { (id: String) in ranked.firstIndex { $0.individualID == id }! }
        #expect(position("both") < position("local-only") && position("both") < position("global-only"))
        #expect(position("weak") == 3)
    }

    @Test func withoutBothKindsOfPairThereIsNoFusion() {
        let same = Self.samples().filter(\.same)
        #expect(DescriptorFusion.fit(same) == nil)
        #expect(DescriptorFusion.fit([]) == nil)
    }
}

@Suite struct DescriptorRankingTests {
    @Test func noModelLeavesEvaluationRankingsUnchanged() throws {
        let fixture = FlankFixtures.twoSided
        // Exact search: two galleries over the same photos then give bit-identical rankings.
        var options = ReidEvaluation.Options()
        options.workers = 2
        options.match = .exact
        let report = try ReidEvaluation(options: options).run(fixture.dataset)
        let gallery = try PatternGallery(entries: fixture.entries, options: .exact)
        for result in report.results {
            let q = fixture.entry(result.imageID)
            let filter = QueryFilter(side: q.side, excludedEncounter: q.encounter, excludedKeys: [q.key])
            let ranking = try gallery.rank(q.features, filter: filter)
            #expect(result.predicted == ranking.first?.individualID)
            #expect(result.predictedKey == ranking.first?.bestEntryKey)
            #expect(result.rank == ranking.firstIndex { $0.individualID == q.individualID }.map { $0 + 1 })
        }
        #expect(report.queries == 48)
        let ranker = DescriptorRanker(global: GlobalGallery(), fusion: nil, calibrationQueries: 0)
        let q = fixture.entries[0]
        let local = try gallery.rank(q.features, filter: QueryFilter(excludedKeys: [q.key]))
        #expect(ranker.rank(local, embedding: [1, 0], filter: QueryFilter()) == local)
    }

    @Test func evaluationWithTheTinyNetworkRanksEveryQuery() throws {
        let fixture = FlankFixtures.twoSided
        var options = ReidEvaluation.Options()
        options.workers = 2
        options.descriptor = try DescriptorFixtures.model()
        let fused = try ReidEvaluation(options: options).run(fixture.dataset) { print($0) }
        let again = try ReidEvaluation(options: options).run(fixture.dataset)
        print("two-sided synthetic with the tiny descriptor: \(fused.summaryLine)")
        #expect(fused.queries == 48)
        #expect(fused.results.allSatisfy { $0.rank != nil }, "global evidence ranks every individual")
        #expect(fused.results.map(\.rank) == again.results.map(\.rank), "deterministic")
        #expect(fused.top1 >= 0.75, "a meaningless embedding must not wreck strong local evidence")
    }
}

/// A small seeded generator for test data (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
