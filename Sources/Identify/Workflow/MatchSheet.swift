import CRosetteNative
import Core
import Foundation
import Imaging

/// The review picture: the encounter's chip beside each candidate's best reference chip, with the verified
/// keypoint pairs drawn between them, so a person can check the match by eye.
public struct MatchSheet {
    /// One row: a query chip, a reference chip (none when there is no candidate), and their pairs.
    public struct Row {
        public var query: Chip
        public var reference: Chip?
        public var pairs: [KeypointPair]
        public var label: String

        public init(query: Chip, reference: Chip?, pairs: [KeypointPair], label: String) {
            self.query = query
            self.reference = reference
            self.pairs = pairs
            self.label = label
        }
    }

    public var title: String
    public var rows: [Row]
    /// Pairs drawn per row (the heaviest).
    public var maximumPairs = 40
    let gap = 12, labelHeight = 28, titleHeight = 34

    public init(title: String, rows: [Row]) {
        self.title = title
        self.rows = rows
    }

    /// The sheet as interleaved RGB pixels.
    public func render() throws -> (pixels: [UInt8], width: Int, height: Int) {
        let width = max(480, rows.map { $0.query.width + gap + ($0.reference?.width ?? 0) }.max() ?? 0) + 2 * gap
        let rowHeights = rows.map { labelHeight + max($0.query.height, $0.reference?.height ?? 0) + gap }
        let height = titleHeight + rowHeights.reduce(0, +) + gap
        var pixels = [UInt8](repeating: 32, count: width * height * 3)
        try pixels.withUnsafeMutableBufferPointer { buffer in
            let canvas = Canvas(pixels: buffer.baseAddress!, width: width, height: height)
            try canvas.text(title, x: gap, y: 24, scale: 0.7, colour: (255, 255, 255))
            var top = titleHeight
            for (row, rowHeight) in zip(rows, rowHeights) {
                try canvas.text(row.label, x: gap, y: top + 20, scale: 0.55, colour: (255, 220, 120))
                let y0 = top + labelHeight
                canvas.paste(row.query, x: gap, y: y0)
                let rx = gap + row.query.width + gap
                if let reference = row.reference {
                    canvas.paste(reference, x: rx, y: y0)
                    for (i, p) in row.pairs.prefix(maximumPairs).enumerated() {
                        // Heaviest pairs green, lighter ones shading to yellow.
                        let t = Double(i) / Double(max(1, min(maximumPairs, row.pairs.count) - 1))
                        let colour = (UInt8(60 + 195 * t), UInt8(230), UInt8(60))
                        let qx = Float(gap) + p.queryX, qy = Float(y0) + p.queryY
                        let gx = Float(rx) + p.galleryX, gy = Float(y0) + p.galleryY
                        try canvas.line(qx, qy, gx, gy, colour: colour)
                        try canvas.circle(qx, qy, colour: colour)
                        try canvas.circle(gx, gy, colour: colour)
                    }
                }
                top += rowHeight
            }
        }
        return (pixels, width, height)
    }

    /// Renders and writes the sheet as a JPEG file.
    public func write(to url: URL, quality: Int = 88) throws {
        let (pixels, width, height) = try render()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let bytes = try pixels.withUnsafeBufferPointer {
            try JPEGEncoder.encode(pixels: $0, width: width, height: height, channels: 3, quality: quality)
        }
        try Data(bytes).write(to: url, options: .atomic)
    }
}

/// Drawing on an RGB buffer through the native shim.
private struct Canvas {
    let pixels: UnsafeMutablePointer<UInt8>
    let width: Int
    let height: Int

    func paste(_ chip: Chip, x: Int, y: Int) {
        for row in 0..<chip.height where y + row < height {
            for col in 0..<chip.width where x + col < width {
                let v = chip.pixels[row * chip.width + col]
                let o = ((y + row) * width + x + col) * 3
                pixels[o] = v
                pixels[o + 1] = v
                pixels[o + 2] = v
            }
        }
    }

    func line(_ x0: Float, _ y0: Float, _ x1: Float, _ y1: Float, colour: (UInt8, UInt8, UInt8)) throws {
        var err = [CChar](repeating: 0, count: 128)
        guard rsn_draw_line(pixels, Int32(width), Int32(height), x0, y0, x1, y1, colour.0, colour.1, colour.2, 1, &err,
                            Int32(err.count)) == 0 else { throw IdentifyError.native(operation: "drawing", reason: cString(err)) }
    }

    func circle(_ x: Float, _ y: Float, colour: (UInt8, UInt8, UInt8)) throws {
        var err = [CChar](repeating: 0, count: 128)
        guard rsn_draw_circle(pixels, Int32(width), Int32(height), x, y, 3, colour.0, colour.1, colour.2, 1, &err,
                              Int32(err.count)) == 0 else { throw IdentifyError.native(operation: "drawing", reason: cString(err)) }
    }

    func text(_ text: String, x: Int, y: Int, scale: Double, colour: (UInt8, UInt8, UInt8)) throws {
        var err = [CChar](repeating: 0, count: 128)
        // Hershey fonts are ASCII: anything else shows as '?'.
        let ascii = String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
        guard rsn_draw_text(pixels, Int32(width), Int32(height), ascii, Int32(x), Int32(y), scale, colour.0, colour.1, colour.2,
                            1, &err, Int32(err.count)) == 0 else { throw IdentifyError.native(operation: "drawing", reason: cString(err)) }
    }
}
