import Foundation

extension Survey {
    /// Simulates the deployments (malfunctions, clock errors), leopard detections from the hazard
    /// half-normal model, and — unless `historiesOnly` — timed passes of leopards, cubs, other
    /// species, people, vehicles and false triggers.
    /// - Parameters:
    ///   - yearIndex: survey year of a multi-year simulation (0 draws exactly the single-year streams;
    ///     later years draw from streams of their own).
    ///   - deploymentSuffix: appended to every deployment id (`S01-A` + `-2025`).
    public static func simulate(settings: SimulationSettings, population: Population, stations: [Station],
                                historiesOnly: Bool = false, yearIndex: Int = 0, deploymentSuffix: String = "") throws -> Survey {
        let s = settings.survey
        guard s.days > 0 else {
            throw SimulationError.invalidParameter(name: "days", value: String(s.days), reason: "a survey needs at least one day")
        }
        guard let startDay = CivilTime.parseDate(s.startDate) else {
            throw SimulationError.invalidParameter(name: "start date", value: s.startDate, reason: "expected YYYY-MM-DD")
        }
        let offset = s.utcOffsetHours * 3600
        let startTime = Double(startDay) * 86_400 - Double(offset)
        let seed = yearIndex == 0 ? settings.seed : SeededGenerator.mix(settings.seed, SeededGenerator.hash("year"), UInt64(yearIndex))
        let deployments = makeDeployments(settings: settings, seed: seed, stations: stations, startTime: startTime, suffix: deploymentSuffix)
        var usage = Array(repeating: Array(repeating: UInt8(0), count: s.days), count: stations.count)
        var cameraWorks = Array(repeating: Array(repeating: [Int](), count: s.days), count: stations.count)
        for (d, dep) in deployments.enumerated() {
            for day in 0..<s.days where dep.works(onDay: day) {
                usage[dep.stationIndex][day] = 1
                cameraWorks[dep.stationIndex][day].append(d)
            }
        }
        let usedDays = usage.map { row in row.indices.filter { row[$0] == 1 } }

        // Leopard passes: per animal and station, Poisson(λ0·exp(−d²/2σ²)) per working day, drawn as one
        // Poisson total over the station's working days split uniformly among them (same distribution).
        var rng = SeededGenerator(seed: seed, stream: "detections")
        let lambda0 = settings.detection.lambda0
        var detections: [Detection] = []
        var passes: [(individual: Int, station: Int, day: Int)] = []
        for (i, animal) in population.individuals.enumerated() where animal.ageClass != .cub {
            let sigma = settings.detection.sigma(for: animal.sex)
            var byStationDay: [Int: Int] = [:]
            for (k, station) in stations.enumerated() where !usedDays[k].isEmpty {
                let h = lambda0 * exp(-animal.activityCentre.distanceSquared(to: station.position) / (2 * sigma * sigma))
                let total = rng.poisson(mean: h * Double(usedDays[k].count))
                for _ in 0..<total {
                    let day = usedDays[k][rng.integer(below: usedDays[k].count)]
                    byStationDay[k * s.days + day, default: 0] += 1
                }
            }
            for key in byStationDay.keys.sorted() {
                let (k, day) = (key / s.days, key % s.days)
                detections.append(Detection(individualIndex: i, stationIndex: k, day: day, count: byStationDay[key]!))
                for _ in 0..<byStationDay[key]! { passes.append((i, k, day)) }
                // Cubs walk with their mother: each is seen with her with probability cubPresence.
                for (c, cub) in population.individuals.enumerated() where cub.motherID == animal.id {
                    if rng.bernoulli(settings.population.cubPresence) {
                        detections.append(Detection(individualIndex: c, stationIndex: k, day: day, count: byStationDay[key]!))
                    }
                }
            }
        }
        detections.sort { ($0.individualIndex, $0.day, $0.stationIndex) < ($1.individualIndex, $1.day, $1.stationIndex) }

        var survey = Survey(stations: stations, deployments: deployments, days: s.days, startTime: startTime,
                            utcOffsetSeconds: offset, usage: usage, detections: detections, events: [])
        if !historiesOnly {
            survey.events = makeEvents(settings: settings, seed: seed, population: population, survey: survey,
                                       passes: passes, usedDays: usedDays, cameraWorks: cameraWorks)
        }
        return survey
    }

    private static func makeDeployments(settings: SimulationSettings, seed: UInt64, stations: [Station], startTime: Double,
                                        suffix: String) -> [Deployment] {
        var rng = SeededGenerator(seed: seed, stream: "deployments")
        let s = settings.survey
        var deployments: [Deployment] = []
        for (k, station) in stations.enumerated() {
            for camera in station.cameraIDs {
                var malfunction: [Int] = []
                if s.days > 1, rng.bernoulli(s.malfunctionProbability) {
                    let first = 1 + rng.integer(below: s.days - 1)
                    let length = 1 + Int(rng.exponential(rate: 1 / max(1, s.meanMalfunctionDays)))
                    malfunction = Array(first..<min(s.days, first + length))
                }
                var clock = 0
                if !s.clockOffsets.isEmpty, rng.bernoulli(s.clockErrorFraction) {
                    clock = s.clockOffsets[rng.integer(below: s.clockOffsets.count)]
                }
                let serial = String(format: "H2%08d", rng.integer(below: 100_000_000))
                deployments.append(Deployment(id: "\(station.id)-\(camera)\(suffix)", stationIndex: k, stationID: station.id,
                                              cameraID: camera, start: startTime, end: startTime + Double(s.days) * 86_400,
                                              malfunctionDays: malfunction, clockOffset: clock,
                                              make: s.cameraMake, model: s.cameraModel, serialNumber: serial))
            }
        }
        return deployments
    }
}
