import Core
import Foundation
import Store
import Testing
import TestSupport

/// The catalog's life histories: the rules, merges with conflicts, review decisions that record the animal.
@Suite struct LifeHistoryTests {
    static let zone = try! ZoneSpec("+10:00")

    /// A survey with station S01 (RU) and four photos: three in burst E1 on 2024-09-03, one on 2025-01-10.
    static func survey(_ dir: TemporaryDirectory) throws -> (SurveyStore, [Int64]) {
        var settings = SurveySettings()
        settings.timeZone = "+10:00"
        let store = try SurveyStore.create(directory: dir.path("S"), settings: settings)
        try store.upsertDeployments([(Deployment(deploymentID: "S01-A", locationID: "S01", locationName: "S01", latitude: 43.1, longitude: 131.3,
                                                 deploymentStart: Timestamp.parse("2024-09-01", defaultZone: zone)!,
                                                 deploymentEnd: Timestamp.parse("2025-03-01", defaultZone: zone, endOfDay: true)!,
                                                 timezone: "+10:00", jurisdiction: "RU"), [])], actor: "t")
        let run = try store.beginIngestRun(root: "/cards")
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let times = ["2024-09-03T02:00:00", "2024-09-03T02:00:02", "2024-09-03T02:00:20", "2025-01-10T05:00:00"]
        let files = times.enumerated().map { i, t in
            var m = Media(rootID: rootID, filePath: "S01/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 100, fileModified: 0,
                          contentKey: "key\(i)")
            m.deploymentID = "S01-A"
            m.timestamp = Timestamp.parse(t + "+10:00", defaultZone: nil)
            m.eventID = i < 3 ? "E1" : "E2"
            return IngestedFile(media: m, observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        var ids: [Int64] = []
        try store.forEachMedia { ids.append($0.mediaID!) }
        return (store, ids.sorted())
    }

    enum Broken: String, CaseIterable { case maleMother, unknownSexMother, youngMother, youngByStage, ownMother, cycle, deathWithoutStatus, deathBeforeBirth, unknownPlace }

    @Test(arguments: Broken.allCases)
    func everyRuleIsCheckedAndNothingChanges(_ rule: Broken) throws {
        let dir = TemporaryDirectory()
        let (store, _) = try Self.survey(dir)
        try store.addIndividual("F1", sex: "female", history: IndividualEdit(birthYear: 2018), actor: "anna")
        try store.addIndividual("M1", sex: "male", actor: "anna")
        try store.addIndividual("U1", actor: "anna")
        try store.addIndividual("C1", history: IndividualEdit(birthYear: 2024), actor: "anna")
        let before = try store.individuals()
        let expected: CatalogError
        let edit: () throws -> Void
        switch rule {
        case .maleMother:
            expected = .motherNotFemale(mother: "M1", sex: "male", cub: "C1")
            edit = { try store.editIndividual("C1", IndividualEdit(motherID: "M1"), actor: "b") }
        case .unknownSexMother:
            expected = .motherNotFemale(mother: "U1", sex: nil, cub: "C1")
            edit = { try store.editIndividual("C1", IndividualEdit(motherID: "U1"), actor: "b") }
        case .youngMother:
            expected = .motherTooYoung(mother: "F1", motherBorn: 2023, cub: "C1", cubBorn: 2024)
            edit = { try store.editIndividual("F1", IndividualEdit(birthYear: 2023), actor: "b"); try store.editIndividual("C1", IndividualEdit(motherID: "F1"), actor: "b") }
        case .youngByStage:
            // Seen as a subadult in 2024, so born in 2023: too young to be the mother of a 2024 cub.
            expected = .motherTooYoung(mother: "U1", motherBorn: 2023, cub: "C1", cubBorn: 2024)
            edit = {
                try store.editIndividual("U1", IndividualEdit(sex: "female", lifeStage: .subadult, lifeStageDate: "2024-05-01"), actor: "b")
                try store.editIndividual("C1", IndividualEdit(motherID: "U1"), actor: "b")
            }
        case .ownMother:
            expected = .ownMother(id: "F1")
            edit = { try store.editIndividual("F1", IndividualEdit(motherID: "F1"), actor: "b") }
        case .cycle:
            try store.addIndividual("F2", sex: "female", actor: "anna")
            try store.editIndividual("F2", IndividualEdit(motherID: "F1"), actor: "anna")
            expected = .ancestryCycle(chain: ["F1", "F2", "F1"])
            edit = { try store.editIndividual("F1", IndividualEdit(motherID: "F2"), actor: "b") }
        case .deathWithoutStatus:
            expected = .deathWithoutDeath(id: "M1")
            edit = { try store.editIndividual("M1", IndividualEdit(status: "alive", deathCause: .roadKill), actor: "b") }
        case .deathBeforeBirth:
            expected = .deathBeforeBirth(id: "C1", died: 2023, born: 2024)
            edit = { try store.editIndividual("C1", IndividualEdit(status: "dead", deathDate: Timestamp.parse("2023-06-01", defaultZone: Self.zone)), actor: "b") }
        case .unknownPlace:
            expected = .unknownDeathPlace(place: "S99")
            edit = { try store.editIndividual("M1", IndividualEdit(status: "dead", deathPlace: DeathPlace.parse("S99")), actor: "b") }
        }
        let thrown = #expect(throws: CatalogError.self) { try edit() }
        #expect(thrown == expected, "\(String(describing: thrown))")
        #expect(!(thrown?.description.isEmpty ?? true))
        if rule != .cycle && rule != .youngMother && rule != .youngByStage { #expect(try store.individuals() == before) }
        #expect(try store.individual("C1").motherID == nil)
    }

    @Test func aValidFamilyAndDeathAreKeptAttributedAndAfterDeathDetectionsFlagged() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        try store.addIndividual("F1", sex: "female", history: IndividualEdit(lifeStage: .adult, lifeStageDate: "2022-09-01"), actor: "anna")
        try store.addIndividual("C1", history: IndividualEdit(motherID: "F1", lifeStage: .cub, lifeStageDate: "2024-09-03"), actor: "anna")
        try store.addIndividual("C2", history: IndividualEdit(birthYear: 2024, motherID: "F1"), actor: "anna")
        #expect(try store.litters() == [Litter(motherID: "F1", birthYear: 2024, cubs: ["C1", "C2"])])
        let changes = try store.editIndividual("C1", IndividualEdit(status: "dead", deathDate: Timestamp.parse("2024-10-15", defaultZone: Self.zone),
                                                                    deathCause: .roadKill, deathPlace: .parse("S01")), actor: "boris")
        #expect(changes.contains("status: alive → dead") && changes.contains("deathCause: - → road-kill"))
        let c1 = try store.individual("C1")
        #expect(c1.deathPlace == DeathPlace(locationID: "S01", latitude: 43.1, longitude: 131.3))
        let log = try store.changes(entity: "individual", id: "C1")
        #expect(log.last?.actor == "boris" && log.last?.detail?.contains("deathCause") == true)
        // C1 photographed on 2025-01-10, after its death: flagged, and the observation is still there.
        let e = try store.createEncounter(NewEncounter(eventID: "E2", deploymentID: "S01-A", scientificName: "Panthera pardus orientalis",
                                                       detector: "test", boxes: [IdentificationBox(observationID: nil, mediaID: media[3], eventID: "E2",
                                                       deploymentID: "S01-A", timestamp: nil, path: "", width: 100, height: 100, box: [0.1, 0.1, 0.2, 0.2],
                                                       confidence: 0.9, scientificName: nil)]))
        try store.recordDecision(encounterID: e.encounterID, EncounterDecision(kind: .confirmed, individualID: "C1"), actor: "vera")
        let flagged = try store.detectionsAfterDeath()
        #expect(flagged.map(\.individualID) == ["C1"] && flagged.map(\.mediaID) == [media[3]])
        #expect(try store.reviewObservations(encounterID: e.encounterID).count == 1)
    }

    @Test func aMergeCombinesHistoriesAndListsConflicts() throws {
        let dir = TemporaryDirectory()
        let (store, _) = try Self.survey(dir)
        try store.addIndividual("F1", sex: "female", history: IndividualEdit(birthYear: 2015), actor: "a")
        try store.addIndividual("F2", sex: "female", history: IndividualEdit(birthYear: 2016), actor: "a")
        try store.addIndividual("A", sex: "female", history: IndividualEdit(birthYear: 2020, motherID: "F1"), actor: "a")
        try store.addIndividual("B", sex: "male", history: IndividualEdit(notes: "torn ear", birthYear: 2019, motherID: "F2"), actor: "a")
        let report = try store.mergeIndividual("B", into: "A", actor: "boris")
        #expect(report.conflicts.contains("motherID: A F1, B F2"))
        #expect(report.conflicts.contains("sex: A female, B male"))
        #expect(report.conflicts.contains("birthYear: A 2020, B 2019"))
        #expect(report.copied == ["notes torn ear"])
        let a = try store.individual("A"), b = try store.individual("B")
        #expect(a.motherID == "F1" && a.sex == "female" && a.birthYear == 2020 && a.notes == "torn ear" && b.mergedInto == "A")
        #expect(try store.changes(entity: "individual", id: "A").last?.detail?.contains("conflicts (kept A's)") == true)
    }

    @Test func aMergedMothersCubsFollowHerAndTheRulesStillHold() throws {
        let dir = TemporaryDirectory()
        let (store, _) = try Self.survey(dir)
        try store.addIndividual("X", sex: "female", history: IndividualEdit(birthYear: 2017), actor: "a")
        try store.addIndividual("Y", history: IndividualEdit(birthYear: 2018), actor: "a")
        try store.addIndividual("K", history: IndividualEdit(birthYear: 2024, motherID: "X"), actor: "a")
        let report = try store.mergeIndividual("X", into: "Y", actor: "a")
        #expect(report.cubsMoved == ["K"] && report.copied.contains("sex female"))
        #expect(try store.individual("K").motherID == "Y")
        // A male cannot receive a mother's cubs: the merge is refused and nothing moves.
        try store.addIndividual("M", sex: "male", history: IndividualEdit(birthYear: 2016), actor: "a")
        #expect(throws: CatalogError.motherNotFemale(mother: "M", sex: "male", cub: "K")) { try store.mergeIndividual("Y", into: "M", actor: "a") }
        #expect(try store.individual("K").motherID == "Y")
        #expect(try store.individual("Y").mergedInto == nil)
    }

    @Test func aReviewDecisionRecordsTheAnimalAndProposesTheFemaleOfTheBurstAsMother() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        func encounter(_ m: Int64, area: Double) throws -> Encounter {
            try store.createEncounter(NewEncounter(eventID: "E1", deploymentID: "S01-A", scientificName: "Panthera pardus orientalis", detector: "test",
                                                   boxes: [IdentificationBox(observationID: nil, mediaID: m, eventID: "E1", deploymentID: "S01-A",
                                                                             timestamp: nil, path: "", width: 100, height: 100,
                                                                             box: [0.1, 0.1, area, area], confidence: 0.9, scientificName: nil)]))
        }
        let mother = try encounter(media[0], area: 0.4), cub = try encounter(media[2], area: 0.25)
        try store.addIndividual("F7", actor: "a")
        #expect(try store.proposedMothers(encounterID: cub.encounterID).isEmpty)  // nothing decided in the burst yet
        try store.decide(encounterID: mother.encounterID, EncounterDecision(kind: .confirmed, individualID: "F7", sex: "female",
                                                                            lifeStage: .adult), actor: "vera")
        let f7 = try store.individual("F7")
        #expect(f7.sex == "female" && f7.lifeStage == "adult" && f7.lifeStageDate == "2024-09-03")  // the encounter's day in the survey's zone
        let proposed = try store.proposedMothers(encounterID: cub.encounterID)
        #expect(proposed.map(\.motherID) == ["F7"] && abs(proposed[0].sizeRatio - 0.390625) < 1e-9)
        let outcome = try store.decide(encounterID: cub.encounterID, EncounterDecision(kind: .newIndividual, individualID: "C9", sex: "male",
                                                                                    lifeStage: .cub, motherID: "F7"), actor: "vera")
        #expect(outcome.notes.isEmpty)
        let c9 = try store.individual("C9")
        #expect(c9.motherID == "F7" && c9.sex == "male" && c9.lifeStage == "cub")
        #expect(try store.reviewObservations(encounterID: cub.encounterID).allSatisfy { $0.sex == "male" && $0.lifeStage == "cub" })
        #expect(try store.litters() == [Litter(motherID: "F7", birthYear: 2024, cubs: ["C9"])])
        // A decision naming a male as mother is refused whole.
        try store.addIndividual("M3", sex: "male", actor: "a")
        #expect(throws: CatalogError.self) {
            try store.decide(encounterID: cub.encounterID, EncounterDecision(kind: .newIndividual, individualID: "C10", motherID: "M3"), actor: "v")
        }
        #expect(throws: CatalogError.unknownIndividual(id: "C10")) { try store.individual("C10") }
        // A different sex than the catalog's is noted, and the catalog kept.
        let again = try store.decide(encounterID: cub.encounterID, EncounterDecision(kind: .confirmed, individualID: "C9", sex: "female"), actor: "v")
        #expect(again.notes.count == 1)
        #expect(try store.individual("C9").sex == "male")
    }

    @Test func theReviewKeepsTheStageSightingThatSaysMostAboutTheBirthYear() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        func encounter(_ m: Int64, _ event: String) throws -> Int64 {
            try store.createEncounter(NewEncounter(eventID: event, deploymentID: "S01-A", scientificName: "Panthera pardus orientalis", detector: "t",
                                                   boxes: [IdentificationBox(observationID: nil, mediaID: m, eventID: event, deploymentID: "S01-A",
                                                                             timestamp: nil, path: "", width: 100, height: 100,
                                                                             box: [0.1, 0.1, 0.3, 0.3], confidence: 0.9, scientificName: nil)])).encounterID
        }
        let late = try encounter(media[3], "E2"), early = try encounter(media[0], "E1")
        try store.decide(encounterID: late, EncounterDecision(kind: .newIndividual, individualID: "A1", lifeStage: .adult), actor: "v")
        #expect(try store.individual("A1").lifeStageDate == "2025-01-10")
        // An earlier adult sighting says more (adult since 2024, so born by 2022): it replaces the later one.
        try store.decide(encounterID: early, EncounterDecision(kind: .confirmed, individualID: "A1", lifeStage: .adult), actor: "v")
        #expect(try store.individual("A1").lifeStageDate == "2024-09-03")
        #expect(try store.catalogFacts()["A1"]!.stage(in: 2024) == .adult)
        // A later adult sighting does not undo it.
        try store.decide(encounterID: late, EncounterDecision(kind: .confirmed, individualID: "A1", lifeStage: .adult), actor: "v")
        #expect(try store.individual("A1").lifeStageDate == "2024-09-03")
    }
}
