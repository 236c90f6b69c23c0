import Foundation
import Identify
import Imaging
import Testing
import TestSupport

/// Chip pixels back to full-image pixels (the review screen draws matched pairs on the uncropped photos).
@Suite struct ChipMappingTests {
    /// A black 1200 × 900 photo with one white 7 × 7 square centred on (`x`, `y`).
    static func photo(dotX x: Int, dotY y: Int, in dir: TemporaryDirectory) throws -> String {
        let w = 1200, h = 900
        var grey = [UInt8](repeating: 10, count: w * h)
        for yy in (y - 3)...(y + 3) { for xx in (x - 3)...(x + 3) { grey[yy * w + xx] = 250 } }
        let bytes = try grey.withUnsafeBufferPointer { try JPEGEncoder.encode(pixels: $0, width: w, height: h, channels: 1, quality: 95) }
        let url = dir.path("dot-\(x)-\(y).jpg")
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The centroid of the brightest pixels of a chip.
    static func brightest(_ chip: Chip) -> (x: Double, y: Double) {
        let top = Int(chip.pixels.max() ?? 0) - 40
        var sx = 0.0, sy = 0.0, n = 0.0
        for y in 0..<chip.height { for x in 0..<chip.width where Int(chip.pixels[y * chip.width + x]) >= top {
            sx += Double(x); sy += Double(y); n += 1
        } }
        return (sx / n, sy / n)
    }

    // Boxes decoded at full size, at half size (wider than twice the chip), at quarter size, and the whole photo.
    static let cases: [(box: PixelBox?, dotX: Int, dotY: Int)] = [
        (PixelBox(x: 300, y: 200, width: 380, height: 300), 420, 330),
        (PixelBox(x: 100, y: 100, width: 1000, height: 700), 812, 655),
        (PixelBox(x: 0, y: 0, width: 1199, height: 899), 250, 700),
        (nil, 640, 451),
    ]

    @Test(arguments: 0..<4)
    func aDotFoundInTheChipMapsBackToWhereItIsInThePhoto(index: Int) throws {
        let dir = TemporaryDirectory("chipmap")
        let c = Self.cases[index]
        let path = try Self.photo(dotX: c.dotX, dotY: c.dotY, in: dir)
        let options = ChipPreparer.Options()
        let chip = try ChipPreparer(options: options).chip(path: path, box: c.box)
        let map = ChipMapping(box: c.box, imageWidth: 1200, imageHeight: 900, options: options)
        #expect(map.chipWidth == chip.width && map.chipHeight == chip.height, "the mapping's chip has the chip's size")
        let found = Self.brightest(chip)
        let back = map.imagePoint(chipX: found.x, chipY: found.y)
        // Within a pixel or two of the photo at the decode's reduction.
        let tolerance = 1.5 / map.scaleX + 1
        #expect(abs(back.x - Double(c.dotX)) <= tolerance && abs(back.y - Double(c.dotY)) <= tolerance,
                "dot at (\(c.dotX), \(c.dotY)) found at \(back), tolerance \(tolerance)")
    }

    @Test func chipAndImagePointsAreInverse() {
        let map = ChipMapping(box: PixelBox(x: 40, y: 30, width: 80, height: 60), imageWidth: 160, imageHeight: 120)
        for p in [(0.0, 0.0), (123.4, 56.7), (399.0, 299.0)] {
            let i = map.imagePoint(chipX: p.0, chipY: p.1), back = map.chipPoint(imageX: i.x, imageY: i.y)
            #expect(abs(back.x - p.0) < 1e-9 && abs(back.y - p.1) < 1e-9)
        }
        // The margin (5 % each side) is in the crop: the box's corner lies inside the chip, not on its edge.
        let corner = map.chipPoint(imageX: 40, imageY: 30)
        #expect(corner.x > 15 && corner.x < 25 && corner.y > 15 && corner.y < 25, "\(corner)")
    }
}
