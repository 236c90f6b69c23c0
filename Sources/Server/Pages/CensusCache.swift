import Census
import Core
import Foundation
import Store

/// The census figures the web app shows (the yearly population table and the CJS survival fit), computed by the
/// Census target and kept until the survey's data changes (`SurveyStore.dataStamp`), so pages stay fast.
///
/// SECR fits (abundance, density, λ) are not run by the web app: they take seconds to minutes per year; the page
/// links to `rosette census report` for them.
enum CensusCache {
    struct Figures: Sendable {
        var population: PopulationSummary
        var survival: CJSFit?
        var survivalFailure: String?
    }

    static let species = "Panthera pardus orientalis"

    /// The figures of the survey's current data (computed once per change of `SurveyStore.dataStamp`).
    static func figures(_ store: SurveyStore) throws -> Figures {
        try DerivedCache.shared.value("census", store) { try compute(store) }
    }

    static func compute(_ store: SurveyStore) throws -> Figures {
        let zone = try ZoneSpec(store.settings.timeZone)
        let deployments = try store.deployments()
        let records = try store.detectionRecords(species: species)
        let population = try PopulationSummary.build(store: store, species: species, zone: zone,
                                                     evidence: EvidenceLocations.sightings(try store.locatedEvidence(), deployments: deployments),
                                                     records: records)
        var survival: CJSFit?, failure: String?
        do {
            let data = try CJSData.fromSurvey(records: records, zone: zone, years: CJSData.surveyYears(deployments: deployments, zone: zone))
            survival = CJSModelComparison.table(data: data, models: CJSModel.standard).compactMap { try? $0.outcome.get() }.min { $0.aicc < $1.aicc }
            if survival == nil { failure = "no survival model could be fitted" }
        } catch {
            failure = "\(error)"
        }
        return Figures(population: population, survival: survival, survivalFailure: failure)
    }
}
