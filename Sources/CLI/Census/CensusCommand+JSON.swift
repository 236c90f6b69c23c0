import Census
import Foundation

/// JSON building helpers: non-finite numbers become `null`, keys are sorted for stable output.
enum CensusJSON {
    static func number(_ value: Double?) -> Any {
        guard let value, value.isFinite else { return NSNull() }
        return value
    }

    static func estimate(_ e: Estimate) -> [String: Any] {
        ["estimate": number(e.estimate), "se": number(e.se), "lcl": number(e.lcl), "ucl": number(e.ucl)]
    }

    static func render(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Plain-text number formatting for tables.
enum CensusText {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "—"
    }

    static func significant(_ value: Double, _ digits: Int = 4) -> String {
        value.isFinite ? String(format: "%.\(digits)g", value) : "—"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
        let gap = max(0, width - text.count)
        return right ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
    }
}
