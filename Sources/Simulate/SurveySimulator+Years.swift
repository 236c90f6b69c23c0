import Foundation

/// What a multi-year simulation wrote.
public struct YearsRunSummary: Sendable {
    public var simulated: SimulatedYears
    /// Truth of every photo of every year (empty in histories-only mode).
    public var truth: [TruthRecord]
    public var photoCount: Int { truth.count }
}

extension SurveySimulator {
    /// Multi-year mode (`settings.dynamics` set): writes year 0's `secr/` and `histories.txt` as a single
    /// survey would, `secr-YYYY/` for every year, `deployments.csv` of all years, `individuals.csv`,
    /// `population-by-year.csv`, `cjs-histories.csv`, `evidence.csv`, `truth-summary.json` and
    /// `simulation.json` (and `road.geojson` with a road); with an `encoder`, also every year's photos under
    /// `photos/<station>/<camera>/<deploymentID>/`, `truth.csv` of all years and, with a road, `road-crossings.csv`
    /// (the true crossings of the road between independent events of 30 minutes, the census's default interval).
    @discardableResult
    public func writeYears(to directory: URL, encoder: (any PhotoEncoder)?,
                           progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> YearsRunSummary {
        if encoder != nil {
            let p = settings.photos
            guard p.width >= 64, p.height >= 48 else {
                throw SimulationError.invalidParameter(name: "photo size", value: "\(p.width)x\(p.height)", reason: "at least 64x48 pixels")
            }
        }
        let simulated = try simulateYears(historiesOnly: encoder == nil)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try simulated.surveys[0].histories.write(to: directory)
        for files in simulated.yearlySecrFiles() {
            let folder = directory.appendingPathComponent(files.folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try OutputFiles.write(files.capt, to: folder.appendingPathComponent("capt.txt"))
            try OutputFiles.write(files.trap, to: folder.appendingPathComponent("trap.txt"))
        }
        try OutputFiles.write(simulated.deploymentsCSV, to: directory.appendingPathComponent("deployments.csv"))
        var truth: [TruthRecord] = []
        if let encoder {
            let plans = simulated.surveys.map { $0.photoPlan(deploymentFolders: true) }
            let total = plans.reduce(0) { $0 + $1.count }
            var before = 0
            for (survey, plan) in zip(simulated.surveys, plans) {
                let offset = before
                truth += try survey.renderPhotos(to: directory.appendingPathComponent("photos"), encoder: encoder, plan: plan) { done, _ in
                    progress?(offset + done, total)
                }
                before += plan.count
            }
            var csv = TruthRecord.header + "\n"
            for row in truth { csv += row.csvLine + "\n" }
            try OutputFiles.write(csv, to: directory.appendingPathComponent("truth.csv"))
            if let crossings = simulated.roadCrossingsCSV(truth: truth) {
                try OutputFiles.write(crossings, to: directory.appendingPathComponent("road-crossings.csv"))
            }
        }
        if let road = simulated.roadGeoJSON { try OutputFiles.write(road, to: directory.appendingPathComponent("road.geojson")) }
        try OutputFiles.write(simulated.individualsCSV, to: directory.appendingPathComponent("individuals.csv"))
        try OutputFiles.write(simulated.populationByYearCSV, to: directory.appendingPathComponent("population-by-year.csv"))
        try OutputFiles.write(simulated.cjsHistoriesCSV, to: directory.appendingPathComponent("cjs-histories.csv"))
        try OutputFiles.write(simulated.evidenceCSV, to: directory.appendingPathComponent("evidence.csv"))
        try OutputFiles.writeJSON(simulated.truthSummary, to: directory.appendingPathComponent("truth-summary.json"))
        try simulated.writeRecord(to: directory.appendingPathComponent("simulation.json"), photoCount: encoder == nil ? nil : truth.count)
        return YearsRunSummary(simulated: simulated, truth: truth)
    }
}

extension SimulatedYears {
    /// simulation.json of a multi-year run: settings, stations, and per year its population and deployments.
    func writeRecord(to url: URL, photoCount: Int?) throws {
        struct Year: Encodable {
            var year: Int
            var startDate: String
            var population: Population
            var deployments: [Deployment]
            var animalsDetected: Int
            var detections: Int
        }
        struct Record: Encodable {
            var generator = "Rosette Simulate 1"
            var settings: SimulationSettings
            var stations: [Station]
            var years: [Year]
            var litters: [Litter]
            var photos: Int?
        }
        let years = zip(calendarYears, surveys).map { year, s in
            Year(year: year, startDate: s.settings.survey.startDate, population: s.population, deployments: s.survey.deployments,
                 animalsDetected: s.histories.animalsDetected, detections: s.survey.detections.count)
        }
        try OutputFiles.writeJSON(Record(settings: settings, stations: surveys[0].survey.stations, years: years,
                                         litters: history.litters, photos: photoCount), to: url)
    }
}

extension OutputFiles {
    /// Writes pretty, key-sorted JSON.
    static func writeJSON<T: Encodable>(_ value: T, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(value).write(to: url) } catch {
            throw SimulationError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
