import Foundation
import Testing
import TestSupport

/// `rosette reid flank` and `reid eval --estimate-side` on a tiny generated dataset of walking silhouettes.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct ReidFlankCommandTests {
    @Test func flankPrintsCoverageAndAccuracyPerEstimator() throws {
        let dir = TemporaryDirectory("reid-flank")
        var spec = SyntheticWalks.Spec()
        spec.bursts = 12
        spec.singles = 6
        let images = try SyntheticWalks.writeDataset(spec, to: dir.url)
        let results = dir.path("flank.csv")
        let out = try RosetteBinary.run(["reid", "flank", "--dataset", dir.url.path, "--workers", "2", "--results", results.path])
        #expect(out.status == 0, "\(out.stderr)")
        for name in ["travel", "chip", "chip-labels", "fused", "fused-labels"] {
            #expect(out.stdout.contains(name), "no \(name) row in\n\(out.stdout)")
        }
        #expect(out.stdout.contains("images=\(images) bursts=\(spec.bursts + spec.singles)"))
        // Last line: travel=COVERAGE/ACCURACY …; travel decides every burst frame and is right.
        let last = try #require(out.stdout.split(separator: "\n").last.map(String.init))
        let fields = Dictionary(uniqueKeysWithValues: last.split(separator: " ").map { f -> (String, [Double]) in
            let kv = f.split(separator: "=")
            return (String(kv[0]), kv[1].split(separator: "/").compactMap { Double($0) })
        })
        let travel = try #require(fields["travel"]), fused = try #require(fields["fused"])
        #expect(abs(travel[0] - Double(spec.bursts * spec.frames) / Double(images)) < 0.001 && travel[1] == 1)
        #expect(fused[0] >= travel[0] && fused[1] >= 0.9)
        let lines = try String(contentsOf: results, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == images + 1)

        let eval = try RosetteBinary.run(["reid", "eval", "--dataset", dir.url.path, "--workers", "2", "--estimate-side"])
        #expect(eval.status == 0, "\(eval.stderr)")
        #expect(eval.stdout.contains("top1="))
    }
}
