import Core
import Foundation
import Store

/// Everything the yearly census report shows, computed from a survey.
///
/// Effort and RAI cover all species in the year; the population table, SECR estimate, map and activity
/// curve are for the focal species (default: the Amur leopard). With `generaliseMetres` set, station
/// positions are snapped to a grid of that size before they reach the report (sensitive locations).
public struct CensusReport: Sendable {
    public struct SpeciesLine: Sendable { public var species: String; public var events: Int; public var rai: Double; public var stations: Int }
    public struct StationLine: Sendable { public var station: String; public var jurisdiction: String; public var cameraDays: Double; public var detections: Int; public var x: Double; public var y: Double }
    public struct SECRLine: Sendable {
        public var year: Int
        public var fit: SECRFit?
        public var failure: String?
        public init(year: Int, fit: SECRFit?, failure: String?) { (self.year, self.fit, self.failure) = (year, fit, failure) }
        /// Animals in the habitat mask, D̂ × mask area, with the CI scaled alike.
        public var abundance: Estimate? {
            guard let fit else { return nil }
            let a = fit.maskAreaHectares
            return Estimate(estimate: fit.density.estimate * a, se: fit.density.se * a, lcl: fit.density.lcl * a, ucl: fit.density.ucl * a)
        }
    }

    public var surveyName: String
    public var species: String
    public var year: Int
    public var zone: ZoneSpec
    public var generated: Date
    public var cameraDays: Double
    public var deployments: Int
    public var speciesLines: [SpeciesLine]
    public var stations: [StationLine]
    public var population: PopulationSummary
    public var secr: [SECRLine]
    /// The focal year's home ranges, SECR activity centres and overlaps (nil when SECR could not be fitted).
    public var territories: TerritoryYear?
    /// Apparent survival between yearly surveys: the CJS model with the lowest AICc of the four standard ones.
    public var survival: CJSFit?
    public var survivalFailure: String?
    /// The log-linear trend (λ per year) of the yearly SECR densities.
    public var trend: PopulationTrend?
    public var trendFailure: String?
    public var activity: [(name: String, hours: [Double], density: [Double], events: Int)]
    public var generaliseMetres: Double?
    public var independenceMinutes: Double
    public var secrSettings: String

    /// Builds the report for `year` from a survey.
    public static func build(store: SurveyStore, species: String, year: Int, versus: String? = nil, buffer: Double = 7500,
                             detectionFunction: DetectionFunction = .hazardHalfNormal, generaliseMetres: Double? = nil) throws -> CensusReport {
        let zone = try ZoneSpec(store.settings.timeZone)
        let deployments = try store.deployments(), malfunctions = try store.malfunctions()
        let yearStart = Timestamp.parse("\(year)-01-01", defaultZone: zone)!, yearEnd = Timestamp.parse("\(year)-12-31", defaultZone: zone, endOfDay: true)!
        let inYear = deployments.filter { $0.deploymentEnd >= yearStart && $0.deploymentStart <= yearEnd }
        let from = max(yearStart, inYear.map(\.deploymentStart).min() ?? yearStart)
        let to = min(yearEnd, inYear.map(\.deploymentEnd).max() ?? yearEnd)
        let operation = CameraOperation(deployments: inYear, malfunctions: malfunctions, zone: zone, from: from, to: to)
        let minutes = store.settings.independenceMinutes
        let all = try store.detectionRecords(from: from, to: to)
        let events = IndependentEvent.group(all, minutes: minutes)
        var lines: [SpeciesLine] = []
        for (name, group) in Dictionary(grouping: events, by: \.species) {
            lines.append(SpeciesLine(species: name, events: group.count, rai: Double(group.count) / max(operation.totalCameraDays, 1e-9) * 100,
                                     stations: Set(group.map(\.station)).count))
        }
        lines.sort { $0.events > $1.events }

        let focal = all.filter { $0.species.lowercased() == species.lowercased() }
        let histories = SurveyHistories(records: focal, deployments: inYear, operation: operation)
        var stationLines: [StationLine] = []
        let jurisdiction = Dictionary(deployments.map { ($0.deploymentID, $0.jurisdiction ?? "?") }, uniquingKeysWith: { a, _ in a })
        for (k, id) in histories.histories.traps.ids.enumerated() {
            let deps = operation.stations[id] ?? []
            var x = histories.histories.traps.x[k], y = histories.histories.traps.y[k]
            if let g = generaliseMetres { x = (x / g).rounded(.down) * g + g / 2; y = (y / g).rounded(.down) * g + g / 2 }
            stationLines.append(StationLine(station: generaliseMetres == nil ? id : "cell \(Int(x / 1000)),\(Int(y / 1000)) km",
                                            jurisdiction: deps.compactMap { jurisdiction[$0] }.first ?? "?",
                                            cameraDays: deps.reduce(0) { $0 + operation.cameraDays(deploymentID: $1) },
                                            detections: focal.filter { $0.station == id }.count, x: x, y: y))
        }

        let evidence = try store.locatedEvidence()
        let focalAllYears = try store.detectionRecords(species: species)
        let population = try PopulationSummary.build(store: store, species: species, zone: zone,
                                                     evidence: EvidenceLocations.sightings(evidence, deployments: deployments),
                                                     records: focalAllYears)
        var secr: [SECRLine] = []
        for y in population.years.map(\.year) where population.years.first(where: { $0.year == y })!.seen > 0 {
            secr.append(try fitYear(store: store, species: species, year: y, zone: zone, deployments: deployments,
                                    malfunctions: malfunctions, buffer: buffer, detectionFunction: detectionFunction))
        }

        var curves: [(String, [Double], [Double], Int)] = []
        for name in [species] + (versus.map { [$0] } ?? []) {
            let angles = IndependentEvent.group(all.filter { $0.species.lowercased() == name.lowercased() }, minutes: minutes).map { e -> Double in
                let t = e.first.timestamp.timeIntervalSince1970 + Double(zone.offset(at: e.first.timestamp))
                return CircularKernel.angle(secondsSinceMidnight: t.truncatingRemainder(dividingBy: 86400))
            }
            guard let bw = CircularKernel.bandwidth(angles) else { continue }
            let hours = (0...96).map { Double($0) / 4 }
            curves.append((name, hours, CircularKernel.density(of: angles, kappa: bw, at: hours.map { $0 / 24 * 2 * .pi }), angles.count))
        }
        var territories: TerritoryYear?
        if let fit = secr.first(where: { $0.year == year })?.fit {
            let t = try? TerritoryYear.build(store: store, species: species, year: year, buffer: buffer, detectionFunction: detectionFunction, fit: fit)
            territories = t.map { $0.adding(EvidenceLocations.detections(evidence, year: year, zone: zone, projection: $0.projection)) }
        }
        var survival: CJSFit?, survivalFailure: String?, trend: PopulationTrend?, trendFailure: String?
        do {
            let data = try CJSData.fromSurvey(records: focalAllYears, zone: zone,
                                              years: CJSData.surveyYears(deployments: deployments, zone: zone))
            let fits = CJSModelComparison.table(data: data, models: CJSModel.standard).compactMap { try? $0.outcome.get() }
            survival = fits.min { $0.aicc < $1.aicc }
            if survival == nil { survivalFailure = "no survival model could be fitted" }
        } catch {
            survivalFailure = "\(error)"
        }
        do {
            trend = try PopulationTrend(points: secr.compactMap { line in line.fit.map { (line.year, $0.densityPer100SquareKilometres) } })
        } catch {
            trendFailure = "\(error)"
        }
        return CensusReport(surveyName: store.settings.name, species: species, year: year, zone: zone, generated: Date(),
                            cameraDays: operation.totalCameraDays, deployments: inYear.count, speciesLines: lines, stations: stationLines,
                            population: population, secr: secr, territories: territories, survival: survival,
                            survivalFailure: survivalFailure, trend: trend, trendFailure: trendFailure, activity: curves,
                            generaliseMetres: generaliseMetres,
                            independenceMinutes: minutes,
                            secrSettings: "proximity detectors (stations), \(detectionFunction.rawValue) detection function, buffer \(Int(buffer)) m, daily occasions, full likelihood")
    }

    /// Fits SECR (proximity detectors at stations, daily occasions, full likelihood) to one calendar year of
    /// the survey; a year that cannot be fitted comes back with its `failure`.
    public static func fitYear(store: SurveyStore, species: String, year: Int, zone: ZoneSpec, deployments: [Deployment],
                        malfunctions: [String: [Malfunction]], buffer: Double, detectionFunction: DetectionFunction) throws -> SECRLine {
        let start = Timestamp.parse("\(year)-01-01", defaultZone: zone)!, end = Timestamp.parse("\(year)-12-31", defaultZone: zone, endOfDay: true)!
        let inYear = deployments.filter { $0.deploymentEnd >= start && $0.deploymentStart <= end }
        guard !inYear.isEmpty else { return SECRLine(year: year, fit: nil, failure: "no deployments that year") }
        let operation = CameraOperation(deployments: inYear, malfunctions: malfunctions, zone: zone,
                                        from: max(start, inYear.map(\.deploymentStart).min()!), to: min(end, inYear.map(\.deploymentEnd).max()!))
        let records = try store.detectionRecords(species: species, from: start, to: end)
        let h = SurveyHistories(records: records, deployments: inYear, operation: operation).histories
        do {
            let mask = try HabitatMask.trapBuffer(traps: h.traps, buffer: buffer)
            let fit = try SECRModel(detector: .proximity, detectionFunction: detectionFunction).fit(h, mask: mask)
            return SECRLine(year: year, fit: fit, failure: nil)
        } catch {
            return SECRLine(year: year, fit: nil, failure: "\(error)")
        }
    }
}
