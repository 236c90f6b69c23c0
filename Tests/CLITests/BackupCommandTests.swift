import Foundation
import Testing
import TestSupport

/// `rosette backup` and `rosette restore` through the binary: the records come back, a restore over a survey is
/// refused without --replace, and a damaged backup is refused with a message naming it.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct BackupCommandTests {
    @Test func backupRestoreAndRefusals() throws {
        let dir = TemporaryDirectory("backup-cli")
        let survey = dir.path("S").path, out = dir.path("B").path, copy = dir.path("R").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok", "--name", "field laptop"]).status == 0)
        try #require(try RosetteBinary.run(["individuals", "add", "L07", "--sex", "female", "--survey", survey]).status == 0)
        let backup = try RosetteBinary.run(["backup", out, "--survey", survey])
        #expect(backup.status == 0 && backup.stdout.contains("Backed up 'field laptop'") && backup.stdout.contains("individual: 1"), "\(backup.stdout)\(backup.stderr)")
        let again = try RosetteBinary.run(["backup", out, "--survey", survey])
        #expect(again.status != 0 && again.stderr.contains("already holds a backup"), "\(again.stderr)")

        let restore = try RosetteBinary.run(["restore", out, "--survey", copy])
        #expect(restore.status == 0 && restore.stdout.contains("verified") && restore.stdout.contains("finds no problem"), "\(restore.stdout)\(restore.stderr)")
        #expect(try RosetteBinary.run(["individuals", "list", "--survey", copy]).stdout.contains("L07"))
        #expect(try RosetteBinary.run(["check", "--survey", copy, "--quiet"]).status == 0)
        let over = try RosetteBinary.run(["restore", out, "--survey", survey])
        #expect(over.status != 0 && over.stderr.contains("already holds a survey") && over.stderr.contains("--replace"), "\(over.stderr)")

        let file = URL(fileURLWithPath: out).appendingPathComponent("rosette.sqlite")
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count - 100] ^= 0x5A
        try bytes.write(to: file)
        let damaged = try RosetteBinary.run(["restore", out, "--survey", dir.path("R2").path])
        #expect(damaged.status != 0 && damaged.stderr.contains("is damaged") && damaged.stderr.contains(out), "\(damaged.stderr)")
    }
}
