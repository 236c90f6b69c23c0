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
            let bytes = [UInt8](data)
            var values = [Float](repeating: 0, count: dimension)
            for i in 0..<dimension {
                var bits = UInt32(bytes[i * 4])
                bits |= UInt32(bytes[i * 4 + 1]) << 8
                bits |= UInt32(bytes[i * 4 + 2]) << 16
                bits |= UInt32(bytes[i * 4 + 3]) << 24
                values[i] = Float(bitPattern: bits)
            }
            if values.allSatisfy({ $0.isFinite }) { return values }
        }
        let made = try make()
        var bytes = [UInt8]()
        bytes.reserveCapacity(made.count * 4)
        for v in made {
            let b = v.bitPattern
            bytes.append(UInt8(truncatingIfNeeded: b))
            bytes.append(UInt8(truncatingIfNeeded: b >> 8))
            bytes.append(UInt8(truncatingIfNeeded: b >> 16))
            bytes.append(UInt8(truncatingIfNeeded: b >> 24))
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(bytes).write(to: url, options: .atomic)
        return made
    }
}
