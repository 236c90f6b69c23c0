import Foundation

extension Survey {
    /// Times every pass from the species' activity curves, adds cubs trailing their mothers, other
    /// species, people, vehicles and false triggers, and assigns the cameras that photograph each.
    static func makeEvents(settings: SimulationSettings, seed: UInt64, population: Population, survey: Survey,
                           passes: [(individual: Int, station: Int, day: Int)], usedDays: [[Int]],
                           cameraWorks: [[[Int]]]) -> [SurveyEvent] {
        var rng = SeededGenerator(seed: seed, stream: "events")
        let leopardActivity = ActivityPattern.nocturnalCrepuscular
        var events: [SurveyEvent] = []
        let cubSeen = Set(survey.detections.filter { population.individuals[$0.individualIndex].ageClass == .cub }
            .map { [$0.individualIndex, $0.stationIndex, $0.day] })

        for pass in passes {
            let time = survey.dayStart(pass.day) + leopardActivity.sampleSecondOfDay(using: &rng)
            let cameras = cameraWorks[pass.station][pass.day]
            events.append(SurveyEvent(stationIndex: pass.station, day: pass.day, time: time,
                                      subject: .leopard(pass.individual), deploymentIndices: cameras,
                                      appearanceSeed: rng.next()))
            let mother = population.individuals[pass.individual]
            var lag = 0.0
            for (c, cub) in population.individuals.enumerated() where cub.motherID == mother.id {
                guard cubSeen.contains([c, pass.station, pass.day]) else { continue }
                lag += rng.uniform(8, 50)
                let cubTime = min(time + lag, survey.dayStart(pass.day) + 86_399)
                events.append(SurveyEvent(stationIndex: pass.station, day: pass.day, time: cubTime,
                                          subject: .leopard(c), deploymentIndices: cameras, appearanceSeed: rng.next()))
            }
        }
        for (speciesIndex, species) in settings.otherSpecies.enumerated() where species.rate > 0 {
            for k in survey.stations.indices where !usedDays[k].isEmpty {
                let n = rng.poisson(mean: species.rate * Double(usedDays[k].count))
                for _ in 0..<n {
                    let day = usedDays[k][rng.integer(below: usedDays[k].count)]
                    let time = survey.dayStart(day) + species.activity.sampleSecondOfDay(using: &rng)
                    events.append(SurveyEvent(stationIndex: k, day: day, time: time, subject: .other(speciesIndex),
                                              deploymentIndices: cameraWorks[k][day], appearanceSeed: rng.next()))
                }
            }
        }
        for (d, deployment) in survey.deployments.enumerated() {
            let working = (0..<survey.days).filter { deployment.works(onDay: $0) }
            guard !working.isEmpty else { continue }
            let n = rng.poisson(mean: settings.photos.falseTriggersPerDay * Double(working.count))
            for _ in 0..<n {
                let day = working[rng.integer(below: working.count)]
                let time = survey.dayStart(day) + ActivityPattern.falseTrigger.sampleSecondOfDay(using: &rng)
                events.append(SurveyEvent(stationIndex: deployment.stationIndex, day: day, time: time, subject: .blank,
                                          deploymentIndices: [d], appearanceSeed: rng.next()))
            }
        }
        events.sort { ($0.time, $0.stationIndex) < ($1.time, $1.stationIndex) }
        return events
    }
}
