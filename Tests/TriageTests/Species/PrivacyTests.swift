import Core
import Foundation
@testable import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct PrivacyTests {
    /// a: an animal; b: a person box at 0.6 beside an animal; c: a person box at 0.1 (below 0.2); d: tagged human.
    static func survey() throws -> SpeciesSurvey {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E2"), ("S1/c.JPG", "E3"), ("S1/d.JPG", "E4")])
        try s.detect(["S1/a.JPG": [(.animal, 0.9)], "S1/b.JPG": [(.animal, 0.8), (.human, 0.6)],
                      "S1/c.JPG": [(.animal, 0.7), (.human, 0.1)], "S1/d.JPG": [(.animal, 0.9)]])
        try s.tag("S1/d.JPG", "human", type: .human)
        return s
    }

    @Test(arguments: [(AccessRole.owner, 4), (.staff, 4), (.partner, 2), (.public, 2)])
    func peoplePhotosAreHiddenFromViewersWithoutTheRight(role: AccessRole, visible: Int) throws {
        let s = try Self.survey()
        let viewer = s.store.viewer(role)
        let boxes = try s.store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.5, viewer: viewer)
        #expect(Set(boxes.map(\.mediaID)).count == visible)
        let (refs, withheld) = try s.store.triageMediaRefs(viewer: viewer)
        #expect(refs.count == visible && withheld == 4 - visible)
        let (batch, exportWithheld) = try MegaDetectorExport(store: s.store).batch(detector: "md", viewer: viewer)
        #expect(batch.images.count == visible && exportWithheld == 4 - visible)
        if !role.seesPeoplePhotos {
            for hidden in ["S1/b.JPG", "S1/d.JPG"] {
                #expect(!boxes.contains { $0.mediaID == s.ids[hidden] })
                #expect(!batch.images.contains { $0.file == hidden })
                #expect(!batch.jsonText.contains(hidden))
            }
        }
        // Hidden, never deleted: every media row and detection is still stored.
        #expect(try s.count("SELECT COUNT(*) FROM media") == 4)
        #expect(try s.count("SELECT COUNT(*) FROM observation WHERE source = 'triage'") == 6)
    }

    @Test(arguments: [(0.05, 3), (0.2, 2), (0.7, 1)])
    func thePersonBoxThresholdIsChosenWhenRead(threshold: Double, peoplePhotos: Int) throws {
        let s = try Self.survey()
        #expect(try s.store.peoplePhotoIDs(threshold: threshold).count == peoplePhotos)
    }

    @Test func aPersonTagOnTheBurstHidesItsPhotos() throws {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E1")])
        try s.detect(["S1/a.JPG": [(.animal, 0.9)], "S1/b.JPG": [(.animal, 0.9)]])
        var o = Observation(mediaID: nil, deploymentID: nil, observationType: .human)
        o.eventID = "E1"
        o.scientificName = "Homo sapiens"
        o.classificationMethod = "human"
        try s.store.pool.write { db in try o.insert(db) }
        #expect(try s.store.peoplePhotoIDs(threshold: 0.2).count == 2)
    }

    /// Motion boxes on every photo: a has nothing else; b a person's tag; c a classifier's guess; d was also run
    /// through a people-capable detector that found nothing; e a person's tag on its burst (E2, shared with b).
    static func motionSurvey() throws -> SpeciesSurvey {
        let s = try SpeciesSurvey(photos: [("S1/a.JPG", "E1"), ("S1/b.JPG", "E2"), ("S1/c.JPG", "E3"),
                                           ("S1/d.JPG", "E4"), ("S1/e.JPG", "E2")])
        let run = try s.store.beginTriageRun(method: "motion", detector: "motion", info: nil)
        try s.store.saveTriageResults(runID: run, detector: "motion", results: s.ids.values.map { id in
            TriageMediaResult(mediaID: id, detections: [Detection(kind: .animal, confidence: 0.8, box: SpeciesSurvey.box(0))
                .observation(label: "motion")], imageWidth: 640, imageHeight: 480)
        })
        var burstTag = Observation(mediaID: nil, deploymentID: nil, observationType: .animal)
        (burstTag.eventID, burstTag.speciesLabel, burstTag.classificationMethod) = ("E2", "leopard", "human")
        try s.store.pool.write { db in try burstTag.insert(db) }
        try s.tag("S1/b.JPG", "leopard")
        try s.guess("S1/c.JPG", box: 0, [("leopard", 0.7)])
        try s.detect(["S1/d.JPG": []], detector: "md")
        return s
    }

    @Test(arguments: [(AccessRole.owner, true, 0), (.staff, true, 0), (.partner, true, 1), (.public, true, 1),
                      (.partner, false, 0), (.public, false, 0)])
    func photosOnlyTheMotionTriageHasSeenAreWithheld(role: AccessRole, withholdUnscreened: Bool, withheld: Int) throws {
        let s = try Self.motionSurvey()
        #expect(try s.store.unscreenedPhotoIDs() == [s.ids["S1/a.JPG"]!])
        let viewer = Viewer(role: role, withholdsUnscreened: withholdUnscreened)
        #expect(try s.store.withheldMediaIDs(for: viewer).count == withheld)
        let (refs, hidden) = try s.store.triageMediaRefs(viewer: viewer)
        #expect(refs.count == 5 - withheld && hidden == withheld)
        #expect(refs.contains { $0.filePath == "S1/a.JPG" } == (withheld == 0))
    }

    @Test func aScreeningLaterMakesTheUnscreenedPhotoVisible() throws {
        let s = try Self.motionSurvey()
        try s.detect(["S1/a.JPG": [(.animal, 0.9)]], detector: "md")
        #expect(try s.store.unscreenedPhotoIDs().isEmpty)
        #expect(try s.store.withheldMediaIDs(for: s.store.viewer(.public)).isEmpty)
    }

    @Test func aFailedDetectorRunDoesNotScreen() throws {
        let s = try Self.motionSurvey()
        try s.store.saveTriageResults(runID: nil, detector: "md", results: [
            TriageMediaResult(mediaID: s.ids["S1/a.JPG"]!, detections: [], failure: "image could not be decoded")])
        #expect(try s.store.unscreenedPhotoIDs() == [s.ids["S1/a.JPG"]!])
    }
}
