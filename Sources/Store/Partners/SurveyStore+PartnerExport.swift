import Foundation
import GRDB

/// What a partner package says of one of our individuals before generalisation: its sex, the years it was seen,
/// and the exact points of the stations where it was seen (the exporter turns them into grid cells; they never
/// leave the survey as they are).
public struct PartnerExportFacts: Sendable, Equatable {
    public var individualID: String
    public var sex: String?
    public var years: [Int]
    public var points: [Point]

    public struct Point: Sendable, Equatable, Hashable {
        public var latitude: Double
        public var longitude: Double
    }
}

extension SurveyStore {
    /// For every individual not merged away, by ID: sex, the years of its observations and reference photos, and
    /// the coordinates of the deployments they were taken at.
    public func partnerExportFacts() throws -> [PartnerExportFacts] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT x.individualID, CAST(substr(m.timestamp, 1, 4) AS INTEGER) AS year, d.latitude, d.longitude FROM (
                    SELECT individualID, mediaID, deploymentID FROM observation WHERE individualID IS NOT NULL
                    UNION SELECT individualID, mediaID, NULL FROM referencePhoto WHERE retiredAt IS NULL
                ) x
                LEFT JOIN media m ON m.mediaID = x.mediaID
                LEFT JOIN deployment d ON d.deploymentID = COALESCE(x.deploymentID, m.deploymentID)
                """)
            var years: [String: Set<Int>] = [:]
            var points: [String: Set<PartnerExportFacts.Point>] = [:]
            for row in rows {
                let id: String = row["individualID"]
                if let y: Int = row["year"], y > 0 { years[id, default: []].insert(y) }
                if let lat: Double = row["latitude"], let lon: Double = row["longitude"] {
                    points[id, default: []].insert(.init(latitude: lat, longitude: lon))
                }
            }
            return try Row.fetchAll(db, sql: "SELECT individualID, sex FROM individual WHERE mergedInto IS NULL ORDER BY individualID").map { row in
                let id: String = row["individualID"]
                return PartnerExportFacts(individualID: id, sex: row["sex"], years: (years[id] ?? []).sorted(),
                                          points: (points[id] ?? []).sorted { ($0.latitude, $0.longitude) < ($1.latitude, $1.longitude) })
            }
        }
    }
}
