import Foundation

/// What a full simulation wrote.
public struct PhotoRunSummary: Sendable {
    public var simulated: SimulatedSurvey
    public var truth: [TruthRecord]
    public var photoCount: Int { truth.count }
}

extension SurveySimulator {
    /// Full mode: simulates the survey and writes `photos/<station>/<camera>/IMG_nnnn.JPG` through `encoder`,
    /// `deployments.csv`, `truth.csv`, `labels.csv` (the same truth as frame labels for `triage validate --labels`), `secr/`, `histories.txt` and `simulation.json` under `directory`.
    /// Photos render in parallel on all cores, one camera's scene at a time.
    /// - Parameter progress: called with (photos done, photos total) after each camera.
    public func writeSurvey(to directory: URL, encoder: any PhotoEncoder,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> PhotoRunSummary {
        let p = settings.photos
        guard p.width >= 64, p.height >= 48 else {
            throw SimulationError.invalidParameter(name: "photo size", value: "\(p.width)x\(p.height)", reason: "at least 64x48 pixels")
        }
        let simulated = try simulate(historiesOnly: false)
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        try simulated.histories.write(to: directory)
        try OutputFiles.write(simulated.survey.deploymentsCSV(origin: settings.origin, timezone: settings.survey.timezone),
                              to: directory.appendingPathComponent("deployments.csv"))
        let truth = try simulated.renderPhotos(to: directory.appendingPathComponent("photos"), encoder: encoder, progress: progress)
        var csv = TruthRecord.header + "\n"
        for row in truth { csv += row.csvLine + "\n" }
        try OutputFiles.write(csv, to: directory.appendingPathComponent("truth.csv"))
        try OutputFiles.write(TruthRecord.labelsCSV(truth, otherSpecies: settings.otherSpecies),
                              to: directory.appendingPathComponent("labels.csv"))
        try simulated.writeRecord(to: directory.appendingPathComponent("simulation.json"), photoCount: truth.count)
        return PhotoRunSummary(simulated: simulated, truth: truth)
    }
}

extension SimulatedSurvey {
    /// Renders and encodes every planned photo under `photosDirectory`; returns truth in plan order.
    public func renderPhotos(to photosDirectory: URL, encoder: any PhotoEncoder, plan: [PlannedPhoto]? = nil,
                             progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [TruthRecord] {
        let plan = plan ?? photoPlan()
        var leopards = Set<Int>()
        for event in survey.events { if case .leopard(let i) = event.subject { leopards.insert(i) } }
        let context = RenderContext(simulated: self, leopards: leopards)
        let renderer = FrameRenderer(context: context)
        let fm = FileManager.default
        let quality = settings.photos.quality ?? settings.photos.conditions.jpegQuality
        let results = Locked([TruthRecord?](repeating: nil, count: plan.count))
        let failure = Locked<Error?>(nil)
        var done = 0
        let byDeployment = Dictionary(grouping: plan.indices, by: { plan[$0].deploymentIndex })
        for d in survey.deployments.indices {
            guard let indices = byDeployment[d], !indices.isEmpty else { continue }
            let dep = survey.deployments[d]
            // The same camera sees the same scene every year (year 0's id, `S07-A`).
            let sceneKey = "\(dep.stationID)-\(dep.cameraID)"
            let folder = photosDirectory.appendingPathComponent(plan[indices[0]].relativePath).deletingLastPathComponent()
            do { try fm.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw SimulationError.writeFailed(path: folder.path, reason: error.localizedDescription)
            }
            let scene = SceneBackground(width: context.width, height: context.height, month: context.month,
                                        seed: SeededGenerator.mix(settings.seed, SeededGenerator.hash(sceneKey), 0x5CE7E),
                                        textured: context.conditions.texturedScene)
            // Two workers per camera (one per core), each reusing its own frame buffer.
            let workers = min(indices.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
            parallelFor(workers) { w in
                var buffer = [UInt8](repeating: 0, count: context.width * context.height * 3)
                var n = w
                while n < indices.count {
                    if failure.withLock({ $0 != nil }) { return }
                    let photo = plan[indices[n]]
                    do {
                        let row = try buffer.withUnsafeMutableBufferPointer { out -> TruthRecord in
                            let frame = renderer.render(photo, scene: scene, into: out)
                            let exifTime = CivilTime.exif(photo.trueTime + Double(dep.clockOffset), offsetSeconds: survey.utcOffsetSeconds)
                            let record = truthRecord(photo, frame: frame, exifTime: exifTime.dateTime, width: context.width, height: context.height)
                            var exif = SimulatedEXIF(dateTimeOriginal: exifTime.dateTime, subSecTimeOriginal: exifTime.subSec,
                                                     make: dep.make, model: dep.model, serialNumber: dep.serialNumber)
                            if settings.photos.tagTruth {
                                exif.hierarchicalSubjects = record.hierarchicalSubjects(individuals: settings.photos.tagIndividuals)
                            }
                            try encoder.writeJPEG(pixels: UnsafeBufferPointer(start: out.baseAddress, count: context.width * context.height * frame.channels),
                                                  width: context.width, height: context.height, channels: frame.channels,
                                                  quality: quality, exif: exif, to: photosDirectory.appendingPathComponent(photo.relativePath))
                            return record
                        }
                        results.withLock { $0[indices[n]] = row }
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                        return
                    }
                    n += workers
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
            done += indices.count
            progress?(done, plan.count)
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    func truthRecord(_ photo: PlannedPhoto, frame: FrameTruth, exifTime: String, width: Int, height: Int) -> TruthRecord {
        let dep = survey.deployments[photo.deploymentIndex]
        let event = survey.events[photo.eventIndex]
        var record = TruthRecord(filePath: photo.relativePath, deploymentID: dep.id,
                                 trueTimestamp: CivilTime.iso8601(photo.trueTime, offsetSeconds: survey.utcOffsetSeconds),
                                 exifDateTimeOriginal: exifTime, sequence: photo.sequence, species: "", individualID: "", side: "",
                                 bbox: nil, conditions: settings.photos.conditions.rawValue, isNight: photo.isNight,
                                 observationType: ObservationType.blank.rawValue, lifeStage: "", sex: "")
        // A sliver of a subject at the frame edge (under 12 px either way) counts as not visible.
        guard let box = frame.box, box.width >= 12, box.height >= 12 else { return record }
        record.bbox = [Double(box.x) / Double(width), Double(box.y) / Double(height),
                       Double(box.width) / Double(width), Double(box.height) / Double(height)]
        switch event.subject {
        case .blank: break
        case .leopard(let i):
            let animal = population.individuals[i]
            record.species = SpeciesSettings.leopardName
            record.individualID = animal.id
            // Heading towards the image's right edge shows the animal's right flank (DATASET.md).
            record.side = photo.direction > 0 ? FlankSide.right.rawValue : FlankSide.left.rawValue
            record.observationType = ObservationType.animal.rawValue
            record.lifeStage = animal.ageClass == .cub ? "juvenile" : animal.ageClass.rawValue
            record.sex = animal.sex.rawValue
        case .other(let s):
            let species = settings.otherSpecies[s]
            record.species = species.scientificName
            record.observationType = species.observationType.rawValue
        }
        return record
    }
}
