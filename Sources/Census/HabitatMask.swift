import Foundation

/// A habitat mask: the grid of candidate activity centres, each a square cell of equal area.
public struct HabitatMask: Sendable, Equatable {
    /// Easting of each mask point (m).
    public var x: [Double]
    /// Northing of each mask point (m).
    public var y: [Double]
    /// Grid spacing (m); each point represents a spacing × spacing cell.
    public var spacing: Double

    /// Creates a mask from point coordinates and grid spacing.
    public init(x: [Double], y: [Double], spacing: Double) {
        precondition(x.count == y.count, "x and y must have equal length")
        self.x = x
        self.y = y
        self.spacing = spacing
    }

    /// Number of mask points.
    public var count: Int { x.count }

    /// Area of one cell in hectares.
    public var cellAreaHectares: Double { spacing * spacing / 10_000 }

    /// Total mask area in hectares.
    public var areaHectares: Double { Double(count) * cellAreaHectares }

    /// secr's `make.mask(type = "trapbuffer")`: a square grid around the detectors, points kept within
    /// `buffer` of a detector.
    ///
    /// The grid spans the detectors' x- and y-ranges extended by `buffer`; the spacing defaults to
    /// (x-range + 2·buffer)/`nx`; the first point sits at min(x) − buffer + spacing/2 (likewise for y).
    public static func trapBuffer(traps: TrapLayout, buffer: Double, spacing: Double? = nil,
                                  nx: Int = 64) throws -> HabitatMask {
        guard traps.count > 0 else { throw CensusError.emptyMask(reason: "no detectors") }
        guard buffer >= 0, buffer.isFinite else {
            throw CensusError.invalidArgument("buffer must be a non-negative distance in metres, not \(buffer)")
        }
        let xlo = traps.x.min()! - buffer, xhi = traps.x.max()! + buffer
        let ylo = traps.y.min()! - buffer, yhi = traps.y.max()! + buffer
        let step = spacing ?? (xhi - xlo) / Double(nx)
        guard step > 0, step.isFinite else {
            throw CensusError.invalidArgument("mask spacing must be positive (got \(step)); give --mask-spacing or a buffer > 0")
        }
        let xs = gridSequence(from: xlo + step / 2, to: xhi, by: step)
        let ys = gridSequence(from: ylo + step / 2, to: yhi, by: step)
        var mx: [Double] = [], my: [Double] = []
        for yv in ys {
            for xv in xs {
                var nearest = Double.infinity
                for k in 0..<traps.count {
                    let dx = xv - traps.x[k], dy = yv - traps.y[k]
                    nearest = min(nearest, dx * dx + dy * dy)
                }
                if nearest.squareRoot() <= buffer {
                    mx.append(xv); my.append(yv)
                }
            }
        }
        guard !mx.isEmpty else { throw CensusError.emptyMask(reason: "no grid point lies within the buffer") }
        return HabitatMask(x: mx, y: my, spacing: step)
    }

    /// The points of this mask inside `polygon` (inside an outer ring and outside its holes).
    ///
    /// Use it with a habitat polygon (drops sea, cities) or with a jurisdiction border ("cut").
    public func keeping(inside polygon: GeoPolygon) throws -> HabitatMask {
        var mx: [Double] = [], my: [Double] = []
        for m in 0..<count where polygon.contains(x: x[m], y: y[m]) {
            mx.append(x[m]); my.append(y[m])
        }
        guard !mx.isEmpty else { throw CensusError.emptyMask(reason: "no mask point lies inside the polygon") }
        return HabitatMask(x: mx, y: my, spacing: spacing)
    }

    /// R's `seq(from, to, by)` for positive `by` (values ≤ `to` up to a relative fuzz of 1e-10).
    static func gridSequence(from start: Double, to end: Double, by step: Double) -> [Double] {
        guard end >= start else { return [] }
        let n = Int(((end - start) / step) * (1 + 1e-10) + 1e-10) + 1
        return (0..<n).map { start + Double($0) * step }
    }
}
