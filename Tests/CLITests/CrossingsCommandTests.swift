import Foundation
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `rosette census crossings` on a small simulated two-year survey with a road: recall of the simulator's true
/// road crossings, and public output that holds no station name and no exact coordinate.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct CrossingsCommandTests {
    /// Simulates 9 stations × 15 days × 2 years with a road between the station rows, photos tagged with the truth
    /// (individual IDs from XMP, no identification needed), and ingests them; returns the simulator's and the survey's folders.
    func survey(_ dir: TemporaryDirectory) throws -> (sim: URL, survey: String) {
        let sim = dir.path("sim"), survey = dir.path("S").path
        let simulated = try RosetteBinary.run(["simulate", sim.path, "--seed", "5", "--years", "2", "--leopards", "6", "--stations", "9", "--days", "15",
                                               "--region-width-km", "10", "--region-height-km", "10", "--width", "320", "--height", "240",
                                               "--tag-truth", "--other-species-scale", "0", "--false-triggers", "0", "--burst", "1",
                                               "--clock-error-fraction", "0", "--malfunction-probability", "0", "--lambda0", "0.3",
                                               "--road", "0,6.2;10,5.6"])
        try #require(simulated.status == 0, "\(simulated.stderr)")
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        try #require(try RosetteBinary.run(["deployments", "import", sim.appendingPathComponent("deployments.csv").path, "--survey", survey]).status == 0)
        let ingested = try RosetteBinary.run(["ingest", sim.appendingPathComponent("photos").path, "--survey", survey])
        try #require(ingested.status == 0, "\(ingested.stderr)")
        return (sim, survey)
    }

    /// Rows of a CSV without quoted fields, as header-keyed dictionaries.
    func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }

    func date(_ text: String?) -> Date? {
        guard let text else { return nil }
        let plain = ISO8601DateFormatter(), fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text) ?? plain.date(from: text)
    }

    @Test func findsTheSimulatedRoadCrossings() throws {
        let dir = TemporaryDirectory("crossings-cli")
        let (sim, survey) = try survey(dir)
        let out = dir.path("out")
        let run = try RosetteBinary.run(["census", "crossings", "--survey", survey, "--lines", sim.appendingPathComponent("road.geojson").path,
                                         "--near", "1000", "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("a minimum") && run.stdout.contains("crossingsAtLeast"), "\(run.stdout)")
        let truth = try rows(sim.appendingPathComponent("road-crossings.csv"))
        try #require(truth.count >= 10, "too few true crossings to measure recall: \(truth.count)")
        var found = try rows(out.appendingPathComponent("crossings.csv"))
        #expect(found.allSatisfy { $0["line"] == "road" && ($0["fromStation"] ?? "").hasPrefix("S") })
        // A true crossing is found when a found one has its individual and both ends of its time window within a minute.
        var matched = 0
        for t in truth {
            guard let from = date(t["from"]), let to = date(t["to"]) else { Issue.record("bad truth row \(t)"); continue }
            if let k = found.firstIndex(where: { f in
                f["individualID"] == t["individualID"] && date(f["from"]).map { abs($0.timeIntervalSince(from)) <= 60 } == true
                    && date(f["to"]).map { abs($0.timeIntervalSince(to)) <= 60 } == true
            }) {
                matched += 1
                found.remove(at: k)
            }
        }
        let foundCount = try rows(out.appendingPathComponent("crossings.csv")).count
        let recall = Double(matched) / Double(truth.count), precision = foundCount == 0 ? 0 : Double(matched) / Double(foundCount)
        print(String(format: "census crossings: recall %.3f (%d of %d true road crossings), precision %.3f (%d found)",
                     recall, matched, truth.count, precision, foundCount))
        #expect(recall >= 0.95)
        let summary = try rows(out.appendingPathComponent("crossings-summary.csv"))
        #expect(summary.map { $0["year"] } == ["2024", "2025"])
        #expect(summary.reduce(0) { $0 + (Int($1["crossingsAtLeast"] ?? "") ?? 0) } == foundCount)
        #expect(try rows(out.appendingPathComponent("crossing-stations.csv")).contains { $0["line"] == "road" && Double($0["distanceMetres"] ?? "") ?? 2000 <= 1000 })
        #expect(XMLParser(data: try Data(contentsOf: out.appendingPathComponent("crossings.svg"))).parse())
        let one = try RosetteBinary.run(["census", "crossings", "--survey", survey, "--lines", sim.appendingPathComponent("road.geojson").path,
                                         "--year", "2025", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any], "\(one.stdout)\(one.stderr)")
        let years = (json["crossings"] as? [[String: String]] ?? []).map { $0["year"] }
        #expect(!years.isEmpty && years.allSatisfy { $0 == "2025" })
    }

    @Test func publicOutputHoldsNoStationNameAndNoExactCoordinate() throws {
        let dir = TemporaryDirectory("crossings-cli")
        let (sim, survey) = try survey(dir)
        let out = dir.path("public")
        let lines = sim.appendingPathComponent("road.geojson").path
        let run = try RosetteBinary.run(["census", "crossings", "--survey", survey, "--lines", lines, "--near", "1000", "--out", out.path, "--role", "public"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("generalised to a 10000 m grid"))
        let json = try RosetteBinary.run(["census", "crossings", "--survey", survey, "--lines", lines, "--near", "1000", "--role", "public", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"coordinatePrecision\" : 10000"), "\(json.stdout)")
        // Every station's ID and its latitude and longitude to 4, 5 and 6 decimals (truncated and rounded).
        var forbidden = Set<String>()
        for d in try rows(sim.appendingPathComponent("deployments.csv")) {
            forbidden.insert(try #require(d["locationID"]))
            for key in ["latitude", "longitude"] {
                let text = try #require(d[key]), value = try #require(Double(text))
                let dot = try #require(text.firstIndex(of: "."))
                for decimals in 4...6 {
                    forbidden.insert(String(text[..<text.index(dot, offsetBy: decimals + 1, limitedBy: text.endIndex)!]))
                    forbidden.insert(String(format: "%.\(decimals)f", value))
                }
            }
        }
        #expect(forbidden.contains("S01") && forbidden.count > 9)
        let files = try FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil)
        #expect(Set(files.map(\.lastPathComponent)) == ["crossings.csv", "crossings-summary.csv", "crossing-stations.csv", "crossings.svg"])
        var outputs: [(String, Data)] = [("stdout", Data(run.stdout.utf8)), ("json", Data(json.stdout.utf8))]
        for f in files { outputs.append((f.lastPathComponent, try Data(contentsOf: f))) }
        for (name, bytes) in outputs {
            for word in forbidden {
                #expect(bytes.range(of: Data(word.utf8)) == nil, "\(name) contains '\(word)'")
            }
        }
        #expect(try rows(out.appendingPathComponent("crossings.csv")).count > 0)
    }

    @Test func aBadLinesFileIsNamed() throws {
        let dir = TemporaryDirectory("crossings-cli")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        try "deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,timezone\nD1,S1,S1,43.1,131.3,2024-09-01,2024-09-30,Asia/Vladivostok\n"
            .write(to: dir.path("d.csv"), atomically: true, encoding: .utf8)
        try #require(try RosetteBinary.run(["deployments", "import", dir.path("d.csv").path, "--survey", survey]).status == 0)
        let bad = dir.path("river.geojson")
        try #"{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let run = try RosetteBinary.run(["census", "crossings", "--survey", survey, "--lines", bad.path])
        #expect(run.status != 0 && run.stderr.contains(bad.path) && run.stderr.contains("'Polygon' is not a LineString"), "\(run.stderr)")
    }
}
