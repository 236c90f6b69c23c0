import Core
import Foundation

extension CensusReport {
    /// Writes report.html, report.md, figures/*.svg and the CSV tables into `directory`.
    public func write(to directory: URL) throws -> [URL] {
        let fm = FileManager.default
        let figures = directory.appendingPathComponent("figures")
        try fm.createDirectory(at: figures, withIntermediateDirectories: true)
        var written: [URL] = []
        func save(_ text: String, _ name: String) throws {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            written.append(url)
        }
        let svgs = figuresSVG()
        for (name, svg) in svgs { try save(svg, "figures/\(name).svg") }
        try save(csv(["species", "independent_events", "rai_per_100_camera_days", "stations"],
                     speciesLines.map { [$0.species, String($0.events), String(format: "%.3f", $0.rai), String($0.stations)] }), "events.csv")
        try save(csv(["station", "jurisdiction", "camera_days", "detections", "x_m", "y_m"],
                     stations.map { [$0.station, $0.jurisdiction, String(format: "%.2f", $0.cameraDays), String($0.detections),
                                     String(format: "%.0f", $0.x), String(format: "%.0f", $0.y)] }), "stations.csv")
        try save(csv(["year", "known_alive", "seen", "adults", "subadults", "cubs", "unknown_stage", "females", "males", "new", "new_adults",
                      "cubs_with_mother", "litters", "cubs_born", "cubs_per_litter", "deaths", "deaths_by_cause", "deaths_by_jurisdiction",
                      "by_jurisdiction", "border_crossers", "flags", "secr_N", "secr_N_lcl", "secr_N_ucl", "D_per_100km2", "D_lcl", "D_ucl"],
                     population.years.map { y in
                         let s = secr.first { $0.year == y.year }
                         let n = s?.abundance, d = s?.fit?.densityPer100SquareKilometres
                         return [String(y.year), String(y.knownAlive), String(y.seen), String(y.byStage["adult"] ?? 0),
                                 String(y.byStage["subadult"] ?? 0), String(y.byStage["cub"] ?? 0), String(y.byStage["unknown"] ?? 0),
                                 String(y.bySex["female"] ?? 0), String(y.bySex["male"] ?? 0), String(y.newIndividuals), String(y.newAdults),
                                 String(y.cubsWithMother), String(y.litters.count), String(y.litters.reduce(0) { $0 + $1.cubs.count }),
                                 y.cubsPerLitter.map { String(format: "%.2f", $0) } ?? "", y.deaths.joined(separator: " "),
                                 Self.counts(y.deathsByCause), Self.counts(y.deathsByJurisdiction), Self.counts(y.byJurisdiction),
                                 y.crossBorder.joined(separator: " "), y.flags.joined(separator: "; "),
                                 n.map { String(format: "%.1f", $0.estimate) } ?? "", n.map { String(format: "%.1f", $0.lcl) } ?? "",
                                 n.map { String(format: "%.1f", $0.ucl) } ?? "", d.map { String(format: "%.3f", $0.estimate) } ?? "",
                                 d.map { String(format: "%.3f", $0.lcl) } ?? "", d.map { String(format: "%.3f", $0.ucl) } ?? ""]
                     }), "population.csv")
        try save(populationJSON(), "population.json")
        try save(markdown(), "report.md")
        try save(html(svgs), "report.html")
        return written
    }

    func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(RecordTable.quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    func figuresSVG() -> [(String, String)] {
        let map = SVGChart.stationMap(stations.map { .init(label: $0.station, x: $0.x, y: $0.y, count: $0.detections, group: $0.jurisdiction) },
                                      title: "\(species): detections per \(generaliseMetres == nil ? "station" : "grid cell"), \(year)")
        let activityFigure = SVGChart.activity(activity.map { ($0.name + " (\($0.events) events)", $0.hours, $0.density) },
                                               title: "Daily activity (kernel density of independent events)")
        let trend = SVGChart.trend(population.years.map { y in
            let n = secr.first { $0.year == y.year }?.abundance
            return (y.year, y.knownAlive, n?.estimate, n?.lcl, n?.ucl)
        }, title: "\(species): minimum known alive and SECR estimate by year")
        var figures = [("stations", map), ("activity", activityFigure), ("trend", trend), ("density-trend", densityTrendSVG())]
        if let territories {
            figures.append(("territories", TerritoryMap.svg(territories, disclosure: LocationDisclosure.forRole(seesExactLocations: true,
                                                                                                                 generaliseMetres: generaliseMetres))))
        }
        return figures
    }

    var thisYear: PopulationSummary.Year? { population.years.first { $0.year == year } }
    var thisSECR: SECRLine? { secr.first { $0.year == year } }

    /// The headline sentence, e.g. "11 individuals known alive in 2024 (8 adults, …); SECR estimate 16 (95% CI 9–29)".
    public var headline: String {
        guard let y = thisYear else { return "No \(species) individuals were identified in \(year)." }
        var s = "\(y.knownAlive) individuals known alive in \(year) (\(y.byStage["adult"] ?? 0) adults, \(y.byStage["subadult"] ?? 0) subadults, "
            + "\(y.byStage["cub"] ?? 0) cubs, \(y.byStage["unknown"] ?? 0) of unknown age)"
        if let n = thisSECR?.abundance, let d = thisSECR?.fit?.densityPer100SquareKilometres {
            s += String(format: "; SECR estimate %.0f in the habitat mask (95%% CI %.0f–%.0f), density %.2f per 100 km² (%.2f–%.2f)",
                        n.estimate, n.lcl, n.ucl, d.estimate, d.lcl, d.ucl)
        }
        return s + "."
    }

    public func populationRows() -> [[String]] {
        var rows: [[String]] = []
        for y in population.years {
            var estimate = ""
            if let line = secr.first(where: { $0.year == y.year }) {
                if let n = line.abundance {
                    estimate = String(format: "%.0f (%.0f–%.0f)", n.estimate, n.lcl, n.ucl)
                } else if line.failure != nil {
                    estimate = "not fitted"
                }
            }
            let litters = y.litters.isEmpty ? "0" : "\(y.litters.count) (" + String(format: "%.1f", y.cubsPerLitter ?? 0) + " cubs each)"
            rows.append([String(y.year), String(y.knownAlive), String(y.byStage["adult"] ?? 0), String(y.byStage["subadult"] ?? 0),
                         String(y.byStage["cub"] ?? 0), String(y.byStage["unknown"] ?? 0), String(y.newAdults), litters,
                         String(y.cubsWithMother), y.deaths.isEmpty ? "0" : "\(y.deaths.count): " + Self.counts(y.deathsByCause),
                         Self.counts(y.byJurisdiction), String(y.crossBorder.count), estimate])
        }
        return rows
    }

    public static let populationHeader = ["year", "known alive", "adults", "subadults", "cubs", "unknown age", "new adults", "litters",
                                   "cubs with mother", "deaths by cause", "by jurisdiction", "in both", "SECR N̂ (95% CI)"]

    /// `key n, key n` in key order.
    static func counts(_ d: [String: Int]) -> String {
        d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// The population table and the yearly SECR estimates as JSON (as `census report --format json` prints).
    public func populationJSON() throws -> String {
        struct Line: Encodable {
            var population: PopulationSummary.Year
            var cubsPerLitter: Double?
            var secrDensityPer100km2: Estimate?
            var secrAbundance: Estimate?
            var secrFailure: String?
        }
        struct Rate: Encodable { var label: String; var group: String?; var value: Estimate }
        struct Survival: Encodable { var model: String; var logLik: Double; var AICc: Double; var phi: [Rate]; var p: [Rate] }
        struct Document: Encodable { var species: String; var years: [Line]; var survival: Survival?; var lambda: Estimate?; var notes: [String] }
        let lines = population.years.map { y in
            let s = secr.first { $0.year == y.year }
            return Line(population: y, cubsPerLitter: y.cubsPerLitter, secrDensityPer100km2: s?.fit?.densityPer100SquareKilometres,
                        secrAbundance: s?.abundance, secrFailure: s?.failure)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let survival = self.survival.map { s in
            Survival(model: s.name, logLik: s.logLik, AICc: s.aicc, phi: s.phi.map { Rate(label: $0.label, group: $0.group, value: $0.value) },
                     p: s.p.map { Rate(label: $0.label, group: $0.group, value: $0.value) })
        }
        let document = Document(species: species, years: lines, survival: survival, lambda: trend?.lambda, notes: survivalLines())
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    func methods() -> [String] {
        var m = ["Effort: camera-days per deployment from deployment dates minus malfunction periods (fractions of days counted).",
                 "Independent events: records of a species at a station more than \(Int(independenceMinutes)) min after the previous record.",
                 "RAI: independent events per 100 camera-days.",
                 "Known alive: individuals identified that year (photos or other evidence), or seen both before and after it (a recorded death counts as seen); life stage from the birth year (cub < 1, subadult 1–2, adult ≥ 2 years), else from a stage observed on a date, else tags. Litters: a mother's cubs of one birth year. Detections after a recorded death are flagged.",
                 "SECR: maximum likelihood (Borchers & Efford 2008) with \(secrSettings); Wald intervals on the log scale; N̂ = D̂ × mask area.",
                 "Activity: von Mises kernel density of clock times of independent events (bandwidth after Ridout & Linkie 2009)."]
        if let g = generaliseMetres { m.append("Locations generalised to a \(Int(g / 1000)) km grid; station names withheld.") }
        return m
    }
}
