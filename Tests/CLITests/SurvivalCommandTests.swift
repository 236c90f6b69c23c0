import Foundation
import Testing
import TestSupport

/// `rosette census survival` and `census trend` driven as a user would.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct SurvivalCommandTests {
    static let dipper = SharedData.root.appendingPathComponent("reference/cjs-dipper/dipper.csv")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: dipper.path),
                   "../shared/reference/cjs-dipper not found beside the project: dipper CLI test skipped"))
    func dipperTableAndJSON() throws {
        let table = try RosetteBinary.run(["census", "survival", "--histories", Self.dipper.path])
        #expect(table.status == 0, "\(table.stderr)")
        for model in ["phi(.)p(.)", "phi(t)p(.)", "phi(.)p(t)", "phi(t)p(t)"] { #expect(table.stdout.contains(model)) }
        #expect(table.stdout.contains("666.838") && table.stdout.contains("670.866"), "\(table.stdout)")

        let one = try RosetteBinary.run(["census", "survival", "--histories", Self.dipper.path, "--model", "phi(.)p(.)", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "phi(.)p(.)" && object["K"] as? Int == 2)
        let phi = try #require((object["phi"] as? [[String: Any]])?.first)
        #expect(abs((phi["estimate"] as? Double ?? 0) - 0.5602) < 5e-5)
        #expect(abs((object["AICc"] as? Double ?? 0) - 670.866) < 5e-4)

        let all = try RosetteBinary.run(["census", "survival", "--histories", Self.dipper.path, "--group", "sex", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 8 && list.contains { $0["model"] as? String == "phi(sex*t)p(sex*t)" })
    }

    @Test func badLinesAreNamedAndAMissingColumnIsAnError() throws {
        let dir = TemporaryDirectory("survival-cli")
        let file = dir.path("h.csv")
        try "ch\n0110\n0111\n1011\n01x1\n11\n1101\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try RosetteBinary.run(["census", "survival", "--histories", file.path, "--model", "phi(.)p(.)"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("h.csv:5: column 'ch' (1): '01x1'") && run.stderr.contains("h.csv:6: column 'ch' (1): history of 2"),
                "\(run.stderr)")
        #expect(run.stdout.contains("4 animals"), "\(run.stdout)")
        try "history\n0110\n".write(to: file, atomically: true, encoding: .utf8)
        let missing = try RosetteBinary.run(["census", "survival", "--histories", file.path])
        #expect(missing.status != 0 && missing.stderr.contains("h.csv") && missing.stderr.contains("no 'ch' column"), "\(missing.stderr)")
    }

    @Test func trendFromADensitiesFile() throws {
        let dir = TemporaryDirectory("trend-cli")
        let file = dir.path("d.csv"), svg = dir.path("trend.svg")
        try "year,estimate,se\n2020,2.0,0.2\n2021,2.2,0.25\n2022,2.5,0.3\n2023,abc,0.3\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try RosetteBinary.run(["census", "trend", "--densities", file.path, "--format", "json", "--svg", svg.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("d.csv:5: column 'estimate' (2): 'abc' is not a number"), "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let lambda = try #require(object["lambda"] as? [String: Any])
        let value = try #require(lambda["estimate"] as? Double)
        #expect(value > 1.05 && value < 1.2)
        #expect((object["years"] as? [Any])?.count == 3)
        #expect(FileManager.default.fileExists(atPath: svg.path))
        try "year,estimate,se\n2020,2.0,0.2\n".write(to: file, atomically: true, encoding: .utf8)
        let single = try RosetteBinary.run(["census", "trend", "--densities", file.path])
        #expect(single.status != 0 && single.stdout.contains("at least 2 years"), "\(single.stdout)\(single.stderr)")
    }
}
