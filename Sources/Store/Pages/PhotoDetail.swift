import Core
import Foundation

/// One stored photo as the photo page shows it: when and where it was taken, its observations and its burst.
public struct PhotoDetail: Sendable, Equatable {
    public var mediaID: Int64
    public var filePath: String
    public var mediatype: String
    public var timestamp: Date?
    public var deploymentID: String?
    public var station: String?
    public var latitude: Double?
    public var longitude: Double?
    public var eventID: String?
    public var width: Int?
    public var height: Int?
    public var make: String?
    public var model: String?
    public var observations: [Observation]
    /// The other photos of the same burst (event), in time order.
    public var burst: [Int64]
}
