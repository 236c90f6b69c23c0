import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// Exported packages pass the Frictionless validator against the local Camtrap DP profile and schemas, offline.
@Suite(.enabled(if: Frictionless.isAvailable, Frictionless.missingMessage),
       .enabled(if: ExchangeTestSupport.hasSharedCamtrapDP, ExchangeTestSupport.sharedMessage))
struct FrictionlessValidationTests {
    @Test("exports validate", arguments: [("example", AccessRole.owner, nil), ("sensitive-stations", .owner, nil),
                                          ("sensitive-stations", .public, 5.0), ("sensitive-stations", .partner, nil)] as [(String, AccessRole, Double?)])
    func exportValidates(source: String, role: AccessRole, precisionKm: Double?) throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        let package = source == "example" ? SharedData.camtrapDPExample : ExchangeTestSupport.fixture(source)
        _ = try CamtrapImporter.importPackage(package, into: store, actor: "test")
        let out = dir.path("package")
        try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(
            policy: try ExportPolicy(viewer: store.viewer(role), precisionKm: precisionKm)))
        let (valid, report) = try Frictionless.validate(out)
        print("frictionless validate \(source) --role \(role.rawValue): \(valid ? "VALID" : "INVALID")")
        #expect(valid, "\(report.prefix(3000))")
    }

    @Test func theValidatorCatchesABrokenPackage() throws {
        let (dir, store) = try ExchangeTestSupport.survey()
        _ = try CamtrapImporter.importPackage(ExchangeTestSupport.fixture("sensitive-stations"), into: store, actor: "test")
        let out = dir.path("package")
        try CamtrapExporter.export(store, to: out, options: CamtrapExportOptions(policy: try ExportPolicy(viewer: .owner)))
        let media = out.appendingPathComponent("media.csv")
        let text = try String(contentsOf: media, encoding: .utf8).replacingOccurrences(of: "+10:00", with: "")
        try text.write(to: media, atomically: true, encoding: .utf8)
        #expect(try Frictionless.validate(out).valid == false)
    }
}
