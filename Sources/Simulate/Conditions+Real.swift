import Foundation

extension Conditions {
    /// Scenes carry dense, high-contrast static clutter (lichen speckle, leaf-litter rings, knots, twigs)
    /// around the trail, so a loose box takes in texture that matches between photos of one camera.
    public var texturedScene: Bool { self == .real }

    /// Photos taken from November to March show the winter coat: longer fur, larger, softer and more widely
    /// spaced rosettes on a paler ground (the same layout as the summer coat).
    public var winterCoats: Bool { self == .real }

    /// Night frames show infrared flash artefacts on the subject: bloom around bright fur, smear along the
    /// direction of travel (long exposure) and a faint ghost of the strobe.
    public var infraredArtefacts: Bool { self == .real }

    /// Extra margin around the animal's box when a re-identification dataset is written, as a fraction of
    /// the box's width and height per side: loose boxes take in the scene, as real annotations do.
    public var datasetBoxMargin: ClosedRange<Double> { self == .real ? 0.08...0.45 : 0.05...0.05 }

    /// Whether the month (1–12) is one of winter-coat months.
    static func isWinterCoatMonth(_ month: Int) -> Bool { month >= 11 || month <= 3 }
}
