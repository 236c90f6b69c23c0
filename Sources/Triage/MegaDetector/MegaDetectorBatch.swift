import Core

/// A MegaDetector batch results file (format_version 1.4–1.6), as read or to be written.
///
/// Confidences are kept to 3 decimals and boxes to 4, the format's own precision, so a file read, stored,
/// written and read again gives the same values.
public struct MegaDetectorBatch: Sendable, Equatable {
    /// The `info` block as read (format_version, detector, detector_metadata, …), unknown members included.
    public var info: [String: JSONValue]
    /// Category id → name, e.g. "1" → "animal".
    public var detectionCategories: [String: String]
    /// Optional known top-level members carried through unchanged (classification_categories, …).
    public var extras: [String: JSONValue]
    public var images: [Image]

    /// MegaDetector's own categories.
    public static let defaultCategories = ["1": "animal", "2": "person", "3": "vehicle"]
    /// Top-level keys the format defines.
    public static let knownTopLevelKeys: Set<String> = [
        "info", "detection_categories", "images", "classification_categories", "classification_category_descriptions",
    ]
    /// The version written by Rosette.
    public static let formatVersion = "1.5"

    public init(info: [String: JSONValue], detectionCategories: [String: String] = defaultCategories,
                extras: [String: JSONValue] = [:], images: [Image]) {
        self.info = info
        self.detectionCategories = detectionCategories
        self.extras = extras
        self.images = images
    }

    /// One image's entry.
    public struct Image: Sendable, Equatable {
        /// Path as written in the file (forward slashes after reading).
        public var file: String
        /// nil only when `failure` is set.
        public var detections: [Entry]?
        public var failure: String?
        public var width: Int?
        public var height: Int?
        /// The photo's time as the file gave it (e.g. "2024:10:12 05:07:00"), kept verbatim.
        public var datetime: String?

        public init(file: String, detections: [Entry]?, failure: String? = nil, width: Int? = nil, height: Int? = nil,
                    datetime: String? = nil) {
            self.file = file
            self.detections = detections
            self.failure = failure
            self.width = width
            self.height = height
            self.datetime = datetime
        }
    }

    /// One detection entry: category id, confidence, box, and any species classifications of the box.
    public struct Entry: Sendable, Equatable {
        public var category: String
        public var conf: Double
        public var bbox: RelativeBox
        /// `classifications`: [classification category id, confidence] pairs, as listed (best first, usually).
        public var classifications: [Classification]

        public init(category: String, conf: Double, bbox: RelativeBox, classifications: [Classification] = []) {
            self.category = category
            self.classifications = classifications
            self.conf = MegaDetectorBatch.rounded(conf, places: 3)
            self.bbox = RelativeBox(x: MegaDetectorBatch.rounded(bbox.x, places: 4), y: MegaDetectorBatch.rounded(bbox.y, places: 4),
                                    width: MegaDetectorBatch.rounded(bbox.width, places: 4),
                                    height: MegaDetectorBatch.rounded(bbox.height, places: 4))
        }
    }

    /// One species guess for a detection: a `classification_categories` id and its confidence (3 decimals).
    public struct Classification: Sendable, Equatable {
        public var category: String
        public var conf: Double

        public init(category: String, conf: Double) {
            self.category = category
            self.conf = MegaDetectorBatch.rounded(conf, places: 3)
        }
    }

    /// `classification_categories`: id → species name (empty when the file has none).
    public var classificationCategories: [String: String] {
        extras["classification_categories"]?.object?.compactMapValues(\.string) ?? [:]
    }

    /// Rounds through the decimal text, so the value is exactly what reading the written text gives.
    static func rounded(_ value: Double, places: Int) -> Double {
        Double(String(format: "%.\(places)f", value)) ?? value
    }

    /// The observation type of a category name (animal, person/human, vehicle), nil for anything else.
    public static func kind(ofCategoryName name: String) -> Observation.Kind? {
        switch name.lowercased() {
        case "animal": .animal
        case "person", "human": .human
        case "vehicle": .vehicle
        default: nil
        }
    }
}
