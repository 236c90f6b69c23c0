import Foundation
import Imaging
import Store

/// Pattern features of a box in a stored photo, taken from the survey's feature cache or extracted.
///
/// Boxes are relative (0–1, top-left origin) as stored; the photo's pixel size turns them into pixels.
/// Not shared between threads: it reuses one decoder (make one per worker).
public final class FeatureSource {
    public let chipOptions: ChipPreparer.Options
    public let featureOptions: FeatureExtractor.Options
    public let cache: FeatureCache
    private let preparer: ChipPreparer
    private let extractor: FeatureExtractor
    private lazy var maskDecoder = ImageDecoder()
    /// How keypoints on a camera's static scene are found (`BackgroundMask`).
    public var maskOptions = BackgroundMask.Options()

    public init(cache: FeatureCache, chip: ChipPreparer.Options = .init(), features: FeatureExtractor.Options = .init()) {
        self.cache = cache
        chipOptions = chip
        featureOptions = features
        preparer = ChipPreparer(options: chip)
        extractor = FeatureExtractor(options: features)
    }

    /// The box in the photo's pixels (nil box: the whole photo).
    public static func pixelBox(path: String, box: [Double]?, width: Int?, height: Int?) throws -> PixelBox? {
        guard let box else { return nil }
        guard let width, let height else { throw IdentifyError.unknownImageSize(path: path) }
        return PixelBox(relativeX: box[0], y: box[1], width: box[2], height: box[3], imageWidth: width, imageHeight: height)
    }

    /// The features of `box` in the photo at `path`.
    public func features(path: String, box: [Double]?, width: Int?, height: Int?) throws -> FeatureSet {
        let pixels = try Self.pixelBox(path: path, box: box, width: width, height: height)
        let key = FeatureCache.key(media: path, box: pixels, chip: chipOptions, features: featureOptions)
        return try cache.features(key: key) { try extractor.features(of: preparer.chip(path: path, box: pixels)) }
    }

    /// The features of `box` without the keypoints on the static scene of the photo's camera, judged against its
    /// stored triage backgrounds (nil or empty: no mask). Masked features are cached apart, keyed by the background.
    public func features(path: String, box: [Double]?, width: Int?, height: Int?, backgrounds: [CameraBackground]?) throws -> FeatureSet {
        let plain = try features(path: path, box: box, width: width, height: height)
        guard let backgrounds, !backgrounds.isEmpty, let placement = plain.placement, plain.count > 0 else { return plain }
        let pixels = try Self.pixelBox(path: path, box: box, width: width, height: height)
        let options = maskOptions, decoder = maskDecoder
        let plainKey = FeatureCache.key(media: path, box: pixels, chip: chipOptions, features: featureOptions)
        let key = String(plainKey.dropLast(plainKey.hasSuffix(".rsf") ? 4 : 0))
            + "-bg\(Int(options.threshold))d\(options.dilation)-" + backgrounds.map(\.stamp).joined(separator: ".") + ".rsf"
        return try cache.features(key: key) {
            guard let mask = try BackgroundMask(path: path, frameWidth: placement.frameWidth, frameHeight: placement.frameHeight,
                                                backgrounds: backgrounds, decoder: decoder, options: options) else { return plain }
            return mask.masking(plain, options: options)
        }
    }

    /// The chip itself (for drawing the review sheet).
    public func chip(path: String, box: [Double]?, width: Int?, height: Int?) throws -> Chip {
        try preparer.chip(path: path, box: Self.pixelBox(path: path, box: box, width: width, height: height))
    }
}
