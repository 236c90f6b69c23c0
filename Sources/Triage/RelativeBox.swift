/// A box relative to the image: [x, y, width, height] in 0–1 with the origin top-left (MegaDetector, Camtrap DP).
public struct RelativeBox: Sendable, Hashable {
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

    public var area: Double { max(0, width) * max(0, height) }

    /// Intersection over union with another box (0 when they do not overlap).
    public func iou(_ other: RelativeBox) -> Double {
        let ix = max(0, min(x + width, other.x + other.width) - max(x, other.x))
        let iy = max(0, min(y + height, other.y + other.height) - max(y, other.y))
        let inter = ix * iy
        let union = area + other.area - inter
        return union > 0 ? inter / union : 0
    }

    /// The box clipped to the image (0–1).
    public var clipped: RelativeBox {
        let x0 = min(1, max(0, x)), y0 = min(1, max(0, y))
        let x1 = min(1, max(0, x + width)), y1 = min(1, max(0, y + height))
        return RelativeBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
