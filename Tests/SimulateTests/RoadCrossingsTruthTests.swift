import Core
import Foundation
import Testing
@testable import Simulate

/// The simulator's road as GeoJSON and its true crossings: independent events per station, odd parity only.
@Suite struct RoadCrossingsTruthTests {
    func row(_ individual: String, deployment: String, _ time: String) -> TruthRecord {
        TruthRecord(filePath: "\(deployment)/IMG_\(time).JPG", deploymentID: deployment, trueTimestamp: time, exifDateTimeOriginal: "", sequence: "",
                    species: "Panthera pardus orientalis", individualID: individual, side: "left", bbox: [0.3, 0.4, 0.3, 0.2], conditions: "field",
                    isNight: true, observationType: "animal", lifeStage: "adult", sex: "female")
    }

    @Test func roadGeoJSONReadsBackAsTheRoad() throws {
        let simulated = try SurveySimulator(settings: yearsSettings(seed: 4, years: 2)).simulateYears(historiesOnly: true)
        let dir = temporaryDirectory("road-geojson")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("road.geojson")
        try #require(simulated.roadGeoJSON).write(to: url, atomically: true, encoding: .utf8)
        let back = try RoadLine.read(geoJSONAt: url, origin: simulated.settings.origin)
        let road = simulated.settings.dynamics!.road
        #expect(back.points.count == road.count)
        for (a, b) in zip(back.points, road) { #expect(a.distanceSquared(to: b) < 0.05 * 0.05) }
        var noRoad = yearsSettings(seed: 4, years: 2)
        noRoad.dynamics!.road = []
        let without = try SurveySimulator(settings: noRoad).simulateYears(historiesOnly: true)
        #expect(without.roadGeoJSON == nil && without.roadCrossingsCSV(truth: []) == nil)
    }

    @Test func truthCrossingsAreConsecutiveEventsOnOppositeSides() throws {
        let simulated = try SurveySimulator(settings: yearsSettings(seed: 4, years: 2)).simulateYears(historiesOnly: true)
        let road = RoadLine(points: simulated.settings.dynamics!.road)
        let survey = simulated.surveys[0].survey
        let deployments = survey.deployments
        // A deployment south of the road, one north of it, and another south (by the parity of a path to a far-south point).
        let far = Point(x: 6_000, y: -100_000)
        func south(_ d: Simulate.Deployment) -> Bool { road.crossings(from: survey.stations[d.stationIndex].position, to: far) % 2 == 0 }
        let s1 = try #require(deployments.first { south($0) }), n1 = try #require(deployments.first { !south($0) })
        let s2 = try #require(deployments.first { south($0) && $0.stationIndex != s1.stationIndex })
        let truth = [row("X", deployment: s1.id, "2024-09-02T01:00:00+10:00"), row("X", deployment: s1.id, "2024-09-02T01:20:00+10:00"),
                     row("X", deployment: n1.id, "2024-09-02T01:10:00+10:00"),   // between two photos of one event at s1: still its own event
                     row("X", deployment: n1.id, "2024-09-03T05:00:00+10:00"), row("X", deployment: s2.id, "2024-09-04T05:00:00+10:00"),
                     row("X", deployment: s2.id, "2025-09-04T05:00:00+10:00"), row("Y", deployment: s1.id, "2024-09-02T02:00:00+10:00")]
        let csv = try #require(simulated.roadCrossingsCSV(truth: truth, minutes: 30))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.first == SimulatedYears.roadCrossingsHeader)
        // Events of X in time order: s1 01:00, n1 01:10, n1 05:00 next day, s2, s2 a year later → s1→n1 and n1→s2.
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(6).joined(separator: ",") } == [
            "X,2024,2024-09-02T01:00:00+10:00,2024-09-02T01:10:00+10:00,\(s1.stationID),\(n1.stationID)",
            "X,2024,2024-09-03T05:00:00+10:00,2024-09-04T05:00:00+10:00,\(n1.stationID),\(s2.stationID)"])
    }
}
