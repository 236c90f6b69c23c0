import Foundation
@testable import Server
import Testing

/// The server's JSON writer: what Foundation would parse back, keys sorted, markup characters escaped.
@Suite struct JSONWriterTests {
    @Test func valuesRoundTripThroughFoundationsParser() throws {
        let optional: String? = nil
        let value: [String: Any] = ["b": 1, "a": "x\"y\\z\n<tag>&", "c": [1.5, true, NSNull(), "é"] as [Any], "d": ["k": Int64(7)] as [String: Any],
                                    "e": optional as Any, "f": ["s", "t"], "g": Double(3)]
        let data = JSONWriter.data(value)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("{\"a\":"))
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(back["a"] as? String == "x\"y\\z\n<tag>&")
        #expect(back["b"] as? Int == 1)
        let c = try #require(back["c"] as? [Any])
        #expect(c.count == 4 && (c[0] as? Double) == 1.5 && (c[1] as? Bool) == true && c[2] is NSNull && (c[3] as? String) == "é")
        #expect((back["d"] as? [String: Any])?["k"] as? Int == 7)
        #expect(back["e"] is NSNull)
        #expect(back["f"] as? [String] == ["s", "t"])
        #expect(text.contains("\"g\":3"))
    }

    @Test(arguments: [Double.nan, .infinity])
    func nonFiniteNumbersAreNull(_ v: Double) {
        #expect(String(decoding: JSONWriter.data(["v": v]), as: UTF8.self) == "{\"v\":null}")
    }
}
