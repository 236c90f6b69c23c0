import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

/// A detector that finds one animal in photos whose name contains "cat" and cannot read names with "bad".
struct NameDetector: Detector {
    var name: String { "names" }
    func detect(path: String) throws -> [Detection] {
        if path.contains("bad") { throw TriageError.imageFailure(path: path, reason: "unreadable") }
        return path.contains("cat") ? [Detection(kind: .animal, confidence: 0.8, box: RelativeBox(x: 0.1, y: 0.1, width: 0.5, height: 0.5))] : []
    }
}

@Suite struct DetectorTriageTests {
    @Test(arguments: [1, 2])
    func failuresAreRecordedAndTheRunGoesOn(workers: Int) throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: ["S1/cat1.JPG", "S1/bad.JPG", "S1/empty.JPG", "S2/cat2.JPG"], in: dir)
        var problems: [String] = []
        var runner = DetectorTriage(store: store, detectorName: "names", workers: workers) { NameDetector() }
        runner.batchSize = 3
        let s = try runner.run(problem: { problems.append($0) })
        #expect((s.processed, s.failed, s.withDetections) == (4, 1, 2))
        #expect(problems.count == 1 && problems[0].contains("bad.JPG"))
        let results = try store.triageResults(detector: "names")
        #expect(results.first { $0.filePath == "S1/bad.JPG" }?.result.failure?.contains("unreadable") == true)
        #expect(results.first { $0.filePath == "S2/cat2.JPG" }?.result.detections.first?.classificationProbability == 0.8)
        let again = try runner.run()
        #expect(again.alreadyDone == 4 && again.processed == 0)
    }
}
