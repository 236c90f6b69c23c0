import Foundation

/// An individual the matcher proposed that the review leaves out, and why.
public struct ExcludedProposal: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// A reviewer said "not this one" for this encounter.
        case rejected(by: String, at: Date)
        /// The individual is the animal of another encounter in the same photo ("same frame: excluded").
        case sameFrame(encounterID: Int64, mediaID: Int64)
    }

    public var individualID: String
    public var reason: Reason

    public init(individualID: String, reason: Reason) {
        self.individualID = individualID
        self.reason = reason
    }

    /// The reason as the page shows it.
    public var label: String {
        switch reason {
        case .rejected(let by, _): "not this one (\(by))"
        case .sameFrame: "same frame: excluded"
        }
    }
}

/// An encounter's proposals for review: those still proposed, by rank, and those left out.
public struct ReviewProposals: Sendable, Equatable {
    public var proposals: [MatchProposal]
    public var excluded: [ExcludedProposal]
}
