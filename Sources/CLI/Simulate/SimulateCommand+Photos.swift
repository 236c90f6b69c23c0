import Core
import Foundation
import Simulate

extension SimulateCommand {
    func runPhotos(settings: SimulationSettings, out: URL) throws {
        let start = Date()
        let meter = LockedMeter(ProgressMeter(label: "simulate", total: nil))
        let summary = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: JPEGPhotoEncoder()) { done, total in
            meter.update(done: done, total: total, detail: "photos")
        }
        meter.finish()
        if reidDataset {
            try writeReidDataset(truth: summary.truth, settings: settings, out: out)
        }
        let r = summary.simulated
        let leopardPhotos = summary.truth.filter { !$0.individualID.isEmpty }.count
        let blank = summary.truth.filter { $0.observationType == "blank" }.count
        let seconds = Date().timeIntervalSince(start)
        print("\(r.population.independent.count) leopards (+\(r.population.individuals.count - r.population.independent.count) cubs), "
            + "\(r.survey.stations.count) stations, \(r.survey.deployments.count) cameras × \(r.survey.days) days: "
            + "\(r.histories.animalsDetected) animals detected, \(r.histories.captures.count) detections")
        print("\(summary.photoCount) photos (\(leopardPhotos) leopard, \(blank) blank) in \(String(format: "%.1f", seconds)) s → \(out.path)")
    }
}
