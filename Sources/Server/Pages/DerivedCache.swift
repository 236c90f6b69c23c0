import Foundation
import Store

/// Values derived from the whole survey (catalog summaries, dashboard counts), kept until the survey's data
/// changes (`SurveyStore.dataStamp`), so list pages do not re-aggregate every photo on every request.
final class DerivedCache: @unchecked Sendable {
    static let shared = DerivedCache()
    private let lock = NSLock()
    private var entries: [String: (stamp: String, value: any Sendable)] = [:]

    /// The cached value of `name` for this survey, or a fresh one from `make` when the data changed.
    func value<T: Sendable>(_ name: String, _ store: SurveyStore, make: () throws -> T) throws -> T {
        let key = store.directory.path + "\u{1}" + name, stamp = try store.dataStamp()
        lock.lock()
        if let e = entries[key], e.stamp == stamp, let v = e.value as? T { lock.unlock(); return v }
        lock.unlock()
        let v = try make()
        lock.lock()
        entries[key] = (stamp, v)
        lock.unlock()
        return v
    }
}
