import Dispatch

/// Runs independent work on several threads and returns results in input order.
public enum Parallel {
    /// Computes `body(i, &context)` for i in 0..<count on `workers` threads. Each thread makes its own
    /// `context` (e.g. a decoder with reused buffers) once, so nothing is shared between threads.
    public static func map<Context, T>(count: Int, workers: Int, context: @escaping @Sendable () -> Context,
                                       _ body: @escaping @Sendable (Int, inout Context) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = Slots<T>(count: count)
        let threads = max(1, min(workers, count))
        // Not DispatchQueue.concurrentPerform: on Linux it was measured running its iterations on one thread.
        let group = DispatchGroup()
        for worker in 0..<threads {
            DispatchQueue.global().async(group: group) {
                var ctx = context()
                var i = worker
                while i < count {
                    slots.set(i, body(i, &ctx))
                    i += threads
                }
            }
        }
        group.wait()
        return slots.take()
    }

    /// Write-once result slots; each index is written by exactly one thread.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutablePointer<T>
        private let count: Int

        init(count: Int) {
            self.count = count
            buffer = .allocate(capacity: count)
        }

        func set(_ i: Int, _ value: T) { (buffer + i).initialize(to: value) }

        func take() -> [T] {
            let array = Array(UnsafeBufferPointer(start: buffer, count: count))
            buffer.deinitialize(count: count)
            buffer.deallocate()
            return array
        }
    }
}
