import Core
import Foundation
import Testing
@testable import Simulate

/// Small multi-year settings: the determinism suite's design over `years` years, with a road.
func yearsSettings(seed: UInt64, years: Int = 3) -> SimulationSettings {
    var s = smallSettings(seed: seed)
    s.population.count = 10
    // Few photos, so that the photo tests stay quick: leopards and false triggers only, short bursts.
    s.survey.days = 5
    s.survey.burstFrames = 2
    s.detection.lambda0 = 0.12
    s.photos.falseTriggersPerDay = 0.1
    s.otherSpecies = []
    var d = DynamicsSettings(years: years)
    d.road = [Point(x: 0, y: 4_000), Point(x: 12_000, y: 6_000)]
    s.dynamics = d
    return s
}

@Suite struct YearsTests {
    @Test(arguments: [UInt64(9)])
    func sameSeedGivesIdenticalFilesOverThreeYears(seed: UInt64) throws {
        let a = temporaryDirectory("years-a-\(seed)"), b = temporaryDirectory("years-b-\(seed)")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let simulator = SurveySimulator(settings: yearsSettings(seed: seed))
        let first = try simulator.writeYears(to: a, encoder: PPMEncoder())
        _ = try simulator.writeYears(to: b, encoder: PPMEncoder())
        let sa = try snapshot(a), sb = try snapshot(b)
        #expect(first.photoCount > 0)
        #expect(Set(sa.keys) == Set(sb.keys))
        for (path, data) in sa { #expect(sb[path] == data, "\(path) differs between runs") }
        for name in ["individuals.csv", "population-by-year.csv", "cjs-histories.csv", "evidence.csv", "truth-summary.json",
                     "secr/capt.txt", "secr-2024/capt.txt", "secr-2026/trap.txt", "deployments.csv", "truth.csv", "simulation.json",
                     "road.geojson", "road-crossings.csv"] {
            #expect(sa[name] != nil, "\(name) missing")
        }
    }

    @Test func yearZeroIsTheSingleYearSurvey() throws {
        let settings = yearsSettings(seed: 4)
        var single = settings
        single.dynamics = nil
        let one = try SurveySimulator(settings: single).simulate()
        let years = try SurveySimulator(settings: settings).simulateYears()
        #expect(years.surveys[0].population == one.population)
        #expect(years.surveys[0].survey == one.survey)
        #expect(years.surveys[0].histories == one.histories)
        #expect(years.surveys[1].survey != one.survey)
    }

    @Test func deploymentsDifferPerYearAndPhotosFallInTheirSeason() throws {
        let out = temporaryDirectory("years-seasons")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try SurveySimulator(settings: yearsSettings(seed: 2)).writeYears(to: out, encoder: PPMEncoder())
        let ids = run.simulated.surveys.flatMap { $0.survey.deployments.map(\.id) }
        #expect(Set(ids).count == ids.count)
        #expect(run.simulated.surveys[1].survey.deployments.allSatisfy { $0.id.hasSuffix("-2025") })
        var period: [String: (Double, Double)] = [:]
        for s in run.simulated.surveys { for d in s.survey.deployments { period[d.id] = (d.start, d.end) } }
        let years = Set(run.truth.map { $0.trueTimestamp.prefix(4) })
        #expect(years == ["2024", "2025", "2026"])
        for row in run.truth {
            let time = try #require(Timestamp.parse(row.trueTimestamp, defaultZone: nil)).timeIntervalSince1970
            let (start, end) = try #require(period[row.deploymentID])
            #expect(time >= start && time < end, "\(row.filePath) at \(row.trueTimestamp) outside \(row.deploymentID)")
            #expect(row.filePath.contains("/\(row.deploymentID)/"))
        }
        // Only animals alive in the region that year are photographed.
        for (k, s) in run.simulated.surveys.enumerated() {
            let alive = Set(run.simulated.history.snapshots[k].individuals.map(\.id))
            let seen = Set(run.truth.filter { r in s.survey.deployments.contains { $0.id == r.deploymentID } }.map(\.individualID)).subtracting([""])
            #expect(seen.isSubset(of: alive))
        }
    }

    @Test(arguments: [UInt64(3), 17])
    func lifeHistoriesFollowTheRules(seed: UInt64) throws {
        var settings = yearsSettings(seed: seed, years: 8)
        settings.region = .rectangle(width: 60_000, height: 60_000)
        settings.population.count = 150
        let r = try SurveySimulator(settings: settings).simulateYears(historiesOnly: true)
        let h = r.history
        let byID = Dictionary(uniqueKeysWithValues: h.animals.map { ($0.id, $0) })
        #expect(byID.count == h.animals.count, "ids are unique")
        #expect(h.animals.map(\.id) == (1...h.animals.count).map { String(format: "L%02d", $0) }, "ids continue L01, L02, ...")
        #expect(h.litters.count > 20)
        for litter in h.litters {
            #expect((1...4).contains(litter.cubIDs.count), "litter of \(litter.cubIDs.count)")
            let mother = try #require(byID[litter.motherID])
            #expect(mother.sex == .female)
            #expect(mother.ageClass(in: litter.year) == .adult)
            for cub in litter.cubIDs.map({ byID[$0]! }) {
                #expect(cub.birthYear == litter.year && cub.motherID == mother.id)
                #expect(cub.birthYear - mother.birthYear >= 2)
            }
        }
        #expect(h.litters.contains { $0.cubIDs.count >= 3 }, "litters of 3–4 occur")
        for (k, year) in h.calendarYears.enumerated() {
            for ind in h.snapshots[k].individuals {
                let a = byID[ind.id]!
                #expect(a.firstYear <= year && a.lastYear >= year)
                #expect(ind.ageClass == a.ageClass(in: year))
                if ind.ageClass == .cub {
                    let mother = try #require(h.snapshots[k].individuals.first { $0.id == ind.motherID })
                    #expect(mother.activityCentre == ind.activityCentre, "cubs share their mother's centre")
                }
            }
        }
        for a in h.animals {
            #expect((a.fate == .alive) == (a.lastYear == h.calendarYears.last!))
            #expect((a.fate == .dead) == (a.deathCause != nil && a.deathPlace != nil))
        }
    }

    @Test func roadKillsLieCloserToTheRoadThanOtherDeaths() throws {
        var settings = yearsSettings(seed: 8, years: 8)
        settings.region = .rectangle(width: 40_000, height: 40_000)
        settings.population.count = 200
        settings.dynamics!.road = [Point(x: 0, y: 20_000), Point(x: 40_000, y: 22_000)]
        settings.dynamics!.roadKillRate = 0.5
        let r = try SurveySimulator(settings: settings).simulateYears(historiesOnly: true)
        let road = RoadLine(points: settings.dynamics!.road)
        let dead = r.history.animals.filter { $0.fate == .dead }
        let roadKills = dead.filter { $0.deathCause == .roadKill }.map { road.distance(to: $0.deathPlace!) }
        let others = dead.filter { $0.deathCause != .roadKill }.map { road.distance(to: $0.deathPlace!) }
        try #require(roadKills.count >= 10 && others.count >= 10, "\(roadKills.count) road kills, \(others.count) other deaths")
        let meanRoadKill: Double = roadKills.reduce(0, +) / Double(roadKills.count)
        let meanOther: Double = others.reduce(0, +) / Double(others.count)
        #expect(meanRoadKill < meanOther / 4, "mean distance to the road: road kills \(meanRoadKill) m, others \(meanOther) m")
        #expect(Set(DeathCause.nonRoad).isSubset(of: Set(dead.compactMap(\.deathCause))))
    }

    @Test func truthFilesAgreeWithTheHistory() throws {
        let r = try SurveySimulator(settings: yearsSettings(seed: 6, years: 4)).simulateYears(historiesOnly: true)
        let pop = r.populationByYearCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(pop[0].joined(separator: ",") == SimulatedYears.populationHeader)
        #expect(pop.count == 5)
        for (k, row) in pop.dropFirst().enumerated() {
            #expect(Int(row[1]) == r.history.snapshots[k].individuals.count)
            #expect(Int(row[row.count - 1]) == r.surveys[k].histories.animalsDetected)
        }
        let cjs = r.cjsHistoriesCSV.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        let everDetected = Set(r.surveys.flatMap(\.histories.individualIDs))
        #expect(Set(cjs.map { String($0[3]) }) == everDetected)
        for row in cjs {
            #expect(row[0].count == 4 && row[0].contains("1"))
            for (k, c) in row[0].enumerated() {
                #expect((c == "1") == r.surveys[k].histories.individualIDs.contains(String(row[3])))
            }
        }
        let evidence = r.evidenceCSV.split(separator: "\n").map(String.init)
        #expect(evidence[0] == SimulatedYears.evidenceHeader)
        let carcasses = evidence.filter { $0.hasPrefix("carcass,") }
        let dead = r.history.animals.filter { $0.fate == .dead }
        #expect(carcasses.count <= dead.count)
        for line in carcasses {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let a = try #require(r.history.animals.first { $0.id == f[1] })
            #expect(a.deathCause?.rawValue == f[9] && f[3].hasSuffix("+10:00"))
        }
        for line in evidence where line.hasPrefix("scat-dna,") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(r.history.animals.first { $0.id == f[1] }?.motherID == f[7])
        }
        let summary = r.truthSummary
        for k in 0..<3 {
            #expect(summary.years[k].lambda == Double(summary.years[k + 1].alive) / Double(summary.years[k].alive))
        }
    }
}
