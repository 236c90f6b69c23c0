import Core
import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// A photo deleted between the folder scan and its read (a card pulled, a sync tool moving files): ingest names it,
/// stores the rest, and a rerun neither retries nor remembers it (issue #16 item 5).
@Suite struct VanishingFileTests {
    @Test func aPhotoDeletedAfterTheScanIsNamedAndTheRestStored() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        let cards = h.dir.path("cards")
        for i in 0..<60 {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: String(format: "2024:09:03 %02d:%02d:00", i / 60, i % 60), seed: i),
                                    to: cards.appendingPathComponent(String(format: "S01/IMG_%04d.JPG", i)))
        }
        let last = cards.appendingPathComponent("S01/IMG_0059.JPG")
        // The folder is listed before any batch is read; reading stays at most two batches ahead of storing (and
        // storing pauses after each batch), so the last file is deleted after the scan and before its read.
        let problems = ProblemLog()
        let deleted = ProblemLog()
        let observer = IngestObserver(problem: { problems.append($0) }, progress: { done, _, _ in
            if done > 0 && deleted.messages.isEmpty {
                try? FileManager.default.removeItem(at: last)
                deleted.append("deleted")
            }
        })
        var options = IngestOptions(batchSize: 5, workers: 2)
        options.batchPauseMilliseconds = 40
        let summary = try Ingestor(store: h.store).run(directory: cards, options: options, observer: observer)
        #expect(deleted.messages == ["deleted"])
        #expect(summary.added == 59 && summary.problems == 1, "\(summary)")
        #expect(problems.messages.count == 1)
        let message = problems.messages.first ?? ""
        #expect(message.contains("IMG_0059.JPG") && message.contains("No such file"), "\(message)")
        #expect(try h.media().count == 59)
        #expect(try h.media()["S01/IMG_0059.JPG"] == nil)

        // The rerun sees 59 unchanged photos and nothing to report: the vanished photo left no row behind.
        let (again, againProblems) = try h.ingest(cards)
        #expect((again.added, again.unchanged, again.problems) == (0, 59, 0), "\(again)")
        #expect(againProblems.isEmpty)
        #expect(try h.store.checkRecords().problems.isEmpty)
    }
}
