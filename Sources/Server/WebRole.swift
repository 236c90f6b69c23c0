import Core

/// A web user's role, and so what the user may do and see.
///
/// `admin` manages users and sees everything; a `reviewer` decides encounters and edits the catalog and sees exact
/// locations and people-photos (staff); a `viewer` (e.g. a ranger reading the census) and a `partner` (another
/// agency) read only, see locations generalised to the grid, stations by alias, and no people-photos or unscreened
/// photos.
public enum WebRole: String, Sendable, CaseIterable, Codable {
    case admin, reviewer, viewer, partner

    /// The CLI's access role with the same rights over photos and locations.
    public var accessRole: AccessRole {
        switch self {
        case .admin: .owner
        case .reviewer: .staff
        case .viewer, .partner: .public
        }
    }

    /// May see exact coordinates and station names.
    public var seesExactLocations: Bool { accessRole.seesExactLocations }
    /// May decide encounters and edit the catalog.
    public var mayReview: Bool { self == .admin || self == .reviewer }
    /// May manage users and settings.
    public var mayAdminister: Bool { self == .admin }
}

/// The logged-in person a request acts for.
public struct WebUser: Sendable, Equatable, Codable {
    public let name: String
    public let role: WebRole

    public init(name: String, role: WebRole) {
        self.name = name
        self.role = role
    }
}
