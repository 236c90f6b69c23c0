import Foundation
import Core
import Imaging

/// Writes a synthetic SD-card dump: `Sxx/A/IMG_nnnn.JPG` copies of template JPEGs, each with its own
/// EXIF time, serial and make/model (so every file is distinct), plus a matching deployments CSV.
struct CardDump {
    var stations: Int
    var perStation: Int
    var templates: [[UInt8]]

    /// Template JPEGs: the real camera-trap photos under `source` when given, else generated ones.
    static func loadTemplates(source: URL?) throws -> [[UInt8]] {
        if let source, let e = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil) {
            var found: [[UInt8]] = []
            for case let url as URL in e where url.pathExtension.uppercased() == "JPG" {
                let bytes = [UInt8](try Data(contentsOf: url))
                if (try? MetadataWriter.apply(.init(dateTimeOriginal: "2024:01:01 00:00:00"), to: bytes)) != nil { found.append(bytes) }
            }
            if !found.isEmpty { return found }
        }
        return try (0..<8).map { seed in
            let w = 640, h = 480
            var pixels = [UInt8](repeating: 0, count: w * h)
            var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
            for i in pixels.indices {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                pixels[i] = UInt8(truncatingIfNeeded: (i % w) / 3 + Int(state >> 59))
            }
            return try pixels.withUnsafeBufferPointer { try JPEGEncoder.encode(pixels: $0, width: w, height: h, channels: 1, quality: 85) }
        }
    }

    /// Writes the dump under `out` and returns how many photos were written.
    @discardableResult
    func write(to out: URL, deploymentsCSV: URL) throws -> Int {
        var csv = ["deploymentID,locationID,locationName,latitude,longitude,deploymentStart,deploymentEnd,cameraID,cameraModel,timezone,jurisdiction"]
        for s in 0..<stations {
            let name = String(format: "S%03d", s + 1)
            csv.append("\(name)-A,\(name),\(name),\(43.0 + Double(s % 20) * 0.01),\(131.2 + Double(s / 20) * 0.01),"
                       + "2024-09-01,2024-12-31,A,Bench Cam,Asia/Vladivostok,\(s % 5 == 0 ? "CN" : "RU")")
        }
        try FileManager.default.createDirectory(at: deploymentsCSV.deletingLastPathComponent(), withIntermediateDirectories: true)
        try csv.joined(separator: "\n").appending("\n").write(to: deploymentsCSV, atomically: true, encoding: .utf8)
        let templates = self.templates
        let perStation = self.perStation
        let written = Parallel.map(count: stations, workers: ProcessInfo.processInfo.activeProcessorCount, context: { () }) { s, _ -> Int in
            let name = String(format: "S%03d", s + 1)
            let folder = out.appendingPathComponent("\(name)/A")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var count = 0
            for i in 0..<perStation {
                // Bursts of 3 frames one second apart, bursts ~37 minutes apart, from 1 September.
                let t = (i / 3) * 2237 + (i % 3)
                let day = 1 + t / 86400, rest = t % 86400
                let time = String(format: "2024:09:%02d %02d:%02d:%02d", min(day, 30), rest / 3600, rest / 60 % 60, rest % 60)
                let update = MetadataWriter.Update(dateTimeOriginal: time, make: "BENCH", model: "Card \(name)",
                                                   serialNumber: "SN\(name)-\(i)")
                guard let bytes = try? MetadataWriter.apply(update, to: templates[(s + i) % templates.count]) else { continue }
                let url = folder.appendingPathComponent(String(format: "IMG_%05d.JPG", i + 1))
                if (try? Data(bytes).write(to: url)) != nil { count += 1 }
            }
            return count
        }
        return written.reduce(0, +)
    }
}


