import Foundation

extension SECRTextFormat {
    /// secr's trap file: `Detector x y usage…` (a 0/1 string when usage is whole days per daily occasion,
    /// else one number per occasion).
    public static func trapText(_ traps: TrapLayout, comment: String? = nil) -> String {
        var lines: [String] = []
        if let comment { lines += comment.split(separator: "\n").map { "# " + $0 } }
        for k in 0..<traps.count {
            var line = "\(traps.ids[k]) \(format(traps.x[k])) \(format(traps.y[k]))"
            if let row = traps.usage?[k] {
                if row.allSatisfy({ $0 == 0 || $0 == 1 }) {
                    line += " " + row.map { $0 == 1 ? "1" : "0" }.joined()
                } else {
                    line += " " + row.map(format).joined(separator: " ")
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// secr's capture file: `Session ID Occasion Detector`, one line per detection (counts repeated).
    public static func captureText(_ histories: CaptureHistories, session: String, comment: String? = nil) -> String {
        var lines: [String] = []
        if let comment { lines += comment.split(separator: "\n").map { "# " + $0 } }
        for i in 0..<histories.animals {
            for s in 0..<histories.occasions {
                for k in 0..<histories.detectors {
                    for _ in 0..<histories[animal: i, occasion: s, detector: k] {
                        lines.append("\(session) \(histories.animalIDs[i]) \(s + 1) \(histories.traps.ids[k])")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.3f", v)
    }
}
