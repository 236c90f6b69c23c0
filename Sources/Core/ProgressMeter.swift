import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Shows progress of long work on stderr: count, rate and ETA.
///
/// On a terminal it redraws one live bar line; otherwise (a log, CI) it prints a plain line at most
/// every `interval` seconds, so logs stay readable. Not shared between threads.
public final class ProgressMeter {
    public let label: String
    public private(set) var total: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let isTerminal: Bool
    private let interval: TimeInterval
    private let enabled: Bool

    public init(label: String, total: Int?, enabled: Bool = true) {
        self.label = label
        self.total = total
        self.enabled = enabled
        isTerminal = isatty(STDERR_FILENO) == 1
        interval = isatty(STDERR_FILENO) == 1 ? 0.1 : 5
    }

    /// Sets the total once it is known (e.g. after a counting pass).
    public func setTotal(_ total: Int?) { self.total = total }

    /// Reports `done` items finished; draws if enough time has passed (or `force`).
    public func update(done: Int, detail: String = "", force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= interval else { return }
        lastDraw = now
        let line = ProgressMeter.describe(label: label, done: done, total: total,
                                          elapsed: now.timeIntervalSince(start), detail: detail, bar: isTerminal)
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
    }

    /// Ends the live line (on a terminal) so later output starts on a fresh line.
    public func finish(done: Int, detail: String = "") {
        guard enabled else { return }
        update(done: done, detail: detail, force: true)
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Writes a message above the live line.
    public func message(_ text: String) {
        FileHandle.standardError.write(Data(((isTerminal && enabled ? "\r\u{1B}[K" : "") + text + "\n").utf8))
        lastDraw = .distantPast
    }

    /// The progress text: "label 1,200/5,000 (24%) 850/s ETA 0:04 detail", with a bar on terminals.
    public static func describe(label: String, done: Int, total: Int?, elapsed: TimeInterval, detail: String, bar: Bool) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var parts = [label]
        if let total, total > 0 {
            let fraction = min(1, Double(done) / Double(total))
            if bar {
                let width = 24
                let filled = Int(fraction * Double(width))
                parts.append("[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]")
            }
            parts.append("\(done)/\(total) (\(Int(fraction * 100))%)")
            parts.append(String(format: "%.0f/s", rate))
            if rate > 0 && done < total { parts.append("ETA " + clock(Double(total - done) / rate)) }
        } else {
            parts.append("\(done)")
            parts.append(String(format: "%.0f/s", rate))
        }
        parts.append("elapsed " + clock(elapsed))
        if !detail.isEmpty { parts.append(detail) }
        return parts.joined(separator: " ")
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
