import Foundation

/// All reference photos pooled in one descriptor index, for one-vs-many matching.
///
/// Built once over the photos at hand; a photo confirmed later is added without a rebuild (its descriptors
/// go to the index's exactly searched part). Call `rebuilt()` now and then to fold added photos into the
/// kd-trees. Safe to query from several threads; `add` waits for running queries.
public final class PatternGallery: @unchecked Sendable {
    public let options: MatchOptions
    let index: DescriptorIndex
    private let lock = ReadWriteLock()
    private var storage: Storage

    /// Row bookkeeping: which photo each descriptor row belongs to.
    struct Storage {
        var entries: [GalleryEntry] = []
        /// First descriptor row of each entry.
        var rowStart: [Int] = []
        /// Entry of each descriptor row.
        var rowEntry: [Int32] = []
        /// Individual number of each entry (numbers index `individuals`).
        var entryIndividual: [Int32] = []
        var individuals: [String] = []
        var individualNumber: [String: Int32] = [:]

        mutating func append(_ entry: GalleryEntry) {
            let e = Int32(entries.count)
            rowStart.append(rowEntry.count)
            rowEntry.append(contentsOf: repeatElement(e, count: entry.features.count))
            let number: Int32
            if let n = individualNumber[entry.individualID] {
                number = n
            } else {
                number = Int32(individuals.count)
                individuals.append(entry.individualID)
                individualNumber[entry.individualID] = number
            }
            entryIndividual.append(number)
            entries.append(entry)
        }
    }

    /// Pools the photos' descriptors in one index. Throws `emptyGallery` when there is no photo with features.
    public init(entries: [GalleryEntry], options: MatchOptions = MatchOptions()) throws {
        var storage = Storage()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.features.descriptors.count })
        for entry in entries {
            storage.append(entry)
            bytes.append(contentsOf: entry.features.descriptors)
        }
        guard !bytes.isEmpty else { throw IdentifyError.emptyGallery }
        self.options = options
        self.storage = storage
        index = try DescriptorIndex(descriptors: bytes, trees: options.trees)
    }

    /// Adds a (newly confirmed) photo without rebuilding the index.
    public func add(_ entry: GalleryEntry) throws {
        try lock.write {
            try index.add(descriptors: entry.features.descriptors)
            storage.append(entry)
        }
    }

    /// A gallery over the same photos with every descriptor in freshly built kd-trees.
    public func rebuilt() throws -> PatternGallery {
        try PatternGallery(entries: entries, options: options)
    }

    /// The photos, in the order they were given and added.
    public var entries: [GalleryEntry] { lock.read { storage.entries } }

    /// Distinct individuals.
    public var individualCount: Int { lock.read { storage.individuals.count } }

    /// Bytes held by the native index (descriptor copies and kd-tree nodes).
    public var nativeMemoryBytes: Int { index.memoryBytes }

    /// Total descriptors indexed.
    public var descriptorCount: Int { lock.read { storage.rowEntry.count } }

    /// Runs `body` with a consistent view of the bookkeeping (no `add` meanwhile).
    func withStorage<T>(_ body: (Storage) throws -> T) rethrows -> T {
        try lock.read { try body(storage) }
    }
}
