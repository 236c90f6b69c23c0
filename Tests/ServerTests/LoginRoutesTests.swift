import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// Login, sessions, CSRF and the rules every route shares.
@Suite struct LoginRoutesTests {
    @Test(arguments: ["/", "/media/1", "/openapi.json"])
    func anonymousPageRequestsGoToTheLoginPage(path: String) async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.send(path)
            if path == "/openapi.json" {
                #expect(r.status == .unauthorized)
            } else {
                #expect(r.status == .seeOther)
                #expect(r.headers[.location]?.hasPrefix("/login?next=") == true)
            }
        }
    }

    @Test func anonymousAPIRequestsGet401JSON() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.send("/api/me")
            #expect(r.status == .unauthorized)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(r.text.contains("not-logged-in"))
        }
    }

    @Test(arguments: WebFixture.users.map(\.0))
    func eachUserLogsInAndSeesItsRole(name: String) async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.login(name)
            #expect(r.status == .seeOther)
            let cookie = r.headers[values: .setCookie].first { $0.hasPrefix("rosette_session=") } ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
            let me = try await c.send("/api/me")
            #expect(me.status == .ok)
            let role = WebFixture.users.first { $0.0 == name }!.1
            #expect(me.text.contains("\"role\":\"\(role.rawValue)\""))
            let home = try await c.send("/")
            #expect(home.status == .ok && home.text.contains(name))
        }
    }

    @Test func aWrongPasswordIsRefusedAndRepeatedFailuresAreLimited() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            for _ in 0..<3 {
                let r = try await c.login("rita", password: "wrong-password")
                #expect(r.status == .unauthorized)
                #expect(r.text.contains("Wrong user name or password"))
            }
            // The limit now holds even for the right password.
            let limited = try await c.login("rita")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            #expect(c.cookies["rosette_session"] == nil)
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRejected() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let without = try await c.post("/logout", form: [:], csrf: false)
            #expect(without.status == .forbidden)
            let wrong = try await c.post("/logout", form: ["_csrf": "0000"], csrf: false)
            #expect(wrong.status == .forbidden)
            #expect(try await c.send("/api/me").status == .ok)  // still logged in
            let with = try await c.post("/logout", form: [:])
            #expect(with.status == .seeOther)
            #expect(try await c.send("/api/me").status == .unauthorized)
        }
    }

    @Test func aLoginWithoutTheLoginPagesTokenIsRejected() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.post("/login", form: ["name": "ann", "password": "password-ann"], csrf: false)
            #expect(r.status == .forbidden)
            #expect(c.cookies["rosette_session"] == nil)
        }
    }

    @Test func aDisabledUserOrANewPasswordEndsTheSession() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rob")
            #expect(try await c.send("/api/me").status == .ok)
            try f.store.setWebUserDisabled(name: "rob", true, actor: "test")
            #expect(try await c.send("/api/me").status == .unauthorized)
            try f.store.setWebUserDisabled(name: "rob", false, actor: "test")
            #expect(try await c.send("/api/me").status == .ok)
            try await Task.sleep(for: .milliseconds(1100))
            try f.store.setWebUserPassword(name: "rob", passwordHash: try Passwords.hash("another-password", cost: 4), actor: "test")
            #expect(try await c.send("/api/me").status == .unauthorized)
        }
    }

    @Test func theLoginPageOnlyFollowsLocalPaths() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let page = try await c.send("/login?next=//evil.example/x")
            let token = try WebClient.field("_csrf", in: page.text)
            let r = try await c.post("/login", form: ["_csrf": token, "name": "ann", "password": "password-ann",
                                                      "next": "//evil.example/x"], csrf: false)
            #expect(r.headers[.location] == "/")
        }
    }

    @Test func anOversizedBodyIsRefused() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let big = String(repeating: "a", count: 2 << 20)
            let r = try await c.json("/api/me", body: big)
            #expect(r.status == .contentTooLarge || r.status == .forbidden || r.status == .notFound || r.status == .methodNotAllowed)
            let form = try await c.post("/logout", form: ["pad": big], csrf: true)
            #expect(form.status == .contentTooLarge)
            #expect(try await c.send("/api/me").status == .ok)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.send("/login")
            #expect(r.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(r.headers[.xContentTypeOptions] == "nosniff")
        }
    }
}
