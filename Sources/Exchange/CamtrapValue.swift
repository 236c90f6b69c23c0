import Core
import Foundation

/// Reading and writing cell values the way the Camtrap DP schemas type them.
enum CamtrapValue {
    /// Frictionless' default true and false values.
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "1": true
        case "false", "False", "FALSE", "0": false
        default: nil
        }
    }

    /// A number without a trailing ".0" and without exponent for ordinary magnitudes.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A number rounded to `decimals` places (trailing zeros dropped).
    static func number(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A zoned timestamp: parsed with its own offset, which is kept for writing it back.
    static func offset(of text: String) -> Int? {
        if text.hasSuffix("Z") { return 0 }
        guard text.count > 19 else { return nil }
        return ZoneSpec.parseOffset(String(text.suffix(6)))
    }

    /// A date-time as Camtrap DP writes it.
    static func datetime(_ date: Date, zone: ZoneSpec) -> String { Timestamp.format(date, in: zone) }
}
