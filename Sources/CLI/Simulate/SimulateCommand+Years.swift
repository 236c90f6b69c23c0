import ArgumentParser
import Core
import Foundation
import Simulate

extension SimulateCommand {
    /// The dynamics settings the `--years` options describe.
    func makeDynamics(origin: GeoOrigin) throws -> DynamicsSettings {
        var d = DynamicsSettings(years: years)
        d.survivalAdultFemale = survivalAdultFemale
        d.survivalAdultMale = survivalAdultMale
        d.survivalSubadult = survivalSubadult
        d.survivalCub = survivalCub
        d.litterSizeWeights = try numbers(litterSizes, option: "--litter-sizes")
        d.causeShares = try numbers(deathCauses, option: "--death-causes")
        d.dispersalMean = dispersalKm * 1000
        d.roadKillRate = roadKillRate
        d.roadSigma = roadSigmaKm * 1000
        d.carcassFound = carcassFound
        d.scatSamplesPerYear = scatSamples
        if let road {
            let file = URL(fileURLWithPath: road)
            let isFile = road.lowercased().hasSuffix(".geojson") || road.lowercased().hasSuffix(".json")
                || FileManager.default.fileExists(atPath: file.path)
            d.road = try (isFile ? RoadLine.read(geoJSONAt: file, origin: origin) : RoadLine.parse(kilometres: road)).points
        }
        do { try d.validate() } catch { throw ValidationError(String(describing: error)) }
        return d
    }

    private func numbers(_ text: String, option: String) throws -> [Double] {
        try text.split(separator: ",").map { part in
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(option): \"\(part)\" is not a number")
            }
            return value
        }
    }

    func runYears(settings: SimulationSettings, out: URL) throws {
        let simulator = SurveySimulator(settings: settings)
        let start = Date()
        if historiesOnly, replicates > 1 {
            var lines = ["replicate,seed,years,aliveFirstYear,aliveLastYear,animalsEverDetected,geometricMeanLambda,logLinearLambda"]
            for i in 1...replicates {
                let rep = simulator.replicate(i)
                let r = try rep.writeYears(to: out.appendingPathComponent("replicates").appendingPathComponent(String(format: "%04d", i)), encoder: nil)
                let summary = r.simulated.truthSummary
                let ever = r.simulated.cjsHistoriesCSV.split(separator: "\n").count - 1
                lines.append("\(i),\(rep.settings.seed),\(years),\(summary.years.first!.alive),\(summary.years.last!.alive),\(ever),"
                    + (summary.geometricMeanLambda.map { String(format: "%.4f", $0) } ?? "") + ","
                    + (summary.logLinearLambda.map { String(format: "%.4f", $0) } ?? ""))
            }
            try (lines.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("replicates.csv"), atomically: true, encoding: .utf8)
            print("\(replicates) replicates of \(years) years in \(String(format: "%.1f", Date().timeIntervalSince(start))) s → \(out.appendingPathComponent("replicates.csv").path)")
            return
        }
        let meter = historiesOnly ? nil : LockedMeter(ProgressMeter(label: "simulate", total: nil))
        let summary = try simulator.writeYears(to: out, encoder: historiesOnly ? nil : JPEGPhotoEncoder()) { done, total in
            meter?.update(done: done, total: total, detail: "photos")
        }
        meter?.finish()
        if reidDataset, !historiesOnly {
            try writeReidDataset(truth: summary.truth, settings: settings, out: out)
        }
        let r = summary.simulated
        let alive = r.history.snapshots.map { String($0.individuals.count) }.joined(separator: " → ")
        print("\(years) years, \(r.history.animals.count) leopards in all, alive at each survey \(alive); "
            + "\(r.surveys[0].survey.stations.count) stations × \(settings.survey.days) days a year: "
            + r.surveys.map { String($0.histories.animalsDetected) }.joined(separator: ", ") + " animals detected")
        let photos = historiesOnly ? "" : "\(summary.photoCount) photos "
        print("\(photos)in \(String(format: "%.1f", Date().timeIntervalSince(start))) s → \(out.path)")
    }
}
