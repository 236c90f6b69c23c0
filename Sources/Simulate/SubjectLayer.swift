import Foundation

/// Where and how a subject appears in one frame.
struct Placement: Sendable {
    /// Pixel x of the model origin (below the body centre) and pixel y of the ground under it.
    var originX: Double
    var groundY: Double
    /// Pixels per metre at the subject's distance, times its size factor.
    var scale: Double
    /// +1 facing image-right (right flank visible), −1 facing left (left flank visible).
    var direction: Double
    /// Foreshortening of the body length, cos(yaw).
    var foreshortening: Double
    var pose: Pose
    /// Horizontal motion blur radius in pixels.
    var blur: Int
    var night: Bool
    /// IR flash brightness on the subject (night).
    var flashGain: Float
    /// Daylight brightness on the subject.
    var light: Float
}

/// A subject rendered into its own premultiplied RGBA layer (pixel box inside the frame).
struct SubjectLayer {
    let x0: Int, y0: Int, width: Int, height: Int
    /// Premultiplied RGBA floats; at night R = G = B = IR grey.
    var pixels: [Float]

    /// Renders `model` with `coat` at `placement`, clipped to a `frameWidth` × `frameHeight` frame.
    init?(model: BodyModel, coat: CoatTexture, placement p: Placement, frameWidth: Int, frameHeight: Int) {
        let sx = p.scale * p.foreshortening * p.direction
        let d = model.domain
        let xa = p.originX + d.minX * sx, xb = p.originX + d.maxX * sx
        let pad = Double(p.blur + 2)
        let left = max(0, Int(min(xa, xb) - pad)), right = min(frameWidth, Int(max(xa, xb) + pad) + 1)
        let top = max(0, Int(p.groundY - d.maxY * p.scale) - 2), bottom = min(frameHeight, Int(p.groundY - d.minY * p.scale) + 2)
        guard right > left, bottom > top else { return nil }
        x0 = left; y0 = top; width = right - left; height = bottom - top
        pixels = [Float](repeating: 0, count: width * height * 4)

        let transforms = p.pose.transforms(for: model)
        // Posed-space bounding boxes and posed→rest transforms, per part.
        struct Posed { var inv: Rigid; var minX, minY, maxX, maxY: Double }
        let posed: [Posed] = zip(model.parts, transforms).map { part, t in
            let b = part.shape.bounds
            var q = Posed(inv: t.inverse, minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
            for (cx, cy) in [(b.0, b.1), (b.0, b.3), (b.2, b.1), (b.2, b.3)] {
                let v = t.apply(cx, cy)
                q.minX = min(q.minX, v.x); q.maxX = max(q.maxX, v.x); q.minY = min(q.minY, v.y); q.maxY = max(q.maxY, v.y)
            }
            return q
        }
        let torso = model.torso
        let invSX = 1 / sx, invS = 1 / p.scale
        let parts = model.parts
        let w = width
        pixels.withUnsafeMutableBufferPointer { buf in
            for j in 0..<height {
                let my = (p.groundY - (Double(j + top) + 0.5)) * invS
                for i in 0..<w {
                    let mx = ((Double(i + left) + 0.5) - p.originX) * invSX
                    for k in 0..<parts.count {
                        let q = posed[k]
                        if mx < q.minX || mx > q.maxX || my < q.minY || my > q.maxY { continue }
                        let r = q.inv.apply(mx, my)
                        let part = parts[k]
                        guard part.shape.contains(r.x, r.y) else { continue }
                        var c: RGB
                        switch part.material {
                        case .coat: c = coat.sample(r.x, r.y)
                        case .flat(let colour): c = colour
                        case .eye: c = p.night ? RGB(255, 255, 255) : RGB(22, 18, 14)
                        }
                        // Volume: rounder and darker towards the back and belly, far limbs in shadow.
                        let yRel = Float((r.y - torso.cy) / torso.b)
                        var shade: Float = part.far ? 0.6 : 1.0
                        if case .eye = part.material {} else {
                            shade *= 1.04 - 0.1 * min(yRel * yRel, 2) + (p.night ? 0 : 0.06 * max(-1, min(1, yRel)))
                        }
                        let o = (j * w + i) * 4
                        if p.night {
                            let ir: Float
                            if case .eye = part.material { ir = 255 } else { ir = c.infrared * shade * p.flashGain }
                            buf[o] = ir; buf[o + 1] = ir; buf[o + 2] = ir
                        } else {
                            let k2 = shade * p.light
                            buf[o] = c.r * k2; buf[o + 1] = c.g * k2; buf[o + 2] = c.b * k2
                        }
                        buf[o + 3] = 1
                        break
                    }
                }
            }
        }
        smooth()
        if p.blur > 0 { motionBlur(radius: p.blur) }
    }

    /// [1 2 1]/4 in both directions: anti-aliases the hard part edges.
    private mutating func smooth() {
        let w = width, h = height
        pixels.withUnsafeMutableBufferPointer { buf in
            var prev = [Float](repeating: 0, count: 4)
            for j in 0..<h {
                for c in 0..<4 { prev[c] = buf[(j * w) * 4 + c] }
                for i in 0..<w {
                    let o = (j * w + i) * 4, n = i + 1 < w ? o + 4 : o
                    for c in 0..<4 {
                        let cur = buf[o + c]
                        buf[o + c] = 0.25 * prev[c] + 0.5 * cur + 0.25 * buf[n + c]
                        prev[c] = cur
                    }
                }
            }
            for i in 0..<w {
                for c in 0..<4 { prev[c] = buf[i * 4 + c] }
                for j in 0..<h {
                    let o = (j * w + i) * 4, n = j + 1 < h ? o + w * 4 : o
                    for c in 0..<4 {
                        let cur = buf[o + c]
                        buf[o + c] = 0.25 * prev[c] + 0.5 * cur + 0.25 * buf[n + c]
                        prev[c] = cur
                    }
                }
            }
        }
    }

    /// Horizontal box blur of the given radius (running sums; one row buffer per call).
    private mutating func motionBlur(radius: Int) {
        let w = width, n = Float(2 * radius + 1)
        var row = [Float](repeating: 0, count: w * 4)
        pixels.withUnsafeMutableBufferPointer { buf in
            for j in 0..<height {
                let base = j * w * 4
                for k in 0..<(w * 4) { row[k] = buf[base + k] }
                for c in 0..<4 {
                    var sum: Float = 0
                    for i in -radius...radius { sum += row[max(0, min(w - 1, i)) * 4 + c] }
                    for i in 0..<w {
                        buf[base + i * 4 + c] = sum / n
                        sum += row[min(w - 1, i + radius + 1) * 4 + c] - row[max(0, i - radius) * 4 + c]
                    }
                }
            }
        }
    }

    /// Box of pixels at least half covered, in frame pixels (x, y, width, height); nil if none.
    func visibleBox() -> (x: Int, y: Int, width: Int, height: Int)? {
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for j in 0..<height {
            for i in 0..<width where pixels[(j * width + i) * 4 + 3] >= 0.5 {
                minX = min(minX, i); maxX = max(maxX, i); minY = min(minY, j); maxY = max(maxY, j)
            }
        }
        guard maxX >= 0 else { return nil }
        return (x0 + minX, y0 + minY, maxX - minX + 1, maxY - minY + 1)
    }
}
