import Core
import Foundation
import Imaging

/// Writes a re-identification dataset from a simulated survey's leopard photos, in the format
/// `rosette reid eval` reads (`metadata.csv` with `image_id,identity,path,side,encounter`, …).
///
/// An encounter is one station on one day (frames of a burst, and the two cameras of a pair, are one
/// encounter), so an evaluation that scores queries only against other encounters is honest.
///
/// Two layouts: flank crops under `images/` (the default), or, with `Options.fullFrame`, the survey's own
/// photos referenced as `../photos/…` with the box in pixels (`bbox_x,bbox_y,bbox_w,bbox_h`) and the
/// `camera` and `timestamp` columns, as a real annotated set is given. `metadata.csv` holds the boxes whose
/// animal lies wholly inside the frame unless `includePartial`; `metadata-all.csv` holds every box with
/// `partial=1` marking the ones cut by the frame edge.
public enum ReidDataset {
    /// How the dataset is drawn from the survey.
    public struct Options: Sendable {
        /// Boxes smaller than this on either side (pixels, margin included) are left out.
        public var minimumPixels = 48
        /// Margin added to each side of the animal's box, as a fraction of its width and height, drawn per
        /// photo from this range (loose boxes take in the scene).
        public var margin: ClosedRange<Double> = 0.05...0.05
        /// Reference the full frames with pixel boxes instead of writing crops (needs `frameWidth/Height`).
        public var fullFrame = false
        public var frameWidth = 0
        public var frameHeight = 0
        /// Keep boxes cut by the frame edge (partial flanks) in `metadata.csv`.
        public var includePartial = false
        /// Which individuals and how many of their photos to keep (nil: all).
        public var composition: Composition?
        public var seed: UInt64 = 1

        public init() {}

        /// The layout the `real` conditions call for: full frames, loose boxes, partial flanks kept.
        public static func real(frameWidth: Int, frameHeight: Int, seed: UInt64) -> Options {
            var o = Options()
            o.margin = Conditions.real.datasetBoxMargin
            o.fullFrame = true
            o.frameWidth = frameWidth
            o.frameHeight = frameHeight
            o.includePartial = true
            o.seed = seed
            return o
        }
    }

    /// An unbalanced gallery, as real sets are: one individual with a given share of the photos, a few with
    /// only a handful, the rest in between.
    public struct Composition: Sendable, Equatable {
        /// Individuals kept (those with the most photos and at least two encounters).
        public var individuals: Int
        /// Share of all kept photos that belong to the most-photographed individual.
        public var dominantShare: Double
        /// How many of the kept individuals have only a handful of photos, and how many each.
        public var fewIndividuals: Int
        public var fewPhotos: ClosedRange<Int>

        public init(individuals: Int = 10, dominantShare: Double = 0.5, fewIndividuals: Int = 4, fewPhotos: ClosedRange<Int> = 2...5) {
            self.individuals = individuals
            self.dominantShare = dominantShare
            self.fewIndividuals = fewIndividuals
            self.fewPhotos = fewPhotos
        }
    }

    /// Crops (or references) every leopard box; returns the number of rows in `metadata.csv`.
    /// Boxes smaller than `minimumPixels` on either side are left out.
    @discardableResult
    public static func write(truth: [TruthRecord], photos: URL, to directory: URL, minimumPixels: Int = 48) throws -> Int {
        var options = Options()
        options.minimumPixels = minimumPixels
        return try write(truth: truth, photos: photos, to: directory, options: options)
    }

    /// Writes the dataset with `options`; returns the number of rows in `metadata.csv`.
    @discardableResult
    public static func write(truth: [TruthRecord], photos: URL, to directory: URL, options: Options) throws -> Int {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var rows = truth.filter { !$0.individualID.isEmpty && $0.bbox != nil }
        if let composition = options.composition { rows = select(rows, composition: composition, seed: options.seed) }
        let lines: [String?]
        if options.fullFrame {
            lines = rows.map { fullFrameLine($0, options: options) }
        } else {
            lines = try cropLines(rows, photos: photos, directory: directory, options: options)
        }
        let written = lines.compactMap { $0 }
        let header = options.fullFrame
            ? "image_id,identity,path,side,encounter,camera,timestamp,bbox_x,bbox_y,bbox_w,bbox_h,night,winter,partial"
            : "image_id,identity,path,side,encounter,partial"
        try ([header] + written).joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("metadata-all.csv"), atomically: true, encoding: .utf8)
        let kept: [String]
        if options.includePartial {
            kept = [header] + written
        } else {
            let whole = written.filter { $0.hasSuffix(",0") }.map { String($0.dropLast(2)) }
            kept = [String(header.dropLast(",partial".count))] + whole
        }
        try kept.joined(separator: "\n").appending("\n")
            .write(to: directory.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        return kept.count - 1
    }

    /// The box with its margin, in pixels, clamped to the frame; nil when too small.
    static func pixelBox(_ row: TruthRecord, width: Int, height: Int, options: Options) -> (x0: Int, y0: Int, x1: Int, y1: Int)? {
        guard let box = row.bbox else { return nil }
        var rng = SeededGenerator(seed: SeededGenerator.mix(options.seed, SeededGenerator.hash(row.filePath), 0xB0C5))
        let w = Double(width), h = Double(height)
        let lower = options.margin.lowerBound, upper = options.margin.upperBound
        let left = rng.uniform(lower, upper), right = rng.uniform(lower, upper)
        let top = rng.uniform(lower, upper), bottom = rng.uniform(lower, upper)
        let bw = box[2] * w, bh = box[3] * h
        let x0 = max(0, Int(box[0] * w - left * bw)), y0 = max(0, Int(box[1] * h - top * bh))
        let x1 = min(width, Int(box[0] * w + bw + right * bw)), y1 = min(height, Int(box[1] * h + bh + bottom * bh))
        guard x1 - x0 >= options.minimumPixels, y1 - y0 >= options.minimumPixels else { return nil }
        return (x0, y0, x1, y1)
    }

    static func isPartial(_ row: TruthRecord) -> Bool {
        guard let box = row.bbox else { return false }
        return box[0] <= 0.002 || box[1] <= 0.002 || box[0] + box[2] >= 0.998 || box[1] + box[3] >= 0.998
    }

    /// `S07_2024-09-03`: one station on one day.
    static func encounter(_ row: TruthRecord) -> String {
        let station = row.deploymentID.split(separator: "-").first.map(String.init) ?? row.deploymentID
        return "\(station)_\(row.trueTimestamp.prefix(10))"
    }

    /// `S07-A`: the camera (its scene is the same every year).
    static func camera(_ row: TruthRecord) -> String {
        row.deploymentID.split(separator: "-").prefix(2).joined(separator: "-")
    }

    private static func fullFrameLine(_ row: TruthRecord, options: Options) -> String? {
        guard let b = pixelBox(row, width: options.frameWidth, height: options.frameHeight, options: options) else { return nil }
        let month = Int(row.trueTimestamp.dropFirst(5).prefix(2)) ?? 0
        let winter = row.conditions == Conditions.real.rawValue && Conditions.isWinterCoatMonth(month)
        let id = row.filePath.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: ".JPG", with: "")
        return [id, row.individualID, "../photos/" + row.filePath, row.side, encounter(row), camera(row), row.trueTimestamp,
                "\(b.x0)", "\(b.y0)", "\(b.x1 - b.x0)", "\(b.y1 - b.y0)", row.isNight ? "1" : "0", winter ? "1" : "0",
                isPartial(row) ? "1" : "0"].joined(separator: ",")
    }

    private static func cropLines(_ rows: [TruthRecord], photos: URL, directory: URL, options: Options) throws -> [String?] {
        let images = directory.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        return Parallel.map(count: rows.count, workers: ProcessInfo.processInfo.activeProcessorCount, context: { ImageDecoder() }) { i, decoder -> String? in
            let row = rows[i]
            guard let view = try? decoder.decode(path: photos.appendingPathComponent(row.filePath).path, mode: .color),
                  let b = pixelBox(row, width: view.width, height: view.height, options: options) else { return nil }
            var crop = [UInt8](repeating: 0, count: (b.x1 - b.x0) * (b.y1 - b.y0) * view.channels)
            let rowBytes = (b.x1 - b.x0) * view.channels
            for y in b.y0..<b.y1 {
                let src = view.pixels + y * view.stride + b.x0 * view.channels
                crop.withUnsafeMutableBufferPointer { dst in
                    (dst.baseAddress! + (y - b.y0) * rowBytes).update(from: src, count: rowBytes)
                }
            }
            let name = row.filePath.replacingOccurrences(of: "/", with: "_")
            guard let jpeg = try? crop.withUnsafeBufferPointer({
                try JPEGEncoder.encode(pixels: $0, width: b.x1 - b.x0, height: b.y1 - b.y0, channels: view.channels, quality: 92)
            }), (try? Data(jpeg).write(to: images.appendingPathComponent(name))) != nil else { return nil }
            return [name.replacingOccurrences(of: ".JPG", with: ""), row.individualID, "images/" + name, row.side, encounter(row),
                    isPartial(row) ? "1" : "0"].joined(separator: ",")
        }
    }
}
