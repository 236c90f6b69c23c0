import Foundation

/// Coarse gradient-orientation features of a grey chip (HOG-like), for telling the head end from the tail end.
///
/// The chip is divided into `columns` × `rows` cells; each cell holds a histogram of signed gradient
/// orientations (`bins` over 360°, weighted by gradient magnitude) and its mean brightness. Histograms are
/// normalised by the chip's mean gradient magnitude and brightness by the chip's spread, so the features do not
/// depend on exposure. A head and a tail differ in shape (a round head and ears above a forward neck, a long
/// thin tail low behind), which a coarse grid of edge directions sees whatever the coat.
public struct OrientationFeatures: Sendable, Equatable, Codable {
    public var columns = 8
    public var rows = 4
    public var bins = 8

    public init() {}

    /// The feature vector length.
    public var count: Int { columns * rows * (bins + 1) }

    /// Features of `chip`, or of its horizontal mirror image.
    public func features(_ chip: Chip, mirrored: Bool = false) -> [Double] {
        let w = chip.width, h = chip.height
        var out = [Double](repeating: 0, count: count)
        guard w >= 3, h >= 3 else { return out }
        func px(_ x: Int, _ y: Int) -> Double {
            Double(chip.pixels[y * w + (mirrored ? w - 1 - x : x)])
        }
        var meanMagnitude = 0.0, sum = 0.0, sumSquares = 0.0
        let cellBins = bins + 1
        var brightness = [Double](repeating: 0, count: columns * rows), cellCount = [Double](repeating: 0, count: columns * rows)
        for y in 0..<h {
            let cy = min(rows - 1, y * rows / h)
            for x in 0..<w {
                let cx = min(columns - 1, x * columns / w)
                let cell = cy * columns + cx
                let v = px(x, y)
                sum += v
                sumSquares += v * v
                brightness[cell] += v
                cellCount[cell] += 1
                guard x > 0, x < w - 1, y > 0, y < h - 1 else { continue }
                let gx = px(x + 1, y) - px(x - 1, y), gy = px(x, y + 1) - px(x, y - 1)
                let m = (gx * gx + gy * gy).squareRoot()
                guard m > 0 else { continue }
                meanMagnitude += m
                var angle = atan2(gy, gx)
                if angle < 0 { angle += 2 * .pi }
                let position = angle / (2 * .pi) * Double(bins)
                let lower = Int(position.rounded(.down)) % bins, upper = (lower + 1) % bins
                let f = position - position.rounded(.down)
                out[cell * cellBins + lower] += m * (1 - f)
                out[cell * cellBins + upper] += m * f
            }
        }
        let n = Double(w * h)
        meanMagnitude /= Double((w - 2) * (h - 2))
        let cellArea = n / Double(columns * rows)
        let mean = sum / n, spread = max(1, (sumSquares / n - mean * mean).squareRoot())
        for cell in 0..<(columns * rows) {
            for b in 0..<bins { out[cell * cellBins + b] /= max(1e-6, meanMagnitude * cellArea) }
            out[cell * cellBins + bins] = cellCount[cell] > 0 ? (brightness[cell] / cellCount[cell] - mean) / spread : 0
        }
        return out
    }

    /// The chip's features minus its mirror image's: odd under mirroring (a mirrored chip gives the negated
    /// vector), which is what a head-end model that must flip with the mirror image needs.
    public func antisymmetric(_ chip: Chip) -> [Double] {
        zip(features(chip), features(chip, mirrored: true)).map { $0 - $1 }
    }
}
