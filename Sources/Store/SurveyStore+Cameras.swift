import GRDB

extension SurveyStore {
    /// The camera that took each photo: its station and camera (`S07/A`) when the deployment names both, else the
    /// deployment. Photos outside any deployment are left out.
    ///
    /// A camera mounted at one station keeps its view from season to season only roughly; scene suppression
    /// compares places in the frame, so a re-mounted camera that points elsewhere simply has no scene matches.
    public func cameras(mediaIDs: [Int64]) throws -> [Int64: String] {
        guard !mediaIDs.isEmpty else { return [:] }
        return try pool.read { db in
            var out: [Int64: String] = [:]
            for chunk in stride(from: 0, to: mediaIDs.count, by: 500).map({ Array(mediaIDs[$0..<min($0 + 500, mediaIDs.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT m.mediaID, d.deploymentID, d.locationID, d.cameraID
                    FROM media m JOIN deployment d ON d.deploymentID = m.deploymentID
                    WHERE m.mediaID IN (\(marks))
                    """, arguments: StatementArguments(chunk))
                for r in rows {
                    let location: String? = r["locationID"], camera: String? = r["cameraID"]
                    if let location, let camera, !location.isEmpty, !camera.isEmpty {
                        out[r["mediaID"]] = location + "/" + camera
                    } else {
                        out[r["mediaID"]] = r["deploymentID"]
                    }
                }
            }
            return out
        }
    }
}
