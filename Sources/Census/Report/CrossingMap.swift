import Foundation

/// The crossings map as a self-contained SVG: lines, stations (crossing-point stations ringed), crossing points
/// coloured by individual, a legend and a scale bar.
///
/// Exact: each crossing is a dot on the line, with a dashed path between the two detections it lies between.
/// Generalised: stations and crossing points are drawn as their grid cells (a crossing as its cell outlined in the
/// individual's colour, not as a dot off the line at the cell's centre), no detection paths are drawn, and no
/// station is named (the map names none in any case). The lines are drawn as given: a road or a river is public
/// knowledge, and it is the caller's file.
public enum CrossingMap {
    public static func svg(_ c: LineCrossings, disclosure: LocationDisclosure = .exact, width: Int = 760, height: Int = 560) -> String {
        typealias P = PlanarGeometry.Point
        let exact = disclosure.grid == nil
        let ids = Array(Set(c.crossings.map(\.individualID))).sorted()
        let palette = TerritoryMap.palette
        let colour = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, palette[$0 % palette.count]) })
        let stationPoints = c.stations.map { disclosure.point(P($0.x, $0.y)) }
        let crossingPoints = c.crossings.map { disclosure.point($0.position.point) }
        let linePoints = c.lines.flatMap { $0.parts.flatMap { $0 } }
        // The map's extent: the stations and crossings, and the lines only as far as they come near them.
        var core = stationPoints + crossingPoints
        if core.isEmpty { core = linePoints }
        let title = "Line crossings by known individuals" + (c.crossings.isEmpty ? "" : " (\(c.crossings.count), a minimum)")
        guard !core.isEmpty else {
            return SVGChart.frame(width: width, height: height, title: title, "<text x='20' y='60'>no lines or stations</text>")
        }
        let pad = 2000.0
        let xlo = core.map(\.x).min()! - pad, xhi = core.map(\.x).max()! + pad
        let ylo = core.map(\.y).min()! - pad, yhi = core.map(\.y).max()! + pad
        let legendWidth = 190.0, top = 34.0, margin = 24.0
        let mapW = Double(width) - legendWidth - 2 * margin, mapH = Double(height) - top - 2 * margin
        let scale = min(mapW / max(xhi - xlo, 1000), mapH / max(yhi - ylo, 1000))
        let cx = margin + mapW / 2, cy = top + margin + mapH / 2
        func sx(_ x: Double) -> Double { cx + (x - (xlo + xhi) / 2) * scale }
        func sy(_ y: Double) -> Double { cy - (y - (ylo + yhi) / 2) * scale }
        func f(_ v: Double) -> String { SVGChart.f(v) }
        func clamp(_ v: Double) -> Double { max(-10 * Double(width), min(10 * Double(width), v)) }

        var body = "<clipPath id='map'><rect x='\(f(margin))' y='\(f(top + margin))' width='\(f(mapW))' height='\(f(mapH))'/></clipPath>\n<g clip-path='url(#map)'>\n"
        for line in c.lines {
            for part in line.parts {
                let d = part.map { "\(f(clamp(sx($0.x)))),\(f(clamp(sy($0.y))))" }.joined(separator: " L")
                body += "<path d='M\(d)' fill='none' stroke='#444' stroke-width='2.5'/>\n"
            }
        }
        let flagged = Set(c.flagged.map(\.station.id))
        if let grid = disclosure.grid {
            // Generalised: a station is only its cell, drawn as the cell; a cell holding a crossing-point station is outlined red.
            let side = grid.metres * scale
            var cells: [[Double]: Bool] = [:]
            for (s, p) in zip(c.stations, stationPoints) { cells[[p.x, p.y], default: false] = cells[[p.x, p.y], default: false] || flagged.contains(s.id) }
            for (p, ringed) in cells.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                body += "<rect x='\(f(sx(p[0]) - side / 2))' y='\(f(sy(p[1]) - side / 2))' width='\(f(side))' height='\(f(side))' fill='#bbb' "
                    + "fill-opacity='0.35' stroke='\(ringed ? "#d62728" : "#888")' stroke-width='\(ringed ? "1.5" : "0.6")'/>\n"
            }
        } else {
            for (s, p) in zip(c.stations, stationPoints) {
                body += "<rect x='\(f(sx(p.x) - 3))' y='\(f(sy(p.y) - 3))' width='6' height='6' fill='#bbb' stroke='#555' stroke-width='0.8'/>\n"
                if flagged.contains(s.id) {
                    body += "<circle cx='\(f(sx(p.x)))' cy='\(f(sy(p.y)))' r='8' fill='none' stroke='#d62728' stroke-width='1.5'/>\n"
                }
            }
        }
        if exact {
            for x in c.crossings {
                guard let a = c.stations.first(where: { $0.id == x.fromStation }), let b = c.stations.first(where: { $0.id == x.toStation }) else { continue }
                body += "<line x1='\(f(sx(a.x)))' y1='\(f(sy(a.y)))' x2='\(f(sx(b.x)))' y2='\(f(sy(b.y)))' stroke='\(colour[x.individualID]!)' "
                    + "stroke-width='1' stroke-opacity='0.6' stroke-dasharray='4 3'/>\n"
            }
        }
        // Crossing points: one dot per individual and place, sized by how many, fanned around shared places;
        // generalised, the place is a cell: one outline per individual in its colour, nested, thicker for more crossings.
        var byPlace: [[Double]: [String: Int]] = [:]
        for (x, p) in zip(c.crossings, crossingPoints) { byPlace[[p.x, p.y], default: [:]][x.individualID, default: 0] += 1 }
        for (place, counts) in byPlace.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let list = counts.sorted { $0.key < $1.key }, fan = list.count > 1 ? 7.0 : 0
            for (k, item) in list.enumerated() {
                if let grid = disclosure.grid {
                    let half = max(grid.metres * scale / 2 - 3 * Double(k + 1), 2)
                    body += "<rect x='\(f(sx(place[0]) - half))' y='\(f(sy(place[1]) - half))' width='\(f(2 * half))' height='\(f(2 * half))' fill='none' "
                        + "stroke='\(colour[item.key]!)' stroke-width='\(f(1.5 + Double(item.value).squareRoot()))'/>\n"
                    continue
                }
                let a = 2 * Double.pi * Double(k) / Double(list.count) - .pi / 2
                body += "<circle cx='\(f(sx(place[0]) + fan * cos(a)))' cy='\(f(sy(place[1]) + fan * sin(a)))' r='\(f(3 + 1.5 * Double(item.value).squareRoot()))' "
                    + "fill='\(colour[item.key]!)' fill-opacity='0.9' stroke='white' stroke-width='0.6'/>\n"
            }
        }
        body += "</g>\n"
        let km = [0.5, 1, 2, 5, 10, 20, 50, 100].last { $0 * 1000 * scale <= mapW / 3 } ?? 0.5
        let bar = km * 1000 * scale, by = Double(height) - 16
        body += "<line x1='\(f(margin))' y1='\(f(by))' x2='\(f(margin + bar))' y2='\(f(by))' stroke='black' stroke-width='3'/>"
        body += "<text x='\(f(margin))' y='\(f(by - 6))'>\(km < 1 ? String(format: "%.1f", km) : String(Int(km))) km</text>\n"
        body += legend(c, ids: ids, colour: colour, x: Double(width) - legendWidth + 6, disclosure: disclosure)
        return SVGChart.frame(width: width, height: height, title: title, body)
    }

    static func legend(_ c: LineCrossings, ids: [String], colour: [String: String], x: Double, disclosure: LocationDisclosure) -> String {
        func f(_ v: Double) -> String { SVGChart.f(v) }
        var s = "", y = 44.0
        let keys: [(String, String)] = [
            ("<line x1='\(f(x - 2))' y1='-1' x2='\(f(x + 14))' y2='-1' stroke='#444' stroke-width='2.5'/>", "line (\(c.lines.map(\.name).joined(separator: ", ")))"),
            ("<rect x='\(f(x))' y='-4' width='6' height='6' fill='#bbb' stroke='#555' stroke-width='0.8'/>", disclosure.grid == nil ? "camera station" : "cell with camera stations"),
            ("<circle cx='\(f(x + 3))' cy='-1' r='7' fill='none' stroke='#d62728' stroke-width='1.5'/>", (disclosure.grid == nil ? "crossing point" : "cell with a crossing point") + " (≤ \(String(format: "%g", c.nearMetres)) m)"),
            ("<circle cx='\(f(x + 3))' cy='-1' r='4' fill='#555'/>", disclosure.grid == nil ? "crossing (size: number)" : "cell of a crossing (outline)")]
        for (symbol, label) in keys {
            s += "<g transform='translate(0 \(f(y)))'>\(symbol)<text x='\(f(x + 22))' y='3' font-size='11'>\(SVGChart.esc(label))</text></g>\n"
            y += 17
        }
        y += 8
        for id in ids.prefix(24) {
            s += "<circle cx='\(f(x + 3))' cy='\(f(y - 1))' r='5' fill='\(colour[id]!)'/>"
            s += "<text x='\(f(x + 14))' y='\(f(y + 3))' font-size='11'>\(SVGChart.esc(id)) (\(c.crossings(of: id).count))</text>\n"
            y += 15
        }
        if ids.count > 24 { s += "<text x='\(f(x))' y='\(f(y + 3))' font-size='11'>… \(ids.count - 24) more</text>\n"; y += 15 }
        s += "<text x='\(f(x))' y='\(f(y + 12))' font-size='10' fill='#555'>Counts are a minimum.</text>\n"
        if let g = disclosure.grid {
            s += "<text x='\(f(x))' y='\(f(y + 25))' font-size='10' fill='#555'>Places generalised to a</text>"
            s += "<text x='\(f(x))' y='\(f(y + 38))' font-size='10' fill='#555'>\(SVGChart.esc(String(format: "%g", g.metres / 1000))) km grid; no station names.</text>\n"
        }
        return s
    }
}
