import Foundation

/// A proposed pair: a partner individual and one of our candidates, ranked by the identification engine.
public struct CrossMatch: Sendable, Equatable {
    public var partner: String
    public var partnerID: String
    public var individualID: String
    public var rank: Int
    public var score: Double
    public var inliers: Int

    public init(partner: String, partnerID: String, individualID: String, rank: Int, score: Double, inliers: Int) {
        self.partner = partner
        self.partnerID = partnerID
        self.individualID = individualID
        self.rank = rank
        self.score = score
        self.inliers = inliers
    }

    /// The partner individual as shown everywhere: `NAME:ID`.
    public var qualifiedPartnerID: String { PartnerNamespace.qualified(partner, partnerID) }
}

/// A confirmed "same animal" link between a partner individual and one of ours.
public struct CrossLink: Sendable, Equatable {
    public var partner: String
    public var partnerID: String
    public var individualID: String
    public var decidedBy: String
    public var decidedAt: Date

    /// The partner individual as shown everywhere: `NAME:ID`.
    public var qualifiedPartnerID: String { PartnerNamespace.qualified(partner, partnerID) }
}

/// How partner IDs are written, and which namespaces are acceptable.
public enum PartnerNamespace {
    /// `NAME:ID`.
    public static func qualified(_ partner: String, _ id: String) -> String { "\(partner):\(id)" }

    /// True for a namespace of letters, digits, `-` and `_` (1–32 characters; no `:`).
    public static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 32 && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
