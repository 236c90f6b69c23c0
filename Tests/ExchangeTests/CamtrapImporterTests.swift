import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// `rosette import camtrap-dp`: validation first (every problem, with file, row and column), one transaction,
/// idempotent on the package's IDs, conflicts reported.
@Suite struct CamtrapImporterTests {
    static let invalid: [(fixture: String, problems: [ExchangeError])] = [
        ("missing-required-column", [.missingColumn(file: "observations.csv", column: "observationType")]),
        ("timestamp-without-zone", [.timestampWithoutZone(file: "media.csv", row: 4, column: "timestamp", value: "2024-09-05T22:40:00")]),
        ("media-unknown-deployment", [.unknownReference(file: "media.csv", row: 6, column: "deploymentID", value: "BB-ridge9-2024",
                                                        table: "deployments.csv")]),
        ("path-escapes-package", [
            .badPath(file: "media.csv", row: 4, column: "filePath", value: "media/../../outside.JPG",
                     reason: "contains '..' (it would leave the package folder)"),
            .badPath(file: "media.csv", row: 6, column: "filePath", value: "/etc/passwd",
                     reason: "is an absolute path (paths are relative to the package)"),
        ]),
        ("bad-number", [.badValue(file: "deployments.csv", row: 3, column: "latitude", value: "forty-three", expected: "a number")]),
        ("observation-on-another-deployments-media", [
            .badValue(file: "observations.csv", row: 4, column: "deploymentID", value: "BB-ridge3-2024",
                      expected: "KP-den7-2024, the deployment of media m2"),
            .missingValue(file: "observations.csv", row: 5, column: "mediaID"),
        ]),
    ]

    @Test("an invalid package lists its problems and leaves the survey unchanged", arguments: invalid)
    func invalidPackage(fixture: String, problems: [ExchangeError]) throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = dir
        let before = try ExchangeTestSupport.counts(store)
        #expect(throws: PackageProblems(problems)) {
            try CamtrapImporter.importPackage(ExchangeTestSupport.fixture(fixture), into: store, actor: "test")
        }
        #expect(try ExchangeTestSupport.counts(store) == before)
    }

    @Test func everyProblemIsListedAndNothingIsImported() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = dir
        do {
            _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("every-problem"), into: store, actor: "test")
            Issue.record("an invalid package was imported")
        } catch let error as PackageProblems {
            let found = Set(error.problems.map(\.description))
            #expect(error.problems.count == 5)
            for expected in ["observations.csv:1: column observationType", "media.csv:4: column timestamp",
                             "media.csv:6: column deploymentID", "media.csv:5: column filePath", "deployments.csv:3: column latitude"] {
                #expect(found.contains { $0.hasPrefix(expected) }, "missing: \(expected)")
            }
            #expect(error.description.hasSuffix("5 problems found; nothing was imported."))
        }
        #expect(try ExchangeTestSupport.counts(store) == [0, 0, 0, 0, 0, 0])
    }

    @Test func validPackageImportsOnceAndCreatesItsIndividuals() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = dir
        let first = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        #expect(first.added == ["deployment": 2, "media": 5, "event": 4, "observation": 6])
        #expect(first.individualsAdded == ["L1", "L2", "L3"])
        let catalog = try store.individuals()
        #expect(catalog.first { $0.individualID == "L2" }?.motherID == "L1")
        #expect(catalog.first { $0.individualID == "L3" }?.deathCause == "road-kill")
        let counts = try ExchangeTestSupport.counts(store)
        let second = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        #expect(second.totalAdded == 0 && second.individualsAdded.isEmpty && second.individualsKept == ["L1", "L2", "L3"])
        #expect(second.unchanged == ["deployment": 2, "media": 5, "event": 4, "observation": 6])
        #expect(try ExchangeTestSupport.counts(store) == counts)
    }

    @Test func conflictingRowIsReportedAndNothingOfThatPackageIsImported() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = dir
        _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        let counts = try ExchangeTestSupport.counts(store)
        #expect(throws: PackageProblems([.conflict(entity: "deployment", id: "KP-den7-2024", reason: "imported earlier with other content")])) {
            try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("conflicting-row"), into: store, actor: "test")
        }
        #expect(try ExchangeTestSupport.counts(store) == counts)
        #expect(try store.deployments().map(\.deploymentID) == ["BB-ridge3-2024", "KP-den7-2024"])
    }

    @Test("paths a package may name", arguments: [
        ("media/a.JPG", nil), ("https://example.org/a.jpg", nil), ("media/../a.JPG", "contains '..' (it would leave the package folder)"),
        ("/etc/passwd", "is an absolute path (paths are relative to the package)"), ("~/a.jpg", "starts with '~' (paths are relative to the package)"),
        (".hidden/a.jpg", "starts with '.' (Camtrap DP paths may not)"), ("file:///etc/passwd", "is a file URL outside the package folder"),
        ("file:///tmp/package/media/a.jpg", nil),
    ] as [(String, String?)])
    func packagePaths(path: String, problem: String?) {
        #expect(PackagePath.problem(path, in: URL(fileURLWithPath: "/tmp/package")) == problem)
    }
}
