import Core
import Foundation

/// The `datapackage.json` of an exported package: resources, profile, and the package metadata the Camtrap DP
/// profile requires (created, contributors, project, spatial, temporal, taxonomic; coordinatePrecision when
/// locations are generalised).
enum CamtrapDescriptor {
    static func json(_ tables: CamtrapTables, title: String, options: CamtrapExportOptions) throws -> Data {
        var resources: [[String: Any]] = CamtrapTable.allCases.filter { $0 != .individuals }.map { table in
            ["name": table.rawValue, "path": table.fileName, "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8", "schema": table.schemaURL!]
        }
        resources.append([
            "name": "individuals", "path": CamtrapTable.individuals.fileName, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": "Rosette's catalog of known individuals (not part of the Camtrap DP model): sex, mother, birth year, life stage, status and death.",
            "schema": ["fields": CamtrapTable.individuals.fields.map(\.descriptor), "primaryKey": "individualID",
                       "missingValues": [""]] as [String: Any],
        ])
        let deployments = tables.rows[.deployments] ?? []
        let lats = deployments.compactMap { $0["latitude"].flatMap(Double.init) }
        let lons = deployments.compactMap { $0["longitude"].flatMap(Double.init) }
        let times = (tables.rows[.deployments] ?? []).flatMap { [$0["deploymentStart"], $0["deploymentEnd"]] }.compactMap { $0 }
        let days = times.map { String($0.prefix(10)) }.sorted()
        let today = String(Timestamp.format(Date(), offsetSeconds: 0).prefix(10))
        let species = Set((tables.rows[.observations] ?? []).compactMap { $0["scientificName"] }).sorted()
        let (s, n, w, e) = (lats.min() ?? 0, lats.max() ?? 0, lons.min() ?? 0, lons.max() ?? 0)
        let observed = Set((tables.rows[.observations] ?? []).compactMap { $0["observationLevel"] }).sorted()
        var package: [String: Any] = [
            "resources": resources,
            "profile": CamtrapTable.profileURL,
            "name": slug(title),
            "id": UUID().uuidString.lowercased(),
            "created": Timestamp.format(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)), offsetSeconds: 0),
            "title": title,
            "contributors": [["title": options.contact, "role": "contact"]],
            "project": ["title": title, "samplingDesign": "systematicRandom", "captureMethod": ["activityDetection"],
                        "individualAnimals": true, "observationLevel": observed.isEmpty ? ["media"] : observed] as [String: Any],
            "spatial": ["type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]] as [String: Any],
            "temporal": ["start": days.first ?? today, "end": days.last ?? today],
            "taxonomic": species.map { ["scientificName": $0] },
            "sources": [["title": "Rosette"]],
        ]
        if let precision = options.policy.precisionDegrees { package["coordinatePrecision"] = precision }
        return try JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// A Data Package name: lower case letters, digits, '-', '.', '_'.
    static func slug(_ text: String) -> String {
        let s = text.lowercased().map { c -> Character in c.isLetter && c.isASCII || c.isNumber && c.isASCII || "-._".contains(c) ? c : "-" }
        let name = String(s).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return name.isEmpty ? "rosette-survey" : name
    }
}
