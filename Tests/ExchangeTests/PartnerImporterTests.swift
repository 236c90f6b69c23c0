import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// A partner package checked before anything is written: descriptor, columns, cells, references, files, digests.
@Suite struct PartnerImporterTests {
    /// A package folder written from the given texts (path → content); binary files as bytes.
    static func package(_ dir: TemporaryDirectory, _ files: [String: [UInt8]]) throws -> URL {
        let root = dir.path("package")
        for (path, bytes) in files { try FixturePhotos.write(bytes, to: root.appendingPathComponent(path)) }
        return root
    }

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func sha(_ b: [UInt8]) -> String { PartnerExporter.sha256(b) }

    static let descriptor = """
        {"profile": "rosette-partner-catalog", "version": "1.0", "namespace": "CN",
         "resources": [{"name": "individuals", "path": "individuals.csv"}, {"name": "chips", "path": "chips.csv"}]}
        """

    @Test func everyProblemIsListedWithFileRowAndColumnAndNothingIsImported() throws {
        let dir = TemporaryDirectory("partner-import")
        let jpeg = try FixturePhotos.jpeg()
        let package = try Self.package(dir, [
            "datapackage.json": Self.text(Self.descriptor),
            "individuals.csv": Self.text("individualID,sex,firstSeenYear,lastSeenYear,cells\nT5,female,2024,2021,cell-10km-479-1183\nT5,tiger,2024,2024,43.219876 130.912345\n"),
            "chips.csv": Self.text("chipID,individualID,side,path,featuresPath,sha256,featuresSha256\n"
                                   + "c1,T5,top,chips/c1.jpg,features/c1.bin,\(Self.sha(jpeg)),\(Self.sha(Self.text("junk")))\n"),
            "chips/c1.jpg": jpeg, "features/c1.bin": Self.text("junk"),
        ])
        let expected: [ExchangeError] = [
            .badValue(file: "individuals.csv", row: 2, column: "lastSeenYear", value: "2021", expected: "a year at or after firstSeenYear 2024"),
            .duplicateID(file: "individuals.csv", row: 3, column: "individualID", value: "T5"),
            .badValue(file: "individuals.csv", row: 3, column: "sex", value: "tiger", expected: "female, male or unknown"),
            .badValue(file: "individuals.csv", row: 3, column: "cells", value: "43.219876 130.912345", expected: "a grid cell (cell-10km-<row>-<col>)"),
            .badValue(file: "chips.csv", row: 2, column: "side", value: "top", expected: "left, right or unknown"),
            .badValue(file: "chips.csv", row: 2, column: "featuresPath", value: "features/c1.bin", expected: "a Rosette feature file (RSF2)"),
        ]
        #expect(throws: PackageProblems(expected)) { try PartnerImporter.read(package, as: nil) }
        let (surveyDir, store) = try ExchangeTestSupport.survey()
        defer { _ = surveyDir }
        #expect(throws: PackageProblems.self) { try PartnerImporter.importPackage(package, into: store, as: nil, actor: "anna") }
        #expect(try store.partners().isEmpty)
    }

    @Test func aForeignDescriptorAndMissingTablesAreReportedTogether() throws {
        let dir = TemporaryDirectory("partner-import")
        let package = try Self.package(dir, [
            "datapackage.json": Self.text(#"{"profile": "tabular-data-package", "resources": [{"name": "chips", "path": "../chips.csv"}]}"#),
        ])
        #expect(throws: PackageProblems([
            .notPartnerPackage(file: "datapackage.json", profile: "tabular-data-package"),
            .noNamespace(file: "datapackage.json"),
            .missingPartnerResource(file: "datapackage.json", name: "individuals"),
            .badDescriptor(file: "datapackage.json", detail: "resource chips: path '../chips.csv' contains '..' (it would leave the package folder)"),
        ])) { try PartnerImporter.read(package, as: nil) }
    }

    @Test(arguments: [("cell-10km-479-1183", true), ("cell-5km--3-12", true), ("43.2,130.9", false), ("cell-10km-a-b", false), ("KP01", false)])
    func cellsAreGridCellsNeverCoordinates(_ cell: String, _ valid: Bool) {
        #expect(PartnerRows.isCell(cell) == valid)
    }
}
