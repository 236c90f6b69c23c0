import Foundation

/// Difficulty presets for photos: how far, how blurred, how hidden and how noisy the animals are.
///
/// `real` is the hard development set for identification (see `Conditions+Real.swift`): strongly textured
/// fixed scenes, infrared bloom, smear and ghosting at night, and winter coats.
public enum Conditions: String, Codable, Sendable, CaseIterable {
    case easy, field, hard, real

    /// Distance of the animal from the camera, metres.
    public var distanceRange: ClosedRange<Double> {
        switch self {
        case .easy: return 2.5...4.5
        case .field: return 2.0...8.0
        case .hard: return 2.0...13.0
        case .real: return 2.0...10.0
        }
    }
    /// Largest yaw of the body away from side-on, radians.
    public var maxYaw: Double {
        switch self {
        case .easy: return 0.15
        case .field: return 0.5
        case .hard: return 0.9
        case .real: return 0.6
        }
    }
    /// Probability that a trigger catches the animal partly out of frame.
    public var partialFramingProbability: Double {
        switch self {
        case .easy: return 0.05
        case .field: return 0.25
        case .hard: return 0.45
        case .real: return 0.35
        }
    }
    /// Largest horizontal motion blur, as a fraction of the body length in pixels.
    public var maxMotionBlur: Double {
        switch self {
        case .easy: return 0.005
        case .field: return 0.015
        case .hard: return 0.04
        case .real: return 0.03
        }
    }
    /// Sensor noise standard deviation (8-bit levels), day and night.
    public var noise: (day: Double, night: Double) {
        switch self {
        case .easy: return (2, 5)
        case .field: return (4, 10)
        case .hard: return (7, 16)
        case .real: return (6, 14)
        }
    }
    /// Grass blades in front of the animal per 100 px of box width.
    public var grassDensity: Double {
        switch self {
        case .easy: return 0.5
        case .field: return 2.5
        case .hard: return 6
        case .real: return 4
        }
    }
    /// JPEG quality written by the encoder.
    public var jpegQuality: Int {
        switch self {
        case .easy: return 92
        case .field: return 85
        case .hard: return 72
        case .real: return 76
        }
    }
}
