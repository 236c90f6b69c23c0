import Foundation

/// Spatial capture histories: counts per animal × occasion × detector, with the detector layout.
///
/// Counts are 0/1 for proximity and multi-catch detectors and any non-negative integer for count detectors.
public struct CaptureHistories: Sendable, Equatable {
    /// Animal identifiers (strings, e.g. `"0201"`), in order of first appearance.
    public var animalIDs: [String]
    /// Number of sampling occasions.
    public var occasions: Int
    /// Detector layout and usage.
    public var traps: TrapLayout
    /// Flattened counts, index `(animal * occasions + occasion) * detectors + detector`.
    public var counts: [Int]

    /// Creates empty histories for the given animals.
    public init(animalIDs: [String], occasions: Int, traps: TrapLayout) {
        self.animalIDs = animalIDs
        self.occasions = occasions
        self.traps = traps
        self.counts = Array(repeating: 0, count: animalIDs.count * occasions * traps.count)
    }

    /// Number of animals detected at least once.
    public var animals: Int { animalIDs.count }

    /// Number of detectors.
    public var detectors: Int { traps.count }

    /// Count for animal `i`, occasion `s`, detector `k` (all 0-based).
    public subscript(animal i: Int, occasion s: Int, detector k: Int) -> Int {
        get { counts[(i * occasions + s) * traps.count + k] }
        set { counts[(i * occasions + s) * traps.count + k] = newValue }
    }

    /// Total number of detections (sum of all counts).
    public var detections: Int { counts.reduce(0, +) }

    /// Number of animals detected more than once (at any detector or occasion).
    public var recapturedAnimals: Int {
        let block = occasions * traps.count
        var result = 0
        for i in 0..<animals {
            var total = 0
            for j in 0..<block { total += counts[i * block + j] }
            if total > 1 { result += 1 }
        }
        return result
    }

    /// Log of the multinomial coefficient n! / Π n_ω! over distinct histories (secr's `logmultinom`).
    public var logMultinomialCoefficient: Double {
        let block = occasions * traps.count
        var groups: [ArraySlice<Int>: Int] = [:]
        for i in 0..<animals { groups[counts[(i * block)..<((i + 1) * block)], default: 0] += 1 }
        var value = Numerics.logGamma(Double(animals) + 1)
        for (_, c) in groups { value -= Numerics.logGamma(Double(c) + 1) }
        return value
    }

    /// Non-spatial 0/1 capture histories (animal × occasion), for closed-population models.
    public func nonSpatialHistories() -> [[Bool]] {
        (0..<animals).map { i in
            (0..<occasions).map { s in
                (0..<traps.count).contains { k in self[animal: i, occasion: s, detector: k] > 0 }
            }
        }
    }
}
