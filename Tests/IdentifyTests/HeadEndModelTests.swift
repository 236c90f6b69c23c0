import Foundation
import Testing
import Identify
import TestSupport

@Suite struct HeadEndModelTests {
    static func chip(direction: Double, seed: UInt64) -> Chip {
        Chip(width: 96, height: 48, pixels: SyntheticWalks.crop(direction: direction, seed: seed))
    }

    static func mirrored(_ c: Chip) -> Chip {
        var out = [UInt8](repeating: 0, count: c.pixels.count)
        for y in 0..<c.height { for x in 0..<c.width { out[y * c.width + x] = c.pixels[y * c.width + c.width - 1 - x] } }
        return Chip(width: c.width, height: c.height, pixels: out)
    }

    /// Trained on 40 silhouettes, all heading right: mirror augmentation supplies the left flanks.
    static let model: HeadEndModel = {
        let features = OrientationFeatures()
        let examples = (0..<40).map { s in (features: features.antisymmetric(chip(direction: 1, seed: UInt64(s))), right: true) }
        return HeadEndModel.train(examples)!
    }()

    @Test func mirroredFeaturesAreNegated() {
        let c = Self.chip(direction: 1, seed: 77)
        let a = OrientationFeatures().antisymmetric(c), b = OrientationFeatures().antisymmetric(Self.mirrored(c))
        #expect(zip(a, b).allSatisfy { abs($0 + $1) < 1e-9 })
    }

    @Test(arguments: [UInt64(101), 102, 103, 104, 105, 106])
    func aMirroredChipFlipsTheEstimate(seed: UInt64) {
        let c = Self.chip(direction: seed % 2 == 0 ? 1 : -1, seed: seed)
        let e = Self.model.estimate(c), m = Self.model.estimate(Self.mirrored(c))
        #expect(abs(e.rightProbability + m.rightProbability - 1) < 1e-9)
        #expect(abs(e.confidence - m.confidence) < 1e-9)
        if e.side != .unknown { #expect(m.side == (e.side == .right ? .left : .right)) }
    }

    @Test func heldOutChipsGetTheirSide() {
        // 40 held-out silhouettes, half heading each way; the model never saw a left-heading one.
        let results = (200..<240).map { s -> (FlankSide, FlankEstimate) in
            let direction: Double = s % 2 == 0 ? 1 : -1
            return (direction > 0 ? .right : .left, Self.model.estimate(Self.chip(direction: direction, seed: UInt64(s))))
        }
        let decided = results.filter { $0.1.side != .unknown }
        #expect(decided.count >= 30, "decided \(decided.count) of 40")
        #expect(decided.filter { $0.0 == $0.1.side }.count >= decided.count * 9 / 10)
    }

    @Test func tooFewExamplesGiveNoModel() {
        let features = OrientationFeatures()
        #expect(HeadEndModel.train([(features.antisymmetric(Self.chip(direction: 1, seed: 1)), true)]) == nil)
    }

    @Test func theModelRoundTripsThroughJSON() throws {
        let dir = TemporaryDirectory()
        let url = dir.path("flank-model.json")
        try Self.model.write(to: url)
        #expect(try HeadEndModel.read(from: url) == Self.model)
    }
}

@Suite struct FlankEvaluationTests {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-identify-fixtures/walks-v1")
        if !FileManager.default.fileExists(atPath: url.appendingPathComponent("metadata.csv").path) {
            try! SyntheticWalks.writeDataset(SyntheticWalks.Spec(), to: url)
        }
        return url
    }()

    @Test func travelAndChipsFindTheSides() throws {
        let data = try FlankDataset(directory: Self.folder)
        var options = FlankEvaluation.Options()
        options.workers = 2
        let report = FlankEvaluation(options: options).run(data)
        let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.name, $0) })
        #expect(report.problems.isEmpty, "\(report.problems.prefix(3))")
        #expect(report.bursts == 24 + 12)
        let travel = try #require(rows["travel"]), fused = try #require(rows["fused"]), chip = try #require(rows["chip"])
        #expect(travel.labelled == data.images.count)
        // Every 3-frame burst moves by a third of a body length per frame: travel decides all 72 burst frames.
        #expect(travel.decided == 72)
        #expect(travel.accuracy == 1)
        // The self-taught chip model also decides the single frames, so fusion covers more than travel.
        #expect(chip.decided > 60 && chip.accuracy >= 0.9, "chip \(chip)")
        #expect(fused.decided > travel.decided && fused.accuracy >= 0.95, "fused \(fused)")
    }

    @Test func burstsAreOneCamerasFramesOfOneEncounter() throws {
        let data = try FlankDataset(directory: Self.folder)
        for burst in data.bursts() {
            #expect(Set(burst.map { data.images[$0].encounter }).count == 1)
            #expect(Set(burst.map { data.images[$0].camera }).count == 1)
            let times = burst.compactMap { data.images[$0].time }
            #expect(times == times.sorted())
        }
    }
}
