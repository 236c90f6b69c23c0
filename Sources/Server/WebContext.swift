import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// What the server keeps in a session: who logged in and the session's CSRF token.
public struct WebSession: Codable, Sendable, Equatable {
    public var user: String
    public var csrf: String
    public var issuedAt: Double

    public init(user: String, csrf: String, issuedAt: Double) {
        self.user = user
        self.csrf = csrf
        self.issuedAt = issuedAt
    }
}

/// The request context of every route: the session and, once the gate has checked it, the user.
public struct WebContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: WebUser?
    public let sessions: SessionContext<WebSession>
    /// The session's CSRF token, for forms and the page's `<meta name="csrf-token">`.
    public var csrf: String?
    /// The client's address (for the login limiter), when the connection tells it.
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        identity = nil
        sessions = .init()
        csrf = nil
    }

    /// Bodies over 1 MiB are refused (413) before any handler reads them.
    public var maxUploadSize: Int { 1 << 20 }

    /// The user, or an error the error middleware turns into a login redirect / 401.
    public func user() throws -> WebUser {
        guard let identity else { throw WebError.notLoggedIn }
        return identity
    }

    /// The user if its role may review and edit, else 403.
    public func reviewer() throws -> WebUser {
        let u = try user()
        guard u.role.mayReview else { throw WebError.forbidden(role: u.role, action: "review or edit the catalog") }
        return u
    }

    /// The user if it is an administrator, else 403.
    public func admin() throws -> WebUser {
        let u = try user()
        guard u.role.mayAdminister else { throw WebError.forbidden(role: u.role, action: "manage users") }
        return u
    }
}
