import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing

/// `/openapi.json` describes every JSON endpoint the router has, and is a valid OpenAPI 3 document.
@Suite struct OpenAPIDocumentTests {
    /// The document as the server serves it to a logged-in user.
    static func served() async throws -> (json: [String: Any], raw: Data, routes: [(method: String, path: String)]) {
        let f = try WebFixture(photos: 1)
        let app = try await WebApp.make(store: f.store, configuration: f.configuration)
        let router = buildRouter(app)
        let routes = router.routes.map { (String(describing: $0.method).lowercased(), $0.path.description) }
        let raw = try await Application(router: router).test(.router) { client in
            var c = WebClient(client)
            try await c.login("vic")
            let r = try await c.send("/openapi.json")
            #expect(r.status == .ok)
            return Data(buffer: r.body)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: raw) as? [String: Any])
        return (json, raw, routes)
    }

    /// A router path (`/api/individuals/:id`) as OpenAPI writes it (`/api/individuals/{id}`).
    static func openAPIPath(_ routerPath: String) -> String {
        "/" + routerPath.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    @Test func everyAPIRouteIsDescribedAndEveryDescribedPathExists() async throws {
        let (json, _, routes) = try await Self.served()
        let paths = try #require(json["paths"] as? [String: [String: Any]])
        let api = routes.filter { $0.path.hasPrefix("/api/") || $0.path.hasPrefix("api/") }
        #expect(!api.isEmpty)
        for route in api {
            let p = Self.openAPIPath(route.path)
            #expect(paths[p]?[route.method] != nil, "\(route.method.uppercased()) \(p) is not in /openapi.json")
        }
        let routerPaths = Set(routes.map { Self.openAPIPath($0.path) })
        for p in paths.keys { #expect(routerPaths.contains(p), "\(p) is described but not routed") }
    }

    @Test func theDocumentIsValidOpenAPI3() async throws {
        let (json, raw, _) = try await Self.served()
        #expect((json["openapi"] as? String)?.hasPrefix("3.") == true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rosette-openapi-\(UUID().uuidString).json")
        try raw.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import json, sys
            try:
                from openapi_spec_validator import validate
            except ImportError:
                print("openapi-spec-validator missing: run scripts/bootstrap"); sys.exit(3)
            validate(json.load(open(sys.argv[1])))
            print("valid")
            """, file.path]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = out
        try python.run()
        python.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(python.terminationStatus == 0, "openapi-spec-validator: \(text)")
    }
}
