import Foundation

/// Writes JSON from the server's plain values (dictionaries with string keys, arrays, strings, numbers, booleans,
/// `NSNull`, optionals), keys sorted by their UTF-8 bytes.
///
/// Foundation's `JSONSerialization` with sorted keys compares keys with locale-aware string comparison and bridges
/// every value; on a catalog page of 50 individuals that was most of the request's time.
enum JSONWriter {
    static func data(_ value: Any) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, into: &out)
        return Data(out)
    }

    static func write(_ value: Any, into out: inout [UInt8]) {
        // Dispatch on the exact type first: a failed `as?` cast on `Any` looks for bridging conformances and costs far
        // more than the write itself.
        let t = type(of: value)
        if t == String.self { string(value as! String, into: &out); return }
        if t == [String: Any].self { object(value as! [String: Any], into: &out); return }
        if t == [Any].self { array(value as! [Any], into: &out); return }
        if t == Int.self { out.append(contentsOf: String(value as! Int).utf8); return }
        if t == Double.self { number(value as! Double, into: &out); return }
        if t == Bool.self { out.append(contentsOf: (value as! Bool) ? Array("true".utf8) : Array("false".utf8)); return }
        if t == Int64.self { out.append(contentsOf: String(value as! Int64).utf8); return }
        if t == NSNull.self { out.append(contentsOf: Array("null".utf8)); return }
        if t == [String].self { array((value as! [String]).map { $0 as Any }, into: &out); return }
        if t == [Int].self { array((value as! [Int]).map { $0 as Any }, into: &out); return }
        if t == [[String: Any]].self { array((value as! [[String: Any]]).map { $0 as Any }, into: &out); return }
        switch value {
        case let v as String: string(v, into: &out)
        case let v as Substring: string(String(v), into: &out)
        case let v as Bool: out.append(contentsOf: v ? Array("true".utf8) : Array("false".utf8))
        case let v as Int: out.append(contentsOf: Array(String(v).utf8))
        case let v as Int64: out.append(contentsOf: Array(String(v).utf8))
        case let v as Int32: out.append(contentsOf: Array(String(v).utf8))
        case let v as Double: number(v, into: &out)
        case let v as Float: number(Double(v), into: &out)
        case let v as [String: Any]: object(v, into: &out)
        case let v as [Any]: array(v, into: &out)
        case is NSNull: out.append(contentsOf: Array("null".utf8))
        case let v as Date: string(v.ISO8601Format(), into: &out)
        default:
            // An Optional boxed in Any: unwrap it, or write null.
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                if let inner = mirror.children.first?.value { write(inner, into: &out) } else { out.append(contentsOf: Array("null".utf8)) }
            } else {
                string(String(describing: value), into: &out)
            }
        }
    }

    static func object(_ v: [String: Any], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (i, key) in v.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(key, into: &out)
            out.append(UInt8(ascii: ":"))
            write(v[key]!, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func array(_ v: [Any], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, e) in v.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            write(e, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func number(_ v: Double, into out: inout [UInt8]) {
        guard v.isFinite else { out.append(contentsOf: Array("null".utf8)); return }
        if v == v.rounded(), abs(v) < 1e15 { out.append(contentsOf: Array(String(Int64(v)).utf8)) } else { out.append(contentsOf: Array("\(v)".utf8)) }
    }

    static func string(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                // Control characters, and HTML's specials so a JSON answer can never be read as markup.
                out.append(contentsOf: Array(String(format: "\\u%04x", b).utf8))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
