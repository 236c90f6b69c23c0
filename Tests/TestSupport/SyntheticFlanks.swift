import Core
import Foundation
import Imaging

/// Procedural leopard flanks for identification tests and benchmarks, until the survey simulator's are ready.
///
/// Each flank of each identity is a coat: dark rosettes (broken rings of blobs around a slightly darker
/// centre) and solid spots on a tan ground. A photo of it ("encounter") places the coat in a frame with a
/// random scale, small rotation and shift, changes brightness and contrast, blurs and adds noise.
public enum SyntheticFlanks {
    /// A coat pattern in its own coordinates: grey levels, row by row.
    public struct Coat: Sendable {
        public let width: Int
        public let height: Int
        public let pixels: [UInt8]
    }

    /// How hard a photo is.
    public struct Conditions: Sendable {
        public var scale: ClosedRange<Double> = 0.8...1.2
        public var rotationDegrees: Double = 5
        public var shift: Double = 20
        public var brightness: Double = 20
        public var contrast: ClosedRange<Double> = 0.8...1.2
        public var blurPasses: ClosedRange<Int> = 0...1
        public var noise: Double = 4

        public init() {}

        /// Mild changes only.
        public static var easy: Conditions { Conditions() }

        /// Stronger geometry and photometric changes, more blur and noise.
        public static var hard: Conditions {
            var c = Conditions()
            c.rotationDegrees = 10
            c.shift = 40
            c.brightness = 40
            c.contrast = 0.6...1.3
            c.blurPasses = 1...2
            c.noise = 10
            return c
        }
    }

    /// A rendered photo: interleaved RGB pixels and the box around the flank (pixels, top-left origin).
    public struct Photo: Sendable {
        public let width: Int
        public let height: Int
        public let rgb: [UInt8]
        public let box: (x: Int, y: Int, width: Int, height: Int)
    }

    /// The coat of one flank of one identity (the same seed always gives the same coat).
    public static func coat(identity: Int, side: Int, width: Int = 600, height: Int = 300) -> Coat {
        var rng = FlankRandom(seed: UInt64(identity) &* 7919 &+ UInt64(side) &* 104_729 &+ 17)
        var px = [UInt8](repeating: 0, count: width * height)
        // Tan ground with a gentle shading gradient.
        let tilt = rng.uniform(-20...20)
        for y in 0..<height {
            for x in 0..<width { px[y * width + x] = UInt8(clamping: Int(170 + tilt * Double(y) / Double(height))) }
        }
        func disc(_ cx: Double, _ cy: Double, _ rx: Double, _ ry: Double, _ value: UInt8) {
            let x0 = max(0, Int(cx - rx)), x1 = min(width - 1, Int(cx + rx) + 1)
            let y0 = max(0, Int(cy - ry)), y1 = min(height - 1, Int(cy + ry) + 1)
            guard x0 <= x1, y0 <= y1 else { return }
            for y in y0...y1 {
                for x in x0...x1 {
                    let dx = (Double(x) - cx) / rx, dy = (Double(y) - cy) / ry
                    if dx * dx + dy * dy <= 1 { px[y * width + x] = value }
                }
            }
        }
        let rosettes = Int(Double(width * height) / 3600)
        for _ in 0..<rosettes {
            let cx = rng.uniform(0...Double(width)), cy = rng.uniform(0...Double(height))
            let r = rng.uniform(10...20)
            disc(cx, cy, r * 0.8, r * 0.8, 135)
            let blobs = Int(rng.uniform(3...6.99))
            let start = rng.uniform(0...(2 * .pi))
            for b in 0..<blobs {
                let a = start + 2 * .pi * Double(b) / Double(blobs) + rng.uniform(-0.3...0.3)
                disc(cx + r * cos(a), cy + r * sin(a), r * rng.uniform(0.25...0.45), r * rng.uniform(0.2...0.35), 45)
            }
        }
        for _ in 0..<(rosettes / 2) {
            let s = rng.uniform(3...7)
            disc(rng.uniform(0...Double(width)), rng.uniform(0...Double(height)), s, s, 40)
        }
        return Coat(width: width, height: height, pixels: px)
    }

    /// Photographs `coat` in a `width` × `height` frame under random `conditions` drawn from `seed`.
    public static func photo(of coat: Coat, seed: UInt64, conditions: Conditions = .easy,
                             width: Int = 560, height: Int = 340) -> Photo {
        var rng = FlankRandom(seed: seed)
        let base = Double(width) * 0.75 / Double(coat.width)
        let s = base * rng.uniform(conditions.scale)
        let angle = rng.uniform(-conditions.rotationDegrees...conditions.rotationDegrees) * .pi / 180
        let cx = Double(width) / 2 + rng.uniform(-conditions.shift...conditions.shift)
        let cy = Double(height) / 2 + rng.uniform(-conditions.shift...conditions.shift)
        let contrast = rng.uniform(conditions.contrast)
        let brightness = rng.uniform(-conditions.brightness...conditions.brightness)
        let passes = Int(rng.uniform(Double(conditions.blurPasses.lowerBound)...(Double(conditions.blurPasses.upperBound) + 0.99)))
        let cosA = cos(angle), sinA = sin(angle)
        var grey = [Double](repeating: 0, count: width * height)
        var minX = width, minY = height, maxX = 0, maxY = 0
        coat.pixels.withUnsafeBufferPointer { src in
            for y in 0..<height {
                for x in 0..<width {
                    // Frame → coat: undo the shift, rotation and scale about the coat's centre.
                    let fx = Double(x) - cx, fy = Double(y) - cy
                    let u = (cosA * fx + sinA * fy) / s + Double(coat.width) / 2
                    let v = (-sinA * fx + cosA * fy) / s + Double(coat.height) / 2
                    let nu = (u / Double(coat.width) - 0.5) * 2, nv = (v / Double(coat.height) - 0.5) * 2
                    if nu * nu + nv * nv * 0.35 <= 1, u >= 0, v >= 0, u < Double(coat.width - 1), v < Double(coat.height - 1) {
                        let iu = Int(u), iv = Int(v), au = u - Double(iu), av = v - Double(iv)
                        let p = iv * coat.width + iu
                        let top = Double(src[p]) * (1 - au) + Double(src[p + 1]) * au
                        let bottom = Double(src[p + coat.width]) * (1 - au) + Double(src[p + coat.width + 1]) * au
                        grey[y * width + x] = top * (1 - av) + bottom * av
                        minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                    } else {
                        // Undergrowth: darker, coarse texture.
                        let t = sin(Double(x) * 0.21 + Double(y) * 0.05) * cos(Double(y) * 0.17 - Double(x) * 0.03)
                        grey[y * width + x] = 80 + 25 * t
                    }
                }
            }
        }
        for _ in 0..<passes { boxBlur(&grey, width: width, height: height) }
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) {
            let g = contrast * (grey[i] - 128) + 128 + brightness + rng.gaussian() * conditions.noise
            rgb[i * 3] = UInt8(clamping: Int(g * 1.05))
            rgb[i * 3 + 1] = UInt8(clamping: Int(g * 0.85))
            rgb[i * 3 + 2] = UInt8(clamping: Int(g * 0.6))
        }
        return Photo(width: width, height: height, rgb: rgb,
                     box: (minX, minY, max(1, maxX - minX + 1), max(1, maxY - minY + 1)))
    }

    /// The photo as JPEG bytes.
    public static func jpeg(_ photo: Photo, quality: Int = 90) throws -> [UInt8] {
        try photo.rgb.withUnsafeBufferPointer {
            try JPEGEncoder.encode(pixels: $0, width: photo.width, height: photo.height, channels: 3, quality: quality)
        }
    }

    private static func boxBlur(_ img: inout [Double], width: Int, height: Int) {
        var out = img
        for y in 1..<(height - 1) {
            for x in 1..<(width - 1) {
                var sum = 0.0
                for dy in -1...1 { for dx in -1...1 { sum += img[(y + dy) * width + x + dx] } }
                out[y * width + x] = sum / 9
            }
        }
        img = out
    }
}

/// SplitMix64 with uniform and Gaussian draws: small, fast and reproducible across platforms.
struct FlankRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() >> 11) / Double(1 << 53)
    }

    mutating func gaussian() -> Double {
        let u = max(1e-12, uniform(0...1)), v = uniform(0...1)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
