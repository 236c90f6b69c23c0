import CRosetteNative
import Core
import Foundation

/// Decodes JPEGs into a pixel buffer that is reused from one decode to the next.
///
/// Grey and DCT-downscaled decodes (`reduce` 2, 4, 8) cost a fraction of a full colour decode.
/// One decoder per thread: it is not shared between tasks.
public final class ImageDecoder {
    public enum Mode: Int32, Sendable { case color = 0, grey = 1 }

    private let handle: OpaquePointer

    public init() {
        rsn_initialize()
        handle = rsn_image_create()
    }

    deinit { rsn_image_destroy(handle) }

    /// Decodes a file; throws `notAnImage` naming it when the data cannot be decoded.
    public func decode(path: String, mode: Mode = .color, reduce: Int = 1) throws -> DecodedImageView {
        var err = [CChar](repeating: 0, count: 256)
        guard rsn_image_decode_file(handle, path, mode.rawValue, Int32(reduce), &err, Int32(err.count)) == 0 else {
            throw RosetteError.notAnImage(path: path, reason: cMessage(err))
        }
        return view()
    }

    /// Decodes encoded bytes held in memory.
    public func decode(bytes: [UInt8], mode: Mode = .color, reduce: Int = 1, name: String = "(memory)") throws -> DecodedImageView {
        var err = [CChar](repeating: 0, count: 256)
        let status = bytes.withUnsafeBufferPointer {
            rsn_image_decode(handle, $0.baseAddress, $0.count, mode.rawValue, Int32(reduce), &err, Int32(err.count))
        }
        guard status == 0 else { throw RosetteError.notAnImage(path: name, reason: cMessage(err)) }
        return view()
    }

    private func view() -> DecodedImageView {
        var w: Int32 = 0, h: Int32 = 0, c: Int32 = 0
        var stride = 0
        var pixels: UnsafePointer<UInt8>?
        rsn_image_pixels(handle, &w, &h, &c, &stride, &pixels)
        return DecodedImageView(width: Int(w), height: Int(h), channels: Int(c), stride: stride, pixels: pixels!, owner: self)
    }
}

/// The pixels of the last decode: valid until the decoder decodes again.
///
/// The view keeps its decoder alive, so `ImageDecoder().decode(…)` used inline does not leave it dangling.
public struct DecodedImageView {
    public let width: Int
    public let height: Int
    /// 1 (grey) or 3 (RGB, interleaved).
    public let channels: Int
    public let stride: Int
    public let pixels: UnsafePointer<UInt8>
    let owner: ImageDecoder

    /// The pixel value at (x, y) in channel c.
    public subscript(x: Int, y: Int, c: Int = 0) -> UInt8 { pixels[y * stride + x * channels + c] }

    /// Mean of all samples, e.g. to tell a night (dark) frame.
    public var mean: Double {
        var total = 0
        for y in 0..<height {
            let row = pixels + y * stride
            for i in 0..<(width * channels) { total += Int(row[i]) }
        }
        return Double(total) / Double(max(1, width * height * channels))
    }
}
