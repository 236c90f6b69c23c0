import Foundation
import Testing
@testable import Triage

@Suite struct JSONValueTests {
    @Test(arguments: [
        (#"{"b": [1, 2.5, true, null], "a": "x\"y"}"#, #"{"a":"x\"y","b":[1,2.5,true,null]}"#),
        ("[0.1234, 1e-05, -3]", "[0.1234,1e-05,-3]"),
        (#"{"t": "line\nbreak\u0001"}"#, #"{"t":"line\nbreak\u0001"}"#),
    ])
    func compactTextIsSortedAndExact(input: String, expected: String) throws {
        let value = try JSONValue.parse(Data(input.utf8))
        #expect(value.text == expected)
        #expect(try JSONValue.parse(Data(value.prettyText.utf8)) == value)
    }

    @Test func booleansStayBooleans() throws {
        #expect(try JSONValue.parse(Data("[true, 1]".utf8)) == .array([.bool(true), .number(1)]))
    }
}
