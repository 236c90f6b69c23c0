import Foundation

extension SimulatedYears {
    public static let individualsHeader = "individualID,sex,birthYear,motherID,firstYear,lastYear,fate,deathDate,deathCause,deathX,deathY,deathLatitude,deathLongitude"
    public static let populationHeader = "year,total,adults,subadults,cubs,females,males,litters,cubsBorn,"
        + DeathCause.allCases.map { "deaths" + $0.columnSuffix }.joined(separator: ",") + ",emigrated,detected"
    public static let cjsHeader = "ch,sex,ageAtFirst,individualID"

    var offsetSeconds: Int { settings.survey.utcOffsetHours * 3600 }

    /// individuals.csv: every animal ever alive in the region, its parentage and fate (death places in local metres).
    public var individualsCSV: String {
        var out = SimulatedYears.individualsHeader + "\n"
        for a in history.animals {
            let date = a.endTime.map { String(CivilTime.iso8601($0, offsetSeconds: offsetSeconds).prefix(10)) } ?? ""
            var place = ["", "", "", ""]
            if let p = a.deathPlace {
                let (lat, lon) = settings.origin.geographic(p)
                place = [String(format: "%.1f", p.x), String(format: "%.1f", p.y), String(format: "%.6f", lat), String(format: "%.6f", lon)]
            }
            out += ([a.id, a.sex.rawValue, String(a.birthYear), a.motherID ?? "", String(a.firstYear), String(a.lastYear),
                     a.fate.rawValue, date, a.deathCause?.rawValue ?? ""] + place).joined(separator: ",") + "\n"
        }
        return out
    }

    /// population-by-year.csv: per survey, who was alive in the region; litters and cubs born that year;
    /// deaths by cause and emigrants since the previous survey; animals the survey detected.
    public var populationByYearCSV: String {
        var out = SimulatedYears.populationHeader + "\n"
        for (k, year) in calendarYears.enumerated() {
            let alive = history.snapshots[k].individuals
            let count = { (test: (Individual) -> Bool) in String(alive.filter(test).count) }
            let litters = history.litters.filter { $0.year == year }
            let ended = k == 0 ? [] : history.animals.filter { $0.fate != .alive && $0.lastYear == calendarYears[k - 1] }
            let deaths = DeathCause.allCases.map { cause in String(ended.filter { $0.deathCause == cause }.count) }
            let fields = [String(year), String(alive.count), count { $0.ageClass == .adult }, count { $0.ageClass == .subadult },
                          count { $0.ageClass == .cub }, count { $0.sex == .female }, count { $0.sex == .male },
                          String(litters.count), String(litters.reduce(0) { $0 + $1.cubIDs.count })]
                + deaths + [String(ended.filter { $0.fate == .emigrated }.count), String(surveys[k].histories.animalsDetected)]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// cjs-histories.csv: per animal ever detected, one 0/1 per yearly survey (detected in it), its sex
    /// (`Female`/`Male`, as the dipper data) and age class at first detection.
    public var cjsHistoriesCSV: String {
        let detected = surveys.map { Set($0.histories.individualIDs) }
        var out = SimulatedYears.cjsHeader + "\n"
        for a in history.animals {
            let ch = detected.map { $0.contains(a.id) ? "1" : "0" }
            guard let first = ch.firstIndex(of: "1") else { continue }
            out += [ch.joined(), a.sex == .female ? "Female" : "Male", a.ageClass(in: calendarYears[first]).rawValue, a.id]
                .joined(separator: ",") + "\n"
        }
        return out
    }

    /// Per survey, the secr capture and trap files of that year (session = calendar year).
    public func yearlySecrFiles() -> [(folder: String, capt: String, trap: String)] {
        zip(calendarYears, surveys).map { year, survey in
            var h = survey.histories
            h.session = String(year)
            return ("secr-\(year)", h.captText, h.trapText)
        }
    }

    /// deployments.csv of every year's deployments.
    public var deploymentsCSV: String {
        surveys.enumerated().map { k, s in
            let text = s.survey.deploymentsCSV(origin: settings.origin, timezone: settings.survey.timezone)
            return k == 0 ? text : String(text.drop { $0 != "\n" }.dropFirst())
        }.joined()
    }
}

extension DeathCause {
    /// `RoadKill`, `Poaching`, ... for column names.
    var columnSuffix: String {
        rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
