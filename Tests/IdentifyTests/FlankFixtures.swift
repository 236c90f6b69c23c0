import Foundation
import Identify
import TestSupport

/// Synthetic flank photos and their features, made once per test process and shared by the suites.
enum FlankFixtures {
    /// 30 identities × 4 encounters, left flanks, easy conditions, with boxes.
    static let easy: Fixture = Fixture(name: "easy-30x4", spec: SyntheticFlanks.DatasetSpec())

    /// 8 identities, both flanks, 3 encounters each.
    static let twoSided: Fixture = {
        var spec = SyntheticFlanks.DatasetSpec()
        spec.identities = 8
        spec.encounters = 3
        spec.sides = [0, 1]
        spec.firstIdentity = 100
        return Fixture(name: "two-sided-8x3", spec: spec)
    }()

    /// A dataset folder with features extracted for every image.
    ///
    /// The images are deterministic, so the folder (under the temporary directory) is kept and reused by
    /// later test runs; delete it to regenerate.
    final class Fixture: Sendable {
        let folder: URL
        let dataset: ReidDataset
        /// Gallery entries (all images), in dataset order.
        let entries: [GalleryEntry]

        init(name: String, spec: SyntheticFlanks.DatasetSpec) {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-identify-fixtures/\(name)-v1")
            do {
                if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("metadata.csv").path) {
                    try SyntheticFlanks.writeDataset(spec, to: folder)
                }
                dataset = try ReidDataset(directory: folder)
                let preparer = ChipPreparer()
                let extractor = FeatureExtractor()
                entries = try dataset.images.map { image in
                    GalleryEntry(key: image.imageID, individualID: image.identity, side: image.side, encounter: image.encounter,
                                 features: try extractor.features(of: preparer.chip(path: image.path, box: image.box)))
                }
            } catch {
                fatalError("synthetic flank fixture failed: \(error)")
            }
        }

        func entry(_ key: String) -> GalleryEntry { entries.first { $0.key == key }! }
    }
}
