import Foundation
import Hummingbird
import ServiceLifecycle
import Store

/// Hummingbird's key/value persistence kept in the survey database, so sessions outlive a server restart.
///
/// Values are stored as JSON; expired entries are invisible and removed on the next write.
struct StorePersistDriver: PersistDriver {
    let store: SurveyStore

    func run() async throws {
        try? await gracefulShutdown()
    }

    func shutdown() async throws {}

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try store.setWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: date(expires), create: true)
        else { throw PersistError.duplicate }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let keep = try store.webSession(key: key)?.expiresAt
        _ = try store.setWebSession(key: key, value: try JSONEncoder().encode(value), expiresAt: expires.map { date($0) } ?? keep)
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let (data, expires) = try store.webSession(key: key) else { return nil }
        guard let object = try? JSONDecoder().decode(Object.self, from: data) else { throw PersistError.invalidConversion }
        return (object, expires.map { .seconds(max(0, Int($0.timeIntervalSinceNow))) })
    }

    func remove(key: String) async throws {
        try store.removeWebSession(key: key)
    }

    private func date(_ d: Duration?) -> Date? {
        d.map { Date().addingTimeInterval(Double($0.components.seconds)) }
    }
}
