import Foundation

/// Projects WGS84 latitude/longitude to local metres (x east, y north) around an origin.
///
/// An equirectangular projection at the origin's latitude: within a park (tens of km) distance errors
/// are well under 1%, enough for SECR detector layouts and maps.
public struct LocalProjection: Sendable, Equatable {
    public let originLatitude: Double
    public let originLongitude: Double
    static let earthRadius = 6_371_008.8

    public init(originLatitude: Double, originLongitude: Double) {
        self.originLatitude = originLatitude
        self.originLongitude = originLongitude
    }

    /// A projection centred on the mean of the given points.
    public init(centring points: [(latitude: Double, longitude: Double)]) {
        let n = Double(max(points.count, 1))
        self.init(originLatitude: points.reduce(0) { $0 + $1.latitude } / n,
                  originLongitude: points.reduce(0) { $0 + $1.longitude } / n)
    }

    /// Metres east and north of the origin.
    public func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let rad = Double.pi / 180
        let x = (longitude - originLongitude) * rad * cos(originLatitude * rad) * Self.earthRadius
        let y = (latitude - originLatitude) * rad * Self.earthRadius
        return (x, y)
    }

    /// The inverse of `project`.
    public func unproject(x: Double, y: Double) -> (latitude: Double, longitude: Double) {
        let rad = Double.pi / 180
        let latitude = originLatitude + y / Self.earthRadius / rad
        let longitude = originLongitude + x / (Self.earthRadius * cos(originLatitude * rad)) / rad
        return (latitude, longitude)
    }
}
