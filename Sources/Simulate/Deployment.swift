import Foundation

/// One camera at one station for the whole survey.
public struct Deployment: Codable, Sendable, Equatable, Identifiable {
    /// `S07-A`.
    public var id: String
    public var stationIndex: Int
    public var stationID: String
    /// `A` or `B`.
    public var cameraID: String
    /// True start and end, seconds since 1970 UTC.
    public var start: Double
    public var end: Double
    /// Whole survey days (0-based) the camera did not work.
    public var malfunctionDays: [Int]
    /// Hidden truth: seconds the camera clock is ahead of true local time (0 = right).
    public var clockOffset: Int
    public var make: String
    public var model: String
    public var serialNumber: String

    public init(id: String, stationIndex: Int, stationID: String, cameraID: String, start: Double, end: Double,
                malfunctionDays: [Int], clockOffset: Int, make: String, model: String, serialNumber: String) {
        self.id = id
        self.stationIndex = stationIndex
        self.stationID = stationID
        self.cameraID = cameraID
        self.start = start
        self.end = end
        self.malfunctionDays = malfunctionDays
        self.clockOffset = clockOffset
        self.make = make
        self.model = model
        self.serialNumber = serialNumber
    }

    /// True when the camera worked throughout survey day `day`.
    public func works(onDay day: Int) -> Bool { !malfunctionDays.contains(day) }

    /// Malfunction periods as runs of consecutive days: (first day, days).
    public var malfunctionRuns: [(first: Int, length: Int)] {
        var runs: [(Int, Int)] = []
        for day in malfunctionDays.sorted() {
            if let last = runs.last, last.0 + last.1 == day {
                runs[runs.count - 1].1 += 1
            } else {
                runs.append((day, 1))
            }
        }
        return runs
    }
}
