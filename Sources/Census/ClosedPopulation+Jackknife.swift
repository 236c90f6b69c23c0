import Foundation

extension ClosedPopulation {
    /// Burnham & Overton (1978) jackknife of orders 1–5, following CAPTURE (as reproduced by wiqid).
    ///
    /// Order selection: the first order whose estimate does not differ significantly (χ²₁ < 3.8415) from the
    /// next; the estimate is interpolated between that order and the one below, weighted by the χ² values.
    /// SE: Rexstad & Burnham (1992) power-weighted average over orders. Interval: Chao (1987) log-normal on f0.
    static func jackknife(_ data: ClosedCaptureData, z: Double) -> ClosedFit {
        let t = data.occasions
        let orders = min(5, t)
        var freq = data.frequencies.map(Double.init)
        while freq.count > 1, freq.last == 0 { freq.removeLast() }
        if freq.count < orders { freq += Array(repeating: 0, count: orders - freq.count) }
        let a = jackknifeCoefficients(occasions: t, orders: orders, width: freq.count)
        let nCaught = Double(data.animals)
        let estimates = a.map { row in zip(row, freq).reduce(0) { $0 + $1.0 * $1.1 } }
        let variances = a.indices.map { k in zip(a[k], freq).reduce(0) { $0 + $1.0 * $1.0 * $1.1 } - estimates[k] }
        var chi2: [Double] = []
        for k in 0..<(orders - 1) {
            let b = zip(a[k + 1], a[k]).map { $0 - $1 }
            let diff = estimates[k + 1] - estimates[k]
            let varDiff = (zip(b, freq).reduce(0) { $0 + $1.0 * $1.0 * $1.1 } - diff * diff / nCaught)
                * nCaught / (nCaught - 1)
            let value = diff * diff / varDiff
            chi2.append(value.isNaN ? 0 : value)
        }
        chi2.append(0)
        // Rexstad & Burnham variance: weights from the power of successive tests.
        let power = chi2.dropLast().map { c -> Double in
            let lambda = max(0, c - 1)
            return lambda == 0 ? 0.5 : Numerics.noncentralChiSquare1Upper(3.8415, lambda: lambda)
        }
        var weights: [Double] = []
        var reach = 1.0
        for k in 0..<orders {
            let stop = k < power.count ? 1 - power[k] : 1
            weights.append(stop * reach)
            if k < power.count { reach *= power[k] }
        }
        let mean = zip(weights, estimates).reduce(0) { $0 + $1.0 * $1.1 }
        var variance = 0.0
        for k in 0..<orders {
            variance += weights[k] * variances[k] + weights[k] * (estimates[k] - mean) * (estimates[k] - mean)
        }
        let se = max(0, variance).squareRoot()
        // Order selection and interpolation.
        let m = chi2.firstIndex(where: { $0 < 3.8415 }) ?? (orders - 1)
        var estimate: Double
        let note: String
        if m > 0 {
            let c = (chi2[m - 1] - 3.84) / (chi2[m - 1] - chi2[m])
            let d = zip(a[m], a[m - 1]).map { c * $0 + (1 - c) * $1 }
            estimate = max(estimates[0], zip(d, freq).reduce(0) { $0 + $1.0 * $1.1 })
            note = "interpolated between jackknife orders \(m) and \(m + 1)"
        } else {
            let xtest = estimates[0] * freq[0] / (estimates[0] - freq[0])
            if xtest > 3.84 {
                let c = (xtest - 3.84) / (xtest - chi2[0])
                let d = a[0].map { c * $0 + (1 - c) }
                estimate = zip(d, freq).reduce(0) { $0 + $1.0 * $1.1 }
                note = "interpolated between Mt+1 and jackknife order 1"
            } else {
                estimate = estimates[0]
                note = "jackknife order 1"
            }
        }
        let population = chaoInterval(animals: nCaught, estimate: estimate, se: se, z: z)
        let p = Double(data.totalCaptures) / (estimate * Double(t))
        return ClosedFit(model: .mhJackknife, population: population,
                         parameters: [NamedEstimate(name: "p", value: Estimate(estimate: p, se: .nan, lcl: .nan, ucl: .nan))],
                         logLik: nil, parameterCount: nil, aic: nil, animals: data.animals, occasions: t,
                         interval: .chao1987, note: note + "; orders 1–\(orders): " +
                            estimates.map { String(format: "%.2f", $0) }.joined(separator: ", "))
    }

    /// Burnham & Overton's coefficients a_{k,i} (order k, capture frequency i); entries beyond order k are 1.
    static func jackknifeCoefficients(occasions: Int, orders: Int, width: Int) -> [[Double]] {
        let n = Double(occasions)
        var table: [[Double]]
        if occasions > 30 {   // CAPTURE's large-t limit
            table = [[2, 1, 1, 1, 1], [3, 0, 1, 1, 1], [4, -2, 2, 1, 1], [5, -5, 5, 0, 1], [6, -9, 11, -4, 2]]
        } else {
            let falling = (1...5).map { j in (0..<j).reduce(1.0) { $0 * (n - Double($1)) } }
            let raw: [[Double]] = [
                [n - 1, 0, 0, 0, 0],
                [2 * n - 3, -(n - 2) * (n - 2), 0, 0, 0],
                [3 * n - 6, -(3 * n * n - 15 * n + 19), pow(n - 3, 3), 0, 0],
                [4 * n - 10, -(6 * n * n - 36 * n + 55), 4 * pow(n, 3) - 42 * n * n + 148 * n - 175, -pow(n - 4, 4), 0],
                [5 * n - 15, -(10 * n * n - 70 * n + 125), 10 * pow(n, 3) - 120 * n * n + 485 * n - 660,
                 -(pow(n - 4, 5) - pow(n - 5, 5)), pow(n - 5, 5)],
            ]
            table = raw.map { row in row.indices.map { 1 + row[$0] / falling[$0] } }
        }
        return (0..<orders).map { k in
            (0..<width).map { i in i < orders ? table[k][i] : 1 }
        }
    }

    /// Chao's (1987) moment estimator N = Mt+1 + f1²/(2 f2), its variance and log-normal interval.
    static func chaoLowerBound(_ data: ClosedCaptureData, z: Double) throws -> ClosedFit {
        let n = Double(data.animals)
        let f1 = Double(data.frequencies[0]), f2 = Double(data.frequencies[1])
        let estimate: Double, variance: Double, note: String
        if f2 > 0 {
            let r = f1 / f2
            estimate = n + f1 * f1 / (2 * f2)
            variance = f2 * (pow(r, 4) / 4 + pow(r, 3) + r * r / 2)
            note = "Chao (1987): Mt+1 + f1²/(2 f2)"
        } else {
            estimate = n + f1 * (f1 - 1) / 2
            variance = f1 * (f1 - 1) / 2 + f1 * pow(2 * f1 - 1, 2) / 4 - pow(f1, 4) / (4 * estimate)
            note = "bias-corrected form Mt+1 + f1(f1−1)/2 (no animal caught exactly twice)"
        }
        let population = chaoInterval(animals: n, estimate: estimate, se: max(0, variance).squareRoot(), z: z)
        return ClosedFit(model: .chao, population: population, parameters: [], logLik: nil, parameterCount: nil,
                         aic: nil, animals: data.animals, occasions: data.occasions, interval: .chao1987, note: note)
    }
}
