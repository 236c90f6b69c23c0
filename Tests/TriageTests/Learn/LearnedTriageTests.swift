import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

/// The learned per-survey triage (issue #17 item 3): the model, its recall threshold, its refusal.
@Suite struct LearnedTriageTests {
    /// Two overlapping classes in three features (one of them noise): a deterministic pseudo-random sample.
    static func sample(_ n: Int, seed: UInt64) -> (x: [[Double]], y: [Bool]) {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x: [[Double]] = [], y: [Bool] = []
        for _ in 0..<n {
            let animal = uniform() < 0.5
            // An animal's burst: more frames with a box and a more coherent path; empty bursts overlap a little.
            let frames = animal ? 1 + 3 * uniform() : 2.2 * uniform()
            let coherence = animal ? 0.4 + 0.6 * uniform() : 0.5 * uniform()
            x.append([frames, coherence, uniform()])
            y.append(animal)
        }
        return (x, y)
    }

    @Test func theModelSeparatesHeldOutBurstsAndIsTheSameEachTime() {
        let train = Self.sample(300, seed: 1), test = Self.sample(300, seed: 2)
        let model = BoostedTrees.train(train.x, train.y)
        let right = zip(test.x, test.y).filter { (model.probability($0.0) >= 0.5) == $0.1 }.count
        #expect(Double(right) / 300 > 0.9, "held-out accuracy \(right)/300")
        #expect(BoostedTrees.train(train.x, train.y) == model)
        // The noise feature alone is no better than chance.
        let noise = BoostedTrees.train(train.x.map { [$0[2]] }, train.y)
        let chance = zip(test.x, test.y).filter { (noise.probability([$0.0[2]]) >= 0.5) == $0.1 }.count
        #expect(Double(chance) / 300 < 0.65, "noise feature accuracy \(chance)/300")
    }

    @Test(arguments: [0.99, 0.95, 0.9])
    func theThresholdKeepsTheAskedRecallOnHeldOutScores(recall: Double) {
        let data = Self.sample(400, seed: 3)
        let fold = LearnedTriage.folds(data.y, k: 5)
        var held = [Double](repeating: 0, count: data.y.count)
        for k in 0..<5 {
            let inside = data.y.indices.filter { fold[$0] != k }
            let model = BoostedTrees.train(inside.map { data.x[$0] }, inside.map { data.y[$0] })
            for i in data.y.indices where fold[i] == k { held[i] = model.probability(data.x[i]) }
        }
        let t = LearnedTriage.threshold(scores: held, labels: data.y, recall: recall)
        let result = LearnedTriage.score(data.y.indices.map { (held[$0], data.y[$0]) }, threshold: t)
        #expect(result.recall >= recall, "recall \(result.recall) at threshold \(t)")
        #expect(result.emptyRemoved > 0, "a threshold that removes nothing would be trivially safe")
        // Each fold holds both classes in proportion.
        for k in 0..<5 { #expect(data.y.indices.contains { fold[$0] == k && data.y[$0] } && data.y.indices.contains { fold[$0] == k && !data.y[$0] }) }
    }

    @Test func tooFewReviewedBurstsIsRefusedAndNothingChanges() throws {
        let dir = TemporaryDirectory("learned-refusal")
        let store = try TriageFixtures.store(paths: ["S01/A/IMG_0001.JPG", "S01/A/IMG_0002.JPG"], in: dir)
        #expect {
            _ = try LearnedTriage(store: store).plan(detector: "rosette-motion")
        } throws: { error in
            guard case TriageError.tooFewReviewed(_, let reviewed, _, _, let minReviewed, _) = error else { return false }
            let text = "\(error)"
            return reviewed == 0 && minReviewed == 30 && text.contains("too few reviewed bursts")
                && text.contains("Nothing was changed") && text.contains("rosette triage mark")
        }
        #expect(try store.learnedBlanks(detector: "rosette-motion").isEmpty)
    }
}
