import Foundation

/// Entry point of the simulator: population → stations → survey → histories (→ photos).
///
/// Every stage is a pure function of the settings (and its seed); each returns a value type the
/// census module can consume directly.
public struct SurveySimulator: Sendable {
    public var settings: SimulationSettings

    public init(settings: SimulationSettings) {
        self.settings = settings
    }

    /// The leopard population.
    public func population() -> Population {
        Population.simulate(settings: settings.population, region: settings.region, seed: settings.seed)
    }

    /// The camera stations.
    public func stations() throws -> [Station] {
        try Station.layout(settings: settings.layout, region: settings.region, seed: settings.seed)
    }

    /// Population, stations and survey in one call.
    public func simulate(historiesOnly: Bool = false) throws -> SimulatedSurvey {
        let population = population()
        let stations = try stations()
        let survey = try Survey.simulate(settings: settings, population: population, stations: stations,
                                         historiesOnly: historiesOnly)
        return SimulatedSurvey(settings: settings, population: population, survey: survey,
                               histories: CaptureHistories(survey: survey, population: population))
    }

    /// Settings of replicate `index` (1-based): the same design with a seed derived from the base seed.
    public func replicate(_ index: Int) -> SurveySimulator {
        var s = settings
        s.seed = SeededGenerator.mix(settings.seed, SeededGenerator.hash("replicate"), UInt64(index))
        return SurveySimulator(settings: s)
    }

    /// Design-only mode: writes capt/trap/histories, deployments.csv and simulation.json, no images.
    @discardableResult
    public func writeHistories(to directory: URL) throws -> SimulatedSurvey {
        let result = try simulate(historiesOnly: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try result.histories.write(to: directory)
        try OutputFiles.write(result.survey.deploymentsCSV(origin: settings.origin, timezone: settings.survey.timezone),
                              to: directory.appendingPathComponent("deployments.csv"))
        try result.writeRecord(to: directory.appendingPathComponent("simulation.json"))
        return result
    }
}

/// A simulated survey with its truth.
public struct SimulatedSurvey: Sendable, Equatable {
    public var settings: SimulationSettings
    public var population: Population
    public var survey: Survey
    public var histories: CaptureHistories

    /// Expected number of detections (animal-station-days) of independent animal `i` under the model,
    /// given the realised usage: Σ_k Σ_days usage·(1 − exp(−h_k)).
    public func expectedDetections(ofIndividual i: Int) -> Double {
        let animal = population.individuals[i]
        let sigma = settings.detection.sigma(for: animal.sex)
        var total = 0.0
        for (k, station) in survey.stations.enumerated() {
            let h = settings.detection.lambda0 * exp(-animal.activityCentre.distanceSquared(to: station.position) / (2 * sigma * sigma))
            let used = survey.usage[k].reduce(0) { $0 + Int($1) }
            total += Double(used) * (1 - exp(-h))
        }
        return total
    }

    /// Writes simulation.json: settings (with seed), population, stations and deployments with clock errors.
    public func writeRecord(to url: URL, photoCount: Int? = nil) throws {
        struct Record: Encodable {
            var generator = "Rosette Simulate 1"
            var settings: SimulationSettings
            var population: Population
            var stations: [Station]
            var deployments: [Deployment]
            var animalsDetected: Int
            var detections: Int
            var photos: Int?
        }
        let record = Record(settings: settings, population: population, stations: survey.stations,
                            deployments: survey.deployments, animalsDetected: histories.animalsDetected,
                            detections: survey.detections.count, photos: photoCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(record).write(to: url) } catch {
            throw SimulationError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
