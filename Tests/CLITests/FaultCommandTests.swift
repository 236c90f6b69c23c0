import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Faults a field laptop meets (issue #16 item 5): a full disk, a read-only card, two writers at once. Each gives a
/// clear message, nothing stored is damaged (`rosette check`), and the work can go on.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"), .serialized)
struct FaultCommandTests {
    /// A card folder of `count` tagged fixture photos at one station.
    static func card(_ dir: TemporaryDirectory, count: Int) throws -> URL {
        for k in 0..<count {
            let time = String(format: "2024:09:%02d %02d:%02d:00", 1 + k / 96, (k / 4) % 24, (k % 4) * 15)
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: time, seed: k, tags: ["Species|Panthera pardus orientalis"]),
                                    to: dir.path("cards/S01/IMG_\(String(format: "%04d", k)).JPG"))
        }
        return dir.path("cards")
    }

    static func survey(at path: String, _ dir: TemporaryDirectory) throws {
        try #require(try RosetteBinary.run(["init", path, "--time-zone", "Asia/Vladivostok"]).status == 0)
        try "deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,timezone\nS01,S01,S01,43.1,131.3,2024-09-01,2024-09-30,Asia/Vladivostok\n"
            .write(to: dir.path("d.csv"), atomically: true, encoding: .utf8)
        try #require(try RosetteBinary.run(["deployments", "import", dir.path("d.csv").path, "--survey", path]).status == 0)
    }

    /// The survey on a small tmpfs (root only; skipped with a message otherwise): ingest stops with a clear message,
    /// the records are whole, and after space is freed (a bigger mount) the same ingest finishes.
    @Test func aFullDiskStopsIngestCleanlyAndTheRerunFinishes() throws {
        let dir = TemporaryDirectory("fault-full")
        let mount = dir.path("small")
        try FileManager.default.createDirectory(at: mount, withIntermediateDirectories: true)
        let mounted = Process.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1600k", "tmpfs", mount.path])
        guard mounted == 0 else {
            print("skipped: cannot mount a small tmpfs here (needs root): the disk-full case is not exercised")
            return
        }
        defer { _ = Process.run("/bin/umount", ["-l", mount.path]) }
        let cards = try Self.card(dir, count: 900)
        let survey = mount.appendingPathComponent("S").path
        try Self.survey(at: survey, dir)
        let full = try RosetteBinary.run(["ingest", cards.path, "--survey", survey])
        #expect(full.status != 0, "the 1.6 MB disk was expected to fill: \(full.stdout)")
        #expect(full.stderr.contains("the disk holding the survey is full") && full.stderr.contains("run the same command again"), "\(full.stderr)")
        #expect(!full.stderr.contains("SQLite error 13: database or disk is full - while"), "the raw SQLite text is not the message: \(full.stderr)")
        // Room again: the records are whole and the same command finishes the work.
        #expect(Process.run("/bin/mount", ["-o", "remount,size=64m", mount.path]) == 0)
        let check = try RosetteBinary.run(["check", "--survey", survey, "--quiet", "--no-files"])
        #expect(!check.stdout.contains("database:") && !check.stdout.contains("brokenReference"), "\(check.stdout)")
        let rerun = try RosetteBinary.run(["ingest", cards.path, "--survey", survey])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let status = try RosetteBinary.run(["status", "--survey", survey, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(json?["media"] as? Int == 900, "\(status.stdout)")
        #expect(try RosetteBinary.run(["check", "--survey", survey, "--quiet"]).status == 0)
    }

    /// A card mounted read-only is read as usual: ingest writes nothing beside the photos.
    @Test func aReadOnlyCardIsIngested() throws {
        let dir = TemporaryDirectory("fault-readonly")
        let cards = try Self.card(dir, count: 12)
        let ro = dir.path("ro")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
        guard Process.run("/bin/mount", ["--bind", cards.path, ro.path]) == 0 else {
            print("skipped: cannot bind-mount here (needs root): the read-only card case is not exercised")
            return
        }
        defer { _ = Process.run("/bin/umount", ["-l", ro.path]) }
        #expect(Process.run("/bin/mount", ["-o", "remount,bind,ro", ro.path]) == 0)
        let survey = dir.path("S").path
        try Self.survey(at: survey, dir)
        let ingest = try RosetteBinary.run(["ingest", ro.path, "--survey", survey])
        #expect(ingest.status == 0 && ingest.stdout.contains("12"), "\(ingest.stdout)\(ingest.stderr)")
    }

    /// Two processes writing the same survey at once (the CLI while `rosette serve` reviews): both finish, waiting on
    /// each other instead of failing with "database is locked".
    @Test func twoWritersAtOnceBothFinish() throws {
        let dir = TemporaryDirectory("fault-writers")
        let survey = dir.path("S").path
        try Self.survey(at: survey, dir)
        let cards = try Self.card(dir, count: 300)
        let evidence = dir.path("evidence.csv")
        var csv = "method,individualID,sampleID,timestamp,latitude,longitude\n"
        for i in 0..<400 { csv += "scat-dna,,SC-\(i),2024-09-10T10:00:00+10:00,43.1,131.3\n" }
        try csv.write(to: evidence, atomically: true, encoding: .utf8)
        let group = DispatchGroup()
        nonisolated(unsafe) var results: [RosetteBinary.Output?] = [nil, nil]
        let lock = NSLock()
        for (i, args) in [["ingest", cards.path, "--survey", survey], ["evidence", "import", evidence.path, "--survey", survey]].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                let r = try? RosetteBinary.run(args)
                lock.lock(); results[i] = r; lock.unlock()
                group.leave()
            }
        }
        group.wait()
        for r in results {
            #expect(r?.status == 0 && !(r?.stderr.contains("locked") ?? true), "\(r?.stdout ?? "")\(r?.stderr ?? "")")
        }
        #expect(try RosetteBinary.run(["check", "--survey", survey, "--quiet"]).status == 0)
    }
}

extension Process {
    /// Runs a tool and returns its exit status (-1 when it cannot start); output discarded.
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
