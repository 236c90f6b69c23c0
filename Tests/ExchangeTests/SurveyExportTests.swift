import Core
import Foundation
import Ingest
import Store
import TestSupport
import Testing
@testable import Exchange

/// A survey of Rosette's own (photos ingested from station folders, tagged in XMP) exported as Camtrap DP.
@Suite struct SurveyExportTests {
    static let deployments = """
        deploymentID,locationID,locationName,latitude,longitude,coordinateUncertainty,deploymentStart,deploymentEnd,cameraID,timezone
        Kedrovaya7-A,Kedrovaya7,Kedrovaya Pad den 7,43.087654,131.567891,10,2024-09-01,2024-10-31,CAM-7,Asia/Vladivostok
        Barsovy3-A,Barsovy3,Barsovy ridge 3,43.252345,131.276543,10,2024-09-01,2024-10-31,CAM-3,Asia/Vladivostok

        """

    /// A survey with two stations, a tagged leopard cub, a tagged adult, and a person photo.
    static func survey() throws -> (TemporaryDirectory, SurveyStore) {
        let (dir, store) = try ExchangeTestSupport.survey("native")
        let csv = dir.path("deployments.csv")
        try deployments.write(to: csv, atomically: true, encoding: .utf8)
        let parsed = try DeploymentsCSV.read(csv, defaultZone: try ZoneSpec("Asia/Vladivostok"))
        try store.upsertDeployments(parsed.deployments, actor: "test")
        let cards = dir.path("cards")
        let leopard = ["Species|Panthera pardus orientalis"]
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07", seed: 1, tags: leopard + ["individual|L7", "LifeStage|cub"]),
                                to: cards.appendingPathComponent("Kedrovaya7/IMG_0001.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:09", seed: 2, tags: leopard + ["individual|L1", "Sex|female"]),
                                to: cards.appendingPathComponent("Kedrovaya7/IMG_0002.JPG"))
        try FixturePhotos.write(try FixturePhotos.cameraJPEG(time: "2024:09:10 10:00:00", seed: 3, tags: ["Species|Homo sapiens"]),
                                to: cards.appendingPathComponent("Barsovy3/IMG_0001.JPG"))
        _ = try Ingestor(store: store).run(directory: cards, options: IngestOptions(workers: 1))
        return (dir, store)
    }

    @Test func ownerPackagePointsAtTheFilesAndSaysWhoClassified() throws {
        let (dir, store) = try Self.survey()
        let tables = try CamtrapExporter.export(store, to: dir.path("owner"), options: CamtrapExportOptions(policy: try ExportPolicy(viewer: .owner)))
        let media = tables.rows[.media] ?? []
        #expect(media.count == 3)
        for row in media {
            let url = try #require(URL(string: row["filePath"] ?? ""))
            #expect(url.isFileURL && FileManager.default.fileExists(atPath: url.path))
            #expect(row["timestamp"]?.hasSuffix("+10:00") == true)
        }
        let cub = try #require(tables.rows[.observations]?.first { $0["individualID"] == "L7" })
        #expect(cub["lifeStage"] == "juvenile" && cub["classificationMethod"] == "human" && cub["observationLevel"] == "media")
    }

    @Test func copiedMediaTravelWithThePackageAndReadBack() throws {
        let (dir, store) = try Self.survey()
        let out = dir.path("copied")
        let tables = try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(
            policy: try ExportPolicy(viewer: .owner), copyMedia: true))
        let paths = (tables.rows[.media] ?? []).compactMap { $0["filePath"] }
        #expect(paths.count == 3 && paths.allSatisfy { $0.hasPrefix("media/r") })
        for path in paths { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)") }
        let (copyDir, copy) = try ExchangeTestSupport.survey("copied")
        _ = copyDir
        let result = try CamtrapImporter.importPackage(out, into: copy, actor: "test")
        #expect(result.added["media"] == 3 && result.filesNotInPackage.isEmpty)
        // Without copies the package points at the survey's own files (file:// URLs outside it): not importable elsewhere.
        let linked = dir.path("linked")
        try CamtrapExporter.export(store, to: linked, options: CamtrapExportOptions(policy: try ExportPolicy(viewer: .owner)))
        do {
            _ = try CamtrapImporter.importPackage(linked, into: copy, actor: "test")
            Issue.record("a package pointing outside itself was imported")
        } catch let error as PackageProblems {
            #expect(error.problems.count == 3)
            #expect(error.problems.allSatisfy { $0.description.contains("is a file URL outside the package folder") })
        }
    }

    @Test func publicPackageHoldsNoStationNameFolderOrCoordinateAndNoPerson() throws {
        let (dir, store) = try Self.survey()
        let out = dir.path("public")
        let tables = try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(
            policy: try ExportPolicy(viewer: store.viewer(.public))))
        let bytes = try ExchangeTestSupport.allBytes(out)
        for secret in ["Kedrovaya", "Barsovy", "IMG_0", "cards", "43.0876", "131.5678", "43.2523", "131.2765", "43.088", "131.568"] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' found in the public package")
        }
        #expect(tables.rows[.media]?.count == 2)
        #expect(tables.rows[.observations]?.contains { $0["observationType"] == "human" } == false)
    }

    @Test(.enabled(if: Frictionless.isAvailable, Frictionless.missingMessage),
          .enabled(if: ExchangeTestSupport.hasSharedCamtrapDP, ExchangeTestSupport.sharedMessage))
    func surveyPackagesValidate() throws {
        let (dir, store) = try Self.survey()
        for role in [AccessRole.owner, .public] {
            let out = dir.path(role.rawValue)
            try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(policy: try ExportPolicy(viewer: store.viewer(role))))
            let (valid, report) = try Frictionless.validate(out)
            #expect(valid, "\(role.rawValue): \(report.prefix(3000))")
        }
    }
}
