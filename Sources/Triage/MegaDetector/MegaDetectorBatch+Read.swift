import Foundation

extension MegaDetectorBatch {
    /// Reads a results file. Problems that do not make the file unusable come back as warnings.
    public static func read(path: String) throws -> (batch: MegaDetectorBatch, warnings: [TriageWarning]) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw TriageError.unreadableResults(path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }

    /// Parses the JSON of a results file; `path` names it in messages.
    public static func parse(_ data: Data, path: String) throws -> (batch: MegaDetectorBatch, warnings: [TriageWarning]) {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch {
            throw TriageError.notJSON(path: path, reason: String(describing: error).prefix(200).description)
        }
        guard let top = root.object else { throw TriageError.badValue(path: path, location: "top level", detail: "not a JSON object") }
        var warnings: [TriageWarning] = []
        let unknown = top.keys.filter { !knownTopLevelKeys.contains($0) }.sorted()
        if !unknown.isEmpty { warnings.append(.unknownTopLevelKeys(path: path, keys: unknown)) }

        guard let info = top["info"]?.object else { throw TriageError.missingKey(path: path, key: "info") }
        let version = info["format_version"]?.string ?? info["format_version"]?.number.map { JSONValue.format($0) }
        guard let version else { throw TriageError.missingKey(path: path, key: "info.format_version") }
        if !["1.4", "1.5", "1.6"].contains(version) { warnings.append(.unsupportedFormatVersion(path: path, version: version)) }

        var categories = defaultCategories
        if let cats = top["detection_categories"]?.object {
            categories = [:]
            for (id, name) in cats {
                guard let name = name.string else {
                    throw TriageError.badValue(path: path, location: "detection_categories.\(id)", detail: "the name is not a string")
                }
                categories[id] = name
            }
        } else {
            warnings.append(.defaultCategories(path: path))
        }
        guard let imagesValue = top["images"] else { throw TriageError.missingKey(path: path, key: "images") }
        guard let imageList = imagesValue.array else {
            throw TriageError.badValue(path: path, location: "images", detail: "not a list")
        }
        var images: [Image] = []
        images.reserveCapacity(imageList.count)
        for (index, value) in imageList.enumerated() {
            guard let entry = value.object, let file = entry["file"]?.string, !file.isEmpty else {
                warnings.append(.imageWithoutFile(path: path, index: index))
                continue
            }
            images.append(parseImage(entry, file: file.replacingOccurrences(of: "\\", with: "/"), path: path, warnings: &warnings))
        }
        var extras: [String: JSONValue] = [:]
        for key in ["classification_categories", "classification_category_descriptions"] where top[key] != nil {
            extras[key] = top[key]
        }
        return (MegaDetectorBatch(info: info, detectionCategories: categories, extras: extras, images: images), warnings)
    }

    private static func parseImage(_ entry: [String: JSONValue], file: String, path: String,
                                   warnings: inout [TriageWarning]) -> Image {
        let failure = entry["failure"]?.string
        // A size that is not a whole number of pixels a photo could have (1e308, -3, 2.5) is left out, not trapped on.
        let size = { (key: String) -> Int? in
            entry[key]?.number.flatMap { $0 >= 0 && $0 <= 1_000_000 ? Int(exactly: $0) : nil }
        }
        let datetime = entry["datetime"]?.string
        guard failure == nil else {
            return Image(file: file, detections: nil, failure: failure, width: size("width"), height: size("height"), datetime: datetime)
        }
        var detections: [Entry] = []
        for d in entry["detections"]?.array ?? [] {
            guard let object = d.object else {
                warnings.append(.badDetection(path: path, file: file, detail: "not an object"))
                continue
            }
            let category = object["category"]?.string ?? object["category"]?.number.map { JSONValue.format($0) }
            guard let category else {
                warnings.append(.badDetection(path: path, file: file, detail: "no category"))
                continue
            }
            guard let conf = object["conf"]?.number, (0...1).contains(conf) else {
                warnings.append(.badDetection(path: path, file: file, detail: "conf missing or outside 0–1"))
                continue
            }
            guard let b = object["bbox"]?.array?.compactMap(\.number), b.count == 4, b[2] >= 0, b[3] >= 0 else {
                warnings.append(.badDetection(path: path, file: file, detail: "bbox is not [x, y, width, height]"))
                continue
            }
            var classifications: [Classification] = []
            for pair in object["classifications"]?.array ?? [] {
                let items = pair.array ?? []
                let id = items.first.flatMap { $0.string ?? $0.number.map { JSONValue.format($0) } }
                guard items.count == 2, let id, let c = items[1].number, (0...1).contains(c) else {
                    warnings.append(.badDetection(path: path, file: file, detail: "a classification is not [category, conf]; it was skipped"))
                    continue
                }
                classifications.append(Classification(category: id, conf: c))
            }
            detections.append(Entry(category: category, conf: conf, bbox: RelativeBox(x: b[0], y: b[1], width: b[2], height: b[3]),
                                    classifications: classifications))
        }
        return Image(file: file, detections: detections, failure: nil, width: size("width"), height: size("height"), datetime: datetime)
    }
}
