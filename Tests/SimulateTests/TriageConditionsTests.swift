import Foundation
import Testing
@testable import Simulate

/// Small settings under `TriageConditions.field`, with its small animals.
func fieldTriageSettings(seed: UInt64) -> SimulationSettings {
    var s = smallSettings(seed: seed)
    s.photos.width = 384
    s.photos.height = 288
    s.photos.falseTriggersPerDay = 0.5
    s.useTriageConditions(.field)
    return s
}

/// The field triage conditions (issue #17, item 4): light, wind and small animals that make triage hard.
@Suite struct TriageConditionsTests {
    /// Grey pixels of a PPM/PGM photo, and its size.
    private func grey(_ data: Data) -> (pixels: [Float], width: Int, height: Int) {
        let bytes = [UInt8](data)
        var fields: [String] = [], i = 0
        while fields.count < 4 {
            var token = ""
            while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x20 { token.append(Character(UnicodeScalar(bytes[i]))); i += 1 }
            i += 1
            if !token.isEmpty { fields.append(token) }
        }
        let channels = fields[0] == "P5" ? 1 : 3, w = Int(fields[1])!, h = Int(fields[2])!
        let px = Array(bytes[i...])
        return ((0..<(w * h)).map { p in (0..<channels).reduce(Float(0)) { $0 + Float(px[p * channels + $1]) } / Float(channels) }, w, h)
    }

    /// Share of 4×4 blocks whose mean grey level changes by more than 10 between two frames (what motion sees).
    private func changedShare(_ a: Data, _ b: Data) -> Double {
        let x = grey(a), y = grey(b)
        let bw = x.width / 4, bh = x.height / 4
        var changed = 0
        for j in 0..<bh {
            for i in 0..<bw {
                var d: Float = 0
                for v in 0..<4 { for u in 0..<4 { let p = (j * 4 + v) * x.width + i * 4 + u; d += x.pixels[p] - y.pixels[p] } }
                if abs(d / 16) > 10 { changed += 1 }
            }
        }
        return Double(changed) / Double(bw * bh)
    }

    /// Mean over empty bursts of the largest changed share between frame 0 and a later frame.
    private func emptyBurstChange(_ settings: SimulationSettings, name: String) throws -> (change: Double, bursts: Int) {
        let out = temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: PPMEncoder())
        let files = try snapshot(out.appendingPathComponent("photos"))
        let bursts = Dictionary(grouping: run.truth, by: \.sequence).values
            .filter { rows in rows.count >= 2 && rows.allSatisfy { $0.observationType == "blank" } }
        var total = 0.0
        for rows in bursts {
            let frames = rows.sorted { $0.filePath < $1.filePath }.map { files[$0.filePath]! }
            total += frames.dropFirst().map { changedShare(frames[0], $0) }.max() ?? 0
        }
        return (bursts.isEmpty ? 0 : total / Double(bursts.count), bursts.count)
    }

    @Test func calmIsThePhotosAsBefore() throws {
        let a = temporaryDirectory("triage-calm-nil"), b = temporaryDirectory("triage-calm-explicit")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        var calm = smallSettings(seed: 3)
        calm.useTriageConditions(.calm)
        #expect(calm == smallSettings(seed: 3))
        calm.photos.triageConditions = .calm
        _ = try SurveySimulator(settings: smallSettings(seed: 3)).writeSurvey(to: a, encoder: PPMEncoder())
        _ = try SurveySimulator(settings: calm).writeSurvey(to: b, encoder: PPMEncoder())
        let sa = try snapshot(a.appendingPathComponent("photos")), sb = try snapshot(b.appendingPathComponent("photos"))
        #expect(!sa.isEmpty && sa == sb)
        let json = try String(contentsOf: a.appendingPathComponent("simulation.json"), encoding: .utf8)
        #expect(!json.contains("triageConditions") && !json.contains("smallAnimal"))
    }

    @Test func emptyBurstsOfTheFieldConditionsChangeBetweenFrames() throws {
        var calm = smallSettings(seed: 4)
        calm.photos.width = 384
        calm.photos.height = 288
        calm.photos.falseTriggersPerDay = 0.5
        let still = try emptyBurstChange(calm, name: "triage-still")
        let field = try emptyBurstChange(fieldTriageSettings(seed: 4), name: "triage-field")
        #expect(still.bursts >= 5 && field.bursts >= 5)
        #expect(field.change > 0.01, "field empty bursts change in \(field.change) of the frame")
        #expect(field.change > still.change * 4 + 0.005, "field \(field.change) vs calm \(still.change)")
    }

    @Test func smallAnimalsAreSmallBoxesScoredAsBirdsAndMammals() throws {
        let out = temporaryDirectory("triage-small")
        defer { try? FileManager.default.removeItem(at: out) }
        let settings = fieldTriageSettings(seed: 5)
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: PPMEncoder())
        let small = Dictionary(uniqueKeysWithValues: settings.otherSpecies.compactMap { s in s.smallAnimal.map { (s.scientificName, $0) } })
        #expect(small.count == 3)
        let rows = run.truth.filter { small[$0.species] != nil }
        #expect(rows.count >= 5, "only \(rows.count) small-animal photos")
        for row in rows {
            let box = try #require(row.bbox)
            #expect(box[2] * box[3] < 0.01, "\(row.filePath): \(row.species) box covers \(box[2] * box[3]) of the frame")
            #expect(box[3] * Double(settings.photos.height) >= 12)
        }
        let labels = try String(contentsOf: out.appendingPathComponent("labels.csv"), encoding: .utf8).split(separator: "\n")
        #expect(labels.first.map(String.init) == TruthRecord.labelsHeader)
        #expect(labels.count == run.truth.count + 1)
        #expect(labels.contains { $0.hasSuffix(",animal,pale thrush,bird") } == rows.contains { small[$0.species] == .bird })
        #expect(labels.contains { $0.contains(",animal,") && $0.hasSuffix(",mammal") })
    }
}
