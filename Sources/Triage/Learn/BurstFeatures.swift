import Foundation
import Store

/// A burst's features for the learned triage, from the detector's stored boxes and the photos' metadata.
///
/// Cheap by design: nothing is decoded. Missing metadata gets a value outside the real range (−1 for the hour
/// and trigger, −100 °C), which the trees can split off.
public enum BurstFeatures {
    public static let names = ["frames", "box frames", "box fraction", "max score", "mean frame score", "largest box area",
                               "top box aspect", "top box x", "top box y", "coherence", "travel", "boxes per frame",
                               "hour", "trigger", "temperature", "station"]

    /// The features of `burst`; `stations` numbers the survey's stations (sorted names).
    public static func of(_ burst: LearningBurst, stations: [String: Int]) -> [Double] {
        let frames = burst.frames
        let n = Double(max(frames.count, 1))
        let withBoxes = frames.filter { !$0.boxes.isEmpty }
        let tops = withBoxes.map { f in f.boxes.max { $0[4] < $1[4] }! }
        let top = tops.max { $0[4] < $1[4] }
        let largest = frames.flatMap(\.boxes).map { $0[2] * $0[3] }.max() ?? 0
        let centres = tops.map { ($0[0] + $0[2] / 2, $0[1] + $0[3] / 2) }
        var sx = 0.0, sy = 0.0, travel = 0.0
        for k in centres.indices.dropFirst() {
            let dx = centres[k].0 - centres[k - 1].0, dy = centres[k].1 - centres[k - 1].1
            sx += dx; sy += dy
            travel += (dx * dx + dy * dy).squareRoot()
        }
        let coherence = travel > 1e-9 ? (sx * sx + sy * sy).squareRoot() / travel : 0
        return [
            Double(frames.count), Double(withBoxes.count), Double(withBoxes.count) / n,
            top?[4] ?? 0, tops.reduce(0) { $0 + $1[4] } / n, largest,
            top.map { $0[2] / max($0[3], 1e-6) } ?? 0, top.map { $0[0] + $0[2] / 2 } ?? -1, top.map { $0[1] + $0[3] / 2 } ?? -1,
            coherence, travel, Double(frames.reduce(0) { $0 + $1.boxes.count }) / n,
            frames.compactMap { hour($0.cameraTime) }.first ?? -1,
            trigger(frames.compactMap(\.cameraTrigger).first),
            frames.compactMap(\.temperatureC).first ?? -100,
            Double(stations[burst.station] ?? -1),
        ]
    }

    /// Hour of day (with minutes as a fraction) from the camera's "YYYY:MM:DD HH:MM:SS" reading.
    static func hour(_ cameraTime: String?) -> Double? {
        guard let t = cameraTime, t.count >= 16 else { return nil }
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count >= 2 else { return nil }
        let hm = parts[1].split(separator: ":")
        guard hm.count >= 2, let h = Double(hm[0]), let m = Double(hm[1]) else { return nil }
        return h + m / 60
    }

    /// Time-lapse 1, motion 0, another trigger 0.5, unknown −1.
    static func trigger(_ raw: String?) -> Double {
        switch raw {
        case nil: return -1
        case "timeLapse"?, "time-lapse"?, "timelapse"?: return 1
        case "motion"?: return 0
        default: return 0.5
        }
    }
}
