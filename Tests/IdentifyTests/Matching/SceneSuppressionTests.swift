import Identify
import Testing

/// Camera traps do not move: a correspondence between two photos of one camera whose keypoints sit at the same place
/// in the frame is the scene (a rock, a trunk), not the coat.
@Suite struct SceneSuppressionTests {
    /// A query of individual A at camera C1, and gallery photos that share all its descriptors:
    /// `sceneTwin` (individual B) at the same place in a C1 frame; `moved` (A) in a C1 frame with the coat 300 px
    /// further on (the animal walked); `otherCamera` (B) at the same place but in a C2 frame.
    struct Scene {
        let query: FeatureSet
        let sceneTwin: GalleryEntry, moved: GalleryEntry, otherCamera: GalleryEntry, noise: GalleryEntry

        init() {
            var rng = SyntheticFeatures(seed: 7)
            let items = (0..<30).map { _ in (rng.point(), rng.descriptor()) }
            let here = SyntheticFeatures.placement(x: 600, y: 500)
            query = SyntheticFeatures.set(items, placement: here)
            sceneTwin = GalleryEntry(key: "twin", individualID: "B", side: .unknown, encounter: "e1",
                                     features: SyntheticFeatures.set(items, placement: here), camera: "C1")
            moved = GalleryEntry(key: "moved", individualID: "A", side: .unknown, encounter: "e2",
                                 features: SyntheticFeatures.set(items, placement: SyntheticFeatures.placement(x: 900, y: 500)), camera: "C1")
            otherCamera = GalleryEntry(key: "other", individualID: "B", side: .unknown, encounter: "e3",
                                       features: SyntheticFeatures.set(items, placement: here), camera: "C2")
            noise = GalleryEntry(key: "noise", individualID: "Z", side: .unknown, encounter: "e4",
                                 features: SyntheticFeatures.set((0..<30).map { _ in (rng.point(), rng.descriptor()) }, placement: here),
                                 camera: "C1")
        }
    }

    @Test func aStaticScenePairIsDroppedAndAMovingAnimalPairKept() throws {
        let s = Scene()
        let gallery = try PatternGallery(entries: [s.sceneTwin, s.moved, s.noise], options: .exact)
        let ranking = try gallery.rank(s.query, camera: "C1")
        let top = try #require(ranking.first)
        #expect(top.individualID == "A")
        #expect(top.bestEntryKey == "moved")
        #expect(top.inliers >= 20)
        // B's only photo is the same scene at the same place: its 30 correspondences are dropped, what is left of it
        // is chance.
        let b = try #require(ranking.first { $0.individualID == "B" })
        #expect(b.sceneDropped >= 30)
        #expect(b.verifiedScore < 0.1 * top.verifiedScore)
        #expect(b.scenePairs.count >= 30)
    }

    @Test func withoutSuppressionTheSceneWins() throws {
        // The same gallery with suppression off: the scene twin verifies as well as the animal (control).
        let s = Scene()
        var options = MatchOptions.exact
        options.sceneSuppression = false
        let gallery = try PatternGallery(entries: [s.sceneTwin, s.moved, s.noise], options: options)
        let ranking = try gallery.rank(s.query, camera: "C1")
        let b = try #require(ranking.first { $0.individualID == "B" })
        #expect(b.inliers >= 20)
    }

    @Test func theDroppedPairsAreReportedForTheReview() throws {
        let s = Scene()
        let twinOnly = try PatternGallery(entries: [s.sceneTwin, s.moved, s.noise], options: .exact)
        // Ask with A's photos left out: B's scene pairs are what there is to report, with the positions to draw.
        let ranking = try twinOnly.rank(s.query, filter: QueryFilter(excludedKeys: ["moved"]), camera: "C1")
        let twin = try #require(ranking.first { $0.individualID == "B" })
        #expect(twin.bestEntryKey == "twin")
        #expect(twin.scenePairs.contains { $0.queryX == $0.galleryX && $0.queryY == $0.galleryY })
        var off = MatchOptions.exact
        off.sceneSuppression = false
        let unsuppressed = try PatternGallery(entries: [s.sceneTwin, s.moved, s.noise], options: off)
            .rank(s.query, filter: QueryFilter(excludedKeys: ["moved"]), camera: "C1")
        let twinOff = try #require(unsuppressed.first { $0.individualID == "B" })
        #expect(twin.verifiedScore < 0.1 * twinOff.verifiedScore)
        let withScene = try PatternGallery(entries: [s.sceneTwin, s.moved, s.otherCamera, s.noise], options: .exact)
        let all = try withScene.rank(s.query, camera: "C1")
        let b = try #require(all.first { $0.individualID == "B" })
        #expect(b.bestEntryKey == "other")
        #expect(b.inliers >= 20)
        #expect(b.sceneDropped >= 30)
    }

    @Test(arguments: [("C1", true), ("C2", false)])
    func onlyTheSameCameraCounts(queryCamera camera: String, kept: Bool) throws {
        // The gallery photo is from C2: the same place in another camera's (C1) frame is a different scene, kept;
        // in C2's own frame, dropped.
        let s = Scene()
        let gallery = try PatternGallery(entries: [s.otherCamera, s.noise], options: .exact)
        let ranking = try gallery.rank(s.query, camera: camera)
        let b = ranking.first { $0.individualID == "B" }
        #expect((b.map { $0.inliers >= 20 } ?? false) == kept)
    }

    @Test func aQueryWithoutACameraOrPlacementIsLeftAlone() throws {
        let s = Scene()
        let gallery = try PatternGallery(entries: [s.sceneTwin, s.noise], options: .exact)
        let noCamera = try gallery.rank(s.query)
        var unplaced = s.query
        unplaced.placement = nil
        let noPlacement = try gallery.rank(unplaced, camera: "C1")
        for ranking in [noCamera, noPlacement] {
            #expect(ranking.first?.individualID == "B")
            #expect((ranking.first?.inliers ?? 0) >= 20)
        }
    }
}
