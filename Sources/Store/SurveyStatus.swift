import Foundation

/// A summary of what a survey holds, for `rosette status`.
public struct SurveyStatus: Sendable, Codable, Equatable {
    public struct DeploymentLine: Sendable, Codable, Equatable {
        public var deploymentID: String
        public var locationName: String?
        /// Files (photos and videos) of the deployment, without duplicates and sampled frames.
        public var media: Int
        public var sequences: Int
        public var outside: Int
        public var first: Date?
        public var last: Date?
    }

    public var deployments: Int
    /// Files ingested (photos and videos; sampled frames are not files of the card and are not counted).
    public var media: Int
    public var images: Int
    public var videos: Int
    /// Frames sampled from videos into triage (JPEGs under the survey's cache/frames/).
    public var videoFrames: Int
    /// Videos with sampled frames.
    public var videosSampled: Int
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
