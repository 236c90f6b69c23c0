import Core
import Crypto
import Foundation
import Store

/// Turns the rows of a valid package into Rosette records (`ExchangeBatch`).
struct CamtrapMapping {
    let package: CamtrapPackage

    /// Columns Rosette models for each table; the rest of a row travels in `extras`.
    static let modelled: [CamtrapTable: Set<String>] = [
        .deployments: ["deploymentID", "locationID", "locationName", "latitude", "longitude", "coordinateUncertainty",
                       "deploymentStart", "deploymentEnd", "cameraID", "cameraModel", "deploymentComments"],
        .media: ["mediaID", "deploymentID", "timestamp", "filePath", "fileName", "fileMediatype"],
        .observations: ["observationID", "deploymentID", "mediaID", "eventID", "observationLevel", "observationType",
                        "scientificName", "count", "lifeStage", "sex", "individualID", "bboxX", "bboxY", "bboxWidth",
                        "bboxHeight", "classificationMethod", "classifiedBy", "classificationTimestamp",
                        "classificationProbability", "observationComments"],
    ]

    func extras(_ table: CamtrapTable, _ row: CamtrapRow) -> [String: String] {
        let keep = Self.modelled[table] ?? []
        return row.values.filter { !keep.contains($0.key) && !CamtrapPackage.missingValues.contains($0.value) }
    }

    /// The jurisdiction a `deploymentGroups` cell names as `jurisdiction:RU` (groups are separated by `|`).
    static func jurisdiction(_ groups: String?) -> String? {
        groups?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("jurisdiction:") }.map { String($0.dropFirst("jurisdiction:".count)) }
    }

    func date(_ row: CamtrapRow, _ column: String) -> Date? { row[column].flatMap { Timestamp.parse($0, defaultZone: nil) } }

    func batch() -> ExchangeBatch {
        var batch = ExchangeBatch(source: package.source, root: package.directory)
        var zones: [String: String] = [:]
        for row in package.rows(.deployments) {
            let id = row["deploymentID"]!
            let offset = row["deploymentStart"].flatMap(CamtrapValue.offset) ?? 0
            let zone = offset == 0 ? "UTC" : Timestamp.format(Date(timeIntervalSince1970: 0), offsetSeconds: offset).suffix(6).description
            zones[id] = zone
            let d = Deployment(deploymentID: id, locationID: row["locationID"], locationName: row["locationName"],
                               latitude: Double(row["latitude"]!)!, longitude: Double(row["longitude"]!)!,
                               coordinateUncertainty: row["coordinateUncertainty"].flatMap(Double.init),
                               deploymentStart: date(row, "deploymentStart")!, deploymentEnd: date(row, "deploymentEnd")!,
                               cameraID: row["cameraID"], cameraModel: row["cameraModel"], timezone: zone,
                               jurisdiction: Self.jurisdiction(row["deploymentGroups"]), deploymentComments: row["deploymentComments"])
            batch.deployments.append(ExchangeRow(externalID: id, digest: CamtrapImporter.digest(row), extras: extras(.deployments, row), record: d))
        }
        // Each media's event: the eventID its media-level observations give.
        var mediaEvent: [String: String] = [:]
        for row in package.rows(.observations) {
            if let m = row["mediaID"], let e = row["eventID"] { mediaEvent[m] = mediaEvent[m] ?? e }
        }
        var mediaTimes: [String: Date] = [:]
        for row in package.rows(.media) {
            let id = row["mediaID"]!, path = row["filePath"]!
            let type = row["fileMediatype"]!
            let local = PackagePath.isURL(path) ? nil : package.directory.appendingPathComponent(path)
            let size = local.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int64 } ?? 0
            var m = Media(rootID: 0, filePath: path, fileMediatype: type, fileSize: size, fileModified: 0,
                          contentKey: "camtrap-dp:\(package.source):\(id)")
            if let name = row["fileName"] { m.fileName = name }
            m.deploymentID = row["deploymentID"]
            m.timestamp = date(row, "timestamp")
            m.timeSource = "camtrap-dp"
            m.eventID = mediaEvent[id]
            mediaTimes[id] = m.timestamp
            batch.media.append(ExchangeRow(externalID: id, digest: CamtrapImporter.digest(row), extras: extras(.media, row), record: m))
        }
        batch.events = events(mediaTimes: mediaTimes, mediaEvent: mediaEvent)
        var individuals: [String: ExchangeIndividual] = [:]
        for row in package.rows(.observations) {
            var o = Observation(mediaID: nil, deploymentID: row["deploymentID"], observationType: Observation.Kind(rawValue: row["observationType"]!) ?? .unknown)
            o.eventID = row["eventID"]
            o.scientificName = row["scientificName"]
            o.count = row["count"].flatMap { Int($0) }
            o.lifeStage = row["lifeStage"]
            o.sex = row["sex"]
            o.individualID = row["individualID"]
            o.bboxX = row["bboxX"].flatMap(Double.init)
            o.bboxY = row["bboxY"].flatMap(Double.init)
            o.bboxWidth = row["bboxWidth"].flatMap(Double.init)
            o.bboxHeight = row["bboxHeight"].flatMap(Double.init)
            o.classificationMethod = row["classificationMethod"]
            o.classifiedBy = row["classifiedBy"]
            o.classificationProbability = row["classificationProbability"].flatMap(Double.init)
            o.classificationTimestamp = date(row, "classificationTimestamp")
            o.observationComments = row["observationComments"]
            o.source = ObservationSource.camtrapDP
            let mediaRef = row["observationLevel"] == "media" ? row["mediaID"] : nil
            batch.observations.append(ExchangeRow(externalID: row["observationID"]!, digest: CamtrapImporter.digest(row),
                                                  extras: extras(.observations, row), record: o, mediaRef: mediaRef))
            if let id = o.individualID, individuals[id] == nil {
                individuals[id] = ExchangeIndividual(individualID: id, scientificName: o.scientificName, sex: o.sex,
                                                     lifeStage: o.lifeStage.flatMap(LifeStage.init(label:))?.rawValue)
            }
        }
        for row in package.rows(.individuals) {
            guard let id = row["individualID"] else { continue }
            individuals[id] = ExchangeIndividual(
                individualID: id, scientificName: row["scientificName"] ?? individuals[id]?.scientificName,
                name: row["individualName"], sex: row["sex"], lifeStage: row["lifeStage"].flatMap(LifeStage.init(label:))?.rawValue,
                lifeStageDate: row["lifeStageDate"], birthYear: row["birthYear"].flatMap { Int($0) }, motherID: row["motherID"],
                status: row["status"], deathDate: date(row, "deathDate"), deathCause: row["deathCause"])
        }
        batch.individuals = individuals.values.sorted { $0.individualID < $1.individualID }
        return batch
    }

    /// One sequence per eventID: its deployment, and its span from the event-level observations, else its media.
    func events(mediaTimes: [String: Date], mediaEvent: [String: String]) -> [ExchangeRow<MediaSequence>] {
        var spans: [String: (deployment: String, start: Date, end: Date, digest: String)] = [:]
        var order: [String] = []
        for row in package.rows(.observations) {
            guard let e = row["eventID"], let start = date(row, "eventStart"), let end = date(row, "eventEnd") else { continue }
            if let s = spans[e] {
                spans[e] = (s.deployment, min(s.start, start), max(s.end, end), s.digest)
            } else {
                spans[e] = (row["deploymentID"]!, start, end, "")
                order.append(e)
            }
        }
        let counts = Dictionary(grouping: mediaEvent.keys, by: { mediaEvent[$0]! }).mapValues(\.count)
        return order.map { e in
            let s = spans[e]!
            let text = "\(s.deployment)|\(s.start.timeIntervalSince1970)|\(s.end.timeIntervalSince1970)|\(counts[e] ?? 0)"
            let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
            return ExchangeRow(externalID: e, digest: digest,
                               record: MediaSequence(eventID: e, deploymentID: s.deployment, eventStart: s.start, eventEnd: s.end,
                                                     mediaCount: counts[e] ?? 0))
        }
    }
}
