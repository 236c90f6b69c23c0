/// Where a chip lies in its full camera frame: the crop it was cut from and the frame's size.
///
/// Camera traps do not move, so two photos from one camera share their scene pixel for pixel. Keypoints are found in
/// chip pixels; their place in the frame tells a match on the fixed scene (the same rock at the same place in both
/// photos) from a match on the moving animal's coat. Points use the pixel-centre convention, as `ChipMapping` does.
public struct FramePlacement: Sendable, Equatable {
    /// The crop in full-resolution frame pixels (left, top, width, height).
    public var crop: PixelBox
    public var chipWidth: Int
    public var chipHeight: Int
    public var frameWidth: Int
    public var frameHeight: Int

    public init(crop: PixelBox, chipWidth: Int, chipHeight: Int, frameWidth: Int, frameHeight: Int) {
        self.crop = crop
        self.chipWidth = chipWidth
        self.chipHeight = chipHeight
        self.frameWidth = frameWidth
        self.frameHeight = frameHeight
    }

    /// Frame pixels per chip pixel, across.
    public var frameScale: Double { crop.width / Double(max(1, chipWidth)) }

    /// The frame diagonal in pixels.
    public var frameDiagonal: Double { Double(frameWidth * frameWidth + frameHeight * frameHeight).squareRoot() }

    /// A chip point in frame pixels.
    public func framePoint(chipX: Float, chipY: Float) -> (x: Double, y: Double) {
        (crop.x + (Double(chipX) + 0.5) * crop.width / Double(chipWidth) - 0.5,
         crop.y + (Double(chipY) + 0.5) * crop.height / Double(chipHeight) - 0.5)
    }
}
