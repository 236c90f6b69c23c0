import Foundation

/// Features on disk, one small binary file per chip (`FeatureSet.binary`), under a survey's `cache/features/`.
///
/// Files are keyed by photo, box and the chip and feature options, so changing an option never reuses
/// stale features. A damaged file is recomputed and replaced.
public struct FeatureCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The cache of a survey folder: `SURVEY/cache/features`.
    public init(survey: URL) { directory = survey.appendingPathComponent("cache/features") }

    /// The file name for a photo (e.g. its media ID or path) and box, under the given options.
    public static func key(media: String, box: PixelBox?, chip: ChipPreparer.Options, features: FeatureExtractor.Options) -> String {
        let safe = String(media.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.suffix(80))
        let options = "w\(chip.chipWidth)m\(Int(chip.margin * 100))c\(Int(chip.claheClipLimit * 10))n\(features.maxFeatures)"
            + (features.upright ? "u" : "r")
            + (features.blurredFeatures > 0 ? "b\(features.blurredFeatures)x\(Int((features.blurFraction * 10000).rounded()))" : "")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in media.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return "\(safe)-\(String(hash, radix: 16))-\(box?.key ?? "full")-\(options)-p.rsf"
    }

    /// The cached features for `key`, or those made by `make` (then stored).
    public func features(key: String, make: () throws -> FeatureSet) throws -> FeatureSet {
        let url = directory.appendingPathComponent(key)
        if let data = try? Data(contentsOf: url), let cached = FeatureSet(binary: [UInt8](data)) { return cached }
        let made = try make()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(made.binary).write(to: url, options: .atomic)
        return made
    }
}
