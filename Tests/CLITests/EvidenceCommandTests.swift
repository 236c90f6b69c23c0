import Foundation
import Testing
import TestSupport

/// `rosette evidence import/list/assign` driven as a user would.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct EvidenceCommandTests {
    static let csv = """
        timestamp,method,individualID,sampleID,latitude,longitude,cause,field_team
        2024-11-03T06:10:00+10:00,snow-track,L01,,43.11111,131.31111,,A
        2024-11-03T07:10:00+10:00,collar,L01,,43.12222,131.32222,,A
        2024-11-04T07:10:00+10:00,scat,,SC-7,43.13333,131.33333,,B
        2024-11-05T07:10:00+10:00,teleport,L01,,43.1,131.3,,B
        2024-11-05T08:10,sighting,L01,,43.1,131.3,,B
        2024-11-06T07:10:00+10:00,carcass,L77,,43.2,131.4,poaching,C
        """

    @Test func importReportsBadLinesAndIsIdempotentAndListGeneralisesForThePublic() throws {
        let dir = TemporaryDirectory("cli-evidence")
        let survey = dir.path("S").path
        try #require(try RosetteBinary.run(["init", survey, "--time-zone", "Asia/Vladivostok"]).status == 0)
        try #require(try RosetteBinary.run(["individuals", "add", "L01", "--survey", survey]).status == 0)
        let file = dir.path("evidence.csv")
        try Self.csv.write(to: file, atomically: true, encoding: .utf8)

        let first = try RosetteBinary.run(["evidence", "import", file.path, "--survey", survey, "--actor", "ranger"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("\(file.path):5: column method: 'teleport' is not a method"), "\(first.stderr)")
        #expect(first.stderr.contains("\(file.path):7: column individualID: 'L77' is not an individual in the catalog"))
        #expect(first.stderr.contains("unknown column field_team ignored"))
        #expect(first.stderr.contains("\(file.path):6: column timestamp: 1 time without a zone"))
        #expect(first.stdout.contains("Evidence: imported 4 row(s) (snow-track 1, scat-dna 1, gps-collar 1, sighting 1), 0 already present, 2 bad line(s)."),
                "\(first.stdout)")

        let again = try RosetteBinary.run(["evidence", "import", file.path, "--survey", survey, "--add-individuals"])
        #expect(again.stdout.contains("imported 1 row(s) (carcass 1), 4 already present, 1 bad line(s); added individuals L77"), "\(again.stdout)")

        let owner = try RosetteBinary.run(["evidence", "list", "--survey", survey, "--individual", "L01"])
        #expect(owner.stdout.contains("43.11111") && owner.stdout.contains("3 row(s)."), "\(owner.stdout)")
        for role in ["public", "partner"] {   // a partner's printout leaves the survey: generalised as for the public
            let pub = try RosetteBinary.run(["evidence", "list", "--survey", survey, "--role", role])
            #expect(!pub.stdout.contains("43.11111") && !pub.stdout.contains("43.1111"), "\(role): \(pub.stdout)")
            #expect(pub.stdout.contains("locations generalised to a 10 km grid"), "\(role): \(pub.stdout)")
        }
        let scat = try RosetteBinary.run(["evidence", "list", "--survey", survey, "--method", "dna", "--unassigned"])
        #expect(scat.stdout.contains("SC-7") && scat.stdout.contains("1 row(s)."), "\(scat.stdout)")

        let assign = try RosetteBinary.run(["evidence", "assign", "SC-7", "L01", "--survey", survey])
        #expect(assign.status == 0 && assign.stdout.contains("Sample SC-7: 1 row(s) now L01."), "\(assign.stdout)\(assign.stderr)")
        let none = try RosetteBinary.run(["evidence", "assign", "SC-8", "L01", "--survey", survey])
        #expect(none.status != 0 && none.stderr.contains("no evidence with sampleID 'SC-8'"), "\(none.stderr)")
    }
}
