/// A xoshiro256** pseudo-random generator seeded through SplitMix64.
///
/// The same seed gives the same stream on every machine and Swift version, which
/// `SystemRandomNumberGenerator` cannot promise. Streams for independent stages are
/// derived with ``SeededGenerator/init(seed:stream:)`` so that changing one stage
/// (e.g. photo settings) never shifts the random numbers of another (e.g. the population).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the four state words from `seed` with SplitMix64.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededGenerator.splitMix(&sm)
        s1 = SeededGenerator.splitMix(&sm)
        s2 = SeededGenerator.splitMix(&sm)
        s3 = SeededGenerator.splitMix(&sm)
        if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
    }

    /// A generator for a named sub-stream of `seed` (e.g. `stream: "population"`), optionally indexed.
    public init(seed: UInt64, stream: String, index: UInt64 = 0) {
        self.init(seed: SeededGenerator.mix(seed, SeededGenerator.hash(stream), index))
    }

    /// Next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always) private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// One SplitMix64 step.
    @inline(__always) static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a hash of a label: stable across runs (unlike `String.hashValue`).
    static func hash(_ label: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Mixes several words into one seed.
    static func mix(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        var s = a
        var r = splitMix(&s) ^ b
        r = splitMix(&r) ^ c
        return splitMix(&r)
    }
}
