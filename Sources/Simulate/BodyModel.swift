import Foundation

/// A 2-D shape in rest-pose model space (metres, side view, facing +x, y up from the ground).
struct Shape: Sendable {
    enum Kind: Sendable { case ellipse, capsule, superellipse }
    var kind: Kind
    /// Ellipse/superellipse centre, or capsule start.
    var p0: (x: Double, y: Double)
    /// Capsule end (unused for ellipses).
    var p1: (x: Double, y: Double) = (0, 0)
    /// Ellipse radii (rx, ry), or capsule radii at p0 and p1.
    var r0: Double
    var r1: Double
    /// Superellipse exponent.
    var exponent: Double = 2

    static func ellipse(_ c: (Double, Double), _ rx: Double, _ ry: Double) -> Shape {
        Shape(kind: .ellipse, p0: c, r0: rx, r1: ry)
    }
    static func capsule(_ a: (Double, Double), _ b: (Double, Double), _ ra: Double, _ rb: Double) -> Shape {
        Shape(kind: .capsule, p0: a, p1: b, r0: ra, r1: rb)
    }
    static func box(_ c: (Double, Double), _ rx: Double, _ ry: Double, exponent: Double = 6) -> Shape {
        Shape(kind: .superellipse, p0: c, r0: rx, r1: ry, exponent: exponent)
    }

    /// Inside test; for capsules also returns where along the axis (0…1) the point falls.
    @inline(__always) func contains(_ x: Double, _ y: Double) -> Bool {
        switch kind {
        case .ellipse:
            let dx = (x - p0.x) / r0, dy = (y - p0.y) / r1
            return dx * dx + dy * dy <= 1
        case .superellipse:
            let dx = abs(x - p0.x) / r0, dy = abs(y - p0.y) / r1
            if dx > 1 || dy > 1 { return false }
            return pow(dx, exponent) + pow(dy, exponent) <= 1
        case .capsule:
            let vx = p1.x - p0.x, vy = p1.y - p0.y
            let len2 = vx * vx + vy * vy
            var t = len2 > 0 ? ((x - p0.x) * vx + (y - p0.y) * vy) / len2 : 0
            t = min(max(t, 0), 1)
            let cx = p0.x + t * vx - x, cy = p0.y + t * vy - y
            let r = r0 + (r1 - r0) * t
            return cx * cx + cy * cy <= r * r
        }
    }

    /// Bounding box (minX, minY, maxX, maxY).
    var bounds: (Double, Double, Double, Double) {
        switch kind {
        case .ellipse, .superellipse:
            return (p0.x - r0, p0.y - r1, p0.x + r0, p0.y + r1)
        case .capsule:
            let r = max(r0, r1)
            return (min(p0.x, p1.x) - r, min(p0.y, p1.y) - r, max(p0.x, p1.x) + r, max(p0.y, p1.y) + r)
        }
    }
}

/// Which joint moves a part.
enum Joint: Sendable { case body, head, tail, frontUpper, frontLower, hindUpper, hindLower, armUpper, wheel }

/// How a part is coloured.
enum Material: Sendable {
    /// The subject's coat texture (sampled at rest-pose coordinates).
    case coat
    /// A flat colour (clothes, car paint, wheels).
    case flat(RGB)
    /// An eye: dark by day, shining under IR flash.
    case eye
}

/// One part of a body.
struct BodyPart: Sendable {
    var shape: Shape
    var joint: Joint
    var material: Material
    /// True for limbs on the far side (drawn behind the body, darker).
    var far: Bool = false
}

/// A body archetype: parts in front-to-back draw order, joints, and how it moves.
struct BodyModel: Sendable {
    var kind: BodyKind
    /// Parts, front-most first.
    var parts: [BodyPart]
    var shoulder: (x: Double, y: Double)
    var knee: (x: Double, y: Double)
    var hip: (x: Double, y: Double)
    var hock: (x: Double, y: Double)
    var neckBase: (x: Double, y: Double)
    var tailBase: (x: Double, y: Double)
    /// Torso centre and half-size, for coat layout and shading.
    var torso: (cx: Double, cy: Double, a: Double, b: Double)
    /// Model-space bounds of the texture (and of any pose).
    var domain: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    /// Walking speed, m/s; leg swing amplitude, radians.
    var speed: Double
    var swing: Double
    /// Whether gait animates (vehicles and people use simpler motion).
    var quadruped: Bool
}
