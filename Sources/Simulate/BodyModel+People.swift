import Foundation

extension BodyModel {
    /// A walking person in field clothes (ranger, mushroom picker).
    static func person(variant: UInt64) -> BodyModel {
        var rng = SeededGenerator(seed: variant, stream: "person")
        let jackets = [RGB(70, 82, 52), RGB(40, 50, 70), RGB(120, 40, 30), RGB(90, 80, 60), RGB(50, 50, 50)]
        let jacket = jackets[rng.integer(below: jackets.count)], trousers = RGB(45, 45, 48) + RGB(Float(rng.uniform(0, 30)), 10, 0)
        let skin = RGB(200, 160, 130), boots = RGB(30, 26, 22)
        let hip = (x: 0.0, y: 0.92), shoulder = (x: 0.02, y: 1.45)
        let parts: [BodyPart] = [
            BodyPart(shape: .ellipse((0.13, 1.66), 0.02, 0.012), joint: .body, material: .eye),
            BodyPart(shape: .ellipse((0.06, 1.65), 0.1, 0.12), joint: .body, material: .flat(skin)),
            BodyPart(shape: .capsule((0.05, 1.42), (0.1, 0.95), 0.05, 0.045), joint: .armUpper, material: .flat(jacket * 0.9)),
            BodyPart(shape: .ellipse((0.08, 0.05), 0.13, 0.05), joint: .frontLower, material: .flat(boots)),
            BodyPart(shape: .capsule(hip, (0.0, 0.06), 0.09, 0.06), joint: .frontUpper, material: .flat(trousers)),
            BodyPart(shape: .box((0.01, 1.2), 0.17, 0.3, exponent: 4), joint: .body, material: .flat(jacket)),
            BodyPart(shape: .ellipse((0.06, 0.05), 0.13, 0.05), joint: .hindLower, material: .flat(boots), far: true),
            BodyPart(shape: .capsule(hip, (0.0, 0.06), 0.09, 0.06), joint: .hindUpper, material: .flat(trousers), far: true),
        ]
        return BodyModel(kind: .person, parts: parts, shoulder: hip, knee: (0, 0.06), hip: hip, hock: (0, 0.06),
                         neckBase: shoulder, tailBase: hip, torso: (0.0, 1.2, 0.17, 0.3), domain: paddedBounds(parts),
                         speed: 1.3, swing: 0.35, quadruped: false)
    }

    /// A four-wheel-drive car or patrol truck.
    static func vehicle(variant: UInt64) -> BodyModel {
        var rng = SeededGenerator(seed: variant, stream: "vehicle")
        let paints = [RGB(220, 222, 218), RGB(60, 80, 55), RGB(90, 92, 96), RGB(30, 32, 36), RGB(150, 30, 28)]
        let paint = paints[rng.integer(below: paints.count)]
        let glass = RGB(35, 45, 55), tyre = RGB(22, 22, 22), hub = RGB(150, 150, 150)
        var parts: [BodyPart] = []
        for wx in [1.35, -1.35] {
            parts.append(BodyPart(shape: .ellipse((wx, 0.36), 0.15, 0.15), joint: .wheel, material: .flat(hub)))
            parts.append(BodyPart(shape: .ellipse((wx, 0.36), 0.36, 0.36), joint: .wheel, material: .flat(tyre)))
        }
        parts += [
            BodyPart(shape: .box((0.25, 1.42), 0.42, 0.26, exponent: 5), joint: .body, material: .flat(glass)),
            BodyPart(shape: .box((-0.75, 1.42), 0.5, 0.26, exponent: 5), joint: .body, material: .flat(glass)),
            BodyPart(shape: .box((-0.3, 1.4), 1.12, 0.4, exponent: 5), joint: .body, material: .flat(paint * 0.95)),
            BodyPart(shape: .box((0, 0.78), 2.2, 0.42, exponent: 7), joint: .body, material: .flat(paint)),
        ]
        return BodyModel(kind: .vehicle, parts: parts, shoulder: (0, 0), knee: (0, 0), hip: (0, 0), hock: (0, 0),
                         neckBase: (0, 0), tailBase: (0, 0), torso: (0, 0.78, 2.2, 0.42), domain: paddedBounds(parts),
                         speed: 4, swing: 0, quadruped: false)
    }
}
