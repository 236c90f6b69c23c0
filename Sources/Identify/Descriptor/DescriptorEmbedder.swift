import CRosetteNative
import Foundation
import Imaging

/// The embedding of a box in a photo: the box widened by the chip margin (clipped to the photo, as
/// `ChipPreparer` does), resized to S×S (aspect not kept), in colour; a grey or infrared photo's one channel is
/// used for all three. Cached when a cache is given.
///
/// One embedder per thread (it reuses a decoder); the model may be shared.
public final class DescriptorEmbedder {
    public let model: DescriptorModel
    public let cache: DescriptorCache?
    private let decoder = ImageDecoder()

    public init(model: DescriptorModel, cache: DescriptorCache?) {
        self.model = model
        self.cache = cache
    }

    /// The (cached) embedding of `box` in the photo at `path` (the whole photo when `box` is nil).
    public func embedding(path: String, box: PixelBox?) throws -> [Float] {
        guard let cache else { return try compute(path: path, box: box) }
        return try cache.embedding(key: DescriptorCache.key(media: path, box: box, model: model), dimension: model.dimension) {
            try compute(path: path, box: box)
        }
    }

    /// The S×S×3 RGB crop the network sees.
    public func crop(path: String, box: PixelBox?) throws -> [UInt8] {
        guard FileManager.default.isReadableFile(atPath: path) else { throw IdentifyError.missingFile(path: path) }
        let size = model.options.inputSize
        var reduce = 1
        if let box {
            while reduce < 8, box.width / Double(reduce * 2) >= Double(size), box.height / Double(reduce * 2) >= Double(size) {
                reduce *= 2
            }
        }
        let view: DecodedImageView
        do { view = try decoder.decode(path: path, mode: .color, reduce: reduce) } catch {
            throw IdentifyError.undecodable(path: path, reason: "\(error)")
        }
        let scale = Double(reduce)
        let full = PixelBox(x: 0, y: 0, width: Double(view.width) * scale, height: Double(view.height) * scale)
        let area = box ?? full
        guard area.x >= -scale, area.y >= -scale, area.x + area.width <= full.width + scale,
              area.y + area.height <= full.height + scale else {
            throw IdentifyError.boxOutsideImage(path: path, box: area, imageWidth: Int(full.width), imageHeight: Int(full.height))
        }
        let grown = box == nil ? area : area.expanded(by: model.options.margin)
        let x0 = max(0, Int((grown.x / scale).rounded(.down))), y0 = max(0, Int((grown.y / scale).rounded(.down)))
        let x1 = min(view.width, Int(((grown.x + grown.width) / scale).rounded(.up)))
        let y1 = min(view.height, Int(((grown.y + grown.height) / scale).rounded(.up)))
        guard x1 - x0 >= 2, y1 - y0 >= 2 else { throw IdentifyError.tinyCrop(path: path, box: area, minimum: 2) }
        let channels = view.channels
        var out = [UInt8](repeating: 0, count: size * size * channels)
        var err = [CChar](repeating: 0, count: 256)
        let status = out.withUnsafeMutableBufferPointer {
            rsn_resize(view.pixels + y0 * view.stride + x0 * channels, Int32(x1 - x0), Int32(y1 - y0), Int32(channels), view.stride,
                       $0.baseAddress, Int32(size), Int32(size), &err, Int32(err.count))
        }
        guard status == 0 else { throw IdentifyError.native(operation: "descriptor crop resize", reason: cString(err)) }
        if channels == 3 { return out }
        return out.flatMap { [$0, $0, $0] }
    }

    private func compute(path: String, box: PixelBox?) throws -> [Float] {
        try model.embedding(crop: crop(path: path, box: box))
    }
}
