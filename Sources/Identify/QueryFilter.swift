/// Which gallery photos a query may be matched against.
///
/// Photos of the other flank (when both sides are known), of the query's own encounter, and listed keys
/// are left out: their descriptors neither vote nor serve as the LNBNN normaliser.
public struct QueryFilter: Sendable, Equatable {
    public var side: FlankSide
    /// Gallery photos of this encounter are left out.
    public var excludedEncounter: String?
    /// Gallery photos with these keys are left out (e.g. the query itself).
    public var excludedKeys: Set<String>

    public init(side: FlankSide = .unknown, excludedEncounter: String? = nil, excludedKeys: Set<String> = []) {
        self.side = side
        self.excludedEncounter = excludedEncounter
        self.excludedKeys = excludedKeys
    }

    /// Whether `entry` may be matched.
    public func allows(_ entry: GalleryEntry) -> Bool {
        guard side.isComparable(with: entry.side), !excludedKeys.contains(entry.key) else { return false }
        if let excludedEncounter, entry.encounter == excludedEncounter { return false }
        return true
    }
}
