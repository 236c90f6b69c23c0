import Foundation

extension SimulatedYears {
    public static let evidenceHeader = "method,individualID,sampleID,timestamp,latitude,longitude,uncertainty,motherID,fatherID,cause,notes"

    /// evidence.csv in Rosette's evidence format: carcass finds for a share of the deaths (found 0–14 days
    /// after death, where the animal died) and a few scat-DNA samples per survey season of live animals
    /// whose mother is known (the genotype gives her as `motherID`); rows in time order.
    public var evidenceCSV: String {
        guard let dynamics = settings.dynamics else { return SimulatedYears.evidenceHeader + "\n" }
        var rng = SeededGenerator(seed: settings.seed, stream: "evidence")
        var rows: [(time: Double, fields: [String])] = []
        func location(_ p: Point) -> [String] {
            let (lat, lon) = settings.origin.geographic(p)
            return [String(format: "%.6f", lat), String(format: "%.6f", lon)]
        }
        var carcass = 0
        for a in history.animals where a.fate == .dead {
            guard rng.bernoulli(dynamics.carcassFound), let died = a.endTime, let place = a.deathPlace, let cause = a.deathCause else { continue }
            carcass += 1
            let found = died + rng.uniform(0, 14 * 86_400)
            rows.append((found, ["carcass", a.id, String(format: "C%04d", carcass), CivilTime.iso8601(found, offsetSeconds: offsetSeconds)]
                + location(place) + ["30", "", "", cause.rawValue, "simulated carcass find"]))
        }
        let mothers = Dictionary(uniqueKeysWithValues: history.animals.map { ($0.id, $0.motherID) })
        let seasons = (try? SurveySimulator.seasons(settings.survey, years: calendarYears.count)) ?? []
        for (k, population) in history.snapshots.enumerated() where k < seasons.count {
            var candidates = population.individuals.compactMap { ind -> (Individual, String)? in
                (mothers[ind.id] ?? nil).map { (ind, $0) }
            }
            for n in 0..<min(dynamics.scatSamplesPerYear, candidates.count) {
                let (animal, mother) = candidates.remove(at: rng.integer(below: candidates.count))
                let time = seasons[k].start + rng.uniform(0, seasons[k].end - seasons[k].start)
                let spot = Point(x: animal.activityCentre.x + rng.normal(sd: 1_000), y: animal.activityCentre.y + rng.normal(sd: 1_000))
                rows.append((time, ["scat-dna", animal.id, String(format: "S%d-%02d", calendarYears[k], n + 1),
                                    CivilTime.iso8601(time, offsetSeconds: offsetSeconds)] + location(spot)
                                + ["20", mother, "", "", "simulated genotype; mother by parentage"]))
            }
        }
        rows.sort { $0.time < $1.time }
        return SimulatedYears.evidenceHeader + "\n" + rows.map { $0.fields.map(OutputFiles.csv).joined(separator: ",") + "\n" }.joined()
    }
}
