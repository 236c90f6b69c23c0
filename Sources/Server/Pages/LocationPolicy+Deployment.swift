import Core
import Foundation

extension LocationPolicy {
    /// A deployment as this role may see it: its ID, or a stable alias (`deployment-xxxxxx`) that reveals nothing of
    /// the ID (deployment IDs usually embed the station name).
    func deployment(_ deploymentID: String) -> String {
        guard !exact else { return deploymentID }
        return "deployment-" + station("deployment \(deploymentID)").dropFirst("station-".count)
    }

    /// The station of a deployment as this role may see it.
    func station(of d: Deployment) -> String {
        station(d.locationID ?? d.locationName ?? d.deploymentID)
    }

    /// A point formatted for the page: 5 decimals exactly, 3 decimals for a grid cell centre (with the cell size).
    func describe(latitude: Double, longitude: Double) -> String {
        let p = point(latitude: latitude, longitude: longitude)
        guard let grid else { return String(format: "%.5f, %.5f", p.latitude, p.longitude) }
        return String(format: "%.3f, %.3f (%.0f km cell)", p.latitude, p.longitude, grid.metres / 1000)
    }
}
