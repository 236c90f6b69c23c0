import Foundation
import Simulate

/// An encoder that discards pixels: measures rendering alone.
struct NullEncoder: PhotoEncoder {
    func writeJPEG(pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, channels: Int, quality: Int,
                   exif: SimulatedEXIF, to url: URL) throws {}
}

/// `sim-bench [photos] [replicates]`: photos per second at 2048×1536 (render only, and render + PPM
/// write) and histories-only replicates per second for 100 stations × 60 days.

enum SimBench {
    /// A leopard-rich survey at full resolution (2048×1536), shared by the photo benchmarks.
    static func photoSurvey(seed: UInt64) -> SimulationSettings {
        var s = SimulationSettings()
        s.seed = seed
        s.region = .rectangle(width: 14_000, height: 12_000)
        s.population.count = 10
        s.layout.stationCount = 12
        s.layout.spacing = 2_000
        s.survey.days = 30
        s.detection.lambda0 = 0.08
        s.photos.falseTriggersPerDay = 0.1
        return s
    }

    static func run(arguments: [String]) throws {
        let args = arguments.compactMap { Int($0) }
        let wantPhotos = args.first ?? 300, replicates = args.count > 1 ? args[1] : 200
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")

        let simulated = try SurveySimulator(settings: photoSurvey(seed: 2024)).simulate()
        let plan = Array(simulated.photoPlan().prefix(wantPhotos))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-sim-bench")
        try? FileManager.default.removeItem(at: out)
        for (label, encoder) in [("render only (null encoder)", NullEncoder() as any PhotoEncoder), ("render + PPM write", PPMEncoder()), ("render + JPEG with EXIF (OpenCV + exiv2)", JPEGPhotoEncoder())] {
            let start = Date()
            let truth = try simulated.renderPhotos(to: out, encoder: encoder, plan: plan)
            let seconds = Date().timeIntervalSince(start)
            let night = truth.filter(\.isNight).count
            print(String(format: "photos 2048x1536, %@: %d photos (%d night) in %.2f s = %.1f photos/s",
                         label, truth.count, night, seconds, Double(truth.count) / seconds))
        }
        try? FileManager.default.removeItem(at: out)

        // Design mode: 100 stations × 60 days.
        var d = SimulationSettings()
        d.region = .rectangle(width: 40_000, height: 40_000)
        d.population.densityPer100km2 = 1.2
        d.layout.stationCount = 100
        d.layout.spacing = 2_500
        d.survey.days = 60
        let base = SurveySimulator(settings: d)
        var start = Date(), detected = 0
        for i in 1...replicates {
            detected += try base.replicate(i).simulate(historiesOnly: true).histories.animalsDetected
        }
        var seconds = Date().timeIntervalSince(start)
        print(String(format: "histories-only 100 stations x 60 days: %d replicates in %.2f s = %.0f replicates/s (in memory; mean %.1f animals detected)",
                     replicates, seconds, Double(replicates) / seconds, Double(detected) / Double(replicates)))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-sim-bench-hist")
        start = Date()
        for i in 1...replicates { try base.replicate(i).writeHistories(to: dir.appendingPathComponent("\(i)")) }
        seconds = Date().timeIntervalSince(start)
        print(String(format: "histories-only with files (capt, trap, histories, deployments, simulation.json): %.0f replicates/s",
                     Double(replicates) / seconds))
        try? FileManager.default.removeItem(at: dir)
    }
}
