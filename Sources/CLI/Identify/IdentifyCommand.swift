import ArgumentParser
import Core
import Foundation
import Identify
import Store

/// `rosette identify`: group the survey's leopard boxes into encounters and rank catalogued individuals for each.
struct IdentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Rank catalogued individuals (by coat pattern) for every unidentified leopard box; proposals go to `review next`.",
        discussion: """
            Boxes come from triage (`triage motion|detect|import`) with the species from a person's tags or the \
            machine's classification. The frames of one burst are one encounter, matched and decided on together. \
            Encounters ranked before the catalog last changed are ranked again. With --photo, one photo (and --box) \
            is queued and ranked instead.
            """
    )

    @OptionGroup var survey: SurveyOption
    @OptionGroup var photo: ReferencePhotoOptions
    @Option(help: "Species to identify: a prefix of the scientific name.") var species = "Panthera pardus"
    @Option(help: "Use the boxes of this detector only (default: every detector's).") var detector: String?
    @Option(help: "Least detection confidence of a box.") var detectionThreshold = 0.2
    @Option(help: "Least probability of a machine's species (a person's tags always count).") var speciesThreshold = 0.5
    @Option(help: "Proposals stored per encounter.") var top: Int = 5
    @Option(help: ArgumentHelp("Seconds between frames of a burst that start a new encounter (0: a burst is one).",
                               discussion: "A cub following its mother a few seconds later falls in her burst; this keeps it apart."))
    var passGap = 5.0
    @Flag(help: "Rank every undecided encounter again, even those ranked against the current catalog.") var again = false
    @Flag(help: "No progress output.") var quiet = false
    @Flag(help: "Leave the flank side of new encounters unknown (default: estimated from travel and the chips).") var noSideEstimate = false
    @OptionGroup var pattern: PatternOptions
    @OptionGroup var descriptor: DescriptorArguments

    func run() throws {
        let store = try survey.open()
        let model = try descriptor.load() ?? CatalogDescriptor.surveyModel(store)  // checked before any photo
        let cache = FeatureCache(survey: store.directory)
        var queued = 0
        if let path = photo.photo {
            let media = try store.media(path: path)
            let box = try photo.relativeBox() ?? [0, 0, 1, 1]
            let e = try store.createEncounter(NewEncounter(
                eventID: nil, deploymentID: nil, scientificName: nil, side: photo.side.rawValue, detector: "person",
                boxes: [IdentificationBox(observationID: nil, mediaID: media.mediaID, eventID: nil, deploymentID: nil, timestamp: nil,
                                          path: media.path, width: media.width, height: media.height, box: box, confidence: nil,
                                          scientificName: nil)]))
            if !noSideEstimate { _ = try estimateFlanks(store: store) }
            try rank([e.encounterID], store: store, cache: cache, model: model)
            return
        }
        let boxes = try store.identificationBoxes(detector: detector, detectionThreshold: detectionThreshold,
                                                  speciesThreshold: speciesThreshold, species: species)
        var grouper = EncounterGrouper(scientificName: try store.targetScientificName(prefix: species), detector: detector)
        grouper.passGapSeconds = passGap
        for encounter in grouper.encounters(boxes) {
            try store.createEncounter(encounter)
            queued += 1
        }
        print("\(boxes.count) new \(species) boxes → \(queued) new encounters (frames of one pass through a burst together)")
        let flanked = noSideEstimate ? [] : Set(try estimateFlanks(store: store))
        let version = try store.catalogVersion()
        var todo = try store.undecidedEncounterIDs(rankedBefore: again ? nil : version)
        let pending = Set(todo)  // encounters ranked before their side was estimated are ranked again
        todo += try store.undecidedEncounterIDs().filter { flanked.contains($0) && !pending.contains($0) }
        guard !todo.isEmpty else {
            print("every undecided encounter is ranked against the current catalog: `rosette review next`")
            return
        }
        try rank(todo, store: store, cache: cache, model: model)
    }

    private func rank(_ ids: [Int64], store: SurveyStore, cache: FeatureCache, model: DescriptorModel?) throws {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        var match = pattern.match
        match.searchThreads = ids.count == 1 ? workers : 1  // one waiting person: split the query; many: one per core
        let gallery = try CatalogGallery.build(store: store, cache: cache, chip: pattern.chip, features: pattern.features,
                                               match: match, descriptor: model)
        gallery.problems.forEach { warn($0) }
        print("catalog: \(gallery.referenceOf.count) reference photos of \(gallery.gallery?.individualCount ?? 0) individuals"
              + " at version \(gallery.version)"
              + (gallery.gallery == nil ? " — empty: every encounter will be a new individual" : ""))
        let stop = StopFlag()
        let signals = IngestCommand.trapInterrupts(stop)
        defer { signals.forEach { $0.cancel() } }
        let meter = ProgressMeter(label: "identify", total: ids.count, enabled: !quiet)
        var done = 0, withCandidate = 0, failedFrames = 0, sidesByPattern = 0
        let chip = pattern.chip, features = pattern.features, top = self.top
        for start in stride(from: 0, to: ids.count, by: 4 * workers) {
            if stop.isSet { break }
            let chunk = try ids[start..<min(ids.count, start + 4 * workers)].map { try store.encounter($0) }
            let cameras = try store.cameras(mediaIDs: chunk.flatMap { $0.frames.map(\.mediaID) })
            let backgrounds = gallery.options.sceneSuppression
                ? try store.cameraBackgrounds(mediaIDs: chunk.flatMap { $0.frames.map(\.mediaID) }) : [:]
            let rankings = Parallel.map(count: chunk.count, workers: workers,
                                        context: { FeatureSource(cache: cache, chip: chip, features: features) }) { i, source in
                EncounterMatcher(gallery: gallery, source: source, top: top, cameras: cameras, backgrounds: backgrounds).rank(chunk[i])
            }
            for (e, r) in zip(chunk, rankings) {
                if let side = r.patternSide,
                   try store.setFlank(encounterID: e.encounterID, side: side.rawValue, confidence: r.patternConfidence ?? 0.5,
                                      source: EncounterMatcher.patternSource, actor: "rosette") {
                    sidesByPattern += 1
                }
                try store.saveRanking(encounterID: e.encounterID, catalogVersion: gallery.version, frames: r.frames,
                                      proposals: r.proposals, method: EncounterMatcher.method)
                r.problems.forEach { warn("encounter \(e.encounterID): \($0)") }
                failedFrames += r.frames.filter { $0.failure != nil }.count
                if !r.proposals.isEmpty { withCandidate += 1 }
                done += 1
            }
            meter.update(done: done)
        }
        meter.finish(done: done)
        if ids.count == 1, let id = ids.first {
            for p in try store.proposals(encounterID: id) {
                print(String(format: "%d. %@  verified %.2f  score %.2f  inliers %d", p.rank, p.individualID, p.verifiedScore,
                             p.score, p.inliers))
            }
        }
        print("ranked \(done) encounters: \(withCandidate) with candidates, \(done - withCandidate) with none (new individuals?)"
              + (failedFrames > 0 ? "; \(failedFrames) frames unusable" : "")
              + (sidesByPattern > 0 ? "; \(sidesByPattern) estimated sides corrected by the coat" : "")
              + (stop.isSet ? "; interrupted — run `rosette identify` again to go on" : ""))
        print("next: `rosette review next`")
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }
}
