import Foundation

/// Problems with partner catalogs, cross-catalog pairs and links, naming the partner and individual at fault.
public enum PartnerError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    case badNamespace(name: String)
    case unknownPartner(name: String)
    case unknownPartnerIndividual(partner: String, id: String)
    case partnerReadOnly(partner: String, id: String)
    case alreadyLinked(partner: String, id: String, individualID: String)
    case individualAlreadyLinked(partner: String, individualID: String, partnerID: String)
    case alreadyRejected(partner: String, id: String, individualID: String)

    public var description: String {
        switch self {
        case .badNamespace(let name):
            return "partner name '\(name)': use 1–32 letters, digits, '-' or '_' (no ':'); nothing was imported"
        case .unknownPartner(let name):
            return "no partner '\(name)' in the survey (see `rosette exchange partners`)"
        case .unknownPartnerIndividual(let partner, let id):
            return "no individual '\(id)' in partner \(partner)'s catalog (see `rosette exchange review --partner \(partner)`)"
        case .partnerReadOnly(let partner, let id):
            return "'\(partner):\(id)' belongs to partner \(partner)'s catalog, which is read-only here; nothing was changed "
                + "(link it to one of ours with `rosette exchange decide`)"
        case .alreadyLinked(let partner, let id, let ind):
            return "\(partner):\(id) is already linked to \(ind); undo that link first (`rosette review undo`)"
        case .individualAlreadyLinked(let partner, let ind, let pid):
            return "\(ind) is already linked to \(partner):\(pid); undo that link first (`rosette review undo`)"
        case .alreadyRejected(let partner, let id, let ind):
            return "\(partner):\(id) was already set apart from \(ind); nothing was changed"
        }
    }

    public var errorDescription: String? { description }
}
