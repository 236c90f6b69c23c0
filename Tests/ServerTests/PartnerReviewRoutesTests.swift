import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The partner catalog review on the web: the queue of cross-catalog pairs, "same animal" / "not this one" through
/// the review log (undone like any decision), the partner's chips served to reviewers only, bad input refused.
@Suite struct PartnerReviewRoutesTests {
    /// L01 and L02 in our catalog (L01 with a left reference photo), partner CN with P1 (ranked L01 then L02) and P2 (L02).
    static func fixture() throws -> WebFixture {
        let f = try WebFixture()
        try f.store.addIndividual("L01", actor: "test")
        try f.store.addIndividual("L02", actor: "test")
        let media = try f.mediaIDs().sorted { $0.key < $1.key }.map(\.value)
        _ = try f.store.addReferencePhoto(individualID: "L01", mediaID: media[0], side: "left", box: [0.2, 0.3, 0.4, 0.3], actor: "test")
        let chip = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + Data(repeating: 7, count: 64) + Data([0xFF, 0xD9])
        let ids = ["P1", "P2"]
        _ = try f.store.importPartner(PartnerCatalogBatch(
            name: "CN", title: "Northeast Tiger and Leopard Park", packageDigest: "d1",
            individuals: ids.map { PartnerIndividual(partnerID: $0, sex: "female", firstYear: 2022, lastYear: 2024, cells: ["cell-10km-479-1183"]) },
            chips: ids.map { PartnerChip(chipID: "c-\($0)", partnerID: $0, side: "left", jpeg: chip, features: Data([1, 2, 3]), width: 400, height: 200) }),
            actor: "test")
        try f.store.saveCrossMatches(partner: "CN", [
            CrossMatch(partner: "CN", partnerID: "P1", individualID: "L01", rank: 1, score: 31.5, inliers: 42),
            CrossMatch(partner: "CN", partnerID: "P1", individualID: "L02", rank: 2, score: 6.25, inliers: 9),
            CrossMatch(partner: "CN", partnerID: "P2", individualID: "L02", rank: 1, score: 12, inliers: 15),
        ])
        return f
    }

    @Test func aReviewerSeesThePairsAndLinksOneThroughTheFormThenUndoesIt() async throws {
        let f = try Self.fixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let page = try await c.send("/review/partners")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("CN:P1") && html.contains("CN:P2") && html.contains("href=\"/individuals/L01\""))
            #expect(html.contains("src=\"/review/partners/CN/chips/c-P1\"") && html.contains("seen 2022–2024"))
            #expect(html.contains("42 inliers") && html.contains("name=\"verdict\" value=\"same\""))
            #expect(html.contains("class=\"xr-crop\"") && html.contains("src=\"/media/"), "L01's reference photo is shown cropped to its box")
            #expect(html.contains("name=\"_csrf\" value=\"\(c.csrf ?? "-")\""))

            let decided = try await c.post("/review/partners/decide", form: ["partner": "CN", "partnerID": "P1", "individualID": "L01", "verdict": "same"])
            #expect(decided.status == .seeOther)
            let location = decided.headers[.location] ?? ""
            #expect(location.hasPrefix("/review/partners?partner=CN&decided="))
            #expect(try f.store.crossLinks(partner: "CN").map { "\($0.partnerID)=\($0.individualID)" } == ["P1=L01"])
            #expect(try f.store.pendingCrossMatches(partner: "CN").map(\.partnerID) == ["P2"])
            let after = try await c.send(location)
            #expect(after.text.contains("CN:P1 is the same animal as L01") && !after.text.contains("id=\"xr-P1\""))
            let entry = try #require(Int64(location.components(separatedBy: "decided=").last ?? ""))

            let undone = try await c.post("/review/partners/undo", form: ["entry": String(entry)])
            #expect(undone.status == .seeOther)
            #expect(try f.store.crossLinks(partner: "CN").isEmpty)
            #expect(try f.store.pendingCrossMatches(partner: "CN").map(\.partnerID) == ["P1", "P1", "P2"])
            let back = try await c.send(undone.headers[.location] ?? "/review/partners")
            #expect(back.text.contains("id=\"xr-undone\"") && back.text.contains("id=\"xr-P1\""))
        }
    }

    @Test func theJSONAPIDecidesAndRefusesWhatItMustNot() async throws {
        let f = try Self.fixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rob")
            let queue = try await c.send("/api/review/partners?partner=CN")
            let object = try JSONSerialization.jsonObject(with: Data(buffer: queue.body)) as? [String: Any]
            #expect(object?["pendingPairs"] as? Int == 3)
            let not = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "CN:P1", "individualID": "L02", "same": false}"#)
            #expect(not.status == .ok, "\(not.text)")
            #expect(try f.store.crossRejections(partner: "CN") == ["P1": ["L02"]])
            let twice = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P1", "individualID": "L02", "same": false}"#)
            #expect(twice.status == .conflict)
            let same = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P2", "individualID": "L02", "same": true}"#)
            #expect(same.status == .ok)
            // L02 is linked to P2 now: another partner individual cannot be linked to it too.
            let clash = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P1", "individualID": "L02", "same": true}"#)
            #expect(clash.status == .conflict && clash.text.contains("P2"), "\(clash.text)")
            let unknown = try await c.json("/api/review/partners/decide", body: #"{"partner": "KZ", "partnerID": "P1", "individualID": "L01", "same": true}"#)
            #expect(unknown.status == .notFound)
            let ghost = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P9", "individualID": "L01", "same": true}"#)
            #expect(ghost.status == .notFound)
            let noCSRF = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P1", "individualID": "L01", "same": true}"#, csrf: false)
            #expect(noCSRF.status == .forbidden)
            let badVerdict = try await c.post("/review/partners/decide", form: ["partner": "CN", "partnerID": "P1", "individualID": "L01", "verdict": "maybe"])
            #expect(badVerdict.status == .badRequest)
            let empty = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "", "individualID": "L01", "same": true}"#)
            #expect(empty.status == .badRequest)
            #expect(try f.store.crossLinks(partner: "CN").map { "\($0.partnerID)=\($0.individualID)" } == ["P2=L02"])
            #expect(try await c.send("/api/review/partners?partner=KZ").status == .notFound)
            let chip = try await c.send("/review/partners/CN/chips/c-P1")
            #expect(chip.status == .ok && chip.headers[.contentType] == "image/jpeg" && Array(Data(buffer: chip.body).prefix(2)) == [0xFF, 0xD8])
            #expect(try await c.send("/review/partners/CN/chips/c-P9").status == .notFound)
        }
    }

    @Test(arguments: ["vic", "pat"])
    func viewersAndPartnersMayNotReviewPartnerPairs(user: String) async throws {
        let f = try Self.fixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(user)
            #expect(try await c.send("/review/partners").status == .forbidden)
            #expect(try await c.send("/api/review/partners").status == .forbidden)
            #expect(try await c.send("/review/partners/CN/chips/c-P1").status == .forbidden)
            let post = try await c.json("/api/review/partners/decide", body: #"{"partner": "CN", "partnerID": "P1", "individualID": "L01", "same": true}"#)
            #expect(post.status == .forbidden)
            #expect(try f.store.crossLinks(partner: "CN").isEmpty)
        }
    }
}
