import Core
import Foundation

/// The stations map of the web app: stations (already taken through the role's `LocationPolicy`) as circles whose
/// area follows their detections, each jurisdiction shaded as the hull around its stations, a scale bar and a legend.
///
/// The census report's `SVGChart.stationMap` colours stations by jurisdiction but does not shade areas; this adds the
/// shading and keeps the same look (white figure, circle sizes, labels).
enum StationMap {
    struct Point {
        var label: String
        var latitude: Double
        var longitude: Double
        var count: Int
        var jurisdiction: String
    }

    static let palette = ["#c0392b", "#2471a3", "#7d3c98", "#1e8449", "#b9770e"]

    static func svg(_ points: [Point], title: String, width: Int = 640, height: Int = 480) -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var body = "<text x='10' y='18' font-size='14' font-weight='bold'>\(PageSupport.esc(title))</text>"
        guard !points.isEmpty else {
            return frame(width, height, body + "<text x='20' y='60'>no stations</text>")
        }
        let projection = LocalProjection(centring: points.map { ($0.latitude, $0.longitude) })
        let xy = points.map { p -> (Double, Double) in let q = projection.project(latitude: p.latitude, longitude: p.longitude); return (q.x, q.y) }
        let xs = xy.map(\.0), ys = xy.map(\.1)
        let span = max(xs.max()! - xs.min()!, ys.max()! - ys.min()!, 1000)
        let scale = Double(min(width, height) - 120) / span
        let ox = Double(width) / 2 - (xs.min()! + xs.max()!) / 2 * scale
        let oy = Double(height) / 2 + 10 + (ys.min()! + ys.max()!) / 2 * scale
        let screen = xy.map { (ox + $0.0 * scale, oy - $0.1 * scale) }
        let groups = Array(Set(points.map(\.jurisdiction))).sorted()
        func colour(_ g: String) -> String { palette[(groups.firstIndex(of: g) ?? 0) % palette.count] }
        // Shading: the hull of each jurisdiction's stations, drawn wide with round joins so it also covers one station.
        for g in groups {
            let pts = zip(points, screen).filter { $0.0.jurisdiction == g }.map(\.1)
            let hull = convexHull(pts)
            let path = hull.enumerated().map { ($0.offset == 0 ? "M" : "L") + "\(f($0.element.0)),\(f($0.element.1))" }.joined() + "Z"
            body += "<path d='\(path)' fill='\(colour(g))' fill-opacity='0.12' stroke='\(colour(g))' stroke-opacity='0.12' stroke-width='40' stroke-linejoin='round'/>\n"
        }
        let maxCount = Double(max(points.map(\.count).max() ?? 1, 1))
        for (p, s) in zip(points, screen) {
            if p.count > 0 {
                let r = 4 + 14 * (Double(p.count) / maxCount).squareRoot()
                body += "<circle cx='\(f(s.0))' cy='\(f(s.1))' r='\(f(r))' fill='\(colour(p.jurisdiction))' fill-opacity='0.6' stroke='\(colour(p.jurisdiction))'/>"
            } else {
                body += "<circle cx='\(f(s.0))' cy='\(f(s.1))' r='3' fill='none' stroke='#555'/>"
            }
            body += "<text x='\(f(s.0 + 6))' y='\(f(s.1 - 6))' font-size='9' fill='#333'>\(PageSupport.esc(p.label))\(p.count > 0 ? " (\(p.count))" : "")</text>\n"
        }
        let km = [1.0, 2, 5, 10, 20, 50, 100].last { $0 * 1000 * scale < Double(width) / 4 } ?? 1
        body += "<line x1='20' y1='\(height - 20)' x2='\(f(20 + km * 1000 * scale))' y2='\(height - 20)' stroke='black' stroke-width='3'/>"
        body += "<text x='20' y='\(height - 26)'>\(Int(km)) km</text>\n"
        for (i, g) in groups.enumerated() {
            body += "<rect x='\(width - 96)' y='\(34 + i * 18)' width='12' height='12' fill='\(colour(g))' fill-opacity='0.5'/>"
            body += "<text x='\(width - 78)' y='\(44 + i * 18)'>\(PageSupport.esc(g))</text>\n"
        }
        return frame(width, height, body)
    }

    static func frame(_ width: Int, _ height: Int, _ body: String) -> String {
        "<svg xmlns='http://www.w3.org/2000/svg' width='\(width)' height='\(height)' viewBox='0 0 \(width) \(height)' font-family='sans-serif' font-size='12'>"
            + "<rect width='\(width)' height='\(height)' fill='white'/>\(body)</svg>"
    }

    /// The convex hull (monotone chain), counter-clockwise; one or two points come back as they are.
    static func convexHull(_ points: [(Double, Double)]) -> [(Double, Double)] {
        let p = points.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        guard p.count > 2 else { return p }
        func cross(_ o: (Double, Double), _ a: (Double, Double), _ b: (Double, Double)) -> Double {
            (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
        }
        var lower: [(Double, Double)] = [], upper: [(Double, Double)] = []
        for q in p {
            while lower.count >= 2, cross(lower[lower.count - 2], lower[lower.count - 1], q) <= 0 { lower.removeLast() }
            lower.append(q)
        }
        for q in p.reversed() {
            while upper.count >= 2, cross(upper[upper.count - 2], upper[upper.count - 1], q) <= 0 { upper.removeLast() }
            upper.append(q)
        }
        return Array(lower.dropLast() + upper.dropLast())
    }
}
