import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct TriageValidationTests {
    /// Two animal bursts (one found), two blank bursts (one with a false box), one leopard box half-overlapped.
    @Test(arguments: [(0.1, 0.5, 0.5), (0.6, 0.0, 1.0)])
    func scoresFollowTheThreshold(threshold: Double, recall: Double, blanksRemoved: Double) throws {
        let dir = TemporaryDirectory()
        let paths = ["A/1.JPG", "A/2.JPG", "B/1.JPG", "C/1.JPG", "D/1.JPG"]
        let store = try TriageFixtures.store(paths: paths, in: dir)
        let ids = Dictionary(uniqueKeysWithValues: try store.triageMediaRefs().map { ($0.filePath, $0.mediaID) })
        func box(_ x: Double, conf: Double) -> Observation {
            Detection(kind: .animal, confidence: conf, box: RelativeBox(x: x, y: 0, width: 0.2, height: 0.2)).observation()
        }
        try store.saveTriageResults(runID: nil, detector: "d", results: [
            TriageMediaResult(mediaID: ids["A/1.JPG"]!, detections: [box(0.1, conf: 0.5)]),
            TriageMediaResult(mediaID: ids["A/2.JPG"]!, detections: []),
            TriageMediaResult(mediaID: ids["B/1.JPG"]!, detections: []),
            TriageMediaResult(mediaID: ids["C/1.JPG"]!, detections: []),
            TriageMediaResult(mediaID: ids["D/1.JPG"]!, detections: [box(0.5, conf: 0.3)]),
        ])
        let truth = dir.path("truth.csv")
        try """
            filePath,sequence,species,observationType,bboxX,bboxY,bboxWidth,bboxHeight
            A/1.JPG,s1,Panthera pardus orientalis,animal,0.2,0,0.2,0.2
            A/2.JPG,s1,Panthera pardus orientalis,animal,0.3,0,0.2,0.2
            B/1.JPG,s2,Sus scrofa,animal,0.1,0.1,0.1,0.1
            C/1.JPG,s3,,blank,,,,
            D/1.JPG,s4,,blank,,,,
            """.write(to: truth, atomically: true, encoding: .utf8)
        let r = try #require(try TriageValidation(store: store).run(truth: truth.path, detector: "d", thresholds: [threshold]).first)
        #expect(r.recall == recall)
        #expect(r.blanksRemoved == blanksRemoved)
        #expect(r.leopardPhotos == 2)
        // Box at x 0.1 vs truth at 0.2 (width 0.2): IoU 1/3; the second leopard photo has none.
        #expect(abs(r.meanLeopardIoU - (threshold <= 0.5 ? 1.0 / 6 : 0)) < 1e-9)
    }

    @Test func aTruthTableWithoutItsColumnsIsRefused() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: ["A/1.JPG"], in: dir)
        let truth = dir.path("t.csv")
        try "file,kind\nA/1.JPG,animal\n".write(to: truth, atomically: true, encoding: .utf8)
        #expect(throws: TriageError.self) { try TriageValidation(store: store).run(truth: truth.path, detector: "d", thresholds: [0.2]) }
    }
}
