import Foundation

/// Small self-contained SVG figures for reports (no scripts, no external fonts).
public enum SVGChart {
    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func frame(width: Int, height: Int, title: String, _ body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
        <rect width="\(width)" height="\(height)" fill="white"/>
        <text x="10" y="18" font-size="14" font-weight="bold">\(esc(title))</text>
        \(body)
        </svg>
        """
    }

    /// A station point on the map.
    public struct MapPoint: Sendable {
        public var label: String
        public var x: Double
        public var y: Double
        public var count: Int
        public var group: String
        public init(label: String, x: Double, y: Double, count: Int, group: String) {
            (self.label, self.x, self.y, self.count, self.group) = (label, x, y, count, group)
        }
    }

    /// Stations in metres (x east, y north); circle area ∝ detections, colour by group (jurisdiction);
    /// stations without detections as small open circles; a scale bar.
    public static func stationMap(_ points: [MapPoint], title: String, width: Int = 640, height: Int = 520) -> String {
        guard !points.isEmpty else { return frame(width: width, height: height, title: title, "<text x='20' y='60'>no stations</text>") }
        let xs = points.map(\.x), ys = points.map(\.y)
        let span = max(xs.max()! - xs.min()!, ys.max()! - ys.min()!, 1000)
        let scale = Double(min(width, height) - 100) / span
        let ox = Double(width) / 2 - (xs.min()! + xs.max()!) / 2 * scale
        let oy = Double(height) / 2 + 10 + (ys.min()! + ys.max()!) / 2 * scale
        let groups = Array(Set(points.map(\.group))).sorted()
        let palette = ["#c0392b", "#2471a3", "#7d3c98", "#1e8449", "#b9770e"]
        let maxCount = Double(points.map(\.count).max() ?? 1)
        var body = ""
        for p in points {
            let cx = ox + p.x * scale, cy = oy - p.y * scale
            let colour = palette[(groups.firstIndex(of: p.group) ?? 0) % palette.count]
            if p.count > 0 {
                let r = 4 + 14 * (Double(p.count) / max(maxCount, 1)).squareRoot()
                body += "<circle cx='\(f(cx))' cy='\(f(cy))' r='\(f(r))' fill='\(colour)' fill-opacity='0.6' stroke='\(colour)'/>\n"
            } else {
                body += "<circle cx='\(f(cx))' cy='\(f(cy))' r='3' fill='none' stroke='#555'/>\n"
            }
            body += "<text x='\(f(cx + 6))' y='\(f(cy - 6))' font-size='9' fill='#333'>\(esc(p.label))\(p.count > 0 ? " (\(p.count))" : "")</text>\n"
        }
        // Scale bar: a round number of km about a fifth of the width.
        let km = [1.0, 2, 5, 10, 20, 50, 100].last { $0 * 1000 * scale < Double(width) / 4 } ?? 1
        let bar = km * 1000 * scale
        body += "<line x1='20' y1='\(height - 20)' x2='\(f(20 + bar))' y2='\(height - 20)' stroke='black' stroke-width='3'/>"
        body += "<text x='20' y='\(height - 26)'>\(Int(km)) km</text>\n"
        for (i, g) in groups.enumerated() {
            body += "<circle cx='\(width - 90)' cy='\(40 + i * 18)' r='6' fill='\(palette[i % palette.count])' fill-opacity='0.6'/>"
            body += "<text x='\(width - 78)' y='\(44 + i * 18)'>\(esc(g))</text>\n"
        }
        return frame(width: width, height: height, title: title, body)
    }

    /// Activity curves: density over 24 hours for one or more species.
    public static func activity(_ curves: [(name: String, hours: [Double], density: [Double])], title: String,
                                width: Int = 640, height: Int = 300) -> String {
        let left = 50.0, right = Double(width) - 20, top = 40.0, bottom = Double(height) - 40
        let maxY = curves.flatMap(\.density).max() ?? 1
        let palette = ["#c0392b", "#2471a3", "#1e8449"]
        var body = "<line x1='\(left)' y1='\(bottom)' x2='\(right)' y2='\(bottom)' stroke='black'/>"
        body += "<line x1='\(left)' y1='\(top)' x2='\(left)' y2='\(bottom)' stroke='black'/>\n"
        for h in stride(from: 0, through: 24, by: 6) {
            let x = left + Double(h) / 24 * (right - left)
            body += "<text x='\(f(x - 8))' y='\(f(bottom + 16))'>\(String(format: "%02d:00", h))</text>"
        }
        body += "<text x='10' y='\(f((top + bottom) / 2))' transform='rotate(-90 14 \(f((top + bottom) / 2)))'>density</text>\n"
        for (i, c) in curves.enumerated() {
            let pts = zip(c.hours, c.density).map { h, d in
                "\(f(left + h / 24 * (right - left))),\(f(bottom - d / max(maxY, 1e-12) * (bottom - top)))"
            }.joined(separator: " ")
            body += "<polyline points='\(pts)' fill='none' stroke='\(palette[i % 3])' stroke-width='2'/>"
            body += "<text x='\(f(right - 330))' y='\(f(top + Double(i) * 16))' fill='\(palette[i % 3])'>\(esc(c.name))</text>\n"
        }
        return frame(width: width, height: height, title: title, body)
    }

    /// One bar per year (minimum known alive) with an estimate and its CI drawn over it where known.
    public static func trend(_ years: [(year: Int, known: Int, estimate: Double?, lcl: Double?, ucl: Double?)], title: String,
                             width: Int = 640, height: Int = 300) -> String {
        let left = 50.0, right = Double(width) - 20, top = 40.0, bottom = Double(height) - 40
        let maxY = max(1, years.map { max(Double($0.known), $0.ucl ?? 0, $0.estimate ?? 0) }.max() ?? 1) * 1.1
        let slot = (right - left) / Double(max(years.count, 1))
        var body = "<line x1='\(left)' y1='\(bottom)' x2='\(right)' y2='\(bottom)' stroke='black'/>"
        body += "<line x1='\(left)' y1='\(top)' x2='\(left)' y2='\(bottom)' stroke='black'/>\n"
        for t in stride(from: 0.0, through: maxY, by: max(1, (maxY / 5).rounded())) {
            let y = bottom - t / maxY * (bottom - top)
            body += "<text x='\(f(left - 30))' y='\(f(y + 4))'>\(Int(t))</text>"
        }
        for (i, y) in years.enumerated() {
            let x0 = left + Double(i) * slot + slot * 0.2, w = slot * 0.6
            let h = Double(y.known) / maxY * (bottom - top)
            body += "<rect x='\(f(x0))' y='\(f(bottom - h))' width='\(f(w))' height='\(f(h))' fill='#aab7b8'/>"
            body += "<text x='\(f(x0 + w / 2 - 14))' y='\(f(bottom + 16))'>\(y.year)</text>"
            if let e = y.estimate {
                let cx = x0 + w / 2, ey = bottom - e / maxY * (bottom - top)
                if let l = y.lcl, let u = y.ucl {
                    body += "<line x1='\(f(cx))' y1='\(f(bottom - l / maxY * (bottom - top)))' x2='\(f(cx))' y2='\(f(bottom - u / maxY * (bottom - top)))' stroke='#c0392b' stroke-width='2'/>"
                }
                body += "<circle cx='\(f(cx))' cy='\(f(ey))' r='5' fill='#c0392b'/>"
            }
            body += "\n"
        }
        body += "<rect x='\(f(right - 220))' y='30' width='12' height='12' fill='#aab7b8'/><text x='\(f(right - 204))' y='40'>minimum known alive</text>"
        body += "<circle cx='\(f(right - 214))' cy='54' r='5' fill='#c0392b'/><text x='\(f(right - 204))' y='58'>SECR N̂ in mask (95% CI)</text>"
        return frame(width: width, height: height, title: title, body)
    }
}
