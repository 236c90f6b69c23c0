import Core
import Foundation

/// A labelled identification dataset: `DIR/metadata.csv` with columns `image_id,identity,path` and
/// optionally `side` (left|right|empty), `encounter`, `bbox_x,bbox_y,bbox_w,bbox_h` (pixels; the photo is
/// cropped to the box when present, and the box gives the crop's place in the frame), `camera` (the camera that took
/// the photo: matches on its fixed scene are dropped) and `timestamp` (orders a burst's frames). Paths are relative
/// to DIR unless absolute.
public struct ReidDataset: Sendable {
    public struct Image: Sendable, Equatable {
        public var imageID: String
        public var identity: String
        public var path: String
        public var side: FlankSide
        /// The encounter; an image without one is its own encounter.
        public var encounter: String
        public var box: PixelBox?
        /// The camera that took the photo, when the dataset says.
        public var camera: String?
        /// The photo's time as written (ISO 8601 local), when the dataset says.
        public var timestamp: String?
    }

    public let directory: URL
    public let images: [Image]

    /// Reads `DIR/metadata.csv`; throws `badDataset` naming the file and line of the first problem.
    public init(directory: URL) throws {
        let file = directory.appendingPathComponent("metadata.csv")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw IdentifyError.badDataset(file: file.path, line: 0, detail: "no metadata.csv in the dataset folder")
        }
        let csv = try CSVReader(contentsOf: file)
        if let fatal = csv.fatal { throw IdentifyError.badDataset(file: file.path, line: 0, detail: "\(fatal)") }
        let missing = csv.missing(["image_id", "identity", "path"])
        guard missing.isEmpty else {
            throw IdentifyError.badDataset(file: file.path, line: 1, detail: "missing column(s) \(missing.joined(separator: ", "))")
        }
        let col = csv.columnIndex
        let boxColumns = ["bbox_x", "bbox_y", "bbox_w", "bbox_h"].compactMap { col[$0] }
        var images: [Image] = []
        var seen = Set<String>()
        for record in csv.records {
            func field(_ name: String) -> String? {
                guard let i = col[name], i < record.fields.count else { return nil }
                let value = record.fields[i].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let id = field("image_id"), let identity = field("identity"), let path = field("path") else {
                throw IdentifyError.badDataset(file: file.path, line: record.line, detail: "image_id, identity and path must not be empty")
            }
            guard seen.insert(id).inserted else {
                throw IdentifyError.badDataset(file: file.path, line: record.line, detail: "image_id '\(id)' appears on an earlier line")
            }
            var box: PixelBox?
            if boxColumns.count == 4 {
                let values = ["bbox_x", "bbox_y", "bbox_w", "bbox_h"].map { field($0) }
                if values.allSatisfy({ $0 != nil }) {
                    let numbers = values.compactMap { Double($0!) }
                    guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
                        throw IdentifyError.badDataset(file: file.path, line: record.line,
                                                       detail: "bbox values must be numbers with positive width and height")
                    }
                    box = PixelBox(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
                }
            }
            let absolute = path.hasPrefix("/") ? path : directory.appendingPathComponent(path).path
            images.append(Image(imageID: id, identity: identity, path: absolute, side: FlankSide(text: field("side") ?? ""),
                                encounter: field("encounter") ?? "image:" + id, box: box, camera: field("camera"),
                                timestamp: field("timestamp")))
        }
        self.directory = directory
        self.images = images
    }
}
