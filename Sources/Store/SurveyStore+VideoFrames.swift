import Core
import Foundation
import GRDB

/// A video clip whose frames are still to be sampled.
public struct VideoToSample: Sendable, Equatable {
    public var mediaID: Int64
    /// The clip's absolute path.
    public var path: String
    public var fileName: String
    public var deploymentID: String
    public var timestamp: Date
    public var cameraTime: String?
    public var cameraSubSec: String?
    public var timeSource: String?
    public var outsideDeployment: Bool
}

extension SurveyStore {
    /// The folder sampled video frames are written to: `cache/frames/` in the survey (rebuildable).
    public var framesDirectory: URL { directory.appendingPathComponent("cache/frames", isDirectory: true) }

    /// Videos placed in a deployment and time, not copies of another file, that have no sampled frames yet
    /// (new clips, changed clips, and clips that could not be decoded before), in deployment and time order.
    public func videosToSample() throws -> [VideoToSample] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT v.mediaID, r.path || '/' || v.filePath AS full, v.fileName, v.deploymentID, v.timestamp,
                       v.cameraTime, v.cameraSubSec, v.timeSource, v.outsideDeployment
                FROM media v JOIN mediaRoot r ON r.rootID = v.rootID
                WHERE v.fileMediatype LIKE 'video/%' AND v.duplicateOf IS NULL AND v.videoMediaID IS NULL
                  AND v.deploymentID IS NOT NULL AND v.timestamp IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM media f WHERE f.videoMediaID = v.mediaID)
                ORDER BY v.deploymentID, v.timestamp, v.mediaID
                """).map {
                VideoToSample(mediaID: $0["mediaID"], path: $0["full"], fileName: $0["fileName"], deploymentID: $0["deploymentID"],
                              timestamp: $0["timestamp"], cameraTime: $0["cameraTime"], cameraSubSec: $0["cameraSubSec"],
                              timeSource: $0["timeSource"], outsideDeployment: $0["outsideDeployment"])
            }
        }
    }

    /// Stores the sampled frames of clips (each `Media` with `videoMediaID` and `videoOffset` set) in one
    /// transaction, replacing any frames those clips had, sets each clip's width and height from its frames,
    /// and queues their deployments for sequencing.
    public func saveVideoFrames(_ frames: [Media]) throws {
        try pool.write { db in
            for video in Set(frames.compactMap(\.videoMediaID)) {
                try db.execute(sql: "DELETE FROM media WHERE videoMediaID = ?", arguments: [video])
            }
            var deployments: Set<String> = []
            for var frame in frames {
                precondition(frame.videoMediaID != nil, "a sampled frame names its video")
                try frame.insertFast(db)
                if let d = frame.deploymentID { deployments.insert(d) }
                // The clip's frame size, which its container reader does not look for.
                try db.cachedStatement(sql: "UPDATE media SET width = ?, height = ? WHERE mediaID = ? AND width IS NULL")
                    .execute(arguments: [frame.width, frame.height, frame.videoMediaID])
            }
            for d in deployments {
                try db.execute(sql: "INSERT OR IGNORE INTO pendingSequencing(deploymentID) VALUES (?)", arguments: [d])
            }
        }
    }

    /// The sampled frames of one clip, in offset order.
    public func videoFrames(videoMediaID: Int64) throws -> [Media] {
        try pool.read { db in
            try Media.filter(Column("videoMediaID") == videoMediaID).order(Column("videoOffset")).fetchAll(db)
        }
    }

    /// Records a problem against an ingest run (e.g. a clip whose frames could not be decoded).
    public func recordIngestProblem(runID: Int64, path: String, message: String) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO ingestProblem(runID, path, message) VALUES (?, ?, ?)", arguments: [runID, path, message])
            try db.execute(sql: "UPDATE ingestRun SET problems = problems + 1 WHERE runID = ?", arguments: [runID])
        }
    }
}

/// A clip with sampled frames, and where each frame's JPEG should be (to rebuild a deleted frame cache).
public struct SampledClip: Sendable, Equatable {
    public var mediaID: Int64
    public var path: String
    public var frames: [(path: String, offset: Double)]

    public static func == (a: SampledClip, b: SampledClip) -> Bool {
        a.mediaID == b.mediaID && a.path == b.path && a.frames.map(\.path) == b.frames.map(\.path)
            && a.frames.map(\.offset) == b.frames.map(\.offset)
    }
}

extension SurveyStore {
    /// Every clip that has sampled frames, with its frames' absolute paths and offsets (in offset order).
    public func sampledClips() throws -> [SampledClip] {
        try pool.read { db in
            var clips: [Int64: SampledClip] = [:]
            var order: [Int64] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT v.mediaID, rv.path || '/' || v.filePath AS clip, rf.path || '/' || f.filePath AS frame, f.videoOffset
                FROM media f JOIN media v ON v.mediaID = f.videoMediaID
                JOIN mediaRoot rv ON rv.rootID = v.rootID JOIN mediaRoot rf ON rf.rootID = f.rootID
                ORDER BY v.mediaID, f.videoOffset
                """) {
                let id: Int64 = row["mediaID"]
                if clips[id] == nil {
                    clips[id] = SampledClip(mediaID: id, path: row["clip"], frames: [])
                    order.append(id)
                }
                clips[id]!.frames.append((row["frame"], row["videoOffset"]))
            }
            return order.map { clips[$0]! }
        }
    }
}
