import Foundation

/// Overlap of two individuals' home ranges in a year.
///
/// With a kernel for both: the volume of intersection VI = Σ min(UD₁, UD₂)·cell area (Fieberg & Kochanny 2005)
/// of the two UDs each restricted to its 95% isopleth and renormalised to volume 1 there, on a shared grid
/// (cells of min(h₁, h₂)/8): 1 for identical ranges, 0 for disjoint ones. Otherwise, with two 100% MCPs of
/// positive area: their intersection's area over the smaller MCP's area (convex clipping, Sutherland–Hodgman).
public struct RangeOverlap: Sendable, Equatable {
    public enum Method: String, Sendable { case kernelVolumeOfIntersection = "kernel95-VI", mcpIntersection = "mcp100-intersection" }
    public var first: String
    public var second: String
    public var method: Method
    /// Overlap in [0, 1].
    public var overlap: Double
    /// Area of the ranges' intersection, km² (95% isopleths' common cells, or the MCPs' intersection).
    public var sharedSquareKilometres: Double

    /// The overlap of two ranges, nil when neither measure applies (an MCP of area 0 and no kernel).
    public static func between(_ a: HomeRange, _ b: HomeRange) -> RangeOverlap? {
        if let ka = a.kernel, let kb = b.kernel {
            let (vi, shared) = volumeOfIntersection(ka, kb)
            return RangeOverlap(first: a.individualID, second: b.individualID, method: .kernelVolumeOfIntersection, overlap: vi,
                                sharedSquareKilometres: shared)
        }
        let areaA = PlanarGeometry.area(a.mcp100), areaB = PlanarGeometry.area(b.mcp100)
        guard areaA > 0, areaB > 0 else { return nil }
        let shared = PlanarGeometry.area(PlanarGeometry.clipConvex(a.mcp100, by: b.mcp100))
        return RangeOverlap(first: a.individualID, second: b.individualID, method: .mcpIntersection, overlap: min(1, shared / min(areaA, areaB)),
                            sharedSquareKilometres: shared / 1e6)
    }

    /// VI of the 95%-restricted, renormalised UDs and the area of their isopleths' common cells (km²).
    public static func volumeOfIntersection(_ a: KernelRange, _ b: KernelRange) -> (Double, Double) {
        func extent(_ g: UDGrid) -> (Double, Double, Double, Double) {
            (g.originX - g.spacing / 2, g.x(g.nx - 1) + g.spacing / 2, g.originY - g.spacing / 2, g.y(g.ny - 1) + g.spacing / 2)
        }
        let ea = extent(a.grid), eb = extent(b.grid)
        guard ea.0 < eb.1, eb.0 < ea.1, ea.2 < eb.3, eb.2 < ea.3 else { return (0, 0) }
        let shared = UDGrid.covering(xlo: min(ea.0, eb.0), xhi: max(ea.1, eb.1), ylo: min(ea.2, eb.2), yhi: max(ea.3, eb.3),
                                     spacing: min(a.bandwidth, b.bandwidth) / 8)
        func restricted(_ k: KernelRange) -> [Double] {
            let g = k.density(on: shared)
            var v = [Double](repeating: 0, count: g.values.count)
            for c in g.smallestSet(holding: 0.95) { v[c] = g.values[c] }
            let total = v.reduce(0, +)
            return total > 0 ? v.map { $0 / total } : v
        }
        let ua = restricted(a), ub = restricted(b)
        var vi = 0.0, common = 0
        for c in ua.indices {
            vi += min(ua[c], ub[c])
            if ua[c] > 0 && ub[c] > 0 { common += 1 }
        }
        return (min(1, vi), Double(common) * shared.cellArea / 1e6)
    }

    /// Every pair of `ranges` whose overlap is at least `threshold` (default 0.001), largest first.
    public static func pairs(_ ranges: [HomeRange], threshold: Double = 0.001) -> [RangeOverlap] {
        var out: [RangeOverlap] = []
        for i in ranges.indices {
            for j in ranges.indices where j > i {
                if let o = between(ranges[i], ranges[j]), o.overlap >= threshold { out.append(o) }
            }
        }
        return out.sorted { ($0.overlap, $1.first) > ($1.overlap, $0.first) }
    }
}
