import Foundation
import ArgumentParser
import Simulate

extension SimulateCommand {
    /// Writes OUT/reid from the survey's truth with the layout the conditions call for.
    func writeReidDataset(truth: [TruthRecord], settings: SimulationSettings, out: URL) throws {
        var options = settings.photos.conditions == .real
            ? ReidDataset.Options.real(frameWidth: settings.photos.width, frameHeight: settings.photos.height, seed: settings.seed)
            : ReidDataset.Options()
        if let n = reidIndividuals {
            guard n >= 2, reidDominantShare > 0, reidDominantShare < 1 else {
                throw ValidationError("--reid-individuals must be 2 or more and --reid-dominant-share between 0 and 1")
            }
            options.composition = ReidDataset.Composition(individuals: n, dominantShare: reidDominantShare, fewIndividuals: min(4, n / 2))
        }
        let n = try ReidDataset.write(truth: truth, photos: out.appendingPathComponent("photos"),
                                      to: out.appendingPathComponent("reid"), options: options)
        let what = options.fullFrame ? "full-frame leopard boxes (loose, with camera and time)" : "leopard crops"
        print("Re-identification dataset: \(n) \(what) with metadata.csv in \(out.path)/reid")
    }
}
