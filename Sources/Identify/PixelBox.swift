/// A box in a photo's full-resolution pixels, top-left origin.
public struct PixelBox: Sendable, Hashable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// A box given relative to the photo (0–1, top-left origin; the MegaDetector and Camtrap DP convention).
    public init(relativeX: Double, y: Double, width: Double, height: Double, imageWidth: Int, imageHeight: Int) {
        self.init(x: relativeX * Double(imageWidth), y: y * Double(imageHeight),
                  width: width * Double(imageWidth), height: height * Double(imageHeight))
    }

    /// The box grown by `fraction` of its size on every side.
    public func expanded(by fraction: Double) -> PixelBox {
        PixelBox(x: x - width * fraction, y: y - height * fraction,
                 width: width * (1 + 2 * fraction), height: height * (1 + 2 * fraction))
    }

    /// A stable text key, e.g. for cache file names.
    public var key: String { "\(Int(x.rounded()))_\(Int(y.rounded()))_\(Int(width.rounded()))_\(Int(height.rounded()))" }

    public var description: String {
        "[x \(Int(x.rounded())), y \(Int(y.rounded())), w \(Int(width.rounded())), h \(Int(height.rounded()))]"
    }
}
