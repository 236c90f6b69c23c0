import Foundation

/// Flank side shown to the camera.
public enum FlankSide: String, Codable, Sendable { case left, right }

/// One photo to render: which camera, which event, which frame of the burst, and when.
public struct PlannedPhoto: Codable, Sendable, Equatable {
    public var deploymentIndex: Int
    public var eventIndex: Int
    /// Frame within the burst (0-based).
    public var frame: Int
    /// Burst id (`S07-A-0003`), the `sequence` column of truth.csv.
    public var sequence: String
    /// True time, seconds since 1970 UTC.
    public var trueTime: Double
    /// Path relative to `OUT/photos`: `S07/A/IMG_0001.JPG`.
    public var relativePath: String
    public var isNight: Bool
    /// Direction the subject faces and walks in the image (+1 right, −1 left) and hence the flank shown
    /// (+1: its right flank).
    public var direction: Double
    /// 0 for the first camera of a station, 1 for the facing camera.
    public var cameraSlot: Int
}

extension SimulatedSurvey {
    /// Expands every event into bursts on every camera that saw it, numbered per camera in time order.
    /// - Parameter deploymentFolders: file photos under `<station>/<camera>/<deploymentID>/` (multi-year
    ///   card dumps, so ingest ties each season's photos to its deployment whatever the camera clock says).
    public func photoPlan(deploymentFolders: Bool = false) -> [PlannedPhoto] {
        let s = settings.survey
        var perDeployment = Array(repeating: [PlannedPhoto](), count: survey.deployments.count)
        var burstCounter = Array(repeating: 0, count: survey.deployments.count)
        for (e, event) in survey.events.enumerated() {
            var rng = SeededGenerator(seed: event.appearanceSeed, stream: "direction")
            let direction: Double = rng.bernoulli(0.5) ? 1 : -1
            for d in event.deploymentIndices {
                let dep = survey.deployments[d]
                let slot = dep.cameraID == "A" ? 0 : 1
                burstCounter[d] += 1
                let sequence = String(format: "%@-%04d", dep.id, burstCounter[d])
                let lag = slot == 0 ? 0 : 0.35
                for f in 0..<max(1, s.burstFrames) {
                    let time = event.time + lag + Double(f) * s.burstInterval
                    perDeployment[d].append(PlannedPhoto(
                        deploymentIndex: d, eventIndex: e, frame: f, sequence: sequence, trueTime: time, relativePath: "",
                        isNight: isNight(time: time, station: event.stationIndex),
                        direction: slot == 0 ? direction : -direction, cameraSlot: slot))
                }
            }
        }
        var plan: [PlannedPhoto] = []
        for d in perDeployment.indices {
            let dep = survey.deployments[d]
            let photos = perDeployment[d].sorted { ($0.trueTime, $0.frame) < ($1.trueTime, $1.frame) }
            for (n, photo) in photos.enumerated() {
                var p = photo
                let folder = deploymentFolders ? "\(dep.stationID)/\(dep.cameraID)/\(dep.id)" : "\(dep.stationID)/\(dep.cameraID)"
                p.relativePath = "\(folder)/IMG_\(String(format: "%04d", n + 1)).JPG"
                plan.append(p)
            }
        }
        return plan
    }

    /// Night when the sun is below the horizon at the station (the camera switches to IR).
    public func isNight(time: Double, station: Int) -> Bool {
        let (lat, lon) = settings.origin.geographic(survey.stations[station].position)
        let offset = survey.utcOffsetSeconds
        let days = Int(((time + Double(offset)) / 86_400).rounded(.down))
        let sun = CivilTime.sunTimes(dayOfYear: CivilTime.dayOfYear(days: days), latitude: lat, longitude: lon,
                                     utcOffsetHours: Double(offset) / 3600)
        let hour = CivilTime.localHour(time, offsetSeconds: offset)
        return hour < sun.rise || hour > sun.set
    }

    /// Local hours of sunrise and sunset at a station on the day of `time`.
    func sunTimes(time: Double, station: Int) -> (rise: Double, set: Double) {
        let (lat, lon) = settings.origin.geographic(survey.stations[station].position)
        let offset = survey.utcOffsetSeconds
        let days = Int(((time + Double(offset)) / 86_400).rounded(.down))
        return CivilTime.sunTimes(dayOfYear: CivilTime.dayOfYear(days: days), latitude: lat, longitude: lon,
                                  utcOffsetHours: Double(offset) / 3600)
    }
}
