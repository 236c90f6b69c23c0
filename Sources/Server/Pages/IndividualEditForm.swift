import Core
import Foundation
import Store

/// The life-history edit form of the profile (and the JSON body of `POST /api/individuals/{id}`): the fields
/// `rosette individuals edit` takes, read into the same `IndividualEdit` the Store checks and applies.
///
/// An empty field leaves the value as it is. In the HTML form a field still showing the current value is left
/// too, so saving the form changes only what the person changed.
struct IndividualEditForm {
    static let fields = ["name", "sex", "status", "notes", "birthYear", "motherID", "fatherID", "lifeStage", "observedOn",
                         "deathDate", "deathCause", "deathPlace"]

    /// The form's current values for an individual (what the form shows).
    static func current(_ i: CatalogIndividual, zone: ZoneSpec) -> [String: String] {
        var v: [String: String] = [:]
        v["name"] = i.name
        v["sex"] = i.sex
        v["status"] = i.status
        v["notes"] = i.notes
        v["birthYear"] = i.birthYear.map(String.init)
        v["motherID"] = i.motherID
        v["fatherID"] = i.fatherID
        v["lifeStage"] = i.lifeStage
        v["observedOn"] = i.lifeStageDate
        v["deathDate"] = i.deathDate.map { PageSupport.day($0, zone) }
        v["deathCause"] = i.deathCause
        v["deathPlace"] = i.deathPlace.map { p in
            p.locationID ?? [p.latitude, p.longitude].compactMap { $0.map { String($0) } }.joined(separator: ",")
        }
        return v
    }

    /// The edit the submitted values ask for; `unchanged` (the form's current values) are skipped. A malformed value
    /// is a `badInput` error naming the field; unknown fields are refused too.
    static func edit(_ values: [String: String], unchanged: [String: String] = [:], zone: ZoneSpec) throws -> IndividualEdit {
        for key in values.keys where !fields.contains(key) && key != "_csrf" {
            throw WebError.badInput(field: key, value: values[key] ?? "", expected: "a field of the edit form (\(fields.joined(separator: ", ")))")
        }
        func value(_ k: String) -> String? {
            guard let v = values[k]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v == unchanged[k] ? nil : v
        }
        var edit = IndividualEdit(name: value("name"), notes: value("notes"), motherID: value("motherID"), fatherID: value("fatherID"))
        if let sex = value("sex")?.lowercased() {
            guard ["female", "male", "unknown"].contains(sex) else { throw WebError.badInput(field: "sex", value: sex, expected: "female, male or unknown") }
            edit.sex = sex
        }
        if let status = value("status")?.lowercased() {
            guard ["alive", "dead", "unknown"].contains(status) else {
                throw WebError.badInput(field: "status", value: status, expected: "alive, dead or unknown")
            }
            edit.status = status
        }
        if let raw = value("birthYear") {
            guard let y = Int(raw), (1950...2200).contains(y) else { throw WebError.badInput(field: "birthYear", value: raw, expected: "a year such as 2019") }
            edit.birthYear = y
        }
        let observed = value("observedOn")
        if let raw = value("lifeStage") {
            guard let stage = LifeStage(label: raw) else { throw WebError.badInput(field: "lifeStage", value: raw, expected: "cub, subadult or adult") }
            edit.lifeStage = stage
            // The day goes with the stage: the form's (possibly unchanged) day, else today.
            let day = observed ?? values["observedOn"].flatMap { $0.isEmpty ? nil : $0 }
            if let day {
                guard day.count == 10, Timestamp.parse(day, defaultZone: zone) != nil else {
                    throw WebError.badInput(field: "observedOn", value: day, expected: "a day such as 2024-09-03")
                }
                edit.lifeStageDate = day
            }
        } else if let day = observed {
            // A new day for the stage already recorded.
            guard day.count == 10, Timestamp.parse(day, defaultZone: zone) != nil else {
                throw WebError.badInput(field: "observedOn", value: day, expected: "a day such as 2024-09-03")
            }
            guard let stage = (values["lifeStage"] ?? unchanged["lifeStage"]).flatMap(LifeStage.init(label:)) else {
                throw WebError.badInput(field: "observedOn", value: day, expected: "given with a life stage")
            }
            edit.lifeStage = stage
            edit.lifeStageDate = day
        }
        if let raw = value("deathDate") {
            guard let d = Timestamp.parse(raw, defaultZone: zone) else {
                throw WebError.badInput(field: "deathDate", value: raw, expected: "a date such as 2015-10-12")
            }
            edit.deathDate = d
        }
        if let raw = value("deathCause") {
            guard let cause = DeathCause(label: raw) else { throw WebError.badInput(field: "deathCause", value: raw, expected: "one of \(DeathCause.accepted)") }
            edit.deathCause = cause
        }
        edit.deathPlace = value("deathPlace").map(DeathPlace.parse)
        if edit.status == nil, edit.deathDate != nil || edit.deathCause != nil || edit.deathPlace != nil { edit.status = "dead" }
        return edit
    }

    /// A JSON object's fields as form values (strings and whole numbers only).
    static func values(json data: Data) throws -> [String: String] {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw WebError.badInput(field: "body", value: String(decoding: data.prefix(80), as: UTF8.self), expected: "a JSON object")
        }
        var out: [String: String] = [:]
        for (k, v) in object {
            switch v {
            case let s as String: out[k] = s
            case let n as NSNumber where String(cString: n.objCType) != "c" && n.doubleValue == n.doubleValue.rounded(): out[k] = String(n.intValue)
            case is NSNull: continue
            default: throw WebError.badInput(field: k, value: "\(v)", expected: "a string or a whole number")
            }
        }
        return out
    }
}
