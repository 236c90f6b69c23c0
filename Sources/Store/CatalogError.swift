import Foundation

/// Problems with the catalog of individuals, naming the individual or photo at fault.
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case unknownIndividual(id: String)
    case individualExists(id: String)
    case mergeIntoItself(id: String)
    case unknownReferencePhoto(id: Int64, individualID: String)
    case unknownMedia(id: Int64)
    case unknownEncounter(id: Int64)
    case decisionNeedsIndividual(kind: String)
    case mergedIndividual(id: String, into: String)
    case unknownSample(id: String)

    public var description: String {
        switch self {
        case .unknownIndividual(let id): return "no individual '\(id)' in the catalog (see `rosette individuals list`)"
        case .individualExists(let id): return "an individual '\(id)' is already in the catalog; nothing was changed"
        case .mergeIntoItself(let id): return "cannot merge '\(id)' into itself"
        case .unknownReferencePhoto(let id, let ind): return "reference photo \(id) does not belong to '\(ind)'"
        case .unknownMedia(let id): return "no photo with mediaID \(id) in the survey"
        case .unknownEncounter(let id): return "no encounter \(id) in the survey (see `rosette review next`)"
        case .decisionNeedsIndividual(let kind): return "a '\(kind)' decision needs an individual ID"
        case .mergedIndividual(let id, let into): return "'\(id)' was merged into '\(into)': decide for '\(into)' instead"
        case .unknownSample(let id): return "no evidence with sampleID '\(id)' (see `rosette evidence list`)"
        }
    }

    public var errorDescription: String? { description }
}
