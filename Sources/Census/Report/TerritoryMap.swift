import Foundation

/// The territories map of a year as a self-contained SVG (no scripts, no external fonts).
///
/// Stations are small grey squares; each individual has a colour: its detections are dots (individuals seen
/// at one station are fanned around it so each stays visible), its 100% MCP a dashed outline, its 95% kernel
/// isopleth a filled outline, its SECR activity centre (posterior mean) a cross with its 95% region dotted.
/// A legend and a scale bar in km. With a generalising disclosure every coordinate is snapped first and station
/// names never appear (the map shows no names in any case).
public enum TerritoryMap {
    static let palette = ["#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#393b79",
                          "#bcbd22", "#7f7f7f", "#637939"]

    /// The map for `t`, `width` × `height` pixels; with `individuals`, only theirs (an individual's page), stations all.
    public static func svg(_ all: TerritoryYear, disclosure: LocationDisclosure = .exact, individuals: [String]? = nil,
                           width: Int = 760, height: Int = 560) -> String {
        typealias P = PlanarGeometry.Point
        var t = all
        if let keep = individuals.map(Set.init) {
            t.ranges = t.ranges.filter { keep.contains($0.individualID) }
            t.centres = t.centres.filter { keep.contains($0.individualID) }
            t.detections = t.detections.filter { keep.contains($0.individualID) }
        }
        let ids = t.ranges.map(\.individualID)
        let colour = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, palette[$0 % palette.count]) })
        let kernelOutlines: [String: [[[P]]]] = Dictionary(uniqueKeysWithValues: t.ranges.compactMap { r in
            r.kernel.map { k in (r.individualID, GridOutline.polygons(cells: GridOutline.cells(k.isopleth95, of: k.grid),
                                                                     originX: k.grid.originX, originY: k.grid.originY, spacing: k.grid.spacing)) }
        })
        let regionOutlines: [String: [[[P]]]] = t.mask.map { m in
            Dictionary(uniqueKeysWithValues: t.centres.map { ($0.individualID, $0.regionOutline(mask: m)) })
        } ?? [:]
        func rings(_ polygons: [[[P]]]) -> [[P]] { polygons.flatMap { $0 }.compactMap { disclosure.ring($0) } }

        // Extent of everything drawn, in metres after generalisation.
        var drawn: [P] = t.stations.map { disclosure.point(P($0.x, $0.y)) } + t.detections.map { disclosure.point(P($0.x, $0.y)) }
        drawn += kernelOutlines.values.flatMap { rings($0).flatMap { $0 } } + regionOutlines.values.flatMap { rings($0).flatMap { $0 } }
        drawn += t.centres.map { disclosure.point(P($0.meanX, $0.meanY)) }
        let legendWidth = 190.0, top = 34.0, margin = 24.0
        let mapW = Double(width) - legendWidth - 2 * margin, mapH = Double(height) - top - 2 * margin
        guard !drawn.isEmpty else {
            return SVGChart.frame(width: width, height: height, title: title(t), "<text x='20' y='60'>no stations or detections</text>")
        }
        let xlo = drawn.map(\.x).min()!, xhi = drawn.map(\.x).max()!, ylo = drawn.map(\.y).min()!, yhi = drawn.map(\.y).max()!
        let scale = min(mapW / max(xhi - xlo, 1000), mapH / max(yhi - ylo, 1000))
        let cx = margin + mapW / 2, cy = top + margin + mapH / 2
        func sx(_ x: Double) -> Double { cx + (x - (xlo + xhi) / 2) * scale }
        func sy(_ y: Double) -> Double { cy - (y - (ylo + yhi) / 2) * scale }
        func path(_ rs: [[P]]) -> String {
            rs.map { r in "M" + r.map { "\(SVGChart.f(sx($0.x))),\(SVGChart.f(sy($0.y)))" }.joined(separator: " L") + " Z" }.joined(separator: " ")
        }
        func f(_ v: Double) -> String { SVGChart.f(v) }

        var body = ""
        for id in ids {
            guard let o = kernelOutlines[id] else { continue }
            let rs = rings(o)
            if !rs.isEmpty {
                body += "<path d='\(path(rs))' fill='\(colour[id]!)' fill-opacity='0.15' fill-rule='evenodd' stroke='\(colour[id]!)' stroke-width='1.5'/>\n"
            }
        }
        for r in t.ranges {
            if let ring = disclosure.ring(r.mcp100) {
                body += "<path d='\(path([ring]))' fill='none' stroke='\(colour[r.individualID]!)' stroke-width='1.5' stroke-dasharray='6 3'/>\n"
            }
        }
        for c in t.centres {
            let col = colour[c.individualID] ?? "#555"
            if let o = regionOutlines[c.individualID] {
                let rs = rings(o)
                if !rs.isEmpty { body += "<path d='\(path(rs))' fill='none' fill-rule='evenodd' stroke='\(col)' stroke-width='1' stroke-dasharray='1.5 2.5'/>\n" }
            }
        }
        for s in t.stations {
            let p = disclosure.point(P(s.x, s.y))
            body += "<rect x='\(f(sx(p.x) - 3))' y='\(f(sy(p.y) - 3))' width='6' height='6' fill='#bbb' stroke='#555' stroke-width='0.8'/>\n"
        }
        // Detections: one dot per individual and place, sized by the number of locations there, fanned around shared places.
        var byPlace: [[Double]: [(String, Int)]] = [:]
        for r in t.ranges {
            for (p, n) in Dictionary(grouping: r.locations.map { disclosure.point($0) }, by: { [$0.x, $0.y] }).mapValues(\.count) {
                byPlace[p, default: []].append((r.individualID, n))
            }
        }
        for (place, list) in byPlace.sorted(by: { ($0.key[0], $0.key[1]) < ($1.key[0], $1.key[1]) }) {
            let fan = list.count > 1 ? 7.0 : 0
            for (k, item) in list.sorted(by: { $0.0 < $1.0 }).enumerated() {
                let a = 2 * Double.pi * Double(k) / Double(list.count) - .pi / 2
                let x = sx(place[0]) + fan * cos(a), y = sy(place[1]) + fan * sin(a)
                let radius = 2.5 + 1.5 * Double(item.1).squareRoot()
                body += "<circle cx='\(f(x))' cy='\(f(y))' r='\(f(radius))' fill='\(colour[item.0]!)' fill-opacity='0.85' stroke='white' stroke-width='0.6'/>\n"
            }
        }
        for c in t.centres {
            let p = disclosure.point(P(c.meanX, c.meanY)), col = colour[c.individualID] ?? "#555"
            let x = sx(p.x), y = sy(p.y)
            body += "<path d='M\(f(x - 5)),\(f(y - 5)) L\(f(x + 5)),\(f(y + 5)) M\(f(x - 5)),\(f(y + 5)) L\(f(x + 5)),\(f(y - 5))' stroke='\(col)' stroke-width='2.5'/>\n"
        }
        // Scale bar: a round number of km, at most a third of the map's width.
        let km = [0.5, 1, 2, 5, 10, 20, 50, 100].last { $0 * 1000 * scale <= mapW / 3 } ?? 0.5
        let bar = km * 1000 * scale, by = Double(height) - 16
        body += "<line x1='\(f(margin))' y1='\(f(by))' x2='\(f(margin + bar))' y2='\(f(by))' stroke='black' stroke-width='3'/>"
        body += "<text x='\(f(margin))' y='\(f(by - 6))'>\(km < 1 ? String(format: "%.1f", km) : String(Int(km))) km</text>\n"
        body += legend(t, ids: ids, colour: colour, x: Double(width) - legendWidth + 6, disclosure: disclosure)
        return SVGChart.frame(width: width, height: height, title: title(t), body)
    }

    static func title(_ t: TerritoryYear) -> String { "\(t.species): home ranges and activity centres, \(t.year)" }

    static func legend(_ t: TerritoryYear, ids: [String], colour: [String: String], x: Double, disclosure: LocationDisclosure) -> String {
        func f(_ v: Double) -> String { SVGChart.f(v) }
        var s = "", y = 44.0
        let keys: [(String, String)] = [
            ("<rect x='\(f(x))' y='-4' width='6' height='6' fill='#bbb' stroke='#555' stroke-width='0.8'/>", "camera station"),
            ("<circle cx='\(f(x + 3))' cy='-1' r='4' fill='#555'/>", "detections (size: number)"),
            ("<line x1='\(f(x - 2))' y1='-1' x2='\(f(x + 14))' y2='-1' stroke='#555' stroke-width='1.5' stroke-dasharray='6 3'/>", "MCP 100%"),
            ("<rect x='\(f(x - 2))' y='-6' width='16' height='10' fill='#555' fill-opacity='0.15' stroke='#555' stroke-width='1.5'/>", "kernel 95% (≥ 5 locations)"),
            ("<path d='M\(f(x)),-5 L\(f(x + 8)),3 M\(f(x)),3 L\(f(x + 8)),-5' stroke='#555' stroke-width='2.5'/>", "SECR activity centre"),
            ("<line x1='\(f(x - 2))' y1='-1' x2='\(f(x + 14))' y2='-1' stroke='#555' stroke-width='1' stroke-dasharray='1.5 2.5'/>", "its 95% region")]
        for (symbol, label) in keys {
            s += "<g transform='translate(0 \(f(y)))'>\(symbol)<text x='\(f(x + 22))' y='3' font-size='11'>\(SVGChart.esc(label))</text></g>\n"
            y += 17
        }
        y += 8
        for id in ids.prefix(24) {
            let r = t.range(of: id)!
            s += "<circle cx='\(f(x + 3))' cy='\(f(y - 1))' r='5' fill='\(colour[id]!)'/>"
            s += "<text x='\(f(x + 14))' y='\(f(y + 3))' font-size='11'>\(SVGChart.esc(id)) (\(r.locations.count))</text>\n"
            y += 15
        }
        if ids.count > 24 { s += "<text x='\(f(x))' y='\(f(y + 3))' font-size='11'>… \(ids.count - 24) more</text>\n"; y += 15 }
        if let g = disclosure.grid {
            s += "<text x='\(f(x))' y='\(f(y + 12))' font-size='10' fill='#555'>Locations generalised to a</text>"
            s += "<text x='\(f(x))' y='\(f(y + 25))' font-size='10' fill='#555'>\(SVGChart.esc(String(format: "%g", g.metres / 1000))) km grid; no station names.</text>\n"
        }
        return s
    }
}
