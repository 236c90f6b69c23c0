import Foundation

/// What a rendered frame shows, for truth.csv.
struct FrameTruth: Sendable {
    /// Visible box in pixels (nil = nothing visible: blank frame).
    var box: (x: Int, y: Int, width: Int, height: Int)?
    var channels: Int
}

/// Renders one planned photo into a caller-owned pixel buffer.
struct FrameRenderer {
    let context: RenderContext

    /// Per-event, per-camera appearance drawn from the event's seed (shared by the frames of a burst).
    struct Appearance {
        var distance: Double, yaw: Double, startFraction: Double, partial: Bool
        var head: Double, tail: Double, phase: Double, stride: Double, blur: Double
        var cloud: Float, windPhase: Double, windAmp: Double, grassSeed: UInt64, variant: Int
    }

    func appearance(event: SurveyEvent, slot: Int) -> Appearance {
        var rng = SeededGenerator(seed: event.appearanceSeed, stream: "appearance", index: UInt64(slot))
        let c = context.conditions
        return Appearance(
            distance: rng.uniform(c.distanceRange.lowerBound, c.distanceRange.upperBound),
            yaw: rng.uniform(-c.maxYaw, c.maxYaw), startFraction: rng.uniform(0.12, 0.88),
            partial: rng.bernoulli(c.partialFramingProbability),
            head: rng.uniform(-0.35, 0.12), tail: rng.uniform(-0.25, 0.3), phase: rng.uniform(0, 2 * .pi),
            stride: rng.bernoulli(0.2) ? rng.uniform(0, 0.2) : rng.uniform(0.6, 1.0), blur: rng.uniform(0, 1),
            cloud: Float(rng.uniform(0.78, 1.08)), windPhase: rng.uniform(0, 2 * .pi), windAmp: rng.uniform(1, 12),
            grassSeed: rng.next(), variant: rng.integer(below: RenderContext.variants))
    }

    /// Renders `photo` over `scene` into `out` (width × height × channels; 1 channel at night).
    func render(_ photo: PlannedPhoto, scene: SceneBackground, into out: UnsafeMutableBufferPointer<UInt8>) -> FrameTruth {
        let sim = context.simulated
        let event = sim.survey.events[photo.eventIndex]
        let look = appearance(event: event, slot: photo.cameraSlot)
        let night = photo.isNight
        let channels = night ? 1 : 3
        let W = context.width, H = context.height
        // Daylight level from the sun: dim and warm near sunrise and sunset.
        let sun = sim.sunTimes(time: photo.trueTime, station: event.stationIndex)
        let hour = CivilTime.localHour(photo.trueTime, offsetSeconds: sim.survey.utcOffsetSeconds)
        let daylight = Float(min(1, max(0, (hour - sun.rise) / 1.2)) * min(1, max(0, (sun.set - hour) / 1.2)))
        var frameRNG = SeededGenerator(seed: event.appearanceSeed, stream: "frame", index: UInt64(photo.frame * 2 + photo.cameraSlot))
        let light = (0.55 + 0.5 * daylight) * look.cloud * Float(frameRNG.uniform(0.97, 1.03))
        let frameSeed = UInt32(truncatingIfNeeded: frameRNG.next())

        // 1. Background.
        scene.day.withUnsafeBufferPointer { day in
            scene.night.withUnsafeBufferPointer { ir in
                if night { out.baseAddress!.update(from: ir.baseAddress!, count: W * H) }
                else { out.baseAddress!.update(from: day.baseAddress!, count: W * H * 3) }
            }
        }
        // 2. Subject.
        var truth = FrameTruth(box: nil, channels: channels)
        var subjectSpan: (Double, Double, Double, Double)?  // x0, x1, ground y, height px
        let winter = context.conditions.winterCoats && isWinter(photo.trueTime)
        let weather = context.triage.dynamicScene
            ? BurstWeather(event: event, slot: photo.cameraSlot, night: night, frames: sim.settings.survey.burstFrames,
                           width: W, height: H, horizon: scene.horizon) : nil
        if case .other(let s) = event.subject, let kind = sim.settings.otherSpecies[s].smallAnimal {
            truth.box = paintSmallAnimal(kind, event: event, photo: photo, horizon: scene.horizon, into: out, channels: channels)
        } else if let (model, coat, size) = subject(event.subject, variant: look.variant, side: photo.direction > 0 ? 0 : 1, winter: winter) {
            // People stay on the trail's far side; vehicles pass on a track further off.
            let distance = look.distance * (model.kind == .vehicle ? 2.5 : (model.kind == .person ? 1.4 : 1))
            let scale = context.focalPixels / distance * size
            let t = photo.trueTime - event.time
            let fore = cos(look.yaw)
            let halfLength = (model.domain.maxX - model.domain.minX) / 2 * scale * fore
            var originX: Double
            if look.partial {
                originX = (photo.direction > 0 ? Double(W) : 0) + (photo.direction > 0 ? -1 : 1) * halfLength * (look.startFraction - 0.3)
            } else {
                originX = halfLength + (Double(W) - 2 * halfLength) * look.startFraction
            }
            originX += photo.direction * model.speed * look.stride * t * scale * fore
            let groundY = scene.horizon + context.focalPixels * 0.5 / distance
            let flash = Float(min(1.35, max(0.3, 1.3 * pow(3.5 / distance, 0.8))))
            let blurPixels = context.conditions.maxMotionBlur * look.blur * look.stride * halfLength * 2 * (night ? 1.5 : 1)
            let placement = Placement(originX: originX, groundY: groundY, scale: scale, direction: photo.direction,
                                      foreshortening: fore,
                                      pose: Pose(phase: look.phase + t * 2 * .pi * 1.1 * look.stride, stride: look.stride,
                                                 head: look.head, tail: look.tail + 0.1 * sin(t * 3)),
                                      blur: Int(blurPixels), night: night, flashGain: flash, light: 1)
            if let layer = SubjectLayer(model: model, coat: coat, placement: placement, frameWidth: W, frameHeight: H) {
                composite(layer, into: out, channels: channels)
                truth.box = layer.visibleBox()
                if night, context.conditions.infraredArtefacts, let box = truth.box {
                    var irRNG = SeededGenerator(seed: event.appearanceSeed, stream: "infrared", index: UInt64(photo.frame * 2 + photo.cameraSlot))
                    Self.applyInfraredArtefacts(box: box, direction: photo.direction, stride: look.stride, into: out,
                                                width: W, height: H, rng: &irRNG)
                }
                subjectSpan = (originX - halfLength, originX + halfLength, groundY, (model.domain.maxY) * scale)
            }
        }
        // 3. Grass in front: the station's tufts, and blades at the subject's feet; both sway in the wind.
        let grassDraw = GrassPainter(width: W, height: H, channels: channels, night: night, light: 1,
                                     colour: SceneBackground.palette(month: context.month).grass, horizon: scene.horizon)
        let sway = look.windAmp * sin(look.windPhase + Double(photo.frame) * 1.7) * (weather?.grassSway ?? 1)
        for tuft in scene.grass {
            grassDraw.tuft(x: tuft.x, y: tuft.y, height: tuft.height, tint: tuft.tint, sway: sway, seed: UInt64(tuft.x * 1000), into: out)
        }
        if let span = subjectSpan, let box = truth.box {
            var rng = SeededGenerator(seed: look.grassSeed)
            let blades = Int(context.conditions.grassDensity * Double(box.width) / 100)
            for _ in 0..<blades {
                let x = rng.uniform(max(0, span.0), min(Double(W), span.1))
                let y = span.2 + rng.uniform(0, 0.06) * Double(H)
                let h = span.3 * rng.uniform(0.08, 0.45)
                grassDraw.blade(x: x, y: y, height: h, lean: rng.uniform(-0.35, 0.35) * h + sway, width: rng.uniform(2, 6) * Double(W) / 2048,
                                tint: Float(rng.uniform(0.75, 1.15)), into: out)
            }
        }
        // 4. Light and wind of the burst (`TriageConditions.field`): leaves, sun flecks, shadow, exposure, shimmer.
        if let weather {
            let camera = SeededGenerator.mix(sim.settings.seed, UInt64(event.stationIndex), UInt64(photo.cameraSlot))
            applyWeather(weather, frame: photo.frame, camera: camera, night: night, horizon: scene.horizon, into: out, channels: channels)
        }
        // 5. Exposure, vignetting and sensor noise.
        finish(out, channels: channels, gain: night ? 1 : light, noise: Float(night ? context.conditions.noise.night : context.conditions.noise.day),
               vignette: night ? context.vignetteNight : context.vignetteDay, seed: frameSeed)
        return truth
    }

    /// Body, coat and size factor of a subject; nil for a blank.
    func subject(_ subject: Subject, variant: Int, side: Int, winter: Bool = false) -> (BodyModel, CoatTexture, Double)? {
        switch subject {
        case .blank: return nil
        case .leopard(let i):
            guard let coat = (winter ? context.leopardWinterCoats[i * 2 + side] : nil) ?? context.leopardCoats[i * 2 + side] else { return nil }
            return (context.leopardBody, coat, context.simulated.population.individuals[i].size)
        case .other(let s):
            guard let bodies = context.speciesBodies[s], let coats = context.speciesCoats[s] else { return nil }
            return (bodies[variant % bodies.count], coats[variant % coats.count], 1)
        }
    }

    /// Whether a photo's local date falls in the winter-coat months.
    func isWinter(_ time: Double) -> Bool {
        let local = time + Double(context.simulated.survey.utcOffsetSeconds)
        return Conditions.isWinterCoatMonth(CivilTime.date(days: Int((local / 86_400).rounded(.down))).month)
    }

    private func composite(_ layer: SubjectLayer, into out: UnsafeMutableBufferPointer<UInt8>, channels: Int) {
        let W = context.width
        layer.pixels.withUnsafeBufferPointer { src in
            for j in 0..<layer.height {
                for i in 0..<layer.width {
                    let s = (j * layer.width + i) * 4
                    let a = src[s + 3]
                    if a <= 0.002 { continue }
                    let o = ((layer.y0 + j) * W + layer.x0 + i) * channels
                    for c in 0..<channels {
                        out[o + c] = clampByte(Float(out[o + c]) * (1 - a) + src[s + c])
                    }
                }
            }
        }
    }

    private func finish(_ out: UnsafeMutableBufferPointer<UInt8>, channels: Int, gain: Float, noise: Float,
                        vignette: (x: [Float], y: [Float]), seed: UInt32) {
        let W = context.width, H = context.height
        let amp = noise * 1.7
        vignette.x.withUnsafeBufferPointer { vx in
            for y in 0..<H {
                let vy = vignette.y[y] * gain
                var h = ValueNoise.hash(Int32(y), 0, seed)
                for x in 0..<W {
                    h ^= h << 13; h ^= h >> 17; h ^= h << 5
                    let n = (Float(h >> 8) * (2.0 / 16_777_216.0) - 1) * amp
                    let k = vx[x] * vy
                    let o = (y * W + x) * channels
                    for c in 0..<channels { out[o + c] = clampByte(Float(out[o + c]) * k + n) }
                }
            }
        }
    }
}
