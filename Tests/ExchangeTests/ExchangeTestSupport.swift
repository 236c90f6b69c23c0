import Core
import Foundation
import Store
import TestSupport
import Testing
@testable import Exchange

/// Fixtures, fresh surveys and the Frictionless validator for the exchange tests.
enum ExchangeTestSupport {
    /// A package under Tests/ExchangeTests/Fixtures.
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// An empty survey in a temporary folder (kept alive by the returned folder).
    static func survey(_ label: String = "exchange") throws -> (TemporaryDirectory, SurveyStore) {
        let dir = TemporaryDirectory(label)
        let store = try SurveyStore.create(directory: dir.path("survey"), settings: SurveySettings())
        return (dir, store)
    }

    /// The ../shared Camtrap DP schemas and the official example are present.
    static var hasSharedCamtrapDP: Bool {
        FileManager.default.fileExists(atPath: schemaFolder.appendingPathComponent("camtrap-dp-profile.json").path)
            && FileManager.default.fileExists(atPath: SharedData.camtrapDPExample.appendingPathComponent("datapackage.json").path)
    }
    static let sharedMessage: Comment = "../shared/data/camtrap-dp-schema or camtrap-dp-example not found: skipped"
    static let schemaFolder = SharedData.root.appendingPathComponent("data/camtrap-dp-schema")

    /// How many rows each table holds in the survey (to check that a refused import changed nothing).
    static func counts(_ store: SurveyStore) throws -> [Int] {
        let s = try store.exchangeSnapshot()
        return [s.deployments.count, s.media.count, s.observations.count, s.sequences.count, s.individuals.count,
                s.keys.values.reduce(0) { $0 + $1.count }]
    }

    /// Every file's bytes under a folder, concatenated (for byte-wise leak checks).
    static func allBytes(_ folder: URL) throws -> Data {
        var data = Data()
        let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in e where !url.hasDirectoryPath { data += try Data(contentsOf: url) }
        return data
    }
}

/// Runs `frictionless validate` offline on a package, against the LOCAL Camtrap DP profile and table schemas.
///
/// The package is copied; its descriptor is pointed at copies of the local schemas in a `camtrap-dp-1.0.2/` folder
/// (the profile checks the version in the path), and the profile's two remote references are resolved offline: the
/// generic Data Package schema (Frictionless checks that itself) is dropped, and GeoJSON is the copy Frictionless
/// ships (or a plain object when it cannot be found).
enum Frictionless {
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin"
        return path.split(separator: ":").map { "\($0)/frictionless" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { executable != nil }
    static let missingMessage: Comment = "frictionless not on PATH (scripts/bootstrap installs it from PyPI): validation skipped"

    /// The validator's verdict and its JSON report.
    static func validate(_ package: URL) throws -> (valid: Bool, report: String) {
        let work = TemporaryDirectory("frictionless")
        let copy = work.path("package")
        try FileManager.default.copyItem(at: package, to: copy)
        let schemas = copy.appendingPathComponent("camtrap-dp-1.0.2")
        try FileManager.default.createDirectory(at: schemas, withIntermediateDirectories: true)
        for table in ["deployments", "media", "observations"] {
            try FileManager.default.copyItem(at: ExchangeTestSupport.schemaFolder.appendingPathComponent("\(table)-table-schema.json"),
                                             to: schemas.appendingPathComponent("\(table)-table-schema.json"))
        }
        var profile = try JSONSerialization.jsonObject(with: Data(contentsOf: ExchangeTestSupport.schemaFolder
            .appendingPathComponent("camtrap-dp-profile.json"))) as! [String: Any]
        profile["allOf"] = (profile["allOf"] as! [[String: Any]]).filter { $0["$ref"] == nil }
        profile = resolveGeoJSON(profile, with: try bundledGeoJSON()) as! [String: Any]
        try JSONSerialization.data(withJSONObject: profile).write(to: schemas.appendingPathComponent("camtrap-dp-profile.json"))
        let descriptorURL = copy.appendingPathComponent("datapackage.json")
        var descriptor = try JSONSerialization.jsonObject(with: Data(contentsOf: descriptorURL)) as! [String: Any]
        descriptor["profile"] = "camtrap-dp-1.0.2/camtrap-dp-profile.json"
        descriptor["resources"] = (descriptor["resources"] as! [[String: Any]]).map { r in
            var r = r
            if r["schema"] is String { r["schema"] = "camtrap-dp-1.0.2/\(r["name"]!)-table-schema.json" }
            return r
        }
        try JSONSerialization.data(withJSONObject: descriptor).write(to: descriptorURL)
        let out = try RosetteBinary.tool(executable!, ["validate", "--json", "datapackage.json"], in: copy)
        let json = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        return (json?["valid"] as? Bool ?? false, out)
    }

    private static func resolveGeoJSON(_ value: Any, with geo: Any) -> Any {
        if let d = value as? [String: Any] {
            if let ref = d["$ref"] as? String, ref.contains("geojson") { return geo }
            return d.mapValues { resolveGeoJSON($0, with: geo) }
        }
        if let a = value as? [Any] { return a.map { resolveGeoJSON($0, with: geo) } }
        return value
    }

    private static func bundledGeoJSON() throws -> Any {
        let script = "import frictionless, os; print(os.path.join(os.path.dirname(frictionless.__file__), 'assets/profiles/geojson.json'))"
        let folder = URL(fileURLWithPath: executable!).deletingLastPathComponent()
        for python in [folder.appendingPathComponent("python3").path, "/usr/bin/env"] {
            let args = python == "/usr/bin/env" ? ["python3", "-c", script] : ["-c", script]
            guard let path = try? RosetteBinary.tool(python, args, in: folder).trimmingCharacters(in: .whitespacesAndNewlines), !path.isEmpty,
                  let data = try? Data(contentsOf: URL(fileURLWithPath: path)), let geo = try? JSONSerialization.jsonObject(with: data)
            else { continue }
            return geo
        }
        return ["type": "object"]
    }
}
