import Foundation
import Hummingbird

/// Why a request failed; the error middleware renders each as an HTML page or a JSON error with its status.
public enum WebError: Error, Sendable {
    case notLoggedIn
    case forbidden(role: WebRole, action: String)
    case badCSRF
    case notFound(what: String)
    case badInput(field: String, value: String, expected: String)
    case conflict(message: String, detail: [String: String])
    /// A catalog rule (life history, unknown individual, …) refused a change; nothing was written.
    case ruleBroken(String)
    case tooManyLogins(retryAfter: Int)
    case pathEscape(path: String)
    case unreadableMedia(path: String, reason: String)
    case internalError(String)
}

extension WebError {
    /// The HTTP status.
    var status: HTTPResponse.Status {
        switch self {
        case .notLoggedIn: .unauthorized
        case .forbidden, .badCSRF, .pathEscape: .forbidden
        case .notFound: .notFound
        case .badInput, .ruleBroken: .badRequest
        case .conflict: .conflict
        case .tooManyLogins: .tooManyRequests
        case .unreadableMedia, .internalError: .internalServerError
        }
    }

    /// A short machine-readable code for the JSON API.
    var code: String {
        switch self {
        case .notLoggedIn: "not-logged-in"
        case .forbidden: "forbidden"
        case .badCSRF: "bad-csrf-token"
        case .notFound: "not-found"
        case .badInput: "bad-input"
        case .conflict: "conflict"
        case .ruleBroken: "rule-broken"
        case .tooManyLogins: "too-many-logins"
        case .pathEscape: "path-outside-media-root"
        case .unreadableMedia: "unreadable-media"
        case .internalError: "internal"
        }
    }

    /// The sentence shown to the person (all user-facing wording of the server's errors is here).
    public var message: String {
        switch self {
        case .notLoggedIn: "Please log in."
        case .forbidden(let role, let action): "A \(role.rawValue) may not \(action)."
        case .badCSRF: "The form's security token is missing or out of date: reload the page and try again."
        case .notFound(let what): "\(what) does not exist."
        case .badInput(let field, let value, let expected):
            "Field \(field): \(value.isEmpty ? "(empty)" : String(value.prefix(80)).debugDescription) is not \(expected)."
        case .conflict(let message, _): message
        case .ruleBroken(let m): "Not saved: \(m)."
        case .tooManyLogins(let s): "Too many failed logins: try again in \(s / 60 + 1) minutes."
        case .pathEscape(let path): "The path \(String(path.prefix(120)).debugDescription) is outside the survey's media folders."
        case .unreadableMedia(let path, let reason): "Cannot read \((path as NSString).lastPathComponent): \(reason)."
        case .internalError(let m): "Internal error: \(m)"
        }
    }
}
