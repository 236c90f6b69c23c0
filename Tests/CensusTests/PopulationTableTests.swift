import Census
import Core
import Foundation
import Store
import Testing

/// The yearly population table from hand-made histories: known alive, stages by year, new adults, litters,
/// deaths by cause and jurisdiction, border crossers, flags.
@Suite struct PopulationTableTests {
    let zone = try! ZoneSpec("+10:00")

    func record(_ id: String, _ day: String, _ deployment: String) -> DetectionRecord {
        DetectionRecord(observationID: 0, mediaID: 0, species: "Panthera pardus orientalis", individualID: id, deploymentID: deployment,
                        station: deployment, timestamp: Timestamp.parse(day + "T02:00:00+10:00", defaultZone: nil)!, eventID: nil,
                        filePath: "", classificationMethod: "human")
    }

    @Test func yearsTellTheFamilysStory() throws {
        // F1 (female, adult since 2021) seen 2021 and 2024 — so known alive in 2022 and 2023, unseen.
        // Her litter of 2022: C1 (seen 2022 as a cub; subadult 2023; adult 2024) and C2 (killed on the road at S01 in 2023).
        // M1 seen 2023 in RU and CN (a border crosser), born 2020; T1 seen 2024 after its 2023 death (flagged).
        let records = [record("F1", "2021-09-03", "RU1"), record("F1", "2024-09-03", "RU1"),
                       record("C1", "2022-09-04", "RU1"), record("C1", "2023-09-04", "RU1"), record("C1", "2024-09-04", "CN1"),
                       record("C2", "2022-09-04", "RU1"),
                       record("M1", "2023-09-05", "RU1"), record("M1", "2023-09-07", "CN1"),
                       record("T1", "2024-09-09", "CN1")]
        let catalog: [String: CatalogFacts] = [
            "F1": CatalogFacts(individualID: "F1", sex: "female", lifeStage: "adult", lifeStageDate: "2021-09-03"),
            "C1": CatalogFacts(individualID: "C1", sex: "male", lifeStage: "cub", motherID: "F1", lifeStageDate: "2022-09-04"),
            "C2": CatalogFacts(individualID: "C2", birthYear: 2022, motherID: "F1", status: "dead",
                               deathDate: Timestamp.parse("2023-03-01", defaultZone: zone), deathCause: "road-kill",
                               deathPlace: DeathPlace(locationID: "S01")),
            "M1": CatalogFacts(individualID: "M1", sex: "male", birthYear: 2020),
            "T1": CatalogFacts(individualID: "T1", status: "dead", deathDate: Timestamp.parse("2023-11-20", defaultZone: zone), deathCause: "poaching"),
        ]
        let table = PopulationSummary(records: records, catalog: catalog, tagged: [:], jurisdictions: ["RU1": "RU", "CN1": "CN"],
                                      places: ["S01": "RU"], zone: zone, covering: 2021...2025)
        #expect(table.years.map(\.year) == [2021, 2022, 2023, 2024, 2025])
        let y = Dictionary(uniqueKeysWithValues: table.years.map { ($0.year, $0) })
        #expect(y[2022]!.knownAlive == 3 && y[2022]!.seen == 2)                 // F1 unseen but seen before and after
        #expect(y[2022]!.byStage == ["adult": 1, "cub": 2])
        #expect(y[2022]!.litters == [Litter(motherID: "F1", birthYear: 2022, cubs: ["C1", "C2"])] && y[2022]!.cubsPerLitter == 2)
        #expect(y[2022]!.cubsWithMother == 2 && y[2022]!.newAdults == 0 && y[2021]!.newAdults == 1)
        #expect(y[2023]!.knownAlive == 5)                                        // F1, C1, C2 (died that year), M1, T1 (died that year)
        #expect(y[2023]!.byStage == ["adult": 2, "subadult": 2, "unknown": 1])
        #expect(y[2023]!.newAdults == 1)                                         // M1
        #expect(y[2023]!.deathsByCause == ["road-kill": 1, "poaching": 1] && y[2023]!.deathsByJurisdiction == ["RU": 1, "?": 1])
        #expect(y[2023]!.crossBorder == ["M1"] && y[2023]!.byJurisdiction == ["RU": 2, "CN": 1])
        #expect(y[2024]!.knownAlive == 3 && y[2024]!.newAdults == 1)             // C1 becomes an adult; T1 is flagged
        #expect(y[2024]!.flags.count == 1 && y[2024]!.flags[0].hasPrefix("T1 camera on 2024-09-09"))
        #expect(y[2025]!.knownAlive == 0)                                        // a covered year with nobody seen still has a row
    }

    @Test func otherEvidenceCountsAsSeen() throws {
        let sighting = PopulationSummary.Sighting(individualID: "F1", timestamp: Timestamp.parse("2022-01-15T10:00:00+10:00", defaultZone: nil)!,
                                                  jurisdiction: "CN", method: "scat-dna")
        let table = PopulationSummary(records: [record("F1", "2021-09-03", "RU1")], evidence: [sighting], catalog: [:], tagged: [:],
                                      jurisdictions: ["RU1": "RU"], zone: zone)
        #expect(table.years.map(\.knownAlive) == [1, 1] && table.years[1].byJurisdiction == ["CN": 1])
    }
}
