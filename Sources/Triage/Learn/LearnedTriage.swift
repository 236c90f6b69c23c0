import Foundation
import Store

/// Learns from the reviewer: a per-survey model over burst features (`BurstFeatures`), trained on the bursts
/// people marked empty or not, checked by k-fold cross-validation before it is used.
///
/// The model scores only bursts the detector kept (a stored box); a burst with none is already blank. Its
/// threshold is the highest score that keeps `recall` of the reviewed non-empty bursts in the held-out folds;
/// an unreviewed burst scored below it is sure to be empty, anything at or above it is kept. With fewer reviewed
/// bursts than `Settings.minReviewed`, or fewer than `minPerClass` of either kind, it refuses
/// (`TriageError.tooFewReviewed`) and nothing is changed.
public struct LearnedTriage: Sendable {
    /// The minimum sample and the model's settings.
    public struct Settings: Sendable, Equatable {
        /// Reviewed bursts with a box needed: 30 gives 5 folds of 6.
        public var minReviewed = 30
        /// Of each kind (empty, not empty): 10 puts 2 of each in every one of 5 folds.
        public var minPerClass = 10
        public var folds = 5
        /// Held-out recall of non-empty bursts the threshold keeps.
        public var recall = 0.99
        public var model = BoostedTrees.Settings()
        public init() {}
    }

    /// One fold's held-out figures at the chosen threshold.
    public struct Fold: Sendable, Equatable, Codable {
        public var animal = 0, animalKept = 0, empty = 0, emptyRemoved = 0
        public var recall: Double { animal == 0 ? 1 : Double(animalKept) / Double(animal) }
        public var removed: Double { empty == 0 ? 0 : Double(emptyRemoved) / Double(empty) }
    }

    /// What cross-validation found and what applying the model would mark.
    public struct Plan: Sendable {
        public var detector: String
        /// Reviewed bursts the detector processed: with a box (the training set) and without (already blank).
        public var reviewedWithBox = 0, reviewedAnimal = 0, reviewedEmpty = 0
        public var reviewedAnimalWithoutBox = 0, reviewedEmptyWithoutBox = 0
        public var folds: [Fold] = []
        public var total = Fold()
        /// Bursts scored below it are empty.
        public var threshold = 0.0
        /// Unreviewed bursts with a box, and those below the threshold → P(empty).
        public var unreviewedWithBox = 0
        public var sureEmpty: [String: Double] = [:]
    }

    public let store: SurveyStore
    public var settings: Settings

    public init(store: SurveyStore, settings: Settings = Settings()) {
        self.store = store
        self.settings = settings
    }

    /// Cross-validates on the reviewed bursts and scores the rest; throws `tooFewReviewed` below the minimum.
    public func plan(detector: String) throws -> Plan {
        let verdicts = try store.reviewedBurstVerdicts()
        let bursts = try store.learningBursts(detector: detector)
        let stations = Dictionary(uniqueKeysWithValues: Set(bursts.map(\.station)).sorted().enumerated().map { ($1, $0) })
        var plan = Plan(detector: detector)
        var train: [(id: String, x: [Double], y: Bool)] = []
        var rest: [(id: String, x: [Double])] = []
        for b in bursts {
            let hasBox = b.frames.contains { !$0.boxes.isEmpty }
            switch (verdicts[b.eventID], hasBox) {
            case (let v?, true): train.append((b.eventID, BurstFeatures.of(b, stations: stations), v))
            case (true?, false): plan.reviewedAnimalWithoutBox += 1
            case (false?, false): plan.reviewedEmptyWithoutBox += 1
            case (nil, true): rest.append((b.eventID, BurstFeatures.of(b, stations: stations)))
            case (nil, false): break
            }
        }
        plan.reviewedWithBox = train.count
        plan.reviewedAnimal = train.filter(\.y).count
        plan.reviewedEmpty = train.count - plan.reviewedAnimal
        plan.unreviewedWithBox = rest.count
        guard train.count >= settings.minReviewed, plan.reviewedAnimal >= settings.minPerClass,
              plan.reviewedEmpty >= settings.minPerClass else {
            throw TriageError.tooFewReviewed(detector: detector, reviewed: train.count, animal: plan.reviewedAnimal,
                                             empty: plan.reviewedEmpty, minReviewed: settings.minReviewed,
                                             minPerClass: settings.minPerClass)
        }
        let fold = LearnedTriage.folds(train.map(\.y), k: settings.folds)
        var heldOut = [Double](repeating: 0, count: train.count)
        for k in 0..<settings.folds {
            let inside = train.indices.filter { fold[$0] != k }
            let model = BoostedTrees.train(inside.map { train[$0].x }, inside.map { train[$0].y }, settings: settings.model)
            for i in train.indices where fold[i] == k { heldOut[i] = model.probability(train[i].x) }
        }
        plan.threshold = LearnedTriage.threshold(scores: heldOut, labels: train.map(\.y), recall: settings.recall)
        plan.folds = (0..<settings.folds).map { k in
            LearnedTriage.score(train.indices.filter { fold[$0] == k }.map { (heldOut[$0], train[$0].y) }, threshold: plan.threshold)
        }
        plan.total = LearnedTriage.score(train.indices.map { (heldOut[$0], train[$0].y) }, threshold: plan.threshold)
        let model = BoostedTrees.train(train.map(\.x), train.map(\.y), settings: settings.model)
        for r in rest {
            let p = model.probability(r.x)
            if p < plan.threshold { plan.sureEmpty[r.id] = 1 - p }
        }
        return plan
    }

    /// Stores the plan's sure-empty bursts as machine blanks (replacing this detector's earlier marks).
    public func apply(_ plan: Plan) throws -> SurveyStore.LearnedMarkChange {
        try store.replaceLearnedBlanks(detector: plan.detector, bursts: plan.sureEmpty)
    }

    /// Stratified fold of each row: each class in its order, dealt round-robin from a fixed shuffle.
    static func folds(_ labels: [Bool], k: Int) -> [Int] {
        var fold = [Int](repeating: 0, count: labels.count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        for cls in [true, false] {
            var rows = labels.indices.filter { labels[$0] == cls }
            for i in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(i, Int(next() % UInt64(i + 1))) }
            for (j, i) in rows.enumerated() { fold[i] = j % k }
        }
        return fold
    }

    /// The highest threshold with at most ⌊(1 − recall) × positives⌋ positives scored below it: the score of
    /// the next lowest positive. Nothing is removed when there are no positives.
    static func threshold(scores: [Double], labels: [Bool], recall: Double) -> Double {
        let positives = zip(scores, labels).filter(\.1).map(\.0).sorted()
        guard !positives.isEmpty else { return 0 }
        let allowed = Int(((1 - recall) * Double(positives.count)).rounded(.down) + 1e-9)
        return positives[min(allowed, positives.count - 1)]
    }

    /// Held-out figures for (score, is animal) pairs: kept at or above the threshold, removed below.
    static func score(_ pairs: [(Double, Bool)], threshold: Double) -> Fold {
        var f = Fold()
        for (s, y) in pairs {
            if y { f.animal += 1; if s >= threshold { f.animalKept += 1 } }
            else { f.empty += 1; if s < threshold { f.emptyRemoved += 1 } }
        }
        return f
    }
}
