import Census
import Foundation

/// Times SECR fits: the secr demo data (multi-catch, hn, buffer 100) and a synthetic camera-trap survey
/// (about 100 animals × 200 proximity detectors × 90 occasions, ~4,000-point mask).

enum SECRBench {
    static func run() throws {
        let reference = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/reference/secr-demo")
        if FileManager.default.fileExists(atPath: reference.path) {
            let traps = try SECRTextFormat.readTraps(contentsOf: reference.appendingPathComponent("trap.txt"))
            let ch = try SECRTextFormat.readCaptures(contentsOf: reference.appendingPathComponent("capt.txt"),
                                                     traps: traps, detector: .multi)
            for conditional in [false, true] {
                let start = Date()
                let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 100)
                let fit = try SECRModel(detector: .multi, conditional: conditional).fit(ch, mask: mask)
                let seconds = Date().timeIntervalSince(start)
                print(String(format: "demo (%@): %.3f s  logLik %.6f  D %.5f  mask %d  iterations %d",
                             conditional ? "CL" : "full", seconds, fit.logLik, fit.density.estimate,
                             mask.count, fit.iterations))
            }
        } else {
            print("demo: ../shared/reference/secr-demo not found, skipped")
        }

        // Synthetic: 20 × 10 camera stations 1 km apart, 90 daily occasions.
        var ids: [String] = [], xs: [Double] = [], ys: [Double] = []
        for i in 0..<20 {
            for j in 0..<10 {
                ids.append(String(format: "%02d%02d", i, j)); xs.append(Double(i) * 1000); ys.append(Double(j) * 1000)
            }
        }
        let traps = TrapLayout(ids: ids, x: xs, y: ys)
        let buffer = 4000.0
        let simulator = SECRSimulator(traps: traps, occasions: 90, detector: .proximity, detectionFunction: .halfNormal,
                                      density: 0.003, intercept: 0.01, sigma: 1500, buffer: buffer)
        var ch = simulator.simulate(seed: 2024)
        if ch.animals > 100 {   // keep exactly 100 animals
            let block = ch.occasions * ch.detectors
            ch.counts = Array(ch.counts[0..<(100 * block)])
            ch.animalIDs = Array(ch.animalIDs[0..<100])
        }
        // Spacing chosen to give about 4,000 mask points.
        let area = (19_000 + 2 * buffer) * (9_000 + 2 * buffer)
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: buffer, spacing: (area / 4300).squareRoot())
        let start = Date()
        let fit = try SECRModel(detector: .proximity).fit(ch, mask: mask)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "synthetic: %d animals, %d detections, %d detectors, %d occasions, mask %d points: %.3f s  "
                     + "D %.5f/ha (true 0.003)  g0 %.4f (0.01)  sigma %.0f m (1500)  iterations %d",
                     ch.animals, ch.detections, ch.detectors, ch.occasions, mask.count, seconds,
                     fit.density.estimate, fit.intercept.estimate, fit.sigma.estimate, fit.iterations))
    }
}
