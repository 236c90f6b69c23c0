import Core
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import Testing

/// The census pages, the stations map with its jurisdictions, the deployment page and the audit log's paging.
@Suite struct CensusAndStationRoutesTests {
    static func object(_ r: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any] ?? [:]
    }

    @Test func theCensusOfAYearCountsWhoWasKnownAliveAndFlagsDetectionsAfterDeath() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("vic")
            let json = try Self.object(try await c.send("/api/census/2024"))
            let population = json["population"] as? [String: Any] ?? [:]
            // Seen in 2024: F1 at S1 and D1 at S2 (after its recorded death); the cubs and M1 were never photographed.
            #expect(population["knownAlive"] as? Int == 2)
            #expect(population["deaths"] as? [String] == ["D1"])
            #expect((population["deathsByCause"] as? [String: Int]) == ["poaching": 1])
            #expect((population["flags"] as? [String] ?? []).contains { $0.hasPrefix("D1") })
            #expect((json["survival"] as? [String: Any])?["failure"] != nil)  // one year: CJS needs three
            let page = try await c.send("/census/2024")
            #expect(page.text.contains("href=\"/individuals/D1\"") && page.text.contains("FLAG: D1"))
            let all = try await c.send("/census")
            #expect(all.text.contains("href=\"/census/2024\"") && all.text.contains("<svg"))
        }
    }

    @Test func theStationsMapShadesEachJurisdiction() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        let zone = try ZoneSpec("Asia/Vladivostok")
        let cn = Deployment(deploymentID: "S3", locationID: "S3", latitude: 43.05, longitude: 131.2,
                            deploymentStart: Timestamp.parse("2024-09-01", defaultZone: zone)!,
                            deploymentEnd: Timestamp.parse("2024-10-31", defaultZone: zone)!, timezone: "Asia/Vladivostok", jurisdiction: "CN")
        try f.store.upsertDeployments([(cn, [])], actor: "test")
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let page = try await c.send("/stations")
            #expect(page.status == .ok)
            let hulls = page.text.components(separatedBy: "fill-opacity='0.12'").count - 1
            #expect(hulls == 2)
            #expect(page.text.contains(">CN</text>") && page.text.contains(">RU</text>"))
            let stations = try Self.object(try await c.send("/api/stations"))["stations"] as? [[String: Any]] ?? []
            #expect(stations.map { $0["jurisdiction"] as? String } == ["RU", "RU", "CN"])
            #expect(stations.first?["leopardDetections"] as? Int == 1)
            let deployment = try Self.object(try await c.send("/api/deployments/S2"))
            #expect(deployment["photos"] as? Int == 2)
            #expect((deployment["effortDays"] as? Double ?? 0) > 59)
            #expect((deployment["detectionsBySpecies"] as? [[String: Any]])?.first?["species"] as? String == "Panthera pardus orientalis")
        }
    }

    @Test func theAuditLogPagesBackNewestFirst() async throws {
        let f = try WebFixture()
        try f.addCatalog()
        let (lines, total) = try f.store.changeLogPage(limit: 1000)
        #expect(lines.count == total && total > 5)
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let newest = try await c.send("/audit")
            #expect(newest.text.contains("<td>\(lines[0].id)</td>"))
            let older = try await c.send("/audit?before=\(lines[0].id)")
            #expect(!older.text.contains("<td>\(lines[0].id)</td>") && older.text.contains("<td>\(lines[1].id)</td>"))
        }
    }
}
