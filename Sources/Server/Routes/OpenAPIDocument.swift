import Foundation
import Hummingbird

/// The OpenAPI 3 description of the JSON API, served at `/openapi.json`.
///
/// Each route group describes its own paths as a JSON fragment (`{"paths": …, "components": …}`); the document
/// merges them, so a new group adds its fragment to `fragments` and nothing else.
enum OpenAPIDocument {
    static var fragments: [String] {
        [HomeRoutes.openAPI, DashboardRoutes.openAPI, CatalogRoutes.openAPI, IndividualRoutes.openAPI, StationRoutes.openAPI,
         CensusRoutes.openAPI, PhotoRoutes.openAPI, ReviewRoutes.openAPI, PartnerReviewRoutes.openAPI]
    }

    static let base = """
        {"openapi": "3.0.3",
         "info": {"title": "Rosette", "version": "1", "description": "Camera-trap survey of individually known animals: review, catalog, census. Every endpoint needs a session cookie (log in at /login); state-changing calls need the X-CSRF-Token header from /api/me. Coordinates are generalised to a grid and stations shown by alias for roles without exact locations."},
         "components": {
           "securitySchemes": {"session": {"type": "apiKey", "in": "cookie", "name": "rosette_session"},
                               "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}},
           "schemas": {"Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
              "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"},
              "detail": {"type": "object", "additionalProperties": {"type": "string"}}}}}}},
           "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
         "security": [{"session": []}],
         "paths": {}}
        """

    /// The merged document as JSON bytes.
    static func json() throws -> Data {
        guard var doc = try JSONSerialization.jsonObject(with: Data(base.utf8)) as? [String: Any] else {
            throw WebError.internalError("the OpenAPI base document is not an object")
        }
        var paths = doc["paths"] as? [String: Any] ?? [:]
        var components = doc["components"] as? [String: Any] ?? [:]
        for fragment in fragments {
            guard let f = try JSONSerialization.jsonObject(with: Data(fragment.utf8)) as? [String: Any] else { continue }
            for (k, v) in f["paths"] as? [String: Any] ?? [:] { paths[k] = v }
            for (section, entries) in f["components"] as? [String: Any] ?? [:] {
                var merged = components[section] as? [String: Any] ?? [:]
                for (k, v) in entries as? [String: Any] ?? [:] { merged[k] = v }
                components[section] = merged
            }
        }
        doc["paths"] = paths
        doc["components"] = components
        return try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .prettyPrinted])
    }

    static func register(on router: Router<WebContext>) {
        router.get("/openapi.json") { _, context in
            _ = try context.user()
            return JSONResponse.bytes(try json(), status: .ok)
        }
    }
}
