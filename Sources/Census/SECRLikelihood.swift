import Dispatch
import Foundation

/// The SECR log-likelihood with everything that does not depend on the parameters precomputed.
///
/// Distances detector × mask are computed once; all per-evaluation buffers are allocated once and reused.
/// An evaluation runs ``ParallelChunks`` over fixed chunks of mask points, so the result
/// does not depend on the number of threads. For each chunk it computes hazards, the log-probability of
/// never being detected (shared by all animals), one "row" of log-terms per distinct (detector, usage)
/// combination that occurs in the data, and then, per animal, a partial log-sum-exp over the chunk.
// `@unchecked Sendable`: concurrent chunks only write disjoint mask ranges of the buffers, and one
// evaluation runs at a time (the object is owned by a single fit).
final class SECRLikelihood: @unchecked Sendable {
    let detector: DetectorType
    let detectfn: DetectionFunction
    let conditional: Bool
    let detectors: Int, maskPoints: Int, animals: Int
    let cellArea: Double
    let logMultinomial: Double
    let chunkSize = 256
    let chunks: Int

    // Data-dependent constants.
    let totalUsage: [Double]            // per detector: Σ_s usage (proximity, count)
    let patternUsage: [[Double]]        // multi: usage per distinct occasion pattern × detector
    let patternOccasions: [Double]      // multi: number of occasions with each pattern
    let rowDetector: [Int], rowUsage: [Double], rowPattern: [Int]
    let entryStart: [Int], entryRow: [Int], entryCount: [Double]
    let animalConstant: [Double]

    // Buffers: all indexed [row * maskPoints + m]; chunks write disjoint ranges of m.
    let distance: UnsafeMutableBufferPointer<Double>
    let hazard: UnsafeMutableBufferPointer<Double>
    let patternHazard: UnsafeMutableBufferPointer<Double>
    let rows: UnsafeMutableBufferPointer<Double>
    let base: UnsafeMutableBufferPointer<Double>
    let accumulator: UnsafeMutableBufferPointer<Double>
    let partialMax: UnsafeMutableBufferPointer<Double>
    let partialSum: UnsafeMutableBufferPointer<Double>
    let partialPdot: UnsafeMutableBufferPointer<Double>

    init(histories ch: CaptureHistories, mask: HabitatMask, detector: DetectorType,
         detectfn: DetectionFunction, conditional: Bool) {
        self.detector = detector
        self.detectfn = detectfn
        self.conditional = conditional
        let nK = ch.detectors, nM = mask.count, nS = ch.occasions, n = ch.animals
        detectors = nK; maskPoints = nM; animals = n
        cellArea = mask.cellAreaHectares
        logMultinomial = ch.logMultinomialCoefficient
        chunks = (nM + chunkSize - 1) / chunkSize

        distance = .allocate(capacity: nK * nM)
        for k in 0..<nK {
            for m in 0..<nM {
                let dx = ch.traps.x[k] - mask.x[m], dy = ch.traps.y[k] - mask.y[m]
                distance[k * nM + m] = dx * dx + dy * dy      // squared distance; hazard takes d²
            }
        }
        totalUsage = (0..<nK).map { k in (0..<nS).reduce(0) { $0 + ch.traps.effort(detector: k, occasion: $1) } }

        // Distinct usage patterns across occasions (multi-catch competing hazards depend on them).
        var patternIndex: [[Double]: Int] = [:]
        var patterns: [[Double]] = [], patternCounts: [Double] = []
        var occasionPattern: [Int] = []
        for s in 0..<nS {
            let column = (0..<nK).map { ch.traps.effort(detector: $0, occasion: s) }
            if let p = patternIndex[column] {
                patternCounts[p] += 1
                occasionPattern.append(p)
            } else {
                patternIndex[column] = patterns.count
                occasionPattern.append(patterns.count)
                patterns.append(column)
                patternCounts.append(1)
            }
        }
        patternUsage = detector == .multi ? patterns : []
        patternOccasions = detector == .multi ? patternCounts : []

        // Rows: one per distinct key; entries per animal aggregate counts per row.
        struct Key: Hashable { var k: Int; var usage: Double; var pattern: Int }
        var rowIndex: [Key: Int] = [:]
        var rDet: [Int] = [], rUse: [Double] = [], rPat: [Int] = []
        var starts = [0], eRow: [Int] = [], eCount: [Double] = [], constants: [Double] = []
        for i in 0..<n {
            var local: [Int: Double] = [:]
            var constant = 0.0
            for s in 0..<nS {
                for k in 0..<nK {
                    let y = ch[animal: i, occasion: s, detector: k]
                    guard y > 0 else { continue }
                    let t = ch.traps.effort(detector: k, occasion: s)
                    let key: Key
                    switch detector {
                    case .proximity: key = Key(k: k, usage: t, pattern: 0)
                    case .count:
                        key = Key(k: k, usage: 1, pattern: 0)
                        constant += Double(y) * log(t) - Numerics.logGamma(Double(y) + 1)
                    case .multi: key = Key(k: k, usage: t, pattern: occasionPattern[s])
                    }
                    let r: Int
                    if let existing = rowIndex[key] { r = existing } else {
                        r = rDet.count
                        rowIndex[key] = r
                        rDet.append(key.k); rUse.append(key.usage); rPat.append(key.pattern)
                    }
                    local[r, default: 0] += detector == .count ? Double(y) : 1
                }
            }
            for r in local.keys.sorted() { eRow.append(r); eCount.append(local[r]!) }
            starts.append(eRow.count)
            constants.append(constant)
        }
        rowDetector = rDet; rowUsage = rUse; rowPattern = rPat
        entryStart = starts; entryRow = eRow; entryCount = eCount; animalConstant = constants

        hazard = .allocate(capacity: nK * nM)
        patternHazard = .allocate(capacity: max(1, patternUsage.count * nM))
        rows = .allocate(capacity: max(1, rDet.count * nM))
        base = .allocate(capacity: nM)
        accumulator = .allocate(capacity: nM)
        partialMax = .allocate(capacity: max(1, chunks * n))
        partialSum = .allocate(capacity: max(1, chunks * n))
        partialPdot = .allocate(capacity: max(1, chunks))
    }

    deinit {
        for buffer in [distance, hazard, patternHazard, rows, base, accumulator, partialMax, partialSum, partialPdot] {
            buffer.deallocate()
        }
    }

    /// Number of link-scale parameters: (log D,) intercept link, log σ.
    var parameterCount: Int { conditional ? 2 : 3 }

    /// Log-likelihood at link-scale parameters `beta` = [log D,] logit g0 | log λ0, log σ.
    func logLikelihood(_ beta: [Double]) -> Double {
        let offset = conditional ? 0 : 1
        let (sumLogL, pdot) = components(detectionLink: Array(beta[offset...]))
        let n = Double(animals)
        guard sumLogL.isFinite, pdot > 0 else { return -.infinity }
        if conditional { return sumLogL - n * log(pdot) + logMultinomial }
        let bigN = exp(beta[0]) * Double(maskPoints) * cellArea
        return sumLogL + n * log(bigN) - bigN * pdot - Numerics.logGamma(n + 1) + logMultinomial
    }

    /// Conditional log-likelihood at link-scale detection parameters [intercept link, log σ].
    func conditionalLogLikelihood(detectionLink beta: [Double]) -> Double {
        let (sumLogL, pdot) = components(detectionLink: beta)
        guard sumLogL.isFinite, pdot > 0 else { return -.infinity }
        return sumLogL - Double(animals) * log(pdot) + logMultinomial
    }

    /// Σ_i log mean_m Pr(ω_i | x_m) and p̄ at link-scale detection parameters [intercept link, log σ].
    func components(detectionLink beta: [Double]) -> (sumLogL: Double, pdot: Double) {
        let a = detectfn.interceptIsHazard ? exp(beta[0]) : Numerics.invLogit(beta[0])
        let sigma = exp(beta[1])
        guard a.isFinite, sigma.isFinite, sigma > 0, a > 0, detectfn.interceptIsHazard || a < 1 else {
            return (-.infinity, 0)
        }
        ParallelChunks.run(chunks) { c in
            self.evaluateChunk(c, intercept: a, sigma: sigma)
        }
        return combine()
    }

    /// Sums the chunk partials: Σ_i log mean_m Pr(ω_i | x_m), and p̄.
    private func combine() -> (Double, Double) {
        var total = 0.0
        for i in 0..<animals {
            var mx = -Double.infinity
            for c in 0..<chunks { mx = max(mx, partialMax[c * animals + i]) }
            guard mx > -.infinity else { return (-.infinity, 0) }
            var s = 0.0
            for c in 0..<chunks where partialMax[c * animals + i] > -.infinity {
                s += partialSum[c * animals + i] * exp(partialMax[c * animals + i] - mx)
            }
            total += mx + log(s) - log(Double(maskPoints))
        }
        var pdot = 0.0
        for c in 0..<chunks { pdot += partialPdot[c] }
        return (total, pdot / Double(maskPoints))
    }
}
