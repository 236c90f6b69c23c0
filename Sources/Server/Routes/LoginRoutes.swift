import Foundation
import Hummingbird
import HummingbirdAuth

/// `/login` and `/logout`: a form posting the name and password, checked with bcrypt, limited per name and
/// per address; the session cookie is HttpOnly, SameSite=Strict and Secure (unless turned off for plain HTTP).
struct LoginRoutes {
    let app: WebApp
    static let loginCookie = "rosette_login"

    func register(on router: Router<WebContext>) {
        router.get("/login") { request, context in try loginPage(request: request, context: context) }
        router.post("/login") { request, context in try await login(request: request, context: context) }
        router.post("/logout") { _, context in
            context.sessions.clearSession()
            return Self.redirect("/login")
        }
    }

    func loginPage(request: Request, context: WebContext, message: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        // Keep a token already handed out: a browser's own requests (e.g. /favicon.ico → 303 here) must not replace it.
        let token = request.cookies[Self.loginCookie].map(\.value).flatMap { $0.count == 64 && $0.allSatisfy(\.isHexDigit) ? $0 : nil } ?? Self.randomToken()
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        var response = try app.pages.page("login", title: "Log in", context: context,
                                          data: ["loginToken": token, "next": next, "message": message ?? false], status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: app.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(request: Request, context: WebContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context)
        guard let token = form["_csrf"], let cookie = request.cookies[Self.loginCookie]?.value,
              SessionGate.constantTimeEqual(token, cookie) else { throw WebError.badCSRF }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let keys = ["name:" + name.lowercased(), "addr:" + (context.remoteAddress ?? "?")]
        if let wait = app.limiter.retryAfter(keys) {
            var r = try loginPage(request: request, context: context, message: WebError.tooManyLogins(retryAfter: wait).message,
                                  status: .tooManyRequests)
            r.headers[.retryAfter] = String(wait)
            return r
        }
        let record = try app.store.webUser(named: name)
        let ok = Passwords.verify(form["password"] ?? "", hash: record?.passwordHash ?? Passwords.decoy)
        guard ok, let record, record.disabledAt == nil, WebRole(rawValue: record.role) != nil else {
            app.limiter.failed(keys)
            try? app.store.recordAudit(actor: name.isEmpty ? "?" : String(name.prefix(40)), entity: "user", id: String(name.prefix(40)),
                                       action: "login-refused", detail: "from \(context.remoteAddress ?? "?")")
            return try loginPage(request: request, context: context, message: "Wrong user name or password.", status: .unauthorized)
        }
        app.limiter.succeeded(keys)
        try app.store.recordAudit(actor: record.name, entity: "user", id: record.name, action: "login",
                                  detail: "from \(context.remoteAddress ?? "?")")
        context.sessions.createSession(WebSession(user: record.name, csrf: Self.randomToken(), issuedAt: Date().timeIntervalSince1970))
        var r = Self.redirect(Self.safeNext(form["next"]))
        r.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login",
                           secure: app.configuration.secureCookies, httpOnly: true, sameSite: .strict))
        return r
    }

    /// Only a path on this site (no scheme, no `//host`) is followed after login.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    static func redirect(_ to: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = to
        return Response(status: .seeOther, headers: headers)
    }

    static func randomToken() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }
}
