import Foundation

/// The persistent scene one camera sees: forest backdrop, ground, trunks, bushes and rocks,
/// as a daylight RGB image and an infrared (night, grey) image with flash fall-off.
struct SceneBackground: Sendable {
    let width: Int
    let height: Int
    /// Image row of the horizon (camera ~0.5 m above ground, looking level).
    let horizon: Double
    /// Daylight RGB, interleaved.
    var day: [UInt8]
    /// Night IR grey, one byte per pixel.
    var night: [UInt8]
    /// Persistent grass tufts in front of the camera: root x, root y, height (px), hue shift.
    var grass: [(x: Double, y: Double, height: Double, tint: Float)]

    struct Palette: Sendable {
        var canopyDark: RGB, canopyLight: RGB, litterDark: RGB, litterLight: RGB, bark: RGB, rock: RGB, grass: RGB
    }

    /// Foliage colours by survey month (September green to November bare).
    static func palette(month: Int) -> Palette {
        switch month {
        case 6...9:
            return Palette(canopyDark: RGB(28, 42, 22), canopyLight: RGB(96, 128, 58), litterDark: RGB(70, 58, 38),
                           litterLight: RGB(128, 112, 74), bark: RGB(88, 80, 70), rock: RGB(128, 126, 118), grass: RGB(120, 140, 60))
        case 10:
            return Palette(canopyDark: RGB(48, 40, 26), canopyLight: RGB(176, 132, 52), litterDark: RGB(86, 58, 34),
                           litterLight: RGB(160, 118, 66), bark: RGB(92, 84, 76), rock: RGB(130, 126, 118), grass: RGB(170, 150, 84))
        default:
            return Palette(canopyDark: RGB(52, 46, 40), canopyLight: RGB(132, 118, 100), litterDark: RGB(80, 64, 48),
                           litterLight: RGB(150, 130, 104), bark: RGB(96, 90, 84), rock: RGB(134, 132, 126), grass: RGB(176, 160, 112))
        }
    }

    /// - Parameter textured: adds the dense static clutter of the `real` conditions (`drawClutter`).
    init(width: Int, height: Int, month: Int, seed: UInt64, textured: Bool = false) {
        self.width = width
        self.height = height
        var rng = SeededGenerator(seed: seed, stream: "scene")
        let horizon = Double(height) * rng.uniform(0.36, 0.46)
        self.horizon = horizon
        let pal = SceneBackground.palette(month: month)
        var day = [UInt8](repeating: 0, count: width * height * 3)
        var night = [UInt8](repeating: 0, count: width * height)
        let noiseSeed = UInt32(truncatingIfNeeded: rng.next())
        let scale = Float(2048) / Float(width)  // keep features the same relative size at any resolution
        let h = Float(horizon), H = Float(height)

        // Base layer: canopy above the horizon, leaf litter below, rows in parallel.
        day.withUnsafeMutableBufferPointer { dayBuf in
            night.withUnsafeMutableBufferPointer { nightBuf in
                let d = SharedBuffer(base: dayBuf.baseAddress!, count: dayBuf.count)
                let n = SharedBuffer(base: nightBuf.baseAddress!, count: nightBuf.count)
                let w = width, height = height
                // Noise colour per 2×2 block (fine grain stays per pixel): 4× fewer noise evaluations.
                let blockRows = (height + 1) / 2
                parallelFor(8) { chunk in
                    let b0 = chunk * blockRows / 8, b1 = (chunk + 1) * blockRows / 8
                    for by in b0..<b1 {
                        let fy = Float(by * 2) + 0.5
                        for bx in 0..<((w + 1) / 2) {
                            let fx = (Float(bx * 2) + 0.5) * scale, sy = fy * scale
                            var c: RGB
                            var near: Float
                            if fy < h {
                                let t = ValueNoise.fbm(fx / 90, sy / 70, octaves: 4, noiseSeed)
                                let gap = ValueNoise.fbm(fx / 160, sy / 120, octaves: 2, noiseSeed &+ 7)
                                c = pal.canopyDark.mix(pal.canopyLight, t * t * 1.6)
                                let sky = smoothstep(0.62, 0.75, gap) * (1 - smoothstep(0, h * 0.9, fy))
                                c = c.mix(RGB(205, 214, 220), sky)
                                near = 0.15
                            } else {
                                let depth = (fy - h) / (H - h)  // 0 far … 1 near
                                let sx = 40 + 120 * depth
                                let t = ValueNoise.fbm(fx / sx, sy / (sx * 0.7), octaves: 4, noiseSeed &+ 3)
                                c = pal.litterDark.mix(pal.litterLight, t)
                                let leaf = ValueNoise.noise(fx / (4 + 10 * depth), sy / (3 + 6 * depth), noiseSeed &+ 5)
                                c = c * (0.8 + 0.4 * leaf)
                                near = 0.25 + 0.75 * depth
                            }
                            let ir = SceneBackground.irLevel(c, near: near)
                            for y in (by * 2)..<min(height, by * 2 + 2) {
                                for x in (bx * 2)..<min(w, bx * 2 + 2) {
                                    let grain = ValueNoise.white(x, y, noiseSeed &+ 11) * 6
                                    let i = y * w + x
                                    d.base[3 * i] = clampByte(c.r + grain)
                                    d.base[3 * i + 1] = clampByte(c.g + grain)
                                    d.base[3 * i + 2] = clampByte(c.b + grain)
                                    n.base[i] = clampByte(ir + grain)
                                }
                            }
                        }
                    }
                }
            }
        }
        self.day = day
        self.night = night
        grass = []
        drawShapes(rng: &rng, palette: pal, noiseSeed: noiseSeed)
        if textured { drawClutter(seed: seed, palette: pal) }
        let tufts = Int(rng.uniform(25, 70))
        for _ in 0..<tufts {
            let y = rng.uniform(horizon + (Double(height) - horizon) * 0.35, Double(height) * 1.02)
            grass.append((rng.uniform(0, Double(width)), y, rng.uniform(0.05, 0.22) * Double(height), Float(rng.uniform(0.7, 1.15))))
        }
    }

    /// Grey level of a surface under IR flash: foliage bright in near-IR, near things brighter.
    @inline(__always) static func irLevel(_ c: RGB, near: Float) -> Float {
        c.infrared * (0.35 + 1.25 * near)
    }
}
