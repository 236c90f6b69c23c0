import ArgumentParser
import Core
import Foundation
import Store

/// The life-history options of `individuals add` and `individuals edit`.
struct LifeHistoryOptions: ParsableArguments {
    @Option(help: "The individual's mother (a female at least 2 years older).") var mother: String?
    @Option(help: "The individual's father (from parentage evidence).") var father: String?
    @Option(help: "Year of birth; life stages by year derive from it (cub < 1 year, subadult 1–2, adult from 2).") var birthYear: Int?
    @Option(help: "Life stage as observed: cub, subadult or adult (with --observed-on; stages in other years derive from it).")
    var lifeStage: String?
    @Option(help: "The day the life stage was observed (YYYY-MM-DD). Default: today.") var observedOn: String?
    @Option(help: "alive, dead or unknown.") var status: String?
    @Option(help: "With --status dead: the day of death (YYYY-MM-DD, survey time zone) or a timestamp with zone.") var deathDate: String?
    @Option(help: "With --status dead: road-kill, poaching, tiger, disease, natural or unknown.") var deathCause: String?
    @Option(help: "With --status dead: where it died, a station (locationID/name) or LAT,LON.") var deathPlace: String?

    /// The edit these options describe (name, sex and notes are the command's own).
    func edit(zone: ZoneSpec, name: String? = nil, sex: String? = nil, notes: String? = nil) throws -> IndividualEdit {
        var edit = IndividualEdit(name: name, sex: sex?.lowercased(), status: status?.lowercased(), notes: notes,
                                  birthYear: birthYear, motherID: mother, fatherID: father)
        if let lifeStage {
            guard let stage = LifeStage(label: lifeStage) else {
                throw ValidationError("--life-stage '\(lifeStage)' is not one of cub, subadult, adult")
            }
            edit.lifeStage = stage
            if let observedOn {
                guard Timestamp.parse(observedOn, defaultZone: zone) != nil, observedOn.count == 10 else {
                    throw ValidationError("--observed-on '\(observedOn)' is not a day such as 2024-09-03")
                }
                edit.lifeStageDate = observedOn
            }
        } else if observedOn != nil {
            throw ValidationError("--observed-on goes with --life-stage")
        }
        if let deathDate {
            guard let d = Timestamp.parse(deathDate, defaultZone: zone) else {
                throw ValidationError("--death-date '\(deathDate)' is not a date such as 2015-10-12")
            }
            edit.deathDate = d
        }
        if let deathCause {
            guard let cause = DeathCause(label: deathCause) else {
                throw ValidationError("--death-cause '\(deathCause)' is not one of \(DeathCause.accepted)")
            }
            edit.deathCause = cause
        }
        edit.deathPlace = deathPlace.map(DeathPlace.parse)
        if edit.status == nil, edit.deathDate != nil || edit.deathCause != nil || edit.deathPlace != nil { edit.status = "dead" }
        if let birthYear, !(1950...2200).contains(birthYear) { throw ValidationError("--birth-year \(birthYear) is not a plausible year") }
        return edit
    }
}
