import Foundation
import Hummingbird

/// `/` (the dashboard) and `/api/me` (who is logged in, with the CSRF token scripts send back).
struct HomeRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in
            let user = try context.user()
            let status = try app.store.status()
            return try app.pages.page("home", title: "Rosette — \(app.store.settings.name)", context: context, data: [
                "survey": app.store.settings.name, "media": status.media, "deployments": status.deployments,
                "role": user.role.rawValue,
            ], section: "/")
        }
        router.get("/api/me") { _, context in
            let user = try context.user()
            return JSONResponse.make(["name": user.name, "role": user.role.rawValue,
                                      "exactLocations": user.role.seesExactLocations, "csrf": context.csrf ?? ""])
        }
    }

    static let openAPI = """
        {"paths": {"/api/me": {"get": {"summary": "The logged-in user", "operationId": "me",
          "responses": {"200": {"description": "The user", "content": {"application/json": {"schema": {
            "type": "object", "required": ["name", "role", "exactLocations", "csrf"],
            "properties": {"name": {"type": "string"}, "role": {"type": "string", "enum": ["admin", "reviewer", "viewer", "partner"]},
              "exactLocations": {"type": "boolean"}, "csrf": {"type": "string"}}}}}},
            "401": {"$ref": "#/components/responses/Error"}}}}}}
        """
}
