import Core
import Foundation
import Store
import Testing
import TestSupport
@testable import Triage

@Suite struct MegaDetectorClassificationTests {
    static let paths = ["S01/A/IMG_0001.JPG", "S01/A/IMG_0002.JPG", "S02/A/IMG_0001.JPG"]

    /// A file as Rosette writes it (sorted keys), with classifications, datetime, width and height.
    static let text = """
        {
          "classification_categories": {
            "0": "amur_leopard",
            "1": "Sika Deer",
            "2": "snow gnome"
          },
          "detection_categories": {
            "1": "animal",
            "2": "person",
            "3": "vehicle"
          },
          "images": [
            {
              "datetime": "2024:10:12 05:07:00",
              "detections": [
                {
                  "bbox": [0.1234, 0.2, 0.3, 0.25],
                  "category": "1",
                  "classifications": [
                    ["0", 0.881],
                    ["1", 0.09]
                  ],
                  "conf": 0.912
                },
                {
                  "bbox": [0.5, 0.5, 0.1, 0.2],
                  "category": "1",
                  "conf": 0.42
                }
              ],
              "file": "S01/A/IMG_0001.JPG",
              "height": 1536,
              "width": 2048
            },
            {
              "detections": [],
              "file": "S01/A/IMG_0002.JPG"
            },
            {
              "detections": [
                {
                  "bbox": [0.6, 0.7, 0.3, 0.2],
                  "category": "1",
                  "classifications": [
                    ["2", 0.6]
                  ],
                  "conf": 0.333
                }
              ],
              "file": "S02/A/IMG_0001.JPG"
            }
          ],
          "info": {
            "classifier": "tiny-species",
            "detector": "md_v5a.0.0.pt",
            "format_version": "1.5"
          }
        }

        """

    @Test func classificationsBecomeSpeciesAndExportIdentically() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: Self.paths, in: dir)
        let input = dir.path("md.json")
        try Self.text.write(to: input, atomically: true, encoding: .utf8)
        let s = try MegaDetectorImport(store: store).run(path: input.path)
        #expect(s.matched == 3 && s.detectionsStored == 3 && s.classificationsStored == 3)
        #expect(s.warnings.contains(.unknownLabels(path: input.path, labels: ["snow gnome"])))

        let mediaID = try store.triageMediaRefs().first { $0.filePath == Self.paths[0] }!.mediaID
        let guesses = try store.speciesEvidence(mediaID: mediaID)
        #expect(guesses.map(\.scientificName) == ["Panthera pardus orientalis", "Cervus nippon"])
        #expect(guesses.map(\.label) == ["amur_leopard", "Sika Deer"])
        #expect(guesses.allSatisfy { $0.source == ObservationSource.importedClassification })
        #expect(guesses[0].bbox == [0.1234, 0.2, 0.3, 0.25])

        let boxes = try store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.5)
        let leopard = boxes.first { $0.detectionConfidence == 0.912 }!
        #expect(leopard.scientificName == "Panthera pardus orientalis" && leopard.evidence == .imported)
        #expect(leopard.speciesProbability == 0.881)
        // The photo's other box has no evidence of its own: the photo's species at 0.881 / 2, below 0.5.
        let other = boxes.first { $0.detectionConfidence == 0.42 }!
        #expect(other.evidence == SpeciesEvidence.none)
        let smoothed = try store.speciesBoxes(detectionThreshold: 0.2, speciesThreshold: 0.4).first { $0.detectionConfidence == 0.42 }!
        #expect(smoothed.evidence == .smoothed && smoothed.scientificName == "Panthera pardus orientalis")
        // Unknown label: kept as the species label, never dropped.
        let gnome = boxes.first { $0.detectionConfidence == 0.333 }!
        #expect(gnome.scientificName == nil && gnome.speciesLabel == "snow gnome" && gnome.evidence == .imported)

        let out = try MegaDetectorExport(store: store).batch(detector: "md_v5a.0.0.pt")
        #expect(out.jsonText == Self.text)
        // Re-importing replaces the classifications too.
        _ = try MegaDetectorImport(store: store).run(path: input.path)
        #expect(try store.speciesEvidence(mediaID: mediaID).count == 2)
    }

    @Test func aClassificationWithAnUnknownCategoryIsSkippedWithAWarning() throws {
        let dir = TemporaryDirectory()
        let store = try TriageFixtures.store(paths: Self.paths, in: dir)
        let text = Self.text.replacingOccurrences(of: #"["1", 0.09]"#, with: #"["9", 0.09]"#)
        let (batch, _) = try MegaDetectorBatch.parse(Data(text.utf8), path: "x.json")
        let s = try MegaDetectorImport(store: store).store(batch, path: "x.json")
        #expect(s.classificationsStored == 2)
        #expect(s.warnings.contains(.unknownClassificationCategory(path: "x.json", id: "9", classifications: 1)))
    }
}
