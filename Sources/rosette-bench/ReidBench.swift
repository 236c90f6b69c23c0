import Core
import Foundation
import Identify
import TestSupport

/// Times identification: feature extraction per chip, index build, and query time against galleries of
/// synthetic flank chips (3 encounters per identity in the gallery, a 4th as query), with memory per photo.
/// Features are cached under the work folder, so a second run skips extraction.
struct ReidBench {
    let work: URL
    let queries: Int
    let workers = ProcessInfo.processInfo.activeProcessorCount

    func run(sizes: [Int]) throws {
        var previous: (size: Int, ms: Double)?
        for size in sizes.sorted() {
            let identities = max(1, size / 3)
            let gallery = try chips(identities: identities, encounters: 0..<3)
            let probe = try chips(identities: min(queries, identities), encounters: 3..<4)
            let rssBefore = Self.residentBytes()
            let t0 = Date()
            var options = MatchOptions()
            options.searchThreads = ProcessInfo.processInfo.activeProcessorCount  // one person waiting for one query
            let index = try PatternGallery(entries: gallery.entries, options: options)
            let buildSeconds = Date().timeIntervalSince(t0)
            let rssAfter = Self.residentBytes()
            var times: [Double] = []
            var hits = 0
            for query in probe.entries {
                let start = Date()
                let ranking = try index.rank(query.features)
                times.append(Date().timeIntervalSince(start) * 1000)
                if ranking.first?.individualID == query.individualID { hits += 1 }
            }
            times.sort()
            let mean = times.reduce(0, +) / Double(max(1, times.count))
            let perPhoto = Double(rssAfter - rssBefore) / Double(gallery.entries.count)
            print(String(format: "gallery %d photos (%d identities, %.0f descriptors/photo): build %.1f s, "
                         + "query %.1f ms mean, %.1f ms p90 (%d queries, searches on all cores), top-1 %.3f",
                         gallery.entries.count, identities, Double(index.descriptorCount) / Double(gallery.entries.count),
                         buildSeconds, mean, times[min(times.count - 1, times.count * 9 / 10)], times.count,
                         Double(hits) / Double(max(1, times.count))))
            print(String(format: "  memory: %.0f KB per gallery photo (resident growth while building; index estimate %.0f KB, "
                         + "features %.0f KB)", perPhoto / 1024,
                         Double(index.nativeMemoryBytes) / Double(gallery.entries.count) / 1024,
                         Double(gallery.entries.reduce(0) { $0 + $1.features.descriptors.count + 12 * $1.features.count })
                            / Double(gallery.entries.count) / 1024))
            if let previous {
                print(String(format: "  growth: %.1f× photos → %.2f× query time", Double(size) / Double(previous.size),
                             mean / previous.ms))
            }
            if let extraction = gallery.extractionMs {
                print(String(format: "  feature extraction: %.1f ms per chip (render excluded, 1 thread)", extraction))
            }
            previous = (size, mean)
        }
    }

    /// Gallery entries for identities 0..<identities, encounters in `encounters`, features cached on disk.
    private func chips(identities: Int, encounters: Range<Int>) throws -> (entries: [GalleryEntry], extractionMs: Double?) {
        let cache = FeatureCache(directory: work.appendingPathComponent("features"))
        let chip = ChipPreparer.Options(), features = FeatureExtractor.Options()
        let jobs = (0..<identities).flatMap { i in encounters.map { (i, $0) } }
        let results = Parallel.map(count: jobs.count, workers: workers, context: { () }) { n, _ -> Result<(GalleryEntry, Double?), Error> in
            let (identity, encounter) = jobs[n]
            let key = FeatureCache.key(media: "bench-L\(identity)-e\(encounter)", box: nil, chip: chip, features: features)
            var ms: Double?
            return Result {
                let f = try cache.features(key: key) {
                    let shot = SyntheticFlanks.photo(of: SyntheticFlanks.coat(identity: identity, side: 0),
                                                     seed: UInt64(identity * 1000 + encounter) &* 31 &+ 5)
                    let t0 = Date()
                    let made = try Self.features(of: shot, chip: chip, features: features)
                    ms = Date().timeIntervalSince(t0) * 1000
                    return made
                }
                return (GalleryEntry(key: "L\(identity)-e\(encounter)", individualID: "L\(identity)", side: .left,
                                     encounter: "L\(identity)-e\(encounter)", features: f), ms)
            }
        }
        let made = try results.map { try $0.get() }
        let timed = made.compactMap(\.1)
        return (made.map(\.0), timed.isEmpty ? nil : timed.reduce(0, +) / Double(timed.count))
    }

    /// Crops the flank's box from a rendered photo (grey) and extracts features as `ChipPreparer` would.
    static func features(of shot: SyntheticFlanks.Photo, chip: ChipPreparer.Options,
                         features: FeatureExtractor.Options) throws -> FeatureSet {
        var grey = [UInt8](repeating: 0, count: shot.width * shot.height)
        for i in grey.indices {
            grey[i] = UInt8((Int(shot.rgb[i * 3]) * 77 + Int(shot.rgb[i * 3 + 1]) * 150 + Int(shot.rgb[i * 3 + 2]) * 29) >> 8)
        }
        let prepared = try grey.withUnsafeBufferPointer {
            try ChipPreparer.normalise(pixels: $0.baseAddress! + shot.box.y * shot.width + shot.box.x, width: shot.box.width,
                                       height: shot.box.height, stride: shot.width, options: chip)
        }
        return try FeatureExtractor(options: features).features(of: prepared)
    }

    /// The process's resident set size in bytes (Linux), 0 when unknown.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}
