import Foundation
import Testing
@testable import Simulate

@Suite struct TruthTests {
    @Test(arguments: Conditions.allCases)
    func truthMatchesThePhotos(conditions: Conditions) throws {
        let out = temporaryDirectory("truth-\(conditions.rawValue)")
        defer { try? FileManager.default.removeItem(at: out) }
        let settings = smallSettings(seed: 7, conditions: conditions)
        let run = try SurveySimulator(settings: settings).writeSurvey(to: out, encoder: PPMEncoder())
        let photos = out.appendingPathComponent("photos")
        let files = try snapshot(photos)
        // One truth row per photo file, and every row's file exists.
        #expect(files.count == run.truth.count)
        #expect(Set(files.keys) == Set(run.truth.map(\.filePath)))
        // truth.csv on disk has the header and one line per photo.
        let csv = try String(contentsOf: out.appendingPathComponent("truth.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first.map(String.init) == TruthRecord.header)
        #expect(lines.count == run.truth.count + 1)
        for row in run.truth {
            #expect(row.conditions == conditions.rawValue)
            if let box = row.bbox {
                #expect(box[0] >= 0 && box[1] >= 0 && box[2] > 0 && box[3] > 0, "\(row.filePath) box \(box)")
                #expect(box[0] + box[2] <= 1.0001 && box[1] + box[3] <= 1.0001, "\(row.filePath) box \(box) leaves the frame")
                #expect(row.observationType != "blank")
            } else {
                #expect(row.species.isEmpty && row.individualID.isEmpty && row.side.isEmpty && row.observationType == "blank")
            }
            if !row.individualID.isEmpty {
                #expect(row.species == SpeciesSettings.leopardName)
                #expect(row.side == "left" || row.side == "right")
            }
            // Night frames are written grey (PGM), day frames RGB (PPM).
            let header = files[row.filePath]!.prefix(2)
            #expect(header == Data((row.isNight ? "P5" : "P6").utf8), "\(row.filePath) night=\(row.isNight)")
        }
        // Numbering per camera is 1…n without gaps, in time order.
        let byCamera = Dictionary(grouping: run.truth, by: \.deploymentID)
        for (_, rows) in byCamera {
            let numbers = rows.map { Int($0.filePath.split(separator: "_").last!.prefix(4))! }.sorted()
            #expect(numbers == Array(1...rows.count))
            let ordered = rows.sorted { $0.filePath < $1.filePath }
            #expect(ordered.map(\.trueTimestamp) == ordered.map(\.trueTimestamp).sorted())
        }
        // Leopard photos: every leopard pass of the survey yields photos of that animal.
        let leopardRows = run.truth.filter { !$0.individualID.isEmpty }
        let passes = run.simulated.survey.events.filter { if case .leopard = $0.subject { return true } else { return false } }
        #expect(passes.isEmpty || !leopardRows.isEmpty)
        #expect(Set(leopardRows.map(\.individualID)).isSubset(of: Set(run.simulated.histories.individualIDs)))
    }

    @Test func exifTimeIsTrueTimePlusHiddenClockOffset() throws {
        let out = temporaryDirectory("exif")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try SurveySimulator(settings: smallSettings(seed: 11)).writeSurvey(to: out, encoder: PPMEncoder())
        let deployments = Dictionary(uniqueKeysWithValues: run.simulated.survey.deployments.map { ($0.id, $0) })
        #expect(deployments.values.contains { $0.clockOffset != 0 })
        for row in run.truth {
            let offset = deployments[row.deploymentID]!.clockOffset
            let plan = run.simulated.photoPlan().first { $0.relativePath == row.filePath }!
            #expect(row.exifDateTimeOriginal == CivilTime.exif(plan.trueTime + Double(offset), offsetSeconds: 36_000).dateTime)
        }
        let csv = try String(contentsOf: out.appendingPathComponent("deployments.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows[0] == Survey.deploymentsHeader)
        for row in rows.dropFirst() { #expect(row.hasSuffix(","), "clockOffset must stay empty: \(row)") }
    }
}
