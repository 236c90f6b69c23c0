import Foundation
import GRDB

/// A camera's static scene as motion triage saw it: the per-pixel median of its reduced, smoothed grey frames.
public struct CameraBackground: Sendable, Equatable {
    public var deploymentID: String
    public var night: Bool
    public var width: Int
    public var height: Int
    /// `width × height` grey levels, row by row.
    public var grey: [UInt8]
    /// How many photos the median was taken over.
    public var frames: Int

    public init(deploymentID: String, night: Bool, width: Int, height: Int, grey: [UInt8], frames: Int) {
        precondition(grey.count == width * height, "one grey level per pixel")
        self.deploymentID = deploymentID
        self.night = night
        self.width = width
        self.height = height
        self.grey = grey
        self.frames = frames
    }

    /// A short stamp of the content, so features masked with it are cached apart from those of another background.
    public var stamp: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in grey { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return String(h, radix: 36)
    }
}

extension SurveyStore {
    /// Replaces a deployment's stored backgrounds with `backgrounds` (those of one triage run).
    public func saveCameraBackgrounds(deploymentID: String, detector: String, _ backgrounds: [CameraBackground]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM cameraBackground WHERE deploymentID = ?", arguments: [deploymentID])
            for b in backgrounds {
                try db.execute(sql: """
                    INSERT INTO cameraBackground (deploymentID, night, width, height, grey, frames, detector)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [deploymentID, b.night, b.width, b.height, Data(b.grey), b.frames, detector])
            }
        }
    }

    /// The stored backgrounds of the deployment of each photo (photos without a deployment or background are left out).
    public func cameraBackgrounds(mediaIDs: [Int64]) throws -> [Int64: [CameraBackground]] {
        guard !mediaIDs.isEmpty else { return [:] }
        return try pool.read { db in
            var deployments: [Int64: String] = [:]
            for chunk in stride(from: 0, to: mediaIDs.count, by: 500).map({ Array(mediaIDs[$0..<min($0 + 500, mediaIDs.count)]) }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for r in try Row.fetchAll(db, sql: "SELECT mediaID, deploymentID FROM media WHERE deploymentID IS NOT NULL AND mediaID IN (\(marks))",
                                          arguments: StatementArguments(chunk)) {
                    deployments[r["mediaID"]] = r["deploymentID"]
                }
            }
            var byDeployment: [String: [CameraBackground]] = [:]
            for id in Set(deployments.values) {
                byDeployment[id] = try Row.fetchAll(db, sql: "SELECT * FROM cameraBackground WHERE deploymentID = ? ORDER BY night, width",
                                                    arguments: [id]).compactMap { r in
                    let data: Data = r["grey"]
                    let width: Int = r["width"], height: Int = r["height"]
                    guard data.count == width * height else { return nil }
                    return CameraBackground(deploymentID: id, night: r["night"], width: width, height: height, grey: [UInt8](data), frames: r["frames"])
                }
            }
            return deployments.compactMapValues { byDeployment[$0].flatMap { $0.isEmpty ? nil : $0 } }
        }
    }
}
