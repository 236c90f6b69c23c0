import Core
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Ingest
import NIOCore
import Server
import Store
import TestSupport

/// A survey with one user per role (password `password-NAME`), photos ingested from two stations, and the web
/// app built over it, for route tests.
final class WebFixture: @unchecked Sendable {
    let dir = TemporaryDirectory("server")
    let store: SurveyStore
    var configuration: ServerConfiguration
    static let users: [(String, WebRole)] = [("ann", .admin), ("rita", .reviewer), ("rob", .reviewer), ("vic", .viewer), ("pat", .partner)]

    /// Stations S1 (43.10, 131.30) and S2 (43.11, 131.31), in Asia/Vladivostok; `photos` photos per station.
    init(photos: Int = 2) throws {
        var settings = SurveySettings()
        settings.timeZone = "Asia/Vladivostok"
        settings.name = "fixture"
        store = try SurveyStore.create(directory: dir.path("survey"), settings: settings)
        let csv = FixturePhotos.deploymentsCSV(stations: ["S1", "S2"])
        let csvURL = dir.path("deployments.csv")
        try csv.write(to: csvURL, atomically: true, encoding: .utf8)
        let parsed = try DeploymentsCSV.read(csvURL, defaultZone: try ZoneSpec("Asia/Vladivostok"))
        try store.upsertDeployments(parsed.deployments, actor: "test")
        for (s, station) in ["S1", "S2"].enumerated() {
            for i in 0..<photos {
                let jpeg = try FixturePhotos.cameraJPEG(time: String(format: "2024:09:1%d 0%d:00:00", s + 1, i + 1), seed: s * 10 + i,
                                                        serial: "SERIAL-\(station)")
                try FixturePhotos.write(jpeg, to: dir.path("cards/\(station)/IMG_000\(i + 1).JPG"))
            }
        }
        _ = try Ingestor(store: store).run(directory: dir.path("cards"), options: IngestOptions(workers: 2))
        for (name, role) in Self.users {
            try store.addWebUser(name: name, role: role.rawValue, passwordHash: try Passwords.hash("password-\(name)", cost: 4), actor: "test")
        }
        configuration = ServerConfiguration(survey: store.directory)
        configuration.loginAttempts = 3
    }

    /// The application over the fixture survey, as `rosette serve` builds it (routes only, no socket).
    func application() async throws -> some ApplicationProtocol {
        let app = try await WebApp.make(store: store, configuration: configuration)
        return Application(router: buildRouter(app))
    }

    /// A second connection to the survey's database, for setting up what no public API writes.
    func database() throws -> DatabaseQueue {
        try DatabaseQueue(path: store.directory.appendingPathComponent("rosette.sqlite").path)
    }

    /// Every media id stored, by file path.
    func mediaIDs() throws -> [String: Int64] {
        var all: [String: Int64] = [:]
        try store.forEachMedia { all[$0.filePath] = $0.mediaID }
        return all
    }
}

/// A browser-like client over HummingbirdTesting: keeps cookies, logs in, sends the CSRF token.
struct WebClient {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    /// A request with the client's cookies; cookies set by the response are kept.
    mutating func send(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil,
                       contentType: String? = nil) async throws -> TestResponse {
        var h = headers
        if !cookies.isEmpty { h[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let contentType { h[.contentType] = contentType }
        let response = try await client.executeRequest(uri: uri, method: method, headers: h,
                                                       body: body.map { ByteBuffer(string: $0) })
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces), v = String(pair[1])
            if v.isEmpty || value.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = v }
        }
        return response
    }

    /// A form POST (with the CSRF token unless `csrf: false`).
    mutating func post(_ uri: String, form: [String: String], csrf: Bool = true) async throws -> TestResponse {
        var fields = form
        if csrf, let token = self.csrf { fields["_csrf"] = token }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// A JSON call with the CSRF header.
    mutating func json(_ uri: String, method: HTTPRequest.Method = .post, body: String, csrf: Bool = true) async throws -> TestResponse {
        var h = HTTPFields()
        if csrf, let token = self.csrf { h[HTTPField.Name("X-CSRF-Token")!] = token }
        return try await send(uri, method: method, headers: h, body: body, contentType: "application/json")
    }

    /// Logs in through the login page as a person would; returns the POST's response.
    @discardableResult
    mutating func login(_ name: String, password: String? = nil) async throws -> TestResponse {
        let page = try await send("/login")
        let token = try Self.field("_csrf", in: String(buffer: page.body))
        let r = try await post("/login", form: ["_csrf": token, "name": name, "password": password ?? "password-\(name)"], csrf: false)
        if r.status == .seeOther {
            let me = try await send("/api/me")
            let object = try JSONSerialization.jsonObject(with: Data(buffer: me.body)) as? [String: Any]
            csrf = object?["csrf"] as? String
        }
        return r
    }

    static func field(_ name: String, in html: String) throws -> String {
        guard let r = html.range(of: "name=\"\(name)\" value=\""), let end = html[r.upperBound...].firstIndex(of: "\"") else {
            throw FixtureError.missing("form field \(name)")
        }
        return String(html[r.upperBound..<end])
    }

    static func encode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
    }
}

enum FixtureError: Error { case missing(String) }

extension TestResponse {
    var text: String { String(buffer: body) }
}
