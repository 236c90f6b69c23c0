import Core
import Foundation

/// The small SVG figures of the pages, drawn by Rosette (no scripts): bars, a detection timeline, a station map.
enum PageCharts {
    static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    /// Horizontal bars, one per label, scaled against the largest value.
    static func bars(_ rows: [(label: String, value: Int)], title: String, width: Int = 460) -> String {
        let rowHeight = 18, top = 26
        let height = top + rowHeight * max(rows.count, 1) + 8
        let maxValue = Double(max(rows.map(\.value).max() ?? 1, 1))
        var body = "<text x='4' y='16' font-weight='bold'>\(PageSupport.esc(title))</text>"
        for (i, r) in rows.enumerated() {
            let y = top + i * rowHeight
            let w = Double(width - 190) * Double(r.value) / maxValue
            body += "<text x='4' y='\(y + 12)'>\(PageSupport.esc(r.label))</text>"
            body += "<rect x='120' y='\(y + 2)' width='\(f(w))' height='12' fill='#e0a040'/>"
            body += "<text x='\(f(124 + w))' y='\(y + 12)'>\(r.value)</text>"
        }
        if rows.isEmpty { body += "<text x='4' y='\(top + 12)'>nothing yet</text>" }
        return "<svg xmlns='http://www.w3.org/2000/svg' class='chart' width='\(width)' height='\(height)' viewBox='0 0 \(width) \(height)' font-family='sans-serif' font-size='11' fill='#ddd'>\(body)</svg>"
    }

    /// Detections over time: one row per station, a dot per photo, the years marked; a red line at a recorded death.
    static func timeline(_ points: [(date: Date, station: String, flagged: Bool)], death: Date?, zone: ZoneSpec, width: Int = 640) -> String {
        let stations = Array(Set(points.map(\.station))).sorted()
        let left = 110.0, right = Double(width) - 10, top = 20.0, rowHeight = 16.0
        let height = Int(top + rowHeight * Double(max(stations.count, 1)) + 24)
        let dates = points.map(\.date) + (death.map { [$0] } ?? [])
        guard let first = dates.min(), let last = dates.max() else {
            return "<svg xmlns='http://www.w3.org/2000/svg' class='chart' width='\(width)' height='30' font-family='sans-serif' font-size='11' fill='#ddd'><text x='4' y='18'>no detections</text></svg>"
        }
        let y0 = PageSupport.year(first, zone), y1 = PageSupport.year(last, zone) + 1
        let start = Timestamp.parse("\(y0)-01-01", defaultZone: zone)!.timeIntervalSince1970
        let end = Timestamp.parse("\(y1)-01-01", defaultZone: zone)!.timeIntervalSince1970
        func x(_ d: Date) -> Double { left + (d.timeIntervalSince1970 - start) / max(end - start, 1) * (right - left) }
        var body = ""
        for y in y0...y1 {
            let d = Timestamp.parse("\(y)-01-01", defaultZone: zone)!
            body += "<line x1='\(f(x(d)))' y1='\(f(top - 6))' x2='\(f(x(d)))' y2='\(height - 18)' stroke='#444'/>"
            if y < y1 { body += "<text x='\(f(x(d) + 3))' y='\(height - 6)'>\(y)</text>" }
        }
        for (i, s) in stations.enumerated() {
            let y = top + rowHeight * Double(i) + 8
            body += "<text x='4' y='\(f(y + 4))'>\(PageSupport.esc(s))</text>"
            for p in points where p.station == s {
                body += "<circle cx='\(f(x(p.date)))' cy='\(f(y))' r='3.5' fill='\(p.flagged ? "#e05a4a" : "#e0a040")'/>"
            }
        }
        if let death {
            body += "<line x1='\(f(x(death)))' y1='\(f(top - 6))' x2='\(f(x(death)))' y2='\(height - 18)' stroke='#e05a4a' stroke-width='2'/>"
            body += "<text x='\(f(x(death) + 3))' y='\(f(top - 8))' fill='#e05a4a'>death</text>"
        }
        return "<svg xmlns='http://www.w3.org/2000/svg' class='chart' width='\(width)' height='\(height)' viewBox='0 0 \(width) \(height)' font-family='sans-serif' font-size='11' fill='#ddd'>\(body)</svg>"
    }

    /// A station map from points already taken through the role's `LocationPolicy` (grid cells and aliases for a
    /// restricted role): circle area by detections, jurisdictions shaded.
    static func stationMap(_ points: [(label: String, latitude: Double, longitude: Double, count: Int, jurisdiction: String)],
                           title: String, width: Int = 640, height: Int = 480) -> String {
        StationMap.svg(points.map { StationMap.Point(label: $0.label, latitude: $0.latitude, longitude: $0.longitude, count: $0.count,
                                                     jurisdiction: $0.jurisdiction) }, title: title, width: width, height: height)
    }
}
