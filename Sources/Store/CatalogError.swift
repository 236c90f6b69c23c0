import Foundation

/// Problems with the catalog of individuals, naming the individual or photo at fault.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case unknownIndividual(id: String)
    case individualExists(id: String)
    case mergeIntoItself(id: String)
    case unknownReferencePhoto(id: Int64, individualID: String)
    case unknownMedia(id: Int64)

    public var description: String {
        switch self {
        case .unknownIndividual(let id): return "no individual '\(id)' in the catalog (see `rosette individuals list`)"
        case .individualExists(let id): return "an individual '\(id)' is already in the catalog; nothing was changed"
        case .mergeIntoItself(let id): return "cannot merge '\(id)' into itself"
        case .unknownReferencePhoto(let id, let ind): return "reference photo \(id) does not belong to '\(ind)'"
        case .unknownMedia(let id): return "no photo with mediaID \(id) in the survey"
        }
    }

    public var errorDescription: String? { description }
}
