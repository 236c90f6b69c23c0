import Core
import Foundation
import GRDB

/// One detection of an animal as the census sees it: species, individual (if known), station, time.
public struct DetectionRecord: Sendable, Equatable {
    public var observationID: Int64
    public var mediaID: Int64
    public var species: String
    public var individualID: String?
    public var deploymentID: String
    /// The station (locationID, else locationName, else deploymentID): paired cameras share it.
    public var station: String
    public var timestamp: Date
    public var eventID: String?
    public var filePath: String
    public var classificationMethod: String?

    public init(observationID: Int64, mediaID: Int64, species: String, individualID: String?, deploymentID: String,
                station: String, timestamp: Date, eventID: String?, filePath: String, classificationMethod: String?) {
        self.observationID = observationID
        self.mediaID = mediaID
        self.species = species
        self.individualID = individualID
        self.deploymentID = deploymentID
        self.station = station
        self.timestamp = timestamp
        self.eventID = eventID
        self.filePath = filePath
        self.classificationMethod = classificationMethod
    }
}

extension SurveyStore {
    /// Observations that name a species: a detector's box without a species (its category label, e.g.
    /// "animal" or "motion") is not a species record. Shared by the census queries and the status summary.
    /// Raw species evidence (a classifier's top-k guesses per box, imported classifications) is not a record
    /// either: `rosette triage species --apply` turns it into 'species' rows.
    static let namesSpecies = """
        NOT ((COALESCE(o.source, '') = 'triage' AND o.scientificName IS NULL)
             OR COALESCE(o.source, '') IN ('\(ObservationSource.classifier)', '\(ObservationSource.importedClassification)'))
        """

    /// Animal detections in time order, optionally of one species (matched on scientific name or label,
    /// case-insensitively) and within [from, to]. Duplicated files are left out.
    public func detectionRecords(species: String? = nil, from: Date? = nil, to: Date? = nil) throws -> [DetectionRecord] {
        try pool.read { db in
            var sql = """
                SELECT o.observationID, o.mediaID, COALESCE(o.scientificName, o.speciesLabel, '') AS species, o.individualID,
                       m.deploymentID, COALESCE(d.locationID, d.locationName, d.deploymentID) AS station, m.timestamp,
                       m.eventID, m.filePath, o.classificationMethod
                FROM observation o JOIN media m ON m.mediaID = o.mediaID JOIN deployment d ON d.deploymentID = m.deploymentID
                WHERE o.observationType = 'animal' AND m.duplicateOf IS NULL AND m.timestamp IS NOT NULL
                  AND \(SurveyStore.namesSpecies)
                """
            var arguments: [any DatabaseValueConvertible] = []
            if let species {
                sql += " AND (lower(o.scientificName) = lower(?) OR lower(o.speciesLabel) = lower(?))"
                arguments += [species, species]
            }
            if let from { sql += " AND m.timestamp >= ?"; arguments.append(from) }
            if let to { sql += " AND m.timestamp <= ?"; arguments.append(to) }
            sql += " ORDER BY m.timestamp, o.observationID"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                DetectionRecord(observationID: $0["observationID"], mediaID: $0["mediaID"], species: $0["species"],
                                individualID: $0["individualID"], deploymentID: $0["deploymentID"], station: $0["station"],
                                timestamp: $0["timestamp"], eventID: $0["eventID"], filePath: $0["filePath"],
                                classificationMethod: $0["classificationMethod"])
            }
        }
    }
}
