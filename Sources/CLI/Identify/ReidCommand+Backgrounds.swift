import Core
import Foundation
import Identify
import Imaging
import Store
import Triage

extension ReidCommand.Eval {
    /// Each camera's backgrounds from the dataset's own photos of it, as motion triage builds them from a card:
    /// the per-pixel median of up to `MotionSettings.backgroundSample × 2` reduced frames, by day and at night.
    static func cameraBackgrounds(_ data: ReidDataset, workers: Int) -> [String: [CameraBackground]] {
        let settings = MotionSettings()
        let byCamera = Dictionary(grouping: data.images.filter { $0.camera != nil }) { $0.camera! }
        var out: [String: [CameraBackground]] = [:]
        for camera in byCamera.keys.sorted() {
            let paths = Array(Set(byCamera[camera]!.map(\.path))).sorted()
            let n = min(paths.count, settings.backgroundSample * 2)
            let picks = (0..<n).map { paths[$0 * paths.count / n] }
            let frames = Parallel.map(count: picks.count, workers: workers, context: { ImageDecoder() }) { i, decoder in
                try? MotionFrame(path: picks[i], decoder: decoder, settings: settings)
            }.compactMap { $0 }
            let stored = MotionBackgrounds(sample: frames, settings: settings).stored(deploymentID: camera)
            if !stored.isEmpty { out[camera] = stored }
        }
        return out
    }
}
