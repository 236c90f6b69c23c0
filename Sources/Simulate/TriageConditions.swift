import Foundation

/// What the light, the wind and the small animals do in front of the cameras: the conditions that make
/// motion triage hard (issue #17, item 4), set apart from the identification presets (`Conditions`).
///
/// `calm` is the simulator as it was: a still scene, a 3 % flicker of exposure, grass that sways a little,
/// and no small animals. `field` adds what real camera traps see: sun flecks drifting through the canopy and
/// moving shadows, auto-exposure steps between frames, heat shimmer, foreground leaves swaying in the wind,
/// infrared gain jumps, bright near leaves and flying insects at night, empty triggers caused by sun, heat and
/// wind (stronger effects in those bursts), and small birds and rodents (under ~0.3 % of the frame, low
/// contrast, fast). It combines with any `Conditions` preset.
public enum TriageConditions: String, Codable, Sendable, CaseIterable {
    case calm, field

    /// Whether frames get light, wind and infrared dynamics at all.
    public var dynamicScene: Bool { self == .field }

    /// Species added to the survey's other species: a ground-feeding thrush and two rodents, one diurnal,
    /// one nocturnal (seen in infrared). Rates are passes per station-day.
    public var smallAnimals: [SpeciesSettings] {
        guard self == .field else { return [] }
        return [
            SpeciesSettings(scientificName: "Turdus pallidus", commonName: "pale thrush", observationType: .animal,
                            body: .roeDeer, eventsPerStationDay: 0.05, activity: .diurnal, smallAnimal: .bird),
            SpeciesSettings(scientificName: "Tamias sibiricus", commonName: "Siberian chipmunk", observationType: .animal,
                            body: .roeDeer, eventsPerStationDay: 0.03, activity: .diurnal, smallAnimal: .rodent),
            SpeciesSettings(scientificName: "Apodemus agrarius", commonName: "striped field mouse", observationType: .animal,
                            body: .roeDeer, eventsPerStationDay: 0.03, activity: .nocturnal, smallAnimal: .rodent),
        ]
    }
}

/// A small animal painted directly (not a quadruped body): its outline and how it moves.
public enum SmallAnimalKind: String, Codable, Sendable, CaseIterable {
    case bird, rodent

    /// The class written to labels.csv.
    public var taxonClass: String { self == .bird ? "bird" : "mammal" }
}

/// Why an empty burst was triggered under `TriageConditions.field`: its effect is strong in that burst.
enum FalseTriggerCause: CaseIterable {
    case sun, heat, wind, insect
}

extension SimulationSettings {
    /// Sets the triage conditions and adds their small animals to the other species, their rates scaled by
    /// `speciesScale` (none at 0). `calm` changes nothing, so the photos stay as they were.
    public mutating func useTriageConditions(_ triage: TriageConditions, speciesScale: Double = 1) {
        guard triage != .calm else { return }
        photos.triageConditions = triage
        guard speciesScale > 0 else { return }
        otherSpecies += triage.smallAnimals.map { species in
            var s = species
            s.eventsPerStationDay = s.eventsPerStationDay.map { $0 * speciesScale }
            return s
        }
    }
}
