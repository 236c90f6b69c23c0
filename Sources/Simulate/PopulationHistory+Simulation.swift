import Foundation

extension PopulationHistory {
    /// Runs the dynamics from `initial` (the year-0 population) through `surveys.count` yearly surveys.
    ///
    /// Between survey k and k+1 (deaths and emigration dated between the end of one and the start of the
    /// next): survival with hazard −ln s(sex, age) plus the road's hazard, the cause drawn in proportion to
    /// the hazards; ageing (cub → subadult at 1, subadult → adult at 2, dispersing then); then litters of
    /// 1–4 cubs, born in survey k+1's calendar year, to adult females alive at k+1.
    /// - Parameter surveys: per survey, its calendar year and true start and end (seconds since 1970 UTC).
    public static func simulate(initial: Population, settings: SimulationSettings, dynamics: DynamicsSettings,
                                surveys: [(year: Int, start: Double, end: Double)]) -> PopulationHistory {
        let region = settings.region
        let road = RoadLine(points: dynamics.road)
        let year0 = surveys[0].year
        var rng0 = SeededGenerator(seed: settings.seed, stream: "birth-years")
        var animals: [AnimalHistory] = initial.individuals.map { ind in
            let age = ind.ageClass == .cub ? 0 : ind.ageClass == .subadult ? 1 : 2 + rng0.integer(below: 9)
            let factor = ind.ageClass == .cub ? sexFactor(ind.sex) * rng0.uniform(0.94, 1.06) : ind.size / baseSize(ind.ageClass, cubSize: 0)
            return AnimalHistory(id: ind.id, sex: ind.sex, birthYear: year0 - age, motherID: ind.motherID, coatSeed: ind.coatSeed,
                                 sizeFactor: factor, firstYear: year0, lastYear: year0)
        }
        var cubSize = Dictionary(uniqueKeysWithValues: initial.individuals.filter { $0.ageClass == .cub }.map { ($0.id, $0.size) })
        var litters: [Litter] = Dictionary(grouping: initial.individuals.filter { $0.ageClass == .cub }, by: { $0.motherID ?? "" })
            .map { Litter(year: year0, motherID: $0.key, cubIDs: $0.value.map(\.id)) }
            .sorted { $0.cubIDs[0] < $1.cubIDs[0] }
        var alive = Array(animals.indices)
        var centre = initial.individuals.map(\.activityCentre)
        var snapshots = [initial]
        var nextNumber = initial.individuals.count + 1

        for k in 0..<(surveys.count - 1) {
            var rng = SeededGenerator(seed: settings.seed, stream: "dynamics", index: UInt64(k))
            let (year, nextYear) = (surveys[k].year, surveys[k + 1].year)
            let window = (surveys[k].end, surveys[k + 1].start)
            var survivors: [Int] = []
            for a in alive {
                let animal = animals[a]
                let here = centre[a]
                let base = -log(max(dynamics.survival(sex: animal.sex, ageClass: animal.ageClass(in: year)), 1e-12))
                let d = road.distance(to: here)
                let roadHazard = d.isFinite ? dynamics.roadKillRate * exp(-d * d / (2 * dynamics.roadSigma * dynamics.roadSigma)) : 0
                if !rng.bernoulli(exp(-(base + roadHazard))) {
                    let cause: DeathCause = rng.bernoulli(roadHazard / (base + roadHazard))
                        ? .roadKill : DeathCause.nonRoad[rng.choose(weights: dynamics.causeShares)]
                    let spread = cause == .roadKill ? dynamics.roadSigma : settings.detection.sigma(for: animal.sex)
                    var place = Point(x: here.x + rng.normal(sd: spread), y: here.y + rng.normal(sd: spread))
                    if cause == .roadKill { place = road.nearestPoint(to: place) }
                    animals[a].fate = .dead
                    animals[a].endTime = rng.uniform(window.0, window.1)
                    animals[a].deathCause = cause
                    animals[a].deathPlace = place
                    continue
                }
                if animal.ageClass(in: year) == .subadult, animal.ageClass(in: nextYear) == .adult {
                    let distance = rng.exponential(rate: 1 / dynamics.dispersalMean)
                    let angle = rng.uniform(-Double.pi, Double.pi)
                    let settled = Point(x: here.x + distance * cos(angle), y: here.y + distance * sin(angle))
                    guard region.isHabitat(settled) else {
                        animals[a].fate = .emigrated
                        animals[a].endTime = rng.uniform(window.0, window.1)
                        continue
                    }
                    centre[a] = settled
                }
                animals[a].lastYear = nextYear
                survivors.append(a)
            }
            var born: [Int] = []
            for m in survivors where animals[m].sex == .female && animals[m].ageClass(in: nextYear) == .adult {
                guard rng.bernoulli(settings.population.litterProbability) else { continue }
                let size = 1 + rng.choose(weights: dynamics.litterSizeWeights)
                var ids: [String] = []
                for _ in 0..<size {
                    let sex: Sex = rng.bernoulli(0.5) ? .male : .female
                    let cub = AnimalHistory(id: String(format: "L%02d", nextNumber), sex: sex, birthYear: nextYear,
                                            motherID: animals[m].id, coatSeed: rng.next(),
                                            sizeFactor: sexFactor(sex) * rng.uniform(0.94, 1.06), firstYear: nextYear, lastYear: nextYear)
                    cubSize[cub.id] = rng.uniform(0.5, 0.62)
                    nextNumber += 1
                    ids.append(cub.id)
                    animals.append(cub)
                    centre.append(centre[m])
                    born.append(animals.count - 1)
                }
                litters.append(Litter(year: nextYear, motherID: animals[m].id, cubIDs: ids))
            }
            alive = survivors + born
            let individuals = alive.map { a -> Individual in
                let animal = animals[a]
                let age = animal.ageClass(in: nextYear)
                return Individual(id: animal.id, sex: animal.sex, ageClass: age, activityCentre: centre[a],
                                  motherID: age == .cub ? animal.motherID : nil, coatSeed: animal.coatSeed,
                                  size: age == .cub ? cubSize[animal.id]! : animal.sizeFactor * baseSize(age, cubSize: 0))
            }
            snapshots.append(Population(individuals: individuals, habitatArea: initial.habitatArea))
        }
        return PopulationHistory(calendarYears: surveys.map(\.year), snapshots: snapshots, animals: animals, litters: litters)
    }

    /// Size of an average animal of the age class, relative to an adult (as ``Population/simulate``).
    static func baseSize(_ age: AgeClass, cubSize: Double) -> Double {
        switch age {
        case .adult: return 1
        case .subadult: return 0.82
        case .cub: return cubSize
        }
    }

    static func sexFactor(_ sex: Sex) -> Double { sex == .male ? 1.08 : 0.95 }
}
