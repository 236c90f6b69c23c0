import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The individual profile: its content, the edit form and JSON edit (through the Store's rules, nothing written on a
/// broken rule or without the CSRF token), and the revert of review-log entries.
@Suite struct IndividualRoutesTests {
    @Test func theProfileShowsFamilyStagesFlanksAndADeath() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let mother = try await c.send("/individuals/F1")
            #expect(mother.status == .ok)
            #expect(mother.text.contains("href=\"/individuals/C1\"") && mother.text.contains("href=\"/individuals/C2\""))
            #expect(mother.text.contains("left flank") && mother.text.contains("src=\"/media/"))
            #expect(mother.text.contains("name=\"_csrf\" value=\"\(c.csrf ?? "-")\""))
            let cub = try await c.send("/api/individuals/C1")
            let json = try JSONSerialization.jsonObject(with: Data(buffer: cub.body)) as? [String: Any]
            #expect(json?["motherID"] as? String == "F1")
            #expect(json?["litterMates"] as? [String] == ["C2"])
            let stages = (json?["stageByYear"] as? [[String: Any]] ?? []).map { "\($0["year"] ?? ""):\($0["stage"] ?? "")" }
            #expect(stages == ["2023:cub"])
            let dead = try await c.send("/api/individuals/D1")
            let d = try JSONSerialization.jsonObject(with: Data(buffer: dead.body)) as? [String: Any]
            #expect((d?["death"] as? [String: Any])?["cause"] as? String == "poaching")
            #expect((d?["flags"] as? [String] ?? []).count == 2)  // both S2 photos are after the death
            let page = try await c.send("/individuals/D1")
            #expect(page.text.contains("FLAG: detected after its recorded death"))
            #expect(try await c.send("/individuals/M1").text.contains("No mother, father or cubs recorded"))
        }
    }

    @Test func aReviewerEditsThroughTheFormAndOnlyChangedFieldsAreWritten() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let before = try f.store.changes(entity: "individual", id: "F1").count
            let r = try await c.post("/individuals/F1/edit", form: ["name": "Kedrovaya Pad", "sex": "female", "birthYear": "2018",
                                                                    "lifeStage": "", "status": "alive"])
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/individuals/F1?saved=1")
            #expect(try f.store.individual("F1").name == "Kedrovaya Pad")
            let log = try f.store.changes(entity: "individual", id: "F1")
            #expect(log.count == before + 1 && log.last?.actor == "rita")
        }
    }

    @Test(arguments: [
        (["birthYear": "abc"], "birthYear"), (["sex": "cat"], "sex"), (["deathCause": "meteor"], "deathCause"),
        (["observedOn": "2024-02-30x", "lifeStage": "adult"], "observedOn"), (["motherID": "M1"], "mother"),
        (["motherID": "NOPE"], "NOPE"), (["deathDate": "2017-01-01"], "cannot die"), (["colour": "spotted"], "colour"),
    ])
    func malformedFieldsAndBrokenRulesWriteNothing(form: [String: String], named: String) async throws {
        let f = try WebFixture()
        try f.addCatalog()
        // C1 (born 2023) for the rule about a mother; the death before birth is on C1 too.
        let before = try f.store.individual("C1"), log = try f.store.changes(entity: "individual", id: "C1").count
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let r = try await c.post("/individuals/C1/edit", form: form)
            #expect(r.status == .badRequest || r.status == .notFound)
            #expect(r.text.contains(named), "\(r.text.prefix(400))")
            let api = try await c.json("/api/individuals/C1", body: String(decoding: try JSONSerialization.data(withJSONObject: form), as: UTF8.self))
            #expect(api.status == .badRequest || api.status == .notFound)
            #expect(api.text.contains("\"error\""))
        }
        #expect(try f.store.individual("C1") == before)
        #expect(try f.store.changes(entity: "individual", id: "C1").count == log)
    }

    @Test func anEditWithoutTheCSRFTokenIsRefused() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        let before = try f.store.individual("F1")
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            #expect(try await c.post("/individuals/F1/edit", form: ["name": "X"], csrf: false).status == .forbidden)
            #expect(try await c.json("/api/individuals/F1", body: #"{"name": "X"}"#, csrf: false).status == .forbidden)
            #expect(try await c.post("/individuals/F1/revert", form: ["entry": "1"], csrf: false).status == .forbidden)
            try await c.login("vic")
            #expect(try await c.post("/individuals/F1/edit", form: ["name": "X"]).status == .forbidden)
        }
        #expect(try f.store.individual("F1") == before)
    }

    @Test func theJSONEditAppliesTheRulesAndAnswersTheProfile() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rob")
            let r = try await c.json("/api/individuals/M1", body: #"{"birthYear": 2015, "notes": "big male"}"#)
            #expect(r.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]
            #expect((json?["changed"] as? [String])?.count == 2)
            #expect((json?["individual"] as? [String: Any])?["birthYear"] as? Int == 2015)
            #expect(try f.store.individual("M1").notes == "big male")
            #expect(try await c.json("/api/individuals/M1", body: "not json").status == .badRequest)
            #expect(try await c.json("/api/individuals/M1", body: #"{"birthYear": true}"#).status == .badRequest)
        }
    }

    @Test func revertingADecisionRestoresTheIndividualExactly() async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        let before = try f.store.individual("F1"), sightings = try f.store.sightings(individualID: "F1")
        let outcome = try f.decide(catalog.openEncounter, "F1", actor: "rob")
        #expect(try f.store.sightings(individualID: "F1").count == sightings.count + 1)
        #expect(try f.store.individual("F1") != before)  // a reference photo was added
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let page = try await c.send("/individuals/F1")
            #expect(page.text.contains("name=\"entry\" value=\"\(outcome.entryID)\""))
            let r = try await c.post("/individuals/F1/revert", form: ["entry": String(outcome.entryID)])
            #expect(r.status == .seeOther)
            let after = try await c.send(r.headers[.location] ?? "/")
            #expect(after.text.contains("Reverted"))
            #expect(after.text.contains("reverted by #"))
            // Reverting it again is a conflict that says who reverted it.
            let again = try await c.post("/individuals/F1/revert", form: ["entry": String(outcome.entryID)])
            #expect(again.status == .conflict)
            #expect(again.text.contains("rita"))
            #expect(try await c.post("/individuals/F1/revert", form: ["entry": "x"]).status == .badRequest)
            #expect(try await c.post("/individuals/F1/revert", form: ["entry": "99999"]).status == .notFound)
        }
        #expect(try f.store.individual("F1") == before)
        #expect(try f.store.sightings(individualID: "F1") == sightings)
    }
}
