import Core

extension TriageCommand {
    /// "camera readings: 10 photo(s) (motion 8, time-lapse 2)": photos whose maker note gave a reading, by trigger;
    /// nil when none did.
    static func cameraLine(_ counts: [String: Int]) -> String? {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return nil }
        let order = CameraTrapReading.Trigger.allCases.map(\.rawValue) + [""]
        let parts = order.compactMap { t in counts[t].map { "\(t.isEmpty ? "no trigger" : t) \($0)" } }
        return "camera readings: \(total) photo(s) (\(parts.joined(separator: ", ")))"
    }

    /// "motion 1/3 2 °C": a photo's trigger, place in the camera's sequence and temperature, for `triage list --boxes`.
    static func cameraCell(_ r: CameraTrapReading) -> String {
        var parts: [String] = []
        if let t = r.trigger { parts.append(t.rawValue) }
        if let i = r.sequenceIndex, let n = r.sequenceLength { parts.append("\(i)/\(n)") }
        if let c = r.temperatureC { parts.append(String(format: "%.0f °C", c)) }
        return parts.isEmpty ? "–" : parts.joined(separator: " ")
    }
}
