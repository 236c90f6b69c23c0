import Core
import Foundation
import Store

/// Writes a survey as a Camtrap DP 1.0 package: deployments, media, observations (media- and event-level) and the
/// catalog as an extra `individuals` resource, as the export policy allows.
///
/// Media files are referenced, not copied: an exact package points at them (`file://` URLs, or the URL a package
/// they were imported from gave) unless `copyMedia` copies them in; a generalised one names them
/// `media/<mediaID>.<ext>` without shipping them, so no folder name, file name or EXIF GPS leaves the survey.
public enum CamtrapExporter {
    /// Builds the tables and writes the package into `directory` (created; it must be new or empty).
    @discardableResult
    public static func export(_ store: SurveyStore, to directory: URL, options: CamtrapExportOptions) throws -> CamtrapTables {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: directory.path), !existing.isEmpty {
            throw ExchangeError.outputNotEmpty(path: directory.path)
        }
        let tables = try self.tables(store, options: options)
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        for table in CamtrapTable.allCases {
            try CamtrapCSV.text(table, rows: tables.rows[table] ?? [])
                .write(to: directory.appendingPathComponent(table.fileName), atomically: true, encoding: .utf8)
        }
        for (path, source) in tables.files.sorted(by: { $0.key < $1.key }) {
            let target = directory.appendingPathComponent(path)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: source, to: target)
        }
        let title = options.title ?? store.directory.standardizedFileURL.lastPathComponent
        let descriptor = try CamtrapDescriptor.json(tables, title: title, options: options)
        try descriptor.write(to: directory.appendingPathComponent("datapackage.json"))
        return tables
    }

    /// The package's rows for the survey under the options' policy.
    public static func tables(_ store: SurveyStore, options: CamtrapExportOptions) throws -> CamtrapTables {
        let snapshot = try store.exchangeSnapshot()
        let withheld = try store.withheldMediaIDs(for: options.policy.viewer)
        var policy = options.policy
        if policy.generalises { policy.idKey = try store.webSecret("exchange-id-key") }
        let builder = CamtrapRowBuilder(snapshot: snapshot, policy: policy, copyMedia: options.copyMedia)
        var tables = CamtrapTables()
        let range = options.year.map { y -> ClosedRange<Date> in
            let start = Timestamp.parse("\(y)-01-01T00:00:00Z", defaultZone: nil)!
            return start...Timestamp.parse("\(y)-12-31T23:59:59Z", defaultZone: nil)!
        }
        let deployments = snapshot.deployments.filter { d in range.map { d.deploymentStart <= $0.upperBound && d.deploymentEnd >= $0.lowerBound } ?? true }
        let deploymentIDs = Set(deployments.map(\.deploymentID))
        tables.rows[.deployments] = deployments.map { builder.deployment($0) }
        let media = snapshot.media.filter { m in
            guard let d = m.deploymentID, deploymentIDs.contains(d), let t = m.timestamp, let id = m.mediaID, !withheld.contains(id) else { return false }
            return range.map { $0.contains(t) } ?? true
        }
        let mediaByID = Dictionary(media.map { ($0.mediaID!, $0) }, uniquingKeysWith: { a, _ in a })
        tables.rows[.media] = media.map { builder.media($0) }
        if builder.copyMedia {
            for m in media where !PackagePath.isURL(m.filePath) { tables.files[builder.copiedPath(m)] = builder.sourceFile(m) }
        }
        let events = Dictionary(snapshot.sequences.map { ($0.eventID, $0) }, uniquingKeysWith: { a, _ in a })
        let visibleEvents = Set(media.compactMap(\.eventID))
        tables.rows[.observations] = snapshot.observations.compactMap { o -> [String: String]? in
            guard builder.exports(o) else { return nil }
            if let id = o.mediaID {
                guard let m = mediaByID[id] else { return nil }
                return builder.observation(o, media: m, event: nil)
            }
            guard let e = o.eventID, let event = events[e], visibleEvents.contains(e) else { return nil }
            return builder.observation(o, media: nil, event: event)
        }
        let named = Set((tables.rows[.observations] ?? []).compactMap { $0["individualID"] })
        tables.rows[.individuals] = snapshot.individuals
            .filter { named.contains($0.individualID) || options.year == nil }
            .map { builder.individual($0) }
        return tables
    }
}
