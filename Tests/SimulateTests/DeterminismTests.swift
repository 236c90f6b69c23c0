import Foundation
import Testing
@testable import Simulate

/// Small settings that render quickly.
func smallSettings(seed: UInt64, conditions: Conditions = .field) -> SimulationSettings {
    var s = SimulationSettings()
    s.seed = seed
    s.region = .rectangle(width: 12_000, height: 10_000)
    s.population.count = 6
    s.population.litterProbability = 0.8
    s.layout.stationCount = 6
    s.layout.spacing = 2_000
    s.survey.days = 10
    s.survey.clockErrorFraction = 0.5
    s.detection.lambda0 = 0.3
    s.photos.width = 256
    s.photos.height = 192
    s.photos.conditions = conditions
    s.photos.falseTriggersPerDay = 0.2
    return s
}

func temporaryDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-sim-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
    try? FileManager.default.removeItem(at: url)
    return url
}

/// Every regular file under `root`, relative path → contents.
func snapshot(_ root: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
        files[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
    }
    return files
}

@Suite struct DeterminismTests {
    @Test(arguments: [UInt64(1), 42])
    func sameSeedGivesIdenticalFiles(seed: UInt64) throws {
        let a = temporaryDirectory("det-a-\(seed)"), b = temporaryDirectory("det-b-\(seed)")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let simulator = SurveySimulator(settings: smallSettings(seed: seed))
        let first = try simulator.writeSurvey(to: a, encoder: PPMEncoder())
        _ = try simulator.writeSurvey(to: b, encoder: PPMEncoder())
        let sa = try snapshot(a), sb = try snapshot(b)
        #expect(first.photoCount > 0)
        #expect(sa.count == sb.count)
        #expect(Set(sa.keys) == Set(sb.keys))
        for (path, data) in sa { #expect(sb[path] == data, "\(path) differs between runs") }
    }

    @Test func fieldTriageConditionsGiveIdenticalFiles() throws {
        let a = temporaryDirectory("det-field-a"), b = temporaryDirectory("det-field-b")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let simulator = SurveySimulator(settings: fieldTriageSettings(seed: 9))
        _ = try simulator.writeSurvey(to: a, encoder: PPMEncoder())
        _ = try simulator.writeSurvey(to: b, encoder: PPMEncoder())
        let sa = try snapshot(a), sb = try snapshot(b)
        #expect(!sa.isEmpty && Set(sa.keys) == Set(sb.keys))
        for (path, data) in sa { #expect(sb[path] == data, "\(path) differs between runs") }
    }

    @Test func differentSeedsDiffer() throws {
        let a = try SurveySimulator(settings: smallSettings(seed: 1)).simulate()
        let b = try SurveySimulator(settings: smallSettings(seed: 2)).simulate()
        #expect(a.population != b.population)
    }

    @Test func historiesOnlyMatchesFullModeHistories() throws {
        let simulator = SurveySimulator(settings: smallSettings(seed: 5))
        let quick = try simulator.simulate(historiesOnly: true)
        let full = try simulator.simulate(historiesOnly: false)
        #expect(quick.histories == full.histories)
        #expect(quick.survey.detections == full.survey.detections)
    }

    @Test func generatorIsStable() {
        var rng = SeededGenerator(seed: 12345)
        let values = (0..<3).map { _ in rng.next() }
        var again = SeededGenerator(seed: 12345)
        #expect(values == (0..<3).map { _ in again.next() })
        #expect(SeededGenerator.hash("population") == SeededGenerator.hash("population"))
    }
}
