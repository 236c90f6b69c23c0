import Foundation

/// The exchange report's map as a self-contained SVG: our places (stations, or grid cells when generalised) and
/// the partner's grid cells, each linked individual seen on both sides drawn as its places on both sides joined
/// by a line in its colour, a legend and a scale bar.
///
/// Coordinates are pixels of an equirectangular view written to one decimal; no latitude or longitude is written.
public enum ExchangeReportMap {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e", "#7f7f7f"]

    public static func svg(_ r: ExchangeReport, width: Int = 760, height: Int = 520) -> String {
        let crossers = r.crossers
        let title = "Our catalog and \(r.partner)'s: \(crossers.count) individual(s) seen on both sides"
        // Extent in degrees: every place, cells by their corners.
        var lats: [Double] = [], lons: [Double] = []
        for p in r.ourPlaces + r.partnerPlaces {
            if let b = p.cell?.bounds { lats += [b.south, b.north]; lons += [b.west, b.east] } else { lats.append(p.latitude); lons.append(p.longitude) }
        }
        guard let south = lats.min(), let north = lats.max(), let west = lons.min(), let east = lons.max() else {
            return frame(width, height, title, "<text x='20' y='60'>no places to draw</text>")
        }
        let legendWidth = 220.0, top = 34.0, margin = 24.0
        let mapW = Double(width) - legendWidth - 2 * margin, mapH = Double(height) - top - 2 * margin
        let k = cos((south + north) / 2 * .pi / 180)   // degrees of longitude shrink by cos(latitude)
        let pad = 0.01
        let spanX = max((east - west) * k, 0.02) + 2 * pad, spanY = max(north - south, 0.02) + 2 * pad
        let scale = min(mapW / spanX, mapH / spanY)
        let midLon = (west + east) / 2, midLat = (south + north) / 2
        func x(_ lon: Double) -> Double { margin + mapW / 2 + (lon - midLon) * k * scale }
        func y(_ lat: Double) -> Double { top + margin + mapH / 2 - (lat - midLat) * scale }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func cellRect(_ c: GridCell, fill: String, stroke: String) -> String {
            let b = c.bounds
            return "<rect x='\(f(x(b.west)))' y='\(f(y(b.north)))' width='\(f(x(b.east) - x(b.west)))' height='\(f(y(b.south) - y(b.north)))' "
                + "fill='\(fill)' fill-opacity='0.45' stroke='\(stroke)' stroke-width='1'/>\n"
        }
        var body = ""
        for p in r.partnerPlaces { if let c = p.cell { body += cellRect(c, fill: "#f6c89f", stroke: "#c06a1b") } }
        for p in r.ourPlaces {
            if let c = p.cell {
                body += cellRect(c, fill: "#a9c8e8", stroke: "#2b5f94")
            } else {
                body += "<rect x='\(f(x(p.longitude) - 3))' y='\(f(y(p.latitude) - 3))' width='6' height='6' fill='#2b5f94'/>\n"
            }
        }
        let entries = r.years.flatMap(\.entries).filter { $0.side == .both }
        for (i, pair) in crossers.enumerated() {
            let colour = palette[i % palette.count]
            let mine = entries.filter { $0.individualID == pair.individualID }
            let ours = Set(mine.flatMap(\.ourPlaces)), theirs = Set(mine.flatMap(\.partnerPlaces))
            guard let a = centroid(ours), let b = centroid(theirs) else { continue }
            body += "<line x1='\(f(x(a.longitude)))' y1='\(f(y(a.latitude)))' x2='\(f(x(b.longitude)))' y2='\(f(y(b.latitude)))' "
                + "stroke='\(colour)' stroke-width='2' stroke-dasharray='5 3'/>\n"
            for p in ours.sorted() + theirs.sorted() {
                body += "<circle cx='\(f(x(p.longitude)))' cy='\(f(y(p.latitude)))' r='5' fill='\(colour)' stroke='white' stroke-width='1'/>\n"
            }
        }
        // Scale bar: kilometres of latitude.
        let km = [1.0, 2, 5, 10, 20, 50, 100].last { $0 / 111.195 * scale <= mapW / 3 } ?? 1
        let bar = km / 111.195 * scale, by = Double(height) - 14
        body += "<line x1='\(f(margin))' y1='\(f(by))' x2='\(f(margin + bar))' y2='\(f(by))' stroke='black' stroke-width='3'/>"
        body += "<text x='\(f(margin))' y='\(f(by - 6))'>\(Int(km)) km</text>\n"
        body += legend(r, crossers, x: Double(width) - legendWidth + 6)
        return frame(width, height, title, body)
    }

    static func centroid(_ places: Set<ExchangeReport.Place>) -> (latitude: Double, longitude: Double)? {
        guard !places.isEmpty else { return nil }
        let n = Double(places.count)
        return (places.map(\.latitude).reduce(0, +) / n, places.map(\.longitude).reduce(0, +) / n)
    }

    static func legend(_ r: ExchangeReport, _ crossers: [(individualID: String, partnerID: String)], x: Double) -> String {
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "", y = 50.0
        let keys = [(r.exact ? "<rect x='\(f(x))' y='-4' width='6' height='6' fill='#2b5f94'/>" : "<rect x='\(f(x - 2))' y='-6' width='12' height='10' fill='#a9c8e8' stroke='#2b5f94'/>",
                     r.exact ? "our camera station" : "our cell (\(CamtrapValue.number((r.gridMetres ?? 0) / 1000)) km)"),
                    ("<rect x='\(f(x - 2))' y='-6' width='12' height='10' fill='#f6c89f' stroke='#c06a1b'/>", "\(r.partner)'s cell")]
        for (symbol, label) in keys {
            s += "<g transform='translate(0 \(f(y)))'>\(symbol)<text x='\(f(x + 18))' y='3' font-size='11'>\(esc(label))</text></g>\n"
            y += 18
        }
        y += 6
        for (i, pair) in crossers.prefix(20).enumerated() {
            s += "<circle cx='\(f(x + 3))' cy='\(f(y - 1))' r='5' fill='\(palette[i % palette.count])'/>"
            s += "<text x='\(f(x + 14))' y='\(f(y + 3))' font-size='11'>\(esc(pair.individualID)) = \(esc(pair.partnerID))</text>\n"
            y += 15
        }
        if crossers.count > 20 { s += "<text x='\(f(x))' y='\(f(y + 3))' font-size='11'>… \(crossers.count - 20) more</text>\n" }
        return s
    }

    static func esc(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static func frame(_ width: Int, _ height: Int, _ title: String, _ body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" font-family="sans-serif" font-size="12">
        <rect width="\(width)" height="\(height)" fill="white"/>
        <text x="10" y="20" font-size="14" font-weight="bold">\(esc(title))</text>
        \(body)</svg>

        """
    }
}
