import Foundation

/// The overlap coefficient Δ of two species' daily activity (Ridout & Linkie 2009).
///
/// Δ̂1 integrates the smaller of the two kernel densities on a 128-point grid (kernel concentration
/// 1.25 × bandwidth, the overlap package's adjust = 0.8); Δ̂4 averages min(1, f_B/f_A) over A's times
/// and min(1, f_A/f_B) over B's (concentration = bandwidth), recommended when both samples have ≥ 75.
/// Confidence intervals: percentile intervals of a non-parametric bootstrap (resampling each species'
/// times with replacement), reproducible for a seed.
public struct ActivityOverlap: Sendable, Equatable {
    public var delta1: Double
    public var delta4: Double
    public var nA: Int
    public var nB: Int
    /// Which estimator to report: Δ̂4 when both samples have at least 75 times, else Δ̂1.
    public var recommended: String { nA >= 75 && nB >= 75 ? "Dhat4" : "Dhat1" }
    public var recommendedValue: Double { recommended == "Dhat4" ? delta4 : delta1 }
    public var lcl: Double?
    public var ucl: Double?
    public var bootstrapReplicates: Int

    /// Estimates overlap; nil when a sample has fewer than 2 times or no bandwidth can be found.
    public static func estimate(_ a: [Double], _ b: [Double], bootstrap replicates: Int = 0, seed: UInt64 = 1,
                                confidence: Double = 0.95) -> ActivityOverlap? {
        guard let (d1, d4) = deltas(a, b) else { return nil }
        var result = ActivityOverlap(delta1: d1, delta4: d4, nA: a.count, nB: b.count, lcl: nil, ucl: nil,
                                     bootstrapReplicates: 0)
        guard replicates > 0 else { return result }
        var rng = SplitMix64(seed: seed)
        var values: [Double] = []
        let useD4 = result.recommended == "Dhat4"
        for _ in 0..<replicates {
            let ra = (0..<a.count).map { _ in a[Int(rng.next() % UInt64(a.count))] }
            let rb = (0..<b.count).map { _ in b[Int(rng.next() % UInt64(b.count))] }
            if let (x1, x4) = deltas(ra, rb) { values.append(useD4 ? x4 : x1) }
        }
        values.sort()
        guard values.count >= 10 else { return result }
        let alpha = (1 - confidence) / 2
        result.lcl = values[Int((alpha * Double(values.count - 1)).rounded())]
        result.ucl = values[Int(((1 - alpha) * Double(values.count - 1)).rounded())]
        result.bootstrapReplicates = values.count
        return result
    }

    static func deltas(_ a: [Double], _ b: [Double]) -> (Double, Double)? {
        guard let bwA = CircularKernel.bandwidth(a), let bwB = CircularKernel.bandwidth(b) else { return nil }
        let grid = (0..<128).map { Double($0) * 2 * Double.pi / 127 }
        let ga = Array(CircularKernel.density(of: a, kappa: bwA * 1.25, at: grid).dropFirst())
        let gb = Array(CircularKernel.density(of: b, kappa: bwB * 1.25, at: grid).dropFirst())
        let sa = ga.reduce(0, +), sb = gb.reduce(0, +)
        let d1 = zip(ga, gb).reduce(0) { $0 + min($1.0 / sa, $1.1 / sb) }
        // Densities at the observed times: exact for small samples, else interpolated from the grid (as overlap does).
        let interpolate = a.count + b.count > 140
        let fa = interpolate ? CircularKernel.density(of: a, kappa: bwA, at: grid) : []
        let fb = interpolate ? CircularKernel.density(of: b, kappa: bwB, at: grid) : []
        func at(_ sample: [Double], _ kappa: Double, _ onGrid: [Double], _ points: [Double]) -> [Double] {
            guard interpolate else { return CircularKernel.density(of: sample, kappa: kappa, at: points) }
            let step = 2 * Double.pi / 127
            return points.map { p in
                let u = min(max(p, 0), 2 * Double.pi) / step
                let i = min(Int(u), 126)
                return onGrid[i] + (onGrid[i + 1] - onGrid[i]) * (u - Double(i))
            }
        }
        let aAtA = at(a, bwA, fa, a), bAtA = at(b, bwB, fb, a)
        let aAtB = at(a, bwA, fa, b), bAtB = at(b, bwB, fb, b)
        let partA = zip(bAtA, aAtA).reduce(0) { $0 + min(1, $1.0 / $1.1) } / Double(a.count)
        let partB = zip(aAtB, bAtB).reduce(0) { $0 + min(1, $1.0 / $1.1) } / Double(b.count)
        return (d1, (partA + partB) / 2)
    }
}
