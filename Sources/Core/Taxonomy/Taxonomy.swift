import Foundation

/// The species names Rosette knows: scientific names with ranks, common names (English, Russian, Chinese) and
/// aliases, and the lookup that turns any label a person, a folder or a model uses into one of them.
///
/// `resolve` is insensitive to case, spaces, underscores and hyphens ("amur_leopard" = "Amur leopard"), reads
/// SpeciesNet-style labels ("uuid;mammalia;carnivora;felidae;panthera;pardus;leopard") from the most specific
/// part that is known, and returns nil for a label it does not know: callers keep such a label as
/// `speciesLabel` (with a warning) and never drop it. A common name resolves at the rank it names: "leopard"
/// is `Panthera pardus`, "Amur leopard" is `Panthera pardus orientalis` (a survey's taxonomy.csv can say
/// otherwise).
public struct Taxonomy: Sendable {
    public private(set) var taxa: [Taxon] = []
    private var index: [String: Int] = [:]

    /// A taxonomy of the given taxa; later entries' names win over earlier ones for a shared alias.
    public init(_ taxa: [Taxon]) {
        for t in taxa { add(t) }
    }

    /// Adds a taxon, or, for a scientific name already present, merges its names and aliases into that entry.
    public mutating func add(_ taxon: Taxon) {
        if let s = taxon.scientificName, let i = index[Taxonomy.key(s)], taxa[i].scientificName == s {
            var merged = taxa[i]
            merged.commonName = taxon.commonName.isEmpty ? merged.commonName : taxon.commonName
            merged.russianName = taxon.russianName ?? merged.russianName
            merged.chineseName = taxon.chineseName ?? merged.chineseName
            merged.aliases += taxon.aliases.filter { !merged.aliases.contains($0) }
            taxa[i] = merged
            indexNames(of: merged, at: i)
        } else {
            taxa.append(taxon)
            indexNames(of: taxon, at: taxa.count - 1)
        }
    }

    private mutating func indexNames(of t: Taxon, at i: Int) {
        let names = [t.scientificName, t.commonName, t.russianName, t.chineseName].compactMap { $0 } + t.aliases
        for name in names where !name.isEmpty { index[Taxonomy.key(name)] = i }
    }

    /// The taxon a label names, or nil when the label is not known.
    public func resolve(_ label: String) -> Taxon? {
        let trimmed = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let i = index[Taxonomy.key(trimmed)] { return taxa[i] }
        if trimmed.contains(";") { return resolveSpeciesNet(trimmed) }
        return nil
    }

    /// The taxon with exactly this scientific name.
    public func taxon(scientificName: String) -> Taxon? {
        guard let i = index[Taxonomy.key(scientificName)], taxa[i].scientificName?.lowercased() == scientificName.lowercased()
        else { return nil }
        return taxa[i]
    }

    /// SpeciesNet labels: `uuid;class;order;family;genus;species;common name`, any part possibly empty.
    /// Tried from the most specific: genus + species, the common name, then genus, family, order, class.
    private func resolveSpeciesNet(_ label: String) -> Taxon? {
        var parts = label.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 6 { parts.insert("", at: 0) }   // without the uuid
        guard parts.count >= 7 else { return nil }
        let (cls, order, family, genus, species, common) = (parts[1], parts[2], parts[3], parts[4], parts[5], parts[6])
        var candidates: [String] = []
        if !genus.isEmpty && !species.isEmpty { candidates.append(genus + " " + species) }
        candidates += [common, genus, family, order, cls]
        for c in candidates where !c.isEmpty {
            if let i = index[Taxonomy.key(c)] { return taxa[i] }
        }
        return nil
    }

    /// The lookup key of a label: lower case, with underscores, hyphens and runs of spaces as one space.
    public static func key(_ label: String) -> String {
        let mapped = label.lowercased().map { $0 == "_" || $0 == "-" ? " " : $0 }
        return String(mapped).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
