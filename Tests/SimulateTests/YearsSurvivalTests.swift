import Foundation
import Testing
@testable import Simulate

/// Realised survival of a large simulated population against the survival it was given.
///
/// Each test pools the animals at risk over every year; deaths among n animals at risk are binomial,
/// so the realised rate must lie within 4 standard errors of the expected one (a false alarm about 1 in 16 000).
@Suite struct YearsSurvivalTests {
    func largeRun(seed: UInt64, road: Bool) throws -> SimulatedYears {
        var s = SimulationSettings()
        s.seed = seed
        s.region = .rectangle(width: 100_000, height: 100_000)
        s.population.count = 1_500
        s.layout.stationCount = 9
        s.survey.days = 5
        var d = DynamicsSettings(years: 8)
        if road { d.road = [Point(x: 0, y: 50_000), Point(x: 100_000, y: 45_000)]; d.roadKillRate = 0.4 }
        s.dynamics = d
        return try SurveySimulator(settings: s).simulateYears(historiesOnly: true)
    }

    @Test func survivalByClassMatchesTheOptions() throws {
        let r = try largeRun(seed: 12, road: false)
        let d = r.settings.dynamics!
        let expected: [String: Double] = ["adultFemale": d.survivalAdultFemale, "adultMale": d.survivalAdultMale,
                                          "subadult": d.survivalSubadult, "cub": d.survivalCub]
        for (group, s) in expected {
            let tables = r.truthSummary.years.compactMap { $0.survivalToNext?[group] }
            let n = Double(tables.reduce(0) { $0 + $1.atRisk })
            let died = Double(tables.reduce(0) { $0 + $1.died })
            let se = (s * (1 - s) / n).squareRoot()
            #expect(n > 1_000, "\(group): \(n) at risk")
            #expect(abs((1 - died / n) - s) < 4 * se, "\(group): realised \(1 - died / n), option \(s), SE \(se)")
        }
    }

    @Test func roadHazardLowersSurvivalAsEachAnimalsDistanceSays() throws {
        let r = try largeRun(seed: 13, road: true)
        let d = r.settings.dynamics!
        let road = RoadLine(points: d.road)
        let byID = Dictionary(uniqueKeysWithValues: r.history.animals.map { ($0.id, $0) })
        var expectedDeaths = 0.0, variance = 0.0, deaths = 0.0, roadKills = 0.0, expectedRoadKills = 0.0
        for (k, year) in r.calendarYears.enumerated().dropLast() {
            for ind in r.history.snapshots[k].individuals {
                let base = -log(d.survival(sex: ind.sex, ageClass: ind.ageClass))
                let x = road.distance(to: ind.activityCentre)
                let hRoad = d.roadKillRate * exp(-x * x / (2 * d.roadSigma * d.roadSigma))
                let q = 1 - exp(-(base + hRoad))
                expectedDeaths += q
                variance += q * (1 - q)
                expectedRoadKills += q * hRoad / (base + hRoad)
                let a = byID[ind.id]!
                if a.fate == .dead, a.lastYear == year {
                    deaths += 1
                    if a.deathCause == .roadKill { roadKills += 1 }
                }
            }
        }
        #expect(abs(deaths - expectedDeaths) < 4 * variance.squareRoot(), "deaths \(deaths), expected \(expectedDeaths)")
        #expect(expectedRoadKills > 30)
        #expect(abs(roadKills - expectedRoadKills) < 4 * expectedRoadKills.squareRoot() + 1, "road kills \(roadKills), expected \(expectedRoadKills)")
    }

    @Test func defaultsKeepAClosedPopulationRoughlyStable() throws {
        // Dispersal 1 m: nobody leaves; λ of the defaults is about 1.005 per year (see DynamicsSettings).
        var s = SimulationSettings()
        s.seed = 5
        s.region = .rectangle(width: 100_000, height: 100_000)
        s.population.count = 3_000
        s.layout.stationCount = 4
        s.survey.days = 2
        var d = DynamicsSettings(years: 12)
        d.dispersalMean = 1
        s.dynamics = d
        let summary = try SurveySimulator(settings: s).simulateYears(historiesOnly: true).truthSummary
        // Late years, once the age structure has settled.
        let slope = SimulatedYears.trend(summary.years.suffix(8).map(\.independent)).slope!
        #expect(abs(exp(slope) - 1) < 0.04, "λ \(exp(slope))")
    }
}
