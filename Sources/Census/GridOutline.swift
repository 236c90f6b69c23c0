import Foundation

/// The outline of a set of square grid cells: polygons (outer ring counter-clockwise, then holes clockwise).
///
/// Used for kernel isopleths and SECR activity-centre regions, which are sets of grid cells. The outline follows
/// the cell edges exactly (no smoothing); cells touching only at a corner become separate polygons.
public enum GridOutline {
    /// Polygons outlining cells `(i, j)` of a grid whose cell (0, 0) is centred at (`originX`, `originY`).
    public static func polygons(cells: [(i: Int, j: Int)], originX: Double, originY: Double, spacing: Double) -> [[[PlanarGeometry.Point]]] {
        struct V: Hashable { var i: Int; var j: Int }
        let set = Set(cells.map { V(i: $0.i, j: $0.j) })
        var outgoing: [V: [V]] = [:]
        for c in set {
            let corners = [V(i: c.i, j: c.j), V(i: c.i + 1, j: c.j), V(i: c.i + 1, j: c.j + 1), V(i: c.i, j: c.j + 1)]
            let neighbours = [V(i: c.i, j: c.j - 1), V(i: c.i + 1, j: c.j), V(i: c.i, j: c.j + 1), V(i: c.i - 1, j: c.j)]
            for e in 0..<4 where !set.contains(neighbours[e]) { outgoing[corners[e], default: []].append(corners[(e + 1) % 4]) }
        }
        var rings: [[V]] = []
        while let start = outgoing.first(where: { !$0.value.isEmpty })?.key {
            var ring = [start]
            var previous = start, current = outgoing[start]!.removeFirst()
            while current != start {
                ring.append(current)
                let din = (current.i - previous.i, current.j - previous.j)
                var options = outgoing[current] ?? []
                guard !options.isEmpty else { break }
                // Prefer a left turn, then straight, then right: keeps corner-touching cells apart.
                func rank(_ v: V) -> Int {
                    let d = (v.i - current.i, v.j - current.j)
                    let cross = din.0 * d.1 - din.1 * d.0
                    return cross > 0 ? 0 : (cross == 0 ? 1 : 2)
                }
                let k = options.indices.min { rank(options[$0]) < rank(options[$1]) }!
                let next = options.remove(at: k)
                outgoing[current] = options
                previous = current
                current = next
            }
            rings.append(ring)
        }
        // Drop collinear vertices and convert to metres (corners are half a cell from centres).
        let metric: [[PlanarGeometry.Point]] = rings.map { ring in
            var kept: [V] = []
            for (k, v) in ring.enumerated() {
                let a = ring[(k + ring.count - 1) % ring.count], b = ring[(k + 1) % ring.count]
                if (v.i - a.i) * (b.j - v.j) - (v.j - a.j) * (b.i - v.i) != 0 { kept.append(v) }
            }
            return kept.map { PlanarGeometry.Point(originX + (Double($0.i) - 0.5) * spacing, originY + (Double($0.j) - 0.5) * spacing) }
        }.filter { $0.count >= 3 }
        let outers = metric.filter { PlanarGeometry.signedArea($0) > 0 }
        var polygons = outers.map { [$0] }
        for hole in metric where PlanarGeometry.signedArea(hole) < 0 {
            // A point just inside the region beside the hole's first edge (the region lies to the edge's left).
            let a = hole[0], b = hole[1], d = (b - a) / ((b - a) * (b - a)).sum().squareRoot()
            let probe = (a + b) / 2 + PlanarGeometry.Point(-d.y, d.x) * (spacing / 4)
            let owners = outers.indices.filter { GeoPolygon.ringContains(outers[$0], probe) }
            if let k = owners.min(by: { PlanarGeometry.area(outers[$0]) < PlanarGeometry.area(outers[$1]) }) { polygons[k].append(hole) }
        }
        return polygons
    }

    /// Cells of `grid` with the given flat indices, as (i, j).
    public static func cells(_ indices: [Int], of grid: UDGrid) -> [(i: Int, j: Int)] {
        indices.map { ($0 % grid.nx, $0 / grid.nx) }
    }
}
