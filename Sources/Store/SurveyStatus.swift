import Foundation

/// A summary of what a survey holds, for `rosette status`.
public struct SurveyStatus: Sendable, Codable, Equatable {
    public struct DeploymentLine: Sendable, Codable, Equatable {
        public var deploymentID: String
        public var locationName: String?
        public var media: Int
        public var sequences: Int
        public var outside: Int
        public var first: Date?
        public var last: Date?
    }

    public var deployments: Int
    public var media: Int
    public var images: Int
    public var videos: Int
    public var duplicates: Int
    public var outsideDeployment: Int
    public var unassigned: Int
    public var sequences: Int
    public var observations: Int
    public var taggedSpecies: [String: Int]
    public var taggedIndividuals: Int
    public var firstTimestamp: Date?
    public var lastTimestamp: Date?
    public var perDeployment: [DeploymentLine]
    public var lastRun: LastRun?

    public struct LastRun: Sendable, Codable, Equatable {
        public var runID: Int64
        public var root: String
        public var status: String
        public var filesSeen: Int
        public var added: Int
        public var updated: Int
        public var unchanged: Int
        public var problems: Int
    }
}
