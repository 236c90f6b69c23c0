import Foundation
import Testing
import TestSupport

/// `rosette import camtrap-dp` and `rosette export camtrap-dp` as a user runs them.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct ExchangeCommandTests {
    static let fixtures = SharedData.packageRoot.appendingPathComponent("Tests/ExchangeTests/Fixtures")

    @Test func invalidPackageListsEveryProblemAndExitsNonZero() throws {
        let dir = TemporaryDirectory("cli-exchange")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey]).status == 0)
        let run = try RosetteBinary.run(["import", "camtrap-dp", Self.fixtures.appendingPathComponent("every-problem").path, "--survey", survey])
        #expect(run.status == 1)
        #expect(run.stderr.contains("media.csv:4: column timestamp: '2024-09-05T22:40:00' has no time zone"))
        #expect(run.stderr.contains("observations.csv:1: column observationType: required column missing"))
        #expect(run.stderr.contains("5 problems found; nothing was imported."))
    }

    @Test func importTwiceThenExportPublic() throws {
        let dir = TemporaryDirectory("cli-exchange")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey]).status == 0)
        let package = Self.fixtures.appendingPathComponent("sensitive-stations").path
        let first = try RosetteBinary.run(["import", "camtrap-dp", package, "--survey", survey])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 deployments, 5 media, 4 events, 6 observations added"))
        #expect(first.stdout.contains("3 individual(s) added"))
        let second = try RosetteBinary.run(["import", "camtrap-dp", package, "--survey", survey])
        #expect(second.stdout.contains("0 deployments, 0 media, 0 events, 0 observations added; 17 row(s) already imported"))
        let out = dir.path("public").path
        let export = try RosetteBinary.run(["export", "camtrap-dp", out, "--survey", survey, "--role", "public", "--precision", "5"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("2 deployments, 4 media, 5 observations, 3 individuals; locations generalised to 5 km cells"))
        let again = try RosetteBinary.run(["export", "camtrap-dp", out, "--survey", survey])
        #expect(again.status != 0 && again.stderr.contains("not empty"))
    }
}
