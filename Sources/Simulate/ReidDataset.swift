import Core
import Foundation
import Imaging

/// Writes a re-identification dataset from a simulated survey's leopard photos: flank crops and a
/// `metadata.csv` with `image_id,identity,path,side,encounter` (the format `rosette reid eval` reads).
///
/// An encounter is one station on one day (frames of a burst, and the two cameras of a pair, are one
/// encounter), so an evaluation that scores queries only against other encounters is honest.
public enum ReidDataset {
    /// Crops every leopard box (with a 5% margin) from the photos under `photos` into `directory/images`.
    /// Boxes smaller than `minimumPixels` on either side are left out. Returns the number of crops written.
    @discardableResult
    public static func write(truth: [TruthRecord], photos: URL, to directory: URL, minimumPixels: Int = 48) throws -> Int {
        let images = directory.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let rows = truth.filter { !$0.individualID.isEmpty && $0.bbox != nil }
        let lines = Parallel.map(count: rows.count, workers: ProcessInfo.processInfo.activeProcessorCount, context: { ImageDecoder() }) { i, decoder -> String? in
            let row = rows[i]
            guard let box = row.bbox,
                  let view = try? decoder.decode(path: photos.appendingPathComponent(row.filePath).path, mode: .color) else { return nil }
            let w = Double(view.width), h = Double(view.height)
            let mx = box[2] * w * 0.05, my = box[3] * h * 0.05
            let x0 = max(0, Int(box[0] * w - mx)), y0 = max(0, Int(box[1] * h - my))
            let x1 = min(view.width, Int((box[0] + box[2]) * w + mx)), y1 = min(view.height, Int((box[1] + box[3]) * h + my))
            guard x1 - x0 >= minimumPixels, y1 - y0 >= minimumPixels else { return nil }
            var crop = [UInt8](repeating: 0, count: (x1 - x0) * (y1 - y0) * view.channels)
            let rowBytes = (x1 - x0) * view.channels
            for y in y0..<y1 {
                let src = view.pixels + y * view.stride + x0 * view.channels
                crop.withUnsafeMutableBufferPointer { dst in
                    (dst.baseAddress! + (y - y0) * rowBytes).update(from: src, count: rowBytes)
                }
            }
            let name = row.filePath.replacingOccurrences(of: "/", with: "_")
            guard let jpeg = try? crop.withUnsafeBufferPointer({
                try JPEGEncoder.encode(pixels: $0, width: x1 - x0, height: y1 - y0, channels: view.channels, quality: 92)
            }), (try? Data(jpeg).write(to: images.appendingPathComponent(name))) != nil else { return nil }
            let day = row.trueTimestamp.prefix(10)
            let station = row.deploymentID.split(separator: "-").first.map(String.init) ?? row.deploymentID
            return [name.replacingOccurrences(of: ".JPG", with: ""), row.individualID, "images/" + name, row.side, "\(station)_\(day)"]
                .joined(separator: ",")
        }
        let written = lines.compactMap { $0 }
        try (["image_id,identity,path,side,encounter"] + written).joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        return written.count
    }
}
