import ArgumentParser
import Foundation
import Identify
import Store

/// `rosette identify`: rank the catalog's individuals for a photo of a flank and queue the proposals for review.
struct IdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Propose catalogued individuals for a flank photo (by coat pattern); proposals go to `review next`."
    )

    @OptionGroup var survey: SurveyOption
    @OptionGroup var photo: ReferencePhotoOptions
    @Option(help: "Proposals shown and stored.") var top: Int = 5
    @OptionGroup var pattern: PatternOptions

    func run() throws {
        guard let path = photo.photo else { throw ValidationError("--photo PATH is required") }
        let store = try survey.open()
        let cache = FeatureCache(survey: store.directory)
        let preparer = ChipPreparer(options: pattern.chip)
        let query = try store.media(path: path)
        let queryBox = try photo.relativeBox()
        let queryFeatures = try features(path: query.path, box: queryBox, width: query.width, height: query.height,
                                         cache: cache, preparer: preparer)
        var entries: [GalleryEntry] = []
        var referenceOf: [String: Int64] = [:]
        for individual in try store.individuals() where individual.mergedInto == nil {
            for ref in individual.referencePhotos where ref.mediaID != query.mediaID {
                let media = try store.media(path: ref.filePath)
                let f = try features(path: ref.filePath, box: ref.box, width: media.width, height: media.height,
                                     cache: cache, preparer: preparer)
                let key = "ref\(ref.id)"
                referenceOf[key] = ref.id
                entries.append(GalleryEntry(key: key, individualID: individual.individualID, side: FlankSide(text: ref.side),
                                            encounter: "media\(ref.mediaID)", features: f))
            }
        }
        var match = pattern.match
        match.searchThreads = ProcessInfo.processInfo.activeProcessorCount  // one query, a person waiting
        let gallery = try PatternGallery(entries: entries, options: match)
        let ranking = Array(try gallery.rank(queryFeatures, filter: QueryFilter(side: photo.side)).prefix(max(1, top)))
        var rows = [["rank", "individual", "verified", "score", "inliers", "best reference"]]
        for (i, c) in ranking.enumerated() {
            rows.append([String(i + 1), c.individualID, String(format: "%.2f", c.verifiedScore), String(format: "%.2f", c.score),
                         String(c.inliers), c.bestEntryKey.flatMap { referenceOf[$0] }.map { "photo \($0)" } ?? "-"])
        }
        print(TextTable.render(rows))
        try store.recordProposals(mediaID: query.mediaID, side: photo.side.rawValue, box: queryBox, proposals: ranking.enumerated().map { i, c in
            MatchProposal(individualID: c.individualID, rank: i + 1, score: c.score, verifiedScore: c.verifiedScore,
                          inliers: c.inliers, referencePhotoID: c.bestEntryKey.flatMap { referenceOf[$0] })
        }, method: "hotspotter-lnbnn")
        print(ranking.isEmpty ? "no candidate: the photo may show a new individual" : "proposals queued: `rosette review next`")
    }

    /// Cached features of a photo's box (relative 0–1; converted with the photo's pixel size when known).
    private func features(path: String, box: [Double]?, width: Int?, height: Int?, cache: FeatureCache,
                          preparer: ChipPreparer) throws -> FeatureSet {
        var pixelBox: PixelBox?
        if let box {
            guard let width, let height else {
                throw ValidationError("\(path): the photo's pixel size is unknown, so its box cannot be used")
            }
            pixelBox = PixelBox(relativeX: box[0], y: box[1], width: box[2], height: box[3], imageWidth: width, imageHeight: height)
        }
        let key = FeatureCache.key(media: path, box: pixelBox, chip: pattern.chip, features: pattern.features)
        return try cache.features(key: key) {
            try FeatureExtractor(options: pattern.features).features(of: preparer.chip(path: path, box: pixelBox))
        }
    }
}
