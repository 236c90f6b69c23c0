import Census
import Core
import Foundation
import Store
import Testing
import TestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The yearly population table and report, from a small survey built through the store's API.
@Suite struct PopulationReportTests {
    let zone = try! ZoneSpec("+10:00")

    /// Two stations (RU and CN), leopards L1–L4 over two years; L4 is a cub of L1 born 2024; L2 crosses the border.
    func makeSurvey(_ dir: TemporaryDirectory) throws -> SurveyStore {
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let store = try SurveyStore.create(directory: dir.path("S"), settings: settings)
        func d(_ id: String, _ lat: Double, _ juris: String, _ start: String, _ end: String) -> (Deployment, [Malfunction]) {
            (Deployment(deploymentID: id, locationID: String(id.prefix(3)), locationName: String(id.prefix(3)), latitude: lat, longitude: 131.3,
                        deploymentStart: Timestamp.parse(start, defaultZone: zone)!, deploymentEnd: Timestamp.parse(end, defaultZone: zone, endOfDay: true)!,
                        timezone: "+10:00", jurisdiction: juris), [])
        }
        try store.upsertDeployments([d("S01-23", 43.10, "RU", "2023-09-01", "2023-09-30"), d("S02-23", 43.12, "CN", "2023-09-01", "2023-09-30"),
                                     d("S01-24", 43.10, "RU", "2024-09-01", "2024-09-30"), d("S02-24", 43.12, "CN", "2024-09-01", "2024-09-30")],
                                    actor: "t")
        let run = try store.beginIngestRun(root: "/cards")
        let (root, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let sightings: [(String, String, String, String?)] = [
            ("S01-23", "2023-09-03T02:00:00", "L1", "adult"), ("S02-23", "2023-09-05T03:00:00", "L2", "adult"),
            ("S01-24", "2024-09-03T02:00:00", "L1", "adult"), ("S01-24", "2024-09-04T02:00:00", "L4", "cub"),
            ("S01-24", "2024-09-06T04:00:00", "L2", "adult"), ("S02-24", "2024-09-08T05:00:00", "L2", "adult"),
            ("S02-24", "2024-09-10T23:00:00", "L3", nil)]
        var files: [IngestedFile] = []
        for (i, s) in sightings.enumerated() {
            var m = Media(rootID: root, filePath: "\(s.0)/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 1, fileModified: 0, contentKey: "k\(i)")
            m.deploymentID = s.0
            m.timestamp = Timestamp.parse(s.1 + "+10:00", defaultZone: nil)
            var o = Observation(mediaID: nil, deploymentID: s.0, observationType: .animal)
            o.scientificName = "Panthera pardus orientalis"
            o.individualID = s.2
            o.lifeStage = s.3
            // A detector's box labelled with its category ("animal") is not a species record.
            var box = Observation(mediaID: nil, deploymentID: s.0, observationType: .animal)
            box.speciesLabel = "animal"
            box.source = "triage"
            box.classificationMethod = "machine"
            files.append(IngestedFile(media: m, observations: [o, box], replacing: nil))
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        return store
    }

    @Test func knownAliveByYearStageAndBorder() throws {
        let dir = TemporaryDirectory("population")
        let store = try makeSurvey(dir)
        let juris = Dictionary(uniqueKeysWithValues: try store.deployments().map { ($0.deploymentID, $0.jurisdiction ?? "?") })
        let summary = PopulationSummary(records: try store.detectionRecords(species: "Panthera pardus orientalis"),
                                        catalog: ["L3": CatalogFacts(individualID: "L3", birthYear: 2023, status: "dead",
                                                                     deathDate: Timestamp.parse("2024-11-02", defaultZone: zone), deathCause: "road kill")],
                                        tagged: try store.taggedTraits(), jurisdictions: juris, zone: zone)
        #expect(summary.years.map(\.year) == [2023, 2024])
        let y23 = summary.years[0], y24 = summary.years[1]
        #expect(y23.knownAlive == 2 && y24.knownAlive == 4)
        #expect(y24.newIndividuals == 2)                       // L3 and L4
        #expect(y24.byStage == ["adult": 2, "cub": 1, "subadult": 1])  // L3 born 2023 is a subadult in 2024
        #expect(y24.crossBorder == ["L2"])
        #expect(y24.byJurisdiction == ["RU": 3, "CN": 2])
        #expect(y24.deaths == ["L3"])
        #expect(try store.detectionRecords().count == 7)  // the 7 tagged sightings, not the 7 detector boxes
        #expect(try store.status().taggedSpecies == ["Panthera pardus orientalis": 7])
    }

    @Test func reportWritesTablesFiguresAndGeneralisedLocations() throws {
        let dir = TemporaryDirectory("report")
        let store = try makeSurvey(dir)
        let report = try CensusReport.build(store: store, species: "Panthera pardus orientalis", year: 2024, generaliseMetres: 10_000)
        #expect(report.headline.hasPrefix("4 individuals known alive in 2024 (2 adults, 0 subadults, 1 cubs, 1 of unknown age)"))  // no catalog: stages from tags
        #expect(report.secr.count == 2)                          // one SECR attempt per year
        #expect(report.secr.allSatisfy { $0.fit != nil || $0.failure != nil })
        // Generalised: positions on 10 km cell centres and no station names.
        #expect(report.stations.allSatisfy { ($0.x - 5000).truncatingRemainder(dividingBy: 10_000) == 0 && $0.station.hasPrefix("cell ") })
        let out = dir.path("report")
        let files = try report.write(to: out).map(\.lastPathComponent)
        #expect(Set(files).isSuperset(of: ["report.html", "report.md", "events.csv", "stations.csv", "population.csv", "stations.svg", "trend.svg"]))
        for name in ["stations", "trend", "activity"] {
            let data = try Data(contentsOf: out.appendingPathComponent("figures/\(name).svg"))
            #expect(XMLParser(data: data).parse(), "figures/\(name).svg is not well-formed XML")
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("4 individuals known alive in 2024"))
        #expect(!html.contains("S01") && !html.contains("S02"))  // no station names in a generalised report
        let population = try String(contentsOf: out.appendingPathComponent("population.csv"), encoding: .utf8)
        #expect(population.split(separator: "\n").count == 3)
    }
}
