/// One verified correspondence between a query chip and a gallery chip, in each chip's pixels.
///
/// The evidence a person checks by eye in review: lines drawn between the two chips.
public struct KeypointPair: Sendable, Equatable, Codable {
    public var queryX: Float
    public var queryY: Float
    public var galleryX: Float
    public var galleryY: Float
    /// The LNBNN vote weight of the correspondence.
    public var weight: Float

    public init(queryX: Float, queryY: Float, galleryX: Float, galleryY: Float, weight: Float) {
        self.queryX = queryX
        self.queryY = queryY
        self.galleryX = galleryX
        self.galleryY = galleryY
        self.weight = weight
    }
}
