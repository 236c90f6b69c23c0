import Foundation

extension MegaDetectorBatch {
    /// The file's JSON text: sorted keys, one image entry per block, boxes on one line.
    public var jsonText: String {
        var top = extras
        var info = self.info
        if info["format_version"] == nil { info["format_version"] = .string(MegaDetectorBatch.formatVersion) }
        top["info"] = .object(info)
        top["detection_categories"] = .object(detectionCategories.mapValues { .string($0) })
        top["images"] = .array(images.map(\.json))
        return JSONValue.object(top).prettyText + "\n"
    }
}

extension MegaDetectorBatch.Image {
    var json: JSONValue {
        var members: [String: JSONValue] = ["file": .string(file)]
        if let failure {
            members["failure"] = .string(failure)
            members["detections"] = .null
        } else {
            members["detections"] = .array((detections ?? []).map { d in
                var entry: [String: JSONValue] = ["category": .string(d.category), "conf": .number(d.conf),
                                                  "bbox": .array([d.bbox.x, d.bbox.y, d.bbox.width, d.bbox.height].map { .number($0) })]
                if !d.classifications.isEmpty {
                    entry["classifications"] = .array(d.classifications.map { .array([.string($0.category), .number($0.conf)]) })
                }
                return .object(entry)
            })
        }
        if let datetime { members["datetime"] = .string(datetime) }
        if let width { members["width"] = .number(Double(width)) }
        if let height { members["height"] = .number(Double(height)) }
        return .object(members)
    }
}
