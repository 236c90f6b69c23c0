import Core
import Foundation

/// Reads deployments from a CSV with Camtrap DP column names.
///
/// Required: deploymentID, latitude, longitude, deploymentStart, deploymentEnd. Also read: locationID,
/// locationName, coordinateUncertainty, cameraID, cameraModel, timezone (IANA name or ±hh:mm; when
/// empty, the zone of deploymentStart or else the survey's), jurisdiction, malfunctions (`start/end`
/// intervals separated by `;`), clockOffset (seconds added to camera time), deploymentComments.
/// Other columns are ignored. A bad line is reported with its line and column and skipped.
public enum DeploymentsCSV {
    public static let required = ["deploymentID", "latitude", "longitude", "deploymentStart", "deploymentEnd"]

    public struct Parsed: Sendable {
        public var deployments: [(Deployment, [Malfunction])]
        public var problems: [RosetteError]
    }

    /// Parses a file; throws only when the file as a whole is unusable (unreadable, required columns missing).
    public static func read(_ url: URL, defaultZone: ZoneSpec) throws -> Parsed {
        let csv = try CSVReader(contentsOf: url, displayName: url.path)
        return try parse(csv, defaultZone: defaultZone)
    }

    public static func parse(_ csv: CSVReader, defaultZone: ZoneSpec) throws -> Parsed {
        let missing = csv.missing(required)
        guard missing.isEmpty else { throw RosetteError.csvMissingColumns(file: csv.file, columns: missing) }
        let col = csv.columnIndex
        var result = Parsed(deployments: [], problems: [])
        var seen: Set<String> = []
        for record in csv.records {
            do {
                guard record.fields.count == csv.header.count else {
                    throw RosetteError.csvFieldCount(file: csv.file, line: record.line, expected: csv.header.count, found: record.fields.count)
                }
                let row = CSVRow(file: csv.file, record: record, col: col)
                let parsed = try row.deployment(defaultZone: defaultZone)
                guard seen.insert(parsed.0.deploymentID).inserted else {
                    throw RosetteError.csvDuplicateKey(file: csv.file, line: record.line, column: "deploymentID", value: parsed.0.deploymentID)
                }
                result.deployments.append(parsed)
            } catch let e as RosetteError {
                result.problems.append(e)
            }
        }
        if let fatal = csv.fatal { result.problems.append(fatal) }
        return result
    }

}

/// The deployments CSV's typed accessors.
extension CSVRow {
    func number(_ name: String, range: ClosedRange<Double>? = nil, required: Bool) throws -> Double? {
        guard let t = text(name) else {
            if required { throw bad(name, "a number (it is required)") }
            return nil
        }
        guard let v = Double(t), v.isFinite, range.map({ $0.contains(v) }) ?? true else {
            throw bad(name, range.map { "a number from \($0.lowerBound) to \($0.upperBound)" } ?? "a number")
        }
        return v
    }

    func date(_ name: String, zone: ZoneSpec, endOfDay: Bool = false) throws -> Date {
        guard let t = text(name), let d = Timestamp.parse(t, defaultZone: zone, endOfDay: endOfDay) else {
            throw bad(name, "a date-time such as 2024-09-01T06:30:00+10:00")
        }
        return d
    }

    func deployment(defaultZone: ZoneSpec) throws -> (Deployment, [Malfunction]) {
        guard let id = text("deploymentID") else { throw bad("deploymentID", "an identifier (it is required)") }
        var zone = defaultZone
        if let tz = text("timezone") {
            guard let z = try? ZoneSpec(tz) else { throw bad("timezone", "a time zone such as Asia/Vladivostok or +10:00") }
            zone = z
        } else if let start = text("deploymentStart"), start.count > 19,
                  let offsetStart = start.lastIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }),
                  start.distance(from: start.startIndex, to: offsetStart) >= 19,
                  let z = try? ZoneSpec(String(start[offsetStart...])) {
            zone = z
        }
        let start = try date("deploymentStart", zone: zone)
        let end = try date("deploymentEnd", zone: zone, endOfDay: true)
        guard end >= start else { throw bad("deploymentEnd", "after deploymentStart") }
        var d = Deployment(
            deploymentID: id, locationID: text("locationID"), locationName: text("locationName"),
            latitude: try number("latitude", range: -90...90, required: true)!,
            longitude: try number("longitude", range: -180...180, required: true)!,
            coordinateUncertainty: try number("coordinateUncertainty", range: 0...1e7, required: false),
            deploymentStart: start, deploymentEnd: end, cameraID: text("cameraID"), cameraModel: text("cameraModel"),
            timezone: zone.identifier, jurisdiction: text("jurisdiction"),
            clockOffset: try number("clockOffset", required: false) ?? 0,
            deploymentComments: text("deploymentComments"))
        if d.locationName == nil { d.locationName = d.locationID }
        var malfunctions: [Malfunction] = []
        for interval in (text("malfunctions") ?? "").split(separator: ";") {
            let parts = interval.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let a = Timestamp.parse(parts[0], defaultZone: zone),
                  let b = Timestamp.parse(parts[1], defaultZone: zone, endOfDay: true), b >= a else {
                throw RosetteError.csvBadValue(file: file, line: record.line, column: "malfunctions", value: String(interval),
                                               expected: "an interval start/end such as 2024-09-03/2024-09-05")
            }
            malfunctions.append(Malfunction(deploymentID: id, start: a, end: b))
        }
        return (d, malfunctions)
    }
}
