import Core
import Foundation

/// What a reviewer said about an encounter.
public enum ReviewVerdict: String, Sendable, CaseIterable, Codable {
    /// The encounter shows the candidate individual.
    case same
    /// Not this candidate: the pair is remembered and not proposed again; the encounter stays open.
    case notThisOne
    /// An individual not yet in the catalog (created, or held for a second reviewer when `confirm_new` is on).
    case newIndividual
    /// None of the proposals can be told apart from the animal: identity left open.
    case cantTell
    /// The pattern cannot be seen (hidden, blurred).
    case unidentifiable
    /// Leave it for later: the lease is released and the encounter goes behind the others.
    case skip
    /// Not the target species.
    case notTarget

    /// The stored decision kind, for verdicts that decide the encounter.
    var decisionKind: ReviewDecisionKind? {
        switch self {
        case .same: .confirmed
        case .newIndividual: .newIndividual
        case .cantTell: .rejected
        case .unidentifiable: .unidentifiable
        case .notTarget: .notTarget
        case .notThisOne, .skip: nil
        }
    }
}

/// How the proposals a reviewer saw were ranked (kept with the decision).
public struct RankingShown: Sendable, Equatable, Codable {
    /// The catalog version the proposals were ranked at.
    public var catalogVersion: Int64?
    /// The matcher's method name.
    public var method: String?
    /// How many proposals were shown.
    public var top: Int?

    public init(catalogVersion: Int64? = nil, method: String? = nil, top: Int? = nil) {
        self.catalogVersion = catalogVersion
        self.method = method
        self.top = top
    }
}

/// A reviewer's decision about a leased encounter, with what the reviewer saw when deciding.
public struct ReviewSubmission: Sendable, Equatable {
    public var encounterID: Int64
    /// The token of the reviewer's lease on the encounter.
    public var leaseToken: String
    public var actor: String
    public var verdict: ReviewVerdict
    /// The candidate (`same`, `notThisOne`) or the new individual's ID (`newIndividual`).
    public var individualID: String?
    /// The proposal row chosen, when it was one, and its rank on the page.
    public var candidateID: Int64?
    public var rankShown: Int?
    /// A corrected flank side ("left", "right") when the reviewer changed it.
    public var side: String?
    /// For `notTarget`: what it is instead.
    public var scientificName: String?
    public var sex: String?
    public var lifeStage: LifeStage?
    public var motherID: String?
    public var note: String?
    public var addReference: Bool
    /// The version of every individual the page showed (`individualVersions`), as it was when shown.
    public var seenVersions: [String: Int64]
    public var ranking: RankingShown

    public init(encounterID: Int64, leaseToken: String, actor: String, verdict: ReviewVerdict, individualID: String? = nil,
                candidateID: Int64? = nil, rankShown: Int? = nil, side: String? = nil, scientificName: String? = nil,
                sex: String? = nil, lifeStage: LifeStage? = nil, motherID: String? = nil, note: String? = nil,
                addReference: Bool = true, seenVersions: [String: Int64] = [:], ranking: RankingShown = RankingShown()) {
        self.encounterID = encounterID
        self.leaseToken = leaseToken
        self.actor = actor
        self.verdict = verdict
        self.individualID = individualID
        self.candidateID = candidateID
        self.rankShown = rankShown
        self.side = side
        self.scientificName = scientificName
        self.sex = sex
        self.lifeStage = lifeStage
        self.motherID = motherID
        self.note = note
        self.addReference = addReference
        self.seenVersions = seenVersions
        self.ranking = ranking
    }

    /// The decision it makes, for verdicts that decide the encounter.
    var decision: EncounterDecision? {
        guard let kind = verdict.decisionKind else { return nil }
        return EncounterDecision(kind: kind, individualID: individualID, scientificName: scientificName, candidateID: candidateID,
                                 addReference: addReference, note: note, sex: sex, lifeStage: lifeStage, motherID: motherID)
    }
}

/// What a submission did.
public struct SubmissionOutcome: Sendable, Equatable {
    /// The log entry written (nil for nothing logged).
    public var entryID: Int64
    /// The applied decision's reference photo and notes (nil when nothing was applied: not-this-one, skip, pending).
    public var decision: DecisionOutcome?
    /// A "new individual" held for a second reviewer.
    public var pending: Bool
    /// The lease, still held (after not-this-one), or nil when released.
    public var lease: ReviewLease?
}
