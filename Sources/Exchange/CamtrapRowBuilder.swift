import Core
import Foundation
import Store

/// Turns stored records into package rows under an export policy (one row = cell text by column name).
struct CamtrapRowBuilder {
    let snapshot: ExchangeSnapshot
    let policy: ExportPolicy
    let deployments: [String: Deployment]
    let freeText: [CamtrapTable: Set<String>]
    /// Each individual's scientific name, from the first observation naming it.
    let individualSpecies: [String: String]

    /// Media files are copied into the package (exact packages only).
    let copyMedia: Bool

    init(snapshot: ExchangeSnapshot, policy: ExportPolicy, copyMedia: Bool = false) {
        self.snapshot = snapshot
        self.policy = policy
        self.copyMedia = copyMedia && !policy.generalises
        deployments = Dictionary(snapshot.deployments.map { ($0.deploymentID, $0) }, uniquingKeysWith: { a, _ in a })
        var species: [String: String] = [:]
        for o in snapshot.observations { if let i = o.individualID, let n = o.scientificName, species[i] == nil { species[i] = n } }
        individualSpecies = species
        freeText = Dictionary(uniqueKeysWithValues: CamtrapTable.allCases.map { t in (t, Set(t.fields.filter(\.freeText).map(\.name))) })
    }

    private func key(_ entity: String, _ local: String) -> ExchangeKey? { snapshot.keys[entity]?[local] }

    /// The package's columns Rosette does not model, as imported (free text left out when generalising).
    private func extras(_ table: CamtrapTable, _ key: ExchangeKey?) -> [String: String] {
        guard let key else { return [:] }
        let columns = Set(table.columns)
        return key.extras.filter { columns.contains($0.key) && !(policy.generalises && freeText[table]!.contains($0.key)) }
    }

    private func time(_ date: Date, deployment: String?) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return Timestamp.format(whole, in: deployment.flatMap { deployments[$0] }?.zone ?? (try! ZoneSpec("UTC")))
    }

    func deployment(_ d: Deployment) -> [String: String] {
        var row = extras(.deployments, key("deployment", d.deploymentID))
        row["deploymentID"] = policy.deploymentID(d.deploymentID)
        row["deploymentStart"] = time(d.deploymentStart, deployment: d.deploymentID)
        row["deploymentEnd"] = time(d.deploymentEnd, deployment: d.deploymentID)
        row["cameraID"] = d.cameraID
        row["cameraModel"] = d.cameraModel
        if row["deploymentGroups"] == nil, let j = d.jurisdiction { row["deploymentGroups"] = "jurisdiction:\(j)" }
        if let grid = policy.grid, let metres = policy.gridMetres {
            let cell = grid.generalise(latitude: d.latitude, longitude: d.longitude)
            row["latitude"] = CamtrapValue.number(cell.latitude, decimals: policy.decimals)
            row["longitude"] = CamtrapValue.number(cell.longitude, decimals: policy.decimals)
            row["locationID"] = policy.cellID(latitude: d.latitude, longitude: d.longitude)
            row["coordinateUncertainty"] = String(Int((metres * 2.0.squareRoot() / 2 + (d.coordinateUncertainty ?? 0)).rounded(.up)))
        } else {
            row["latitude"] = CamtrapValue.number(d.latitude)
            row["longitude"] = CamtrapValue.number(d.longitude)
            row["locationID"] = d.locationID
            row["locationName"] = d.locationName
            row["coordinateUncertainty"] = d.coordinateUncertainty.map { String(max(1, Int($0.rounded()))) }
            row["deploymentComments"] = d.deploymentComments
        }
        return row
    }

    func mediaID(_ m: Media) -> String {
        key("media", String(m.mediaID ?? 0)).map { policy.opaqueID($0.externalID, prefix: "m") } ?? "m\(m.mediaID ?? 0)"
    }

    func media(_ m: Media) -> [String: String] {
        var row = extras(.media, key("media", String(m.mediaID ?? 0)))
        let id = mediaID(m)
        row["mediaID"] = id
        row["deploymentID"] = m.deploymentID.map(policy.deploymentID)
        row["timestamp"] = m.timestamp.map { time($0, deployment: m.deploymentID) }
        row["fileMediatype"] = m.fileMediatype
        row["filePublic"] = row["filePublic"] ?? "false"
        if policy.generalises {
            let ext = (m.fileName as NSString).pathExtension.lowercased()
            row["filePath"] = "media/\(id)" + (ext.isEmpty ? "" : ".\(ext)")
            row["fileName"] = "\(id)" + (ext.isEmpty ? "" : ".\(ext)")
            row["filePublic"] = "false"
        } else {
            row["fileName"] = m.fileName
            if PackagePath.isURL(m.filePath) {
                row["filePath"] = m.filePath
            } else if copyMedia {
                row["filePath"] = copiedPath(m)
            } else {
                row["filePath"] = sourceFile(m).absoluteString
            }
        }
        if row["captureMethod"] == nil, m.timeSource != "camtrap-dp" { row["captureMethod"] = "activityDetection" }
        return row
    }

    /// The media's file on disk.
    func sourceFile(_ m: Media) -> URL { URL(fileURLWithPath: snapshot.roots[m.rootID] ?? "/").appendingPathComponent(m.filePath) }

    /// Where a copied media file goes in the package (roots kept apart, so paths stay unique).
    func copiedPath(_ m: Media) -> String { "media/r\(m.rootID)/\(m.filePath)" }

    /// Whether an observation is one a package carries: not a raw classifier guess, not a bare motion box, and no
    /// person for a viewer who may not see people.
    func exports(_ o: Observation) -> Bool {
        if [ObservationSource.classifier, ObservationSource.importedClassification].contains(o.source ?? "") { return false }
        if o.source == ObservationSource.triage, o.scientificName == nil, o.speciesLabel == "motion" { return false }
        if !policy.viewer.role.seesPeoplePhotos, o.observationType == .human || o.scientificName == "Homo sapiens" { return false }
        return true
    }

    func observation(_ o: Observation, media m: Media?, event: MediaSequence?) -> [String: String] {
        let k = key("observation", String(o.observationID ?? 0))
        var row = extras(.observations, k)
        let deployment = o.deploymentID ?? m?.deploymentID ?? event?.deploymentID
        row["observationID"] = k.map { policy.opaqueID($0.externalID, prefix: "o") } ?? "o\(o.observationID ?? 0)"
        row["deploymentID"] = deployment.map(policy.deploymentID)
        row["mediaID"] = m.map(mediaID)
        row["eventID"] = (o.eventID ?? m?.eventID).map { policy.opaqueID($0, prefix: "e") }
        row["observationLevel"] = m == nil ? "event" : "media"
        let start = m?.timestamp ?? event?.eventStart, end = m?.timestamp ?? event?.eventEnd
        row["eventStart"] = row["eventStart"] ?? start.map { time($0, deployment: deployment) }
        row["eventEnd"] = row["eventEnd"] ?? end.map { time($0, deployment: deployment) }
        row["observationType"] = o.observationType.rawValue
        row["scientificName"] = o.scientificName ?? o.speciesLabel
        row["count"] = o.count.flatMap { $0 >= 1 ? String($0) : nil }
        row["lifeStage"] = Self.lifeStage(o.lifeStage)
        row["sex"] = ["female", "male"].contains(o.sex ?? "") ? o.sex : nil
        row["individualID"] = o.individualID
        if let x = o.bboxX, let y = o.bboxY, let w = o.bboxWidth, let h = o.bboxHeight, w > 0, h > 0 {
            let cx = min(max(x, 0), 1), cy = min(max(y, 0), 1)
            row["bboxX"] = CamtrapValue.number(cx, decimals: 6)
            row["bboxY"] = CamtrapValue.number(cy, decimals: 6)
            row["bboxWidth"] = CamtrapValue.number(max(min(w, 1 - cx), 1e-6), decimals: 6)
            row["bboxHeight"] = CamtrapValue.number(max(min(h, 1 - cy), 1e-6), decimals: 6)
        }
        row["classificationMethod"] = o.classificationMethod ?? Self.method(o.source)
        row["classifiedBy"] = o.classifiedBy
        row["classificationTimestamp"] = o.classificationTimestamp.map { Timestamp.format(Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)), offsetSeconds: 0) }
        row["classificationProbability"] = o.classificationProbability.map { CamtrapValue.number(min(max($0, 0), 1), decimals: 6) }
        if !policy.generalises { row["observationComments"] = o.observationComments }
        return row.filter { !$0.value.isEmpty }
    }

    /// Camtrap DP's life stage for Rosette's (a cub is `juvenile`).
    static func lifeStage(_ text: String?) -> String? {
        switch text.flatMap(LifeStage.init(label:)) {
        case .cub: "juvenile"
        case .subadult: "subadult"
        case .adult: "adult"
        case nil: nil
        }
    }

    /// Who made an observation when the row does not say: people tag, detectors and classifiers are machines.
    static func method(_ source: String?) -> String? {
        switch source {
        case ObservationSource.xmp: "human"
        case ObservationSource.triage, ObservationSource.classifier, ObservationSource.importedClassification, ObservationSource.species: "machine"
        default: nil
        }
    }

    func individual(_ i: CatalogIndividual) -> [String: String] {
        var row: [String: String] = ["individualID": i.individualID, "status": i.status]
        row["individualName"] = i.name
        row["scientificName"] = individualSpecies[i.individualID] ?? "Panthera pardus orientalis"
        row["sex"] = ["female", "male"].contains(i.sex ?? "") ? i.sex : nil
        row["motherID"] = i.motherID
        row["birthYear"] = i.birthYear.map(String.init)
        row["lifeStage"] = Self.lifeStage(i.lifeStage)
        row["lifeStageDate"] = i.lifeStageDate
        row["deathDate"] = i.deathDate.map { Timestamp.format(Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)), offsetSeconds: 0) }
        row["deathCause"] = i.deathCause
        return row.filter { !$0.value.isEmpty }
    }
}
