import Foundation

/// A JSON value kept as read, so that unknown parts of a file can be carried through an export unchanged.
///
/// Objects are written with sorted keys and numbers in their shortest exact form, so output is deterministic.
public enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Parses JSON text; throws the parser's error.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var number: Double? { if case .number(let n) = self { n } else { nil } }
    public var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    public var object: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    public var isNull: Bool { self == .null }

    /// Compact JSON text (sorted keys).
    public var text: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented JSON text (sorted keys, two spaces per level).
    public var prettyText: String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out
    }

    func write(into out: inout String, indent: String?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONValue.format(n)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            writeList(items.map { ($0, nil) }, open: "[", close: "]", into: &out, indent: indent, level: level)
        case .object(let members):
            writeList(members.keys.sorted().map { (members[$0]!, $0) }, open: "{", close: "}", into: &out, indent: indent, level: level)
        }
    }

    private func writeList(_ items: [(JSONValue, String?)], open: String, close: String, into out: inout String,
                           indent: String?, level: Int) {
        out += open
        guard !items.isEmpty else { out += close; return }
        // Arrays of numbers (boxes) and short [id, conf] pairs (classifications) stay on one line.
        let inline = indent == nil || items.allSatisfy { $0.1 == nil && $0.0.number != nil }
            || (items.count <= 2 && items.allSatisfy { $0.1 == nil && ($0.0.number != nil || $0.0.string != nil) })
        for (i, (value, key)) in items.enumerated() {
            if i > 0 { out += inline && indent != nil ? ", " : "," }
            if !inline, let indent { out += "\n" + String(repeating: indent, count: level + 1) }
            if let key {
                JSONValue.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
            }
            value.write(into: &out, indent: indent, level: level + 1)
        }
        if !inline, let indent { out += "\n" + String(repeating: indent, count: level) }
        out += close
    }

    /// Integers without a fraction; other numbers in Swift's shortest form that reads back exactly.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }
}
