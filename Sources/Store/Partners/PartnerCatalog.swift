import Foundation

/// A partner's catalog as one package delivered it, ready to replace what the survey holds under its namespace.
///
/// The namespace (`name`) keeps the partner's IDs apart from ours: they are shown as `NAME:ID` and never enter
/// the `individual` table.
public struct PartnerCatalogBatch: Sendable, Equatable {
    /// The partner's namespace (e.g. `CN`).
    public var name: String
    public var title: String?
    /// SHA-256 of the package's descriptor and tables, so a re-import of the same package is recognised.
    public var packageDigest: String
    public var individuals: [PartnerIndividual]
    public var chips: [PartnerChip]

    public init(name: String, title: String?, packageDigest: String, individuals: [PartnerIndividual], chips: [PartnerChip]) {
        self.name = name
        self.title = title
        self.packageDigest = packageDigest
        self.individuals = individuals
        self.chips = chips
    }
}

/// One individual of a partner's catalog: its ID there, sex, first/last-seen years and generalised grid cells.
public struct PartnerIndividual: Sendable, Equatable {
    public var partnerID: String
    public var sex: String?
    public var firstYear: Int?
    public var lastYear: Int?
    /// Grid cell IDs (`cell-10km-<row>-<col>`), never coordinates.
    public var cells: [String]

    public init(partnerID: String, sex: String?, firstYear: Int?, lastYear: Int?, cells: [String]) {
        self.partnerID = partnerID
        self.sex = sex
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.cells = cells
    }
}

/// A reference flank chip of a partner individual: the JPEG (no metadata) and its pattern features as shipped.
public struct PartnerChip: Sendable, Equatable {
    public var chipID: String
    public var partnerID: String
    public var side: String
    public var jpeg: Data
    /// The features file image (Identify's `FeatureSet.binary`).
    public var features: Data
    public var width: Int
    public var height: Int

    public init(chipID: String, partnerID: String, side: String, jpeg: Data, features: Data, width: Int, height: Int) {
        self.chipID = chipID
        self.partnerID = partnerID
        self.side = side
        self.jpeg = jpeg
        self.features = features
        self.width = width
        self.height = height
    }
}

/// A partner as the survey holds it, with counts.
public struct PartnerSummary: Sendable, Equatable {
    public var name: String
    public var title: String?
    public var importedAt: Date
    public var packageDigest: String
    public var individuals: Int
    public var chips: Int
    public var links: Int
    public var pendingPairs: Int
}

/// What an import of a partner package did.
public struct PartnerImportResult: Sendable, Equatable {
    /// The partner's namespace.
    public var partner: String
    /// False when the partner was not known before.
    public var replaced: Bool
    /// True when the same package (same digest) had been imported before.
    public var unchanged: Bool
    public var individuals: Int
    public var chips: Int
    /// Partner IDs in the new package that the previous import did not have, and the reverse.
    public var added: [String]
    public var removed: [String]
    /// Links ("same animal") to partner IDs the new package no longer has: kept, and reported.
    public var orphanedLinks: [CrossLink]
    /// Stored proposals dropped because the catalog changed (run `exchange match` again).
    public var droppedProposals: Int
}
