import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// An ingest killed mid-run (kill -9 or Ctrl-C) loses nothing it stored, and the next run resumes.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"), .serialized)
struct InterruptedIngestTests {
    static let fileCount = 240

    /// A survey and a card dump of `fileCount` photos over 4 stations.
    func makeSurvey(_ dir: TemporaryDirectory) throws -> (survey: String, cards: URL) {
        let survey = dir.path("S").path
        _ = try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"])
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S01", "S02", "S03", "S04"]).write(to: csv, atomically: true, encoding: .utf8)
        _ = try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey])
        let cards = dir.path("cards")
        for i in 0..<Self.fileCount {
            let time = String(format: "2024:09:%02d %02d:%02d:00", 1 + i % 28, i % 24, i % 60)
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: time, seed: i, width: 64, height: 48),
                                    to: cards.appendingPathComponent(String(format: "S%02d/IMG_%04d.JPG", 1 + i % 4, i)))
        }
        return (survey, cards)
    }

    func storedPaths(_ survey: String) throws -> [String] {
        let db = try DatabaseQueue(path: survey + "/rosette.sqlite")
        return try db.read { try String.fetchAll($0, sql: "SELECT filePath FROM media ORDER BY filePath") }
    }

    /// Waits (bounded) until the child has stored at least `atLeast` files.
    func waitForProgress(_ survey: String, atLeast: Int, process: Process) throws -> Int {
        for _ in 0..<600 {
            let n = (try? storedPaths(survey).count) ?? 0
            if n >= atLeast || !process.isRunning { return n }
            usleep(20_000)
        }
        return (try? storedPaths(survey).count) ?? 0
    }

    @Test(arguments: [SIGKILL, SIGINT])
    func killedIngestResumesWithNoLossAndNoDuplicates(_ sig: Int32) throws {
        let dir = TemporaryDirectory("kill")
        let (survey, cards) = try makeSurvey(dir)
        // Small batches with a pause after each stored batch, so the kill lands mid-run.
        let child = try RosetteBinary.start(["ingest", cards.path, "--survey", survey, "--batch-size", "10",
                                             "--workers", "1", "--batch-pause-ms", "50"])
        let before = try waitForProgress(survey, atLeast: 30, process: child)
        try #require(child.isRunning, "ingest finished before it could be interrupted")
        kill(child.processIdentifier, sig)
        child.waitUntilExit()
        let afterKill = try storedPaths(survey)
        #expect(afterKill.count >= before)           // nothing already stored was lost
        #expect(afterKill.count < Self.fileCount)    // it really stopped mid-run
        if sig == SIGINT { #expect(child.terminationStatus == 0) }

        let resumed = try RosetteBinary.run(["ingest", cards.path, "--survey", survey])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("unchanged: \(afterKill.count)"))
        let final = try storedPaths(survey)
        #expect(final.count == Self.fileCount)
        #expect(Set(final).count == final.count)     // no duplicates
        #expect(Set(afterKill).isSubset(of: Set(final)))
        let db = try DatabaseQueue(path: survey + "/rosette.sqlite")
        let statuses = try db.read { try String.fetchAll($0, sql: "SELECT status FROM ingestRun ORDER BY runID") }
        #expect(statuses == ["interrupted", "finished"])
        let unsequenced = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM media WHERE eventID IS NULL") }
        #expect(unsequenced == 0)
    }
}
