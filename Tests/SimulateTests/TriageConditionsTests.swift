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

    /// For each empty burst, the largest changed share between its frame 0 and a later frame.
    private func emptyBurstChanges(_ settings: SimulationSettings, name: String) throws -> [String: Double] {
        let out = temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: PPMEncoder())
        let files = try snapshot(out.appendingPathComponent("photos"))
        var changes: [String: Double] = [:]
        for (sequence, rows) in Dictionary(grouping: run.truth, by: \.sequence)
        where rows.count >= 2 && rows.allSatisfy({ $0.observationType == "blank" }) {
            let frames = rows.sorted { $0.filePath < $1.filePath }.map { files[$0.filePath]! }
            changes[sequence] = frames.dropFirst().map { changedShare(frames[0], $0) }.max() ?? 0
        }
        return changes
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
        // The same survey (the same empty triggers) calm and with the field light and wind, without small animals.
        var calm = smallSettings(seed: 4)
        calm.photos.width = 384
        calm.photos.height = 288
        calm.photos.falseTriggersPerDay = 0.5
        var lit = calm
        lit.useTriageConditions(.field, speciesScale: 0)
        #expect(lit.otherSpecies == calm.otherSpecies && lit.photos.triage == .field)
        let still = try emptyBurstChanges(calm, name: "triage-still")
        let field = try emptyBurstChanges(lit, name: "triage-field")
        #expect(still.count >= 10 && Set(still.keys) == Set(field.keys))
        let rises = field.filter { $0.value > (still[$0.key] ?? 1) + 0.03 }
        #expect(rises.count * 5 >= field.count, "\(rises.count) of \(field.count) empty bursts change more: field \(field), calm \(still)")
        let mean = { (c: [String: Double]) in c.values.reduce(0, +) / Double(max(1, c.count)) }
        #expect(mean(field) > mean(still) + 0.01, "field \(mean(field)) vs calm \(mean(still))")
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
