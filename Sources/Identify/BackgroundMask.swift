import Foundation
import Imaging
import Store

/// Which parts of a photo are its camera's static scene, judged against the background motion triage stored.
///
/// The photo is reduced and smoothed exactly as motion triage reduces it (`MotionGrey` of a DCT-reduced decode), compared with the camera's median background of the same light (day or night), and every cell that
/// differs by less than `threshold` grey levels, with no changed cell within `dilation` cells, is static. Keypoints
/// on static cells are the scene — rocks and trunks in front of the camera — and are dropped before matching.
/// A photo whose light changed as a whole (most cells differ) is left alone, as is one with no background of its size.
public struct BackgroundMask: Sendable {
    public struct Options: Sendable, Equatable {
        /// Grey-level change from the background below which a cell is static.
        public var threshold: Float = 8
        /// Changed cells also protect their neighbours this many cells away (the animal's edge, its soft fur).
        public var dilation = 2
        /// When more of the frame than this changed, the light changed: no mask.
        public var maximumChangedShare = 0.6
        /// Below this colourfulness a photo is a night (infrared) frame, as in motion triage.
        public var nightColourfulness: Float = 4
        /// When the mask would drop more than this share of a chip's keypoints, keep them all (the animal may
        /// have stood still long enough to be part of the background).
        public var maximumDroppedShare = 0.85
        public init() {}
    }

    public let width: Int
    public let height: Int
    /// `true` where the photo shows the static scene.
    public let isStatic: [Bool]

    /// The mask of the photo at `path` (full frame `frameWidth × frameHeight`), or nil when no background fits.
    public init?(path: String, frameWidth: Int, frameHeight: Int, backgrounds: [CameraBackground], decoder: ImageDecoder,
                 options: Options = .init()) throws {
        guard let first = backgrounds.first, first.width > 0 else { return nil }
        let ratio = Double(frameWidth) / Double(first.width)
        guard let reduce = [1, 2, 4, 8].min(by: { abs(Double($0) - ratio) < abs(Double($1) - ratio) }) else { return nil }
        let view = try decoder.decode(path: path, mode: .color, reduce: reduce)
        guard let frame = try? MotionGrey(view: view) else { return nil }
        let night = frame.colourfulness < options.nightColourfulness
        let sized = backgrounds.filter { $0.width == frame.width && $0.height == frame.height }
        guard let background = sized.first(where: { $0.night == night }) ?? sized.first else { return nil }
        self.init(frame: frame.grey, background: background, options: options)
    }

    /// The mask of a reduced grey frame against a background of the same size (nil when the light changed).
    public init?(frame: [UInt8], background: CameraBackground, options: Options = .init()) {
        let w = background.width, h = background.height
        guard frame.count == w * h else { return nil }
        var changed = [Bool](repeating: false, count: w * h)
        var changedCount = 0
        for i in 0..<(w * h) where abs(Float(frame[i]) - Float(background.grey[i])) >= options.threshold {
            changed[i] = true
            changedCount += 1
        }
        guard Double(changedCount) <= options.maximumChangedShare * Double(w * h) else { return nil }
        // Dilate the changed cells: a separable max over ±dilation.
        let r = options.dilation
        var rows = changed
        if r > 0 {
            for y in 0..<h { for x in 0..<w where changed[y * w + x] { for dx in max(0, x - r)...min(w - 1, x + r) { rows[y * w + dx] = true } } }
        }
        var moving = rows
        if r > 0 {
            for y in 0..<h { for x in 0..<w where rows[y * w + x] { for dy in max(0, y - r)...min(h - 1, y + r) { moving[dy * w + x] = true } } }
        }
        width = w
        height = h
        isStatic = moving.map { !$0 }
    }

    /// Indices of the keypoints that sit on static cells (needs the features' frame placement; empty without it).
    public func staticKeypoints(_ features: FeatureSet) -> Set<Int> {
        guard let placement = features.placement, placement.frameWidth > 0, placement.frameHeight > 0 else { return [] }
        var out = Set<Int>()
        for (i, k) in features.keypoints.enumerated() {
            let p = placement.framePoint(chipX: k.x, chipY: k.y)
            let cx = Int(p.x * Double(width) / Double(placement.frameWidth))
            let cy = Int(p.y * Double(height) / Double(placement.frameHeight))
            guard cx >= 0, cy >= 0, cx < width, cy < height else { continue }
            if isStatic[cy * width + cx] { out.insert(i) }
        }
        return out
    }

    /// The features without their static keypoints, unless that would drop more than `maximumDroppedShare`.
    public func masking(_ features: FeatureSet, options: Options = .init()) -> FeatureSet {
        let drop = staticKeypoints(features)
        guard Double(drop.count) <= options.maximumDroppedShare * Double(features.count) else { return features }
        return features.removing(drop)
    }
}
