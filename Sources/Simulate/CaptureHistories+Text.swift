import Foundation

extension CaptureHistories {
    /// secr capture file: `Session ID Occasion Detector`, one line per animal-day-station.
    public var captText: String {
        var out = "# Session ID Occasion Detector\n"
        for c in captures { out += "\(session) \(c.individualID) \(c.occasion) \(c.detectorID)\n" }
        return out
    }

    /// secr detector file: `Detector x y usage` (metres; usage = one 0/1 per occasion).
    public var trapText: String {
        var out = "# Detector x y usage\n"
        for (k, id) in detectorIDs.enumerated() {
            let usageString = String(decoding: usage[k].map { $0 == 0 ? UInt8(ascii: "0") : UInt8(ascii: "1") }, as: UTF8.self)
            out += String(format: "%@ %.1f %.1f ", id, detectorPositions[k].x, detectorPositions[k].y) + usageString + "\n"
        }
        return out
    }

    /// Closed capture–recapture histories: `ID history`, one 0/1 per occasion (detected anywhere that day).
    public var historiesText: String {
        var out = "# ID history (one 0/1 per occasion)\n"
        for (id, h) in zip(individualIDs, histories) {
            out += id + " " + String(decoding: h.map { $0 == 0 ? UInt8(ascii: "0") : UInt8(ascii: "1") }, as: UTF8.self) + "\n"
        }
        return out
    }

    /// Writes `secr/capt.txt`, `secr/trap.txt` and `histories.txt` under `directory`.
    public func write(to directory: URL) throws {
        let secr = directory.appendingPathComponent("secr")
        try FileManager.default.createDirectory(at: secr, withIntermediateDirectories: true)
        try OutputFiles.write(captText, to: secr.appendingPathComponent("capt.txt"))
        try OutputFiles.write(trapText, to: secr.appendingPathComponent("trap.txt"))
        try OutputFiles.write(historiesText, to: directory.appendingPathComponent("histories.txt"))
    }
}

/// Small helpers for writing output files with useful errors.
enum OutputFiles {
    static func write(_ text: String, to url: URL) throws {
        do { try Data(text.utf8).write(to: url) } catch {
            throw SimulationError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Quotes a CSV field when needed.
    static func csv(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
