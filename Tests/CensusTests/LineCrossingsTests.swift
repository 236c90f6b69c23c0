import Census
import Core
import Foundation
import Testing
import TestSupport

/// Line crossings: parity of a path's intersections with straight and zig-zag lines, where and when, flagged
/// stations, per-year summaries, GeoJSON lines and what generalised tables leave out.
@Suite struct LineCrossingsTests {
    typealias P = PlanarGeometry.Point
    let zone = try! ZoneSpec("+10:00")
    let t0 = Date(timeIntervalSince1970: 1_725_000_000)   // 2024-08-30 (UTC+10)

    /// North–south through x = 0, 20 km long.
    let straight = CrossingLine(name: "highway", parts: [[P(0, -10_000), P(0, 10_000)]])
    /// A zig-zag along the x axis: vertices at y = 0, +1000, −1000, +1000, 0.
    let zigzag = CrossingLine(name: "river", parts: [[P(-5000, 0), P(-2500, 1000), P(0, -1000), P(2500, 1000), P(5000, 0)]])

    func detection(_ id: String, _ p: P, day: Double, station: String? = nil) -> LocatedDetection {
        LocatedDetection(individualID: id, x: p.x, y: p.y, timestamp: t0 + day * 86_400, method: "camera", station: station)
    }

    func crossings(_ lines: [CrossingLine], _ detections: [LocatedDetection], stations: [LineCrossings.Station] = [], near: Double = 500,
                   year: Int? = nil) -> LineCrossings {
        LineCrossings(lines: lines, stations: stations, detections: detections, nearMetres: near, year: year) {
            PopulationSummary.year(of: $0, zone: zone)
        }
    }

    struct PathCase: Sendable, CustomStringConvertible {
        var name: String, line: String, a: P, b: P, intersections: Int
        var description: String { name }
    }

    static let paths: [PathCase] = [
        .init(name: "straight, opposite sides", line: "highway", a: P(-1000, 0), b: P(1500, 300), intersections: 1),
        .init(name: "straight, same side", line: "highway", a: P(-1000, 0), b: P(-3000, 2000), intersections: 0),
        .init(name: "zig-zag, once", line: "river", a: P(-1250, -3000), b: P(-1250, 3000), intersections: 1),
        .init(name: "zig-zag, twice (same side)", line: "river", a: P(-3000, 500), b: P(3000, 500), intersections: 2),
        .init(name: "zig-zag, three times", line: "river", a: P(-4000, 500), b: P(3000, 500), intersections: 3),
        .init(name: "zig-zag, through a vertex", line: "river", a: P(0, -3000), b: P(0, 3000), intersections: 1),
    ]

    @Test(arguments: paths) func intersectionsCount(_ c: PathCase) {
        let line = c.line == "highway" ? straight : zigzag
        #expect(line.intersections(from: c.a, to: c.b).count == c.intersections)
        #expect(line.intersections(from: c.b, to: c.a).count == c.intersections)
    }

    @Test(arguments: paths) func oddPairsCountOnceEvenNever(_ c: PathCase) {
        let line = c.line == "highway" ? straight : zigzag
        let result = crossings([line], [detection("L1", c.a, day: 1), detection("L1", c.b, day: 2)])
        #expect(result.crossings.count == (c.intersections % 2 == 1 ? 1 : 0))
        #expect(result.crossings.allSatisfy { $0.intersections == c.intersections && $0.line == line.name })
    }

    @Test func crossingIsPlacedAtTheIntersectionNearestTheMidpoint() throws {
        // y = 500 from x = −4000 to 3000 meets the zig-zag at x = −3750, −1875 and 1875; the midpoint is x = −500.
        let r = crossings([zigzag], [detection("L1", P(-4000, 500), day: 1, station: "A"), detection("L1", P(3000, 500), day: 3, station: "B")])
        let c = try #require(r.crossings.first)
        #expect(abs(c.position.point.x - -1875) < 1e-6 && abs(c.position.point.y - 500) < 1e-6)
        #expect(c.position.segment == 1)
        let first = (2500.0 * 2500 + 1000 * 1000).squareRoot()
        #expect(abs(c.position.chainage - (first + 0.25 * (2500.0 * 2500 + 2000 * 2000).squareRoot())) < 1e-6)
        #expect(c.from == t0 + 86_400 && c.to == t0 + 3 * 86_400 && c.fromStation == "A" && c.toStation == "B")
    }

    @Test func consecutiveDetectionsInTimeOrderAndTheLaterYear() {
        // Given out of order: in time order west, east (day 10), east (day 130, in 2025), west → 2 crossings, one each year.
        let d = [detection("L1", P(-500, 0), day: 0), detection("L1", P(800, 0), day: 130), detection("L1", P(700, 900), day: 10),
                 detection("L1", P(-600, 100), day: 200), detection("L2", P(-500, 0), day: 5), detection("L2", P(-900, 0), day: 6)]
        let r = crossings([straight], d)
        #expect(r.crossings.count == 2)
        #expect(r.crossings.map(\.year) == [2024, 2025])
        #expect(r.crossings(of: "L2").isEmpty)
        let only2025 = crossings([straight], d, year: 2025)
        #expect(only2025.crossings.count == 1 && only2025.summaries.map(\.year) == [2025])
        let summary2024 = r.summaries.first { $0.year == 2024 }
        #expect(summary2024?.individualsDetected == 2 && summary2024?.individualsCrossing == 1 && summary2024?.crossings == 1)
        #expect(summary2024?.individualsBothSides == 1)   // L1 seen west and east in 2024; L2 only west
    }

    @Test func bothSidesIsAnyPairOfPlacesOnOppositeSides() {
        // Below, below (a path crossing the zig-zag twice: not counted), then above: one crossing, seen on both sides.
        let d = [detection("L1", P(-3000, 500), day: 1), detection("L1", P(3000, 500), day: 2), detection("L1", P(3000, 3000), day: 3)]
        let r = crossings([zigzag], d)
        #expect(r.crossings.count == 1)   // (3000, 500) below → (3000, 3000) above
        #expect(r.summaries.first?.individualsBothSides == 1)
        let sameSide = crossings([zigzag], Array(d.prefix(2)))
        #expect(sameSide.crossings.isEmpty && sameSide.summaries.first?.individualsBothSides == 0)
    }

    @Test(arguments: [100.0, 500, 1000]) func stationsNearALineAreFlagged(_ near: Double) {
        let stations: [LineCrossings.Station] = [.init(id: "S1", x: 300, y: 2000), .init(id: "S2", x: -800, y: 0), .init(id: "S3", x: 4000, y: 0)]
        let r = crossings([straight], [], stations: stations, near: near)
        let expected = stations.filter { abs($0.x) <= near }.map(\.id)
        #expect(r.flagged.map(\.station.id) == expected)
        #expect(r.flagged.allSatisfy { abs($0.distanceMetres - abs($0.station.x)) < 1e-6 && $0.position.point.x == 0 })
    }

    // MARK: GeoJSON

    let projection = LocalProjection(originLatitude: 43.1, originLongitude: 131.3)

    @Test func featureCollectionOfNamedAndUnnamedLinesAndAMultiLineString() throws {
        let text = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "A-189"}, "geometry": {"type": "LineString", "coordinates": [[131.28, 43.05], [131.32, 43.15]]}},
              {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString",
                 "coordinates": [[[131.20, 43.10], [131.25, 43.10]], [[131.30, 43.10], [131.35, 43.10], [131.40, 43.12]]]}}
            ]}
            """
        let lines = try CrossingLine.parse(Data(text.utf8), fileName: "roads.geojson", projection: projection)
        #expect(lines.map(\.name) == ["A-189", "line-2"])
        #expect(lines.map(\.parts.count) == [1, 2])
        let p = projection.project(latitude: 43.15, longitude: 131.32)
        #expect(abs(lines[0].parts[0][1].x - p.x) < 1e-9 && abs(lines[0].parts[0][1].y - p.y) < 1e-9)
        // The second line's parts are numbered on: part 2's first segment is segment 1, its chainage after part 1.
        let part1 = CrossingLine(name: "x", parts: [lines[1].parts[0]]).lengthMetres
        let hit = try #require(lines[1].intersections(from: P(lines[1].parts[1][0].x + 100, -1000), to: P(lines[1].parts[1][0].x + 100, 1000)).first)
        #expect(hit.position.segment == 1 && abs(hit.position.chainage - (part1 + 100)) < 1)
        let bare = try CrossingLine.parse(Data(#"{"type": "LineString", "coordinates": [[131.3, 43.0], [131.3, 43.2]]}"#.utf8),
                                          fileName: "bare.geojson", projection: projection)
        #expect(bare.map(\.name) == ["line-1"])
        let twice = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "LineString", "coordinates": [[131.3, 43.0], [131.3, 43.2]]}}, {"type": "Feature", "properties": {"name": "A"}, "geometry": {"type": "LineString", "coordinates": [[131.4, 43.0], [131.4, 43.2]]}}]}"#
        #expect(try CrossingLine.parse(Data(twice.utf8), fileName: "twice.geojson", projection: projection).map(\.name) == ["A", "A (feature 2)"])
    }

    static let badFiles: [(String, String)] = [
        ("not json", "not valid JSON"),
        (#"{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[131.3, 43.0], [131.3, 43.2]]}}, {"type": "Feature", "geometry": {"type": "Point", "coordinates": [131.3, 43.0]}}]}"#,
         "feature 2 ('line-2'): geometry type 'Point' is not a LineString"),
        (#"{"type": "Feature", "properties": {"name": "r"}, "geometry": {"type": "LineString", "coordinates": [[131.3, 43.0]]}}"#, "feature 1 ('r'): a line needs at least 2 positions"),
        (#"{"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[131.3, 43.0], [131.3, 43.1]], [[131.3, 43.0], ["east", 43.1]]]}}"#,
         "part 2: position 2 is not [longitude, latitude]"),
        (#"{"type": "Feature", "geometry": null}"#, "feature 1 ('line-1') has no geometry"),
    ]

    @Test(arguments: badFiles) func badGeoJSONNamesTheFileAndTheFeature(_ text: String, _ reason: String) throws {
        let dir = TemporaryDirectory("crossing-lines")
        let url = dir.path("bad-lines.geojson")
        try text.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try CrossingLine.read(contentsOf: url, projection: projection)
            Issue.record("no error for \(text)")
        } catch {
            let message = "\(error)"
            #expect(message.contains(url.path) && message.contains(reason), "\(message)")
        }
        #expect(throws: CensusError.self) { try CrossingLine.read(contentsOf: dir.path("missing.geojson"), projection: projection) }
    }

    // MARK: Tables

    @Test func generalisedTablesNameNoStationAndRoundChainage() throws {
        let stations: [LineCrossings.Station] = [.init(id: "STATION-WEST", x: -300, y: 1234), .init(id: "STATION-EAST", x: 2600, y: 1500)]
        var r = crossings([straight], [detection("L1", P(-300, 1234), day: 1, station: "STATION-WEST"), detection("L1", P(2600, 1500), day: 2, station: "STATION-EAST")],
                          stations: stations)
        r.projection = projection
        let exact = CrossingTables(r, disclosure: .exact, zone: zone)
        let csv = CrossingTables.csv(exact.crossingsCSV) + CrossingTables.csv(exact.stationsCSV)
        #expect(csv.contains("STATION-WEST") && csv.contains("STATION-EAST") && csv.contains(String(format: "%.3f", (10_000 + 1234 + 266.0 * 300 / 2900) / 1000)))   // chainage at the intersection
        let general = CrossingTables(r, disclosure: .generalised(LocationGrid(metres: 10_000)), zone: zone)
        let text = CrossingTables.csv(general.crossingsCSV) + CrossingTables.csv(general.stationsCSV) + CrossingTables.csv(general.summaryCSV)
            + CrossingMap.svg(r, disclosure: .generalised(LocationGrid(metres: 10_000)))
        #expect(!text.contains("STATION"))
        // Generalised, where along the line is the stretch inside the crossing's cell, which holds the exact chainage.
        let stretch = try #require(general.crossingsCSV.rows.first?[general.crossingsCSV.header.firstIndex(of: "cellChainageKm")!])
        let ends = stretch.split(separator: "-").compactMap { Double($0) }, exactKm = try #require(r.crossings.first).position.chainage / 1000
        #expect(ends.count == 2 && ends[0] <= exactKm && exactKm <= ends[1] && ends[1] - ends[0] >= 1, "\(stretch) around \(exactKm)")
        let ll = projection.unproject(x: -300, y: 1234)
        #expect(!text.contains(String(format: "%.4f", ll.latitude)) && !text.contains(String(format: "%.4f", ll.longitude)))
        #expect(general.stationsCSV.rows == [["highway", general.latLon(P(-300, 1234)).latitude, general.latLon(P(-300, 1234)).longitude, "1"]])
    }
}
