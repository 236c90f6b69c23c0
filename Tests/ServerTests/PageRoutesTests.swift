import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// Every page of the dashboard, catalog, stations, census, photo and audit groups: who may open it, and clear
/// errors for unknown IDs and malformed parameters.
@Suite struct PageRoutesTests {
    static let pages = ["/", "/catalog", "/individuals/F1", "/stations", "/census", "/census/2024", "/audit"]
    static let apis = ["/api/dashboard", "/api/individuals", "/api/individuals/F1", "/api/stations", "/api/deployments/S1", "/api/census/2024"]

    @Test(arguments: pages)
    func anonymousPageRequestsGoToTheLoginPage(path: String) async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.send(path)
            #expect(r.status == .seeOther)
            #expect(r.headers[.location]?.hasPrefix("/login?next=") == true)
        }
    }

    @Test(arguments: apis)
    func anonymousAPIRequestsGet401(path: String) async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let r = try await c.send(path)
            #expect(r.status == .unauthorized)
            #expect(r.text.contains("not-logged-in"))
        }
    }

    @Test(arguments: WebFixture.users.map(\.0))
    func everyRoleOpensThePagesAndOnlyAnAdminTheAudit(name: String) async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            for path in Self.pages.filter({ $0 != "/audit" }) + ["/photos/\(catalog.s1Photos[0])", "/api/photos/\(catalog.s1Photos[0])"]
                + Self.apis.filter({ $0 != "/api/deployments/S1" }) {
                let r = try await c.send(path)
                #expect(r.status == .ok, "\(name) \(path) → \(r.status): \(r.text.prefix(200))")
            }
            let audit = try await c.send("/audit")
            #expect(audit.status == (name == "ann" ? .ok : .forbidden))
            if name == "ann" { #expect(audit.text.contains("poaching")) }
            let edit = try await c.json("/api/individuals/F1", body: #"{"notes": "seen by \#(name)"}"#)
            #expect(edit.status == (["ann", "rita", "rob"].contains(name) ? .ok : .forbidden))
        }
    }

    @Test(arguments: [
        ("/individuals/NOPE", HTTPResponse.Status.notFound), ("/api/individuals/NOPE", .notFound), ("/photos/999999", .notFound),
        ("/api/photos/abc", .badRequest), ("/deployments/NOPE", .notFound), ("/api/census/1800", .badRequest),
        ("/api/census/2001", .notFound), ("/catalog?sex=cat", .badRequest), ("/api/individuals?year=soon", .badRequest),
        ("/api/individuals?page=0", .badRequest), ("/audit?before=x", .badRequest),
    ])
    func unknownIDsAndMalformedParametersGiveAClearError(path: String, status: HTTPResponse.Status) async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let r = try await c.send(path)
            #expect(r.status == status)
            if path.hasPrefix("/api/") {
                let object = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                let error = object?["error"] as? [String: Any]
                #expect((error?["message"] as? String)?.isEmpty == false)
            } else {
                #expect(r.text.contains("<html") && r.text.contains("\(status.code)"))
            }
        }
    }

    @Test func theDashboardCountsPhotosAndReviewersDecisions() async throws {
        let f = try WebFixture(photos: 3)
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("vic")
            let r = try await c.send("/api/dashboard")
            let object = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            let totals = object?["totals"] as? [String: Any]
            #expect(totals?["photos"] as? Int == 6)
            #expect(totals?["encounters"] as? Int == 3)
            #expect(totals?["encountersReviewed"] as? Int == 2)
            #expect(totals?["openEncounters"] as? Int == 1)
            let reviewers = object?["reviewers"] as? [[String: Any]] ?? []
            #expect(Set(reviewers.compactMap { $0["name"] as? String }) == ["rita", "rob"])
            #expect(reviewers.allSatisfy { ($0["decisions"] as? Int ?? 0) >= 1 })
            let months = object?["byMonth"] as? [[String: Any]] ?? []
            #expect(months.map { $0["month"] as? String } == ["2024-09"])
            let page = try await c.send("/")
            #expect(page.text.contains("<svg") && page.text.contains("Decisions by reviewer"))
        }
    }

    @Test func theCatalogFiltersAndSearches() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            func ids(_ query: String) async throws -> [String] {
                let r = try await c.send("/api/individuals" + query)
                let object = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
                return (object?["items"] as? [[String: Any]] ?? []).compactMap { $0["individualID"] as? String }
            }
            #expect(try await ids("") == ["C1", "C2", "D1", "F1", "M1"])
            #expect(try await ids("?q=kedro") == ["F1"])
            #expect(try await ids("?sex=female") == ["F1"])
            #expect(try await ids("?status=dead") == ["D1"])
            #expect(try await ids("?year=2024") == ["D1", "F1"])
            #expect(try await ids("?station=S1") == ["F1"])
            #expect(try await ids("?stage=cub&year=2023").isEmpty)  // nobody was seen in 2023
            #expect(try await ids("?stage=subadult") == ["C1", "C2"])  // stage in the reference year 2024
            // The list follows an edit at once (its cache is keyed by the survey's data).
            #expect(try await c.json("/api/individuals/M1", body: #"{"name": "Uporny"}"#).status == .ok)
            #expect(try await ids("?q=uporny") == ["M1"])
            let page = try await c.send("/catalog?sex=female")
            #expect(page.text.contains("/individuals/F1") && !page.text.contains("/individuals/M1"))
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryPageEndpoint() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("vic")
            let r = try await c.send("/openapi.json")
            let doc = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            let paths = doc?["paths"] as? [String: Any] ?? [:]
            for p in ["/api/dashboard", "/api/individuals", "/api/individuals/{id}", "/api/stations", "/api/deployments/{id}",
                      "/api/census/{year}", "/api/photos/{id}"] {
                #expect(paths[p] != nil, "\(p) is not described")
            }
            #expect(((paths["/api/individuals/{id}"] as? [String: Any])?["post"]) != nil)
            // Every $ref points at a component that exists.
            let text = r.text, components = doc?["components"] as? [String: Any] ?? [:]
            let refs = try NSRegularExpression(pattern: ##""#/components/([A-Za-z]+)/([A-Za-z]+)""##)
            for m in refs.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let section = String(text[Range(m.range(at: 1), in: text)!]), name = String(text[Range(m.range(at: 2), in: text)!])
                #expect((components[section] as? [String: Any])?[name] != nil, "missing #/components/\(section)/\(name)")
            }
        }
    }
}
