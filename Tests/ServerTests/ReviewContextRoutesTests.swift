import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import Server
import Store
import Testing

/// The context strip's warnings, the flank correction, and leases handed out to reviewers asking at the same time.
@Suite struct ReviewContextRoutesTests {
    static func object(_ r: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
    }

    @Test func aCandidateRecordedDeadBeforeThePhotoCarriesAWarning() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        let death = try #require(ISO8601DateFormatter().date(from: "2024-03-01T00:00:00Z"))
        try f.store.editIndividual("L1", IndividualEdit(status: "dead", deathDate: death, deathCause: .roadKill), actor: "test")
        // The edit changed the catalog: the stored ranking is now older, so keep it current for this test.
        let e = try f.store.encounter(s.first)
        try f.store.saveRanking(encounterID: s.first, catalogVersion: try f.store.catalogVersion(),
                                frames: e.frames.map { FrameOutcome(frameID: $0.id, features: 100, failure: nil) },
                                proposals: try f.store.proposals(encounterID: s.first), method: "hotspotter-lnbnn")
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let item = try Self.object(try await c.send("/api/review/encounters/\(s.first)"))
            let candidates = try #require(item["candidates"] as? [[String: Any]])
            let warning = (candidates.first { $0["individualID"] as? String == "L1" }?["context"] as? [String: Any])?["deadWarning"] as? String
            #expect(warning?.contains("2024-03-01") == true, "\(String(describing: warning))")
            #expect((candidates.first { $0["individualID"] as? String == "L2" }?["context"] as? [String: Any])?["deadWarning"] == nil)
        }
    }

    @Test func correctingTheFlankShowsThatFlanksPhotosOnly() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let item = try Self.object(try await c.send("/api/review/encounters/\(s.first)?side=right"))
            let candidates = try #require(item["candidates"] as? [[String: Any]])
            for cand in candidates {
                let sides = (cand["photos"] as? [[String: Any]] ?? []).compactMap { $0["side"] as? String }
                #expect(!sides.isEmpty && sides.allSatisfy { $0 == "right" }, "\(cand["individualID"] ?? "?"): \(sides)")
            }
            #expect(try await c.send("/api/review/encounters/\(s.first)?side=top").status == .badRequest)
        }
    }

    @Test func reviewersAskingAtOnceGetDifferentEncounters() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var sessions: [(cookie: String, csrf: String)] = []
            for name in ["rita", "rob", "ann"] {
                var c = WebClient(client)
                try await c.login(name)
                sessions.append((c.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), try #require(c.csrf)))
            }
            let ids = try await withThrowingTaskGroup(of: Int64?.self) { group in
                for session in sessions {
                    group.addTask {
                        var headers = HTTPFields()
                        headers[.cookie] = session.cookie
                        headers[.contentType] = "application/json"
                        headers[HTTPField.Name("X-CSRF-Token")!] = session.csrf
                        let r = try await client.executeRequest(uri: "/api/review/next", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
                        return (try Self.object(r)["lease"] as? [String: Any])?["encounterID"] as? Int64
                    }
                }
                var all: [Int64?] = []
                for try await id in group { all.append(id) }
                return all
            }
            #expect(Set(ids.compactMap { $0 }) == [s.first, s.second, s.third], "\(ids)")
        }
    }
}

/// "New individual" held for a second reviewer (`[review] confirm_new = true`), over HTTP; and the login page's token.
@Suite struct ReviewSecondReviewerTests {
    @Test func aNewIndividualWaitsForASecondReviewerWhoConfirmsIt() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        var settings = f.store.settings
        settings.confirmNewIndividuals = true
        try settings.tomlText.write(to: f.store.directory.appendingPathComponent("rosette.toml"), atomically: true, encoding: .utf8)
        let store = try SurveyStore(directory: f.store.directory)
        let app = try await WebApp.make(store: store, configuration: f.configuration)
        try await Application(router: buildRouter(app)).test(.router) { client in
            var rita = WebClient(client), rob = WebClient(client)
            try await rita.login("rita")
            try await rob.login("rob")
            let lease = try ReviewRoutesTests.object(try await rita.json("/api/review/encounters/\(s.first)/lease", body: "{}"))
            let token = try #require((lease["lease"] as? [String: Any])?["token"] as? String)
            let proposed = try await rita.json("/api/review/decide", body: #"{"encounterID": \#(s.first), "token": "\#(token)", "verdict": "newIndividual", "individualID": "L9"}"#)
            #expect(proposed.status == .ok, "\(proposed.text)")
            #expect(try ReviewRoutesTests.object(proposed)["pending"] as? Bool == true)
            #expect((try? store.individual("L9")) == nil, "not in the catalog until confirmed")
            // Rita may not confirm her own; Rob is offered it first and confirms it.
            let next = try ReviewRoutesTests.object(try await rob.json("/api/review/next", body: "{}"))
            #expect((next["lease"] as? [String: Any])?["encounterID"] as? Int64 == s.first)
            #expect(((next["item"] as? [String: Any])?["pending"] as? [String: Any])?["proposedBy"] as? String == "rita")
            let robToken = try #require((next["lease"] as? [String: Any])?["token"] as? String)
            let confirmed = try await rob.json("/api/review/pending/\(s.first)", body: #"{"token": "\#(robToken)", "accept": true}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(try store.individual("L9").individualID == "L9")
        }
    }

    @Test func theLoginPageKeepsTheTokenItHandedOut() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            let first = try WebClient.field("_csrf", in: try await c.send("/login").text)
            // A browser's own request for /favicon.ico is sent to the login page too: the form must stay valid.
            _ = try await c.send("/favicon.ico")
            let second = try WebClient.field("_csrf", in: try await c.send("/login").text)
            #expect(first == second)
            let r = try await c.post("/login", form: ["_csrf": first, "name": "rita", "password": "password-rita"], csrf: false)
            #expect(r.status == .seeOther)
        }
    }
}

/// The item as a restricted role would get it, were the screen opened read-only to it: stations by alias only.
@Suite struct ReviewItemPrivacyTests {
    @Test(arguments: [WebRole.viewer, .partner])
    func aRestrictedRolesItemNamesNoStationAndNoCoordinate(role: WebRole) throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        let policy = LocationPolicy(role: role, gridMetres: 10_000, aliasSecret: Data("fixture-secret".utf8))
        let item = try ReviewItemBuilder(store: f.store, policy: policy, user: WebUser(name: "x", role: role)).build(s.first)
        let encoder = JSONEncoder()
        let text = String(decoding: try encoder.encode(item), as: UTF8.self)
        for secret in ["\"S1\"", "\"S2\"", "43.1", "131.3"] { #expect(!text.contains(secret), "\(secret) in \(text.prefix(300))") }
        #expect(item.station.hasPrefix("station-"))
        #expect(item.candidates.first?.context.lastStation?.hasPrefix("station-") == true)
        #expect(item.candidates.first?.context.distanceBand == "< 2 km", "the band is computed on exact places for every role")
    }
}
