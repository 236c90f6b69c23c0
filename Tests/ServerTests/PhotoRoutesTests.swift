import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The photo page: boxes as an SVG overlay, observations, burst; people photos invisible to a viewer and a partner
/// on the photo page, in bursts and in an individual's detections, exactly as `/media` answers.
@Suite struct PhotoRoutesTests {
    @Test func thePhotoPageOverlaysTheBoxesAndLinksTheIndividual() async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let r = try await c.send("/photos/\(catalog.s1Photos[0])")
            #expect(r.status == .ok)
            #expect(r.text.contains("<svg") && r.text.contains("class='overlay'") && r.text.contains("<rect x='0.2500' y='0.2000'"))
            #expect(r.text.contains("src=\"/media/\(catalog.s1Photos[0])\"") && r.text.contains("href=\"/individuals/F1\""))
            let json = try JSONSerialization.jsonObject(with: Data(buffer: try await c.send("/api/photos/\(catalog.s1Photos[0])").body)) as? [String: Any]
            let obs = json?["observations"] as? [[String: Any]] ?? []
            #expect(obs.contains { $0["individualID"] as? String == "F1" && ($0["box"] as? [Double])?.count == 4 })
        }
    }

    @Test(arguments: ["vic", "pat"])
    func peoplePhotosAreInvisibleToRestrictedRoles(name: String) async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        let people = catalog.s2Photos[1]
        try f.addPersonBox(people)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            #expect(try await c.send("/media/\(people)").status == .notFound)
            #expect(try await c.send("/photos/\(people)").status == .notFound)
            #expect(try await c.send("/api/photos/\(people)").status == .notFound)
            let d1 = try JSONSerialization.jsonObject(with: Data(buffer: try await c.send("/api/individuals/D1").body)) as? [String: Any]
            let shown = (d1?["sightings"] as? [[String: Any]] ?? []).compactMap { $0["mediaID"] as? Int64 ?? ($0["mediaID"] as? Int).map(Int64.init) }
            #expect(shown == [catalog.s2Photos[0]])
            let other = try await c.send("/photos/\(catalog.s2Photos[0])")
            #expect(other.status == .ok && !other.text.contains("/media/\(people)\""))
            try await c.login("rita")
            #expect(try await c.send("/photos/\(people)").status == .ok)
            let all = try JSONSerialization.jsonObject(with: Data(buffer: try await c.send("/api/individuals/D1").body)) as? [String: Any]
            #expect((all?["sightings"] as? [Any])?.count == 2)
        }
    }
}
