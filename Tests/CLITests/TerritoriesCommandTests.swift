import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `rosette census territories` on a small ingested survey: the table, JSON, map and GeoJSON, exact and public.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct TerritoriesCommandTests {
    func makeSurvey(_ dir: TemporaryDirectory) throws -> String {
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        var csv = "deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,timezone\n"
        for (s, lat, lon) in [("S01", 43.10, 131.30), ("S02", 43.10, 131.33), ("S03", 43.12, 131.33), ("S04", 43.12, 131.30)] {
            csv += "\(s),\(s),\(s),\(lat),\(lon),2024-09-01,2024-09-30,Asia/Vladivostok\n"
        }
        try csv.write(to: dir.path("d.csv"), atomically: true, encoding: .utf8)
        try #require(try RosetteBinary.run(["deployments", "import", dir.path("d.csv").path, "--survey", survey]).status == 0)
        let photos: [(String, String, String)] = [("S01", "2024:09:03 02:00:00", "L1"), ("S02", "2024:09:05 03:00:00", "L1"),
                                                  ("S03", "2024:09:07 04:00:00", "L1"), ("S04", "2024:09:09 05:00:00", "L1"),
                                                  ("S02", "2024:09:04 01:00:00", "L2"), ("S03", "2024:09:06 01:00:00", "L2")]
        for (k, p) in photos.enumerated() {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: p.1, seed: k, tags: ["Species|Panthera pardus orientalis", "individual|\(p.2)"]),
                                    to: dir.path("cards/\(p.0)/IMG_\(k).JPG"))
        }
        let ingested = try RosetteBinary.run(["ingest", dir.path("cards").path, "--survey", survey])
        try #require(ingested.status == 0, "\(ingested.stderr)")
        return survey
    }

    @Test func territoriesPrintRangesAndWriteMapAndGeoJSON() throws {
        let dir = TemporaryDirectory("territories-cli")
        let survey = try makeSurvey(dir)
        let out = dir.path("out")
        let run = try RosetteBinary.run(["census", "territories", "--survey", survey, "--year", "2024", "--out", out.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let individuals = try #require(json["individuals"] as? [[String: Any]])
        #expect(individuals.map { $0["individualID"] as? String } == ["L1", "L2"])
        try #require(individuals.count == 2)
        #expect(individuals[0]["locations"] as? Int == 4)
        #expect((individuals[0]["mcp100SquareKilometres"] as? Double ?? 0) > 5)      // ≈ 2.44 km × 2.22 km
        #expect(json["coordinatePrecision"] is NSNull)
        let svg = try Data(contentsOf: out.appendingPathComponent("territories-2024.svg"))
        #expect(XMLParser(data: svg).parse())
        let geo = try String(contentsOf: out.appendingPathComponent("territories-2024.geojson"), encoding: .utf8)
        #expect(geo.contains("\"FeatureCollection\"") && geo.contains("\"S01\""))
        let table = try RosetteBinary.run(["census", "territories", "--survey", survey, "--year", "2024"])
        #expect(table.status == 0 && table.stdout.contains("MCP100 km²") && table.stdout.contains("L1"))
    }

    /// What leaves the survey for the public or for a partner across the border is generalised alike.
    @Test(arguments: ["public", "partner"])
    func outputForARoleWithoutExactFilesIsGeneralisedToTenKilometresAndNamesNoStation(role: String) throws {
        let dir = TemporaryDirectory("territories-cli")
        let survey = try makeSurvey(dir)
        let out = dir.path(role)
        let run = try RosetteBinary.run(["census", "territories", "--survey", survey, "--year", "2024", "--out", out.path, "--role", role])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("generalised to a 10000 m grid") && !run.stdout.contains("S01"))
        let geo = try String(contentsOf: out.appendingPathComponent("territories-2024.geojson"), encoding: .utf8)
        #expect(geo.contains("\"coordinatePrecision\" : 10000") && !geo.contains("S01"))
        let svg = try String(contentsOf: out.appendingPathComponent("territories-2024.svg"), encoding: .utf8)
        #expect(!svg.contains("S01"))
        let bad = try RosetteBinary.run(["census", "territories", "--survey", survey, "--year", "2024", "--generalise", "0"])
        #expect(bad.status != 0 && bad.stderr.contains("--generalise must be a positive number"))
    }
}
