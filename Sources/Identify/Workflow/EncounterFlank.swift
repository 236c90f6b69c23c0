import Core
import Foundation
import Imaging
import Store

/// Estimates the flank side of a survey's encounters that nobody gave a side: from the direction of travel
/// across the burst, and from the chips with a head-end model trained within the survey.
///
/// The model is trained on the photos whose side a person gave or a confident direction of travel found
/// (`SurveyStore.flankTrainingFrames`), with mirror augmentation, and kept in `SURVEY/flank-model.json`. The
/// estimate is stored with its confidence and source before the encounter is ranked, so that a left flank is
/// compared with left flanks (unknown: with both); the reference photo added on confirmation carries it.
public struct EncounterFlank: Sendable {
    public var travel = TravelDirection()
    public var fusion = FlankFusion()
    public var features = OrientationFeatures()
    public var chipWidth = 96
    /// The chip model (nil: travel only).
    public var model: HeadEndModel?

    public init(model: HeadEndModel? = nil) { self.model = model }

    /// Where a survey keeps its chip model.
    public static func modelURL(survey: URL) -> URL { survey.appendingPathComponent("flank-model.json") }

    /// A chip preparer for the head-end model's small chips.
    public func preparer() -> ChipPreparer {
        var o = ChipPreparer.Options()
        o.chipWidth = chipWidth
        o.minimumBoxSide = 8
        return ChipPreparer(options: o)
    }

    /// The encounter's side: a person's side when it has one, else travel and chips fused.
    public func estimate(_ encounter: Encounter, person: Bool, preparer: ChipPreparer) -> FlankEstimate {
        if person { return .person(FlankSide(text: encounter.side)) }
        let aspect = encounter.frames.compactMap { f in f.width.flatMap { w in f.height.map { Double(w) / Double(max(1, $0)) } } }.first
        let travelled = travel.estimate(encounter.frames.map { TravelDirection.Frame(box: $0.box) }, aspect: aspect ?? 4.0 / 3.0)
        var chip: FlankEstimate?
        if let model {
            let scores = encounter.frames.compactMap { f -> Double? in
                guard let c = try? Self.chip(path: f.path, box: f.box, width: f.width, height: f.height, preparer: preparer) else { return nil }
                return model.score(model.features.antisymmetric(c))
            }
            if !scores.isEmpty { chip = model.estimate(score: scores.reduce(0, +) / Double(scores.count)) }
        }
        return fusion.fuse(travel: travelled, chip: chip)
    }

    /// Trains the head-end model on the survey's photos of known side; nil with too few.
    public func train(_ frames: [FlankTrainingFrame], workers: Int) -> HeadEndModel? {
        let features = self.features
        let examples = Parallel.map(count: frames.count, workers: max(1, workers), context: { preparer() }) { i, preparer -> (features: [Double], right: Bool)? in
            let f = frames[i]
            guard let c = try? Self.chip(path: f.path, box: f.box, width: f.width, height: f.height, preparer: preparer) else { return nil }
            return (features.antisymmetric(c), f.side == "right")
        }.compactMap { $0 }
        return HeadEndModel.train(examples, features: features, threshold: fusion.threshold)
    }

    /// The chip of a relative box (the photo's size read from the file when the store does not have it).
    static func chip(path: String, box: [Double], width: Int?, height: Int?, preparer: ChipPreparer) throws -> Chip {
        var size = width.flatMap { w in height.map { (w, $0) } }
        if size == nil, let m = try? MetadataReader.read(path: path), m.pixelWidth > 0 { size = (m.pixelWidth, m.pixelHeight) }
        guard let (w, h) = size, box.count == 4 else { return try preparer.chip(path: path, box: nil) }
        return try preparer.chip(path: path, box: PixelBox(relativeX: box[0], y: box[1], width: box[2], height: box[3],
                                                           imageWidth: w, imageHeight: h))
    }
}
