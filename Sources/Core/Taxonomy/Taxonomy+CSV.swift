import Foundation

extension Taxonomy {
    /// A survey's own additions, `taxonomy.csv` beside the database.
    public static let surveyFileName = "taxonomy.csv"

    /// Reads a taxonomy CSV: columns `scientificName` and `commonName` (required), `rank`, `russianName`,
    /// `chineseName`, `observationType`, `aliases` (separated by `|`). An entry whose scientific name is
    /// already known adds its names to it; a new alias overrides what it meant before.
    public static func entries(csv url: URL) throws -> [Taxon] {
        let csv = try CSVReader(contentsOf: url)
        if let fatal = csv.fatal { throw fatal }
        let missing = csv.missing(["scientificName", "commonName"])
        guard missing.isEmpty else { throw RosetteError.csvMissingColumns(file: csv.file, columns: missing) }
        let col = csv.columnIndex
        var taxa: [Taxon] = []
        for record in csv.records {
            func field(_ name: String) -> String? {
                guard let i = col[name], i < record.fields.count else { return nil }
                let v = record.fields[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            let rankText = field("rank") ?? "species"
            guard let rank = Taxon.Rank(rawValue: rankText.lowercased()) else {
                throw RosetteError.csvBadValue(file: csv.file, line: record.line, column: "rank", value: rankText,
                                               expected: Taxon.Rank.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let typeText = field("observationType") ?? "animal"
            guard let kind = Observation.Kind(rawValue: typeText.lowercased()) else {
                throw RosetteError.csvBadValue(file: csv.file, line: record.line, column: "observationType", value: typeText,
                                               expected: Observation.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let common = field("commonName") ?? field("scientificName") else {
                throw RosetteError.csvBadValue(file: csv.file, line: record.line, column: "commonName", value: "",
                                               expected: "a name (or a scientificName)")
            }
            let aliases = (field("aliases") ?? "").split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            taxa.append(Taxon(scientificName: field("scientificName"), rank: rank, commonName: common,
                              russianName: field("russianName"), chineseName: field("chineseName"),
                              aliases: aliases, observationType: kind))
        }
        return taxa
    }

    /// The built-in taxonomy extended by the survey's `taxonomy.csv`, when the folder has one.
    public static func forSurvey(directory: URL) throws -> Taxonomy {
        var taxonomy = Taxonomy.builtIn
        let url = directory.appendingPathComponent(surveyFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return taxonomy }
        for t in try entries(csv: url) { taxonomy.add(t) }
        return taxonomy
    }
}
