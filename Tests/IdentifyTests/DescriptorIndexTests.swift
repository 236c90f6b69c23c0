import Foundation
import Testing
@testable import Identify

/// The kd-tree forest against an exact scan, on clustered descriptors like a gallery's (many near-duplicates of
/// a few patterns, with noise), and its exactly searched recent part.
struct DescriptorIndexTests {
    /// `clusters` random centres, `perCluster` noisy copies each (bytes), from a fixed seed.
    static func clustered(clusters: Int, perCluster: Int, noise: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let d = FeatureSet.descriptorBytes
        var rows: [UInt8] = []
        rows.reserveCapacity(clusters * perCluster * d)
        for _ in 0..<clusters {
            let centre = (0..<d).map { _ in Int(next() % 200) }
            for _ in 0..<perCluster {
                for c in centre { rows.append(UInt8(max(0, min(255, c + Int(next() % UInt64(2 * noise + 1)) - noise)))) }
            }
        }
        return rows
    }

    @Test("the forest finds the exact nearest neighbour for most queries", arguments: [(trees: 4, checks: 200), (trees: 8, checks: 500)])
    func forestAgreesWithExactSearch(trees: Int, checks: Int) throws {
        let gallery = Self.clustered(clusters: 400, perCluster: 30, noise: 12, seed: 7)
        let queries = Self.clustered(clusters: 400, perCluster: 1, noise: 12, seed: 7)  // same centres, new noise
        let approximate = try DescriptorIndex(descriptors: gallery, trees: trees)
        let exact = try DescriptorIndex(descriptors: gallery, trees: 0)
        let k = 5
        let a = try approximate.search(queries[...], k: k, checks: checks)
        let e = try exact.search(queries[...], k: k, checks: checks)
        let n = queries.count / FeatureSet.descriptorBytes
        var sameFirst = 0
        for q in 0..<n {
            // Distances ascend, and the forest never reports a row closer than the exact nearest.
            for j in 1..<k { #expect(a.distances[q * k + j - 1] <= a.distances[q * k + j]) }
            #expect(a.distances[q * k] >= e.distances[q * k] - 1e-5)
            if a.rows[q * k] == e.rows[q * k] { sameFirst += 1 }
        }
        #expect(Double(sameFirst) / Double(n) >= 0.9, "nearest found for \(sameFirst) of \(n) queries")
        // Distances are on the 0...1 descriptor scale: a row against itself is 0, and a 255 step in one byte is 1.
        let one = try exact.search(gallery[0..<FeatureSet.descriptorBytes], k: 1, checks: checks)
        #expect(one.rows == [0] && one.distances[0] == 0)
    }

    @Test("added rows are found and numbered after the built ones")
    func addedRowsAreSearched() throws {
        let gallery = Self.clustered(clusters: 200, perCluster: 20, noise: 10, seed: 11)
        let extra = Self.clustered(clusters: 1, perCluster: 3, noise: 2, seed: 99)
        let index = try DescriptorIndex(descriptors: gallery, trees: 8)
        try index.add(descriptors: extra)
        let built = gallery.count / FeatureSet.descriptorBytes
        #expect(index.counts.rows == built + 3 && index.counts.recent == 3)
        let found = try index.search(extra[0..<FeatureSet.descriptorBytes], k: 3, checks: 300)
        #expect(Set(found.rows) == Set([Int32(built), Int32(built + 1), Int32(built + 2)]))
        var unit = [UInt8](repeating: 0, count: FeatureSet.descriptorBytes)
        let zero = try DescriptorIndex(descriptors: unit, trees: 0)
        unit[3] = 255
        let d = try zero.search(unit[...], k: 1, checks: 10)
        #expect(abs(d.distances[0] - 1) < 1e-6)
    }
}
