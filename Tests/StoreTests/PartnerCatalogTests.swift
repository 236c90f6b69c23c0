import Core
import Foundation
import Store
import Testing
import TestSupport

/// Partner catalogs in the store: import under a namespace, re-import replacing it, links through the review log.
@Suite struct PartnerCatalogTests {
    static func batch(_ ids: [String], digest: String = "d1") -> PartnerCatalogBatch {
        PartnerCatalogBatch(
            name: "CN", title: "Northeast Tiger and Leopard Park", packageDigest: digest,
            individuals: ids.map { PartnerIndividual(partnerID: $0, sex: "female", firstYear: 2021, lastYear: 2024, cells: ["cell-10km-479-1183"]) },
            chips: ids.map { PartnerChip(chipID: "c-\($0)", partnerID: $0, side: "left", jpeg: Data([0xFF, 0xD8]), features: Data([1, 2, 3]),
                                         width: 400, height: 200) })
    }

    @Test func importKeepsPartnerIDsApartAndReimportReplacesThem() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        let first = try f.store.importPartner(Self.batch(["P1", "P2"]), actor: "anna")
        #expect(!first.replaced && first.individuals == 2 && first.chips == 2)
        // Partner individuals never enter our catalog, and their IDs cannot be written there.
        #expect(try f.store.individuals().map(\.individualID) == ["L01"])
        #expect(throws: PartnerError.partnerReadOnly(partner: "CN", id: "P1")) {
            try f.store.editIndividual("CN:P1", IndividualEdit(sex: "male"), actor: "anna")
        }
        #expect(throws: PartnerError.partnerReadOnly(partner: "CN", id: "P1")) { try f.store.addIndividual("CN:P1", actor: "anna") }
        #expect(throws: PartnerError.partnerReadOnly(partner: "CN", id: "P2")) {
            try f.store.mergeIndividual("CN:P2", into: "L01", actor: "anna")
        }
        let e = try f.encounter([f.media[0]], proposals: ["L01"])
        #expect(throws: PartnerError.partnerReadOnly(partner: "CN", id: "P2")) {
            try f.store.decide(encounterID: e.encounterID, EncounterDecision(kind: .confirmed, individualID: "CN:P2"), actor: "anna")
        }
        #expect(try f.store.latestDecision(encounterID: e.encounterID) == nil)
        try f.store.saveCrossMatches(partner: "CN", [CrossMatch(partner: "CN", partnerID: "P1", individualID: "L01", rank: 1, score: 9, inliers: 20)])
        let again = try f.store.importPartner(Self.batch(["P2", "P3"], digest: "d2"), actor: "anna")
        #expect(again.replaced && !again.unchanged && again.added == ["P3"] && again.removed == ["P1"] && again.droppedProposals == 1)
        #expect(try f.store.partnerIndividuals("CN").map(\.partnerID) == ["P2", "P3"])
        #expect(try f.store.partnerChips("CN").map(\.chipID) == ["c-P2", "c-P3"])
        let summary = try #require(try f.store.partners().first)
        #expect(summary.name == "CN" && summary.individuals == 2 && summary.chips == 2 && summary.pendingPairs == 0)
    }

    @Test func aLinkIsALogEntryThatUndoReversesAndAVanishedPartnerIDIsReported() throws {
        let f = try ReviewFixture()
        try f.store.addIndividual("L01", actor: "anna")
        try f.store.addIndividual("L02", actor: "anna")
        try f.store.importPartner(Self.batch(["P1", "P2"]), actor: "anna")
        try f.store.saveCrossMatches(partner: "CN", [
            CrossMatch(partner: "CN", partnerID: "P1", individualID: "L01", rank: 1, score: 9, inliers: 20),
            CrossMatch(partner: "CN", partnerID: "P2", individualID: "L02", rank: 1, score: 4, inliers: 8),
        ])
        let tables = ReviewFixture.catalogTables + ["crossLink", "crossRejected"]
        let before = try f.dump(tables)
        let link = try f.store.decideCrossPair(partner: "CN", partnerID: "P1", individualID: "L01", same: true, actor: "boris")
        #expect(link.kind == .link && link.rows.map(\.table) == ["crossLink"])
        #expect(try f.store.crossLinks().map(\.qualifiedPartnerID) == ["CN:P1"])
        #expect(try f.store.pendingCrossMatches(partner: "CN").map(\.partnerID) == ["P2"])
        #expect(throws: PartnerError.alreadyLinked(partner: "CN", id: "P1", individualID: "L01")) {
            try f.store.decideCrossPair(partner: "CN", partnerID: "P1", individualID: "L02", same: true, actor: "boris")
        }
        // "Not": the pair leaves review and is not stored again by a later match.
        try f.store.decideCrossPair(partner: "CN", partnerID: "P2", individualID: "L02", same: false, actor: "boris")
        #expect(try f.store.pendingCrossMatches(partner: "CN").isEmpty)
        let kept = try f.store.saveCrossMatches(partner: "CN", [CrossMatch(partner: "CN", partnerID: "P2", individualID: "L02", rank: 1, score: 4, inliers: 8)])
        #expect(kept.isEmpty)
        // Undo, latest first, through the same log as every decision: both rows go, exactly.
        let last = try #require(try f.store.lastUndoable(actor: "boris"))
        try f.store.undo(entryID: last.id, actor: "boris")
        try f.store.undo(entryID: link.id, actor: "boris")
        #expect(try f.store.crossLinks().isEmpty)
        #expect(try f.dump(tables) == before)
        // A redo puts the link back; a re-import without P1 keeps the link and reports it.
        let undoEntry = try #require(try f.store.lastRedoable(actor: "boris"))
        try f.store.redo(entryID: undoEntry.id, actor: "boris")
        let reimport = try f.store.importPartner(Self.batch(["P2"], digest: "d3"), actor: "anna")
        #expect(reimport.orphanedLinks.map(\.partnerID) == ["P1"])
        #expect(try f.store.crossLinks().map(\.partnerID) == ["P1"])
    }

    @Test(arguments: ["", "C:N", "CN/..", String(repeating: "x", count: 33)])
    func aBadNamespaceImportsNothing(_ name: String) throws {
        let f = try ReviewFixture()
        var b = Self.batch(["P1"])
        b.name = name
        #expect(throws: PartnerError.badNamespace(name: name)) { try f.store.importPartner(b, actor: "anna") }
        #expect(try f.store.partners().isEmpty)
    }
}
