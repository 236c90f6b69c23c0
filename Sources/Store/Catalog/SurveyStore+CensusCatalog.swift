import Core
import Foundation
import GRDB

/// What the census needs from the individual catalog: who is who, sex, stage, mother and death.
public struct CatalogFacts: Sendable, Equatable {
    public var individualID: String
    public var sex: String?
    public var lifeStage: String?
    public var birthYear: Int?
    public var motherID: String?
    public var status: String
    public var deathDate: Date?
    public var deathCause: String?
    /// The day (YYYY-MM-DD) `lifeStage` was observed.
    public var lifeStageDate: String?
    public var fatherID: String?
    public var mergedInto: String?
    public var deathPlace: DeathPlace?

    public init(individualID: String, sex: String? = nil, lifeStage: String? = nil, birthYear: Int? = nil,
                motherID: String? = nil, status: String = "alive", deathDate: Date? = nil, deathCause: String? = nil,
                lifeStageDate: String? = nil, fatherID: String? = nil, mergedInto: String? = nil, deathPlace: DeathPlace? = nil) {
        self.lifeStageDate = lifeStageDate
        self.fatherID = fatherID
        self.mergedInto = mergedInto
        self.deathPlace = deathPlace
        self.individualID = individualID
        self.sex = sex
        self.lifeStage = lifeStage
        self.birthYear = birthYear
        self.motherID = motherID
        self.status = status
        self.deathDate = deathDate
        self.deathCause = deathCause
    }
}

extension SurveyStore {
    /// Catalog facts of every individual in the catalog (empty when no catalog has been kept yet).
    public func catalogFacts() throws -> [String: CatalogFacts] {
        try pool.read { db in
            var facts: [String: CatalogFacts] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM individual") {
                let f = CatalogFacts(row: row)
                facts[f.individualID] = f
            }
            return facts
        }
    }

    /// Sex and life stage as tagged on observations, per individual (the most recent tag wins).
    public func taggedTraits() throws -> [String: (sex: String?, lifeStage: String?)] {
        try pool.read { db in
            var traits: [String: (String?, String?)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT o.individualID, o.sex, o.lifeStage FROM observation o JOIN media m ON m.mediaID = o.mediaID
                WHERE o.individualID IS NOT NULL AND (o.sex IS NOT NULL OR o.lifeStage IS NOT NULL) ORDER BY m.timestamp
                """) {
                let id: String = row["individualID"]
                let old = traits[id]
                traits[id] = ((row["sex"] as String?) ?? old?.0, (row["lifeStage"] as String?) ?? old?.1)
            }
            return traits
        }
    }
}


extension CatalogFacts {
    /// The catalog facts of one `individual` row.
    init(row: Row) {
        let lat: Double? = row["deathLatitude"], lon: Double? = row["deathLongitude"], place: String? = row["deathLocationID"]
        self.init(individualID: row["individualID"], sex: row["sex"], lifeStage: row["lifeStage"], birthYear: row["birthYear"],
                  motherID: row["motherID"], status: row["status"], deathDate: row["deathDate"], deathCause: row["deathCause"],
                  lifeStageDate: row["lifeStageDate"], fatherID: row["fatherID"], mergedInto: row["mergedInto"],
                  deathPlace: place == nil && lat == nil ? nil : DeathPlace(locationID: place, latitude: lat, longitude: lon))
    }
}
