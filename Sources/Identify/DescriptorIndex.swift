import Core
import CRosetteNative
import Foundation

/// Nearest-neighbour search over quantised RootSIFT descriptors (Euclidean distance on the 0–1 scale).
///
/// Rows given at creation go into a FLANN kd-tree forest (or an exact scan with `trees` = 0); rows added
/// later are searched exactly and merged, so an added photo needs no rebuild. Searches may run from several
/// threads at once; `add` takes the write side of a lock, so it waits for running searches.
public final class DescriptorIndex: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = ReadWriteLock()
    /// kd-trees in the forest (0: exact linear scan).
    public let trees: Int

    /// Indexes `rows` descriptors of `FeatureSet.descriptorBytes` bytes each.
    public init(descriptors: [UInt8], trees: Int) throws {
        precondition(descriptors.count % FeatureSet.descriptorBytes == 0, "whole descriptors only")
        var err = [CChar](repeating: 0, count: 256)
        let rows = descriptors.count / FeatureSet.descriptorBytes
        let made = descriptors.withUnsafeBufferPointer {
            rsn_ann_build($0.baseAddress, Int32(rows), Int32(trees), &err, Int32(err.count))
        }
        guard let made else { throw IdentifyError.native(operation: "building the pattern index", reason: cString(err)) }
        handle = made
        self.trees = trees
    }

    deinit { rsn_ann_destroy(handle) }

    /// All rows, and those in the exactly searched recent part.
    public var counts: (rows: Int, recent: Int) {
        lock.read {
            var rows: Int32 = 0, recent: Int32 = 0
            rsn_ann_counts(handle, &rows, &recent)
            return (Int(rows), Int(recent))
        }
    }

    /// Bytes held natively (descriptor copies and kd-tree nodes).
    public var memoryBytes: Int { lock.read { rsn_ann_memory(handle) } }

    /// Appends rows; they are numbered after the existing ones.
    public func add(descriptors: [UInt8]) throws {
        var err = [CChar](repeating: 0, count: 256)
        let status = lock.write {
            descriptors.withUnsafeBufferPointer {
                rsn_ann_add(handle, $0.baseAddress, Int32($0.count / FeatureSet.descriptorBytes), &err, Int32(err.count))
            }
        }
        guard status == 0 else { throw IdentifyError.native(operation: "adding to the pattern index", reason: cString(err)) }
    }

    /// The `k` nearest rows of each query descriptor: `rows[q * k + j]` (-1 when there are fewer than k rows)
    /// and `distances[q * k + j]`, ascending.
    /// With `threads` > 1 the queries are split into that many chunks searched at once (the index is only read).
    public func search(_ queries: ArraySlice<UInt8>, k: Int, checks: Int, threads: Int) throws -> (rows: [Int32], distances: [Float]) {
        let bytes = FeatureSet.descriptorBytes
        let n = queries.count / bytes
        guard threads > 1, n >= 64 else { return try search(queries, k: k, checks: checks) }
        let chunk = (n + threads - 1) / threads
        let start = queries.startIndex
        let parts = Parallel.map(count: threads, workers: threads, context: { () }) { t, _ -> Result<(rows: [Int32], distances: [Float]), Error> in
            let lo = min(n, t * chunk), hi = min(n, (t + 1) * chunk)
            return Result { try self.search(queries[(start + lo * bytes)..<(start + hi * bytes)], k: k, checks: checks) }
        }
        var rows: [Int32] = [], distances: [Float] = []
        rows.reserveCapacity(n * k)
        distances.reserveCapacity(n * k)
        for part in parts {
            let p = try part.get()
            rows += p.rows
            distances += p.distances
        }
        return (rows, distances)
    }

    public func search(_ queries: ArraySlice<UInt8>, k: Int, checks: Int) throws -> (rows: [Int32], distances: [Float]) {
        let n = queries.count / FeatureSet.descriptorBytes
        var rows = [Int32](repeating: -1, count: n * k)
        var distances = [Float](repeating: .infinity, count: n * k)
        var err = [CChar](repeating: 0, count: 256)
        let status = lock.read {
            queries.withUnsafeBufferPointer { q in
                rows.withUnsafeMutableBufferPointer { r in
                    distances.withUnsafeMutableBufferPointer { d in
                        rsn_ann_knn(handle, q.baseAddress, Int32(n), Int32(k), Int32(checks), r.baseAddress, d.baseAddress,
                                    &err, Int32(err.count))
                    }
                }
            }
        }
        guard status == 0 else { throw IdentifyError.native(operation: "pattern search", reason: cString(err)) }
        return (rows, distances)
    }
}
