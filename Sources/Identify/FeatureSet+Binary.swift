import Foundation

extension FeatureSet {
    private static let magic: [UInt8] = Array("RSF1".utf8)

    /// A compact little-endian file image: "RSF1", chip width, height, count (UInt32 each), then per keypoint
    /// x, y, size (Float32), then the descriptor bytes.
    public var binary: [UInt8] {
        var out = Self.magic
        out.reserveCapacity(16 + count * (12 + Self.descriptorBytes))
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt32(chipWidth))
        put(UInt32(chipHeight))
        put(UInt32(count))
        for k in keypoints {
            put(k.x.bitPattern)
            put(k.y.bitPattern)
            put(k.size.bitPattern)
        }
        out.append(contentsOf: descriptors)
        return out
    }

    /// Reads `binary`; nil when the bytes are not a complete feature file.
    public init?(binary bytes: [UInt8]) {
        guard bytes.count >= 16, Array(bytes[0..<4]) == Self.magic else { return nil }
        func get(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        let width = Int(get(4)), height = Int(get(8)), n = Int(get(12))
        guard bytes.count == 16 + n * (12 + Self.descriptorBytes) else { return nil }
        var points: [Keypoint] = []
        points.reserveCapacity(n)
        for i in 0..<n {
            let o = 16 + i * 12
            points.append(Keypoint(x: Float(bitPattern: get(o)), y: Float(bitPattern: get(o + 4)),
                                   size: Float(bitPattern: get(o + 8))))
        }
        self.init(chipWidth: width, chipHeight: height, keypoints: points,
                  descriptors: Array(bytes[(16 + n * 12)...]))
    }
}
