import Core
import Foundation
import Store

/// Ranks the catalog's individuals for an encounter: every usable frame is matched, and the frames'
/// evidence is summed per individual.
///
/// A burst shows the same flank a second apart, from slightly different poses: an individual whose
/// pattern verifies in several frames gathers more evidence than one that matched a single frame by chance.
/// Per individual the verified scores and LNBNN scores of the frames are summed; the proposal keeps the frame
/// with the most inliers, its best reference photo, and the keypoint pairs of that pair of chips.
public struct EncounterMatcher {
    /// What ranking an encounter gave.
    public struct Ranking: Sendable {
        public var frames: [FrameOutcome]
        public var proposals: [MatchProposal]
        /// Frames that could not be used, as messages naming the file.
        public var problems: [String]
        /// The flank side the coat chose over an estimated side (nil: the encounter's side stands).
        public var patternSide: FlankSide? = nil
        /// How sure the coat is of `patternSide`: its best verified score's share of both sides' best.
        public var patternConfidence: Double? = nil
    }

    public let gallery: CatalogGallery
    public let source: FeatureSource
    public var top: Int
    /// The camera of each frame's photo (media ID → camera), for scene suppression; frames not listed are matched
    /// without it.
    public var cameras: [Int64: String]

    /// The stored triage backgrounds of each frame's camera, by media ID: keypoints on the static scene are masked
    /// (`BackgroundMask`) when scene suppression is on. Loaded by `rankAndStore` when empty.
    public var backgrounds: [Int64: [CameraBackground]]

    public init(gallery: CatalogGallery, source: FeatureSource, top: Int = 5, cameras: [Int64: String] = [:],
                backgrounds: [Int64: [CameraBackground]] = [:]) {
        self.gallery = gallery
        self.source = source
        self.top = top
        self.cameras = cameras
        self.backgrounds = backgrounds
    }

    /// The features of a frame, masked on its camera's static scene when scene suppression is on.
    func frameFeatures(_ frame: Encounter.Frame) throws -> FeatureSet {
        try source.features(path: frame.path, box: frame.box, width: frame.width, height: frame.height,
                            backgrounds: gallery.options.sceneSuppression ? backgrounds[frame.mediaID] : nil)
    }

    /// Ranks the encounter and stores the proposals (replacing earlier ones) with the gallery's catalog version.
    @discardableResult
    public func rankAndStore(_ encounter: Encounter, in store: SurveyStore) throws -> Ranking {
        var matcher = self
        if matcher.cameras.isEmpty { matcher.cameras = try store.cameras(mediaIDs: encounter.frames.map(\.mediaID)) }
        if matcher.backgrounds.isEmpty, gallery.options.sceneSuppression {
            matcher.backgrounds = try store.cameraBackgrounds(mediaIDs: encounter.frames.map(\.mediaID))
        }
        let ranking = matcher.rank(encounter)
        if let side = ranking.patternSide {
            try store.setFlank(encounterID: encounter.encounterID, side: side.rawValue, confidence: ranking.patternConfidence ?? 0.5,
                               source: EncounterMatcher.patternSource, actor: "rosette")
        }
        try store.saveRanking(encounterID: encounter.encounterID, catalogVersion: gallery.version, frames: ranking.frames,
                              proposals: ranking.proposals, method: Self.method)
        return ranking
    }

    /// How stored proposals say they were made.
    public static let method = "hotspotter-lnbnn"

    /// Ranks the encounter's frames against the gallery.
    ///
    /// An estimated side (travel, chip model) can be wrong, and then the right animal's photos are left out. When
    /// the side was not given by a person and the best summed verified score stays below
    /// `MatchOptions.sideRescueBelow`, the frames are also ranked as the other flank; that side wins when its best
    /// reaches the threshold and `sideRescueRatio` times the first side's best (`Ranking.patternSide`).
    public func rank(_ encounter: Encounter) -> Ranking {
        let side = FlankSide(text: encounter.side)
        let ranking = rank(encounter, side: side)
        let options = gallery.options
        guard options.sideRescueBelow > 0, encounter.sideSource != "person", let other = side.opposite else { return ranking }
        let best = ranking.proposals.first?.verifiedScore ?? 0
        guard best < options.sideRescueBelow else { return ranking }
        var flipped = rank(encounter, side: other)
        let otherBest = flipped.proposals.first?.verifiedScore ?? 0
        guard otherBest >= options.sideRescueBelow, otherBest >= options.sideRescueRatio * best else { return ranking }
        flipped.patternSide = other
        flipped.patternConfidence = otherBest / (otherBest + best)
        return flipped
    }

    /// What `EncounterMatcher` stores as the side's source when the coat chose it.
    public static let patternSource = "pattern"

    /// Ranks the encounter's frames against the gallery's photos of `side` (unknown: both).
    func rank(_ encounter: Encounter, side: FlankSide) -> Ranking {
        if let d = gallery.descriptor, let fusion = d.ranker.fusion { return rank(encounter, side: side, descriptor: d, fusion: fusion) }
        var ranking = Ranking(frames: [], proposals: [], problems: [])
        var queries: [MatchQuery] = []
        for frame in encounter.frames {
            let features: FeatureSet
            do {
                features = try frameFeatures(frame)
            } catch {
                ranking.frames.append(FrameOutcome(frameID: frame.id, features: nil, failure: "\(error)"))
                ranking.problems.append("\(error)")
                continue
            }
            ranking.frames.append(FrameOutcome(frameID: frame.id, features: features.count, failure: nil))
            guard gallery.gallery != nil, features.count > 0 else { continue }
            let filter = QueryFilter(side: side, excludedEncounter: CatalogGallery.encounter(eventID: encounter.eventID,
                                                                                           mediaID: frame.mediaID))
            queries.append(MatchQuery(frameID: frame.id, label: frame.path, features: features, filter: filter,
                                      camera: cameras[frame.mediaID]))
        }
        let fused = Self.rank(queries, in: gallery, top: top)
        ranking.proposals = fused.proposals
        ranking.problems += fused.problems
        return ranking
    }
}
