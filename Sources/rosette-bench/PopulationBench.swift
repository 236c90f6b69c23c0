import Census
import Core
import Foundation
import Store

/// Times the yearly population table on a large survey: `photos` media rows over 5 years at 100 stations,
/// 1% of them leopards identified as one of `individuals` animals (with birth years, mothers and deaths in the
/// catalog), the rest deer, boar and blanks — the park's proportions.
enum PopulationBench {
    static func run(photos: Int, individuals: Int, work: URL) throws {
        try? FileManager.default.removeItem(at: work)
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let store = try SurveyStore.create(directory: work, settings: settings)
        let zone = try ZoneSpec("+10:00")
        let years = 2020...2024
        var deployments: [(Deployment, [Malfunction])] = []
        for s in 0..<100 {
            for y in years {
                deployments.append((Deployment(deploymentID: String(format: "S%03d-%d", s, y), locationID: String(format: "S%03d", s),
                                               latitude: 43 + Double(s % 10) * 0.02, longitude: 131 + Double(s / 10) * 0.02,
                                               deploymentStart: Timestamp.parse("\(y)-01-01", defaultZone: zone)!,
                                               deploymentEnd: Timestamp.parse("\(y)-12-31", defaultZone: zone, endOfDay: true)!,
                                               timezone: "+10:00", jurisdiction: s < 20 ? "CN" : "RU"), []))
            }
        }
        try store.upsertDeployments(deployments, actor: "bench")
        let run = try store.beginIngestRun(root: "/bench")
        let (root, _) = try store.root(for: URL(fileURLWithPath: "/bench"))
        let start = Date()
        let batch = 20_000
        var rng = SystemRandomNumberGenerator()
        let yearStart = years.map { Timestamp.parse("\($0)-01-01", defaultZone: zone)! }
        for b in stride(from: 0, to: photos, by: batch) {
            var files: [IngestedFile] = []
            for i in b..<min(photos, b + batch) {
                let y = (i / 100) % years.count, station = (i / 7) % 100
                var m = Media(rootID: root, filePath: "p/\(i).JPG", fileMediatype: "image/jpeg", fileSize: 1, fileModified: 0, contentKey: "k\(i)")
                m.deploymentID = String(format: "S%03d-%d", station, years.lowerBound + y)
                m.timestamp = yearStart[y].addingTimeInterval(Double.random(in: 0..<360 * 86_400, using: &rng))
                var o = Observation(mediaID: nil, deploymentID: m.deploymentID, observationType: .animal)
                switch i % 100 {
                case 0:
                    o.scientificName = "Panthera pardus orientalis"
                    o.individualID = String(format: "L%03d", Int.random(in: 0..<individuals, using: &rng))
                    o.classificationMethod = "human"
                case 1...40: o.scientificName = "Cervus nippon"
                case 41...60: o.scientificName = "Sus scrofa"
                default: o.observationType = .blank
                }
                files.append(IngestedFile(media: m, observations: [o], replacing: nil))
            }
            try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        }
        print(String(format: "population: built a survey of %d photos in %.1f s", photos, Date().timeIntervalSince(start)))
        for k in 0..<individuals {
            try store.addIndividual(String(format: "L%03d", k), sex: k % 2 == 0 ? "female" : "male",
                                    history: IndividualEdit(birthYear: k < 50 ? 2021 + k % 3 : 2010 + k % 8), actor: "bench")
        }
        for k in 0..<min(50, individuals) where individuals > 150 {   // 50 cubs of 25 mothers
            try store.editIndividual(String(format: "L%03d", k), IndividualEdit(motherID: String(format: "L%03d", 100 + 2 * (k % 25))), actor: "bench")
        }
        for k in stride(from: 60, to: individuals, by: 25) {
            try store.editIndividual(String(format: "L%03d", k), IndividualEdit(status: "dead",
                                     deathDate: Timestamp.parse("2023-10-01", defaultZone: zone), deathCause: .roadKill), actor: "bench")
        }
        var times: [Double] = []
        var table: PopulationSummary?
        for _ in 0..<3 {
            let t = Date()
            table = try PopulationSummary.build(store: store, species: "Panthera pardus orientalis", zone: zone)
            times.append(Date().timeIntervalSince(t))
        }
        print(String(format: "population: yearly table of %d photos, %d individuals, %d years: %.3f s best of 3 (%.3f s first; target < 2 s)",
                     photos, individuals, table!.years.count, times.min()!, times[0]))
        print("population: known alive by year " + table!.years.map { "\($0.year) \($0.knownAlive) (\($0.byStage["cub"] ?? 0) cubs, \($0.litters.count) litters, \($0.deaths.count) deaths)" }.joined(separator: ", "))
    }
}
