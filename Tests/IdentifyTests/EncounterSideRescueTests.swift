import Core
import Foundation
import Identify
import Store
import Testing
import TestSupport

/// A wrongly estimated flank side leaves the right animal's photos out of the comparison; the coat corrects it,
/// never a person's side.
@Suite(.serialized) struct EncounterSideRescueTests {
    /// The bursts survey (the fixture's flanks are all left): the first encounter of each of the 10 individuals given
    /// the left side by a person and decided as new, the others estimated left; returns those with their animal.
    static func catalogued(_ dir: TemporaryDirectory) throws -> (SurveyStore, [(id: Int64, who: String)]) {
        let (store, truth) = try EncounterWorkflowTests.survey(dir)
        let boxes = try store.identificationBoxes(detector: nil, detectionThreshold: 0.2, species: "Panthera pardus")
        for e in EncounterGrouper(scientificName: nil, detector: "test-detector").encounters(boxes) { try store.createEncounter(e) }
        var known = Set<String>(), rest: [(Int64, String)] = []
        for id in try store.undecidedEncounterIDs() {
            let who = truth[try store.encounter(id).frames[0].mediaID]!
            if known.insert(who).inserted {
                try store.setFlank(encounterID: id, side: "left", confidence: 1, source: "person", actor: "anna")
                _ = try store.decide(encounterID: id, EncounterDecision(kind: .newIndividual, individualID: who), actor: "anna")
            } else {
                try store.setFlank(encounterID: id, side: "left", confidence: 0.9, source: "travel", actor: "rosette")
                rest.append((id, who))
            }
        }
        #expect(known.count == 10 && rest.count == 20)
        return (store, rest)
    }

    static func rank(_ id: Int64, in store: SurveyStore, match: MatchOptions = .exact) throws -> EncounterMatcher.Ranking {
        let cache = FeatureCache(survey: store.directory)
        let gallery = try CatalogGallery.build(store: store, cache: cache, match: match)
        return try EncounterMatcher(gallery: gallery, source: FeatureSource(cache: cache)).rankAndStore(try store.encounter(id), in: store)
    }

    @Test func aWronglyEstimatedSideIsCorrectedByTheCoat() throws {
        let dir = TemporaryDirectory()
        let (store, rest) = try Self.catalogued(dir)
        for (id, who) in rest.prefix(3) {
            #expect(try store.setFlank(encounterID: id, side: "right", confidence: 0.7, source: "chip", actor: "rosette"))
            let ranking = try Self.rank(id, in: store)
            #expect(ranking.patternSide == .left)
            #expect(ranking.proposals.first?.individualID == who)
            #expect((ranking.proposals.first?.verifiedScore ?? 0) >= MatchOptions().sideRescueBelow)
            #expect((ranking.patternConfidence ?? 0) > 0.5)
            let stored = try store.flank(encounterID: id)
            #expect(stored.side == "left" && stored.source == EncounterMatcher.patternSource)
            #expect(try store.proposals(encounterID: id).first?.individualID == who)
        }
    }

    @Test func aPersonsSideIsNeverOverruled() throws {
        let dir = TemporaryDirectory()
        let (store, rest) = try Self.catalogued(dir)
        let (id, who) = rest[0]
        try store.setFlank(encounterID: id, side: "right", confidence: 1, source: "person", actor: "anna")
        let ranking = try Self.rank(id, in: store)
        #expect(ranking.patternSide == nil)
        #expect(ranking.proposals.first?.individualID != who || (ranking.proposals.first?.verifiedScore ?? 0) == 0)
        #expect(try store.flank(encounterID: id) == StoredFlank(side: "right", confidence: 1, source: "person"))
    }

    @Test(arguments: [true, false]) func aRightSideOrARescueSwitchedOffStays(rescueOn: Bool) throws {
        let dir = TemporaryDirectory()
        let (store, rest) = try Self.catalogued(dir)
        let (id, who) = rest[1]
        var match = MatchOptions.exact
        if !rescueOn { match.sideRescueBelow = 0 }
        // Right side estimated: nothing to rescue. Wrong side with the rescue off: the wrong side stays.
        let side = rescueOn ? "left" : "right"
        try store.setFlank(encounterID: id, side: side, confidence: 0.7, source: "travel", actor: "rosette")
        let ranking = try Self.rank(id, in: store, match: match)
        #expect(ranking.patternSide == nil)
        #expect(try store.flank(encounterID: id).side == side)
        if rescueOn { #expect(ranking.proposals.first?.individualID == who) }
    }
}
