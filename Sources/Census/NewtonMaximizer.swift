import Foundation

/// Damped Newton maximisation with central-difference derivatives, for a handful of link-scale parameters.
///
/// Each iteration computes the gradient and Hessian by central differences (step `h` on the link scale),
/// takes the Newton step when −H is positive definite, and otherwise a Levenberg-damped step; steps are
/// halved until the objective increases. Converged means: −H positive definite and Newton decrement
/// gᵀ(−H)⁻¹g below `tolerance`.
struct NewtonMaximizer: Sendable {
    var maxIterations = 100
    var h = 1e-3
    var tolerance = 1e-8
    var maxStep = 3.0
    var boundary = 25.0

    struct Result: Sendable {
        var beta: [Double]
        var value: Double
        var gradient: [Double]
        var hessian: [[Double]]
        var converged: Bool
        var iterations: Int
        var message: String
    }

    func maximize(start: [Double], _ f: ([Double]) -> Double) -> Result {
        var x = start
        var fx = f(x)
        guard fx.isFinite else {
            return Result(beta: x, value: fx, gradient: [], hessian: [], converged: false, iterations: 0,
                          message: "the log-likelihood is not finite at the starting values")
        }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            let (g, hess) = derivatives(f, at: x, value: fx)
            let negH = hess.map { $0.map { -$0 } }
            if let d = Numerics.solveSPD(negH, g) {
                let decrement = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
                if decrement.isFinite, decrement < tolerance {
                    return Result(beta: x, value: fx, gradient: g, hessian: hess, converged: true,
                                  iterations: iteration, message: "converged")
                }
            }
            guard let (next, value) = step(f, x: x, fx: fx, g: g, negH: negH) else {
                return Result(beta: x, value: fx, gradient: g, hessian: hess, converged: false,
                              iterations: iteration, message: "no step increases the log-likelihood")
            }
            x = next
            fx = value
            if x.contains(where: { abs($0) > boundary }) {
                return Result(beta: x, value: fx, gradient: g, hessian: hess, converged: false,
                              iterations: iteration,
                              message: "a parameter ran to the boundary of its range (link value \(x.map { String(format: "%.3g", $0) }))")
            }
        }
        let (g, hess) = derivatives(f, at: x, value: fx)
        return Result(beta: x, value: fx, gradient: g, hessian: hess, converged: false, iterations: iteration,
                      message: "iteration limit (\(maxIterations)) reached")
    }

    /// One damped Newton step with step halving; `nil` when nothing improves the objective.
    private func step(_ f: ([Double]) -> Double, x: [Double], fx: Double, g: [Double],
                      negH: [[Double]]) -> ([Double], Double)? {
        let n = x.count
        var mu = 0.0
        let scale = max(1e-8, negH.indices.map { abs(negH[$0][$0]) }.max() ?? 1)
        for _ in 0..<12 {
            var a = negH
            for i in 0..<n { a[i][i] += mu * scale }
            if var d = Numerics.solveSPD(a, g) {
                let largest = d.map(abs).max() ?? 0
                if largest > maxStep { d = d.map { $0 * maxStep / largest } }
                var t = 1.0
                for _ in 0..<20 {
                    let trial = zip(x, d).map { $0 + t * $1 }
                    let value = f(trial)
                    if value.isFinite, value > fx { return (trial, value) }
                    if value.isFinite, abs(value - fx) <= 1e-12 * max(1, abs(fx)) { return (trial, max(value, fx)) }
                    t /= 2
                }
            }
            mu = mu == 0 ? 1e-4 : mu * 10
        }
        return nil
    }

    /// Central-difference gradient and Hessian at `x`.
    func derivatives(_ f: ([Double]) -> Double, at x: [Double], value fx: Double) -> ([Double], [[Double]]) {
        let n = x.count
        var g = Array(repeating: 0.0, count: n)
        var hess = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        func shifted(_ shifts: [(Int, Double)]) -> Double {
            var y = x
            for (i, s) in shifts { y[i] += s }
            return f(y)
        }
        for i in 0..<n {
            let up = shifted([(i, h)]), down = shifted([(i, -h)])
            g[i] = (up - down) / (2 * h)
            hess[i][i] = (up - 2 * fx + down) / (h * h)
        }
        for i in 0..<n {
            for j in (i + 1)..<n {
                let pp = shifted([(i, h), (j, h)]), pm = shifted([(i, h), (j, -h)])
                let mp = shifted([(i, -h), (j, h)]), mm = shifted([(i, -h), (j, -h)])
                let value = (pp - pm - mp + mm) / (4 * h * h)
                hess[i][j] = value
                hess[j][i] = value
            }
        }
        return (g, hess)
    }
}
