import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// The full census report in the browser: built in the background, then served; refused to restricted roles.
@Suite struct CensusReportRoutesTests {
    @Test func aReviewerGetsTheFullReportOnceItIsBuilt() async throws {
        let f = try WebFixture()
        _ = try f.addCatalog()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("rita")
            let year = try await c.send("/census/2024")
            #expect(year.text.contains("/census/2024/report"))
            var r = try await c.send("/census/2024/report")
            var waited = 0
            while r.status == .accepted, waited < 120 {
                #expect(r.headers[HTTPField.Name("Refresh")!] != nil && r.text.contains("being computed"))
                try await Task.sleep(for: .milliseconds(500))
                waited += 1
                r = try await c.send("/census/2024/report")
            }
            #expect(r.status == .ok)
            #expect(r.text.contains("<!DOCTYPE html>") && r.text.contains("census 2024"))
            #expect(r.text.contains("SECR"))
        }
    }

    @Test(arguments: ["vic", "pat"])
    func restrictedRolesAreSentToTheCensusPage(name: String) async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login(name)
            let r = try await c.send("/census/2024/report")
            #expect(r.status == .forbidden && r.text.contains("names and maps stations"))
            #expect(!(try await c.send("/census/2024")).text.contains("/census/2024/report"))
        }
    }

    @Test func aMalformedYearIsAClearError() async throws {
        let f = try WebFixture()
        try await f.application().test(.router) { client in
            var c = WebClient(client)
            try await c.login("ann")
            let r = try await c.send("/census/12x/report")
            #expect(r.status == .badRequest && r.text.contains("is not a year"))
        }
    }
}
