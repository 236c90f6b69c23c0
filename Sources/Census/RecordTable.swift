import Core
import Foundation
import Store

/// camtrapR-style record tables: one row per independent event, for cross-checking in R.
public enum RecordTable {
    public static let header = ["Station", "Species", "Individual", "DateTimeOriginal", "Date", "Time",
                                "delta.time.secs", "delta.time.mins", "delta.time.hours", "delta.time.days",
                                "Directory", "FileName", "n_records", "eventID"]

    /// CSV text for events, with local times in `zone`.
    public static func csv(_ events: [IndependentEvent], zone: ZoneSpec) -> String {
        var lines = [header.joined(separator: ",")]
        for e in events {
            let local = Timestamp.format(e.first.timestamp, in: zone)
            let date = String(local.prefix(10)), time = String(local.dropFirst(11).prefix(8))
            let delta = e.secondsSincePrevious ?? 0
            let path = e.first.filePath
            let slash = path.lastIndex(of: "/")
            let directory = slash.map { String(path[..<$0]) } ?? ""
            let file = slash.map { String(path[path.index(after: $0)...]) } ?? path
            let fields = [e.station, e.species, e.individualID ?? e.first.individualID ?? "", date + " " + time, date, time,
                          String(format: "%.0f", delta), String(format: "%.1f", delta / 60), String(format: "%.2f", delta / 3600),
                          String(format: "%.2f", delta / 86400), directory, file, String(e.records), e.first.eventID ?? ""]
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quote(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
