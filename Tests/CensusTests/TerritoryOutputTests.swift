import Census
import Core
import Foundation
import Store
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Territories GeoJSON and SVG map: coordinates round-trip, generalised ones lie on the grid, nothing names a station.
@Suite struct TerritoryOutputTests {
    typealias P = PlanarGeometry.Point
    let projection = LocalProjection(originLatitude: 43.1, originLongitude: 131.3)

    /// A 3 × 3 grid of stations (2.5 × 2 km apart); L1 seen six times at four of them, L2 twice at two.
    func territories() -> TerritoryYear {
        var stations: [TerritoryYear.Station] = []
        for i in 0..<3 {
            for j in 0..<3 {
                let x: Double = Double(i) * 2500 - 2400, y: Double = Double(j) * 2000 - 1700
                stations.append(.init(id: "S\(i)\(j)", x: x, y: y))
            }
        }
        let t0 = Date(timeIntervalSince1970: 1_725_000_000)
        func at(_ id: String, _ s: Int, _ k: Int) -> LocatedDetection {
            LocatedDetection(individualID: id, x: stations[s].x, y: stations[s].y, timestamp: t0 + Double(k) * 86400, method: "camera", station: stations[s].id)
        }
        let detections = [at("L1", 0, 0), at("L1", 1, 1), at("L1", 4, 2), at("L1", 3, 3), at("L1", 4, 4), at("L1", 0, 5), at("L2", 8, 1), at("L2", 7, 3)]
        let traps = TrapLayout(ids: stations.map(\.id), x: stations.map(\.x), y: stations.map(\.y))
        var h = CaptureHistories(animalIDs: ["L1", "L2"], occasions: 6, traps: traps)
        for (k, d) in detections.enumerated() { h[animal: d.individualID == "L1" ? 0 : 1, occasion: k % 6, detector: stations.firstIndex { $0.id == d.station }!] = 1 }
        let mask = try! HabitatMask.trapBuffer(traps: traps, buffer: 3000)
        let centres = ActivityCentre.compute(histories: h, mask: mask, detectionFunction: .hazardHalfNormal, intercept: 0.1, sigma: 1500)
        return TerritoryYear(species: "Panthera pardus orientalis", year: 2024, projection: projection, stations: stations, detections: detections,
                             mask: mask, fit: nil, centres: centres, secrFailure: nil)
    }

    func features(_ text: String) throws -> [[String: Any]] {
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(o["type"] as? String == "FeatureCollection")
        return try #require(o["features"] as? [[String: Any]])
    }

    /// Every position in a geometry's coordinates, however nested.
    func positions(_ any: Any) -> [[Double]] {
        if let p = any as? [Double], p.count == 2 { return [p] }
        if let list = any as? [Any] { return list.flatMap(positions) }
        return []
    }

    func metres(_ lonLat: [Double]) -> P {
        let p = projection.project(latitude: lonLat[1], longitude: lonLat[0])
        return P(p.x, p.y)
    }

    @Test func exactCoordinatesRoundTripThroughLongitudeLatitude() throws {
        let t = territories()
        let fs = try features(try TerritoryGeoJSON.text(t))
        let detections = try #require(fs.first { ($0["properties"] as? [String: Any])?["feature"] as? String == "detections"
            && ($0["properties"] as? [String: Any])?["individualID"] as? String == "L1" })
        let back = positions((detections["geometry"] as! [String: Any])["coordinates"]!).map(metres)
        let original = t.range(of: "L1")!.locations
        #expect(back.count == original.count)
        for (a, b) in zip(back, original) { #expect(abs(a.x - b.x) < 0.02 && abs(a.y - b.y) < 0.02) }   // 1e-7° ≈ 1 cm
        // The MCP polygon is closed, counter-clockwise, and encloses the same area as in metres.
        let mcp = try #require(fs.first { ($0["properties"] as? [String: Any])?["feature"] as? String == "mcp100"
            && ($0["properties"] as? [String: Any])?["individualID"] as? String == "L1" })
        let ring = positions((mcp["geometry"] as! [String: Any])["coordinates"]!).map(metres)
        #expect(ring.first == ring.last)
        let area = PlanarGeometry.signedArea(Array(ring.dropLast()))
        #expect(area > 0 && abs(area / 1e6 - t.range(of: "L1")!.mcp100SquareKilometres) < 1e-4)
        let kinds = Set(fs.compactMap { ($0["properties"] as? [String: Any])?["feature"] as? String })
        #expect(kinds == ["stations", "detections", "mcp100", "mcp95", "kernel95", "activityCentre", "activityRegion95"])
        #expect(try TerritoryGeoJSON.text(t).contains("\"S00\""))     // exact output names stations
    }

    @Test(arguments: [5000.0, 10_000])
    func generalisedCoordinatesLieOnTheGridAndNameNoStation(_ g: Double) throws {
        let t = territories()
        let text = try TerritoryGeoJSON.text(t, disclosure: .generalised(LocationGrid(metres: g)))
        let all = try features(text).flatMap { positions(($0["geometry"] as! [String: Any])["coordinates"]!) }.map(metres)
        #expect(!all.isEmpty)
        for p in all {
            let i = (p.x - g / 2) / g, j = (p.y - g / 2) / g
            #expect(abs(i - i.rounded()) < 1e-5 && abs(j - j.rounded()) < 1e-5, "\(p) is not a \(g) m cell centre")
        }
        #expect(!text.contains("\"S0") && !text.contains("\"S1") && !text.contains("\"S2"))
        #expect(text.contains("\"coordinatePrecision\" : \(Int(g))"))
        let svg = TerritoryMap.svg(t, disclosure: .generalised(LocationGrid(metres: g)))
        #expect(!svg.contains("S00") && svg.contains("generalised"))
    }

    @Test func rolesChooseTheDisclosure() {
        #expect(LocationDisclosure.forRole(seesExactLocations: true, generaliseMetres: nil) == .exact)
        #expect(LocationDisclosure.forRole(seesExactLocations: false, generaliseMetres: nil) == .generalised(LocationGrid(metres: 10_000)))
        #expect(LocationDisclosure.forRole(seesExactLocations: true, generaliseMetres: 2000) == .generalised(LocationGrid(metres: 2000)))
        #expect(AccessRole.public.seesExactLocations == false && AccessRole.partner.seesExactLocations == true)
    }

    @Test func mapIsWellFormedSVGWithEveryIndividualAndAScaleBar() throws {
        let t = territories()
        let svg = TerritoryMap.svg(t)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(svg.contains(">L1 (6)<") && svg.contains(">L2 (2)<"))
        #expect(svg.contains(" km</text>"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 >= t.stations.count)   // station squares (+ legend)
        #expect(svg.contains("stroke-dasharray='6 3'"))                                   // an MCP outline
        let one = TerritoryMap.svg(t, individuals: ["L2"])                                // an individual's page
        #expect(one.contains(">L2 (2)<") && !one.contains(">L1 (6)<"))
    }

    @Test func addedEvidenceJoinsTheRanges() {
        let t = territories()
        let track = LocatedDetection(individualID: "L2", x: 3000, y: 3000, timestamp: Date(), method: "snow-track")
        let more = t.adding([track])
        #expect(more.range(of: "L2")!.locations.count == 3)
        #expect(more.range(of: "L2")!.mcp100SquareKilometres > 0 && t.range(of: "L2")!.mcp100SquareKilometres == 0)
    }
}
