import Foundation

/// A small, fast, seedable generator (SplitMix64), so simulations are reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Poisson variate by counting exponential arrivals (fine for the means used in simulations).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        var count = 0
        var time = -log1p(-uniform())
        while time < mean {
            count += 1
            time -= log1p(-uniform())
        }
        return count
    }
}
