import Identify
import Testing

/// An animal photographed three hundred times must not win by sheer numbers over one photographed three times.
@Suite struct AggregationTests {
    /// Small individuals S0…S3 each have one gallery photo holding 12 of its query's descriptors in place. BIG has
    /// eight photos per small individual, each holding 5 other descriptors of that individual's query in place (a
    /// weak, verifiable resemblance each), and its own queries match one of its photos with 14 descriptors.
    struct Unbalanced {
        var entries: [GalleryEntry] = []
        var queries: [(identity: String, features: FeatureSet)] = []

        init() {
            var rng = SyntheticFeatures(seed: 11)
            var n = 0
            func entry(_ individual: String, _ items: [(FeatureSet.Keypoint, [UInt8])]) -> GalleryEntry {
                n += 1
                return GalleryEntry(key: "p\(n)", individualID: individual, side: .unknown, encounter: "e\(n)",
                                    features: SyntheticFeatures.set(items))
            }
            for s in 0..<4 {
                let query = (0..<52).map { _ in (rng.point(), rng.descriptor()) }
                queries.append(("S\(s)", SyntheticFeatures.set(query)))
                entries.append(entry("S\(s)", Array(query[0..<12])))
                for b in 0..<8 { entries.append(entry("BIG", Array(query[(12 + 5 * b)..<(17 + 5 * b)]))) }
            }
            for _ in 0..<4 {
                let query = (0..<30).map { _ in (rng.point(), rng.descriptor()) }
                queries.append(("BIG", SyntheticFeatures.set(query)))
                entries.append(entry("BIG", Array(query[0..<14])))
            }
            entries.append(entry("NOISE", (0..<40).map { _ in (rng.point(), rng.descriptor()) }))
        }

        func report(_ aggregation: MatchOptions.Aggregation) throws -> ReidReport {
            var options = MatchOptions.exact
            options.aggregation = aggregation
            let gallery = try PatternGallery(entries: entries, options: options)
            let results = try queries.enumerated().map { i, q in
                let ranking = try gallery.rank(q.features)
                let rank = ranking.firstIndex { $0.individualID == q.identity }.map { $0 + 1 }
                return ReidEvaluation.QueryResult(imageID: "q\(i)", identity: q.identity, rank: rank, seconds: 0,
                                                  predicted: ranking.first?.individualID)
            }
            return ReidReport(results: results, problems: [], images: entries.count, extractionSeconds: 0)
        }
    }

    @Test func bestPhotosKeepsMacroTop1WithTop1() throws {
        let set = Unbalanced()
        #expect(set.entries.filter { $0.individualID == "BIG" }.count == 36)
        let fair = try set.report(.bestPhotos)
        #expect(fair.top1 == 1)
        #expect(fair.macroTop1 == 1)
    }

    @Test func unionLetsTheMuchPhotographedAnimalWin() throws {
        // The control: summing evidence over all of an individual's photos names BIG for every small animal.
        let set = Unbalanced()
        let union = try set.report(.union)
        #expect(union.perIdentity.first { $0.identity == "BIG" }?.top1 == 1)
        #expect(union.macroTop1 < 0.5)
        #expect(union.results.filter { $0.identity != "BIG" }.allSatisfy { $0.predicted == "BIG" })
    }

    @Test(arguments: [MatchOptions.Aggregation.bestPhotos, .union], [2, 3])
    func aDescriptorOfOneIndividualCannotBeCrowdedOut(aggregation: MatchOptions.Aggregation, votingIndividuals: Int) throws {
        // BIG owns the K nearest neighbours of every descriptor (many near-copies); the small animal's exact copy
        // must still get the vote rather than serve as BIG's normaliser.
        var rng = SyntheticFeatures(seed: 5)
        let query = (0..<20).map { _ in (rng.point(), rng.descriptor()) }
        var entries: [GalleryEntry] = []
        for b in 0..<6 {
            let near = query.map { item -> (FeatureSet.Keypoint, [UInt8]) in
                (rng.point(), item.1.map { UInt8(clamping: Int($0) + (b % 2 == 0 ? 1 : -1)) })
            }
            entries.append(GalleryEntry(key: "big\(b)", individualID: "BIG", side: .unknown, encounter: "b\(b)",
                                        features: SyntheticFeatures.set(near)))
        }
        let exact = query.map { ($0.0, $0.1.map { UInt8(clamping: Int($0) + 3) }) }
        entries.append(GalleryEntry(key: "small", individualID: "SMALL", side: .unknown, encounter: "s",
                                    features: SyntheticFeatures.set(exact)))
        entries.append(GalleryEntry(key: "noise", individualID: "NOISE", side: .unknown, encounter: "n",
                                    features: SyntheticFeatures.set((0..<20).map { _ in (rng.point(), rng.descriptor()) })))
        var options = MatchOptions.exact
        options.votingIndividuals = votingIndividuals
        options.aggregation = aggregation
        let ranking = try PatternGallery(entries: entries, options: options).rank(SyntheticFeatures.set(query))
        let small = ranking.first { $0.individualID == "SMALL" }
        if aggregation == .union {
            // The control: BIG's near-copies fill all K places and SMALL only normalises them.
            #expect(small == nil)
        } else {
            #expect((small?.score ?? 0) > 0)
            #expect((small?.inliers ?? 0) >= 15)
        }
    }
}
