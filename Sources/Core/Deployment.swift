import Foundation

/// One camera at one location for one period: the unit photos are tied to (Camtrap DP `deployment`).
///
/// Times are absolute; `timezone` says how the camera's local EXIF times are read, and
/// `clockOffset` (seconds, added to camera time) corrects a camera whose clock was wrong.
public struct Deployment: Codable, Sendable, Hashable, Identifiable {
    public var deploymentID: String
    public var locationID: String?
    public var locationName: String?
    public var latitude: Double
    public var longitude: Double
    public var coordinateUncertainty: Double?
    public var deploymentStart: Date
    public var deploymentEnd: Date
    public var cameraID: String?
    public var cameraModel: String?
    public var timezone: String
    public var jurisdiction: String?
    public var clockOffset: Double
    public var deploymentComments: String?

    public var id: String { deploymentID }

    public init(deploymentID: String, locationID: String? = nil, locationName: String? = nil,
                latitude: Double, longitude: Double, coordinateUncertainty: Double? = nil,
                deploymentStart: Date, deploymentEnd: Date, cameraID: String? = nil, cameraModel: String? = nil,
                timezone: String, jurisdiction: String? = nil, clockOffset: Double = 0,
                deploymentComments: String? = nil) {
        self.deploymentID = deploymentID
        self.locationID = locationID
        self.locationName = locationName
        self.latitude = latitude
        self.longitude = longitude
        self.coordinateUncertainty = coordinateUncertainty
        self.deploymentStart = deploymentStart
        self.deploymentEnd = deploymentEnd
        self.cameraID = cameraID
        self.cameraModel = cameraModel
        self.timezone = timezone
        self.jurisdiction = jurisdiction
        self.clockOffset = clockOffset
        self.deploymentComments = deploymentComments
    }

    /// The deployment's zone (validated on import, so this does not fail for stored deployments).
    public var zone: ZoneSpec { (try? ZoneSpec(timezone)) ?? (try! ZoneSpec("UTC")) }

    /// Whether an absolute time falls within the deployment's period.
    public func covers(_ date: Date) -> Bool { date >= deploymentStart && date <= deploymentEnd }
}

/// A period when a deployment's camera did not work (effort is excluded from the census).
public struct Malfunction: Codable, Sendable, Hashable {
    public var id: Int64?
    public var deploymentID: String
    public var start: Date
    public var end: Date
    public var note: String?

    public init(id: Int64? = nil, deploymentID: String, start: Date, end: Date, note: String? = nil) {
        self.id = id
        self.deploymentID = deploymentID
        self.start = start
        self.end = end
        self.note = note
    }
}
