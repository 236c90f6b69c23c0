import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// `backup` while another connection writes: the copy is one consistent snapshot, verified, restorable; a damaged
/// backup and a restore over an existing survey are refused, and `--replace` keeps the old database beside.
@Suite struct BackupTests {
    @Test func aBackupTakenWhileAnotherWriterWorksIsConsistentAndRestores() async throws {
        let f = try ReviewFixture()
        for i in 0..<50 { try f.store.addIndividual(String(format: "A%03d", i), actor: "anna") }
        let writer = try f.secondStore()
        // A second process adds individuals the whole time the backup runs.
        let task = Task.detached { () -> Int in
            var n = 0
            while !Task.isCancelled && n < 2000 {
                try? writer.addIndividual(String(format: "W%04d", n), actor: "writer")
                n += 1
            }
            return n
        }
        try await Task.sleep(nanoseconds: 20_000_000)
        let out = f.dir.path("backup-1")
        let manifest = try f.store.backup(to: out)
        task.cancel()
        let written = await task.value
        #expect(written > 0)
        let snapshot = try #require(manifest.tables["individual"])
        #expect(snapshot >= 50 && snapshot <= 50 + written)
        // The change log is written in the same transaction as each individual: in a consistent snapshot every
        // individual has its entry, and no entry lacks its individual.
        var config = Configuration()
        config.readonly = true
        let copy = try DatabaseQueue(path: out.appendingPathComponent(SurveyStore.databaseName).path, configuration: config)
        let (missing, extra) = try await copy.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM individual i WHERE NOT EXISTS (SELECT 1 FROM changeLog c WHERE c.entity = 'individual' AND c.entityID = i.individualID)") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeLog c WHERE c.entity = 'individual' AND c.action = 'add' AND NOT EXISTS (SELECT 1 FROM individual i WHERE i.individualID = c.entityID)") ?? -1)
        }
        try copy.close()
        #expect(missing == 0 && extra == 0)
        let verified = try SurveyStore.verifyBackup(out)
        #expect(verified.tables == manifest.tables && verified.sha256 == manifest.sha256 && verified.bytes == manifest.bytes)
        #expect(throws: BackupError.destinationHoldsBackup(path: out.path)) { try f.store.backup(to: out) }

        let target = f.dir.path("restored")
        try SurveyStore.restore(backup: out, to: target)
        let restored = try SurveyStore(directory: target)
        #expect(try restored.individuals().count == snapshot)
        #expect(try restored.checkRecords().problems.isEmpty)
        #expect(throws: BackupError.targetHoldsSurvey(path: target.path)) { try SurveyStore.restore(backup: out, to: target) }
    }

    @Test func aDamagedBackupIsRefusedAndReplaceKeepsTheOldDatabase() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let out = f.dir.path("backup")
        try f.store.backup(to: out)
        // A newer survey state to be replaced by the backup.
        try f.store.addIndividual("L02", actor: "anna")
        let restored = try SurveyStore.restore(backup: out, to: f.store.directory, replace: true)
        #expect(restored.tables["individual"] == 1)
        let reopened = try SurveyStore(directory: f.store.directory)
        #expect(try reopened.individuals().map(\.individualID) == ["L01"])
        let kept = try FileManager.default.contentsOfDirectory(atPath: f.store.directory.path).filter { $0.hasPrefix("rosette.sqlite.before-restore-") }
        #expect(kept.contains { !$0.contains("-wal") && !$0.contains("-shm") }, "\(kept)")

        // One byte changed in the backup's database: refused, nothing written.
        let file = out.appendingPathComponent(SurveyStore.databaseName)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        #expect {
            try SurveyStore.verifyBackup(out)
        } throws: { error in
            guard case BackupError.damaged(_, let detail) = error else { return false }
            return detail.contains("has changed since the backup")
        }
        let fresh = f.dir.path("fresh")
        #expect(throws: BackupError.self) { try SurveyStore.restore(backup: out, to: fresh) }
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent(SurveyStore.databaseName).path))
        #expect(throws: BackupError.notABackup(path: fresh.path, missing: SurveyStore.databaseName)) { try SurveyStore.verifyBackup(fresh) }
    }
}
