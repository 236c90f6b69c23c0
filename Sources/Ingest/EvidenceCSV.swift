import Core
import Crypto
import Foundation

/// Reads other evidence than photos from a CSV: snow tracks, scat and hair DNA, GPS-collar fixes, sightings,
/// carcass finds.
///
/// Columns (any order, names in any case): method, individualID, sampleID, timestamp, latitude, longitude,
/// uncertainty, motherID, fatherID, cause, notes. Required in the header: method, timestamp, and individualID or
/// sampleID; on every line: a method (see `Evidence.Method(label:)` for aliases), a timestamp, and an individual or
/// a sample. latitude and longitude (−90…90, −180…180) are required, except on a DNA line that states parentage
/// (motherID or fatherID) and has no place at all. uncertainty is metres ≥ 0; cause (road-kill, poaching, tiger,
/// disease, natural, unknown) is for carcass lines only, and a carcass without one is `unknown`. A timestamp
/// without a zone is read in the survey's zone, and said once. Unknown columns are reported once and ignored.
/// A bad line is reported with its file, line, column and value, and skipped; the rest is read.
public enum EvidenceCSV {
    public static let columns = ["method", "individualID", "sampleID", "timestamp", "latitude", "longitude",
                                 "uncertainty", "motherID", "fatherID", "cause", "notes"]
    public static let required = ["method", "timestamp"]

    public struct Parsed: Sendable {
        public var rows: [Evidence]
        /// Bad lines, each skipped.
        public var problems: [RosetteError]
        /// Said once per file: unknown columns, times read in the survey's zone.
        public var notices: [RosetteError]
    }

    /// Parses a file; throws only when the file as a whole is unusable (unreadable, required columns missing).
    public static func read(_ url: URL, defaultZone: ZoneSpec) throws -> Parsed {
        try parse(CSVReader(contentsOf: url, displayName: url.path), defaultZone: defaultZone)
    }

    public static func parse(_ csv: CSVReader, defaultZone: ZoneSpec) throws -> Parsed {
        var col: [String: Int] = [:]
        var unknown: [String] = []
        let canonical = Dictionary(columns.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for (i, name) in csv.header.enumerated() {
            if let c = canonical[name.lowercased()] { if col[c] == nil { col[c] = i } } else if !name.isEmpty { unknown.append(name) }
        }
        var missing = required.filter { col[$0] == nil }
        if col["individualID"] == nil && col["sampleID"] == nil { missing.append("individualID or sampleID") }
        guard missing.isEmpty else { throw RosetteError.csvMissingColumns(file: csv.file, columns: missing) }
        var result = Parsed(rows: [], problems: [], notices: [])
        if !unknown.isEmpty { result.notices.append(.csvUnknownColumns(file: csv.file, columns: unknown)) }
        var zoneless: (count: Int, first: Int) = (0, 0)
        for record in csv.records {
            do {
                guard record.fields.count == csv.header.count else {
                    let n = record.fields.count, h = csv.header.count
                    let column = n < h ? csv.header[n] : "field \(h + 1)"
                    throw RosetteError.csvFieldCountAt(file: csv.file, line: record.line, column: column, expected: h, found: n)
                }
                let row = CSVRow(file: csv.file, record: record, col: col)
                var assumedZone = false
                result.rows.append(try row.evidence(defaultZone: defaultZone, assumedZone: &assumedZone))
                if assumedZone {
                    if zoneless.count == 0 { zoneless.first = record.line }
                    zoneless.count += 1
                }
            } catch let e as RosetteError {
                result.problems.append(e)
            }
        }
        if zoneless.count > 0 {
            result.notices.append(.csvZoneAssumed(file: csv.file, column: "timestamp", zone: defaultZone.identifier,
                                                  lines: zoneless.count, firstLine: zoneless.first))
        }
        if let fatal = csv.fatal { result.problems.append(fatal) }
        return result
    }

    /// The content key of a row: SHA-256 over method, sample (else individual), time (ms) and place (1e-6°).
    public static func contentKey(method: Evidence.Method, individualID: String?, sampleID: String?, timestamp: Date,
                                  latitude: Double?, longitude: Double?) -> String {
        let who = sampleID.map { "sample:" + $0 } ?? "individual:" + (individualID ?? "")
        let ms = Int64((timestamp.timeIntervalSince1970 * 1000).rounded())
        func deg(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "-" }
        let text = [method.rawValue, who, String(ms), deg(latitude), deg(longitude)].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

}

/// Short number text for messages (90, not 90.0).
enum CSVNumber {
    static func short(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }
}

/// The evidence CSV's typed accessors.
extension CSVRow {
    func number(_ name: String, range: ClosedRange<Double>) throws -> Double? {
        guard let t = text(name) else { return nil }
        guard let v = Double(t), v.isFinite, range.contains(v) else {
            let upper = range.upperBound.isInfinite ? "≥ \(CSVNumber.short(range.lowerBound))"
                : "from \(CSVNumber.short(range.lowerBound)) to \(CSVNumber.short(range.upperBound))"
            throw bad(name, "a number \(upper)")
        }
        return v
    }

    func evidence(defaultZone: ZoneSpec, assumedZone: inout Bool) throws -> Evidence {
        guard let label = text("method") else {
            throw bad("method", "a method (it is required): " + Evidence.Method.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let method = Evidence.Method(label: label) else {
            throw bad("method", "a method: " + Evidence.Method.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let individual = text("individualID"), sample = text("sampleID")
        guard individual != nil || sample != nil else {
            throw bad(col["individualID"] != nil ? "individualID" : "sampleID", "an individual or a sample ID (one is required)")
        }
        guard let t = text("timestamp") else { throw bad("timestamp", "a date-time (it is required), such as 2024-11-03T06:10:00+10:00") }
        var when = Timestamp.parse(t, defaultZone: nil)
        if when == nil, let local = Timestamp.parse(t, defaultZone: defaultZone) {
            when = local
            assumedZone = true
        }
        guard let timestamp = when else { throw bad("timestamp", "a date-time such as 2024-11-03T06:10:00+10:00 or 2024-11-03T06:10:00Z") }
        let mother = text("motherID"), father = text("fatherID")
        let lat = try number("latitude", range: -90...90), lon = try number("longitude", range: -180...180)
        let parentageOnly = method.isDNA && (mother != nil || father != nil) && lat == nil && lon == nil
        if !parentageOnly {
            if lat == nil { throw bad("latitude", "a number from -90 to 90 (required unless a DNA line only states parentage)") }
            if lon == nil { throw bad("longitude", "a number from -180 to 180 (required unless a DNA line only states parentage)") }
        }
        var cause: Evidence.Cause?
        if let c = text("cause") {
            guard method == .carcass else { throw bad("cause", "empty: a cause of death is for carcass lines only") }
            guard let parsed = Evidence.Cause(label: c) else {
                throw bad("cause", "a cause of death: " + Evidence.Cause.allCases.map(\.rawValue).joined(separator: ", "))
            }
            cause = parsed
        } else if method == .carcass {
            cause = .unknown
        }
        if let mother, mother == individual { throw bad("motherID", "another individual than the line's own") }
        if let father, father == individual { throw bad("fatherID", "another individual than the line's own") }
        return Evidence(method: method, individualID: individual, sampleID: sample, timestamp: timestamp,
                        latitude: lat, longitude: lon, uncertainty: try number("uncertainty", range: 0...Double.infinity),
                        motherID: mother, fatherID: father, cause: cause, notes: text("notes"),
                        sourceFile: file, sourceLine: record.line,
                        contentKey: EvidenceCSV.contentKey(method: method, individualID: individual, sampleID: sample,
                                                           timestamp: timestamp, latitude: lat, longitude: lon))
    }
}
