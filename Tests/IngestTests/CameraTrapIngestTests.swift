import Core
import Foundation
import GRDB
import Ingest
import Store
import Testing
import TestSupport

/// Ingest stores what the camera's maker note says of each photo, read from the same 64 KiB as the rest.
@Suite struct CameraTrapIngestTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: SharedData.camtrapDPExample.appendingPathComponent("media").path),
                   SharedData.skipMessage))
    func theCamtrapDPExamplesReconyxReadingsAreStored() throws {
        let h = try IngestHarness(deploymentsFile: SharedData.camtrapDPExample.appendingPathComponent("deployments.csv"))
        let (summary, problems) = try h.ingest(SharedData.camtrapDPExample.appendingPathComponent("media"),
                                               options: IngestOptions(deploymentID: "62c200a9", workers: 2))
        #expect(summary.stored == 10 && problems.isEmpty)
        for (file, m) in try h.media() {
            // RCNX0031 … RCNX0040 are frames 1 … 10 of one motion sequence, event 4, at 2 °C.
            let number = Int(file.dropLast(4).suffix(4))! - 30
            let r = try #require(m.cameraTrap, "\(file)")
            #expect(r.trigger == .motion && r.sequenceIndex == number && r.sequenceLength == 10, "\(file)")
            #expect(r.eventNumber == 4 && r.temperatureC == 2 && r.moonPhase == 0, "\(file)")
        }
        #expect(try h.store.sequences(deploymentID: "62c200a9").map(\.mediaCount) == [10])
    }

    @Test func fixturePhotosWithNotesAreSplitByTheCamerasNumbering() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        let folder = h.dir.path("cards/S01")
        // Two camera sequences of two frames each, all within 4 s; a photo without a note.
        let shots: [(String, [UInt8]?)] = [
            ("2024:09:03 21:15:00", CameraTrapNotes.hyperFire2(index: 1, length: 2, event: 1)),
            ("2024:09:03 21:15:01", CameraTrapNotes.hyperFire2(index: 2, length: 2, event: 1)),
            ("2024:09:03 21:15:02", CameraTrapNotes.hyperFire2(index: 1, length: 2, event: 2)),
            ("2024:09:03 21:15:03", CameraTrapNotes.hyperFire2(index: 2, length: 2, event: 2)),
            ("2024:09:04 08:00:00", nil),
        ]
        for (i, s) in shots.enumerated() {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: s.0, seed: i, makerNote: s.1),
                                    to: folder.appendingPathComponent("IMG_000\(i).JPG"))
        }
        let (summary, problems) = try h.ingest(h.dir.path("cards"))
        #expect(summary.stored == 5 && problems.isEmpty, "\(problems)")
        #expect(try h.store.sequences(deploymentID: "S01").map(\.mediaCount) == [2, 2, 1])
        let media = try h.media()
        #expect(media["S01/IMG_0004.JPG"]?.cameraTrap == nil)
        #expect(media["S01/IMG_0003.JPG"]?.cameraTrap?.eventNumber == 2)
    }
}

/// A survey ingested before v14 has NULL readings; `--reread` fills them, a plain re-run leaves them.
@Suite struct CameraTrapRereadTests {
    @Test func rereadFillsTheReadingsOfPhotosIngestedBefore() throws {
        let h = try IngestHarness(deploymentsCSV: FixturePhotos.deploymentsCSV(stations: ["S01"]))
        for i in 0..<3 {
            try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:0\(i)", seed: i,
                                                                 makerNote: CameraTrapNotes.hyperFire2(index: i + 1, length: 3, event: 9)),
                                    to: h.dir.path("cards/S01/IMG_000\(i).JPG"))
        }
        _ = try h.ingest(h.dir.path("cards"))
        // As an older Rosette left them.
        let queue = try DatabaseQueue(path: h.dir.path("survey").appendingPathComponent("rosette.sqlite").path)
        try queue.write { db in
            try db.execute(sql: """
                UPDATE media SET cameraTrigger = NULL, cameraSequenceIndex = NULL, cameraSequenceLength = NULL,
                                 cameraEventNumber = NULL, cameraTemperatureC = NULL, cameraMoonPhase = NULL
                """)
        }
        try queue.close()
        let plain = try h.ingest(h.dir.path("cards")).0
        #expect(plain.unchanged == 3 && plain.updated == 0)
        #expect(try h.media().values.allSatisfy { $0.cameraTrap == nil })

        var options = IngestOptions(workers: 2)
        options.rereadUnchanged = true
        let (again, problems) = try h.ingest(h.dir.path("cards"), options: options)
        #expect(again.updated == 3 && problems.isEmpty, "\(problems)")
        let media = try h.media()
        #expect(media.values.map { $0.cameraTrap?.sequenceIndex ?? 0 }.sorted() == [1, 2, 3])
        #expect(try h.store.sequences(deploymentID: "S01").map(\.mediaCount) == [3])
        #expect(try h.store.status().duplicates == 0, "a re-read photo is not a copy of itself")
    }
}
