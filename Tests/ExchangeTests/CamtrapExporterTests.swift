import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// `rosette export camtrap-dp`: what a public or partner package may show.
@Suite struct CamtrapExporterTests {
    /// Exact values of the fixture that no generalised package may hold, byte for byte.
    static let secrets = ["Kedrovaya", "Barsovy", "Ivanov", "ranger", "KP-den7", "BB-ridge3", "IMG_0", "/Fixtures", "ev-kp-1", "ev-bb-1",
                          "43.101234", "131.512345", "43.254321", "131.387654", "43.10123", "131.51234", "43.25432", "131.38765",
                          "43.1012", "131.5123", "43.2543", "131.3877", "43.101", "131.512", "43.254", "131.388"]

    static func exported(role: AccessRole, precisionKm: Double?) throws -> (TemporaryDirectory, URL, CamtrapTables) {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        let out = dir.path("package")
        let tables = try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(
            policy: try ExportPolicy(viewer: store.viewer(role), precisionKm: precisionKm)))
        return (dir, out, tables)
    }

    @Test("no precise coordinate, location name or folder in a public or partner package", arguments: [
        (AccessRole.public, 5.0), (.public, nil), (.partner, nil), (.owner, 2.0),
    ] as [(AccessRole, Double?)])
    func noLeak(role: AccessRole, precisionKm: Double?) throws {
        let (dir, out, tables) = try Self.exported(role: role, precisionKm: precisionKm)
        _ = dir
        let bytes = try ExchangeTestSupport.allBytes(out)
        for secret in Self.secrets {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "'\(secret)' found in the \(role.rawValue) package")
        }
        let deployments = tables.rows[.deployments] ?? []
        #expect(deployments.count == 2)
        #expect(deployments.allSatisfy { $0["locationName"] == nil && $0["locationID"]?.hasPrefix("cell-") == true })
        let descriptor = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("datapackage.json"))) as! [String: Any]
        #expect((descriptor["coordinatePrecision"] as? Double ?? 0) > 0.01)
    }

    @Test func peoplePhotosAreLeftOutForRolesWithoutThem() throws {
        for (role, expected) in [(AccessRole.public, false), (.partner, false), (.owner, true)] {
            let (dir, _, tables) = try Self.exported(role: role, precisionKm: nil)
            _ = dir
            #expect(tables.rows[.media]?.count == (expected ? 5 : 4), "\(role)")
            #expect((tables.rows[.observations] ?? []).contains { $0["observationType"] == "human" } == expected, "\(role)")
        }
    }

    @Test func ownerPackageKeepsExactLocationsAndCatalog() throws {
        let (dir, _, tables) = try Self.exported(role: .owner, precisionKm: nil)
        _ = dir
        let kp = try #require(tables.rows[.deployments]?.first { $0["deploymentID"] == "KP-den7-2024" })
        #expect(kp["latitude"] == "43.101234" && kp["locationName"] == "Kedrovaya Pad den 7")
        let l2 = try #require(tables.rows[.individuals]?.first { $0["individualID"] == "L2" })
        #expect(l2["motherID"] == "L1" && l2["lifeStage"] == "juvenile" && l2["birthYear"] == "2024")
        let o2 = try #require(tables.rows[.observations]?.first { $0["observationID"] == "o2" })
        #expect(o2["individualID"] == "L2" && o2["bboxWidth"] == "0.2" && o2["classificationMethod"] == "machine")
        #expect(o2["eventStart"] == "2024-09-03T05:10:03+10:00")
        let e1 = try #require(tables.rows[.observations]?.first { $0["observationID"] == "e1" })
        #expect(e1["observationLevel"] == "event" && e1["mediaID"] == nil && e1["eventEnd"] == "2024-09-03T05:10:03+10:00")
    }

    @Test func aPublicPackageReadsBackWithoutItsFiles() throws {
        let (dir, out, _) = try Self.exported(role: .public, precisionKm: nil)
        _ = dir
        let (copyDir, copy) = try ExchangeTestSupport.survey("readback")
        _ = copyDir
        let result = try CamtrapImporter.importPackage(out, into: copy, actor: "test")
        #expect(result.added == ["deployment": 2, "media": 4, "event": 3, "observation": 5])
        #expect(result.filesNotInPackage.count == 4)
        #expect(try copy.deployments().allSatisfy { $0.locationName == nil && $0.deploymentID.hasPrefix("d-") })
        #expect(try CamtrapImporter.importPackage(out, into: copy, actor: "test").totalAdded == 0)
    }

    @Test func opaqueIDsAreStableForASurveyAndKeyedByIt() throws {
        let (dirA, storeA) = try ExchangeTestSupport.survey()
        let (dirB, storeB) = try ExchangeTestSupport.survey()
        _ = (dirA, dirB)
        for store in [storeA, storeB] {
            _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        }
        func ids(_ store: SurveyStore) throws -> [String] {
            let options = CamtrapExportOptions(policy: try ExportPolicy(viewer: store.viewer(.public)))
            return try CamtrapExporter.tables(store, options: options).rows[.deployments]!.compactMap { $0["deploymentID"] }.sorted()
        }
        #expect(try ids(storeA) == ids(storeA))
        #expect(Set(try ids(storeA)).isDisjoint(with: try ids(storeB)))
    }

    @Test func yearLeavesOtherYearsOut() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = dir
        _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        let policy = try ExportPolicy(viewer: .owner)
        #expect(try CamtrapExporter.tables(store, options: CamtrapExportOptions(policy: policy, year: 2023)).rows[.media]?.isEmpty == true)
        #expect(try CamtrapExporter.tables(store, options: CamtrapExportOptions(policy: policy, year: 2024)).rows[.media]?.count == 5)
    }

    @Test func refusesAFolderThatIsNotEmptyAndABadPrecision() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        #expect(throws: ExchangeError.outputNotEmpty(path: dir.url.path)) {
            try CamtrapExporter.export(store, to: dir.url, options: CamtrapExportOptions(policy: try ExportPolicy(viewer: .owner)))
        }
        #expect(throws: ExchangeError.badPrecision(value: 0)) { try ExportPolicy(viewer: .owner, precisionKm: 0) }
    }
}
