import Foundation

/// A logistic map from evidence scores to the log-odds that a query and a candidate show the same individual,
/// fitted by Platt's method: logistic regression on labelled pairs, with targets (N₊+1)/(N₊+2) and 1/(N₋+2)
/// instead of 1 and 0 so that separable samples still give finite slopes.
///
/// Fitted by Newton's method on standardised features with a small ridge penalty, so the result depends only on
/// the samples (deterministic). Evidence must not count against: a feature whose slope comes out negative is
/// dropped and the rest refitted, so the map is monotone non-decreasing in every feature.
public struct PlattCalibration: Sendable, Equatable {
    /// One slope per feature (all ≥ 0).
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// log(p / (1 − p)) for the features `x`.
    public func logOdds(_ x: [Double]) -> Double {
        zip(weights, x).reduce(bias) { $0 + $1.0 * $1.1 }
    }

    /// Fits the map to `features` (one row per pair, same length) and `labels` (same individual or not).
    /// Without both kinds of label the slopes are 0 and the bias is the smoothed prior log-odds.
    public static func fit(features: [[Double]], labels: [Bool], ridge: Double = 1e-3) -> PlattCalibration {
        precondition(features.count == labels.count)
        let d = features.first?.count ?? 0
        var active = Array(0..<d)
        while true {
            let fitted = fitActive(features: features, labels: labels, active: active, ridge: ridge)
            guard let worst = active.indices.filter({ fitted.weights[active[$0]] < 0 })
                .min(by: { fitted.weights[active[$0]] < fitted.weights[active[$1]] }) else { return fitted }
            active.remove(at: worst)
        }
    }

    private static func fitActive(features: [[Double]], labels: [Bool], active: [Int], ridge: Double) -> PlattCalibration {
        let n = Double(labels.count)
        let positives = Double(labels.filter { $0 }.count), negatives = n - positives
        let dimension = features.first?.count ?? 0
        let hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2)
        let prior = log((positives + 1) / (negatives + 1))
        guard positives > 0, negatives > 0, !active.isEmpty else {
            return PlattCalibration(weights: Array(repeating: 0, count: dimension), bias: prior)
        }
        let k = active.count
        // Standardise the active features.
        var centre = [Double](repeating: 0, count: k), spread = [Double](repeating: 0, count: k)
        for j in 0..<k {
            let column = features.map { $0[active[j]] }
            centre[j] = column.reduce(0, +) / n
            let variance = column.reduce(0) { $0 + ($1 - centre[j]) * ($1 - centre[j]) } / n
            spread[j] = variance > 1e-18 ? variance.squareRoot() : 1
        }
        let rows = features.map { row in (0..<k).map { (row[active[$0]] - centre[$0]) / spread[$0] } + [1.0] }
        let targets = labels.map { $0 ? hi : lo }
        var theta = [Double](repeating: 0, count: k + 1)
        theta[k] = prior
        func loss(_ t: [Double]) -> Double {
            var total = 0.0
            for (row, y) in zip(rows, targets) {
                let z = zip(t, row).reduce(0) { $0 + $1.0 * $1.1 }
                // −[y log σ(z) + (1 − y) log(1 − σ(z))], computed stably.
                total += max(z, 0) - z * y + log1p(exp(-abs(z)))
            }
            return total + 0.5 * ridge * t.prefix(k).reduce(0) { $0 + $1 * $1 }
        }
        var current = loss(theta)
        for _ in 0..<100 {
            var gradient = [Double](repeating: 0, count: k + 1)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k + 1)
            for (row, y) in zip(rows, targets) {
                let z = zip(theta, row).reduce(0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + exp(-z))
                let w = max(p * (1 - p), 1e-12)
                for a in 0...k {
                    gradient[a] += (p - y) * row[a]
                    for b in 0...k { hessian[a][b] += w * row[a] * row[b] }
                }
            }
            for a in 0..<k {
                gradient[a] += ridge * theta[a]
                hessian[a][a] += ridge
            }
            guard let step = solve(hessian, gradient) else { break }
            var scale = 1.0, next = theta, nextLoss = current
            while scale > 1e-6 {
                next = zip(theta, step).map { $0 - scale * $1 }
                nextLoss = loss(next)
                if nextLoss <= current { break }
                scale /= 2
            }
            guard nextLoss <= current else { break }
            let moved = zip(theta, next).reduce(0) { max($0, abs($1.0 - $1.1)) }
            theta = next
            current = nextLoss
            if moved < 1e-10 { break }
        }
        // Back to the original feature scale.
        var weights = [Double](repeating: 0, count: dimension)
        var bias = theta[k]
        for j in 0..<k {
            weights[active[j]] = theta[j] / spread[j]
            bias -= theta[j] * centre[j] / spread[j]
        }
        return PlattCalibration(weights: weights, bias: bias)
    }

    /// Solves `a x = b` by Gaussian elimination with partial pivoting; nil when singular.
    private static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a, v = b
        let n = v.count
        for col in 0..<n {
            guard let pivot = (col..<n).max(by: { abs(m[$0][col]) < abs(m[$1][col]) }), abs(m[pivot][col]) > 1e-300 else { return nil }
            m.swapAt(col, pivot)
            v.swapAt(col, pivot)
            for r in (col + 1)..<n {
                let f = m[r][col] / m[col][col]
                for c in col..<n { m[r][c] -= f * m[col][c] }
                v[r] -= f * v[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            x[r] = (v[r] - ((r + 1)..<n).reduce(0) { $0 + m[r][$1] * x[$1] }) / m[r][r]
        }
        return x
    }
}
