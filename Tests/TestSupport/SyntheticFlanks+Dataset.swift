import Core
import Foundation

extension SyntheticFlanks {
    /// What a synthetic identification dataset holds.
    public struct DatasetSpec: Sendable {
        public var identities: Int = 30
        public var encounters: Int = 4
        /// Photos per encounter (frames of one burst: the same pose with fresh noise).
        public var photosPerEncounter: Int = 1
        /// Flanks photographed: [0] left only, [0, 1] both.
        public var sides: [Int] = [0]
        public var conditions: Conditions = .easy
        /// Write bbox_* columns (the flank's box) in metadata.csv.
        public var boxes: Bool = true
        /// Write the side column (left/right) in metadata.csv.
        public var sideColumn: Bool = true
        /// Write the encounter column (without it every image counts as its own encounter).
        public var encounterColumn: Bool = true
        /// Offset for coat seeds, so that two datasets can have different animals.
        public var firstIdentity: Int = 0

        public init() {}
    }

    /// Writes `images/*.jpg` and `metadata.csv` (image_id, identity, path, side, encounter, bbox_*) into
    /// `directory`; returns the number of images.
    @discardableResult
    public static func writeDataset(_ spec: DatasetSpec, to directory: URL) throws -> Int {
        let images = directory.appendingPathComponent("images")
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        struct Job: Sendable { let identity: Int, side: Int, encounter: Int, frame: Int }
        var list: [Job] = []
        for i in 0..<spec.identities {
            for side in spec.sides {
                for e in 0..<spec.encounters {
                    for f in 0..<spec.photosPerEncounter { list.append(Job(identity: i, side: side, encounter: e, frame: f)) }
                }
            }
        }
        let jobs = list
        let lines = Parallel.map(count: jobs.count, workers: ProcessInfo.processInfo.activeProcessorCount, context: { () }) { n, _ -> Result<String, Error> in
            let job = jobs[n]
            let identity = spec.firstIdentity + job.identity
            let coat = coat(identity: identity, side: job.side)
            var conditions = spec.conditions
            // Frames of one burst share the pose; only noise differs.
            let poseSeed = UInt64(identity * 1000 + job.side * 100 + job.encounter) &* 31 &+ 5
            if job.frame > 0 { conditions.noise += 1 }
            let shot = photo(of: coat, seed: poseSeed, conditions: conditions)
            let id = String(format: "L%03d_%@_e%d_f%d", identity, job.side == 0 ? "left" : "right", job.encounter, job.frame)
            do {
                try Data(try jpeg(shot)).write(to: images.appendingPathComponent(id + ".jpg"))
            } catch { return .failure(error) }
            var fields = [id, String(format: "L%03d", identity), "images/\(id).jpg"]
            fields.append(spec.sideColumn ? (job.side == 0 ? "left" : "right") : "")
            if spec.encounterColumn {
                fields.append(String(format: "L%03d-%@-e%d", identity, job.side == 0 ? "left" : "right", job.encounter))
            }
            if spec.boxes { fields += [shot.box.x, shot.box.y, shot.box.width, shot.box.height].map(String.init) }
            return .success(fields.joined(separator: ","))
        }
        var text = "image_id,identity,path,side" + (spec.encounterColumn ? ",encounter" : "") + (spec.boxes ? ",bbox_x,bbox_y,bbox_w,bbox_h" : "") + "\n"
        for line in lines { text += try line.get() + "\n" }
        try text.write(to: directory.appendingPathComponent("metadata.csv"), atomically: true, encoding: .utf8)
        return jobs.count
    }
}
