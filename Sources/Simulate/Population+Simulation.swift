import Foundation

extension Population {
    /// Draws a population: N independent animals (fixed or Poisson from the density), uniform
    /// activity centres in habitat, sex and age class, and litters that share their mother's centre.
    public static func simulate(settings: PopulationSettings, region: Region, seed: UInt64) -> Population {
        var rng = SeededGenerator(seed: seed, stream: "population")
        let area = region.habitatArea
        let n = settings.count ?? rng.poisson(mean: settings.densityPer100km2 * area / 1e8)
        var adults: [Individual] = []
        for _ in 0..<n {
            let sex: Sex = rng.bernoulli(settings.maleFraction) ? .male : .female
            let age: AgeClass = rng.bernoulli(settings.subadultFraction) ? .subadult : .adult
            let centre = region.randomPoint(using: &rng)
            let size = (age == .adult ? 1.0 : 0.82) * (sex == .male ? 1.08 : 0.95) * rng.uniform(0.94, 1.06)
            adults.append(Individual(id: "", sex: sex, ageClass: age, activityCentre: centre, motherID: nil,
                                     coatSeed: rng.next(), size: size))
        }
        // Identifiers in west-to-east order make maps easier to read.
        adults.sort { ($0.activityCentre.x, $0.activityCentre.y) < ($1.activityCentre.x, $1.activityCentre.y) }
        var individuals: [Individual] = []
        var cubs: [Individual] = []
        for (i, animal) in adults.enumerated() {
            var animal = animal
            animal.id = String(format: "L%02d", i + 1)
            individuals.append(animal)
            if animal.sex == .female, animal.ageClass == .adult, rng.bernoulli(settings.litterProbability) {
                let litter = 1 + rng.integer(below: max(1, settings.maxLitter))
                for _ in 0..<litter {
                    cubs.append(Individual(id: "", sex: rng.bernoulli(0.5) ? .male : .female, ageClass: .cub,
                                           activityCentre: animal.activityCentre, motherID: animal.id,
                                           coatSeed: rng.next(), size: rng.uniform(0.5, 0.62)))
                }
            }
        }
        for (j, cub) in cubs.enumerated() {
            var cub = cub
            cub.id = String(format: "L%02d", adults.count + j + 1)
            individuals.append(cub)
        }
        return Population(individuals: individuals, habitatArea: area)
    }
}
