import Foundation
import Identify
import Testing
import TestSupport

@Suite struct FeatureSetTests {
    @Test func flankChipGivesUprightRootSIFTFeatures() throws {
        let features = FlankFixtures.easy.entry("L000_left_e0_f0").features
        let options = FeatureExtractor.Options()
        #expect(features.count > 100 && features.count <= options.maxFeatures + options.blurredFeatures)
        #expect(features.chipWidth == ChipPreparer.Options().chipWidth)
        // RootSIFT: each descriptor is a unit vector (quantised to 0...255).
        let first = features.descriptors[0..<128].map { Double($0) / 255 }
        #expect(abs(first.map { $0 * $0 }.reduce(0, +).squareRoot() - 1) < 0.05)
    }

    @Test func binaryFileRoundTrips() throws {
        let features = FlankFixtures.easy.entry("L001_left_e1_f0").features
        #expect(FeatureSet(binary: features.binary) == features)
        #expect(FeatureSet(binary: Array(features.binary.dropLast())) == nil)
        #expect(FeatureSet(binary: Array("RSF0xxxxxxxxxxxxxxxx".utf8)) == nil)
    }

    @Test func cacheComputesOnceAndReplacesDamagedFiles() throws {
        let folder = TemporaryDirectory()
        let cache = FeatureCache(survey: folder.url)
        let features = FlankFixtures.easy.entry("L002_left_e2_f0").features
        let key = FeatureCache.key(media: "cards/S01/IMG_0001.JPG", box: PixelBox(x: 1, y: 2, width: 300, height: 150),
                                   chip: .init(), features: .init())
        var made = 0
        #expect(try cache.features(key: key) { made += 1; return features } == features)
        #expect(try cache.features(key: key) { made += 1; return features } == features)
        #expect(made == 1)
        try Data("damaged".utf8).write(to: folder.url.appendingPathComponent("cache/features/\(key)"))
        #expect(try cache.features(key: key) { made += 1; return features } == features)
        #expect(made == 2)
    }

    @Test func cacheKeysDifferByBoxAndOptions() {
        let box = PixelBox(x: 1, y: 2, width: 300, height: 150)
        var wide = ChipPreparer.Options()
        wide.chipWidth = 700
        let keys: Set<String> = [
            FeatureCache.key(media: "a.jpg", box: box, chip: .init(), features: .init()),
            FeatureCache.key(media: "a.jpg", box: nil, chip: .init(), features: .init()),
            FeatureCache.key(media: "a.jpg", box: box, chip: wide, features: .init()),
            FeatureCache.key(media: "a_jpg", box: box, chip: .init(), features: .init()),
        ]
        #expect(keys.count == 4)
    }
}
