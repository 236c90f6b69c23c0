/// One entry of the taxonomy: a species, subspecies or higher group, or a generic label (animal, vehicle, blank).
///
/// `scientificName` is what observations store (Camtrap DP `scientificName`); generic labels without one
/// (vehicle, blank, unknown) are kept as `speciesLabel` only.
public struct Taxon: Sendable, Hashable, Codable {
    /// Taxonomic rank, or `generic` for labels that are not a taxon.
    public enum Rank: String, Sendable, Codable, CaseIterable {
        case subspecies, species, genus, family, order, `class`, kingdom, generic
    }

    /// The stored name: "Panthera pardus orientalis"; nil for vehicle, blank and unknown.
    public var scientificName: String?
    public var rank: Rank
    /// English common name ("Amur leopard"); for generic labels the label itself ("vehicle").
    public var commonName: String
    /// Russian common name, where known.
    public var russianName: String?
    /// Chinese common name, where known.
    public var chineseName: String?
    /// Other labels that mean this taxon (camtrapR folder codes, classifier labels, other common names).
    public var aliases: [String]
    /// The Camtrap DP observation type of a record of this taxon.
    public var observationType: Observation.Kind

    public init(scientificName: String?, rank: Rank, commonName: String, russianName: String? = nil, chineseName: String? = nil,
                aliases: [String] = [], observationType: Observation.Kind = .animal) {
        self.scientificName = scientificName
        self.rank = rank
        self.commonName = commonName
        self.russianName = russianName
        self.chineseName = chineseName
        self.aliases = aliases
        self.observationType = observationType
    }

    /// The name stored and shown: the scientific name, else the common name (generic labels).
    public var name: String { scientificName ?? commonName }

    /// True when this taxon is the one named by `prefix` or lies within it at a word boundary
    /// ("Panthera pardus" contains "Panthera pardus orientalis", not "Panthera pardusx").
    public func isWithin(_ prefix: String) -> Bool {
        guard let s = scientificName else { return false }
        return Taxon.name(s, isWithin: prefix)
    }

    /// `name` equals `prefix` or continues it after a space (case-insensitive).
    public static func name(_ name: String, isWithin prefix: String) -> Bool {
        let n = name.lowercased(), p = prefix.lowercased().trimmingCharacters(in: .whitespaces)
        return n == p || n.hasPrefix(p + " ")
    }
}
