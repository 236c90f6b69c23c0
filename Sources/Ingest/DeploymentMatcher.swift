import Core
import Foundation

/// Ties a photo to a deployment from its folders and time.
///
/// A folder named like a deploymentID picks that deployment. Otherwise the deepest folder named like a
/// station (locationName or locationID) picks the station's deployments, narrowed by a camera folder
/// below it (camtrapR's `Station/[Camera/]` layout, cameraID), and then by the photo's time.
struct DeploymentMatcher: Sendable {
    /// What the folders of a file say about its deployment.
    struct FolderMatch: Sendable {
        let candidates: [Deployment]
        /// Index of the first folder below the station (and camera) folder, for species-from-folder.
        let nextComponent: Int
    }

    private let byID: [String: Deployment]
    private let byStation: [String: [Deployment]]
    private let zones: [String: ZoneSpec]

    init(deployments: [Deployment]) {
        byID = Dictionary(deployments.map { ($0.deploymentID, $0) }, uniquingKeysWith: { a, _ in a })
        var station: [String: [Deployment]] = [:]
        for d in deployments {
            for key in Set([d.locationName, d.locationID].compactMap { $0 }) where !key.isEmpty {
                station[key, default: []].append(d)
            }
        }
        byStation = station
        zones = Dictionary(deployments.map { ($0.deploymentID, $0.zone) }, uniquingKeysWith: { a, _ in a })
    }

    var isEmpty: Bool { byID.isEmpty }

    /// The candidate deployments for a file in these folders (outermost first), or nil when none matches.
    func match(folders: [String]) -> FolderMatch? {
        for i in stride(from: folders.count - 1, through: 0, by: -1) {
            if let d = byID[folders[i]] { return FolderMatch(candidates: [d], nextComponent: i + 1) }
        }
        for i in stride(from: folders.count - 1, through: 0, by: -1) {
            guard let station = byStation[folders[i]] else { continue }
            if i + 1 < folders.count {
                let camera = station.filter { $0.cameraID == folders[i + 1] }
                if !camera.isEmpty { return FolderMatch(candidates: camera, nextComponent: i + 2) }
            }
            return FolderMatch(candidates: station, nextComponent: i + 1)
        }
        return nil
    }

    /// Matches camtrapR's renamed files, `Station__[Camera__]YYYY-MM-DD__hh-mm-ss(n).JPG`, by their name.
    func match(fileName: String) -> FolderMatch? {
        let parts = fileName.components(separatedBy: "__")
        guard parts.count >= 3 else { return nil }
        return match(folders: Array(parts.dropLast(2)))
    }

    /// The deployment explicitly named, if it exists.
    func deployment(id: String) -> Deployment? { byID[id] }

    /// Picks the candidate whose period covers the camera time (read in each candidate's zone and clock).
    /// With one candidate that does not cover it, that one is returned with `outside` set; with several
    /// and none covering, nil (ambiguous).
    func choose(_ candidates: [Deployment], cameraTime: CameraDateTime?, fallbackTime: Date?) -> (Deployment, Date?, outside: Bool)? {
        var best: (Deployment, Date?, Bool)?
        for d in candidates {
            let t = cameraTime.map { $0.absolute(in: zones[d.deploymentID] ?? d.zone, clockOffset: d.clockOffset) } ?? fallbackTime
            if let t, d.covers(t) { return (d, t, false) }
            if candidates.count == 1 { best = (d, t, true) }
        }
        return best
    }
}
