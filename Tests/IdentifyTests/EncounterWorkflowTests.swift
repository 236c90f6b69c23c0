import Core
import Foundation
import Identify
import Imaging
import Store
import Testing
import TestSupport

/// The identification workflow on a survey: boxes of leopard-tagged photos → encounters (one per burst) →
/// ranking against the catalog → decisions that grow the catalog and its in-memory index.
@Suite(.serialized) struct EncounterWorkflowTests {
    /// 10 identities × 3 encounters × 2 frames (a burst), left flanks, easy conditions.
    static let bursts: FlankFixtures.Fixture = {
        var spec = SyntheticFlanks.DatasetSpec()
        spec.identities = 10
        spec.encounters = 3
        spec.photosPerEncounter = 2
        spec.firstIdentity = 300
        return FlankFixtures.Fixture(name: "bursts-10x3x2", spec: spec)
    }()

    /// A survey holding the fixture's photos: each encounter a burst, each photo tagged as a leopard by a
    /// person, with a detector box (the flank's box, as relative coordinates) and a small fragment box.
    static func survey(_ dir: TemporaryDirectory) throws -> (SurveyStore, truth: [Int64: String]) {
        let store = try SurveyStore.create(directory: dir.path("S"))
        let root = bursts.folder
        let run = try store.beginIngestRun(root: root.path)
        let (rootID, _) = try store.root(for: root)
        let decoder = ImageDecoder()
        var files: [IngestedFile] = []
        var sizes: [String: (Int, Int)] = [:]
        for image in bursts.dataset.images {
            let view = try decoder.decode(path: image.path, mode: .grey)
            sizes[image.imageID] = (view.width, view.height)
            let relative = String(image.path.dropFirst(root.path.count + 1))
            var media = Media(rootID: rootID, filePath: relative, fileMediatype: "image/jpeg", fileSize: 1, fileModified: 0,
                              contentKey: image.imageID)
            media.width = view.width
            media.height = view.height
            media.eventID = image.encounter
            var tag = Observation(mediaID: nil, deploymentID: nil, observationType: .animal)
            tag.scientificName = "Panthera pardus orientalis"
            tag.classificationMethod = "human"
            tag.source = "xmp"
            files.append(IngestedFile(media: media, observations: [tag], replacing: nil))
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        var truth: [Int64: String] = [:]
        var results: [TriageMediaResult] = []
        try store.forEachMedia { m in
            let image = bursts.dataset.images.first { $0.imageID == m.contentKey }!
            truth[m.mediaID!] = image.identity
            let (w, h) = sizes[image.imageID]!
            let box = image.box!
            var flank = Observation(mediaID: m.mediaID, deploymentID: nil, observationType: .animal)
            (flank.bboxX, flank.bboxY, flank.bboxWidth, flank.bboxHeight) =
                (box.x / Double(w), box.y / Double(h), box.width / Double(w), box.height / Double(h))
            flank.classificationProbability = 0.9
            var fragment = flank
            (fragment.bboxWidth, fragment.bboxHeight, fragment.classificationProbability) = (0.05, 0.05, 0.4)
            results.append(TriageMediaResult(mediaID: m.mediaID!, detections: [flank, fragment]))
        }
        try store.saveTriageResults(runID: nil, detector: "test-detector", results: results)
        return (store, truth)
    }

    @Test func burstsBecomeEncountersAndTheCatalogGrowsAsPeopleDecide() throws {
        let dir = TemporaryDirectory()
        let (store, truth) = try Self.survey(dir)
        let boxes = try store.identificationBoxes(detector: nil, detectionThreshold: 0.2, species: "Panthera pardus")
        #expect(boxes.count == 2 * truth.count)  // the flank and its fragment
        let encounters = EncounterGrouper(scientificName: "Panthera pardus orientalis", detector: "test-detector").encounters(boxes)
        // One encounter per burst; the person counted one leopard per photo, so the fragment is dropped.
        #expect(encounters.count == 30)
        #expect(encounters.allSatisfy { $0.boxes.count == 2 && Set($0.boxes.map(\.eventID)).count == 1 })
        #expect(encounters.allSatisfy { $0.boxes.allSatisfy { $0.box[2] > 0.05 } })
        for e in encounters { try store.createEncounter(e) }
        // Queued photos are not offered again.
        #expect(try store.identificationBoxes(detector: nil, detectionThreshold: 0.2, species: "Panthera pardus").isEmpty)

        let session = try ReviewSession(review: EncounterReview(store: store))
        #expect(session.gallery.gallery == nil)
        var catalogued = 0, firstRight = 0, reviewed = 0
        var known = Set<String>()
        while let (encounter, proposals, problems) = try session.next() {
            #expect(problems.isEmpty)
            let who = truth[encounter.frames[0].mediaID]!
            #expect(encounter.frames.allSatisfy { truth[$0.mediaID] == who })
            if known.contains(who) {
                catalogued += 1
                if proposals.first?.individualID == who { firstRight += 1 }
                #expect(proposals.first?.pairs.isEmpty == false)
                try session.decide(encounter.encounterID, EncounterDecision(kind: .confirmed, individualID: who), actor: "anna")
            } else {
                #expect(proposals.allSatisfy { $0.individualID != who })
                known.insert(who)
                try session.decide(encounter.encounterID, EncounterDecision(kind: .newIndividual, individualID: who), actor: "anna")
            }
            reviewed += 1
        }
        #expect(reviewed == 30 && known.count == 10 && catalogued == 20)
        #expect(firstRight >= 19, "right individual first in \(firstRight) of \(catalogued)")
        // Every decision added its best frame to the index in place, and named every frame.
        #expect(session.gallery.gallery?.entries.count == 30)
        #expect(session.gallery.version == (try store.catalogVersion()))
        let named = try store.detectionRecords().filter { $0.individualID != nil }
        #expect(named.isEmpty)  // no timestamps in this survey, so no census records …
        let observations = try (1...30).flatMap { try store.reviewObservations(encounterID: Int64($0)) }
        #expect(observations.count == 60 && observations.allSatisfy { truth[$0.mediaID!] == $0.individualID })  // … but every frame is named
    }

    @Test func theReviewSheetShowsBothChipsAndTheirMatches() throws {
        let dir = TemporaryDirectory()
        let (store, truth) = try Self.survey(dir)
        let boxes = try store.identificationBoxes(detector: nil, detectionThreshold: 0.2, species: "Panthera pardus")
        for e in EncounterGrouper(scientificName: nil, detector: nil).encounters(boxes) { try store.createEncounter(e) }
        let session = try ReviewSession(review: EncounterReview(store: store))
        let first = try #require(try session.next())
        try session.decide(first.encounter.encounterID, EncounterDecision(kind: .newIndividual, individualID: truth[first.encounter.frames[0].mediaID]!),
                           actor: "anna")
        // The next encounter of the same individual: its proposals and picture.
        var next = try #require(try session.next())
        while truth[next.encounter.frames[0].mediaID] != truth[first.encounter.frames[0].mediaID] {
            try session.skip(next.encounter.encounterID, actor: "anna")
            next = try #require(try session.next())
        }
        let top = try #require(next.proposals.first)
        let sheet = try session.review.sheet(next.encounter, proposals: next.proposals, rows: 3)
        #expect(sheet.rows.count == 1)
        let row = sheet.rows[0]
        let reference = try #require(row.reference)
        #expect(!row.pairs.isEmpty)
        let (pixels, width, height) = try sheet.render()
        #expect(width >= row.query.width + reference.width)
        #expect(height > row.query.height)
        // Chips are grey; the drawn matches are coloured.
        var coloured = 0
        for i in stride(from: 0, to: pixels.count, by: 3) where pixels[i] != pixels[i + 1] || pixels[i + 1] != pixels[i + 2] {
            coloured += 1
        }
        #expect(coloured > top.pairs.count * 10)
        let url = dir.path("sheet.jpg")
        try sheet.write(to: url)
        let decoded = try ImageDecoder().decode(path: url.path)
        #expect(decoded.width == width && decoded.height == height)
    }

    /// Boxes of a burst, frame by frame, as (x, confidence); a person's count; the tracks expected.
    struct GroupingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var frames: [[Box]]
        var count: Int?
        var tracks: Int
        struct Box: Sendable { var x: Double, confidence: Double }
        var testDescription: String { name }
    }

    static let groupingCases: [GroupingCase] = [
        .init(name: "one animal walking", frames: [[.init(x: 0.1, confidence: 0.9)], [.init(x: 0.12, confidence: 0.9)],
                                                   [.init(x: 0.5, confidence: 0.8)]], count: nil, tracks: 1),
        .init(name: "mother and cub", frames: [[.init(x: 0.1, confidence: 0.9), .init(x: 0.6, confidence: 0.8)],
                                               [.init(x: 0.12, confidence: 0.9), .init(x: 0.62, confidence: 0.8)]], count: nil, tracks: 2),
        .init(name: "a duplicate box in one frame", frames: [[.init(x: 0.1, confidence: 0.9), .init(x: 0.11, confidence: 0.5)],
                                                             [.init(x: 0.12, confidence: 0.9)]], count: nil, tracks: 1),
        .init(name: "a person counted one leopard", frames: [[.init(x: 0.1, confidence: 0.9), .init(x: 0.6, confidence: 0.3)],
                                                             [.init(x: 0.12, confidence: 0.9), .init(x: 0.62, confidence: 0.3)]],
              count: 1, tracks: 1),
    ]

    @Test(arguments: groupingCases)
    func groupingTracksAnimalsWithinABurst(_ c: GroupingCase) {
        var boxes: [IdentificationBox] = []
        for (f, frame) in c.frames.enumerated() {
            for b in frame {
                boxes.append(IdentificationBox(observationID: Int64(boxes.count), mediaID: Int64(f), eventID: "E", deploymentID: "D",
                                               timestamp: nil, path: "", width: 100, height: 100, box: [b.x, 0.3, 0.2, 0.2],
                                               confidence: b.confidence, scientificName: nil, personCount: c.count))
            }
        }
        let grouper = EncounterGrouper(scientificName: nil, detector: nil)
        let encounters = grouper.encounters(boxes)
        #expect(encounters.count == c.tracks)
        // A track holds at most one box per photo.
        #expect(encounters.allSatisfy { Set($0.boxes.map(\.mediaID)).count == $0.boxes.count })
        // Without a burst, every photo is an encounter of its own.
        let loose = boxes.map { b -> IdentificationBox in
            var b = b
            b.eventID = nil
            return b
        }
        #expect(Set(grouper.encounters(loose).flatMap { $0.boxes.map(\.mediaID) }) == Set(boxes.map(\.mediaID)))
        #expect(grouper.encounters(loose).allSatisfy { Set($0.boxes.map(\.mediaID)).count == 1 })
    }

    /// One box per frame at the same place, frames at these seconds; nil: an undated photo.
    @Test(arguments: [
        ([0, 1, 13, 14] as [Double?], 5.0, [2, 2]),          // a cub 12 s behind its mother, in her burst
        ([0, 1, 2, 3], 5.0, [4]),                            // one trigger's frames a second apart
        ([0, 1, 13, 14], 0.0, [4]),                          // splitting turned off
        ([0, 1, nil, 14], 5.0, [4]),                         // an undated frame: the burst is not split
        ([14, 13, 1, 0], 5.0, [2, 2]),                       // boxes given out of time order
        ([0, 6, 12, 40], 5.0, [1, 1, 1, 1]),
    ])
    func aBurstSplitsIntoPassesAtLongGaps(seconds: [Double?], gap: Double, sizes: [Int]) {
        let start = Date(timeIntervalSince1970: 1_725_000_000)
        let boxes = seconds.enumerated().map { i, t in
            IdentificationBox(observationID: Int64(i), mediaID: Int64(i), eventID: "E", deploymentID: "D",
                              timestamp: t.map { start.addingTimeInterval($0) }, path: "", width: 100, height: 100,
                              box: [0.3, 0.3, 0.2, 0.2], confidence: 0.9, scientificName: nil)
        }
        var grouper = EncounterGrouper(scientificName: nil, detector: nil)
        grouper.passGapSeconds = gap
        let encounters = grouper.encounters(boxes)
        #expect(encounters.map(\.boxes.count) == sizes)
        // Each encounter's frames are consecutive in time and none is lost.
        #expect(encounters.flatMap(\.boxes).count == boxes.count)
        for e in encounters where e.boxes.allSatisfy({ $0.timestamp != nil }) {
            let times = e.boxes.map { $0.timestamp! }
            #expect(times == times.sorted())
        }
    }
}
