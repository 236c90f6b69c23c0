import Foundation

extension BodyModel {
    /// Proportions of a four-legged body (metres).
    struct Quadruped {
        var a: Double, b: Double, legLength: Double, legRadius: Double
        var neck: (dx: Double, dy: Double), neckRadius: (Double, Double)
        var head: (rx: Double, ry: Double, dx: Double, dy: Double)
        var muzzle: (rx: Double, ry: Double, dx: Double, dy: Double)
        var ear: (rx: Double, ry: Double, dx: Double, dy: Double)
        var tailLength: Double, tailRadius: Double, tailCurl: Double, tailDroop: Double
        var pawScale: Double
        var speed: Double, swing: Double
    }

    static func proportions(_ kind: BodyKind) -> Quadruped {
        switch kind {
        case .tiger:
            return Quadruped(a: 0.85, b: 0.27, legLength: 0.55, legRadius: 0.085, neck: (0.28, 0.12), neckRadius: (0.2, 0.17),
                             head: (0.2, 0.16, 0.08, 0.0), muzzle: (0.1, 0.085, 0.15, -0.05), ear: (0.045, 0.05, -0.1, 0.15),
                             tailLength: 0.95, tailRadius: 0.06, tailCurl: 1.6, tailDroop: 1.2, pawScale: 1.3, speed: 1.1, swing: 0.38)
        case .sikaDeer:
            return Quadruped(a: 0.5, b: 0.2, legLength: 0.62, legRadius: 0.03, neck: (0.17, 0.34), neckRadius: (0.1, 0.065),
                             head: (0.13, 0.07, 0.08, 0.02), muzzle: (0.06, 0.045, 0.12, -0.03), ear: (0.035, 0.07, -0.06, 0.09),
                             tailLength: 0.13, tailRadius: 0.04, tailCurl: 0, tailDroop: 1.4, pawScale: 0.8, speed: 1.2, swing: 0.42)
        case .roeDeer:
            return Quadruped(a: 0.44, b: 0.17, legLength: 0.58, legRadius: 0.026, neck: (0.14, 0.33), neckRadius: (0.085, 0.06),
                             head: (0.11, 0.065, 0.07, 0.02), muzzle: (0.05, 0.04, 0.1, -0.03), ear: (0.035, 0.065, -0.05, 0.09),
                             tailLength: 0.03, tailRadius: 0.03, tailCurl: 0, tailDroop: 1.2, pawScale: 0.75, speed: 1.2, swing: 0.42)
        case .boar:
            return Quadruped(a: 0.62, b: 0.27, legLength: 0.28, legRadius: 0.05, neck: (0.14, -0.02), neckRadius: (0.25, 0.22),
                             head: (0.24, 0.15, 0.1, -0.08), muzzle: (0.08, 0.07, 0.24, -0.12), ear: (0.05, 0.07, -0.12, 0.14),
                             tailLength: 0.22, tailRadius: 0.02, tailCurl: 0, tailDroop: 1.4, pawScale: 0.8, speed: 1.0, swing: 0.35)
        default:
            return Quadruped(a: 0.5, b: 0.165, legLength: 0.37, legRadius: 0.045, neck: (0.2, 0.12), neckRadius: (0.105, 0.085),
                             head: (0.115, 0.095, 0.06, 0.01), muzzle: (0.055, 0.045, 0.1, -0.035), ear: (0.03, 0.035, -0.05, 0.09),
                             tailLength: 0.85, tailRadius: 0.045, tailCurl: 1.1, tailDroop: 0.85, pawScale: 1.2, speed: 0.9, swing: 0.36)
        }
    }

    /// The body for a subject kind; `variant` picks clothes or paint colours.
    static func make(_ kind: BodyKind, variant: UInt64 = 0) -> BodyModel {
        switch kind {
        case .person: return person(variant: variant)
        case .vehicle: return vehicle(variant: variant)
        default: return quadruped(kind, proportions(kind))
        }
    }

    static func quadruped(_ kind: BodyKind, _ q: Quadruped) -> BodyModel {
        let H = q.legLength + q.b * 0.9
        let shoulder = (x: 0.62 * q.a, y: H - 0.2 * q.b), knee = (x: 0.62 * q.a + 0.02, y: q.legLength * 0.5)
        let hip = (x: -0.66 * q.a, y: H - 0.1 * q.b), hock = (x: -0.66 * q.a - 0.08 * q.legLength, y: q.legLength * 0.42)
        let neckBase = (x: 0.8 * q.a, y: H + 0.15 * q.b)
        let neckEnd = (x: neckBase.x + q.neck.dx, y: neckBase.y + q.neck.dy)
        let headC = (neckEnd.x + q.head.dx, neckEnd.y + q.head.dy)
        let r = q.legRadius
        func legs(far: Bool) -> [BodyPart] {
            [
                BodyPart(shape: .ellipse((knee.x + 0.02, 0.025), r * q.pawScale, r * 0.6), joint: .frontLower, material: .coat, far: far),
                BodyPart(shape: .capsule(knee, (knee.x + 0.005, 0.03), r * 1.05, r * 0.85), joint: .frontLower, material: .coat, far: far),
                BodyPart(shape: .capsule(shoulder, knee, r * 1.7, r * 1.1), joint: .frontUpper, material: .coat, far: far),
                BodyPart(shape: .ellipse((hock.x + 0.04, 0.025), r * q.pawScale, r * 0.6), joint: .hindLower, material: .coat, far: far),
                BodyPart(shape: .capsule(hock, (hock.x + 0.03, 0.03), r * 0.95, r * 0.8), joint: .hindLower, material: .coat, far: far),
                BodyPart(shape: .capsule(hip, hock, r * 2.3, r * 1.0), joint: .hindUpper, material: .coat, far: far),
            ]
        }
        var parts: [BodyPart] = [
            BodyPart(shape: .ellipse((headC.0 + q.head.rx * 0.45, headC.1 + q.head.ry * 0.25), q.head.rx * 0.14, q.head.ry * 0.11), joint: .head, material: .eye),
            BodyPart(shape: .ellipse((headC.0 + q.muzzle.dx, headC.1 + q.muzzle.dy), q.muzzle.rx, q.muzzle.ry), joint: .head, material: .coat),
            BodyPart(shape: .ellipse(headC, q.head.rx, q.head.ry), joint: .head, material: .coat),
            BodyPart(shape: .ellipse((headC.0 + q.ear.dx, headC.1 + q.ear.dy), q.ear.rx, q.ear.ry), joint: .head, material: .coat),
        ]
        parts += legs(far: false)
        parts += [
            BodyPart(shape: .capsule(neckBase, neckEnd, q.neckRadius.0, q.neckRadius.1), joint: .head, material: .coat),
            BodyPart(shape: .ellipse((0.62 * q.a, H - 0.05 * q.b), 0.42 * q.a, 1.08 * q.b), joint: .body, material: .coat),
            BodyPart(shape: .ellipse((-0.66 * q.a, H + 0.02 * q.b), 0.38 * q.a, 1.0 * q.b), joint: .body, material: .coat),
            BodyPart(shape: .box((0, H), q.a, q.b, exponent: 2.3), joint: .body, material: .coat),
        ]
        // Tail: a chain of capsules hanging from the rump and curling up at the tip.
        let tailBase = (x: -0.97 * q.a, y: H + 0.3 * q.b)
        var p = tailBase
        let n = 8
        for i in 0..<n where q.tailLength > 0.01 {
            let t = Double(i) / Double(n - 1)
            let angle = Double.pi + (q.tailDroop - q.tailCurl * t * t) * (i == 0 ? 0.55 : 1) * 0.9
            let step = q.tailLength / Double(n)
            let next = (x: p.x + step * cos(angle), y: p.y + step * sin(angle))
            let radius = q.tailRadius * (1 - 0.25 * t)
            parts.append(BodyPart(shape: .capsule(p, next, radius, radius * 0.97), joint: .tail, material: .coat))
            p = next
        }
        parts += legs(far: true)
        let torso = (cx: 0.0, cy: H, a: q.a, b: q.b)
        return BodyModel(kind: kind, parts: parts, shoulder: shoulder, knee: knee, hip: hip, hock: hock, neckBase: neckBase,
                         tailBase: tailBase, torso: torso, domain: paddedBounds(parts), speed: q.speed, swing: q.swing, quadruped: true)
    }

    static func paddedBounds(_ parts: [BodyPart]) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var b = (minX: Double.infinity, minY: 0.0, maxX: -Double.infinity, maxY: -Double.infinity)
        for part in parts {
            let pb = part.shape.bounds
            b.minX = min(b.minX, pb.0); b.maxX = max(b.maxX, pb.2); b.maxY = max(b.maxY, pb.3)
        }
        return (b.minX - 0.2, -0.05, b.maxX + 0.2, b.maxY + 0.15)
    }
}
