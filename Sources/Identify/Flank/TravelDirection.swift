import Foundation

/// The flank side from the animal's direction of travel across the frames of one burst of one camera.
///
/// Convention (DATASET.md, pinned by a test against the simulator): an animal heading towards the image's
/// RIGHT edge shows the camera its RIGHT flank; heading left shows its LEFT flank.
///
/// Between consecutive frames the box moves by the shift of its centre, or, when the box touches the frame's
/// left or right edge in either frame (the animal is entering or leaving, so that edge stays put), by the shift
/// of its uncut edge; a pair cut on both sides is skipped. Shifts are measured in box heights (the height
/// does not change as an animal walks in through the frame edge, the width does). The burst's net shift is
/// their sum and its consistency `|Σ d| / Σ |d|` (1 when every step goes the same way, near 0 for a box that
/// jitters about a standing animal). The probability of the right flank is `Φ(sign · z)` with
/// `z = (|net| − stillShift) / jitter`, times the consistency: a net shift below `stillShift` (an animal
/// standing, turning, or a loose box wobbling) gives no lean at all.
public struct TravelDirection: Sendable {
    /// One frame: its box relative to the photo ([x, y, width, height], 0–1, top-left origin) and its time.
    public struct Frame: Sendable, Equatable {
        public var box: [Double]
        public var time: Date?

        public init(box: [Double], time: Date? = nil) {
            self.box = box
            self.time = time
        }
    }

    /// Net shift (box heights) below which the animal counts as standing still.
    public var stillShift = 0.2
    /// Spread (box heights) of the net shift that box jitter alone produces.
    public var jitter = 0.15
    /// A box edge within this fraction of the photo width of its side is cut by the frame.
    public var edgeMargin = 0.01
    /// Least confidence for a side (below it: `unknown`).
    public var threshold = 0.5

    public init() {}

    /// The estimate for one camera's frames of one burst (any order: sorted by time, then as given);
    /// `aspect` is the photos' width over their height (boxes are relative to each).
    public func estimate(_ frames: [Frame], aspect: Double = 4.0 / 3.0) -> FlankEstimate {
        let indexed: [(offset: Int, frame: Frame)] = frames.enumerated().map { ($0.offset, $0.element) }
        let sorted = indexed.sorted { a, b in
            let ta = a.frame.time ?? Date.distantPast, tb = b.frame.time ?? Date.distantPast
            return ta != tb ? ta < tb : a.offset < b.offset
        }
        let ordered: [Frame] = sorted.map(\.frame).filter(Self.usable)
        guard ordered.count >= 2 else { return FlankEstimate(rightProbability: 0.5, source: .travel, threshold: threshold) }
        var net = 0.0, travelled = 0.0
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            guard let d = shift(a.box, b.box, aspect: aspect) else { continue }
            net += d
            travelled += abs(d)
        }
        guard travelled > 0 else { return FlankEstimate(rightProbability: 0.5, source: .travel, threshold: threshold) }
        let consistency = abs(net) / travelled
        let z = (abs(net) - stillShift) / jitter
        let lean: Double = z > 0 ? (Self.normalCDF(z) - 0.5) * 2 * consistency : 0
        let sign: Double = net > 0 ? 1 : -1
        let p: Double = 0.5 + sign * lean / 2
        return FlankEstimate(rightProbability: p, source: .travel, threshold: threshold)
    }

    /// A box with four values and a positive size.
    static func usable(_ f: Frame) -> Bool {
        guard f.box.count == 4 else { return false }
        return f.box[2] > 0 && f.box[3] > 0
    }

    /// The shift from box `a` to box `b` in box heights (positive: towards the right), nil when both
    /// frames' boxes are cut on both sides.
    func shift(_ a: [Double], _ b: [Double], aspect: Double) -> Double? {
        // Relative heights in photo widths, so that shifts and heights share a unit.
        let height = max(1e-6, (a[3] + b[3]) / 2 / max(0.1, aspect))
        let cutLeft = a[0] <= edgeMargin || b[0] <= edgeMargin
        let cutRight = a[0] + a[2] >= 1 - edgeMargin || b[0] + b[2] >= 1 - edgeMargin
        switch (cutLeft, cutRight) {
        case (false, false): return ((b[0] + b[2] / 2) - (a[0] + a[2] / 2)) / height
        case (true, false): return ((b[0] + b[2]) - (a[0] + a[2])) / height
        case (false, true): return (b[0] - a[0]) / height
        case (true, true): return nil
        }
    }

    /// The standard normal distribution function.
    static func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }
}
