import Core
import Foundation
import Identify
import Store
import Testing
import TestSupport

/// The survey workflow with `[identify] descriptor_model` in rosette.toml: every gallery the catalog builds uses it.
@Suite(.serialized) struct DescriptorWorkflowTests {
    /// The workflow survey of `EncounterWorkflowTests` with the descriptor setting written, reopened.
    static func survey(_ dir: TemporaryDirectory, model: String) throws -> (SurveyStore, truth: [Int64: String]) {
        let (made, truth) = try EncounterWorkflowTests.survey(dir)
        var settings = made.settings
        settings.descriptor.modelPath = model
        settings.descriptor.inputSize = 32
        try settings.tomlText.write(to: made.directory.appendingPathComponent(SurveySettings.fileName), atomically: true, encoding: .utf8)
        let store = try SurveyStore(directory: made.directory)
        #expect(store.settings.descriptor == settings.descriptor)
        let boxes = try store.identificationBoxes(detector: nil, detectionThreshold: 0.2, species: "Panthera pardus")
        for e in EncounterGrouper(scientificName: "Panthera pardus orientalis", detector: "test-detector").encounters(boxes) {
            try store.createEncounter(e)
        }
        return (store, truth)
    }

    @Test func reviewSessionUsesTheSurveyDescriptorAndStillFindsTheRightAnimal() throws {
        let dir = TemporaryDirectory()
        let (store, truth) = try Self.survey(dir, model: DescriptorFixtures.path("tiny-descriptor.onnx"))
        let session = try ReviewSession(review: EncounterReview(store: store))
        #expect(session.gallery.descriptor != nil)
        var known = Set<String>(), catalogued = 0, firstRight = 0
        while let (encounter, proposals, problems) = try session.next() {
            #expect(problems.isEmpty)
            let who = truth[encounter.frames[0].mediaID]!
            if known.contains(who) {
                catalogued += 1
                if proposals.first?.individualID == who { firstRight += 1 }
                try session.decide(encounter.encounterID, EncounterDecision(kind: .confirmed, individualID: who), actor: "anna")
            } else {
                known.insert(who)
                try session.decide(encounter.encounterID, EncounterDecision(kind: .newIndividual, individualID: who), actor: "anna")
            }
        }
        #expect(catalogued == 20)
        #expect(firstRight >= 18, "right individual first in \(firstRight) of \(catalogued)")
        let descriptor = try #require(session.gallery.descriptor)
        #expect(descriptor.ranker.fusion != nil, "calibrated once the catalog held several individuals")
        #expect(descriptor.ranker.global.entries.count == 30)
        // A gallery built afresh from the catalog (as `identify` and the web app do) has it too.
        let rebuilt = try CatalogGallery.build(store: store, cache: FeatureCache(survey: store.directory))
        #expect(rebuilt.descriptor?.ranker.global.entries.count == 30)
        #expect(rebuilt.descriptor?.ranker.fusion != nil)
    }

    @Test func aBadSurveyDescriptorIsRefusedBeforeAnyPhoto() throws {
        let dir = TemporaryDirectory()
        let (store, _) = try Self.survey(dir, model: "models/missing.onnx")
        let error = #expect(throws: IdentifyError.self) { try ReviewSession(review: EncounterReview(store: store)) }
        #expect("\(error.map { "\($0)" } ?? "")".contains(store.directory.appendingPathComponent("models/missing.onnx").path))
    }
}
