import Foundation

/// Which flank of the animal a photo shows; a leopard's two flanks carry different patterns.
public enum FlankSide: String, Sendable, Codable, CaseIterable {
    case left, right, unknown

    /// Reads `left`, `right` or anything else (empty, `unknown`) as unknown.
    public init(text: String) {
        self = FlankSide(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) ?? .unknown
    }

    /// The other flank (nil for unknown).
    public var opposite: FlankSide? {
        switch self {
        case .left: .right
        case .right: .left
        case .unknown: nil
        }
    }

    /// Whether a photo of this side may be compared with one of `other`: left only with left, right only
    /// with right, unknown with both.
    public func isComparable(with other: FlankSide) -> Bool {
        self == .unknown || other == .unknown || self == other
    }
}

