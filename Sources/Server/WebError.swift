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
    /// The review log or the catalog refused a lease, decision, undo or redo (nothing was written): its own wording,
    /// with the status its category calls for and details such as who changed what.
    case reviewRefused(status: HTTPResponse.Status, code: String, message: String, detail: [String: String])
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
        case .reviewRefused(let status, _, _, _): status
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
        case .reviewRefused(_, let code, _, _): code
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
        case .reviewRefused(_, _, let m, _): m.prefix(1).uppercased() + m.dropFirst() + (m.hasSuffix(".") ? "" : ".")
        }
    }

    /// The context strip's warning for a candidate recorded dead before the photo under review.
    static func recordedDeadWarning(_ individualID: String, on day: String) -> String {
        "\(individualID) was recorded dead on \(day), before this photo: check before confirming."
    }

    /// Z or Shift+Z with nothing left to take back or put back.
    static func nothingToRevert(redo: Bool) -> WebError {
        .reviewRefused(status: .badRequest, code: "nothing-to-\(redo ? "redo" : "undo")",
                       message: redo ? "Nothing to redo: you have no undone decision to put back." : "Nothing to undo: you have no decision left that can be taken back.",
                       detail: [:])
    }

    /// The review screen's note for a JSON body that could not be read.
    static func badReviewBody(_ reason: String) -> WebError {
        .badInput(field: "body", value: "", expected: "a JSON object as described in /openapi.json (\(reason))")
    }
}
