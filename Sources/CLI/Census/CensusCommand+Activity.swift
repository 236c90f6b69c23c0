import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `rosette census activity`: daily activity of a species, and its overlap with another.
    struct Activity: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Daily activity (von Mises kernel density of independent events' clock times) and overlap Δ with another species.",
            discussion: """
                Times are clock times in the survey's zone, one per independent event. Overlap: Δ̂1 (small samples) or
                Δ̂4 (both ≥ 75 events), Ridout & Linkie (2009); CI: percentile bootstrap (--bootstrap N, seeded).
                """)
        @OptionGroup var options: CensusSurveyOptions
        @Option(help: "A second species to compare with (e.g. a prey or competitor).") var versus: String?
        @Option(help: "Bootstrap replicates for the overlap CI (0 = none).") var bootstrap = 999
        @Option(help: "Bootstrap seed.") var seed: UInt64 = 1
        @Option(help: "Minutes between independent events (default: the survey's).") var independence: Double?

        func run() throws {
            guard let species = options.species else { throw ValidationError("give --species (and optionally --versus)") }
            let (store, zone, _, records) = try options.load()
            let minutes = independence ?? store.settings.independenceMinutes
            func angles(_ rs: [DetectionRecord]) -> [Double] {
                IndependentEvent.group(rs, minutes: minutes).map { e in
                    let t = e.first.timestamp.timeIntervalSince1970 + Double(zone.offset(at: e.first.timestamp))
                    return CircularKernel.angle(secondsSinceMidnight: t.truncatingRemainder(dividingBy: 86400))
                }
            }
            let a = angles(records)
            try describe(species, a)
            guard let versus else { return }
            var other = options
            other.species = versus
            let b = angles(try other.load().3)
            try describe(versus, b)
            guard let o = ActivityOverlap.estimate(a, b, bootstrap: bootstrap, seed: seed) else {
                print("Overlap cannot be estimated: each species needs at least 2 events with spread-out times (have \(a.count) and \(b.count)).")
                return
            }
            var line = String(format: "Overlap %@ vs %@: Dhat1 = %.3f, Dhat4 = %.3f; reported %@ = %.3f",
                              species, versus, o.delta1, o.delta4, o.recommended, o.recommendedValue)
            if let l = o.lcl, let u = o.ucl { line += String(format: " (95%% CI %.3f–%.3f, %d bootstrap samples)", l, u, o.bootstrapReplicates) }
            print(line)
        }

        func describe(_ name: String, _ angles: [Double]) throws {
            guard let bw = CircularKernel.bandwidth(angles) else {
                print("\(name): \(angles.count) independent event(s) — too few for a density.")
                return
            }
            let hours = (0..<24).map { Double($0) + 0.5 }
            let density = CircularKernel.density(of: angles, kappa: bw, at: hours.map { $0 / 24 * 2 * .pi })
            let peak = hours[density.indices.max { density[$0] < density[$1] }!]
            let scaled = density.map { $0 * 2 * .pi / 24 }  // share of activity per hour
            let bars = scaled.map { v -> Character in
                let levels = Array(" ▁▂▃▄▅▆▇█")
                return levels[min(8, Int(v / (scaled.max()! + 1e-12) * 8))]
            }
            print(String(format: "%@: %d independent events, kernel concentration %.2f, peak around %02d:30", name, angles.count, bw, Int(peak)))
            print("  00h |" + String(bars) + "| 24h")
        }
    }
}
