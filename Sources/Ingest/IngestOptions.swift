import Foundation

/// How `rosette ingest` treats a folder tree.
public struct IngestOptions: Sendable {
    /// Tie every file to this deployment instead of matching folder names.
    public var deploymentID: String?
    /// Read the folder below the station (and camera) folder as the species (camtrapR `Station/Species/`).
    public var speciesFromFolders: Bool
    /// Files stored per transaction; an interruption loses at most one unreported batch.
    public var batchSize: Int
    /// Threads reading files.
    public var workers: Int
    /// Pause after each stored batch (milliseconds): lets tests interrupt a run mid-way; 0 in normal use.
    public var batchPauseMilliseconds: Int = 0
    /// Read JPEGs again even when their size and modification time are stored (counted as changed): fills what
    /// a newer Rosette records, e.g. the camera-trap readings of photos ingested before v14. Videos are left
    /// alone (re-reading one would drop its sampled frames).
    public var rereadUnchanged = false

    public init(deploymentID: String? = nil, speciesFromFolders: Bool = false, batchSize: Int = 500,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.deploymentID = deploymentID
        self.speciesFromFolders = speciesFromFolders
        self.batchSize = max(1, batchSize)
        self.workers = max(1, workers)
    }
}

/// What an ingest run did.
public struct IngestSummary: Sendable, Equatable {
    public var runID: Int64
    /// Media files found (photos and videos).
    public var filesSeen = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var problems = 0
    /// Files that are not media (e.g. .txt, .db), left alone.
    public var ignored = 0
    public var duplicates = 0
    public var outsideDeployment = 0
    public var interrupted = false
    public var elapsed: TimeInterval = 0
    /// Where the time went: reading files, storing batches, rebuilding sequences (seconds).
    public var readSeconds: TimeInterval = 0
    public var storeSeconds: TimeInterval = 0
    public var sequenceSeconds: TimeInterval = 0
    /// Video clips whose frames this run sampled, the frames stored, and the time it took (seconds).
    public var videosSampled = 0
    public var framesSampled = 0
    public var sampleSeconds: TimeInterval = 0

    /// Files stored by this run (added or updated).
    public var stored: Int { added + updated }
}

/// Callbacks through which a run reports as it goes.
public struct IngestObserver: Sendable {
    /// A file that could not be ingested, with a message naming it.
    public var problem: @Sendable (String) -> Void
    /// Files handled so far (stored, unchanged or failed) out of the total found.
    public var progress: @Sendable (_ done: Int, _ total: Int, _ stored: Int) -> Void

    /// Video clips sampled so far out of those to sample, with the frames stored.
    public var sampling: @Sendable (_ done: Int, _ total: Int, _ frames: Int) -> Void

    public init(problem: @escaping @Sendable (String) -> Void = { _ in },
                progress: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in },
                sampling: @escaping @Sendable (Int, Int, Int) -> Void = { _, _, _ in }) {
        self.problem = problem
        self.progress = progress
        self.sampling = sampling
    }
}
