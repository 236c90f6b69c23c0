import Foundation
import Testing
@testable import Triage

@Suite struct MegaDetectorBatchTests {
    @Test func quirksBecomeWarningsNotFailures() throws {
        let url = TriageFixtures.fixtureURL("md-quirks.json")
        let (batch, warnings) = try MegaDetectorBatch.read(path: url.path)
        #expect(batch.images.count == 6)
        #expect(warnings.contains(.unknownTopLevelKeys(path: url.path, keys: ["timelapse_settings"])))
        #expect(warnings.contains(.imageWithoutFile(path: url.path, index: 6)))
        #expect(batch.images[2].file == "card-2024-10/S02/A/IMG_0001.JPG")
        #expect(batch.images[3].failure == "image access failure" && batch.images[3].detections == nil)
        #expect(batch.images[4].failure == "inference failure")
        #expect(batch.images[2].width == 2048 && batch.images[0].width == nil)
        // Rounded to the format's precision: conf 3 decimals, bbox 4.
        #expect(batch.images[0].detections?[1].conf == 0.042)
        #expect(batch.extras["classification_categories"] != nil)
    }

    @Test(arguments: [
        ("{}", TriageError.missingKey(path: "x.json", key: "info")),
        (#"{"info": {}, "images": []}"#, TriageError.missingKey(path: "x.json", key: "info.format_version")),
        (#"{"info": {"format_version": "1.5"}, "detection_categories": {}}"#, TriageError.missingKey(path: "x.json", key: "images")),
        (#"{"info": {"format_version": "1.5"}, "images": {}}"#, TriageError.badValue(path: "x.json", location: "images", detail: "not a list")),
        ("[1, 2", nil),
    ])
    func unusableFilesFailWithTheirReason(text: String, expected: TriageError?) {
        do {
            _ = try MegaDetectorBatch.parse(Data(text.utf8), path: "x.json")
            Issue.record("parsed")
        } catch let error as TriageError {
            if let expected { #expect(error == expected) } else {
                guard case .notJSON = error else { Issue.record("\(error)"); return }
            }
        } catch { Issue.record("\(error)") }
    }

    @Test(arguments: [("1.3", true), ("1.4", false), ("1.6", false), ("2.0", true)])
    func formatVersionOutsideTheRangeWarns(version: String, warns: Bool) throws {
        let text = #"{"info": {"format_version": "\#(version)"}, "detection_categories": {"1": "animal"}, "images": []}"#
        let (_, warnings) = try MegaDetectorBatch.parse(Data(text.utf8), path: "x.json")
        #expect(warnings.contains(.unsupportedFormatVersion(path: "x.json", version: version)) == warns)
    }

    @Test func writtenTextReadsBackIdentically() throws {
        let (batch, _) = try MegaDetectorBatch.read(path: TriageFixtures.fixtureURL("md-quirks.json").path)
        let text = batch.jsonText
        let (again, warnings) = try MegaDetectorBatch.parse(Data(text.utf8), path: "y.json")
        #expect(again == batch)
        #expect(warnings.isEmpty)
        #expect(text.contains(#""bbox": [0.1234, 0.2, 0.3, 0.25]"#))
        #expect(text.contains(#""detections": null"#))
    }
}
