import Foundation

extension LabelValidation {
    /// How many of a kind of frame or burst the detector got right, out of how many.
    public struct Count: Sendable, Encodable, Equatable {
        public var hit = 0
        public var total = 0
        /// hit / total, 0 when there are none.
        public var share: Double { total > 0 ? Double(hit) / Double(total) : 0 }

        public init(hit: Int = 0, total: Int = 0) {
            self.hit = hit
            self.total = total
        }

        mutating func add(_ isHit: Bool) {
            total += 1
            if isHit { hit += 1 }
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(hit, forKey: .hit)
            try c.encode(total, forKey: .total)
            try c.encode((share * 1000).rounded() / 1000, forKey: .share)
        }

        enum CodingKeys: String, CodingKey { case hit, total, share }
    }

    /// Animal bursts and frames found, for one species or one class.
    public struct Group: Sendable, Encodable, Equatable {
        public var name: String
        /// For a species, its class; for a class row, the class again.
        public var taxonClass: String
        public var bursts = Count()
        public var frames = Count()
    }

    /// The scores at one confidence threshold. Every `hit` is "found" (a kept box) except for empty frames and
    /// bursts, where it is "removed" (no kept box).
    public struct Report: Sendable, Encodable, Equatable {
        public var threshold: Double
        /// Bursts with an animal frame where some frame of the burst has a kept box.
        public var animalBursts = Count()
        /// Animal frames with a kept box.
        public var animalFrames = Count()
        /// Bursts whose frames are all empty, with no kept box in any of them.
        public var emptyBurstsRemoved = Count()
        public var emptyFramesRemoved = Count()
        /// Bursts with a human frame where some frame has a kept box.
        public var humanBursts = Count()
        /// By class (mammal, bird, reptile …), largest first.
        public var classes: [Group] = []
        /// By species, largest first.
        public var species: [Group] = []
        /// The animal bursts with no kept box, and the empty bursts with one (burst names).
        public var missedAnimalBursts: [String] = []
        public var keptEmptyBursts: [String] = []

        /// The mammal bursts, when any are labelled.
        public var mammalBursts: Count? { classes.first { $0.name == SpeciesClass.mammal }?.bursts }
    }

    /// All that `run` found: what was matched, the problems (file and line each) and a report per threshold.
    public struct Result: Sendable, Encodable, Equatable {
        public var detector: String
        public var labels: String
        public var framesInLabels = 0
        public var framesMatched = 0
        /// Matched frames the detector processed (without a failure); only these are scored.
        public var framesScored = 0
        public var bursts = 0
        public var animalBurstCount = 0
        public var humanBurstCount = 0
        public var emptyBurstCount = 0
        public var problems: [String] = []
        /// With `learned`: scored frames whose box the learned triage overrode (`triage learn --apply` marked
        /// their burst empty); nil when the learned marks were not used.
        public var framesMarkedEmptyByLearned: Int?
        public var reports: [Report] = []
    }
}
