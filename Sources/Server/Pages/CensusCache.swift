import Census
import Core
import Foundation
import Store

/// The census figures the web app shows (the yearly population table and the CJS survival fit), computed by the
/// Census target and kept until the survey's data changes (`SurveyStore.dataStamp`), so pages stay fast.
///
/// SECR fits (abundance, density, λ) are not run by the web app: they take seconds to minutes per year; the page
/// links to `rosette census report` for them.
final class CensusCache: @unchecked Sendable {
    struct Figures: Sendable {
        var population: PopulationSummary
        var survival: CJSFit?
        var survivalFailure: String?
    }

    static let shared = CensusCache()
    static let species = "Panthera pardus orientalis"
    private let lock = NSLock()
    private var entries: [String: (stamp: String, figures: Figures)] = [:]

    func figures(_ store: SurveyStore) throws -> Figures {
        let key = store.directory.path, stamp = try store.dataStamp()
        lock.lock()
        if let e = entries[key], e.stamp == stamp { lock.unlock(); return e.figures }
        lock.unlock()
        let figures = try Self.compute(store)
        lock.lock()
        entries[key] = (stamp, figures)
        lock.unlock()
        return figures
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
