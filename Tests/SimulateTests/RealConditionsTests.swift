import Core
import Foundation
import Testing
@testable import Simulate

/// The `real` conditions: the hard development set for identification (issue #14, item 4).
@Suite struct RealConditionsTests {
    /// Pearson correlation of two coats' luminance.
    private func correlation(_ a: CoatTexture, _ b: CoatTexture) -> Double {
        let n = min(a.rgb.count, b.rgb.count) / 3
        var sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
        for i in 0..<n {
            let x = Double(a.rgb[3 * i]) + Double(a.rgb[3 * i + 1]), y = Double(b.rgb[3 * i]) + Double(b.rgb[3 * i + 1])
            sa += x; sb += y; saa += x * x; sbb += y * y; sab += x * y
        }
        let N = Double(n)
        return (sab - sa * sb / N) / ((saa - sa * sa / N).squareRoot() * (sbb - sb * sb / N).squareRoot())
    }

    @Test func winterCoatIsTheSameLayoutLookingDifferent() {
        let body = BodyModel.make(.leopard)
        let summer = CoatTexture.leopard(model: body, seed: 11), winter = CoatTexture.leopard(model: body, seed: 11, winter: true)
        let other = CoatTexture.leopard(model: body, seed: 12)
        #expect(summer.rgb != winter.rgb)
        let same = correlation(summer, winter), different = correlation(other, winter)
        #expect(same < 0.97, "the winter coat should look different (r=\(same))")
        #expect(same > different + 0.1, "same animal r=\(same), another animal r=\(different)")
    }

    @Test(arguments: [(month: 11, winter: true), (month: 2, winter: true), (month: 4, winter: false), (month: 10, winter: false)])
    func winterCoatMonths(month: Int, winter: Bool) {
        #expect(Conditions.isWinterCoatMonth(month) == winter)
    }

    @Test func texturedSceneHasMoreFineDetailThanTheFieldScene() {
        func detail(_ s: SceneBackground) -> Double {
            var sum = 0.0
            for y in Int(s.horizon)..<(s.height - 1) {
                for x in 0..<(s.width - 1) {
                    let i = y * s.width + x
                    sum += abs(Double(s.night[i]) - Double(s.night[i + 1])) + abs(Double(s.night[i]) - Double(s.night[i + s.width]))
                }
            }
            return sum / Double(s.width * (s.height - Int(s.horizon)))
        }
        let plain = SceneBackground(width: 512, height: 384, month: 11, seed: 5)
        let textured = SceneBackground(width: 512, height: 384, month: 11, seed: 5, textured: true)
        #expect(plain.horizon == textured.horizon)
        #expect(detail(textured) > detail(plain) * 1.15, "textured \(detail(textured)) vs plain \(detail(plain))")
    }

    @Test func infraredBloomSpreadsLightBeyondTheAnimal() {
        let W = 200, H = 120
        var frame = [UInt8](repeating: 40, count: W * H)
        for y in 40..<80 { for x in 60..<140 { frame[y * W + x] = 235 } }
        let before = frame
        var rng = SeededGenerator(seed: 3)
        frame.withUnsafeMutableBufferPointer {
            FrameRenderer.applyInfraredArtefacts(box: (60, 40, 80, 40), direction: 1, stride: 1, into: $0, width: W, height: H, rng: &rng)
        }
        #expect(frame[38 * W + 100] > before[38 * W + 100] + 5, "bloom above the box")
        #expect(frame[0] == before[0], "far from the animal nothing changes")
    }

    private func row(_ id: String, individual: String, station: String, day: Int, frame: Int, box: [Double] = [0.3, 0.4, 0.3, 0.2]) -> TruthRecord {
        TruthRecord(filePath: "\(station)/A/IMG_\(id).JPG", deploymentID: "\(station)-A", trueTimestamp: String(format: "2024-11-%02dT01:00:0%d+10:00", day, frame),
                    exifDateTimeOriginal: "", sequence: "", species: "Panthera pardus orientalis", individualID: individual, side: "left",
                    bbox: box, conditions: "real", isNight: true, observationType: "animal", lifeStage: "adult", sex: "female")
    }

    @Test func compositionGivesOneAnimalHalfThePhotosAndSomeAHandful() {
        var rows: [TruthRecord] = []
        var n = 0
        // 8 individuals, 10 encounters of 3 frames each at 5 stations.
        for k in 0..<8 {
            for e in 0..<10 {
                for f in 0..<3 {
                    n += 1
                    rows.append(row("\(n)", individual: "L\(k)", station: "S0\(e % 5)", day: 1 + e + k % 3, frame: f))
                }
            }
        }
        let kept = ReidDataset.select(rows, composition: .init(individuals: 6, dominantShare: 0.5, fewIndividuals: 3, fewPhotos: 2...5),
                                      seed: 9)
        let counts = Dictionary(grouping: kept, by: \.individualID).mapValues(\.count)
        #expect(counts.count == 6)
        let top = counts.values.max()!
        #expect(abs(Double(top) / Double(kept.count) - 0.5) < 0.05, "\(counts)")
        let few = counts.values.filter { $0 <= 5 }
        #expect(few.count == 3 && few.allSatisfy { $0 >= 2 }, "\(counts)")
        for (id, _) in counts where counts[id]! <= 5 {
            let encounters = Set(kept.filter { $0.individualID == id }.map(ReidDataset.encounter))
            #expect(encounters.count >= 2, "\(id): a handful of photos still comes from two encounters")
        }
    }

    @Test func fullFrameBoxesAreLooseAndInsideTheFrame() {
        let options = ReidDataset.Options.real(frameWidth: 1000, frameHeight: 800, seed: 4)
        var looser = 0
        for k in 0..<50 {
            let r = row("\(k)", individual: "L1", station: "S01", day: 3, frame: 0, box: [0.05, 0.3, 0.5, 0.3])
            let b = try! #require(ReidDataset.pixelBox(r, width: 1000, height: 800, options: options))
            #expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 1000 && b.y1 <= 800)
            #expect(b.x0 <= 50 && b.y0 <= 240 && b.x1 >= 550 && b.y1 >= 480, "the box holds the whole animal")
            if b.x1 - 550 > 40 { looser += 1 }
        }
        #expect(looser > 25, "most boxes take in scene beyond the animal")
    }

    @Test func simulatedRealSurveyWritesAFullFrameDatasetWithCameras() throws {
        let out = temporaryDirectory("real")
        defer { try? FileManager.default.removeItem(at: out) }
        let settings = smallSettings(seed: 41, conditions: .real)
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: JPEGPhotoEncoder())
        var options = ReidDataset.Options.real(frameWidth: settings.photos.width, frameHeight: settings.photos.height, seed: 41)
        options.minimumPixels = 8
        let n = try ReidDataset.write(truth: run.truth, photos: out.appendingPathComponent("photos"), to: out.appendingPathComponent("reid"), options: options)
        #expect(n > 0)
        let csv = try CSVReader(contentsOf: out.appendingPathComponent("reid/metadata.csv"))
        #expect(csv.header == ["image_id", "identity", "path", "side", "encounter", "camera", "timestamp",
                               "bbox_x", "bbox_y", "bbox_w", "bbox_h", "night", "winter", "partial"])
        for r in csv.records.prefix(20) {
            #expect(r.fields[2].hasPrefix("../photos/"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("reid").appendingPathComponent(r.fields[2]).path))
            #expect(r.fields[5].hasPrefix("S") && r.fields[5].contains("-"))
        }
    }
}
