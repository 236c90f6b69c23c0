import Foundation

/// Non-spatial closed-population capture data: 0/1 histories, or only the capture frequencies.
///
/// Frequencies f_k count the animals caught on exactly k of the t occasions. Models Mt and Mb need the
/// histories (per-occasion and first-capture counts); M0, Mh2, the jackknife and Chao's estimator only need
/// the frequencies.
public struct ClosedCaptureData: Sendable, Equatable {
    /// Number of occasions t.
    public var occasions: Int
    /// f_1 … f_t.
    public var frequencies: [Int]
    /// Histories (animal × occasion), when known.
    public var histories: [[Bool]]?

    /// Data from 0/1 histories (one row per animal caught at least once; all rows of equal length).
    public init(histories: [[Bool]]) throws {
        guard let t = histories.first?.count, t > 0 else {
            throw CensusError.invalidArgument("no capture histories given")
        }
        guard histories.allSatisfy({ $0.count == t }) else {
            throw CensusError.invalidArgument("capture histories differ in length; each needs \(t) occasions")
        }
        let caught = histories.filter { $0.contains(true) }
        var f = Array(repeating: 0, count: t)
        for h in caught { f[h.filter { $0 }.count - 1] += 1 }
        self.occasions = t
        self.frequencies = f
        self.histories = caught
    }

    /// Data from capture frequencies f_1, f_2, … (trailing entries may be omitted) over `occasions` occasions.
    public init(frequencies: [Int], occasions: Int) throws {
        guard occasions >= 2 else {
            throw CensusError.invalidArgument("closed-population models need at least 2 occasions, not \(occasions)")
        }
        guard frequencies.count <= occasions else {
            throw CensusError.invalidArgument(
                "\(frequencies.count) frequencies given for \(occasions) occasions (f_k needs k ≤ occasions)")
        }
        guard frequencies.allSatisfy({ $0 >= 0 }) else {
            throw CensusError.invalidArgument("capture frequencies must be non-negative")
        }
        self.occasions = occasions
        self.frequencies = frequencies + Array(repeating: 0, count: occasions - frequencies.count)
        self.histories = nil
    }

    /// Number of animals caught, Mt+1.
    public var animals: Int { frequencies.reduce(0, +) }

    /// Total number of captures, Σ k·f_k.
    public var totalCaptures: Int { frequencies.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element } }

    /// Number of animals caught more than once.
    public var recapturedAnimals: Int { frequencies.dropFirst().reduce(0, +) }

    /// Animals caught on each occasion, n_j (histories only).
    public var capturesPerOccasion: [Int]? {
        histories.map { h in (0..<occasions).map { j in h.filter { $0[j] }.count } }
    }

    /// Animals caught for the first time on each occasion, u_j (histories only).
    public var firstCapturesPerOccasion: [Int]? {
        guard let histories else { return nil }
        var u = Array(repeating: 0, count: occasions)
        for h in histories { if let first = h.firstIndex(of: true) { u[first] += 1 } }
        return u
    }
}
