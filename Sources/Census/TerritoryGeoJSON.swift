import Foundation

/// GeoJSON (RFC 7946, WGS84 longitude/latitude) of one year's territories.
///
/// Per individual: a MultiPoint of its detections, Polygons of its 100% and 95% MCPs (when they have area), a
/// MultiPolygon of its 95% kernel isopleth (the outline of the grid cells it holds), the Point of its SECR activity
/// centre (posterior mean) and a MultiPolygon of its 95% region (the outline of the mask cells it holds, not their
/// hull). Properties: `individualID`, `year`, `feature` (detections, mcp100, mcp95, kernel95, activityCentre,
/// activityRegion95) and areas in km². Stations are a MultiPoint with their names unless generalised. With a
/// generalising disclosure every coordinate is snapped to the grid in local metres before it is converted, and the
/// collection carries `coordinatePrecision` (metres); outlines that collapse on the grid are left out.
public enum TerritoryGeoJSON {
    /// The FeatureCollection as a JSON object.
    public static func object(_ t: TerritoryYear, disclosure: LocationDisclosure = .exact) -> [String: Any] {
        func position(_ p: PlanarGeometry.Point) -> [Double] {
            let q = disclosure.point(p)
            let ll = t.projection.unproject(x: q.x, y: q.y)
            return [(ll.longitude * 1e7).rounded() / 1e7, (ll.latitude * 1e7).rounded() / 1e7]
        }
        func ring(_ r: [PlanarGeometry.Point]) -> [[Double]]? {
            guard let s = disclosure.ring(r) else { return nil }
            let ccw = PlanarGeometry.signedArea(s) >= 0 ? s : s.reversed()
            return (ccw + [ccw[0]]).map(position)      // snapping is idempotent: snapped vertices stay put
        }
        func hole(_ r: [PlanarGeometry.Point]) -> [[Double]]? {
            ring(r).map { Array($0.reversed()) }     // holes clockwise
        }
        func outline(_ polygons: [[[PlanarGeometry.Point]]]) -> [[[[Double]]]] {
            polygons.compactMap { rings -> [[[Double]]]? in
                guard let outer = ring(rings[0]) else { return nil }
                return [outer] + rings.dropFirst().compactMap(hole)
            }
        }
        func feature(_ geometry: [String: Any], _ properties: [String: Any]) -> [String: Any] {
            ["type": "Feature", "geometry": geometry, "properties": properties]
        }
        var features: [[String: Any]] = []
        var stationProps: [String: Any] = ["feature": "stations", "year": t.year, "count": t.stations.count]
        if disclosure.grid == nil { stationProps["names"] = t.stations.map(\.id) }
        let stationPositions = Dictionary(grouping: t.stations.map { position(.init($0.x, $0.y)) }, by: { $0 }).keys.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        features.append(feature(["type": "MultiPoint", "coordinates": disclosure.grid == nil ? t.stations.map { position(.init($0.x, $0.y)) } : stationPositions],
                                stationProps))
        for r in t.ranges {
            let base: [String: Any] = ["individualID": r.individualID, "year": t.year]
            features.append(feature(["type": "MultiPoint", "coordinates": r.locations.map(position)],
                                    base.merging(["feature": "detections", "locations": r.locations.count,
                                                  "distinctLocations": r.distinctLocations]) { a, _ in a }))
            for (name, poly, area) in [("mcp100", r.mcp100, r.mcp100SquareKilometres), ("mcp95", r.mcp95, r.mcp95SquareKilometres)] {
                guard let outer = ring(poly) else { continue }
                features.append(feature(["type": "Polygon", "coordinates": [outer]],
                                        base.merging(["feature": name, "areaSquareKilometres": area]) { a, _ in a }))
            }
            if let k = r.kernel {
                let rings = outline(GridOutline.polygons(cells: GridOutline.cells(k.isopleth95, of: k.grid), originX: k.grid.originX,
                                                         originY: k.grid.originY, spacing: k.grid.spacing))
                if !rings.isEmpty {
                    features.append(feature(["type": "MultiPolygon", "coordinates": rings],
                                            base.merging(["feature": "kernel95", "areaSquareKilometres": k.isopleth95SquareKilometres,
                                                          "bandwidthMetres": k.bandwidth]) { a, _ in a }))
                }
            }
        }
        if let mask = t.mask {
            for c in t.centres {
                let base: [String: Any] = ["individualID": c.individualID, "year": t.year]
                features.append(feature(["type": "Point", "coordinates": position(.init(c.meanX, c.meanY))],
                                        base.merging(["feature": "activityCentre", "region95SquareKilometres": c.region95SquareKilometres]) { a, _ in a }))
                let rings = outline(c.regionOutline(mask: mask))
                if !rings.isEmpty {
                    features.append(feature(["type": "MultiPolygon", "coordinates": rings],
                                            base.merging(["feature": "activityRegion95", "areaSquareKilometres": c.region95SquareKilometres]) { a, _ in a }))
                }
            }
        }
        var collection: [String: Any] = ["type": "FeatureCollection", "features": features]
        if let g = disclosure.grid { collection["coordinatePrecision"] = g.metres }
        return collection
    }

    /// The FeatureCollection as text.
    public static func text(_ t: TerritoryYear, disclosure: LocationDisclosure = .exact) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object(t, disclosure: disclosure), options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
