import Core
import Foundation
import Testing
@testable import Simulate

@Suite struct ReidDatasetTests {
    @Test func cropsAndMetadataMatchTheLeopardTruth() throws {
        let out = temporaryDirectory("reid")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try SurveySimulator(settings: smallSettings(seed: 31)).writeSurvey(to: out, encoder: JPEGPhotoEncoder())
        let n = try ReidDataset.write(truth: run.truth, photos: out.appendingPathComponent("photos"),
                                      to: out.appendingPathComponent("reid"), minimumPixels: 8)
        let leopardBoxes = run.truth.filter { !$0.individualID.isEmpty && $0.bbox != nil }
        #expect(n > 0 && n <= leopardBoxes.count)
        let csv = try CSVReader(contentsOf: out.appendingPathComponent("reid/metadata.csv"))
        #expect(csv.header == ["image_id", "identity", "path", "side", "encounter"])
        #expect(csv.records.count == n)
        let truthByImage = Dictionary(uniqueKeysWithValues: leopardBoxes.map { ($0.filePath.replacingOccurrences(of: "/", with: "_"), $0) })
        for r in csv.records {
            let truth = try #require(truthByImage[String(r.fields[2].dropFirst("images/".count))])
            #expect(r.fields[1] == truth.individualID && r.fields[3] == truth.side)
            #expect(r.fields[4] == "\(truth.deploymentID.prefix(3))_\(truth.trueTimestamp.prefix(10))")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("reid/" + r.fields[2]).path))
        }
    }
}
