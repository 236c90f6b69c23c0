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

    public init(individualID: String, sex: String? = nil, lifeStage: String? = nil, birthYear: Int? = nil,
                motherID: String? = nil, status: String = "alive", deathDate: Date? = nil, deathCause: String? = nil) {
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
            for row in try Row.fetchAll(db, sql: """
                SELECT individualID, sex, lifeStage, birthYear, motherID, status, deathDate, deathCause FROM individual
                """) {
                let id: String = row["individualID"]
                facts[id] = CatalogFacts(individualID: id, sex: row["sex"], lifeStage: row["lifeStage"], birthYear: row["birthYear"],
                                         motherID: row["motherID"], status: row["status"], deathDate: row["deathDate"],
                                         deathCause: row["deathCause"])
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
