import Core
import Foundation
import Store

/// The yearly population table: for every year the survey covers, the individuals known alive by life stage
/// and sex, new individuals and new adults, litters and cubs per litter, deaths by cause and by jurisdiction,
/// and the animals seen on each side of a border (jurisdiction) and on both.
///
/// Known alive in a year: seen that year (a photo or other evidence), or seen both before and after it (a
/// recorded death counts as being seen on its day). Life stage in a year: from the catalog's birth year, else
/// from a stage observed on a date (a cub one year is a subadult the next and an adult after), else from
/// undated tags; otherwise "unknown". A detection after a recorded death is listed in `flags`, not dropped.
public struct PopulationSummary: Sendable, Equatable, Codable {
    public struct Year: Sendable, Equatable, Codable {
        public var year: Int
        public var knownAlive: Int
        /// Detected that year (the rest of `knownAlive` were seen before and after it).
        public var seen: Int
        public var byStage: [String: Int]
        public var bySex: [String: Int]
        public var newIndividuals: Int
        /// Adults that year not known as adults in an earlier year (recruits and first-seen adults).
        public var newAdults: Int
        public var cubsWithMother: Int
        /// Litters born that year (a mother's cubs of one birth year) and their cubs.
        public var litters: [Litter]
        public var deaths: [String]
        public var deathsByCause: [String: Int]
        public var deathsByJurisdiction: [String: Int]
        /// Individuals detected per jurisdiction, and those detected in more than one (border crossers).
        public var byJurisdiction: [String: Int]
        public var crossBorder: [String]
        /// Problems to look at: detections after a recorded death.
        public var flags: [String]

        public var cubsPerLitter: Double? {
            litters.isEmpty ? nil : Double(litters.reduce(0) { $0 + $1.cubs.count }) / Double(litters.count)
        }
    }

    /// One time an individual was known to be somewhere: a camera detection or other evidence.
    public struct Sighting: Sendable, Equatable {
        public var individualID: String
        public var timestamp: Date
        /// The jurisdiction of the place (nil when not known).
        public var jurisdiction: String?
        public var method: String

        public init(individualID: String, timestamp: Date, jurisdiction: String?, method: String = "camera") {
            self.individualID = individualID
            self.timestamp = timestamp
            self.jurisdiction = jurisdiction
            self.method = method
        }
    }

    public var years: [Year]

    /// Builds the table from detections of one species, the catalog and the deployments' jurisdictions.
    ///
    /// - Parameters:
    ///   - records: camera detections (only those with an individual count); `evidence`: other sightings.
    ///   - tagged: sex and life stage tagged on photos, used where the catalog has none.
    ///   - jurisdictions: deploymentID → jurisdiction; `places`: station (locationID or name) → jurisdiction, for deaths.
    ///   - covering: the years the survey covers (its deployments); years with sightings or deaths are added.
    public init(records: [DetectionRecord], evidence: [Sighting] = [], catalog: [String: CatalogFacts],
                tagged: [String: (sex: String?, lifeStage: String?)], jurisdictions: [String: String], places: [String: String] = [:],
                zone: ZoneSpec, covering: ClosedRange<Int>? = nil) {
        var facts = catalog
        for (id, t) in tagged {
            var f = facts[id] ?? CatalogFacts(individualID: id)
            if f.sex == nil { f.sex = t.sex }
            if f.lifeStage == nil { f.lifeStage = t.lifeStage }
            facts[id] = f
        }
        let sightings = records.compactMap { r in
            r.individualID.map { Sighting(individualID: $0, timestamp: r.timestamp, jurisdiction: jurisdictions[r.deploymentID] ?? "?") }
        } + evidence
        let year = { (d: Date) in PopulationSummary.year(of: d, zone: zone) }
        var seen: [Int: [String: Set<String>]] = [:]  // year → individual → jurisdictions
        var span: [String: (first: Int, last: Int)] = [:]
        for s in sightings {
            let y = year(s.timestamp)
            var places = seen[y, default: [:]][s.individualID, default: []]
            if let j = s.jurisdiction { places.insert(j) }
            seen[y, default: [:]][s.individualID] = places
            let old = span[s.individualID]
            span[s.individualID] = (min(old?.first ?? y, y), max(old?.last ?? y, y))
        }
        var deathsByYear: [Int: [CatalogFacts]] = [:]
        var flags: [Int: [String]] = [:]
        for f in facts.values where f.mergedInto == nil {
            guard let d = f.deathDate else { continue }
            let y = year(d)
            deathsByYear[y, default: []].append(f)
            let old = span[f.individualID]
            span[f.individualID] = (min(old?.first ?? y, y), max(old?.last ?? y, y))
        }
        for s in sightings {
            if let died = facts[s.individualID]?.deathDate, s.timestamp > died.addingTimeInterval(86_400) {
                flags[year(s.timestamp), default: []].append("\(s.individualID) \(s.method) on \(Timestamp.format(s.timestamp, in: zone).prefix(10)), after its death on \(Timestamp.format(died, in: zone).prefix(10))")
            }
        }
        let littersByYear = Dictionary(grouping: Litter.group(Array(facts.values)), by: \.birthYear)
        var allYears = Set(seen.keys).union(deathsByYear.keys)
        if let covering { allYears.formUnion(covering) }
        var knownAdult: Set<String> = []
        years = allYears.sorted().map { y in
            let detected = seen[y] ?? [:]
            var alive = Set(detected.keys)
            for (id, s) in span where s.first < y && s.last > y { alive.insert(id) }
            for f in deathsByYear[y] ?? [] where (span[f.individualID]?.first ?? y) <= y { alive.insert(f.individualID) }
            var stages: [String: Int] = [:], sexes: [String: Int] = [:], juris: [String: Int] = [:]
            var cubsWithMother = 0, newAdults = 0
            for id in alive {
                let f = facts[id] ?? CatalogFacts(individualID: id)
                let stage = f.stage(in: y)
                stages[stage?.rawValue ?? "unknown", default: 0] += 1
                sexes[f.sex ?? "unknown", default: 0] += 1
                if stage == .cub, f.motherID != nil { cubsWithMother += 1 }
                if stage == .adult, knownAdult.insert(id).inserted { newAdults += 1 }
            }
            for places in detected.values { for j in places { juris[j, default: 0] += 1 } }
            let dead = (deathsByYear[y] ?? []).sorted { $0.individualID < $1.individualID }
            var byCause: [String: Int] = [:], deathJuris: [String: Int] = [:]
            for f in dead {
                byCause[f.deathCause ?? "unknown", default: 0] += 1
                deathJuris[f.deathPlace?.locationID.flatMap { places[$0] } ?? "?", default: 0] += 1
            }
            return Year(year: y, knownAlive: alive.count, seen: detected.count, byStage: stages, bySex: sexes,
                        newIndividuals: alive.filter { span[$0]?.first == y }.count, newAdults: newAdults, cubsWithMother: cubsWithMother,
                        litters: littersByYear[y] ?? [], deaths: dead.map(\.individualID), deathsByCause: byCause,
                        deathsByJurisdiction: deathJuris, byJurisdiction: juris,
                        crossBorder: detected.filter { $0.value.count > 1 }.map(\.key).sorted(), flags: flags[y] ?? [])
        }
    }

    /// The calendar year of a moment in the survey's time zone.
    public static func year(of date: Date, zone: ZoneSpec) -> Int {
        Int(Timestamp.format(date, in: zone).prefix(4)) ?? 0
    }
}
