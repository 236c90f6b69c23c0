import Dispatch
import Foundation

/// Runs `body(chunk)` for every chunk index, spread over the machine's cores.
///
/// Worker `w` of `W` takes chunks w, w+W, w+2W, … on a global concurrent queue and the caller waits.
/// (`DispatchQueue.concurrentPerform` was measured to run serially on this Linux toolchain, so the work is
/// dispatched explicitly.) Results must be written to per-chunk locations, which keeps them independent
/// of the number of workers.
enum ParallelChunks {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    static func run(_ chunks: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let count = min(workers, chunks)
        guard count > 1 else {
            for c in 0..<chunks { body(c) }
            return
        }
        let group = DispatchGroup()
        for w in 1..<count {
            DispatchQueue.global().async(group: group) {
                for c in stride(from: w, to: chunks, by: count) { body(c) }
            }
        }
        for c in stride(from: 0, to: chunks, by: count) { body(c) }
        group.wait()
    }
}
