import Foundation

/// What happened at one deployment: photos stored, observations by species, leopard detections and individuals.
public struct DeploymentActivity: Sendable, Equatable {
    public var deploymentID: String
    public var photos: Int
    /// Species (scientific name, else label) → observations.
    public var bySpecies: [String: Int]
    /// Leopard observations (boxes or tags) at the deployment.
    public var leopardDetections: Int
    /// Distinct identified individuals.
    public var individuals: Int
    public var first: Date?
    public var last: Date?
}
