import Foundation

/// Which end of the animal in a chip is its head, hence which flank it shows: a logistic model on the
/// mirror-odd part of `OrientationFeatures`.
///
/// The score is `s = w · (f(chip) − f(mirror(chip))) / scale`, with no intercept, so a mirrored chip gets
/// exactly `−s` (the other flank): training on these differences is training with mirror augmentation (each
/// chip and its mirror image with the opposite side give the same loss), and the model cannot learn a bias
/// towards one flank from an unbalanced training set. `P(right flank) = σ(s)`. Trained by Newton's method
/// with an L2 penalty on chips whose side is known (a person's, or a confident direction of travel).
public struct HeadEndModel: Sendable, Codable, Equatable {
    public var features: OrientationFeatures
    public var weights: [Double]
    /// Per-feature scale (the training set's root mean square), so the penalty treats features alike.
    public var scale: [Double]
    /// Chips it was trained on.
    public var trainingCount: Int
    /// Least confidence for a side (below it: `unknown`).
    public var threshold: Double

    /// Trains on mirror-odd feature vectors (`OrientationFeatures.antisymmetric`) labelled right (true) or left;
    /// nil with fewer than `minimum` examples (one side alone is enough: mirror augmentation supplies the other).
    public static func train(_ examples: [(features: [Double], right: Bool)], features: OrientationFeatures = OrientationFeatures(),
                             penalty: Double = 1.0, threshold: Double = 0.5, minimum: Int = 8) -> HeadEndModel? {
        let d = features.count
        let usable = examples.filter { $0.features.count == d }
        guard usable.count >= minimum else { return nil }
        var scale = [Double](repeating: 0, count: d)
        for e in usable { for j in 0..<d { scale[j] += e.features[j] * e.features[j] } }
        scale = scale.map { max(1e-6, ($0 / Double(usable.count)).squareRoot()) }
        // Each example enters with its label folded in: y·x, so that the loss is Σ log(1 + exp(−w·(y x))).
        let xs = usable.map { e in (0..<d).map { e.features[$0] / scale[$0] * (e.right ? 1 : -1) } }
        var w = [Double](repeating: 0, count: d)
        for _ in 0..<15 {
            var gradient = w.map { penalty * $0 }
            var hessian = [Double](repeating: 0, count: d * d)
            for j in 0..<d { hessian[j * d + j] = penalty }
            for x in xs {
                let m = zip(w, x).reduce(0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + exp(m))        // σ(−m)
                let curvature = p * (1 - p)
                for j in 0..<d where x[j] != 0 {
                    gradient[j] -= p * x[j]
                    let cj = curvature * x[j]
                    for k in j..<d { hessian[j * d + k] += cj * x[k] }
                }
            }
            for j in 0..<d { for k in 0..<j { hessian[j * d + k] = hessian[k * d + j] } }
            guard let step = Self.solve(hessian, gradient, d) else { break }
            var change = 0.0
            for j in 0..<d {
                w[j] -= step[j]
                change = max(change, abs(step[j]))
            }
            if change < 1e-6 { break }
        }
        return HeadEndModel(features: features, weights: w, scale: scale, trainingCount: usable.count, threshold: threshold)
    }

    /// The model's log-odds of the right flank for a mirror-odd feature vector.
    public func score(_ antisymmetric: [Double]) -> Double {
        guard antisymmetric.count == weights.count else { return 0 }
        return (0..<weights.count).reduce(0) { $0 + weights[$1] * antisymmetric[$1] / scale[$1] }
    }

    /// The estimate for one chip.
    public func estimate(_ chip: Chip) -> FlankEstimate {
        estimate(score: score(features.antisymmetric(chip)))
    }

    /// The estimate for a log-odds (e.g. the mean over a burst's chips).
    public func estimate(score: Double) -> FlankEstimate {
        FlankEstimate(rightProbability: 1 / (1 + exp(-score)), source: .chip, threshold: threshold)
    }

    /// Solves the symmetric positive definite system `a x = b` (Cholesky); nil when it is not.
    static func solve(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 0 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
            x[i] = s / l[i * n + i]
        }
        return x
    }
}

extension HeadEndModel {
    /// Reads a model written by `write(to:)`.
    public static func read(from url: URL) throws -> HeadEndModel {
        try JSONDecoder().decode(HeadEndModel.self, from: Data(contentsOf: url))
    }

    /// Writes the model as JSON.
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}
