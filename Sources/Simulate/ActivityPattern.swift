import Foundation

/// A daily activity curve: a mixture of von Mises peaks over the 24-hour clock plus a flat part.
public struct ActivityPattern: Codable, Sendable, Equatable {
    /// One peak: weight, hour of the peak (local solar-ish time) and concentration.
    public struct Peak: Codable, Sendable, Equatable {
        public var weight: Double
        public var hour: Double
        public var kappa: Double
        public init(weight: Double, hour: Double, kappa: Double) {
            self.weight = weight
            self.hour = hour
            self.kappa = kappa
        }
    }
    public var peaks: [Peak]
    /// Weight of uniform activity across the day.
    public var flat: Double

    public init(peaks: [Peak], flat: Double) {
        self.peaks = peaks
        self.flat = flat
    }

    /// Leopards and tigers: dusk and dawn peaks with a night plateau.
    public static let nocturnalCrepuscular = ActivityPattern(peaks: [
        Peak(weight: 0.30, hour: 19.5, kappa: 5), Peak(weight: 0.25, hour: 5.5, kappa: 5),
        Peak(weight: 0.30, hour: 0.5, kappa: 1.2),
    ], flat: 0.15)
    /// Deer: strong dawn and dusk peaks, some daytime activity.
    public static let crepuscular = ActivityPattern(peaks: [
        Peak(weight: 0.40, hour: 18.5, kappa: 6), Peak(weight: 0.35, hour: 6.0, kappa: 6),
    ], flat: 0.25)
    /// Wild boar: mostly night.
    public static let nocturnal = ActivityPattern(peaks: [Peak(weight: 0.8, hour: 23.5, kappa: 1.5)], flat: 0.2)
    /// People and vehicles: daytime.
    public static let diurnal = ActivityPattern(peaks: [Peak(weight: 0.9, hour: 13, kappa: 3)], flat: 0.1)
    /// Wind and sun triggers: daytime-heavy but any time.
    public static let falseTrigger = ActivityPattern(peaks: [Peak(weight: 0.6, hour: 13, kappa: 2)], flat: 0.4)

    /// Draws a time of day in seconds after local midnight, in [0, 86400).
    public func sampleSecondOfDay(using rng: inout SeededGenerator) -> Double {
        var weights = peaks.map(\.weight)
        weights.append(flat)
        let k = rng.choose(weights: weights)
        var hour: Double
        if k == peaks.count {
            hour = rng.uniform(0, 24)
        } else {
            let peak = peaks[k]
            let angle = rng.vonMises(mu: peak.hour / 24 * 2 * .pi, kappa: peak.kappa)
            hour = angle / (2 * .pi) * 24
        }
        hour = hour.truncatingRemainder(dividingBy: 24)
        if hour < 0 { hour += 24 }
        return min(hour * 3600, 86_399.999)
    }

    /// Density over hours (integrates to 1 over 0..<24), for tests and plots.
    public func density(atHour hour: Double) -> Double {
        var d = flat / 24
        for peak in peaks {
            let theta = (hour - peak.hour) / 24 * 2 * .pi
            d += peak.weight * exp(peak.kappa * cos(theta)) / (24 * besselI0(peak.kappa))
        }
        return d / (flat + peaks.reduce(0) { $0 + $1.weight })
    }

    private func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0
        for k in 1..<40 {
            term *= (x / 2) * (x / 2) / Double(k * k)
            sum += term
        }
        return sum
    }
}
