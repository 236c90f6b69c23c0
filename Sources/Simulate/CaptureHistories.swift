import Foundation

/// Capture histories and effort in the shape the census reads: secr proximity detectors
/// (stations) by occasions (days), and one 0/1 history per detected animal.
public struct CaptureHistories: Codable, Sendable, Equatable {
    /// One capture: animal, occasion (1-based day) and detector (station id).
    public struct Capture: Codable, Sendable, Equatable, Hashable {
        public var individualID: String
        public var occasion: Int
        public var detectorID: String
    }
    public var session: String
    public var occasions: Int
    /// Detector ids and local coordinates (metres).
    public var detectors: [(id: String, x: Double, y: Double)] {
        zip(detectorIDs, detectorPositions).map { ($0, $1.x, $1.y) }
    }
    public var detectorIDs: [String]
    public var detectorPositions: [Point]
    /// Usage (0/1) per detector per occasion.
    public var usage: [[UInt8]]
    /// Captures sorted by animal, occasion, detector.
    public var captures: [Capture]
    /// Detected animals in id order.
    public var individualIDs: [String]
    /// Per detected animal, a 0/1 per occasion: detected anywhere that day.
    public var histories: [[UInt8]]

    /// Builds histories from a survey's detections.
    public init(survey: Survey, population: Population, session: String = "1", includeCubs: Bool = true) {
        self.session = session
        occasions = survey.days
        detectorIDs = survey.stations.map(\.id)
        detectorPositions = survey.stations.map(\.position)
        usage = survey.usage
        var captures: [Capture] = []
        var byAnimal: [String: [UInt8]] = [:]
        for d in survey.detections {
            let animal = population.individuals[d.individualIndex]
            if !includeCubs, animal.ageClass == .cub { continue }
            captures.append(Capture(individualID: animal.id, occasion: d.day + 1, detectorID: survey.stations[d.stationIndex].id))
            byAnimal[animal.id, default: Array(repeating: 0, count: survey.days)][d.day] = 1
        }
        captures.sort { ($0.individualID, $0.occasion, $0.detectorID) < ($1.individualID, $1.occasion, $1.detectorID) }
        self.captures = captures
        individualIDs = byAnimal.keys.sorted()
        histories = individualIDs.map { byAnimal[$0]! }
    }

    /// Animals detected at least once (M_t+1).
    public var animalsDetected: Int { individualIDs.count }

    private enum CodingKeys: String, CodingKey {
        case session, occasions, detectorIDs, detectorPositions, usage, captures, individualIDs, histories
    }
}
