import Core
import Foundation
import GRDB

/// Where a stored photo's file is: its media root and its path inside it, as ingest stored them.
public struct MediaLocation: Sendable, Equatable {
    public let mediaID: Int64
    public let root: String
    public let filePath: String
    public let mediatype: String
    public let width: Int?
    public let height: Int?

    /// The root and the path joined (not resolved: the server checks where it really points).
    public var fullPath: String { (root as NSString).appendingPathComponent(filePath) }
}

extension SurveyStore {
    /// The file of a stored media row, or nil when there is no such media.
    public func mediaLocation(_ mediaID: Int64) throws -> MediaLocation? {
        try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT m.mediaID, m.filePath, m.fileMediatype, m.width, m.height, r.path AS root
                FROM media m JOIN mediaRoot r ON r.rootID = m.rootID WHERE m.mediaID = ?
                """, arguments: [mediaID]).map {
                MediaLocation(mediaID: $0["mediaID"], root: $0["root"], filePath: $0["filePath"],
                              mediatype: $0["fileMediatype"], width: $0["width"], height: $0["height"])
            }
        }
    }

    /// The media row stored for a root and a path inside it, if any (exact match of the stored path).
    public func mediaID(rootID: Int64, filePath: String) throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT mediaID FROM media WHERE rootID = ? AND filePath = ?", arguments: [rootID, filePath])
        }
    }

    /// Every media root's folder, by id.
    public func mediaRoots() throws -> [Int64: String] {
        try pool.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT rootID, path FROM mediaRoot").map {
                (($0["rootID"] as Int64), ($0["path"] as String))
            })
        }
    }

    /// Whether a viewer may not see this one photo (a people photo or an unscreened one, as `withheldMediaIDs`).
    public func isWithheld(_ mediaID: Int64, for viewer: Viewer) throws -> Bool {
        guard !viewer.role.seesPeoplePhotos else { return false }
        return try pool.read { db in
            let unscreened = viewer.withholdsUnscreened ? " OR \(SurveyStore.unscreenedPhotoSQL)" : ""
            return try Bool.fetchOne(db, sql: """
                SELECT 1 FROM media m WHERE m.mediaID = ?2 AND (\(SurveyStore.peoplePhotoSQL)\(unscreened))
                """, arguments: [viewer.peopleBoxThreshold, mediaID]) ?? false
        }
    }
}
