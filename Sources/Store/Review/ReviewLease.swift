import Foundation

/// A reviewer's hold on one encounter: nobody else is given it until `expires` (renewed by a heartbeat).
///
/// The token is what a decision carries to show it was taken under this lease.
public struct ReviewLease: Sendable, Equatable, Codable {
    public var encounterID: Int64
    public var holder: String
    public var token: String
    public var expires: Date

    public init(encounterID: Int64, holder: String, token: String, expires: Date) {
        self.encounterID = encounterID
        self.holder = holder
        self.token = token
        self.expires = expires
    }
}
