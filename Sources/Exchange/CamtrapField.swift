import Foundation

/// One column of a Camtrap DP table: its name, Frictionless type and constraints, as the 1.0 table schemas give them.
public struct CamtrapField: Sendable, Equatable {
    /// Frictionless field types used by the Camtrap DP tables.
    public enum Kind: String, Sendable {
        case string, number, integer, boolean, datetime, any
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var allowed: [String]?
    public var minimum: Double?
    public var maximum: Double?
    /// Free text that may name places or people: left out of packages with generalised locations.
    public var freeText: Bool

    public init(_ name: String, _ kind: Kind = .string, required: Bool = false, allowed: [String]? = nil,
                minimum: Double? = nil, maximum: Double? = nil, freeText: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
        self.allowed = allowed
        self.minimum = minimum
        self.maximum = maximum
        self.freeText = freeText
    }

    /// The field as a Frictionless Table Schema field (for the package's own `individuals` schema).
    var descriptor: [String: Any] {
        var d: [String: Any] = ["name": name, "type": kind.rawValue]
        if kind == .datetime { d["format"] = "%Y-%m-%dT%H:%M:%S%z" }
        var c: [String: Any] = ["required": required]
        if let allowed { c["enum"] = allowed }
        if let minimum { c["minimum"] = minimum }
        if let maximum { c["maximum"] = maximum }
        d["constraints"] = c
        return d
    }
}
