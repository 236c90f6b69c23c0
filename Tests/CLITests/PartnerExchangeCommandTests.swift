import Foundation
import Imaging
import Testing
import TestSupport

/// `rosette exchange export|import|match|decide|links` between two catalogs that share one leopard.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct PartnerExchangeCommandTests {
    /// A station of a fixture survey: its ID, name and exact coordinates (what must never leave in a package).
    struct Station {
        let id: String, name: String, latitude: String, longitude: String
    }

    static let ours = [Station(id: "KP01", name: "Kedrovaya Pad Upper Ford", latitude: "43.104321", longitude: "131.298765"),
                       Station(id: "KP02", name: "Kedrovaya Pad Salt Lick", latitude: "43.162345", longitude: "131.352468")]
    static let theirs = [Station(id: "CN07", name: "Hunchun Ridge Spring", latitude: "43.219876", longitude: "130.912345")]

    /// A survey whose catalog has one reference photo (left flank) per individual: individual ID → synthetic coat.
    static func catalog(_ dir: TemporaryDirectory, name: String, stations: [Station], animals: [(id: String, coat: Int, seed: UInt64)]) throws -> String {
        let survey = dir.path(name).path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        var csv = "deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,timezone\n"
        for s in stations { csv += "\(s.id),\(s.id),\(s.name),\(s.latitude),\(s.longitude),2024-09-01,2024-10-31,Asia/Vladivostok\n" }
        let csvURL = dir.path("\(name)-deployments.csv")
        try csv.write(to: csvURL, atomically: true, encoding: .utf8)
        let imported = try RosetteBinary.run(["deployments", "import", csvURL.path, "--survey", survey])
        try #require(imported.status == 0, "\(imported.stderr)")
        var boxes: [String: String] = [:]
        for (i, a) in animals.enumerated() {
            let photo = SyntheticFlanks.photo(of: SyntheticFlanks.coat(identity: a.coat, side: 0), seed: a.seed)
            let jpeg = try MetadataWriter.apply(.init(dateTimeOriginal: "2024:09:0\(i + 2) 06:30:00", make: "RECONYX", model: "HYPERFIRE 2",
                                                      serialNumber: "H2\(name)\(i)"), to: SyntheticFlanks.jpeg(photo))
            let path = "\(stations[i % stations.count].id)/IMG_\(i).JPG"
            try FixturePhotos.write(jpeg, to: dir.path("\(name)-cards/\(path)"))
            let b = photo.box, w = Double(photo.width), h = Double(photo.height)
            boxes[a.id] = String(format: "%.4f,%.4f,%.4f,%.4f", Double(b.x) / w, Double(b.y) / h, Double(b.width) / w, Double(b.height) / h)
        }
        let ingest = try RosetteBinary.run(["ingest", dir.path("\(name)-cards").path, "--survey", survey])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        for (i, a) in animals.enumerated() {
            let add = try RosetteBinary.run(["individuals", "add", a.id, "--sex", "female", "--photo", "\(stations[i % stations.count].id)/IMG_\(i).JPG",
                                             "--side", "left", "--box", boxes[a.id]!, "--survey", survey, "--actor", "anna"])
            try #require(add.status == 0, "\(add.stderr)")
        }
        return survey
    }

    /// Every file under `folder`, recursively, as bytes.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = e?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
                out[url.path.replacingOccurrences(of: folder.path + "/", with: "")] = try Data(contentsOf: url)
            }
        }
        return out
    }

    @Test func aSharedLeopardIsFoundFirstAndLinkedWithoutAnyExactLocationInThePackage() throws {
        let dir = TemporaryDirectory("cli-partners")
        let ours = try Self.catalog(dir, name: "ours", stations: Self.ours,
                                    animals: [("L01", 1, 1), ("L02", 2, 2), ("L03", 3, 3)])
        let theirs = try Self.catalog(dir, name: "theirs", stations: Self.theirs, animals: [("T5", 1, 41), ("T6", 4, 42)])

        let package = dir.path("to-ours")
        let export = try RosetteBinary.run(["exchange", "export", "--partner", "RU-LNP", package.path, "--survey", theirs, "--namespace", "CN"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("2 individuals, 2 chips"), "\(export.stdout)")
        let files = try Self.files(package)
        #expect(files.keys.contains { $0.hasPrefix("chips/") && $0.hasSuffix(".jpg") } && files.keys.contains { $0.hasPrefix("features/") })
        for (file, bytes) in files {
            for s in Self.theirs {
                for secret in [s.id, s.name, s.latitude, s.longitude, String(s.latitude.dropLast(2)), String(s.longitude.dropLast(2)), "theirs-cards", "IMG_"] {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) contains '\(secret)'")
                }
            }
            if file.hasSuffix(".jpg") {  // re-encoded chips: no EXIF (APP1) segment, no camera serial
                #expect(bytes.range(of: Data("Exif".utf8)) == nil && bytes.range(of: Data("H2theirs".utf8)) == nil, "\(file) carries metadata")
            }
        }
        let individuals = String(decoding: try #require(files["individuals.csv"]), as: UTF8.self)
        #expect(individuals.contains("T5,female,2024,2024,cell-10km-"), "\(individuals)")

        let imported = try RosetteBinary.run(["exchange", "import", package.path, "--survey", ours])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("as partner CN: 2 individuals, 2 chips"), "\(imported.stdout)")
        let partners = try RosetteBinary.run(["exchange", "partners", "--survey", ours])
        // partner, title, individuals, chips, links, pending pairs
        #expect(partners.stdout.range(of: #"CN\s+\S+\s+2\s+2\s+0\s+0"#, options: .regularExpression) != nil, "\(partners.stdout)")
        // Their IDs stay theirs: our catalog does not list them, and they cannot be edited here.
        #expect(!(try RosetteBinary.run(["individuals", "list", "--survey", ours])).stdout.contains("T5"))
        let edit = try RosetteBinary.run(["individuals", "edit", "CN:T5", "--sex", "male", "--survey", ours])
        #expect(edit.status != 0 && edit.stderr.contains("read-only"), "\(edit.stderr)")

        let match = try RosetteBinary.run(["exchange", "match", "--partner", "CN", "--survey", ours, "--top", "3"])
        #expect(match.status == 0, "\(match.stderr)")
        let firstForT5 = match.stdout.split(separator: "\n").first { $0.hasPrefix("CN:T5") && $0.split(separator: " ").dropFirst().first == "1" }
        #expect(firstForT5?.split(separator: " ").dropFirst(2).first == "L01", "\(match.stdout)")
        let review = try RosetteBinary.run(["exchange", "review", "--partner", "CN", "--survey", ours])
        #expect(review.stdout.contains("CN:T5"), "\(review.stdout)")

        let decide = try RosetteBinary.run(["exchange", "decide", "--partner", "CN", "--id", "T5", "--same", "L01", "--survey", ours, "--actor", "boris"])
        #expect(decide.status == 0 && decide.stdout.contains("CN:T5 is the same animal as L01"), "\(decide.stderr)")
        #expect(try RosetteBinary.run(["exchange", "links", "--survey", ours]).stdout.contains("CN:T5"))
        #expect(!(try RosetteBinary.run(["exchange", "review", "--partner", "CN", "--survey", ours])).stdout.contains("CN:T5"))
        let undo = try RosetteBinary.run(["review", "undo", "--survey", ours, "--actor", "boris"])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(try RosetteBinary.run(["exchange", "links", "--survey", ours]).stdout.contains("no links yet"))

        // A re-import of the same package updates in place: still two individuals under CN.
        let again = try RosetteBinary.run(["exchange", "import", package.path, "--survey", ours])
        #expect(again.status == 0 && again.stdout.contains("the same package as before"), "\(again.stdout)\(again.stderr)")

        // The public gets no survey title either.
        let publicPackage = dir.path("public")
        #expect(try RosetteBinary.run(["exchange", "export", "--partner", "web", publicPackage.path, "--survey", theirs, "--role", "public"]).status == 0)
        let descriptor = String(decoding: try Data(contentsOf: publicPackage.appendingPathComponent("datapackage.json")), as: UTF8.self)
        #expect(descriptor.contains("rosette-partner-catalog") && !descriptor.contains("\"source\""), "\(descriptor)")

        // An invalid package: every problem with file, row and column, and nothing imported.
        let bad = dir.path("bad")
        try FileManager.default.copyItem(at: package, to: bad)
        let chipsURL = bad.appendingPathComponent("chips.csv")
        var lines = String(decoding: try Data(contentsOf: chipsURL), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        lines = lines.map { Array($0.dropLast()) }  // no featuresSha256 column
        lines[1][3] = "../outside.jpg"
        lines[2][5] = String(repeating: "0", count: 64)
        lines.append(["c999", "GHOST", "left", "chips/none.jpg", lines[1][4], lines[1][5]])
        try (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(to: chipsURL, atomically: true, encoding: .utf8)
        let fresh = dir.path("fresh").path
        try #require(try RosetteBinary.run(["init", fresh]).status == 0)
        let refused = try RosetteBinary.run(["exchange", "import", bad.path, "--survey", fresh])
        #expect(refused.status == 1)
        for message in ["chips.csv:1: column featuresSha256: required column missing",
                        "chips.csv:2: column path: '../outside.jpg' contains '..'",
                        "chips.csv:3: column sha256: '\(String(repeating: "0", count: 64))' does not match the file",
                        "chips.csv:4: column individualID: 'GHOST' is not a individualID in individuals.csv",
                        "chips.csv:4: column path: 'chips/none.jpg' is not in the package",
                        "5 problems found; nothing was imported."] {
            #expect(refused.stderr.contains(message), "missing: \(message)\n\(refused.stderr)")
        }
        #expect(try RosetteBinary.run(["exchange", "partners", "--survey", fresh]).stdout.contains("no partner catalogs"))
    }
}
