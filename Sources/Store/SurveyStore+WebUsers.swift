import Foundation
import GRDB

/// A person who may log in to the web app, as stored (the password only as its bcrypt hash).
public struct WebUserRecord: Sendable, Equatable {
    public let name: String
    /// One of the web roles (`admin`, `reviewer`, `viewer`, `partner`); the server gives it meaning.
    public let role: String
    public let passwordHash: String
    public let createdAt: Date
    public let createdBy: String
    public let disabledAt: Date?
    /// Sessions issued before this moment no longer count (a new password logs the user out everywhere).
    public let passwordChangedAt: Date
}

/// Why a change to the web users was refused.
public enum WebUserError: Error, Equatable, Sendable {
    case exists(name: String)
    case unknown(name: String)
    case badName(name: String)
}

extension WebUserError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .exists(let name): "user \(name) already exists (use `rosette users passwd` or `users role`)"
        case .unknown(let name): "no user named \(name) (see `rosette users list`)"
        case .badName(let name): "user name \(name.debugDescription) is not allowed: use 1–40 letters, digits, '.', '-' or '_'"
        }
    }
}

extension SurveyStore {
    /// Adds a web user with an already hashed password; every change is in the audit log.
    public func addWebUser(name: String, role: String, passwordHash: String, actor: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_"))
        guard (1...40).contains(name.count), name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw WebUserError.badName(name: name)
        }
        try pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM webUser WHERE name = ?", arguments: [name]) == true {
                throw WebUserError.exists(name: name)
            }
            let now = Date()
            try db.execute(sql: """
                INSERT INTO webUser(name, role, passwordHash, createdAt, createdBy, passwordChangedAt) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, role, passwordHash, now, actor, now])
            try SurveyStore.log(db, actor: actor, entity: "user", id: name, action: "add", detail: "role \(role)")
        }
    }

    /// Replaces a user's password hash (and ends the user's sessions, which the server keys by user).
    public func setWebUserPassword(name: String, passwordHash: String, actor: String) throws {
        try updateUser(name, actor: actor, action: "passwd", detail: nil,
                       sql: "UPDATE webUser SET passwordHash = ?, passwordChangedAt = ? WHERE name = ?",
                       arguments: [passwordHash, Date(), name])
    }

    /// Changes a user's role.
    public func setWebUserRole(name: String, role: String, actor: String) throws {
        try updateUser(name, actor: actor, action: "role", detail: "role \(role)",
                       sql: "UPDATE webUser SET role = ? WHERE name = ?", arguments: [role, name])
    }

    /// Disables (or enables again) a user: a disabled user cannot log in and its sessions stop working.
    public func setWebUserDisabled(name: String, _ disabled: Bool, actor: String) throws {
        try updateUser(name, actor: actor, action: disabled ? "disable" : "enable", detail: nil,
                       sql: "UPDATE webUser SET disabledAt = ? WHERE name = ?", arguments: [disabled ? Date() : nil, name])
    }

    private func updateUser(_ name: String, actor: String, action: String, detail: String?, sql: String,
                            arguments: StatementArguments) throws {
        try pool.write { db in
            try db.execute(sql: sql, arguments: arguments)
            guard db.changesCount == 1 else { throw WebUserError.unknown(name: name) }
            try SurveyStore.log(db, actor: actor, entity: "user", id: name, action: action, detail: detail)
        }
    }

    /// All web users, by name.
    public func webUsers() throws -> [WebUserRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM webUser ORDER BY name").map(Self.webUser) }
    }

    /// One web user, if it exists.
    public func webUser(named name: String) throws -> WebUserRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE name = ?", arguments: [name]).map(Self.webUser)
        }
    }

    private static func webUser(_ r: Row) -> WebUserRecord {
        WebUserRecord(name: r["name"], role: r["role"], passwordHash: r["passwordHash"], createdAt: r["createdAt"],
                      createdBy: r["createdBy"], disabledAt: r["disabledAt"],
                      passwordChangedAt: r["passwordChangedAt"])
    }
}

extension SurveyStore {
    /// A stored web session's value and expiry, if it exists and has not expired.
    public func webSession(key: String, now: Date = Date()) throws -> (value: Data, expiresAt: Date?)? {
        try pool.read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT value, expiresAt FROM webSession WHERE key = ?", arguments: [key])
            else { return nil }
            let expires: Date? = r["expiresAt"]
            if let expires, expires <= now { return nil }
            return (r["value"], expires)
        }
    }

    /// Stores a web session (`create` refuses to replace an existing one).
    public func setWebSession(key: String, value: Data, expiresAt: Date?, create: Bool = false) throws -> Bool {
        try pool.write { db in
            if create, try Bool.fetchOne(db, sql: "SELECT 1 FROM webSession WHERE key = ?", arguments: [key]) == true { return false }
            try db.execute(sql: "INSERT OR REPLACE INTO webSession(key, value, expiresAt) VALUES (?, ?, ?)",
                           arguments: [key, value, expiresAt])
            try db.execute(sql: "DELETE FROM webSession WHERE expiresAt IS NOT NULL AND expiresAt < ?", arguments: [Date()])
            return true
        }
    }

    /// Removes a web session.
    public func removeWebSession(key: String) throws {
        try pool.write { db in try db.execute(sql: "DELETE FROM webSession WHERE key = ?", arguments: [key]) }
    }

    /// A named random secret of the survey, made on first use (32 bytes), e.g. the key of station aliases.
    public func webSecret(_ name: String) throws -> Data {
        try pool.write { db in
            if let v = try Data.fetchOne(db, sql: "SELECT value FROM webSecret WHERE name = ?", arguments: [name]) { return v }
            var g = SystemRandomNumberGenerator()
            let v = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &g) })
            try db.execute(sql: "INSERT INTO webSecret(name, value) VALUES (?, ?)", arguments: [name, v])
            return v
        }
    }
}

extension SurveyStore {
    /// Appends an event to the audit log (the `changeLog`) on its own, e.g. a login or a refused one.
    public func recordAudit(actor: String, entity: String, id: String, action: String, detail: String? = nil) throws {
        try pool.write { db in try SurveyStore.log(db, actor: actor, entity: entity, id: id, action: action, detail: detail) }
    }
}
