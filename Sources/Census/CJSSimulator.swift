import Foundation

/// Simulates live-recapture histories with known constant φ and p (seeded, reproducible).
///
/// `animals` are marked (first captured) spread evenly over occasions 1…k−1; after marking each animal
/// survives each interval with probability φ and, while alive, is recaptured with probability p.
public struct CJSSimulator: Sendable {
    public var occasions: Int
    public var animals: Int
    public var phi: Double
    public var p: Double

    public init(occasions: Int, animals: Int, phi: Double, p: Double) {
        (self.occasions, self.animals, self.phi, self.p) = (occasions, animals, phi, p)
    }

    /// One simulated data set.
    public func simulate(seed: UInt64) throws -> CJSData {
        var rng = SplitMix64(seed: seed)
        let cohorts = max(1, occasions - 1)
        var histories: [[Bool]] = []
        histories.reserveCapacity(animals)
        for a in 0..<animals {
            let first = a * cohorts / max(animals, 1)
            var h = Array(repeating: false, count: occasions)
            h[first] = true
            var j = first + 1
            while j < occasions, rng.uniform() < phi {
                if rng.uniform() < p { h[j] = true }
                j += 1
            }
            histories.append(h)
        }
        return try CJSData(histories: histories)
    }

    /// Outcome of one coverage replicate: the φ(.)p(.) estimates and whether their intervals hold the truth.
    public struct Check: Sendable {
        public var phi: Estimate
        public var p: Estimate
        public var phiCovered: Bool
        public var pCovered: Bool
    }

    /// Simulates one data set, fits φ(.)p(.) and reports whether the 95% intervals cover the true φ and p.
    public func coverageCheck(seed: UInt64, confidenceLevel: Double = 0.95) throws -> Check {
        let fit = try CJSModel(phi: .constant, p: .constant, confidenceLevel: confidenceLevel).fit(simulate(seed: seed))
        let phiHat = fit.phi[0].value, pHat = fit.p[0].value
        return Check(phi: phiHat, p: pHat, phiCovered: phiHat.lcl <= phi && phi <= phiHat.ucl,
                     pCovered: pHat.lcl <= p && p <= pHat.ucl)
    }
}
