import Foundation

extension SimulatedYears {
    public static let roadCrossingsHeader = "individualID,year,from,to,fromStation,toStation,roadIntersections"

    /// road.geojson: the road (`dynamics.road`) as a WGS84 LineString Feature named "road"; nil without a road.
    public var roadGeoJSON: String? {
        guard let road = settings.dynamics?.road, road.count >= 2 else { return nil }
        let positions = road.map { p -> String in
            let g = settings.origin.geographic(p)
            return String(format: "[%.7f, %.7f]", g.longitude, g.latitude)
        }
        return """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "road"},
               "geometry": {"type": "LineString", "coordinates": [\(positions.joined(separator: ", "))]}}
            ]}

            """
    }

    /// road-crossings.csv: the true crossings of the road, by the census's definition, from the photos' truth.
    ///
    /// Each individual's photos (truth rows with an individual) are grouped into independent events per station
    /// (a photo at most `minutes` after the previous one there joins its event; the event's first photo gives the
    /// time, true time); consecutive events whose stations lie on opposite sides of the road (the straight path
    /// between them crosses it an odd number of times) are one crossing, in the year of the later event.
    /// Nil without a road.
    public func roadCrossingsCSV(truth: [TruthRecord], minutes: Double = 30) -> String? {
        guard let points = settings.dynamics?.road, points.count >= 2 else { return nil }
        let road = RoadLine(points: points)
        var stationOf: [String: Station] = [:]
        for s in surveys {
            for d in s.survey.deployments { stationOf[d.id] = s.survey.stations[d.stationIndex] }
        }
        struct Event { var individual: String; var station: Station; var time: Double; var text: String; var last: Double }
        let rows = truth.compactMap { r -> (TruthRecord, Double, Station)? in
            guard !r.individualID.isEmpty, let s = stationOf[r.deploymentID], let t = Self.seconds(r.trueTimestamp) else { return nil }
            return (r, t, s)
        }.sorted { ($0.1, $0.0.filePath) < ($1.1, $1.0.filePath) }
        var events: [Event] = [], open: [String: Int] = [:]
        for (r, t, s) in rows {
            let key = r.individualID + "\u{1F}" + s.id
            if let i = open[key], t - events[i].last <= minutes * 60 { events[i].last = t; continue }
            open[key] = events.count
            events.append(Event(individual: r.individualID, station: s, time: t, text: r.trueTimestamp, last: t))
        }
        var out = Self.roadCrossingsHeader + "\n"
        for (id, track) in Dictionary(grouping: events, by: \.individual).sorted(by: { $0.key < $1.key }) {
            let ordered = track.sorted { ($0.time, $0.station.id) < ($1.time, $1.station.id) }
            for (a, b) in zip(ordered, ordered.dropFirst()) {
                let n = road.crossings(from: a.station.position, to: b.station.position)
                guard n % 2 == 1 else { continue }
                out += [id, String(b.text.prefix(4)), a.text, b.text, a.station.id, b.station.id, String(n)].joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// Seconds since 1970 of an ISO 8601 `YYYY-MM-DDTHH:MM:SS±HH:MM` (truth.csv's trueTimestamp).
    static func seconds(_ text: String) -> Double? {
        let c = Array(text.utf8)
        guard c.count >= 25 else { return nil }
        func n(_ from: Int, _ length: Int) -> Int? { Int(String(decoding: c[from..<(from + length)], as: UTF8.self)) }
        guard let y = n(0, 4), let mo = n(5, 2), let d = n(8, 2), let h = n(11, 2), let mi = n(14, 2), let s = n(17, 2),
              let oh = n(20, 2), let om = n(23, 2) else { return nil }
        let sign = c[19] == UInt8(ascii: "-") ? -1 : 1
        return Double(CivilTime.days(year: y, month: mo, day: d) * 86_400 + h * 3600 + mi * 60 + s - sign * (oh * 3600 + om * 60))
    }
}
