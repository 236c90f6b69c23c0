import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct MegaDetectorImportTests {
    @Test func quirkyFileIsStoredWithWarningsAndFailures() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: TriageFixtures.quirkPaths, in: dir)
        let path = TriageFixtures.fixtureURL("md-quirks.json").path
        let s = try MegaDetectorImport(store: store).run(path: path)
        #expect(s.detector == "md_v5a.0.0.pt")
        #expect((s.images, s.matched, s.unmatched, s.failures) == (6, 5, 1, 2))
        #expect(s.unmatchedExamples == ["OTHER/X/IMG_9999.JPG"])
        #expect(s.detectionsStored == 3)   // animal 0.912, person 0.042, vehicle 0.333
        #expect(s.belowFloor == 1)
        #expect(s.warnings.contains(.unknownCategory(path: path, id: "7", detections: 1)))
        #expect(s.warnings.contains(.unusableCategory(path: path, id: "4", name: "group", detections: 1)))
        let results = try store.triageResults(detector: "md_v5a.0.0.pt")
        #expect(results.map(\.filePath) == Array(TriageFixtures.quirkPaths.prefix(5)))
        #expect(results[0].result.detections.map(\.observationType) == [.animal, .human])
        #expect(results[0].result.detections[0].classificationProbability == 0.912)
        #expect(results[0].result.detections[0].classificationMethod == "machine")
        #expect(results[1].result.detections.isEmpty && results[1].result.failure == nil)
        #expect(results[2].result.detections.map(\.observationType) == [.vehicle])
        #expect(results[3].result.failure == "image access failure")
        #expect(try store.triagedMediaIDs(detector: "md_v5a.0.0.pt").count == 5)
    }

    @Test func reimportingReplacesInsteadOfDuplicating() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: TriageFixtures.quirkPaths, in: dir)
        let path = TriageFixtures.fixtureURL("md-quirks.json").path
        _ = try MegaDetectorImport(store: store).run(path: path)
        let first = try store.triageResults(detector: "md_v5a.0.0.pt")
        _ = try MegaDetectorImport(store: store).run(path: path)
        let second = try store.triageResults(detector: "md_v5a.0.0.pt")
        #expect(second.map { $0.result.detections.count } == first.map { $0.result.detections.count })
        #expect(second.flatMap { $0.result.detections.map(\.classificationProbability) }
                == first.flatMap { $0.result.detections.map(\.classificationProbability) })
    }

    @Test func aFileFromAnotherSurveyMatchesNothing() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: ["Z01/IMG_0001.JPG", "Z02/IMG_0001.JPG"], in: dir)
        let s = try MegaDetectorImport(store: store).run(path: TriageFixtures.fixtureURL("md-quirks.json").path)
        #expect(s.matched == 0 && s.unmatched + s.ambiguous == 6)
        #expect(try store.triageDetectors().isEmpty)
    }

    /// Import → export → import (another survey, other root) → export gives the same file and the same records.
    @Test(arguments: ["/media/cards/2024-10", "/mnt/usb/leopards"])
    func roundTripIsIdentical(secondRoot: String) throws {
        let dir = TemporaryDirectory()
        let first = try TriageFixtures.store(paths: TriageFixtures.quirkPaths, in: dir, name: "A")
        _ = try MegaDetectorImport(store: first).run(path: TriageFixtures.fixtureURL("md-quirks.json").path)
        let export = MegaDetectorExport(store: first)
        let text1 = try export.batch(detector: export.resolveDetector(nil)).jsonText
        let file = dir.path("export.json")
        try text1.write(to: file, atomically: true, encoding: .utf8)

        let second = try TriageFixtures.store(paths: TriageFixtures.quirkPaths, in: dir, name: "B", root: secondRoot)
        let s = try MegaDetectorImport(store: second).run(path: file.path)
        #expect(s.warnings.isEmpty && s.matched == 5 && s.unmatched == 0)
        let text2 = try MegaDetectorExport(store: second).batch(detector: "md_v5a.0.0.pt").jsonText
        #expect(text2 == text1)
        func content(_ store: SurveyStore) throws -> [String] {
            try store.triageResults(detector: "md_v5a.0.0.pt").map { r in
                "\(r.filePath) \(r.result.failure ?? "-") \(r.result.imageWidth ?? 0) " + r.result.detections.map {
                    "\($0.observationType) \($0.classificationProbability!) \($0.bboxX!) \($0.bboxY!) \($0.bboxWidth!) \($0.bboxHeight!) \($0.speciesLabel ?? "")"
                }.joined(separator: ";")
            }
        }
        #expect(try content(second) == content(first))
        #expect(text1.contains(#""megadetector_version": "v5a.0.0""#) && text1.contains("classification_categories"))
    }
}
