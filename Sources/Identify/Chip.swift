/// A grey, contrast-normalised crop of one animal at the standard chip size: what features are taken from.
public struct Chip: Sendable {
    public let width: Int
    public let height: Int
    /// Tightly packed 8-bit grey pixels, row by row.
    public let pixels: [UInt8]
    /// Where the chip was cut from its frame (nil for a chip made from pixels in memory).
    public var placement: FramePlacement?

    public init(width: Int, height: Int, pixels: [UInt8], placement: FramePlacement? = nil) {
        precondition(pixels.count == width * height, "chip pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
        self.placement = placement
    }

    /// The chip diagonal in pixels (spatial verification thresholds are fractions of it).
    public var diagonal: Double { Double(width * width + height * height).squareRoot() }
}
