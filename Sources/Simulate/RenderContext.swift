import Foundation

/// Read-only material shared by the rendering workers: bodies, coats, vignettes.
struct RenderContext: Sendable {
    let simulated: SimulatedSurvey
    let width: Int
    let height: Int
    let conditions: Conditions
    /// Light, wind and small-animal dynamics (`calm` leaves the photos as they were).
    let triage: TriageConditions
    let focalPixels: Double
    /// Leopard coats keyed by individual index × 2 + (0 left, 1 right).
    let leopardCoats: [Int: CoatTexture]
    /// Winter coats, same keys (empty unless the conditions have winter coats).
    let leopardWinterCoats: [Int: CoatTexture]
    /// Bodies and coats of other species, keyed by species index (a few variants each).
    let speciesBodies: [Int: [BodyModel]]
    let speciesCoats: [Int: [CoatTexture]]
    let leopardBody: BodyModel
    /// Separable vignette factors, day and night.
    let vignetteDay: (x: [Float], y: [Float])
    let vignetteNight: (x: [Float], y: [Float])
    let month: Int

    static let variants = 3

    init(simulated: SimulatedSurvey, leopards: Set<Int>) {
        self.simulated = simulated
        let photos = simulated.settings.photos
        width = photos.width
        height = photos.height
        conditions = photos.conditions
        triage = photos.triage
        focalPixels = Double(width) / (2 * tan(42.0 / 2 * .pi / 180))
        let body = BodyModel.make(.leopard)
        leopardBody = body
        let population = simulated.population
        let keys = leopards.sorted().flatMap { [$0 * 2, $0 * 2 + 1] }
        let built = Locked([Int: CoatTexture]()), builtWinter = Locked([Int: CoatTexture]())
        let winter = photos.conditions.winterCoats
        parallelFor(keys.count) { n in
            let key = keys[n]
            let seed = SeededGenerator.mix(population.individuals[key / 2].coatSeed, UInt64(key % 2), 0xC0A7)
            let coat = CoatTexture.leopard(model: body, seed: seed)
            built.withLock { $0[key] = coat }
            if winter {
                let thick = CoatTexture.leopard(model: body, seed: seed, winter: true)
                builtWinter.withLock { $0[key] = thick }
            }
        }
        leopardCoats = built.withLock { $0 }
        leopardWinterCoats = builtWinter.withLock { $0 }
        var bodies: [Int: [BodyModel]] = [:], coats: [Int: [CoatTexture]] = [:]
        for (i, species) in simulated.settings.otherSpecies.enumerated() where species.smallAnimal == nil {
            let seed = SeededGenerator.mix(simulated.settings.seed, SeededGenerator.hash(species.commonName), 7)
            bodies[i] = (0..<RenderContext.variants).map { BodyModel.make(species.body, variant: seed &+ UInt64($0)) }
            coats[i] = bodies[i]!.enumerated().map { CoatTexture.coat(for: $1, seed: seed &+ UInt64($0)) }
        }
        speciesBodies = bodies
        speciesCoats = coats
        func vignette(_ n: Int, _ k: Float) -> [Float] {
            (0..<n).map { i in
                let u = (Float(i) + 0.5) / Float(n) * 2 - 1
                return 1 - k * u * u
            }
        }
        vignetteDay = (vignette(width, 0.12), vignette(height, 0.1))
        vignetteNight = (vignette(width, 0.42), vignette(height, 0.38))
        month = CivilTime.date(days: CivilTime.parseDate(simulated.settings.survey.startDate) ?? 0).month
    }
}
