import Foundation

/// Small numerical helpers: links, normal quantiles, linear algebra for a few parameters.
enum Numerics {
    @inline(__always) static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
    @inline(__always) static func invLogit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// Standard normal distribution function.
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Standard normal quantile (Acklam's rational approximation refined by one Halley step).
    static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie in (0, 1)")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
                (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = normalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Two-sided critical value for a confidence level (1.959964 for 0.95).
    static func criticalValue(level: Double) -> Double { normalQuantile(1 - (1 - level) / 2) }

    /// Upper tail of a non-central χ² with 1 degree of freedom: P(X > c), X = (Z + √λ)².
    static func noncentralChiSquare1Upper(_ c: Double, lambda: Double) -> Double {
        let r = c.squareRoot(), m = lambda.squareRoot()
        return normalCDF(-r - m) + normalCDF(m - r)
    }

    /// Inverse of a small symmetric positive-definite matrix by Cholesky; `nil` if not positive definite.
    static func inverseSPD(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if i == j {
                    guard s > 0, s.isFinite else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][j] = s / l[j][j]
                }
            }
        }
        var inv = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for col in 0..<n {
            var y = Array(repeating: 0.0, count: n)
            for i in 0..<n {
                var s = i == col ? 1.0 : 0.0
                for k in 0..<i { s -= l[i][k] * y[k] }
                y[i] = s / l[i][i]
            }
            var x = Array(repeating: 0.0, count: n)
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = y[i]
                for k in (i + 1)..<n { s -= l[k][i] * x[k] }
                x[i] = s / l[i][i]
            }
            for i in 0..<n { inv[i][col] = x[i] }
        }
        return inv
    }

    /// Solves the symmetric positive-definite system A x = b; `nil` if A is not positive definite.
    static func solveSPD(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        guard let inv = inverseSPD(a) else { return nil }
        return inv.map { row in zip(row, b).reduce(0) { $0 + $1.0 * $1.1 } }
    }
}

extension Numerics {
    /// log Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double {
        let value: Double = Foundation.lgamma(x)
        return value
    }
}
