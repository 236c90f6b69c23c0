import Foundation
import Identify
import Testing
import TestSupport

@Suite struct PatternGalleryTests {
    @Test(arguments: ["L000_left_e0_f0", "L013_left_e2_f0", "L029_left_e3_f0"])
    func identicalPhotoRanksItsIndividualFirst(_ key: String) throws {
        let fixture = FlankFixtures.easy
        let gallery = try PatternGallery(entries: fixture.entries)
        let query = fixture.entry(key)
        let ranking = try gallery.rank(query.features)
        let top = try #require(ranking.first)
        #expect(top.individualID == query.individualID)
        #expect(top.bestEntryKey == key)
        #expect(top.inliers >= 20)
    }

    @Test(arguments: ["L003_left_e1_f0", "L021_left_e0_f0"])
    func sameEncounterPhotosNeitherVoteNorNormalise(_ key: String) throws {
        // Excluding an encounter at query time must give exactly the ranking of a gallery built without it.
        let fixture = FlankFixtures.easy
        let query = fixture.entry(key)
        let subset = Array(fixture.entries.filter { $0.individualID <= "L009" || $0.individualID == query.individualID })
        let full = try PatternGallery(entries: subset, options: .exact)
        let without = try PatternGallery(entries: subset.filter { $0.encounter != query.encounter }, options: .exact)
        let filtered = try full.rank(query.features, filter: QueryFilter(excludedEncounter: query.encounter))
        let reference = try without.rank(query.features)
        #expect(!filtered.isEmpty)
        #expect(filtered == reference)
        #expect(filtered.allSatisfy { $0.bestEntryKey.map { fixture.entry($0).encounter != query.encounter } ?? true })
    }

    @Test func excludedDuplicatesCannotMakeAnIndividualAppear() throws {
        // The query's individual has photos only in the query's own encounter: it must not be proposed at all.
        let fixture = FlankFixtures.easy
        let query = fixture.entry("L005_left_e0_f0")
        let others = fixture.entries.filter { $0.individualID != query.individualID && $0.individualID < "L012" }
        let gallery = try PatternGallery(entries: others + [query])
        let ranking = try gallery.rank(query.features, filter: QueryFilter(excludedEncounter: query.encounter))
        #expect(!ranking.isEmpty)
        #expect(!ranking.contains { $0.individualID == query.individualID })
    }

    @Test func incrementalAddRanksExactlyAsAFullRebuild() throws {
        let fixture = FlankFixtures.easy
        let entries = Array(fixture.entries.filter { $0.individualID < "L012" })
        let late = entries.filter { $0.encounter?.hasSuffix("-e3") == true && $0.individualID < "L006" }
        let early = entries.filter { e in !late.contains { $0.key == e.key } }
        let incremental = try PatternGallery(entries: early, options: .exact)
        for entry in late { try incremental.add(entry) }
        let rebuilt = try PatternGallery(entries: early + late, options: .exact)
        #expect(incremental.descriptorCount == rebuilt.descriptorCount)
        for key in ["L000_left_e0_f0", "L004_left_e1_f0", "L010_left_e2_f0"] {
            let query = fixture.entry(key)
            let filter = QueryFilter(excludedEncounter: query.encounter)
            let a = try incremental.rank(query.features, filter: filter)
            let b = try rebuilt.rank(query.features, filter: filter)
            #expect(!a.isEmpty)
            #expect(a == b)
        }
    }

    @Test func incrementalAddInTheApproximateIndexKeepsTheTopMatch() throws {
        let fixture = FlankFixtures.easy
        let late = fixture.entries.filter { $0.encounter?.hasSuffix("-e3") == true }
        let early = fixture.entries.filter { $0.encounter?.hasSuffix("-e3") != true }
        let incremental = try PatternGallery(entries: early)
        for entry in late { try incremental.add(entry) }
        let rebuilt = try incremental.rebuilt()
        for key in ["L001_left_e0_f0", "L017_left_e2_f0"] {
            let query = fixture.entry(key)
            let filter = QueryFilter(excludedEncounter: query.encounter)
            let a = try incremental.rank(query.features, filter: filter)
            let b = try rebuilt.rank(query.features, filter: filter)
            #expect(a.first?.individualID == query.individualID)
            #expect(a.first?.individualID == b.first?.individualID)
        }
    }
}
