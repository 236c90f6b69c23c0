import Foundation

/// Simulates SECR capture histories from known parameters (for tests, power analysis and benchmarks).
///
/// Activity centres are a Poisson process of density D (animals/ha) on the rectangle of the detectors
/// extended by `buffer`; detections follow the same model as the likelihood.
public struct SECRSimulator: Sendable {
    /// Detector layout and usage.
    public var traps: TrapLayout
    /// Number of occasions.
    public var occasions: Int
    /// Detector type.
    public var detector: DetectorType
    /// Detection function.
    public var detectionFunction: DetectionFunction
    /// Density, animals per hectare.
    public var density: Double
    /// g0 (hn, ex) or λ0 (hhn).
    public var intercept: Double
    /// Spatial scale σ (m).
    public var sigma: Double
    /// Buffer (m) around the detectors within which centres are placed.
    public var buffer: Double

    /// Creates a simulator.
    public init(traps: TrapLayout, occasions: Int, detector: DetectorType, detectionFunction: DetectionFunction,
                density: Double, intercept: Double, sigma: Double, buffer: Double) {
        self.traps = traps
        self.occasions = occasions
        self.detector = detector
        self.detectionFunction = detectionFunction
        self.density = density
        self.intercept = intercept
        self.sigma = sigma
        self.buffer = buffer
    }

    /// Draws one dataset; only detected animals appear, named "1", "2", … in order of simulation.
    public func simulate(seed: UInt64) -> CaptureHistories {
        var rng = SplitMix64(seed: seed)
        let x0 = traps.x.min()! - buffer, x1 = traps.x.max()! + buffer
        let y0 = traps.y.min()! - buffer, y1 = traps.y.max()! + buffer
        let areaHa = (x1 - x0) * (y1 - y0) / 10_000
        let population = rng.poisson(mean: density * areaHa)
        var rows: [[Int]] = []
        let nK = traps.count
        var hazards = Array(repeating: 0.0, count: nK)
        for _ in 0..<population {
            let cx = x0 + rng.uniform() * (x1 - x0), cy = y0 + rng.uniform() * (y1 - y0)
            for k in 0..<nK {
                let dx = traps.x[k] - cx, dy = traps.y[k] - cy
                hazards[k] = detectionFunction.hazard(d2: dx * dx + dy * dy, intercept: intercept, sigma: sigma)
            }
            var row = Array(repeating: 0, count: occasions * nK)
            for s in 0..<occasions {
                switch detector {
                case .proximity:
                    for k in 0..<nK where rng.uniform() < -expm1(-traps.effort(detector: k, occasion: s) * hazards[k]) {
                        row[s * nK + k] = 1
                    }
                case .count:
                    for k in 0..<nK { row[s * nK + k] = rng.poisson(mean: traps.effort(detector: k, occasion: s) * hazards[k]) }
                case .multi:
                    let total = (0..<nK).reduce(0) { $0 + traps.effort(detector: $1, occasion: s) * hazards[$1] }
                    guard total > 0, rng.uniform() < -expm1(-total) else { continue }
                    var u = rng.uniform() * total
                    for k in 0..<nK {
                        u -= traps.effort(detector: k, occasion: s) * hazards[k]
                        if u <= 0 || k == nK - 1 { row[s * nK + k] = 1; break }
                    }
                }
            }
            if row.contains(where: { $0 > 0 }) { rows.append(row) }
        }
        var histories = CaptureHistories(animalIDs: rows.indices.map { String($0 + 1) }, occasions: occasions, traps: traps)
        histories.counts = rows.flatMap { $0 }
        return histories
    }
}
