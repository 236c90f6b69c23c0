import Foundation

/// A 2-D rotation plus translation: p' = R(angle)·p + t.
struct Rigid: Sendable {
    var cosA: Double = 1, sinA: Double = 0, tx: Double = 0, ty: Double = 0
    var angle: Double { atan2(sinA, cosA) }

    static let identity = Rigid()

    /// Rotation by `angle` about `pivot`.
    static func rotation(_ angle: Double, about pivot: (x: Double, y: Double)) -> Rigid {
        let c = cos(angle), s = sin(angle)
        return Rigid(cosA: c, sinA: s, tx: pivot.x - (c * pivot.x - s * pivot.y), ty: pivot.y - (s * pivot.x + c * pivot.y))
    }

    @inline(__always) func apply(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        (cosA * x - sinA * y + tx, sinA * x + cosA * y + ty)
    }

    /// self ∘ other (apply `other` first).
    func after(_ other: Rigid) -> Rigid {
        let t = apply(other.tx, other.ty)
        return Rigid(cosA: cosA * other.cosA - sinA * other.sinA, sinA: sinA * other.cosA + cosA * other.sinA, tx: t.x, ty: t.y)
    }

    var inverse: Rigid {
        Rigid(cosA: cosA, sinA: -sinA, tx: -(cosA * tx + sinA * ty), ty: -(-sinA * tx + cosA * ty))
    }
}

/// Joint angles of one frame.
struct Pose: Sendable {
    /// Gait phase (radians) and how much the legs swing (0 standing … 1 walking).
    var phase: Double
    var stride: Double
    /// Head and tail rotation (radians, counter-clockwise).
    var head: Double
    var tail: Double

    /// Rest-to-posed transform of every part of `model`.
    func transforms(for model: BodyModel) -> [Rigid] {
        let s = model.swing * stride
        func front(_ phi: Double) -> (Rigid, Rigid) {
            let upper = Rigid.rotation(s * sin(phi), about: model.shoulder)
            let lower = upper.after(.rotation(-1.4 * s * max(0, sin(phi + 1.2)), about: model.knee))
            return (upper, lower)
        }
        func hind(_ phi: Double) -> (Rigid, Rigid) {
            let upper = Rigid.rotation(s * sin(phi), about: model.hip)
            let lower = upper.after(.rotation(1.1 * s * max(0, sin(phi - 1.0)), about: model.hock))
            return (upper, lower)
        }
        let nearFront = front(phase), farFront = front(phase + .pi)
        let nearHind = hind(phase + .pi / 2), farHind = hind(phase + 1.5 * .pi)
        let headT = Rigid.rotation(head, about: model.neckBase)
        let tailT = Rigid.rotation(tail, about: model.tailBase)
        let arm = Rigid.rotation(-0.8 * s * sin(phase), about: model.neckBase)
        return model.parts.map { part in
            switch part.joint {
            case .body, .wheel: return .identity
            case .head: return headT
            case .tail: return tailT
            case .armUpper: return arm
            case .frontUpper: return part.far ? farFront.0 : nearFront.0
            case .frontLower: return part.far ? farFront.1 : nearFront.1
            case .hindUpper: return part.far ? farHind.0 : nearHind.0
            case .hindLower: return part.far ? farHind.1 : nearHind.1
            }
        }
    }
}
