import Foundation

/// What a picture of a subject looks like: the renderer's body archetype.
public enum BodyKind: String, Codable, Sendable, CaseIterable {
    case leopard, tiger, sikaDeer, roeDeer, boar, person, vehicle
}

/// The Camtrap DP observation type of a subject.
public enum ObservationType: String, Codable, Sendable {
    case animal, human, vehicle, blank
}

/// A non-leopard subject seen by the cameras (not tracked individually).
public struct SpeciesSettings: Codable, Sendable, Equatable {
    /// Scientific name written to truth.csv (empty for vehicles).
    public var scientificName: String
    public var commonName: String
    public var observationType: ObservationType
    public var body: BodyKind
    /// Animals per 100 km²; with λ0 and σ this gives the event rate D·λ0·2πσ² per station-day.
    public var densityPer100km2: Double
    public var lambda0: Double
    public var sigma: Double
    /// Direct rate of passes per station-day (people, vehicles); overrides the density when set.
    public var eventsPerStationDay: Double?
    public var activity: ActivityPattern
    /// Painted as a small bird or rodent (`TriageConditions.field`) instead of the quadruped `body`; nil for the rest
    /// (and then absent from simulation.json).
    public var smallAnimal: SmallAnimalKind?

    public init(scientificName: String, commonName: String, observationType: ObservationType, body: BodyKind,
                densityPer100km2: Double = 0, lambda0: Double = 0, sigma: Double = 0,
                eventsPerStationDay: Double? = nil, activity: ActivityPattern, smallAnimal: SmallAnimalKind? = nil) {
        self.scientificName = scientificName
        self.commonName = commonName
        self.observationType = observationType
        self.body = body
        self.densityPer100km2 = densityPer100km2
        self.lambda0 = lambda0
        self.sigma = sigma
        self.eventsPerStationDay = eventsPerStationDay
        self.activity = activity
        self.smallAnimal = smallAnimal
    }

    /// Expected passes in front of one station per day.
    public var rate: Double {
        if let eventsPerStationDay { return eventsPerStationDay }
        return densityPer100km2 / 1e8 * lambda0 * 2 * .pi * sigma * sigma
    }

    /// Scientific name of the Amur leopard, as written to truth.csv.
    public static let leopardName = "Panthera pardus orientalis"

    /// Southwest Primorye defaults (orders of magnitude from published camera-trap surveys).
    public static let primoryeDefaults: [SpeciesSettings] = [
        SpeciesSettings(scientificName: "Panthera tigris altaica", commonName: "Amur tiger", observationType: .animal,
                        body: .tiger, densityPer100km2: 0.6, lambda0: 0.03, sigma: 4_000, activity: .nocturnalCrepuscular),
        SpeciesSettings(scientificName: "Cervus nippon", commonName: "sika deer", observationType: .animal,
                        body: .sikaDeer, densityPer100km2: 250, lambda0: 0.02, sigma: 500, activity: .crepuscular),
        SpeciesSettings(scientificName: "Capreolus pygargus", commonName: "Siberian roe deer", observationType: .animal,
                        body: .roeDeer, densityPer100km2: 120, lambda0: 0.02, sigma: 450, activity: .crepuscular),
        SpeciesSettings(scientificName: "Sus scrofa", commonName: "wild boar", observationType: .animal,
                        body: .boar, densityPer100km2: 80, lambda0: 0.02, sigma: 600, activity: .nocturnal),
        SpeciesSettings(scientificName: "Homo sapiens", commonName: "person", observationType: .human,
                        body: .person, eventsPerStationDay: 0.02, activity: .diurnal),
        SpeciesSettings(scientificName: "", commonName: "vehicle", observationType: .vehicle,
                        body: .vehicle, eventsPerStationDay: 0.01, activity: .diurnal),
    ]
}
