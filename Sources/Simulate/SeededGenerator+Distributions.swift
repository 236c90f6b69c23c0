import Foundation

extension SeededGenerator {
    /// Uniform double in [0, 1) with 53 random bits.
    @inline(__always) public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform double in [a, b).
    @inline(__always) public mutating func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * uniform()
    }

    /// Uniform integer in 0..<n (n > 0), by Lemire's multiply-shift (tiny bias irrelevant here).
    @inline(__always) public mutating func integer(below n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// True with probability p.
    @inline(__always) public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Standard normal by the Box–Muller transform (one value per call, the pair's twin discarded
    /// so that the stream position never depends on call history).
    public mutating func normal(mean: Double = 0, sd: Double = 1) -> Double {
        let u1 = max(uniform(), 0x1.0p-60)
        let u2 = uniform()
        return mean + sd * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// Exponential with the given rate.
    public mutating func exponential(rate: Double) -> Double {
        -log(1 - uniform()) / rate
    }

    /// Poisson count with the given mean: inversion for small means, a normal approximation
    /// corrected to integers for large ones (means above 60 never occur in the detection model).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean < 60 {
            let limit = exp(-mean)
            var product = uniform()
            var count = 0
            while product > limit {
                product *= uniform()
                count += 1
            }
            return count
        }
        return max(0, Int((normal(mean: mean, sd: mean.squareRoot()) + 0.5).rounded(.down)))
    }

    /// Picks an index with probability proportional to `weights`.
    public mutating func choose(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var u = uniform() * total
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return i }
        }
        return weights.count - 1
    }

    /// Von Mises angle around `mu` with concentration `kappa` (Best & Fisher 1979).
    public mutating func vonMises(mu: Double, kappa: Double) -> Double {
        if kappa < 1e-6 { return uniform(-Double.pi, Double.pi) }
        let tau = 1 + (1 + 4 * kappa * kappa).squareRoot()
        let rho = (tau - (2 * tau).squareRoot()) / (2 * kappa)
        let r = (1 + rho * rho) / (2 * rho)
        while true {
            let z = cos(Double.pi * uniform())
            let f = (1 + r * z) / (r + z)
            let c = kappa * (r - f)
            let u2 = uniform()
            if c * (2 - c) - u2 > 0 || log(c / u2) + 1 - c >= 0 {
                let theta = acos(max(-1, min(1, f)))
                return mu + (uniform() < 0.5 ? -theta : theta)
            }
        }
    }
}
