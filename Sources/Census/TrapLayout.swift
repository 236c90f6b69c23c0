import Foundation

/// Detector kinds of the SECR likelihood (secr's names).
public enum DetectorType: String, Sendable, CaseIterable, Codable {
    /// Camera traps and hair tubes: Bernoulli per detector and occasion, several detectors per occasion allowed.
    case proximity
    /// Poisson counts per detector and occasion.
    case count
    /// Multi-catch traps: at most one detector per animal and occasion (competing hazards).
    case multi
}

/// Detector positions with per-occasion usage (effort).
///
/// Coordinates are in metres in a projected system. `usage[k][s]` is the effort of detector `k` on
/// occasion `s` (1 = used for the whole occasion, 0 = not in use); it multiplies the hazard.
public struct TrapLayout: Sendable, Equatable {
    /// Detector identifiers as written in the trap file (e.g. `"0201"`, `"A12"`).
    public var ids: [String]
    /// Easting of each detector (m).
    public var x: [Double]
    /// Northing of each detector (m).
    public var y: [Double]
    /// Effort per detector and occasion, `usage[detector][occasion]`; `nil` means 1 everywhere.
    public var usage: [[Double]]?

    /// Creates a layout; `usage`, when given, must have one row per detector, all of equal length.
    public init(ids: [String], x: [Double], y: [Double], usage: [[Double]]? = nil) {
        precondition(ids.count == x.count && x.count == y.count, "ids, x and y must have equal length")
        if let usage { precondition(usage.count == ids.count, "usage needs one row per detector") }
        self.ids = ids
        self.x = x
        self.y = y
        self.usage = usage
    }

    /// Number of detectors.
    public var count: Int { ids.count }

    /// Number of occasions implied by the usage rows, if usage was given.
    public var usageOccasions: Int? { usage?.first?.count }

    /// Effort of detector `k` on occasion `s` (0-based); 1 when no usage was given.
    public func effort(detector k: Int, occasion s: Int) -> Double {
        guard let usage else { return 1 }
        return s < usage[k].count ? usage[k][s] : 0
    }

    /// Index of the detector with the given identifier.
    public func index(of id: String) -> Int? { ids.firstIndex(of: id) }

    /// Index of the first detector at the given coordinates (within 1e-6 m).
    public func index(x px: Double, y py: Double) -> Int? {
        for k in 0..<count where abs(x[k] - px) < 1e-6 && abs(y[k] - py) < 1e-6 { return k }
        return nil
    }
}
