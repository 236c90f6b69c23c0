/// Who is looking at the survey, and so what they may see.
///
/// Rights: `owner` and `staff` see everything; a `partner` (another agency sharing data) sees exact locations
/// but not photos with people in them; the `public` sees neither. Photos with people are hidden from a viewer
/// without the right (their detections, species and paths do not appear at all), never deleted or changed. So are
/// photos that only the weight-free motion triage has looked at, as it cannot tell a person from an animal.
public enum AccessRole: String, Sendable, CaseIterable, Codable {
    case owner, staff, partner, `public`

    /// May see photos in which a person appears (a person box or a person tag).
    public var seesPeoplePhotos: Bool {
        switch self {
        case .owner, .staff: true
        case .partner, .public: false
        }
    }

    /// May see precise station coordinates (others see them generalised to a grid).
    public var seesExactLocations: Bool {
        switch self {
        case .owner, .staff, .partner: true
        case .public: false
        }
    }

    /// May be handed exact locations in a file or printout that leaves the survey (a package, a report, a CSV):
    /// owner and staff only. A partner sees exact locations while logged in, but what is sent across a border
    /// is generalised as it is for the public.
    public var receivesExactLocations: Bool { self == .owner || self == .staff }
}

/// A viewer: a role and the survey's rule for what makes a photo a "people" photo.
public struct Viewer: Sendable, Equatable {
    public var role: AccessRole
    /// A person box at or above this confidence makes a photo a people photo (rosette.toml `[privacy]`).
    public var peopleBoxThreshold: Double
    /// Photos with motion boxes only, which nothing able to see a person has looked at, are withheld as well
    /// from a viewer who may not see people photos (rosette.toml `[privacy] withhold_unscreened`).
    public var withholdsUnscreened: Bool

    public init(role: AccessRole, peopleBoxThreshold: Double = 0.2, withholdsUnscreened: Bool = true) {
        self.role = role
        self.peopleBoxThreshold = peopleBoxThreshold
        self.withholdsUnscreened = withholdsUnscreened
    }

    /// The survey's owner: sees everything (the CLI's default).
    public static let owner = Viewer(role: .owner)
}
