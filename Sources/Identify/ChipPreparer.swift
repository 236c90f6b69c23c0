import CRosetteNative
import Foundation
import Imaging

/// Turns a box in a photo into a `Chip`: crop with a margin, grey, scaled to the standard width,
/// contrast-normalised (CLAHE, which also evens out night infrared frames).
///
/// Large boxes are decoded DCT-downscaled (JPEG `reduce` 2, 4 or 8) when that still leaves at least the chip
/// width, which is much cheaper than a full decode. One preparer per thread: it reuses a decoder.
public final class ChipPreparer {
    /// How chips are made.
    public struct Options: Sendable, Equatable {
        /// Chip width in pixels (METHODS.md: about 700; smaller is faster). The aspect ratio is kept.
        public var chipWidth: Int = 400
        /// Margin added on each side of the box, as a fraction of its size.
        public var margin: Double = 0.05
        /// CLAHE clip limit; 0 means plain histogram equalisation.
        public var claheClipLimit: Double = 2.0
        /// CLAHE tiles across (and down).
        public var claheTiles: Int = 8
        /// Boxes smaller than this (in photo pixels, either way) are refused.
        public var minimumBoxSide: Int = 32

        public init() {}
    }

    public let options: Options
    private let decoder = ImageDecoder()

    public init(options: Options = Options()) { self.options = options }

    /// The chip for `box` in the photo at `path`, or the whole photo when `box` is nil.
    public func chip(path: String, box: PixelBox?) throws -> Chip {
        guard FileManager.default.isReadableFile(atPath: path) else { throw IdentifyError.missingFile(path: path) }
        if let box {
            guard box.width >= Double(options.minimumBoxSide), box.height >= Double(options.minimumBoxSide) else {
                throw IdentifyError.tinyCrop(path: path, box: box, minimum: options.minimumBoxSide)
            }
        }
        var reduce = 1
        if let box {
            while reduce < 8, box.width / Double(reduce * 2) >= Double(options.chipWidth) { reduce *= 2 }
        }
        let view: DecodedImageView
        do { view = try decoder.decode(path: path, mode: .grey, reduce: reduce) } catch {
            throw IdentifyError.undecodable(path: path, reason: "\(error)")
        }
        let scale = Double(reduce)
        let full = PixelBox(x: 0, y: 0, width: Double(view.width) * scale, height: Double(view.height) * scale)
        let area = box ?? full
        // The box must lie within the photo (a pixel of slack for rounding in downscaled decodes).
        let slack = scale
        guard area.x >= -slack, area.y >= -slack, area.x + area.width <= full.width + slack,
              area.y + area.height <= full.height + slack else {
            throw IdentifyError.boxOutsideImage(path: path, box: area, imageWidth: Int(full.width), imageHeight: Int(full.height))
        }
        let grown = box == nil ? area : area.expanded(by: options.margin)
        let x0 = max(0, Int((grown.x / scale).rounded(.down)))
        let y0 = max(0, Int((grown.y / scale).rounded(.down)))
        let x1 = min(view.width, Int(((grown.x + grown.width) / scale).rounded(.up)))
        let y1 = min(view.height, Int(((grown.y + grown.height) / scale).rounded(.up)))
        guard x1 - x0 >= 8, y1 - y0 >= 8 else {
            throw IdentifyError.tinyCrop(path: path, box: area, minimum: options.minimumBoxSide)
        }
        var chip = try Self.normalise(pixels: view.pixels + y0 * view.stride + x0, width: x1 - x0, height: y1 - y0,
                                      stride: view.stride, options: options)
        chip.placement = FramePlacement(
            crop: PixelBox(x: Double(x0) * scale, y: Double(y0) * scale, width: Double(x1 - x0) * scale, height: Double(y1 - y0) * scale),
            chipWidth: chip.width, chipHeight: chip.height, frameWidth: Int(full.width), frameHeight: Int(full.height))
        return chip
    }

    /// Scales a grey crop to the chip width and normalises its contrast.
    public static func normalise(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                                 options: Options) throws -> Chip {
        let outWidth = options.chipWidth
        let outHeight = max(8, Int((Double(height) * Double(outWidth) / Double(width)).rounded()))
        var scaled = [UInt8](repeating: 0, count: outWidth * outHeight)
        var err = [CChar](repeating: 0, count: 256)
        let resized = scaled.withUnsafeMutableBufferPointer {
            rsn_resize(pixels, Int32(width), Int32(height), 1, stride, $0.baseAddress, Int32(outWidth), Int32(outHeight),
                       &err, Int32(err.count))
        }
        guard resized == 0 else { throw IdentifyError.native(operation: "chip resize", reason: cString(err)) }
        var out = [UInt8](repeating: 0, count: outWidth * outHeight)
        let status = scaled.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer {
                rsn_clahe(src.baseAddress, Int32(outWidth), Int32(outHeight), outWidth, $0.baseAddress,
                          options.claheClipLimit, Int32(options.claheTiles), &err, Int32(err.count))
            }
        }
        guard status == 0 else { throw IdentifyError.native(operation: "contrast normalisation", reason: cString(err)) }
        return Chip(width: outWidth, height: outHeight, pixels: out)
    }
}

/// The text of a NUL-terminated message buffer.
func cString(_ buffer: [CChar]) -> String {
    buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
}
