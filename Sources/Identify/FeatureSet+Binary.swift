import Foundation

extension FeatureSet {
    private static let magic: [UInt8] = Array("RSF2".utf8)
    private static let magicWithoutPlacement: [UInt8] = Array("RSF1".utf8)
    /// Bytes of the header after the magic: chip width, height, count, then the placement (present flag, crop x,
    /// y, width, height as Float32, frame width and height).
    private static let headerBytes = 4 + 12 + 28

    /// A compact little-endian file image: "RSF2", chip width, height, count (UInt32 each), the frame placement
    /// (UInt32 1/0, crop as 4 × Float32, frame size as 2 × UInt32), then per keypoint x, y, size (Float32), then the
    /// descriptor bytes. Files in the older "RSF1" layout (no placement) are still read.
    public var binary: [UInt8] {
        var out = Self.magic
        out.reserveCapacity(Self.headerBytes + count * (12 + Self.descriptorBytes))
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt32(chipWidth))
        put(UInt32(chipHeight))
        put(UInt32(count))
        put(placement == nil ? 0 : 1)
        let p = placement
        for v in [p?.crop.x, p?.crop.y, p?.crop.width, p?.crop.height] { put(Float(v ?? 0).bitPattern) }
        put(UInt32(p?.frameWidth ?? 0))
        put(UInt32(p?.frameHeight ?? 0))
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
        guard bytes.count >= 16 else { return nil }
        let head = Array(bytes[0..<4])
        let withPlacement = head == Self.magic
        guard withPlacement || head == Self.magicWithoutPlacement else { return nil }
        func get(_ offset: Int) -> UInt32 {
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
        }
        let width = Int(get(4)), height = Int(get(8)), n = Int(get(12))
        let start = withPlacement ? Self.headerBytes : 16
        guard bytes.count == start + n * (12 + Self.descriptorBytes) else { return nil }
        var placement: FramePlacement?
        if withPlacement, get(16) == 1 {
            let f = (0..<4).map { Double(Float(bitPattern: get(20 + $0 * 4))) }
            placement = FramePlacement(crop: PixelBox(x: f[0], y: f[1], width: f[2], height: f[3]), chipWidth: width,
                                       chipHeight: height, frameWidth: Int(get(36)), frameHeight: Int(get(40)))
        }
        var points: [Keypoint] = []
        points.reserveCapacity(n)
        for i in 0..<n {
            let o = start + i * 12
            points.append(Keypoint(x: Float(bitPattern: get(o)), y: Float(bitPattern: get(o + 4)),
                                   size: Float(bitPattern: get(o + 8))))
        }
        self.init(chipWidth: width, chipHeight: height, keypoints: points,
                  descriptors: Array(bytes[(start + n * 12)...]), placement: placement)
    }
}
