import Foundation
import Testing
import TestSupport

/// `rosette individuals add|edit|show|merge` with life histories, as a user types them.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct IndividualsCommandTests {
    @Test func lifeHistoryOptionsRulesAndDeathPlaceByRole() throws {
        let dir = TemporaryDirectory("individuals")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        let csv = dir.path("d.csv")
        try FixturePhotos.deploymentsCSV(stations: ["S07"]).write(to: csv, atomically: true, encoding: .utf8)
        #expect(try RosetteBinary.run(["deployments", "import", csv.path, "--survey", survey]).status == 0)
        func rosette(_ args: [String]) throws -> RosetteBinary.Output { try RosetteBinary.run(args + ["--survey", survey, "--actor", "anna"]) }
        #expect(try rosette(["individuals", "add", "L07", "--sex", "female", "--birth-year", "2012"]).status == 0)
        let cub = try rosette(["individuals", "add", "L21", "--mother", "L07", "--life-stage", "cub", "--observed-on", "2015-09-03"])
        #expect(cub.status == 0, "\(cub.stderr)")
        // Rules refused with a message, nothing changed.
        let male = try rosette(["individuals", "edit", "L07", "--sex", "male"])
        #expect(male.status != 0 && male.stderr.contains("a mother is female"))
        let badCause = try rosette(["individuals", "edit", "L21", "--status", "dead", "--death-cause", "meteor"])
        #expect(badCause.status != 0 && badCause.stderr.contains("road-kill, poaching, tiger, disease, natural, unknown"))
        let died = try rosette(["individuals", "edit", "L21", "--death-date", "2015-10-12", "--death-cause", "road kill", "--death-place", "S07"])
        #expect(died.status == 0 && died.stdout.contains("status: alive → dead") && died.stdout.contains("road-kill"), "\(died.stderr)")
        let owner = try RosetteBinary.run(["individuals", "show", "L21", "--survey", survey])
        #expect(owner.stdout.contains("died 2015-10-12, road-kill, at S07") && owner.stdout.contains("mother L07"))
        for role in ["public", "partner"] {
            let view = try RosetteBinary.run(["individuals", "show", "L21", "--survey", survey, "--role", role])
            #expect(view.stdout.contains("in the 10 km cell around") && !view.stdout.contains("S07"), "\(role): \(view.stdout)")
        }
        let mother = try RosetteBinary.run(["individuals", "show", "L07", "--survey", survey])
        #expect(mother.stdout.contains("litters: 2015: L21"))
        let list = try RosetteBinary.run(["individuals", "list", "--survey", survey])
        #expect(list.stdout.contains("dead (road-kill)"))
    }
}
