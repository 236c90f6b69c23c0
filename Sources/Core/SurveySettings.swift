import Foundation

/// A survey's settings, kept in `rosette.toml` beside the database.
///
/// The file is TOML; Rosette reads the flat subset it writes (`[section]`, `key = value` with strings,
/// numbers and booleans, `#` comments) and reports any other line with its file and line number.
public struct SurveySettings: Sendable, Equatable {
    /// Survey name shown in reports.
    public var name: String = "survey"
    /// Zone for deployments that do not name one.
    public var timeZone: String = "UTC"
    /// Two media of a deployment at most this many seconds apart belong to one sequence (burst).
    public var sequenceGapSeconds: Double = 60
    /// Frames sampled per second of each video clip into triage and identification (0: none).
    public var videoFramesPerSecond: Double = 1
    /// Detections of a species at a station closer than this are one independent event.
    public var independenceMinutes: Double = 30
    /// Who is recorded as making changes when no --actor is given.
    public var defaultActor: String = NSUserName()
    /// A person box at or above this detector confidence makes a photo a people photo, hidden from viewers
    /// without the right (see `AccessRole`); person tags always do.
    public var peopleBoxThreshold: Double = 0.2
    /// Photos whose only boxes are motion boxes (nothing that can tell a person from an animal has looked at them:
    /// no people-capable detector, classifier, tag or review) are also hidden from those viewers.
    public var withholdUnscreened = true
    /// A "new individual" review decision waits for a second, different reviewer to confirm it before the
    /// catalog changes (false new IDs inflate the census).
    public var confirmNewIndividuals = false
    /// `[identify]`: a global descriptor network fused with the coat-pattern matching (see `DescriptorSetting`).
    public var descriptor = DescriptorSetting()

    public init() {}

    public static let fileName = "rosette.toml"

    /// The TOML text for these settings.
    public var tomlText: String {
        """
        # Rosette survey settings. Edit and re-run; `rosette status` shows what is in force.
        [survey]
        name = \(quoted(name))
        # Zone of camera clocks for deployments without a timezone column (IANA name or +hh:mm).
        time_zone = \(quoted(timeZone))
        default_actor = \(quoted(defaultActor))

        [ingest]
        # Media of one deployment at most this many seconds apart form one sequence (burst, Camtrap DP eventID).
        sequence_gap_seconds = \(format(sequenceGapSeconds))
        # Frames taken per second of each video clip (JPEGs under cache/frames/) for triage and identification; 0: none.
        video_frames_per_second = \(format(videoFramesPerSecond))

        [census]
        # Detections of one species at one station closer than this are one independent event.
        independence_minutes = \(format(independenceMinutes))

        [privacy]
        # A person box at or above this confidence (0–1) hides the photo from partner and public viewers.
        people_box_threshold = \(format(peopleBoxThreshold))
        # Photos with motion boxes only (no model or person has said what is in them) are hidden from them too.
        withhold_unscreened = \(withholdUnscreened)

        [review]
        # A "new individual" decision is applied only once a second, different reviewer confirms it.
        confirm_new = \(confirmNewIndividuals)

        \(descriptor.tomlText)
        """
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }

    /// Parses settings text; unknown keys are errors so that typos do not pass silently.
    public init(toml text: String, file: String) throws {
        self.init()
        var section = ""
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = SurveySettings.stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else {
                    throw RosetteError.badSetting(file: file, line: n + 1, detail: "unclosed section header '\(line)'")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw RosetteError.badSetting(file: file, line: n + 1, detail: "expected key = value, found '\(line)'")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            try apply(section: section, key: key, value: value, file: file, line: n + 1)
        }
    }

    private mutating func apply(section: String, key: String, value: String, file: String, line: Int) throws {
        func string() throws -> String {
            guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else {
                throw RosetteError.badSetting(file: file, line: line, detail: "\(key): expected a quoted string, found \(value)")
            }
            return String(value.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
        }
        func bool() throws -> Bool {
            switch value {
            case "true": return true
            case "false": return false
            default: throw RosetteError.badSetting(file: file, line: line, detail: "\(key): expected true or false, found \(value)")
            }
        }
        func number() throws -> Double {
            guard let v = Double(value), v >= 0 else {
                throw RosetteError.badSetting(file: file, line: line, detail: "\(key): expected a non-negative number, found \(value)")
            }
            return v
        }
        switch (section, key) {
        case ("survey", "name"): name = try string()
        case ("survey", "time_zone"):
            let zone = try string()
            do { _ = try ZoneSpec(zone) } catch {
                throw RosetteError.badSetting(file: file, line: line, detail: "time_zone: '\(zone)' is not a time zone")
            }
            timeZone = zone
        case ("survey", "default_actor"): defaultActor = try string()
        case ("ingest", "sequence_gap_seconds"): sequenceGapSeconds = try number()
        case ("ingest", "video_frames_per_second"):
            let v = try number()
            guard v <= 30 else {
                throw RosetteError.badSetting(file: file, line: line, detail: "video_frames_per_second: expected 0–30, found \(value)")
            }
            videoFramesPerSecond = v
        case ("census", "independence_minutes"): independenceMinutes = try number()
        case ("privacy", "people_box_threshold"):
            let v = try number()
            guard v <= 1 else {
                throw RosetteError.badSetting(file: file, line: line, detail: "people_box_threshold: expected 0–1, found \(value)")
            }
            peopleBoxThreshold = v
        case ("privacy", "withhold_unscreened"): withholdUnscreened = try bool()
        case ("review", "confirm_new"): confirmNewIndividuals = try bool()
        case ("identify", "descriptor_input_size"): try descriptor.apply(key: key, text: String(Int(try number())), file: file, line: line)
        case ("identify", "descriptor_model"), ("identify", "descriptor_mean"), ("identify", "descriptor_std"):
            try descriptor.apply(key: key, text: try string(), file: file, line: line)
        default:
            throw RosetteError.badSetting(file: file, line: line, detail: "unknown setting [\(section)] \(key)")
        }
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (i, c) in line.enumerated() {
            if c == "\"" { inString.toggle() }
            if c == "#" && !inString { return String(line.prefix(i)) }
        }
        return line
    }
}
