import Store

/// Groups leopard boxes into encounters: the boxes of one animal in one burst.
///
/// Frames of one burst (eventID) show the same animals a second apart, so they are matched and decided on
/// together. When no frame of a burst holds more than one box, the burst is one encounter. When some frame
/// holds several (a mother with cubs), boxes are linked frame to frame by overlap, each box joining the
/// track whose latest box overlaps it most (IoU ≥ `linkOverlap`), else starting a track. Within a frame,
/// a box overlapping a more confident one by more than `duplicateOverlap` is the same animal found twice
/// and is dropped; when a person counted the animals in a photo (tags), only that many boxes are kept,
/// the likeliest first. Photos without a burst are encounters of their own.
///
/// A burst (Camtrap DP event: photos at most a minute apart) can hold several passes: a cub following its
/// mother ten seconds later retriggers the camera into the same burst. Frames more than `passGapSeconds`
/// after the previous frame start a new pass, and passes are grouped separately; the camera's frames of one
/// trigger are about a second apart. Splitting one animal's passes costs a confirmation; merging two animals
/// would lose one from the census.
public struct EncounterGrouper: Sendable {
    public var duplicateOverlap = 0.5
    public var linkOverlap = 0.1
    /// Seconds between consecutive frames of a burst that start a new pass (0: never split a burst).
    public var passGapSeconds = 5.0
    public var scientificName: String?
    public var detector: String?

    public init(scientificName: String?, detector: String?) {
        self.scientificName = scientificName
        self.detector = detector
    }

    /// Encounters in the order of the boxes' first appearance.
    public func encounters(_ boxes: [IdentificationBox]) -> [NewEncounter] {
        var groups: [[IdentificationBox]] = []
        var groupOfEvent: [String: Int] = [:]
        for box in boxes {
            if let event = box.eventID, let g = groupOfEvent[event] {
                groups[g].append(box)
            } else {
                if let event = box.eventID { groupOfEvent[event] = groups.count }
                groups.append([box])
            }
        }
        return groups.flatMap(passes).flatMap { group in
            tracks(group).map { track in
                NewEncounter(eventID: track[0].eventID, deploymentID: track[0].deploymentID,
                             scientificName: Self.mostCommon(track.compactMap(\.scientificName)) ?? scientificName,
                             detector: detector, boxes: track)
            }
        }
    }

    /// One burst's boxes split where the time from one frame to the next exceeds `passGapSeconds`, in time
    /// order (a burst with an undated photo is not split).
    func passes(_ boxes: [IdentificationBox]) -> [[IdentificationBox]] {
        guard passGapSeconds > 0, boxes.count > 1 else { return [boxes] }
        let timed = boxes.enumerated().compactMap { i, b in b.timestamp.map { (time: $0, index: i, box: b) } }
        guard timed.count == boxes.count else { return [boxes] }
        let ordered = timed.sorted { ($0.time, $0.index) < ($1.time, $1.index) }
        var out: [[IdentificationBox]] = [[ordered[0].box]]
        for (previous, next) in zip(ordered, ordered.dropFirst()) {
            if next.time.timeIntervalSince(previous.time) > passGapSeconds { out.append([]) }
            out[out.count - 1].append(next.box)
        }
        return out
    }

    /// One burst's boxes split into tracks of one animal each.
    func tracks(_ boxes: [IdentificationBox]) -> [[IdentificationBox]] {
        // Frames in time order, each frame's boxes most confident first, duplicates dropped.
        var frames: [[IdentificationBox]] = []
        var frameOfMedia: [Int64: Int] = [:]
        for b in boxes {
            if let f = frameOfMedia[b.mediaID] { frames[f].append(b) } else {
                frameOfMedia[b.mediaID] = frames.count
                frames.append([b])
            }
        }
        frames = frames.map { frame in
            var kept: [IdentificationBox] = []
            for b in frame.sorted(by: Self.moreLikelyAnimal)
            where !kept.contains(where: { Self.iou($0.box, b.box) > duplicateOverlap }) {
                kept.append(b)
            }
            // A person counted the animals: boxes beyond that count are fragments of them or something else.
            if let count = frame.compactMap(\.personCount).max(), count >= 1 { kept = Array(kept.prefix(count)) }
            return kept
        }
        if frames.allSatisfy({ $0.count <= 1 }) { return [frames.flatMap { $0 }].filter { !$0.isEmpty } }
        var tracks: [[IdentificationBox]] = []
        for frame in frames {
            var taken = Set<Int>()
            for b in frame {
                let best = tracks.indices.filter { !taken.contains($0) }
                    .map { ($0, Self.iou(tracks[$0].last!.box, b.box)) }
                    .filter { $0.1 >= linkOverlap }
                    .max { $0.1 < $1.1 }
                if let (t, _) = best {
                    tracks[t].append(b)
                    taken.insert(t)
                } else {
                    taken.insert(tracks.count)
                    tracks.append([b])
                }
            }
        }
        return tracks
    }

    /// The most frequent name (the first among equals), nil for none.
    static func mostCommon(_ names: [String]) -> String? {
        var counts: [String: Int] = [:]
        for n in names { counts[n, default: 0] += 1 }
        return names.max { counts[$0]! < counts[$1]! }
    }

    /// Orders a frame's boxes: the more confident first, the larger first among equals (to 0.05).
    static func moreLikelyAnimal(_ a: IdentificationBox, _ b: IdentificationBox) -> Bool {
        let ca = ((a.confidence ?? 1) * 20).rounded(), cb = ((b.confidence ?? 1) * 20).rounded()
        if ca != cb { return ca > cb }
        return a.box[2] * a.box[3] > b.box[2] * b.box[3]
    }

    /// Intersection over union of two [x, y, w, h] boxes.
    static func iou(_ a: [Double], _ b: [Double]) -> Double {
        let w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
        let h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
        guard w > 0, h > 0 else { return 0 }
        let inter = w * h
        return inter / (a[2] * a[3] + b[2] * b[3] - inter)
    }
}
