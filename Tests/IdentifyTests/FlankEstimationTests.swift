import Foundation
import Testing
import Identify
import TestSupport

@Suite struct TravelDirectionTests {
    /// Boxes of a walk: `frames` boxes of width 0.2 and height 0.2, moving `step` (photo widths) per frame.
    static func walk(from x: Double, step: Double, frames: Int = 3, width: Double = 0.2) -> [TravelDirection.Frame] {
        (0..<frames).map { f in TravelDirection.Frame(box: [x + Double(f) * step, 0.5, width, 0.2],
                                                      time: Date(timeIntervalSince1970: Double(f))) }
    }

    // Convention (DATASET.md): heading towards the image's right edge shows the right flank.
    @Test(arguments: [(0.1, 0.08, FlankSide.right), (0.6, -0.08, .left), (0.3, 0.15, .right), (0.5, -0.2, .left)])
    func directionGivesTheSide(start: Double, step: Double, side: FlankSide) {
        let e = TravelDirection().estimate(Self.walk(from: start, step: step))
        #expect(e.side == side)
        #expect(e.source == .travel)
        #expect(e.confidence > 0.8)
    }

    @Test func frameOrderComesFromTheTimes() {
        let frames = Self.walk(from: 0.1, step: 0.1)
        #expect(TravelDirection().estimate(frames.reversed()).side == .right)
    }

    @Test func aSingleFrameIsUnknown() {
        let e = TravelDirection().estimate(Self.walk(from: 0.4, step: 0, frames: 1))
        #expect(e.side == .unknown)
        #expect(e.confidence == 0)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func standingStillWithJitterIsUnknown(seed: UInt64) {
        var rng = seed &* 0x9E37_79B9_7F4A_7C15
        func jitter() -> Double {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(rng >> 11) / Double(1 << 53) - 0.5) * 0.03   // ±0.015 photo widths, a loose box wobbling
        }
        let frames = (0..<5).map { _ in TravelDirection.Frame(box: [0.4 + jitter(), 0.5 + jitter(), 0.2 + jitter(), 0.2 + jitter()]) }
        #expect(TravelDirection().estimate(frames).side == .unknown)
    }

    @Test func walkingWithJitterKeepsItsSide() {
        // Each box edge wobbles by up to a tenth of the box; the walk moves half a box per frame.
        let wobble = [0.02, -0.02, 0.015, -0.01, 0.02]
        let frames = (0..<5).map { f in
            TravelDirection.Frame(box: [0.1 + 0.1 * Double(f) + wobble[f], 0.5 - wobble[4 - f], 0.2 + wobble[(f + 2) % 5], 0.2])
        }
        #expect(TravelDirection().estimate(frames).side == .right)
    }

    @Test func aBoxCutByTheFrameEdgeUsesItsUncutEdge() {
        // Walking in from the right edge to the left: the right edge stays at 1, the box only grows, its
        // centre moves left more slowly than the animal; the left edge carries the motion.
        let enteringLeftwards = (0..<3).map { f in
            let left = 0.9 - 0.1 * Double(f)
            return TravelDirection.Frame(box: [left, 0.5, 1 - left, 0.2])
        }
        #expect(TravelDirection().estimate(enteringLeftwards).side == .left)
        // Leaving through the right edge: the box shrinks towards the edge; its centre moves right.
        let leavingRightwards = (0..<3).map { f in
            let left = 0.75 + 0.08 * Double(f)
            return TravelDirection.Frame(box: [left, 0.5, 1 - left, 0.2])
        }
        #expect(TravelDirection().estimate(leavingRightwards).side == .right)
        // Walking in from the left edge while the box's right edge moves right.
        let enteringRightwards = (0..<3).map { f in TravelDirection.Frame(box: [0, 0.5, 0.1 + 0.1 * Double(f), 0.2]) }
        #expect(TravelDirection().estimate(enteringRightwards).side == .right)
    }

    @Test func aBoxCutOnBothSidesTellsNothing() {
        let frames = (0..<3).map { _ in TravelDirection.Frame(box: [0, 0.3, 1, 0.5]) }
        #expect(TravelDirection().estimate(frames).side == .unknown)
    }
}

@Suite struct FlankFusionTests {
    static let right = FlankEstimate(rightProbability: 0.99, source: .travel, threshold: 0.5)
    static let left = FlankEstimate(rightProbability: 0.05, source: .chip, threshold: 0.5)

    @Test func thePersonsSideAlwaysWins() {
        let f = FlankFusion().fuse(person: .left, travel: Self.right, chip: FlankEstimate(rightProbability: 0.99, source: .chip, threshold: 0.5))
        #expect(f.side == .left)
        #expect(f.source == .person)
        #expect(f.confidence == 1)
    }

    @Test func agreeingEvidenceIsSurer() {
        let chip = FlankEstimate(rightProbability: 0.7, source: .chip, threshold: 0.5)
        let f = FlankFusion().fuse(travel: FlankEstimate(rightProbability: 0.7, source: .travel, threshold: 0.5), chip: chip)
        #expect(chip.side == .unknown)    // 0.4 alone is below the threshold
        #expect(f.side == .right)         // two agreeing 0.7s make 0.84
        #expect(f.confidence > chip.confidence)
    }

    @Test func theStrongerEvidenceWinsAndNamesTheSource() {
        let f = FlankFusion().fuse(travel: Self.right, chip: Self.left)
        #expect(f.side == .right)
        #expect(f.source == .travel)
        #expect(f.confidence < Self.right.confidence)
    }

    @Test func balancedDisagreementIsUnknown() {
        let f = FlankFusion().fuse(travel: FlankEstimate(rightProbability: 0.9, source: .travel, threshold: 0.5),
                                   chip: FlankEstimate(rightProbability: 0.1, source: .chip, threshold: 0.5))
        #expect(f.side == .unknown)
        #expect(FlankFusion().fuse(travel: nil, chip: nil).side == .unknown)
    }
}
