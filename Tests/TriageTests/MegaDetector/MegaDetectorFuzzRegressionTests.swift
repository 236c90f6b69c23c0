import Foundation
import Testing
@testable import Triage

/// Inputs the fuzzer found (`make fuzz`), kept so they stay fixed.
@Suite struct MegaDetectorFuzzRegressionTests {
    /// An image whose "width" is 1e308 trapped converting it to Int; now the size is left out and the rest is read.
    @Test func anImageWidthBeyondAnyPhotoIsLeftOut() throws {
        let data = try Data(contentsOf: TriageFixtures.fixtureURL("md-width-1e308.json"))
        let (batch, _) = try MegaDetectorBatch.parse(data, path: "md-width-1e308.json")
        #expect(!batch.images.isEmpty)
        #expect(batch.images.allSatisfy { ($0.width ?? 0) <= 1_000_000 })
    }
}
