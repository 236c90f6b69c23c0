import Foundation

/// A multi-year simulation: the population's history and one camera survey per year.
public struct SimulatedYears: Sendable, Equatable {
    /// The base settings (year 0's), with ``SimulationSettings/dynamics`` set.
    public var settings: SimulationSettings
    public var history: PopulationHistory
    /// One survey per year; `surveys[0]` is exactly what a single-year simulation gives.
    public var surveys: [SimulatedSurvey]

    /// Calendar year of each survey.
    public var calendarYears: [Int] { history.calendarYears }
}

extension SurveySimulator {
    /// Population dynamics and a survey every year (same stations; season k starts on the start date + k years).
    public func simulateYears(historiesOnly: Bool = false) throws -> SimulatedYears {
        guard let dynamics = settings.dynamics else {
            throw SimulationError.invalidParameter(name: "years", value: "1", reason: "a multi-year simulation needs dynamics settings")
        }
        try dynamics.validate()
        let seasons = try SurveySimulator.seasons(settings.survey, years: dynamics.years)
        let stations = try stations()
        let history = PopulationHistory.simulate(initial: population(), settings: settings, dynamics: dynamics,
                                                 surveys: seasons.map { ($0.year, $0.start, $0.end) })
        var surveys: [SimulatedSurvey] = []
        for (k, season) in seasons.enumerated() {
            var s = settings
            s.survey.startDate = season.startDate
            let population = history.snapshots[k]
            let survey = try Survey.simulate(settings: s, population: population, stations: stations, historiesOnly: historiesOnly,
                                             yearIndex: k, deploymentSuffix: k == 0 ? "" : "-\(season.year)")
            surveys.append(SimulatedSurvey(settings: s, population: population, survey: survey,
                                           histories: CaptureHistories(survey: survey, population: population,
                                                                       session: k == 0 ? "1" : String(season.year))))
        }
        return SimulatedYears(settings: settings, history: history, surveys: surveys)
    }

    /// The yearly seasons: calendar year, start date (`YYYY-MM-DD`, 29 February becomes the 28th in
    /// other years) and true start and end (seconds since 1970 UTC).
    static func seasons(_ s: SurveySettings, years: Int) throws -> [(year: Int, startDate: String, start: Double, end: Double)] {
        guard let day = CivilTime.parseDate(s.startDate) else {
            throw SimulationError.invalidParameter(name: "start date", value: s.startDate, reason: "expected YYYY-MM-DD")
        }
        guard s.days > 0, s.days <= 300 else {
            throw SimulationError.invalidParameter(name: "days", value: String(s.days), reason: "yearly surveys need 1 to 300 days, so seasons do not overlap")
        }
        let first = CivilTime.date(days: day)
        return (0..<years).map { k in
            let year = first.year + k
            var dayOfMonth = first.day
            if first.month == 2, dayOfMonth == 29, CivilTime.date(days: CivilTime.days(year: year, month: 2, day: 29)).month != 2 {
                dayOfMonth = 28
            }
            let start = Double(CivilTime.days(year: year, month: first.month, day: dayOfMonth)) * 86_400 - Double(s.utcOffsetHours * 3600)
            return (year, String(format: "%04d-%02d-%02d", year, first.month, dayOfMonth), start, start + Double(s.days) * 86_400)
        }
    }
}
