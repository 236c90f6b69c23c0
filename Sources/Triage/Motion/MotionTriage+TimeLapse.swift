import Core
import Store

extension MotionTriage {
    /// Time-lapse frames of one light (day or night) and size a camera needs before its background is made
    /// of them alone; with fewer, its background is the median of an even spread of all its photos.
    public static let minimumTimeLapseFrames = 6

    /// The photos to decode for a camera's background: an even spread of all of them, and an even spread
    /// of its time-lapse frames (fired by the clock, so empty unless an animal happened to pass).
    func backgroundPicks(_ media: [TriageMediaRef]) -> [TriageMediaRef] {
        let n = min(media.count, settings.backgroundSample * 2)
        var picks = (0..<n).map { media[$0 * media.count / n] }
        let timeLapse = media.filter { $0.cameraTrigger == CameraTrapReading.Trigger.timeLapse.rawValue }
        let k = min(timeLapse.count, settings.backgroundSample * 2)
        if k >= MotionTriage.minimumTimeLapseFrames {
            let chosen = Set(picks.map(\.mediaID))
            picks += (0..<k).map { timeLapse[$0 * timeLapse.count / k] }.filter { !chosen.contains($0.mediaID) }
        }
        return picks
    }

    /// The frames a camera's backgrounds are made of: for each light and size, its time-lapse frames alone
    /// when there are at least `minimumTimeLapseFrames` of them, else every frame of the sample.
    /// Time-lapse frames are still triaged like any other photo (a leopard can walk through one).
    static func backgroundFrames(_ sample: [Int64: MotionFrame], timeLapse: Set<Int64>, settings: MotionSettings) -> [MotionFrame] {
        struct Key: Hashable { var night: Bool, width: Int, height: Int }
        let groups = Dictionary(grouping: sample) { Key(night: $0.value.isNight(settings), width: $0.value.width, height: $0.value.height) }
        return groups.keys.sorted { ($0.night ? 1 : 0, $0.width, $0.height) < ($1.night ? 1 : 0, $1.width, $1.height) }.flatMap { key in
            let members = groups[key]!.sorted { $0.key < $1.key }
            let clocked = members.filter { timeLapse.contains($0.key) }
            return (clocked.count >= minimumTimeLapseFrames ? clocked : members).map(\.value)
        }
    }
}
