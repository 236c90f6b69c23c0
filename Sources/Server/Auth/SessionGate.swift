import Foundation
import Hummingbird
import Store

/// Lets a request through only with a live session of an enabled user, and a state-changing request only with
/// the session's CSRF token (header `X-CSRF-Token`, or form field `_csrf`).
///
/// Open to everyone: the login page and the static assets. The user is read from the survey on every
/// request, so a disabled user, a changed role or a new password takes effect at once.
struct SessionGate: RouterMiddleware {
    typealias Context = WebContext
    let store: SurveyStore

    static func isPublic(_ path: String) -> Bool {
        path == "/login" || path.hasPrefix("/static/")
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if Self.isPublic(request.uri.path) { return try await next(request, context) }
        var context = context
        guard let session = context.sessions.session,
              let record = try store.webUser(named: session.user), record.disabledAt == nil,
              let role = WebRole(rawValue: record.role),
              session.issuedAt >= record.passwordChangedAt.timeIntervalSince1970 - 1
        else { throw WebError.notLoggedIn }
        context.identity = WebUser(name: record.name, role: role)
        context.csrf = session.csrf
        var request = request
        if ![.get, .head, .options].contains(request.method) {
            var token = request.headers[.init("X-CSRF-Token")!]
            if token == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
                let buffer = try await request.body.collect(upTo: context.maxUploadSize)
                request.body = .init(buffer: buffer)
                token = FormFields(String(buffer: buffer))["_csrf"]
            }
            guard let token, Self.constantTimeEqual(token, session.csrf) else { throw WebError.badCSRF }
        }
        return try await next(request, context)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The fields of an `application/x-www-form-urlencoded` body (the last value of a repeated name wins;
/// `all` keeps every value).
public struct FormFields: Sendable {
    public let all: [(name: String, value: String)]

    public init(_ body: String) {
        all = body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    public subscript(_ name: String) -> String? { all.last { $0.name == name }?.value }

    /// Reads a form body of a request (at most the context's upload size).
    public static func read(_ request: Request, context: WebContext) async throws -> FormFields {
        FormFields(String(buffer: try await request.body.collect(upTo: context.maxUploadSize)))
    }
}
