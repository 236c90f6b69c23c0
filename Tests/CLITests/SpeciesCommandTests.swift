import Foundation
import Testing
import TestSupport

/// `rosette triage species` and `export --role` driven as a user would, on MegaDetector results with
/// classifications and a person box.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct SpeciesCommandTests {
    static let md = """
        {"info": {"format_version": "1.5", "detector": "md_v5a"}, "detection_categories": {"1": "animal", "2": "person"},
         "classification_categories": {"0": "amur_leopard", "1": "sika deer"},
         "images": [
          {"file": "cards/S01/IMG_0001.JPG", "detections": [{"category": "1", "conf": 0.9, "bbox": [0.1, 0.2, 0.3, 0.4],
                                                             "classifications": [["0", 0.8], ["1", 0.1]]}]},
          {"file": "cards/S01/IMG_0002.JPG", "detections": [{"category": "1", "conf": 0.8, "bbox": [0.2, 0.2, 0.3, 0.4]}]},
          {"file": "cards/S01/IMG_0003.JPG", "detections": [{"category": "1", "conf": 0.7, "bbox": [0.1, 0.2, 0.3, 0.4]},
                                                             {"category": "2", "conf": 0.6, "bbox": [0.5, 0.2, 0.2, 0.5]}]}]}
        """

    @Test func speciesSummaryApplyAndPublicExport() throws {
        let dir = TemporaryDirectory("cli")
        let survey = try TriageCommandTests.survey(dir)
        let file = dir.path("md.json")
        try Self.md.write(to: file, atomically: true, encoding: .utf8)
        let imported = try RosetteBinary.run(["triage", "import", "--md-results", file.path, "--survey", survey])
        #expect(imported.stdout.contains("with 2 species classification(s)"), "\(imported.stdout)\(imported.stderr)")

        // IMG_0001 and IMG_0002 are one burst (a second apart): the leopard evidence is shared, 0.8 / 2 = 0.4.
        let summary = try RosetteBinary.run(["triage", "species", "--species-threshold", "0.4", "--survey", survey])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("3 box(es) at detection ≥ 0.2 in 3 photo(s)"), "\(summary.stdout)")
        let leopardRow = summary.stdout.split(separator: "\n").first { $0.hasPrefix("Panthera pardus orientalis") }
        #expect(leopardRow.map { $0.split(separator: " ", omittingEmptySubsequences: true).suffix(5) } == ["0", "0", "1", "1", "0"],
                "\(summary.stdout)")
        let publicView = try RosetteBinary.run(["triage", "species", "--role", "public", "--survey", survey])
        #expect(publicView.stdout.contains("2 box(es)") && publicView.stdout.contains("1 photo(s) withheld from --role public"),
                "\(publicView.stdout)")

        let applied = try RosetteBinary.run(["triage", "species", "--species-threshold", "0.4", "--apply", "--survey", survey])
        #expect(applied.stdout.contains("Stored 2 box species and 1 burst species"), "\(applied.stdout)")
        let again = try RosetteBinary.run(["triage", "species", "--species-threshold", "0.4", "--apply", "--survey", survey])
        #expect(again.stdout.contains("3 from an earlier apply replaced"), "\(again.stdout)")

        let out = dir.path("public.json")
        let exported = try RosetteBinary.run(["triage", "export", "--out", out.path, "--role", "public", "--survey", survey])
        #expect(exported.stdout.contains("2 image(s)") && exported.stdout.contains("1 photo(s) withheld from --role public"), "\(exported.stdout)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(!text.contains("IMG_0003") && text.contains("IMG_0001"))
        let owner = try RosetteBinary.run(["triage", "export", "--out", dir.path("owner.json").path, "--survey", survey])
        #expect(owner.stdout.contains("3 image(s)"), "\(owner.stdout)")
        let bad = try RosetteBinary.run(["triage", "species", "--role", "visitor", "--survey", survey])
        #expect(bad.status != 0 && bad.stderr.contains("--role must be one of"))
    }
}
