import Foundation
import Testing
@testable import Simulate

@Suite struct FormatTests {
    @Test func secrFilesHaveTheRightShape() throws {
        var s = smallSettings(seed: 3)
        s.survey.days = 12
        s.survey.malfunctionProbability = 0.6
        let out = temporaryDirectory("secr")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try SurveySimulator(settings: s).writeHistories(to: out)
        let trap = try String(contentsOf: out.appendingPathComponent("secr/trap.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(trap.count == r.survey.stations.count)
        for line in trap {
            let f = line.split(separator: " ")
            #expect(f.count == 4)
            #expect(Double(f[1]) != nil && Double(f[2]) != nil)
            #expect(f[3].count == 12 && f[3].allSatisfy { $0 == "0" || $0 == "1" })
        }
        #expect(trap.contains { $0.contains("0") && $0.split(separator: " ")[3].contains("0") }, "some malfunction day expected")
        let capt = try String(contentsOf: out.appendingPathComponent("secr/capt.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(capt.count == r.histories.captures.count)
        let ids = Set(r.survey.stations.map(\.id))
        for line in capt {
            let f = line.split(separator: " ").map(String.init)
            #expect(f.count == 4 && f[0] == "1" && ids.contains(f[3]))
            #expect((1...12).contains(Int(f[2])!))
        }
        // No detection on a day the station was not working.
        for d in r.survey.detections { #expect(r.survey.usage[d.stationIndex][d.day] == 1) }
        let histories = try String(contentsOf: out.appendingPathComponent("histories.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(histories.count == r.histories.animalsDetected)
        for line in histories { #expect(line.split(separator: " ")[1].count == 12) }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("simulation.json").path))
    }

    @Test func civilTimeFormats() {
        let t = Double(CivilTime.days(year: 2024, month: 9, day: 1)) * 86_400 - 36_000  // local midnight +10:00
        #expect(CivilTime.iso8601(t, offsetSeconds: 36_000) == "2024-09-01T00:00:00+10:00")
        #expect(CivilTime.exif(t + 3_723.5, offsetSeconds: 36_000).dateTime == "2024:09:01 01:02:03")
        #expect(CivilTime.exif(t + 3_723.5, offsetSeconds: 36_000).subSec == "50")
        #expect(CivilTime.date(days: CivilTime.days(year: 2000, month: 2, day: 29)) == (2000, 2, 29))
        let sun = CivilTime.sunTimes(dayOfYear: 245, latitude: 43.1, longitude: 131.3, utcOffsetHours: 10)
        // Clock time +10:00 runs ~75 min ahead of solar time at 131.3° E: solar noon ≈ 13:15, day ≈ 13 h.
        let noon = (sun.rise + sun.set) / 2, length = sun.set - sun.rise
        #expect(abs(noon - 13.25) < 0.2 && abs(length - 13.1) < 0.4, "1 Sep sun \(sun)")
    }

    @Test(arguments: [
        ("id,x,y\nS1,0,0\nS2,abc,5\n", ":3:", "x \"abc\" is not a number"),
        ("id,x,y\nS1,0,0\nS1,5,5\n", ":3:", "duplicate station id"),
        ("name,x,y\nS1,0,0\n", ":1:", "header"),
        ("id,latitude,longitude,cameras\nS1,43.1,131.3,3\n", ":2:", "must be 1 or 2"),
    ])
    func badStationsCSVNamesTheLine(text: String, location: String, message: String) throws {
        let url = temporaryDirectory("stations.csv")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try StationSpec.read(csvAt: url, origin: .landOfTheLeopard)
            Issue.record("expected an error")
        } catch {
            let description = String(describing: error)
            #expect(description.contains(message), "\(description)")
            #expect(description.contains("stations.csv" + location), "\(description)")
        }
    }

    @Test func stationsCSVWithCoordinatesAndPairing() throws {
        let url = temporaryDirectory("stations-ok.csv")
        try Data("# survey 2024\nstationID,latitude,longitude,cameras\nA01,43.2,131.4,1\nA02,43.21,131.42,2\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var s = SimulationSettings()
        s.layout.kind = .list
        s.layout.stations = try StationSpec.read(csvAt: url, origin: s.origin)
        s.region = .rectangle(width: 30_000, height: 30_000)
        let stations = try Station.layout(settings: s.layout, region: s.region, seed: 1)
        #expect(stations.map(\.id) == ["A01", "A02"])
        #expect(stations.map(\.cameraIDs.count) == [1, 2])
        let (lat, lon) = s.origin.geographic(stations[0].position)
        #expect(abs(lat - 43.2) < 1e-9 && abs(lon - 131.4) < 1e-9)
    }

    @Test(arguments: LayoutSettings.Kind.allCases.filter { $0 != .list })
    func layoutsPlaceStationsInHabitat(kind: LayoutSettings.Kind) throws {
        var s = LayoutSettings()
        s.kind = kind
        s.stationCount = 16
        s.spacing = 2_000
        s.borderX = 10_000
        let region = Region(habitat: [.rectangle(minX: 0, minY: 0, maxX: 20_000, maxY: 20_000)],
                            nonHabitat: [.rectangle(minX: 0, minY: 0, maxX: 6_000, maxY: 20_000)])
        let stations = try Station.layout(settings: s, region: region, seed: 4)
        #expect(!stations.isEmpty && stations.count <= 16)
        for st in stations {
            #expect(region.isHabitat(st.position))
            #expect(st.jurisdiction == (st.position.x < 10_000 ? "CN" : "RU"))
        }
    }

    @Test func geoJSONRegion() throws {
        let url = temporaryDirectory("region.geojson")
        let json = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[131.3,43.1],[131.5,43.1],[131.5,43.3],[131.3,43.3],[131.3,43.1]]]}}]}"#
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let polygons = try Region.polygons(geoJSONAt: url, origin: .landOfTheLeopard)
        let region = Region(habitat: polygons)
        let km2 = region.habitatArea / 1e6
        #expect(km2 > 350 && km2 < 380, "area \(km2) km²")  // 0.2° × 0.2° at 43° N ≈ 362 km²
    }
}
