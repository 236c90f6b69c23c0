import Core
import Foundation

/// The columns of a re-identification dataset (DATASET.md) that flank estimation reads: path, side, encounter,
/// bbox (pixels), camera and timestamp; frames of one camera's burst are grouped for the direction of travel.
public struct FlankDataset: Sendable {
    public struct Image: Sendable, Equatable {
        public var imageID: String
        public var path: String
        /// The side a person gave (`unknown` when the column is empty or absent).
        public var side: FlankSide
        public var encounter: String
        public var box: PixelBox?
        /// The `camera` column, else the folder of the photo (full frames are filed per camera).
        public var camera: String
        public var time: Date?
        public var line: Int
    }

    public let images: [Image]
    /// Whether metadata.csv has a `side` column.
    public let hasSideColumn: Bool

    /// Reads `DIR/metadata.csv` (checked as `ReidDataset` checks it: read that first for its error messages).
    public init(directory: URL) throws {
        let file = directory.appendingPathComponent("metadata.csv")
        let reid = try ReidDataset(directory: directory)
        let csv = try CSVReader(contentsOf: file)
        let col = csv.columnIndex
        let utc = try ZoneSpec("+00:00")
        var images: [Image] = []
        for (record, image) in zip(csv.records, reid.images) {
            func field(_ name: String) -> String? {
                guard let i = col[name], i < record.fields.count else { return nil }
                let value = record.fields[i].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            var time: Date?
            if let raw = field("timestamp") {
                guard let t = Timestamp.parse(raw, defaultZone: utc) else {
                    throw IdentifyError.badDataset(file: file.path, line: record.line,
                                                   detail: "timestamp '\(raw)' is not an ISO 8601 time like 2024-09-03T21:14:05")
                }
                time = t
            }
            images.append(Image(imageID: image.imageID, path: image.path, side: image.side, encounter: image.encounter,
                                box: image.box, camera: field("camera") ?? (image.path as NSString).deletingLastPathComponent,
                                time: time, line: record.line))
        }
        self.images = images
        hasSideColumn = col["side"] != nil
    }

    /// Images in the given order (for tests and callers with their own rows).
    public init(images: [Image], hasSideColumn: Bool = true) {
        self.images = images
        self.hasSideColumn = hasSideColumn
    }

    /// Indices of the images grouped into bursts: one encounter seen by one camera, in time order (then line
    /// order), split where consecutive frames are more than `passGap` seconds apart.
    public func bursts(passGap: Double = 5) -> [[Int]] {
        var groups: [String: [Int]] = [:], order: [String] = []
        for (i, image) in images.enumerated() {
            let key = image.encounter + "\u{1}" + image.camera
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var out: [[Int]] = []
        for key in order {
            let sorted = groups[key]!.sorted {
                (images[$0].time ?? .distantPast, images[$0].line) < (images[$1].time ?? .distantPast, images[$1].line)
            }
            var current: [Int] = []
            for i in sorted {
                if let last = current.last, let a = images[last].time, let b = images[i].time, b.timeIntervalSince(a) > passGap {
                    out.append(current)
                    current = []
                }
                current.append(i)
            }
            if !current.isEmpty { out.append(current) }
        }
        return out
    }
}
