import Foundation

/// The rows of an exported package, by table, each row a cell per column name (empty cells left out).
public struct CamtrapTables: Sendable, Equatable {
    public var rows: [CamtrapTable: [[String: String]]] = [:]
    /// With `copyMedia`: each media file to copy, by its path in the package.
    public var files: [String: URL] = [:]

    public init() {}
}
