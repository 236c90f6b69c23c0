import Foundation

/// The light and wind of one burst on one camera under `TriageConditions.field`, drawn from the event's seed
/// (its own stream, so the calm photos' random draws are untouched).
///
/// Sun flecks are ragged bright patches that drift between the frames of a burst (the canopy moves) and lie
/// elsewhere in the next burst; a shadow band drifts across; auto-exposure steps the whole frame; heat shimmer
/// shifts rows in small patches; foreground leaves sway. At night the infrared gain jumps from frame to frame
/// with a flash hotspot, near leaves are bright, and a flying insect may streak through one frame. An empty
/// burst's cause (sun, heat, wind, insect) makes its effect strong.
struct BurstWeather: Sendable {
    struct Fleck: Sendable { var x: Double, y: Double, rx: Double, ry: Double, vx: Double, vy: Double, gain: Float, flicker: Float }
    struct Patch: Sendable { var x0: Int, y0: Int, x1: Int, y1: Int, amplitude: Double, period: Double }

    var cause: FalseTriggerCause?
    /// 0 for bursts with a subject; for an empty trigger how strongly its cause shows (0.05–1, mostly weak).
    var intensity: Double = 0
    var flecks: [Fleck] = []
    /// Shadow band: centre x, half width (px), drift per frame (px), darkening (0–1).
    var shadow: (x: Double, halfWidth: Double, vx: Double, depth: Float)?
    /// Whole-frame gain of each frame (auto-exposure by day, infrared gain at night).
    var exposure: [Float] = []
    /// Flash hotspot strength per frame (night).
    var hotspot: [Float] = []
    var shimmer: [Patch] = []
    /// Sway of foreground leaves, radians at the tip, and of the grass (a multiplier on the calm sway).
    var leafSway: Double = 0
    var grassSway: Double = 1
    var windPhase: Double = 0
    /// A bright streak (insect) in one frame: frame, start, end, width.
    var insect: (frame: Int, x0: Double, y0: Double, x1: Double, y1: Double, width: Double)?

    init(event: SurveyEvent, slot: Int, night: Bool, frames: Int, width W: Int, height H: Int, horizon: Double) {
        var rng = SeededGenerator(seed: event.appearanceSeed, stream: "weather", index: UInt64(slot))
        let w = Double(W), h = Double(H)
        if case .blank = event.subject {
            cause = night ? (rng.bernoulli(0.6) ? .insect : .wind)
                          : [FalseTriggerCause.sun, .sun, .heat, .wind][rng.integer(below: 4)]
        }
        let frames = max(1, frames)
        // How strongly the cause of an empty trigger shows: some leave hardly a trace.
        let u = rng.uniform()
        intensity = cause == nil ? 0 : 0.05 + 0.95 * u * u * u
        windPhase = rng.uniform(0, 2 * .pi)
        let windy = cause == .wind
        leafSway = windy ? intensity * rng.uniform(0.04, 0.12) : rng.uniform(0.0005, 0.004)
        grassSway = windy ? 1 + intensity * rng.uniform(1.5, 4) : rng.uniform(1, 1.4)
        if night {
            // Infrared gain steps: some frames come out brighter or darker as a whole, and the hotspot changes.
            let jump = cause != nil ? 0.3 * intensity : (rng.bernoulli(0.25) ? 0.1 : 0.02)
            exposure = (0..<frames).map { _ in Float(rng.bernoulli(0.6) ? rng.uniform(1 - jump, 1 + jump) : rng.uniform(0.98, 1.02)) }
            hotspot = (0..<frames).map { _ in Float(rng.uniform(0, cause != nil ? 0.35 * intensity : 0.04)) }
            if cause == .insect || rng.bernoulli(0.05) {
                let x = rng.uniform(0.1, 0.9) * w, y = rng.uniform(0.1, 0.85) * h
                let length = rng.uniform(0.015, 0.05) * w, angle = rng.uniform(-0.6, 0.6)
                insect = (rng.integer(below: frames), x, y, x + cos(angle) * length, y + sin(angle) * length,
                          max(1.5, rng.uniform(0.001, 0.0025) * w))
            }
            return
        }
        let sunny = cause == .sun || cause == .heat || rng.bernoulli(0.5)
        let sd = cause == .sun ? 0.012 + 0.06 * intensity : 0.012
        exposure = (0..<frames).map { _ in Float(exp(rng.normal(mean: 0, sd: sd))) }
        guard sunny else { return }
        let strong = cause == .sun
        let count = strong ? 6 + rng.integer(below: 10) : 3 + rng.integer(below: 8)
        let drift = (strong ? intensity * rng.uniform(0.01, 0.035) : rng.uniform(0.0003, 0.002)) * w
        let heading = rng.uniform(0, 2 * .pi)
        for _ in 0..<count {
            let rx = rng.uniform(0.015, strong ? 0.08 : 0.05) * w
            let jitter = rng.uniform(0.5, 1.5)
            flecks.append(Fleck(x: rng.uniform(0, w), y: rng.uniform(horizon * 0.6, h), rx: rx, ry: rx * rng.uniform(0.35, 0.8),
                                vx: drift * cos(heading) * jitter, vy: drift * 0.5 * sin(heading) * jitter,
                                gain: Float(strong ? rng.uniform(0.4, 1.3) : rng.uniform(0.2, 0.6)),
                                flicker: Float(strong ? 0.4 * intensity : 0.04)))
        }
        if rng.bernoulli(strong ? 0.6 : 0.3) {
            shadow = (rng.uniform(0, w), rng.uniform(0.03, 0.1) * w, rng.uniform(-1, 1) * drift * 1.5, Float(rng.uniform(0.2, 0.45)))
        }
        let patches = cause == .heat ? 3 + rng.integer(below: 4) : (rng.bernoulli(0.3) ? 1 : 0)
        for _ in 0..<patches {
            let pw = rng.uniform(0.1, 0.3) * w, ph = rng.uniform(0.04, 0.12) * h
            let x0 = rng.uniform(0, w - pw), y0 = rng.uniform(horizon, max(horizon + 1, h - ph))
            shimmer.append(Patch(x0: Int(x0), y0: Int(y0), x1: Int(x0 + pw), y1: min(H, Int(y0 + ph)),
                                 amplitude: (cause == .heat ? intensity * rng.uniform(0.002, 0.005) : rng.uniform(0.0005, 0.0012)) * w,
                                 period: rng.uniform(0.006, 0.02) * h))
        }
    }
}
