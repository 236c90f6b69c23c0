import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Store
import Testing

/// Review decisions over HTTP: leases shared out between reviewers, stale decisions, undo and redo.
@Suite struct ReviewDecisionRoutesTests {
    static func object(_ r: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
    }

    /// Leases an encounter for the client; returns the token and the item's versions.
    static func lease(_ c: inout WebClient, _ id: Int64) async throws -> (token: String, versions: String) {
        let r = try await c.json("/api/review/encounters/\(id)/lease", body: "{}")
        #expect(r.status == .ok)
        let o = try object(r)
        let token = try #require((o["lease"] as? [String: Any])?["token"] as? String)
        let versions = try JSONSerialization.data(withJSONObject: (o["item"] as? [String: Any])?["versions"] ?? [:], options: [.sortedKeys])
        return (token, String(decoding: versions, as: UTF8.self))
    }

    static func same(_ id: Int64, token: String, versions: String, individual: String = "L1") -> String {
        #"{"encounterID": \#(id), "token": "\#(token)", "verdict": "same", "individualID": "\#(individual)", "versions": \#(versions)}"#
    }

    @Test func twoReviewersNeverGetTheSameEncounter() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var rita = WebClient(client), rob = WebClient(client), ann = WebClient(client)
            try await rita.login("rita")
            try await rob.login("rob")
            try await ann.login("ann")
            var got: [String: Int64] = [:]
            for (name, body) in [("rita", "{}"), ("rob", "{}"), ("ann", "{}")] {
                var c = name == "rita" ? rita : name == "rob" ? rob : ann
                let o = try Self.object(try await c.json("/api/review/next", body: body))
                got[name] = try #require((o["lease"] as? [String: Any])?["encounterID"] as? Int64)
            }
            #expect(Set(got.values) == [s.first, s.second, s.third], "\(got)")
            // The queue is empty for a fourth ask; asking again returns one's own lease, not another's.
            let again = try Self.object(try await rita.json("/api/review/next", body: "{}"))
            #expect((again["lease"] as? [String: Any])?["encounterID"] as? Int64 == got["rita"])
            let prefetch = try Self.object(try await rita.json("/api/review/next", body: #"{"exclude": [\#(got["rita"]!)]}"#))
            #expect(prefetch["done"] as? Bool == true, "every other encounter is leased by someone else")
            // Opening another's encounter directly: 409 naming the holder.
            let taken = try await rob.json("/api/review/encounters/\(got["rita"]!)/lease", body: "{}")
            #expect(taken.status == .conflict)
            #expect(((try Self.object(taken)["error"] as? [String: Any])?["detail"] as? [String: String])?["holder"] == "rita")
        }
    }

    @Test func aDecisionOnAnEncounterLeasedBySomeoneElseIsRefused() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var rita = WebClient(client), rob = WebClient(client)
            try await rita.login("rita")
            try await rob.login("rob")
            let held = try await Self.lease(&rita, s.first)
            let r = try await rob.json("/api/review/decide", body: Self.same(s.first, token: held.token, versions: held.versions))
            #expect(r.status == .conflict)
            #expect(try f.store.latestDecision(encounterID: s.first) == nil)
        }
    }

    @Test func aStaleDecisionGets409SayingWhoChangedWhat() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var rita = WebClient(client), rob = WebClient(client)
            try await rita.login("rita")
            try await rob.login("rob")
            let ritas = try await Self.lease(&rita, s.first)
            let robs = try await Self.lease(&rob, s.second)
            let first = try await rob.json("/api/review/decide", body: Self.same(s.second, token: robs.token, versions: robs.versions))
            #expect(first.status == .ok, "\(first.text)")
            let before = try f.catalogRows("L1")
            let stale = try await rita.json("/api/review/decide", body: Self.same(s.first, token: ritas.token, versions: ritas.versions))
            #expect(stale.status == .conflict)
            let error = try #require(try Self.object(stale)["error"] as? [String: Any])
            #expect(error["code"] as? String == "stale-individual")
            let detail = try #require(error["detail"] as? [String: String])
            #expect(detail["individualID"] == "L1")
            #expect(detail["changedBy"] == "rob")
            #expect((error["message"] as? String)?.contains("rob") == true)
            #expect(try f.store.latestDecision(encounterID: s.first) == nil)
            #expect(try f.catalogRows("L1") == before, "nothing half-written")
        }
    }

    @Test func undoOverHTTPRestoresTheCatalogExactlyAndRedoPutsItBack() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let before = try f.catalogRows("L1")
            let held = try await Self.lease(&c, s.first)
            let decided = try await c.json("/api/review/decide", body: Self.same(s.first, token: held.token, versions: held.versions))
            #expect(decided.status == .ok, "\(decided.text)")
            let after = try f.catalogRows("L1")
            #expect(after != before, "the decision added a reference photo and a sighting")
            #expect(try f.store.latestDecision(encounterID: s.first)?.individualID == "L1")
            let undo = try await c.json("/api/review/undo", body: "{}")
            #expect(undo.status == .ok, "\(undo.text)")
            #expect(try Self.object(undo)["encounterID"] as? Int64 == s.first)
            #expect(try f.catalogRows("L1") == before)
            #expect(try f.store.latestDecision(encounterID: s.first) == nil)
            let redo = try await c.json("/api/review/redo", body: "{}")
            #expect(redo.status == .ok, "\(redo.text)")
            #expect(try f.catalogRows("L1") == after)
            let record = try Self.object(try await c.send("/api/review/individuals/L1"))
            #expect((record["history"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["decision", "undo", "redo"])
            let nothing = try await c.json("/api/review/redo", body: "{}")
            #expect(nothing.status == .badRequest)
        }
    }

    @Test func notThisOneKeepsTheLeaseAndDropsTheCandidate() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let held = try await Self.lease(&c, s.first)
            let r = try await c.json("/api/review/decide", body: #"{"encounterID": \#(s.first), "token": "\#(held.token)", "verdict": "notThisOne", "individualID": "L2", "versions": \#(held.versions)}"#)
            #expect(r.status == .ok, "\(r.text)")
            #expect((try Self.object(r)["lease"] as? [String: Any])?["token"] as? String == held.token)
            let item = try Self.object(try await c.send("/api/review/encounters/\(s.first)"))
            #expect((item["candidates"] as? [[String: Any]])?.map { $0["individualID"] as? String } == ["L1"])
            #expect((item["excluded"] as? [[String: Any]])?.first?["individualID"] as? String == "L2")
            let beat = try await c.json("/api/review/heartbeat", body: #"{"encounterID": \#(s.first), "token": "\#(held.token)"}"#)
            #expect(beat.status == .ok)
            let released = try await c.json("/api/review/release", body: #"{"encounterID": \#(s.first), "token": "\#(held.token)"}"#)
            #expect(try Self.object(released)["released"] as? Bool == true)
            #expect(try f.store.currentLease(encounterID: s.first) == nil)
        }
    }

    @Test func theOpenAPIDocumentDescribesEveryReviewRoute() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let doc = try Self.object(try await c.send("/openapi.json"))
            let paths = try #require(doc["paths"] as? [String: Any])
            for p in ["/api/review/encounters/{id}", "/api/review/encounters/{id}/lease", "/api/review/next", "/api/review/heartbeat",
                      "/api/review/release", "/api/review/decide", "/api/review/undo", "/api/review/redo", "/api/review/pending/{id}",
                      "/api/review/individuals/{individual}"] {
                #expect(paths[p] != nil, "\(p)")
            }
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(schemas["ReviewItem"] != nil && schemas["Error"] != nil)
        }
    }
}
