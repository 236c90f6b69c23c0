import Foundation
import NIOConcurrencyHelpers

/// Counts failed logins per user name and per client address; too many within the window are refused.
final class LoginLimiter: Sendable {
    private let attempts: Int
    private let window: TimeInterval
    private let failures = NIOLockedValueBox<[String: [Date]]>([:])

    init(attempts: Int, window: TimeInterval) {
        self.attempts = attempts
        self.window = window
    }

    /// Seconds to wait before another attempt for these keys, or nil when one is allowed now.
    func retryAfter(_ keys: [String], now: Date = Date()) -> Int? {
        failures.withLockedValue { f in
            var wait: TimeInterval = 0
            for k in keys {
                let recent = (f[k] ?? []).filter { now.timeIntervalSince($0) < window }
                f[k] = recent
                if recent.count >= attempts, let first = recent.first { wait = max(wait, window - now.timeIntervalSince(first)) }
            }
            return wait > 0 ? Int(wait.rounded(.up)) : nil
        }
    }

    func failed(_ keys: [String], now: Date = Date()) {
        failures.withLockedValue { f in for k in keys { f[k, default: []].append(now) } }
    }

    func succeeded(_ keys: [String]) {
        failures.withLockedValue { f in for k in keys { f[k] = nil } }
    }
}
