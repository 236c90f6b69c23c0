import Foundation
import Identify
import Testing
import TestSupport

@Suite struct BlurredFeatureTests {
    static var blurMatched: FeatureExtractor.Options {
        var o = FeatureExtractor.Options()
        o.blurredFeatures = 200
        return o
    }

    static var plain: FeatureExtractor.Options {
        var o = FeatureExtractor.Options()
        o.blurredFeatures = 0
        return o
    }

    @Test func motionBlurSmearsAlongRowsOnly() throws {
        // Vertical stripes (change along a row) are smeared; horizontal stripes (constant along a row) are not.
        let w = 64, h = 32
        let vertical = Chip(width: w, height: h, pixels: (0..<(w * h)).map { ($0 % w) / 4 % 2 == 0 ? 0 : 200 })
        let horizontal = Chip(width: w, height: h, pixels: (0..<(w * h)).map { ($0 / w) / 4 % 2 == 0 ? 0 : 200 })
        let smeared = try vertical.motionBlurred(length: 8)
        #expect(try horizontal.motionBlurred(length: 8).pixels == horizontal.pixels)
        let middle = smeared.pixels[(h / 2 * w + 8)..<(h / 2 * w + w - 8)]
        #expect(middle.allSatisfy { $0 > 60 && $0 < 140 })
        #expect(try vertical.motionBlurred(length: 1).pixels == vertical.pixels)
    }

    @Test func blurredCopyAddsKeypointsAtChipPositionsAndItsOwnCacheKey() throws {
        let image = FlankFixtures.easy.dataset.images[0]
        let chip = try ChipPreparer().chip(path: image.path, box: image.box)
        let plain = try FeatureExtractor(options: Self.plain).features(of: chip)
        let both = try FeatureExtractor(options: Self.blurMatched).features(of: chip)
        #expect(both.count > plain.count)
        #expect(both.count <= plain.count + Self.blurMatched.blurredFeatures)
        #expect(Array(both.keypoints.prefix(plain.count)) == plain.keypoints)
        #expect(both.keypoints.allSatisfy { $0.x >= 0 && $0.y >= 0 && Int($0.x) < chip.width && Int($0.y) < chip.height })
        let keys = Set([Self.plain, Self.blurMatched].map {
            FeatureCache.key(media: image.path, box: image.box, chip: .init(), features: $0)
        })
        #expect(keys.count == 2)
    }

    /// Sharp gallery (3 encounters of 12 identities), queries smeared by a long horizontal motion blur (a tenth of
    /// the chip width; plain features lose several of them).
    static func smearedQueryTopOne(_ options: FeatureExtractor.Options) throws -> Int {
        let fixture = FlankFixtures.easy
        let preparer = ChipPreparer()
        let extractor = FeatureExtractor(options: options)
        let images = fixture.dataset.images.filter { $0.identity < "L012" }
        var gallery: [GalleryEntry] = []
        var queries: [(identity: String, features: FeatureSet)] = []
        for image in images {
            let chip = try preparer.chip(path: image.path, box: image.box)
            if image.encounter.hasSuffix("-e3") {
                let smeared = try chip.motionBlurred(length: chip.width / 10)
                queries.append((image.identity, try extractor.features(of: smeared)))
            } else {
                gallery.append(GalleryEntry(key: image.imageID, individualID: image.identity, side: image.side,
                                            encounter: image.encounter, features: try extractor.features(of: chip)))
            }
        }
        let index = try PatternGallery(entries: gallery, options: .exact)
        return try queries.filter { try index.rank($0.features).first?.individualID == $0.identity }.count
    }

    @Test func smearedQueriesAreIdentifiedWithBlurMatchedFeatures() throws {
        let with = try Self.smearedQueryTopOne(Self.blurMatched)
        let without = try Self.smearedQueryTopOne(Self.plain)
        print("smeared synthetic queries, top-1 of 12: blur-matched \(with), plain \(without)")
        #expect(with >= 11)
        #expect(with > without)
    }
}
