import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// The official Camtrap DP example (../shared) imports whole and comes back out the same, field by field.
@Suite(.enabled(if: ExchangeTestSupport.hasSharedCamtrapDP, ExchangeTestSupport.sharedMessage))
struct CamtrapRoundTripTests {
    /// A cell as a comparable value: instants for date-times, numbers for numbers, resolved locations for paths.
    static func value(_ field: CamtrapField, _ text: String?, package: URL) -> String {
        guard let text, !CamtrapPackage.missingValues.contains(text) else { return "" }
        switch field.kind {
        case .datetime: return Timestamp.parse(text, defaultZone: nil).map { "\($0.timeIntervalSince1970)" } ?? "bad:\(text)"
        case .number, .integer: return Double(text).map { "\($0)" } ?? "bad:\(text)"
        case .boolean: return CamtrapValue.bool(text).map { "\($0)" } ?? "bad:\(text)"
        default:
            guard field.name == "filePath", !PackagePath.isURL(text) else { return text }
            return package.appendingPathComponent(text).standardizedFileURL.absoluteString
        }
    }

    @Test func officialExampleRoundTripsFieldByField() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        let result = try CamtrapImporter.importPackage(SharedData.camtrapDPExample, into: store, actor: "test")
        #expect(result.added == ["deployment": 4, "media": 423, "event": 34, "observation": 549])
        let out = dir.path("package")
        try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(policy: try ExportPolicy(viewer: .owner)))
        let original = try CamtrapPackage.read(SharedData.camtrapDPExample).package
        let exported = try CamtrapPackage.read(out).package
        var compared = 0
        var differences: [String] = []
        for table in [CamtrapTable.deployments, .media, .observations] {
            let back = Dictionary(exported.rows(table).map { ($0[table.key] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            #expect(back.count == original.rows(table).count, "\(table.rawValue) rows")
            for row in original.rows(table) {
                guard let id = row[table.key], let other = back[id] else { differences.append("\(table.rawValue) \(row[table.key] ?? "?") missing"); continue }
                for field in table.fields where row.values[field.name] != nil {
                    compared += 1
                    let a = Self.value(field, row[field.name], package: SharedData.camtrapDPExample)
                    let b = Self.value(field, other[field.name], package: out)
                    if a != b { differences.append("\(table.rawValue) \(id) \(field.name): '\(a)' → '\(b)'") }
                }
            }
        }
        print("Camtrap DP example round trip: \(compared) fields compared, \(differences.count) different")
        #expect(differences.isEmpty, "\(differences.prefix(10))")
        #expect(compared > 20_000)
        #expect(try CamtrapImporter.importPackage(SharedData.camtrapDPExample, into: store, actor: "test").totalAdded == 0)
    }
}
