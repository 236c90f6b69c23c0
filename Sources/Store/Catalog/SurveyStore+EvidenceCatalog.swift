import Core
import Foundation
import GRDB

extension SurveyStore {
    /// Takes parentage (DNA mother/father) and deaths (carcass finds) from the evidence into the catalog, by the
    /// life-history rules; returns a note per fact taken, conflicting or refused.
    ///
    /// A fact is taken only where the catalog has none (a mother, a death); a different catalog value is kept
    /// and noted as a conflict, and a fact that breaks a rule (a male mother, a mother too young) is refused and
    /// noted with its file and line. Each fact is its own savepoint, so one refusal changes nothing else.
    @discardableResult
    public func applyEvidenceToCatalog(actor: String) throws -> [String] {
        let parentage = try evidenceParentage(), deaths = try evidenceDeaths()
        return try pool.write { db in
            var notes: [String] = []
            func attempt(_ line: String, _ body: () throws -> [String]) {
                do {
                    try db.inSavepoint {
                        let changed = try body()
                        if !changed.isEmpty { notes.append("\(line): " + changed.joined(separator: "; ")) }
                        return .commit
                    }
                } catch {
                    notes.append("\(line): not taken into the catalog: \(error)")
                }
            }
            for p in parentage {
                guard let id = p.individualID, let facts = try SurveyStore.facts(db, id) else { continue }
                let line = "\(p.sourceFile):\(p.sourceLine)"
                var edit = IndividualEdit()
                for (have, given, name) in [(facts.motherID, p.motherID, "mother"), (facts.fatherID, p.fatherID, "father")] {
                    guard let given else { continue }
                    if have == nil { if name == "mother" { edit.motherID = given } else { edit.fatherID = given } }
                    else if have != given { notes.append("\(line): \(id)'s \(name) is \(have!) in the catalog; the evidence says \(given) (conflict, catalog kept)") }
                }
                if !edit.isEmpty {
                    attempt(line) { try SurveyStore.applyEdit(db, id, edit, actor: actor, action: "evidence", because: "\(p.method.rawValue), \(line)") }
                }
            }
            for d in deaths {
                guard let id = d.individualID, let facts = try SurveyStore.facts(db, id) else { continue }
                let line = "\(d.sourceFile):\(d.sourceLine)"
                if facts.deathDate != nil {
                    if abs(facts.deathDate!.timeIntervalSince(d.date)) > 86_400 {
                        notes.append("\(line): \(id) already has a death recorded on another day (catalog kept)")
                    }
                    continue
                }
                let place = d.latitude.flatMap { lat in d.longitude.map { DeathPlace(latitude: lat, longitude: $0) } }
                attempt(line) {
                    try SurveyStore.applyEdit(db, id, IndividualEdit(status: "dead", deathDate: d.date,
                                                                     deathCause: d.cause,
                                                                     deathPlace: place),
                                              actor: actor, action: "evidence", because: "carcass, \(line)")
                }
            }
            return notes
        }
    }
}
