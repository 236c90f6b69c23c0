import Foundation

/// A regular grid of square cells over local metres, holding one value per cell (row-major, row 0 south).
public struct UDGrid: Sendable, Equatable {
    /// Centre of cell (0, 0).
    public var originX: Double, originY: Double
    public var spacing: Double
    public var nx: Int, ny: Int
    public var values: [Double]

    public init(originX: Double, originY: Double, spacing: Double, nx: Int, ny: Int) {
        (self.originX, self.originY, self.spacing, self.nx, self.ny) = (originX, originY, spacing, nx, ny)
        values = Array(repeating: 0, count: nx * ny)
    }

    /// A grid covering [xlo, xhi] × [ylo, yhi] with cells of about `spacing`, at most `maxCells` per side.
    public static func covering(xlo: Double, xhi: Double, ylo: Double, yhi: Double, spacing: Double, maxCells: Int = 600) -> UDGrid {
        let span = max(xhi - xlo, yhi - ylo)
        let step = max(spacing, span / Double(maxCells))
        let nx = max(1, Int(((xhi - xlo) / step).rounded(.up))), ny = max(1, Int(((yhi - ylo) / step).rounded(.up)))
        return UDGrid(originX: xlo + step / 2, originY: ylo + step / 2, spacing: step, nx: nx, ny: ny)
    }

    public var cellArea: Double { spacing * spacing }
    public func x(_ i: Int) -> Double { originX + Double(i) * spacing }
    public func y(_ j: Int) -> Double { originY + Double(j) * spacing }

    /// Indices of the smallest set of cells holding `fraction` of the grid's total (largest values first).
    public func smallestSet(holding fraction: Double) -> [Int] {
        let total = values.reduce(0, +)
        guard total > 0 else { return [] }
        let order = values.indices.sorted { values[$0] > values[$1] }
        var sum = 0.0, chosen: [Int] = []
        for c in order {
            guard sum < fraction * total else { break }
            sum += values[c]
            chosen.append(c)
        }
        return chosen
    }
}

/// A fixed-kernel utilisation distribution (bivariate normal kernel) and its 95% isopleth.
///
/// Bandwidth: the reference rule h_ref = √((s_x² + s_y²)/2) · n^(−1/6) (Worton 1989; adehabitatHR's `href`),
/// with s² the sample variances (n − 1). The UD is evaluated on a grid spanning the locations ± 4h with cells
/// of h/`cellsPerBandwidth` (at most 600 per side), each kernel truncated at 5h, and normalised to volume 1 on
/// the grid. The 95% range is the smallest set of cells holding 95% of the UD's volume; its area is their count
/// times the cell area.
public struct KernelRange: Sendable {
    public var locations: [PlanarGeometry.Point]
    /// Bandwidth h (m).
    public var bandwidth: Double
    /// The UD: density per m² in each cell (sums to 1 / cell area).
    public var grid: UDGrid
    /// Cells of the 95% isopleth.
    public var isopleth95: [Int]

    public var isopleth95SquareKilometres: Double { Double(isopleth95.count) * grid.cellArea / 1e6 }

    /// The reference bandwidth of `points`; nil when there are fewer than 2 or no spread.
    public static func referenceBandwidth(_ points: [PlanarGeometry.Point]) -> Double? {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mean = points.reduce(PlanarGeometry.Point(0, 0), +) / n
        let ss = points.reduce(PlanarGeometry.Point(0, 0)) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let h = ((ss.x + ss.y) / 2).squareRoot() * pow(n, -1.0 / 6)
        return h > 0 ? h : nil
    }

    /// The kernel range of `locations` with bandwidth `bandwidth` (default: the reference bandwidth).
    /// Nil when the bandwidth is undefined (all locations at one point).
    public init?(locations: [PlanarGeometry.Point], bandwidth: Double? = nil, cellsPerBandwidth: Double = 8) {
        guard !locations.isEmpty, let h = bandwidth ?? Self.referenceBandwidth(locations), h > 0, h.isFinite else { return nil }
        self.locations = locations
        self.bandwidth = h
        let xs = locations.map(\.x), ys = locations.map(\.y)
        var g = UDGrid.covering(xlo: xs.min()! - 4 * h, xhi: xs.max()! + 4 * h, ylo: ys.min()! - 4 * h, yhi: ys.max()! + 4 * h,
                                spacing: h / cellsPerBandwidth)
        Self.accumulate(locations, bandwidth: h, into: &g)
        grid = g
        isopleth95 = g.smallestSet(holding: 0.95)
    }

    /// The UD evaluated on another grid (for overlaps on a shared grid), normalised to volume 1 there.
    public func density(on target: UDGrid) -> UDGrid {
        var g = target
        g.values = Array(repeating: 0, count: g.nx * g.ny)
        Self.accumulate(locations, bandwidth: bandwidth, into: &g)
        return g
    }

    static func accumulate(_ points: [PlanarGeometry.Point], bandwidth h: Double, into g: inout UDGrid) {
        let reach = 5 * h, inv = 1 / (2 * h * h)
        for p in points {
            let i0 = max(0, Int(((p.x - reach - g.originX) / g.spacing).rounded(.down)))
            let i1 = min(g.nx - 1, Int(((p.x + reach - g.originX) / g.spacing).rounded(.up)))
            let j0 = max(0, Int(((p.y - reach - g.originY) / g.spacing).rounded(.down)))
            let j1 = min(g.ny - 1, Int(((p.y + reach - g.originY) / g.spacing).rounded(.up)))
            guard i0 <= i1, j0 <= j1 else { continue }
            for j in j0...j1 {
                let dy = g.y(j) - p.y
                for i in i0...i1 {
                    let dx = g.x(i) - p.x
                    g.values[j * g.nx + i] += exp(-(dx * dx + dy * dy) * inv)
                }
            }
        }
        let total = g.values.reduce(0, +) * g.cellArea
        if total > 0 { for c in g.values.indices { g.values[c] /= total } }
    }
}
