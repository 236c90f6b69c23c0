import Foundation
import Hummingbird

/// `/api/me` (who is logged in, with the CSRF token scripts send back); the dashboard `/` is `DashboardRoutes`.
struct HomeRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
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
