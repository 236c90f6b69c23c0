import Core
import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// Ingest of real camera-trap JPEGs from ../shared, checked against exiftool and published tables.
@Suite(.enabled(if: SharedData.isPresent, SharedData.skipMessage))
struct RealPhotoIngestTests {
    @Test(.enabled(if: SharedData.hasExiftool, "exiftool not installed (scripts/bootstrap installs it)"))
    func camtrapRTimesEqualWhatExiftoolReads() throws {
        let h = try IngestHarness(deploymentsFile: SharedData.camtrapRStationsCSV, timeZone: "Asia/Kuching")
        let (summary, problems) = try h.ingest(SharedData.camtrapRPictures)
        // 169 JPEGs + 1 video; the OCR sample has no EXIF time and is reported, not stored.
        #expect(summary.filesSeen == 170)
        #expect(summary.stored == 169)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("full_size_for_ocr/StationA/mousedeer.JPG: no EXIF DateTimeOriginal") == true)

        let csv = try RosetteBinary.tool("/usr/bin/exiftool", ["-r", "-csv", "-DateTimeOriginal", "-ext", "JPG", SharedData.camtrapRPictures.path])
        let table = CSVReader(text: csv, file: "exiftool")
        let source = table.columnIndex["SourceFile"]!, time = table.columnIndex["DateTimeOriginal"]!
        let media = try h.media()
        var compared = 0
        for r in table.records where !r.fields[time].isEmpty {
            let relative = String(r.fields[source].dropFirst(SharedData.camtrapRPictures.path.count + 1))
            let m = try #require(media[relative], "\(relative) not stored")
            #expect(m.cameraTime == r.fields[time], "\(relative)")
            compared += 1
        }
        #expect(compared == 168)
    }

    @Test func camtrapRTagsBecomeObservationsAndBurstsForm() throws {
        let h = try IngestHarness(deploymentsFile: SharedData.camtrapRStationsCSV, timeZone: "Asia/Kuching")
        let folder = SharedData.camtrapRPictures.appendingPathComponent("sample_images_indiv_tag")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("LeopardCat").path)
        _ = try h.ingest(folder)
        let status = try h.store.status()
        #expect(status.media == files.count)
        #expect(status.taggedSpecies["Leopard Cat"] == files.count)
        #expect(status.taggedIndividuals > 1)
        let media = try h.media()
        let one = try #require(media["LeopardCat/StationA__2009-04-21__00-40-00(1).JPG"])
        #expect(one.deploymentID == "StationA")  // station read from camtrapR's renamed file name
        #expect(Timestamp.format(one.timestamp!, offsetSeconds: 0) == "2009-04-20T16:40:00Z")
        let observations = try h.store.observations(mediaID: one.mediaID!)
        #expect(observations.map(\.individualID) == ["2"])
        #expect(observations.first?.classificationMethod == "human")
        let b = try h.store.sequences(deploymentID: "StationB")
        #expect(b.allSatisfy { $0.mediaCount >= 1 })
        #expect(b.reduce(0) { $0 + $1.mediaCount } == status.perDeployment.first { $0.deploymentID == "StationB" }!.media)
    }

    @Test func speciesFromFoldersReadsCamtrapRSpeciesDirectories() throws {
        let h = try IngestHarness(deploymentsFile: SharedData.camtrapRStationsCSV, timeZone: "Asia/Kuching")
        _ = try h.ingest(SharedData.camtrapRPictures.appendingPathComponent("sample_images_species_dir"),
                         options: IngestOptions(speciesFromFolders: true, workers: 2))
        let species = try h.store.status().taggedSpecies
        #expect(Set(species.keys).isSuperset(of: ["PBE", "VTA", "TRA", "EGY", "MNE"]))
    }

    /// The Camtrap DP example publishes the corrected timestamp of each of its 10 Reconyx photos.
    @Test func camtrapDPExampleTimestampsEqualThePublishedMediaTable() throws {
        let h = try IngestHarness(deploymentsFile: SharedData.camtrapDPExample.appendingPathComponent("deployments.csv"))
        let (summary, problems) = try h.ingest(SharedData.camtrapDPExample.appendingPathComponent("media"),
                                               options: IngestOptions(deploymentID: "62c200a9", workers: 2))
        #expect(summary.stored == 10)
        #expect(problems.isEmpty)
        let published = try CSVReader(contentsOf: SharedData.camtrapDPExample.appendingPathComponent("media.csv"))
        let name = published.columnIndex["fileName"]!, time = published.columnIndex["timestamp"]!
        let expected = Dictionary(published.records.map { ($0.fields[name], $0.fields[time]) }, uniquingKeysWith: { a, _ in a })
        let media = try h.media()
        for (file, m) in media {
            let zone = try ZoneSpec(try h.store.deployment("62c200a9").timezone)
            #expect(Timestamp.format(m.timestamp!, in: zone) == expected[file], "\(file)")
            #expect(m.make == "RECONYX")
            #expect(m.width == 2048 && m.height == 1440)  // as exiftool reads ImageSize
        }
        // Ten frames within 6 s: one burst, as the package's observations put them in one event.
        #expect(try h.store.sequences(deploymentID: "62c200a9").map(\.mediaCount) == [10])
    }
}
