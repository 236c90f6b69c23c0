import Foundation

/// The survey's progress for the dashboard: photos ingested, triaged, leopard boxes and encounters reviewed,
/// per deployment and month, and decisions per reviewer.
public struct DashboardCounts: Sendable, Equatable {
    /// One deployment's counts in one month (`month` is `YYYY-MM` in the survey's time zone).
    public struct Cell: Sendable, Equatable {
        public var deploymentID: String
        /// The deployment's station (locationID, else locationName, else deploymentID).
        public var station: String
        public var month: String
        public var photos: Int
        public var triaged: Int
        public var leopardBoxes: Int
        public var encounters: Int
        public var encountersReviewed: Int
    }

    /// One person's review work: decisions in the review table, log entries by kind (undo, merge, confirm, …).
    public struct Reviewer: Sendable, Equatable {
        public var actor: String
        public var decisions: Int
        public var byVerdict: [String: Int]
        public var logEntries: [String: Int]
        public var last: Date?
    }

    public var cells: [Cell]
    public var reviewers: [Reviewer]
    /// Encounters still waiting for a decision.
    public var openEncounters: Int
}
