import Foundation

/// Generalisation of sensitive locations: every coordinate snapped to the centre of its grid cell.
///
/// The same rule as `census report --generalise`: x ↦ ⌊x / g⌋·g + g/2 (likewise y), in local metres.
public struct LocationGrid: Sendable, Equatable {
    /// Cell size (m).
    public var metres: Double

    public init(metres: Double) { self.metres = metres }

    public func snap(_ v: Double) -> Double { (v / metres).rounded(.down) * metres + metres / 2 }
    public func snap(_ p: PlanarGeometry.Point) -> PlanarGeometry.Point { .init(snap(p.x), snap(p.y)) }

    /// A ring with every vertex snapped, consecutive repeats and zero-width spikes removed; nil when fewer than 3 distinct vertices remain.
    public func snap(ring: [PlanarGeometry.Point]) -> [PlanarGeometry.Point]? {
        var out: [PlanarGeometry.Point] = []
        for p in ring.map(snap) where out.last != p { out.append(p) }
        while out.count > 1 && out.first == out.last { out.removeLast() }
        // Spikes (a vertex whose neighbours coincide after snapping) have no width: fold them away.
        var k = 0
        while out.count >= 3 && k < out.count {
            let n = out.count, prev = out[(k + n - 1) % n], next = out[(k + 1) % n]
            if prev == next {
                out.remove(at: k)
                out.remove(at: k % out.count)
                k = max(0, k - 2)
            } else {
                k += 1
            }
        }
        return Set(out.map { [$0.x, $0.y] }).count >= 3 && PlanarGeometry.area(out) > 0 ? out : nil
    }
}

/// How coordinates leave: exact, or generalised to a grid.
public enum LocationDisclosure: Sendable, Equatable {
    case exact
    case generalised(LocationGrid)

    /// The disclosure for a viewer: `generaliseMetres` when given; otherwise exact for roles that see exact
    /// locations and `publicDefaultMetres` (10 km) for the public.
    public static func forRole(seesExactLocations: Bool, generaliseMetres: Double?, publicDefaultMetres: Double = 10_000) -> LocationDisclosure {
        if let g = generaliseMetres, g > 0 { return .generalised(LocationGrid(metres: g)) }
        return seesExactLocations ? .exact : .generalised(LocationGrid(metres: publicDefaultMetres))
    }

    public var grid: LocationGrid? { if case .generalised(let g) = self { g } else { nil } }
    public func point(_ p: PlanarGeometry.Point) -> PlanarGeometry.Point { grid?.snap(p) ?? p }
    public func ring(_ r: [PlanarGeometry.Point]) -> [PlanarGeometry.Point]? {
        guard let grid else { return r.count >= 3 ? r : nil }
        return grid.snap(ring: r)
    }
}
