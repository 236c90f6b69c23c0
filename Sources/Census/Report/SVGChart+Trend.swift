import Foundation

extension SVGChart {
    /// One yearly estimate for `densityTrend`.
    public struct YearEstimate: Sendable {
        public var year: Int
        public var estimate: Double
        public var lcl: Double
        public var ucl: Double
        public init(year: Int, estimate: Double, lcl: Double, ucl: Double) {
            (self.year, self.estimate, self.lcl, self.ucl) = (year, estimate, lcl, ucl)
        }
    }

    /// Yearly estimates (points with CI bars) on a linear axis over the years, with the fitted log-linear
    /// trend drawn as a curve and λ with its CI in the legend.
    public static func densityTrend(_ years: [YearEstimate], trend: PopulationTrend?, title: String,
                                    unit: String = "D̂ per 100 km²", width: Int = 640, height: Int = 300) -> String {
        guard let firstYear = years.map(\.year).min(), let lastYear = years.map(\.year).max() else {
            return frame(width: width, height: height, title: title, "<text x='20' y='60'>no yearly estimates</text>")
        }
        let left = 60.0, right = Double(width) - 20, top = 72.0, bottom = Double(height) - 40
        let span = Double(max(1, lastYear - firstYear))
        let maxY = max(1e-12, years.map { $0.ucl.isFinite ? max($0.ucl, $0.estimate) : $0.estimate }.max() ?? 1) * 1.1
        func px(_ year: Double) -> Double { left + 20 + (year - Double(firstYear)) / span * (right - left - 40) }
        func py(_ value: Double) -> Double { bottom - min(value, maxY) / maxY * (bottom - top) }
        var body = "<line x1='\(left)' y1='\(bottom)' x2='\(right)' y2='\(bottom)' stroke='black'/>"
        body += "<line x1='\(left)' y1='\(top)' x2='\(left)' y2='\(bottom)' stroke='black'/>\n"
        let step = niceStep(maxY / 5)
        for t in stride(from: 0.0, through: maxY, by: step) {
            body += "<text x='\(f(left - 40))' y='\(f(py(t) + 4))'>\(String(format: step < 1 ? "%.2g" : "%.0f", t))</text>"
            body += "<line x1='\(f(left - 3))' y1='\(f(py(t)))' x2='\(f(left))' y2='\(f(py(t)))' stroke='black'/>"
        }
        body += "<text x='12' y='\(f((top + bottom) / 2))' transform='rotate(-90 16 \(f((top + bottom) / 2)))'>\(esc(unit))</text>\n"
        let labelEvery = max(1, (lastYear - firstYear + 1) / 10)
        for y in stride(from: firstYear, through: lastYear, by: labelEvery) {
            body += "<text x='\(f(px(Double(y)) - 14))' y='\(f(bottom + 16))'>\(y)</text>"
        }
        if let trend {
            let pts = (0...40).map { i -> String in
                let year = Double(firstYear) + span * Double(i) / 40
                return "\(f(px(year))),\(f(py(trend.fitted(year: year))))"
            }.joined(separator: " ")
            body += "\n<polyline points='\(pts)' fill='none' stroke='#2471a3' stroke-width='2' stroke-dasharray='6 3'/>\n"
        }
        for y in years {
            let cx = px(Double(y.year))
            if y.lcl.isFinite, y.ucl.isFinite {
                body += "<line x1='\(f(cx))' y1='\(f(py(y.lcl)))' x2='\(f(cx))' y2='\(f(py(y.ucl)))' stroke='#c0392b' stroke-width='2'/>"
                for v in [y.lcl, y.ucl] {
                    body += "<line x1='\(f(cx - 5))' y1='\(f(py(v)))' x2='\(f(cx + 5))' y2='\(f(py(v)))' stroke='#c0392b' stroke-width='2'/>"
                }
            }
            body += "<circle cx='\(f(cx))' cy='\(f(py(y.estimate)))' r='5' fill='#c0392b'/>\n"
        }
        body += "<circle cx='\(f(right - 250))' cy='56' r='5' fill='#c0392b'/><text x='\(f(right - 240))' y='60'>yearly estimate (95% CI)</text>"
        if let trend {
            let l = trend.lambda
            body += "<line x1='\(f(right - 256))' y1='42' x2='\(f(right - 244))' y2='42' stroke='#2471a3' stroke-width='2' stroke-dasharray='6 3'/>"
            body += "<text x='\(f(right - 240))' y='46'>\(esc(String(format: "trend λ = %.3f (%.3f – %.3f) per year", l.estimate, l.lcl, l.ucl)))</text>"
        }
        return frame(width: width, height: height, title: title, body)
    }

    /// A round axis step (1, 2 or 5 × 10ⁿ) near `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let r = raw / magnitude
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude
    }
}
