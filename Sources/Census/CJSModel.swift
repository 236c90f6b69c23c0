import Foundation

/// A Cormack–Jolly–Seber model: how apparent survival φ and recapture probability p vary.
///
/// Each of φ and p is constant (`.`), time-specific (`t`: one per interval / occasion), group-specific
/// (`g`, e.g. `sex`) or both (`g*t`). Names follow MARK: `phi(.)p(.)`, `phi(t)p(.)`, `phi(sex*t)p(sex)`.
/// The likelihood conditions on each animal's first capture; parameters are estimated on the logit scale.
/// When both φ and p are time-specific the last φ and the last p are confounded: only their product is
/// estimable, so the model has one parameter (per group combination) for φ·p in the last interval.
public struct CJSModel: Sendable, Hashable, CustomStringConvertible {
    /// How one parameter varies.
    public enum Structure: String, Sendable, CaseIterable {
        case constant, time, group, groupTime

        var byTime: Bool { self == .time || self == .groupTime }
        var byGroup: Bool { self == .group || self == .groupTime }

        func token(group: String?) -> String {
            let g = group ?? "g"
            switch self {
            case .constant: return "."
            case .time: return "t"
            case .group: return g
            case .groupTime: return "\(g)*t"
            }
        }
    }

    public var phi: Structure
    public var p: Structure
    /// Confidence level of the intervals.
    public var confidenceLevel: Double

    public init(phi: Structure, p: Structure, confidenceLevel: Double = 0.95) {
        self.phi = phi
        self.p = p
        self.confidenceLevel = confidenceLevel
    }

    /// Whether the model uses a grouping variable.
    public var usesGroups: Bool { phi.byGroup || p.byGroup }

    /// Whether the last φ and p are confounded (both time-specific).
    public var confoundsLast: Bool { phi.byTime && p.byTime }

    /// The model's name with the group variable spelled out, e.g. `phi(sex*t)p(.)`.
    public func name(group: String?) -> String {
        "phi(\(phi.token(group: group)))p(\(p.token(group: group)))"
    }

    public var description: String { name(group: nil) }

    /// The four standard models φ(.)p(.), φ(t)p(.), φ(.)p(t), φ(t)p(t).
    public static let standard: [CJSModel] = [
        CJSModel(phi: .constant, p: .constant), CJSModel(phi: .time, p: .constant),
        CJSModel(phi: .constant, p: .time), CJSModel(phi: .time, p: .time),
    ]

    /// The models fitted without `--model`: the four standard ones, and with groups also the four with
    /// every parameter group-specific: φ(g)p(g), φ(g*t)p(g), φ(g)p(g*t), φ(g*t)p(g*t).
    public static func candidates(grouped: Bool, confidenceLevel: Double = 0.95) -> [CJSModel] {
        var models = standard
        if grouped {
            models += [CJSModel(phi: .group, p: .group), CJSModel(phi: .groupTime, p: .group),
                       CJSModel(phi: .group, p: .groupTime), CJSModel(phi: .groupTime, p: .groupTime)]
        }
        return models.map { CJSModel(phi: $0.phi, p: $0.p, confidenceLevel: confidenceLevel) }
    }

    /// Parses `phi(X)p(Y)` with X, Y each `.`, `t`, the group name (or `g`), or `group*t` (or `t*group`).
    /// Case and spaces do not matter; `Phi` is accepted. `nil` when the text is not such a model.
    public static func parse(_ text: String, group: String?, confidenceLevel: Double = 0.95) -> CJSModel? {
        let t = text.lowercased().filter { !$0.isWhitespace }
        guard t.hasPrefix("phi("), let close = t.firstIndex(of: ")") else { return nil }
        let phiText = String(t[t.index(t.startIndex, offsetBy: 4)..<close])
        let rest = t[t.index(after: close)...]
        guard rest.hasPrefix("p("), rest.hasSuffix(")") else { return nil }
        let pText = String(rest.dropFirst(2).dropLast())
        func structure(_ s: String) -> Structure? {
            let names = Set(["g", group?.lowercased()].compactMap { $0 })
            switch s {
            case ".", "1", "~1": return .constant
            case "t", "time": return .time
            default:
                if names.contains(s) { return .group }
                let parts = s.split(separator: "*").map(String.init)
                if parts.count == 2, Set(parts).contains("t") || Set(parts).contains("time"),
                   parts.contains(where: { names.contains($0) }) { return .groupTime }
                return nil
            }
        }
        guard let phi = structure(phiText), let p = structure(pText) else { return nil }
        return CJSModel(phi: phi, p: p, confidenceLevel: confidenceLevel)
    }
}
