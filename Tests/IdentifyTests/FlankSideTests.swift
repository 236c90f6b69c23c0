import Foundation
import Identify
import Testing

@Suite struct FlankSideTests {
    @Test(arguments: [
        (FlankSide.left, FlankSide.left, true), (.left, .right, false), (.right, .left, false), (.right, .right, true),
        (.unknown, .left, true), (.unknown, .right, true), (.left, .unknown, true), (.unknown, .unknown, true),
    ])
    func leftOnlyWithLeftRightOnlyWithRightUnknownWithBoth(_ a: FlankSide, _ b: FlankSide, _ comparable: Bool) {
        #expect(a.isComparable(with: b) == comparable)
    }

    @Test(arguments: [("left", FlankSide.left), (" Right", .right), ("", .unknown), ("empty", .unknown)])
    func readsSideText(_ text: String, _ side: FlankSide) {
        #expect(FlankSide(text: text) == side)
    }

    @Test func leftQueryIsComparedWithLeftFlanksOnly() throws {
        let fixture = FlankFixtures.twoSided
        let gallery = try PatternGallery(entries: fixture.entries)
        let query = fixture.entry("L100_left_e0_f0")
        let ranking = try gallery.rank(query.features, filter: QueryFilter(side: .left, excludedEncounter: query.encounter))
        #expect(ranking.first?.individualID == "L100")
        #expect(ranking.allSatisfy { fixture.entry($0.bestEntryKey!).side == .left })
    }

    @Test func aFlankIsNeverMatchedWithTheOtherFlank() throws {
        // Only right flanks in the gallery: a left query has nothing to be compared with.
        let fixture = FlankFixtures.twoSided
        let gallery = try PatternGallery(entries: fixture.entries.filter { $0.side == .right })
        let query = fixture.entry("L102_left_e1_f0")
        #expect(try gallery.rank(query.features, filter: QueryFilter(side: .left)).isEmpty)
        // The same photo with its side unknown is compared with the right flanks but verifies weakly:
        // the two flanks of one leopard carry different patterns.
        let unknown = try gallery.rank(query.features, filter: QueryFilter(side: .unknown))
        #expect(!unknown.isEmpty)
        let genuine = try gallery.rank(fixture.entry("L102_right_e1_f0").features,
                                       filter: QueryFilter(side: .right, excludedEncounter: "L102-right-e1"))
        #expect(genuine.first?.individualID == "L102")
        #expect((unknown.first?.verifiedScore ?? 0) < (genuine.first?.verifiedScore ?? 0) / 3)
    }

    @Test(arguments: ["L101_right_e0_f0", "L106_left_e2_f0"])
    func unknownSideQueryFindsItsIndividualOnEitherFlank(_ key: String) throws {
        let fixture = FlankFixtures.twoSided
        let gallery = try PatternGallery(entries: fixture.entries)
        let query = fixture.entry(key)
        let ranking = try gallery.rank(query.features, filter: QueryFilter(side: .unknown, excludedEncounter: query.encounter))
        let top = try #require(ranking.first)
        #expect(top.individualID == query.individualID)
        #expect(fixture.entry(top.bestEntryKey!).side == query.side)
    }
}
