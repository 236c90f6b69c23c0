import Foundation

/// Where a chip was cut from its photo, so that points found in the chip (keypoints, matched pairs) can be shown
/// on the full, uncropped photo.
///
/// Mirrors `ChipPreparer.chip(path:box:)`: the box grown by the margin, decoded at the same DCT reduction (1, 2, 4
/// or 8), the crop's edges rounded outwards to whole decoded pixels and clipped to the photo, then scaled to the
/// chip width (height by the same factor, rounded). Points use the pixel-centre convention (0 is the centre of the
/// first pixel), as OpenCV's resize and keypoints do.
public struct ChipMapping: Sendable, Equatable {
    /// The crop, in full-resolution photo pixels (left, top, width, height).
    public let crop: PixelBox
    /// Chip pixels per full-resolution photo pixel, across and down.
    public let scaleX: Double
    public let scaleY: Double
    /// The chip's size.
    public let chipWidth: Int
    public let chipHeight: Int

    /// The mapping of the chip `ChipPreparer` makes for `box` (full-resolution pixels; nil: the whole photo) in a
    /// photo of `imageWidth` × `imageHeight` pixels.
    public init(box: PixelBox?, imageWidth: Int, imageHeight: Int, options: ChipPreparer.Options = .init()) {
        var reduce = 1
        if let box {
            while reduce < 8, box.width / Double(reduce * 2) >= Double(options.chipWidth) { reduce *= 2 }
        }
        let r = Double(reduce)
        // A DCT-scaled JPEG decode rounds its size up.
        let viewWidth = Int((Double(imageWidth) / r).rounded(.up)), viewHeight = Int((Double(imageHeight) / r).rounded(.up))
        let x0: Int, y0: Int, x1: Int, y1: Int
        if let box {
            let grown = box.expanded(by: options.margin)
            x0 = max(0, Int((grown.x / r).rounded(.down)))
            y0 = max(0, Int((grown.y / r).rounded(.down)))
            x1 = min(viewWidth, Int(((grown.x + grown.width) / r).rounded(.up)))
            y1 = min(viewHeight, Int(((grown.y + grown.height) / r).rounded(.up)))
        } else {
            (x0, y0, x1, y1) = (0, 0, viewWidth, viewHeight)
        }
        let w = max(1, x1 - x0), h = max(1, y1 - y0)
        chipWidth = options.chipWidth
        chipHeight = max(8, Int((Double(h) * Double(options.chipWidth) / Double(w)).rounded()))
        crop = PixelBox(x: Double(x0) * r, y: Double(y0) * r, width: Double(w) * r, height: Double(h) * r)
        scaleX = Double(chipWidth) / crop.width
        scaleY = Double(chipHeight) / crop.height
    }

    /// A chip point in full-resolution photo pixels.
    public func imagePoint(chipX: Double, chipY: Double) -> (x: Double, y: Double) {
        (crop.x + (chipX + 0.5) / scaleX - 0.5, crop.y + (chipY + 0.5) / scaleY - 0.5)
    }

    /// A photo point in chip pixels (the inverse of `imagePoint`).
    public func chipPoint(imageX: Double, imageY: Double) -> (x: Double, y: Double) {
        ((imageX + 0.5 - crop.x) * scaleX - 0.5, (imageY + 0.5 - crop.y) * scaleY - 0.5)
    }
}
