import Core

/// One box found by a detector: what it is, how sure the detector is, and where.
public struct Detection: Sendable, Hashable {
    /// animal, human or vehicle.
    public var kind: Observation.Kind
    public var confidence: Double
    public var box: RelativeBox

    public init(kind: Observation.Kind, confidence: Double, box: RelativeBox) {
        self.kind = kind
        self.confidence = confidence
        self.box = box
    }

    /// The detection as a machine observation of a media (the store fills in media, method and detector).
    public func observation(label: String? = nil) -> Observation {
        var o = Observation(mediaID: nil, deploymentID: nil, observationType: kind)
        o.speciesLabel = label
        o.bboxX = box.x
        o.bboxY = box.y
        o.bboxWidth = box.width
        o.bboxHeight = box.height
        o.classificationProbability = confidence
        o.classificationMethod = "machine"
        return o
    }

    /// Reads a detection back from a stored machine observation (nil when it has no box).
    public init?(observation o: Observation) {
        guard let x = o.bboxX, let y = o.bboxY, let w = o.bboxWidth, let h = o.bboxHeight else { return nil }
        self.init(kind: o.observationType, confidence: o.classificationProbability ?? 0,
                  box: RelativeBox(x: x, y: y, width: w, height: h))
    }
}
