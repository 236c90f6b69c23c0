import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// A viewer and a partner never receive an exact coordinate, a station name or a deployment ID from the pages,
/// the JSON API or the SVG figures; a reviewer does (so the check can fail).
@Suite struct PagesPrivacyTests {
    /// Every page and endpoint of the page groups, for a fixture with a catalog (deployment paths added per role).
    static func paths(_ c: WebFixture.Catalog) -> [String] {
        ["/", "/api/dashboard", "/catalog", "/api/individuals", "/individuals/F1", "/api/individuals/F1", "/individuals/D1",
         "/api/individuals/D1", "/individuals/C1", "/stations", "/api/stations", "/census", "/census/2024", "/api/census/2024",
         "/photos/\(c.s1Photos[0])", "/api/photos/\(c.s1Photos[0])", "/photos/\(c.s2Photos[0])", "/api/photos/\(c.s2Photos[0])"]
    }

    @Test(arguments: ["vic", "pat"])
    func restrictedRolesNeverSeeExactPlaces(name: String) async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            let stations = try await c.send("/api/stations")
            let object = try JSONSerialization.jsonObject(with: Data(buffer: stations.body)) as? [String: Any]
            let deployments = (object?["stations"] as? [[String: Any]] ?? []).flatMap { $0["deployments"] as? [String] ?? [] }
            #expect(deployments.count == 2)
            #expect(deployments.allSatisfy { $0.hasPrefix("deployment-") })
            var checked = 0
            for path in Self.paths(catalog) + deployments.flatMap({ ["/deployments/\($0)", "/api/deployments/\($0)"] }) {
                let r = try await c.send(path)
                #expect(r.status == .ok, "\(path) → \(r.status)")
                #expect(LeakCheck.coordinates(in: r.text).isEmpty, "\(path) leaks \(LeakCheck.coordinates(in: r.text))")
                #expect(LeakCheck.stationNames(in: r.text, csrf: c.csrf).isEmpty, "\(path) names a station: \(LeakCheck.stationNames(in: r.text, csrf: c.csrf))")
                checked += 1
            }
            #expect(checked == Self.paths(catalog).count + 4)
            // The exact deployment IDs are not even resolvable by a restricted role.
            #expect(try await c.send("/api/deployments/S1").status == .notFound)
        }
    }

    @Test func aReviewerSeesExactPlacesAndNames() async throws {
        let f = try WebFixture()
        let catalog = try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            for path in ["/api/stations", "/stations", "/api/deployments/S1", "/api/individuals/D1", "/api/photos/\(catalog.s1Photos[0])"] {
                let r = try await c.send(path)
                #expect(r.status == .ok)
                #expect(!LeakCheck.coordinates(in: r.text).isEmpty, "\(path) should show exact coordinates")
                #expect(!LeakCheck.stationNames(in: r.text, csrf: c.csrf).isEmpty, "\(path) should name the station")
            }
        }
    }

    @Test func theHistoryOfADeathPlaceIsWithheldFromAViewer() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        // The change log of D1 names the station and its coordinates (deathLocationID, deathLatitude, deathLongitude).
        let raw = try f.store.changes(entity: "individual", id: "D1").compactMap(\.detail).joined(separator: " ")
        #expect(raw.contains("S1") && raw.contains("43.1"))
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("vic")
            let r = try await c.send("/individuals/D1")
            #expect(r.text.contains("place withheld"))
            #expect(LeakCheck.coordinates(in: r.text).isEmpty)
        }
    }

    @Test func placesTypedIntoNotesAreWithheldFromAViewer() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try f.store.editIndividual("F1", IndividualEdit(notes: "seen near S1-cam and S2 at 43.1002,131.3001"), actor: "rita")
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("pat")
            for path in ["/individuals/F1", "/api/individuals/F1"] {
                let r = try await c.send(path)
                #expect(r.text.contains("seen near station-"))
                #expect(LeakCheck.coordinates(in: r.text).isEmpty && LeakCheck.stationNames(in: r.text, csrf: c.csrf).isEmpty,
                        "\(path): \(LeakCheck.stationNames(in: r.text, csrf: c.csrf)) \(LeakCheck.coordinates(in: r.text))")
            }
            try await c.login("rita")
            #expect(try await c.send("/api/individuals/F1").text.contains("S1-cam and S2 at 43.1002"))
        }
    }
}
