import Core
import Foundation

/// The package IDs and unmodelled columns a stored record was imported with.
public struct ExchangeKey: Sendable, Equatable {
    public var entity: String
    public var externalID: String
    public var localID: String
    public var extras: [String: String]
}

/// Everything an export reads, in one consistent read.
public struct ExchangeSnapshot: Sendable {
    public var deployments: [Deployment]
    /// Media not marked as duplicates, by deployment and time.
    public var media: [Media]
    /// Media root folders by rootID.
    public var roots: [Int64: String]
    public var observations: [Observation]
    public var sequences: [MediaSequence]
    public var individuals: [CatalogIndividual]
    /// Exchange keys by entity, then by local ID.
    public var keys: [String: [String: ExchangeKey]]
}
