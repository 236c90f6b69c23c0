import Core
import Foundation
import Store
import Testing
import TestSupport

/// `census survival --survey` and `census trend --survey` on a small survey built through the store's API:
/// one station deployed in 2021, 2022 and 2024 (not 2023), twelve identified leopards.
@Suite(.enabled(if: RosetteBinary.isBuilt, "rosette binary not built beside the tests"))
struct SurvivalSurveyCommandTests {
    static func survey(_ dir: TemporaryDirectory) throws -> String {
        let zone = try ZoneSpec("+10:00")
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let path = dir.path("S")
        let store = try SurveyStore.create(directory: path, settings: settings)
        let years = [2021, 2022, 2024]
        try store.upsertDeployments(years.map { y in
            (Deployment(deploymentID: "S01-\(y)", locationID: "S01", locationName: "S01", latitude: 43.1, longitude: 131.3,
                        deploymentStart: Timestamp.parse("\(y)-09-01", defaultZone: zone)!,
                        deploymentEnd: Timestamp.parse("\(y)-09-30", defaultZone: zone, endOfDay: true)!, timezone: "+10:00"), [])
        }, actor: "t")
        // Histories over 2021, 2022, 2024: 111 ×3, 110 ×2, 101, 100 ×2, 011 ×2, 010 ×2.
        let histories = ["111", "111", "111", "110", "110", "101", "100", "100", "011", "011", "010", "010"]
        let run = try store.beginIngestRun(root: "/cards")
        let (root, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        var files: [IngestedFile] = []
        for (i, h) in histories.enumerated() {
            let id = String(format: "L%02d", i + 1)
            try store.addIndividual(id, sex: i % 2 == 0 ? "female" : (i == 11 ? nil : "male"),
                                    history: IndividualEdit(birthYear: i < 4 ? 2021 : nil), actor: "t")   // L01–L04: cubs of 2021
            for (k, c) in h.enumerated() where c == "1" {
                let year = years[k]
                var m = Media(rootID: root, filePath: "S01-\(year)/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 1,
                              fileModified: 0, contentKey: "k\(i)-\(year)")
                m.deploymentID = "S01-\(year)"
                m.timestamp = Timestamp.parse("\(year)-09-\(String(format: "%02d", 2 + i))T02:00:00+10:00", defaultZone: nil)
                var o = Observation(mediaID: nil, deploymentID: m.deploymentID!, observationType: .animal)
                o.scientificName = "Panthera pardus orientalis"
                o.individualID = id
                files.append(IngestedFile(media: m, observations: [o], replacing: nil))
            }
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        return path.path
    }

    @Test func survivalFromTheSurveysYears() throws {
        let dir = TemporaryDirectory("survival-survey")
        let survey = try Self.survey(dir)
        let run = try RosetteBinary.run(["census", "survival", "--survey", survey, "--species", "Panthera pardus orientalis"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("12 animals") && run.stdout.contains("3 occasions"), "\(run.stdout)")
        #expect(run.stdout.contains("(2021–2024)") && run.stdout.contains("phi is per year"), "\(run.stdout)")
        let grouped = try RosetteBinary.run(["census", "survival", "--survey", survey, "--group", "sex"])
        #expect(grouped.stdout.contains("in 3 sex groups (female 6, male 5, unknown 1)"), "\(grouped.stdout)")
        #expect(grouped.stderr.contains("1 individual(s) without sex"), "\(grouped.stderr)")
        let byAge = try RosetteBinary.run(["census", "survival", "--survey", survey, "--group", "age"])
        #expect(byAge.stdout.contains("in 2 age groups (cub 4, unknown 8)"), "\(byAge.stdout)")
        let bad = try RosetteBinary.run(["census", "survival", "--survey", survey, "--group", "colour"])
        #expect(bad.status != 0 && bad.stderr.contains("'sex' (from the catalog) or 'age'"))
    }

    @Test func trendListsEveryCoveredYear() throws {
        let dir = TemporaryDirectory("trend-survey")
        let survey = try Self.survey(dir)
        let run = try RosetteBinary.run(["census", "trend", "--survey", survey, "--buffer", "3000", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        let fitted = (object["years"] as? [[String: Any]] ?? []).compactMap { $0["year"] as? Int }
        let failed = (object["failures"] as? [[String: Any]] ?? []).compactMap { $0["year"] as? Int }
        #expect(Set(fitted + failed) == [2021, 2022, 2024], "\(run.stdout)")   // one line per covered year, none for 2023
        #expect((object["lambda"] == nil) == (fitted.count < 2))
    }
}
