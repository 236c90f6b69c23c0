import Foundation

/// What a camera trap recorded about one shot in its maker note: trigger, place in its sequence, temperature.
///
/// Read from the raw maker note (Reconyx HyperFire, UltraFire, HyperFire 2); every field is optional because
/// a layout may lack it or carry an implausible value. Cameras whose notes carry none of this (Bushnell's are
/// zeros) give no reading at all rather than a guessed one.
public struct CameraTrapReading: Sendable, Hashable, Codable {
    /// Why the camera fired.
    public enum Trigger: String, Sendable, Hashable, Codable, CaseIterable {
        case motion
        /// Fired by the camera's clock: empty of animals by construction of the trigger, unless one walked by.
        case timeLapse = "time-lapse"
        /// External sensor, code-lock, point-and-shoot or another letter.
        case other

        /// The trigger a camera's letter stands for ("M", "T", other capitals), nil for none.
        public init?(letter: Character?) {
            switch letter {
            case "M": self = .motion
            case "T": self = .timeLapse
            case let c? where c.isUppercase && c.isASCII: self = .other
            default: return nil
            }
        }
    }

    /// The maker-note layout read ("reconyx-hyperfire", "reconyx-ultrafire", "reconyx-hyperfire2").
    public var maker: String
    public var trigger: Trigger?
    /// The camera's trigger letter as written ("M", "T", "E" …), nil when absent.
    public var triggerLetter: String?
    /// This frame's place in the camera's sequence, from 1.
    public var sequenceIndex: Int?
    /// Frames in the camera's sequence ("1 of 3": 3).
    public var sequenceLength: Int?
    /// The camera's own trigger-event counter.
    public var eventNumber: Int64?
    /// Ambient temperature in whole °C (from °F when only that is recorded).
    public var temperatureC: Double?
    /// Moon phase, 0 new … 4 full … 7 old crescent.
    public var moonPhase: Int?
    /// Battery voltage in volts.
    public var batteryVolts: Double?

    public init(maker: String, trigger: Trigger? = nil, triggerLetter: String? = nil, sequenceIndex: Int? = nil,
                sequenceLength: Int? = nil, eventNumber: Int64? = nil, temperatureC: Double? = nil, moonPhase: Int? = nil,
                batteryVolts: Double? = nil) {
        self.maker = maker
        self.trigger = trigger
        self.triggerLetter = triggerLetter
        self.sequenceIndex = sequenceIndex
        self.sequenceLength = sequenceLength
        self.eventNumber = eventNumber
        self.temperatureC = temperatureC
        self.moonPhase = moonPhase
        self.batteryVolts = batteryVolts
    }
}
