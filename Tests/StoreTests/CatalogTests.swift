import Core
import Foundation
import Store
import Testing
import TestSupport

@Suite struct CatalogTests {
    /// A survey with three ingested photos; returns the store and their mediaIDs.
    static func survey(_ dir: TemporaryDirectory) throws -> (SurveyStore, [Int64]) {
        let store = try SurveyStore.create(directory: dir.path("S"))
        let run = try store.beginIngestRun(root: "/cards")
        let (rootID, _) = try store.root(for: URL(fileURLWithPath: "/cards"))
        let files = (0..<3).map { i in
            IngestedFile(media: Media(rootID: rootID, filePath: "S01/IMG_\(i).JPG", fileMediatype: "image/jpeg", fileSize: 100,
                                      fileModified: 0, contentKey: "key\(i)"), observations: [], replacing: nil)
        }
        try store.saveIngestBatch(runID: run, files: files, problems: [], unchanged: 0)
        var ids: [Int64] = []
        try store.forEachMedia { ids.append($0.mediaID!) }
        return (store, ids.sorted())
    }

    @Test func individualsAndReferencePhotosAreAttributed() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        try store.addIndividual("L01", name: "Kedrovaya", actor: "anna")
        #expect(throws: CatalogError.individualExists(id: "L01")) { try store.addIndividual("L01", actor: "anna") }
        let photo = try store.addReferencePhoto(individualID: "L01", mediaID: media[0], side: "left", box: [0.1, 0.2, 0.5, 0.4],
                                                actor: "boris")
        try store.editIndividual("L01", IndividualEdit(sex: "female", notes: "torn left ear"), actor: "anna")
        let l01 = try store.individual("L01")
        #expect(l01.name == "Kedrovaya" && l01.sex == "female" && l01.notes == "torn left ear")
        #expect(l01.referencePhotos.map(\.id) == [photo])
        #expect(l01.referencePhotos.first?.filePath == "/cards/S01/IMG_0.JPG")
        #expect(l01.referencePhotos.first?.box == [0.1, 0.2, 0.5, 0.4])
        let log = try store.changes(entity: "individual", id: "L01")
        #expect(log.map(\.action) == ["create", "addReferencePhoto", "edit"])
        #expect(log.map(\.actor) == ["anna", "boris", "anna"])
        #expect(throws: CatalogError.unknownIndividual(id: "L99")) { try store.individual("L99") }
        #expect(throws: CatalogError.unknownMedia(id: 999)) {
            try store.addReferencePhoto(individualID: "L01", mediaID: 999, side: "left", box: nil, actor: "anna")
        }
    }

    @Test func mergeKeepsTheMergedIndividualAndMovesItsPhotos() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        try store.addIndividual("L01", actor: "anna")
        try store.addIndividual("L02", actor: "anna")
        try store.addReferencePhoto(individualID: "L01", mediaID: media[0], side: "left", box: nil, actor: "anna")
        let moved = try store.addReferencePhoto(individualID: "L02", mediaID: media[1], side: "left", box: nil, actor: "anna")
        #expect(throws: CatalogError.mergeIntoItself(id: "L01")) { try store.mergeIndividual("L01", into: "L01", actor: "anna") }
        try store.mergeIndividual("L02", into: "L01", actor: "boris")
        let l02 = try store.individual("L02")
        #expect(l02.status == "merged" && l02.mergedInto == "L01" && l02.referencePhotos.isEmpty)
        #expect(try store.individual("L01").referencePhotos.map(\.id).contains(moved))
        #expect(try store.changes(entity: "individual", id: "L02").last?.detail == "merged into L01; reference photos \(moved)")
        #expect(try store.individuals().map(\.individualID) == ["L01", "L02"])
    }

    @Test func splitMovesChosenPhotosToANewIndividual() throws {
        let dir = TemporaryDirectory()
        let (store, media) = try Self.survey(dir)
        try store.addIndividual("L01", actor: "anna")
        let keep = try store.addReferencePhoto(individualID: "L01", mediaID: media[0], side: "left", box: nil, actor: "anna")
        let split = try store.addReferencePhoto(individualID: "L01", mediaID: media[2], side: "left", box: nil, actor: "anna")
        try store.splitIndividual("L01", photos: [split], into: "L03", actor: "boris")
        #expect(try store.individual("L01").referencePhotos.map(\.id) == [keep])
        #expect(try store.individual("L03").referencePhotos.map(\.id) == [split])
        #expect(throws: CatalogError.unknownReferencePhoto(id: keep, individualID: "L03")) {
            try store.splitIndividual("L03", photos: [keep], into: "L04", actor: "boris")
        }
        #expect(throws: CatalogError.unknownIndividual(id: "L04")) { try store.individual("L04") }
    }
}
