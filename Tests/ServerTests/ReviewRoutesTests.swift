import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Store
import Testing

/// The review screen and its JSON API: shapes, full-image pairs, the locked-zoom map, roles, leases, 409s, undo.
@Suite struct ReviewRoutesTests {
    static func object(_ r: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any])
    }

    @Test func thePageRendersForAReviewerWithItsScriptsAndKeyboardMap() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            for path in ["/review", "/review/\(s.second)"] {
                let r = try await c.send(path)
                #expect(r.status == .ok)
                #expect(r.text.contains("/static/review.js") && r.text.contains("/static/review-view.js") && r.text.contains("/static/review-keys.js"))
                #expect(r.text.contains("Shift+N") && r.text.contains("Z / Shift+Z"))
                #expect(!r.text.contains("<script>"), "no inline scripts under script-src 'self'")
            }
            #expect(try await c.send("/review").text.contains("data-encounter=\"\""))
            #expect(try await c.send("/review/\(s.second)").text.contains("data-encounter=\"\(s.second)\""))
            for name in ["review.js", "review-view.js", "review-keys.js"] { #expect(try await c.send("/static/" + name).status == .ok) }
            #expect(try await c.send("/static/review.css").status == .ok)
        }
    }

    @Test(arguments: ["vic", "pat"])
    func viewersAndPartnersAreRefusedWithoutPlacesInTheBytes(name: String) async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            for path in ["/review", "/review/\(s.first)", "/api/review/encounters/\(s.first)", "/api/review/individuals/L1"] {
                let r = try await c.send(path)
                #expect(r.status == .forbidden, "\(path)")
                for secret in ["43.1", "131.3", "43.11", "131.31", "\"S1\"", "\"S2\"", "S1/", "S2/"] { #expect(!r.text.contains(secret), "\(path): \(secret)") }
            }
            let next = try await c.json("/api/review/next", body: "{}")
            #expect(next.status == .forbidden)
            #expect(try f.store.currentLease(encounterID: s.first) == nil, "a refused request leases nothing")
        }
    }

    @Test func theItemHasFramesCandidatesSameFlankPhotosBarsAndContext() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let r = try await c.send("/api/review/encounters/\(s.first)")
            #expect(r.status == .ok)
            let item = try Self.object(r)
            #expect(item["encounterID"] as? Int64 == s.first)
            #expect(item["side"] as? String == "left")
            let frames = try #require(item["frames"] as? [[String: Any]])
            #expect(frames.count == 2)
            let box = try #require(frames[0]["box"] as? [String: Double])
            #expect(box == ["x": 40, "y": 30, "width": 80, "height": 60], "box in full-image pixels of a 160 × 120 photo")
            #expect(frames.allSatisfy { ($0["src"] as? String)?.hasPrefix("/media/") == true })
            let candidates = try #require(item["candidates"] as? [[String: Any]])
            #expect(candidates.map { $0["individualID"] as? String } == ["L1", "L2"])
            // Bars scaled against the best candidate; scores are not shown as probabilities.
            #expect(candidates[0]["bar"] as? Double == 1)
            #expect(abs((candidates[1]["bar"] as? Double ?? 0) - ReviewScenario.scores[1].1 / ReviewScenario.scores[0].1) < 1e-9)
            #expect(!r.text.lowercased().contains("probab") && !r.text.contains("%"))
            // Never a left flank against a right one: L1's right-flank photo and L2's only (right) photo are left out.
            let l1Photos = try #require(candidates[0]["photos"] as? [[String: Any]])
            #expect(l1Photos.map { $0["side"] as? String } == ["left"])
            #expect(candidates[0]["otherFlank"] as? Int == 1)
            #expect((candidates[1]["photos"] as? [[String: Any]])?.isEmpty == true)
            #expect(candidates[1]["otherFlank"] as? Int == 1)
            // The context strip: L1 was seen (its reference photos) at S2, about 1.4 km from S1.
            let context = try #require(candidates[0]["context"] as? [String: Any])
            #expect(context["sameStation"] as? Bool == false)
            #expect(context["distanceBand"] as? String == "< 2 km")
            #expect(context["sex"] as? String == "female")
            #expect(context["lastStation"] as? String == "S2", "a reviewer sees station names")
            #expect(context["sightings"] as? Int == 2)
            #expect(context["deadWarning"] == nil)
            #expect((item["versions"] as? [String: Int64]) == ["L1": 0, "L2": 0])
            #expect(item["reranked"] as? Bool == false)
        }
    }

    @Test func pairsAreInFullImagePixelsAndTheZoomMapIsFittedToThem() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let item = try Self.object(try await c.send("/api/review/encounters/\(s.first)"))
            let candidates = try #require(item["candidates"] as? [[String: Any]])
            let pairs = try #require(candidates[0]["pairs"] as? [[String: Any]])
            #expect(pairs.count == ReviewScenario.framePoints.count)
            for (i, p) in pairs.enumerated() {
                let q = try #require(p["q"] as? [Double]), r = try #require(p["r"] as? [Double])
                let want = ReviewScenario.framePoints[i], mapped = ReviewScenario.transform.apply(want.x, want.y)
                #expect(abs(q[0] - want.x) < 0.02 && abs(q[1] - want.y) < 0.02, "pair \(i) frame point \(q) vs \(want)")
                #expect(abs(r[0] - mapped.x) < 0.02 && abs(r[1] - mapped.y) < 0.02, "pair \(i) reference point \(r)")
            }
            let zoom = try #require(candidates[0]["zoom"] as? [String: Any])
            #expect(zoom["fit"] as? String == "pairs")
            let forward = try #require(zoom["forward"] as? [Double]), inverse = try #require(zoom["inverse"] as? [Double])
            for (got, want) in zip(forward, ReviewScenario.transform.coefficients) { #expect(abs(got - want) < 1e-3, "\(forward)") }
            let back = Affine2D(a: inverse[0], b: inverse[1], c: inverse[2], d: inverse[3], e: inverse[4], f: inverse[5])
            let there = ReviewScenario.transform.apply(70, 50), again = back.apply(there.x, there.y)
            #expect(abs(again.x - 70) < 1e-2 && abs(again.y - 50) < 1e-2)
            // Without pairs the map is box onto box: L2 has no same-flank photo, so no zoom at all.
            #expect(candidates[1]["zoom"] == nil)
        }
    }

    @Test func unknownIDsAndBadBodiesAreClearErrorsAndWriteNothing() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            #expect(try await c.send("/api/review/encounters/999").status == .notFound)
            #expect(try await c.send("/review/999").status == .notFound)
            #expect(try await c.send("/api/review/individuals/NOPE").status == .notFound)
            #expect(try await c.json("/api/review/encounters/999/lease", body: "{}").status == .notFound)
            let leased = try Self.object(try await c.json("/api/review/encounters/\(s.first)/lease", body: "{}"))
            let token = try #require((leased["lease"] as? [String: Any])?["token"] as? String)
            let before = try f.store.reviewLog(limit: 1000).count
            let unknownCandidate = try await c.json("/api/review/decide",
                                                    body: #"{"encounterID": \#(s.first), "token": "\#(token)", "verdict": "same", "candidateID": 4242}"#)
            #expect(unknownCandidate.status == .notFound)
            #expect(unknownCandidate.text.contains("Candidate 4242"))
            let malformed = try await c.json("/api/review/decide", body: #"{"encounterID": \#(s.first), "token": "#)
            #expect(malformed.status == .badRequest)
            #expect(try Self.object(malformed)["error"] != nil)
            let badVerdict = try await c.json("/api/review/decide", body: #"{"encounterID": \#(s.first), "token": "\#(token)", "verdict": "maybe"}"#)
            #expect(badVerdict.status == .badRequest)
            #expect(badVerdict.text.contains("verdict"))
            let badToken = try await c.json("/api/review/decide", body: #"{"encounterID": \#(s.first), "token": "forged", "verdict": "cantTell"}"#)
            #expect(badToken.status == .conflict)
            #expect(try f.store.reviewLog(limit: 1000).count == before, "nothing was logged")
            #expect(try f.store.latestDecision(encounterID: s.first) == nil, "nothing was decided")
        }
    }

    @Test func statechangingCallsWithoutTheCSRFTokenAreRefused() async throws {
        let f = try WebFixture(photos: 3)
        let s = try f.storeEncounters()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            for path in ["/api/review/next", "/api/review/encounters/\(s.first)/lease", "/api/review/undo"] {
                #expect(try await c.json(path, body: "{}", csrf: false).status == .forbidden, "\(path)")
            }
            #expect(try f.store.currentLease(encounterID: s.first) == nil)
        }
    }
}
