import Core
import Foundation
import GRDB
import Store
import TestSupport

/// A survey for review-log tests: `photos` stored photos, encounters over them, and a raw view of the database
/// (opened apart from the store) to dump rows column by column.
struct ReviewFixture {
    let dir = TemporaryDirectory()
    let store: SurveyStore
    let media: [Int64]

    init(photos: Int = 4, settings: SurveySettings = SurveySettings()) throws {
        store = try SurveyStore.create(directory: dir.path("S"), settings: settings)
        let run = try store.beginIngestRun(root: "/cards")
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let files = (0..<photos).map { i in
            IngestedFile(media: Media(rootID: rootID, filePath: "S01/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 100,
                                      fileModified: 0, contentKey: "key\(i)"), observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        var ids: [Int64] = []
        try store.forEachMedia { ids.append($0.mediaID!) }
        media = ids.sorted()
    }

    /// Another store on the same survey file (a second server process).
    func secondStore() throws -> SurveyStore { try SurveyStore(directory: dir.path("S")) }

    /// An encounter over the given photos, ranked with `proposals` (individual IDs by rank).
    @discardableResult
    func encounter(_ photos: [Int64], proposals: [String] = []) throws -> Encounter {
        let boxes = photos.map { id in
            IdentificationBox(observationID: nil, mediaID: id, eventID: "E\(photos[0])", deploymentID: nil, timestamp: nil, path: "",
                              width: 2048, height: 1536, box: [0.125, 0.2, 0.3, 0.2], confidence: 0.9, scientificName: nil)
        }
        let e = try store.createEncounter(NewEncounter(eventID: "E\(photos[0])", deploymentID: nil, scientificName: "Panthera pardus orientalis",
                                                       side: "left", detector: "motion", boxes: boxes))
        try store.saveRanking(encounterID: e.encounterID, catalogVersion: try store.catalogVersion(),
                              frames: e.frames.enumerated().map { FrameOutcome(frameID: $1.id, features: 100 + $0, failure: nil) },
                              proposals: proposals.enumerated().map {
                                  MatchProposal(individualID: $1, rank: $0 + 1, score: Double(10 - $0), verifiedScore: 1, inliers: 5,
                                                referencePhotoID: nil)
                              }, method: "test")
        return try store.encounter(e.encounterID)
    }

    static let catalogTables = ["individual", "observation", "referencePhoto", "reviewDecision", "rejectedPair", "pendingDecision"]

    /// Every row of the catalog tables, every column with its SQLite type and exact value.
    func dump(_ tables: [String] = ReviewFixture.catalogTables) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: dir.path("S").appendingPathComponent(SurveyStore.databaseName).path)
        return try queue.read { db in
            var out: [String: [String]] = [:]
            for t in tables {
                out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY rowid").map { row in
                    row.columnNames.map { c -> String in
                        let v: DatabaseValue = row[c]
                        switch v.storage {
                        case .null: return "\(c)=NULL"
                        case .int64(let i): return "\(c)=i\(i)"
                        case .double(let d): return "\(c)=r\(d.bitPattern)"
                        case .string(let s): return "\(c)=t'\(s)'"
                        case .blob(let b): return "\(c)=b\(b.base64EncodedString())"
                        }
                    }.joined(separator: " ")
                }
            }
            return out
        }
    }

    /// Row counts of the catalog tables and of the review log.
    func counts() throws -> [String: Int] {
        try dump(ReviewFixture.catalogTables + ["decisionLog", "individualVersion"]).mapValues(\.count)
    }
}
