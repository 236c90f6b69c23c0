import Census
import Core
import Foundation
import Store
import Testing
import TestSupport

/// Territories built from a survey's identified camera detections.
@Suite struct TerritorySurveyTests {
    let zone = try! ZoneSpec("+10:00")

    /// Four stations at the corners of a 0.03° × 0.02° rectangle; L1 at all four (a two-photo burst at S01), L2 at two.
    func makeSurvey(_ dir: TemporaryDirectory) throws -> SurveyStore {
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let store = try SurveyStore.create(directory: dir.path("S"), settings: settings)
        let corners: [(String, Double, Double)] = [("S01", 43.10, 131.30), ("S02", 43.10, 131.33), ("S03", 43.12, 131.33), ("S04", 43.12, 131.30)]
        try store.upsertDeployments(corners.map { c in
            (Deployment(deploymentID: c.0 + "-A", locationID: c.0, locationName: c.0, latitude: c.1, longitude: c.2,
                        deploymentStart: Timestamp.parse("2024-09-01", defaultZone: zone)!,
                        deploymentEnd: Timestamp.parse("2024-09-30", defaultZone: zone, endOfDay: true)!, timezone: "+10:00", jurisdiction: "RU"), [])
        }, actor: "t")
        let run = try store.beginIngestRun(root: "/cards")
        let (root, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let sightings: [(String, String, String)] = [
            ("S01", "2024-09-03T02:00:00", "L1"), ("S01", "2024-09-03T02:05:00", "L1"), ("S02", "2024-09-05T03:00:00", "L1"),
            ("S03", "2024-09-07T04:00:00", "L1"), ("S04", "2024-09-09T05:00:00", "L1"), ("S01", "2024-09-04T01:00:00", "L2"),
            ("S02", "2024-09-06T01:00:00", "L2"), ("S01", "2024-09-12T01:00:00", "L2")]
        var files: [IngestedFile] = []
        for (i, s) in sightings.enumerated() {
            var m = Media(rootID: root, filePath: "\(s.0)/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 1, fileModified: 0, contentKey: "k\(i)")
            m.deploymentID = s.0 + "-A"
            m.timestamp = Timestamp.parse(s.1 + "+10:00", defaultZone: nil)
            var o = Observation(mediaID: nil, deploymentID: s.0 + "-A", observationType: .animal)
            o.scientificName = "Panthera pardus orientalis"
            o.individualID = s.2
            files.append(IngestedFile(media: m, observations: [o], replacing: nil))
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        return store
    }

    @Test func burstsAreOneLocationAndTheMCPIsTheStationRectangle() throws {
        let dir = TemporaryDirectory("territories")
        let t = try TerritoryYear.build(store: try makeSurvey(dir), species: "Panthera pardus orientalis", year: 2024)
        #expect(t.stations.map(\.id) == ["S01", "S02", "S03", "S04"])
        let l1 = try #require(t.range(of: "L1")), l2 = try #require(t.range(of: "L2"))
        #expect(l1.locations.count == 4)          // the 02:00 and 02:05 photos at S01 are one independent event
        #expect(l2.locations.count == 3 && l2.distinctLocations == 2 && l2.mcp100SquareKilometres == 0)
        // Equirectangular projection at the stations' mean latitude: the rectangle's sides are exact.
        let rad = Double.pi / 180, earth = 6_371_008.8
        let width = 0.03 * rad * cos(43.11 * rad) * earth, height = 0.02 * rad * earth
        #expect(abs(l1.mcp100SquareKilometres - width * height / 1e6) < 1e-3)
        // L2's range (two stations) lies on L1's edge: an MCP of area 0 has no overlap to report.
        #expect(t.overlaps.isEmpty)
        if let fit = t.fit {
            #expect(t.centres.count == 2 && fit.sigma.estimate > 0)
            for c in t.centres { #expect(abs(c.posterior.reduce(0, +) - 1) < 1e-9) }
        } else {
            #expect(t.secrFailure?.isEmpty == false)
        }
    }

    @Test func aYearWithoutDeploymentsIsAnError() throws {
        let dir = TemporaryDirectory("territories")
        #expect(throws: CensusError.self) { try TerritoryYear.build(store: try makeSurvey(dir), species: "Panthera pardus orientalis", year: 2019) }
    }
}
