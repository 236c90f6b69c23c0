import Foundation

/// Embeddings on disk, one small file per photo and box (D little-endian floats), e.g. under `SURVEY/cache/descriptors/`.
///
/// Keyed by photo, box, the model file's content hash, its input size, normalisation and margin, so a changed
/// model or option never reuses a stale embedding. A damaged or wrong-length file is recomputed and replaced.
public struct DescriptorCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The cache of a survey folder: `SURVEY/cache/descriptors`.
    public init(survey: URL) { directory = survey.appendingPathComponent("cache/descriptors") }

    /// The file name for a photo (its path or media ID) and box under a model.
    public static func key(media: String, box: PixelBox?, model: DescriptorModel) -> String {
        let safe = String(media.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.suffix(60))
        let hash = DescriptorModel.fnv1a(Data(media.utf8))
        return "\(safe)-\(hash)-\(box?.key ?? "full")-\(model.contentHash)-\(model.options.inputKey).emb"
    }

    /// The cached embedding for `key` (of `dimension` values), or the one made by `make` (then stored).
    public func embedding(key: String, dimension: Int, make: () throws -> [Float]) throws -> [Float] {
        let url = directory.appendingPathComponent(key)
        if let data = try? Data(contentsOf: url), data.count == dimension * 4 {
            let values = (0..<dimension).map { i in
                Float(bitPattern: UInt32(data[i * 4]) | UInt32(data[i * 4 + 1]) << 8 | UInt32(data[i * 4 + 2]) << 16
                    | UInt32(data[i * 4 + 3]) << 24)
            }
            if values.allSatisfy(\.isFinite) { return values }
        }
        let made = try make()
        var bytes = [UInt8]()
        bytes.reserveCapacity(made.count * 4)
        for v in made {
            let b = v.bitPattern
            bytes += [UInt8(b & 0xFF), UInt8(b >> 8 & 0xFF), UInt8(b >> 16 & 0xFF), UInt8(b >> 24)]
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(bytes).write(to: url, options: .atomic)
        return made
    }
}
