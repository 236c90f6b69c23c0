import Core
import Foundation
import Store

/// The yearly population table: minimum number known alive by life stage, new individuals, cubs with
/// known mothers, deaths, and animals seen on each side of a border (jurisdiction).
///
/// An individual counts as known alive in a year when it was detected that year. Its life stage that year
/// comes from the catalog's birth year when known (cub < 1 year, subadult 1–2, adult ≥ 2 for Amur leopards),
/// else from the catalog's or the photos' life-stage tag, else "unknown".
public struct PopulationSummary: Sendable, Equatable {
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var knownAlive: Int
        public var byStage: [String: Int]
        public var bySex: [String: Int]
        public var newIndividuals: Int
        public var cubsWithMother: Int
        public var deaths: [String]
        /// Individuals detected per jurisdiction, and those detected in more than one (border crossers).
        public var byJurisdiction: [String: Int]
        public var crossBorder: [String]
    }

    public var years: [Year]

    /// Builds the table from detections of one species, the catalog and the deployments' jurisdictions.
    public init(records: [DetectionRecord], catalog: [String: CatalogFacts], tagged: [String: (sex: String?, lifeStage: String?)],
                jurisdictions: [String: String], zone: ZoneSpec) {
        var firstYear: [String: Int] = [:]
        var seen: [Int: [String: Set<String>]] = [:]  // year → individual → jurisdictions
        for r in records {
            guard let id = r.individualID else { continue }
            let year = PopulationSummary.year(of: r.timestamp, zone: zone)
            firstYear[id] = min(firstYear[id] ?? year, year)
            seen[year, default: [:]][id, default: []].insert(jurisdictions[r.deploymentID] ?? "?")
        }
        var deathsByYear: [Int: [String]] = [:]
        for f in catalog.values { if let d = f.deathDate { deathsByYear[PopulationSummary.year(of: d, zone: zone), default: []].append(f.individualID) } }
        let allYears = Set(seen.keys).union(deathsByYear.keys).sorted()
        years = allYears.map { year in
            let individuals = seen[year] ?? [:]
            var stages: [String: Int] = [:], sexes: [String: Int] = [:], juris: [String: Int] = [:]
            var cubsWithMother = 0
            for (id, places) in individuals {
                let stage = PopulationSummary.stage(id, year: year, catalog: catalog, tagged: tagged)
                stages[stage, default: 0] += 1
                sexes[catalog[id]?.sex ?? tagged[id]?.sex ?? "unknown", default: 0] += 1
                if stage == "cub", catalog[id]?.motherID != nil { cubsWithMother += 1 }
                for j in places { juris[j, default: 0] += 1 }
            }
            let crossers = individuals.filter { $0.value.count > 1 }.map(\.key).sorted()
            return Year(year: year, knownAlive: individuals.count, byStage: stages, bySex: sexes,
                        newIndividuals: individuals.keys.filter { firstYear[$0] == year }.count, cubsWithMother: cubsWithMother,
                        deaths: (deathsByYear[year] ?? []).sorted(), byJurisdiction: juris, crossBorder: crossers)
        }
    }

    static func stage(_ id: String, year: Int, catalog: [String: CatalogFacts], tagged: [String: (sex: String?, lifeStage: String?)]) -> String {
        if let born = catalog[id]?.birthYear {
            let age = year - born
            return age < 1 ? "cub" : age < 2 ? "subadult" : "adult"
        }
        let label = (catalog[id]?.lifeStage ?? tagged[id]?.lifeStage ?? "unknown").lowercased()
        switch label {
        case "juvenile", "kitten", "cub": return "cub"
        case "subadult", "sub-adult", "young": return "subadult"
        case "adult": return "adult"
        default: return "unknown"
        }
    }

    static func year(of date: Date, zone: ZoneSpec) -> Int {
        Int(Timestamp.format(date, in: zone).prefix(4)) ?? 0
    }
}
