import Core
import Foundation
import Store

extension EncounterMatcher {
    /// `rank` with the gallery's global descriptor: per frame, every individual's fused log-odds (local scores
    /// from the frame's candidates, 0 when it got none; the frame's embedding against the individual's best
    /// reference photo) as in `DescriptorFusion`; per individual the frames' log-odds are summed and order the
    /// proposals. Scores, verified scores, inliers and the best frame are kept as `rank` keeps them.
    func rank(_ encounter: Encounter, side: FlankSide, descriptor: CatalogDescriptor, fusion: DescriptorFusion) -> Ranking {
        var ranking = Ranking(frames: [], proposals: [], problems: [])
        var fused: [String: FusedEvidence] = [:]
        var perFrame: [([Candidate], [String: GlobalGallery.Match])] = []
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
            let filter = QueryFilter(side: side, excludedEncounter: CatalogGallery.encounter(eventID: encounter.eventID,
                                                                                           mediaID: frame.mediaID))
            var candidates: [Candidate] = []
            if let g = gallery.gallery, features.count > 0 {
                do { candidates = try g.rank(features, filter: filter, camera: cameras[frame.mediaID]) } catch {
                    ranking.problems.append("\(frame.path): \(error)")
                }
            }
            var matches: [String: GlobalGallery.Match] = [:]
            do {
                let embedding = try descriptor.embedding(path: frame.path, box: frame.box, width: frame.width, height: frame.height)
                matches = descriptor.ranker.global.matches(embedding, filter: filter)
            } catch {
                ranking.problems.append("\(frame.path): descriptor: \(error)")
            }
            perFrame.append((candidates, matches))
            FusedEvidence.absorb(candidates, frame: frame.id, into: &fused)
            for (id, match) in matches where fused[id] == nil {
                fused[id] = FusedEvidence(frame: frame.id, candidate: Candidate(individualID: id, score: 0, verifiedScore: 0, inliers: 0,
                                                                        bestEntryKey: match.entryKey))
            }
        }
        var logOdds: [String: Double] = [:]
        for id in fused.keys.sorted() {
            logOdds[id] = perFrame.reduce(0.0) { total, frame in
                let c = frame.0.first { $0.individualID == id }
                return total + fusion.logOdds(verified: c?.verifiedScore ?? 0, score: c?.score ?? 0, similarity: frame.1[id]?.similarity)
            }
        }
        let ordered = fused.sorted {
            let a = logOdds[$0.key] ?? 0, b = logOdds[$1.key] ?? 0
            if a != b { return a > b }
            if $0.value.verified != $1.value.verified { return $0.value.verified > $1.value.verified }
            return $0.key < $1.key
        }
        ranking.proposals = ordered.prefix(max(1, top)).enumerated().map { i, item in
            item.value.proposal(individualID: item.key, rank: i + 1, gallery: gallery)
        }
        return ranking
    }
}
