import Core
import Foundation
import Imaging
import Store

extension Ingestor {
    /// Reads one file and ties it to a deployment at an absolute time.
    func ingest(_ item: Pending, reader: PhotoReader, matcher: DeploymentMatcher, options: IngestOptions,
                rootID: Int64) throws -> IngestedFile {
        let isJPEG = item.mediatype == "image/jpeg"
        let read = try reader.read(path: item.absolutePath, displayPath: item.displayPath, size: item.entry.size, isJPEG: isJPEG)
        var media = Media(rootID: rootID, filePath: item.relativePath, fileMediatype: item.mediatype,
                          fileSize: item.entry.size, fileModified: item.entry.modified, contentKey: read.contentKey)
        var cameraTime: CameraDateTime?
        var fileTime: Date?
        if let m = read.metadata {
            guard !m.dateTimeOriginal.isEmpty else { throw RosetteError.noTimestamp(path: item.displayPath) }
            guard let t = m.cameraDateTime else {
                throw RosetteError.badTimestamp(path: item.displayPath, value: m.dateTimeOriginal)
            }
            cameraTime = t
            media.cameraTime = t.exifString
            media.cameraSubSec = m.subSecTimeOriginal.isEmpty ? nil : m.subSecTimeOriginal
            media.timeSource = "exif:" + (m.dateTimeSource.split(separator: ".").last.map(String.init) ?? "DateTimeOriginal")
            media.make = m.make.isEmpty ? nil : m.make
            media.model = m.model.isEmpty ? nil : m.model
            media.serialNumber = m.serialNumber.isEmpty ? nil : m.serialNumber
            media.width = m.pixelWidth > 0 ? m.pixelWidth : nil
            media.height = m.pixelHeight > 0 ? m.pixelHeight : nil
            media.cameraTrap = m.cameraTrap
        } else if VideoContainer.readsTime(mediatype: item.mediatype),
                  let t = try VideoContainer.read(path: item.absolutePath, displayPath: item.displayPath).timed {
            // The container's clock reading, camera-local like EXIF (see VideoContainer).
            cameraTime = t.time
            media.cameraTime = t.time.exifString
            media.timeSource = t.source
        } else {
            // No time inside the file (other video formats, or a container that carries none).
            fileTime = Date(timeIntervalSince1970: item.entry.modified)
            media.timeSource = "file:mtime"
        }

        let candidates: [Deployment]
        if let id = options.deploymentID, let d = matcher.deployment(id: id) {
            candidates = [d]
        } else if let match = item.match {
            candidates = match.candidates
        } else if let match = matcher.match(fileName: item.entry.name) {
            candidates = match.candidates
        } else {
            throw RosetteError.unknownStation(path: item.displayPath, folders: item.folders)
        }
        guard let (deployment, timestamp, outside) = matcher.choose(candidates, cameraTime: cameraTime, fallbackTime: fileTime) else {
            throw RosetteError.ambiguousDeployment(path: item.displayPath, candidates: candidates.map(\.deploymentID))
        }
        media.deploymentID = deployment.deploymentID
        media.timestamp = timestamp
        media.outsideDeployment = outside
        let observations = TagReader.observations(subjects: read.metadata?.hierarchicalSubjects ?? [],
                                                  speciesFromFolder: item.speciesFolder,
                                                  deploymentID: deployment.deploymentID)
        return IngestedFile(media: media, observations: observations, replacing: item.replacing)
    }
}
