import Census
import Core
import Foundation
import Hummingbird
import Store

/// The stations map (`/stations`, `/api/stations`) and the deployment page (`/deployments/{id}`,
/// `/api/deployments/{id}`). Coordinates, station names and deployment IDs go through the role's `LocationPolicy`:
/// a restricted role sees grid cells, station aliases and deployment aliases (also in the links it follows).
struct StationRoutes {
    let app: WebApp

    struct Station {
        var name: String
        var latitude: Double, longitude: Double
        var jurisdiction: String
        var deployments: [String]
        var photos = 0, leopardDetections = 0, individuals = 0
    }

    func stations(for user: WebUser) throws -> [Station] {
        let policy = app.locations(for: user)
        let activity = try app.store.deploymentActivity()
        var byStation: [String: Station] = [:]
        for d in try app.store.deployments() {
            let name = policy.station(of: d)
            let p = policy.point(latitude: d.latitude, longitude: d.longitude)
            var s = byStation[name] ?? Station(name: name, latitude: p.latitude, longitude: p.longitude,
                                                jurisdiction: d.jurisdiction ?? "?", deployments: [])
            s.deployments.append(policy.deployment(d.deploymentID))
            let a = activity[d.deploymentID]
            s.photos += a?.photos ?? 0
            s.leopardDetections += a?.leopardDetections ?? 0
            s.individuals = max(s.individuals, a?.individuals ?? 0)
            byStation[name] = s
        }
        return byStation.values.sorted { $0.name < $1.name }
    }

    func stationJSON(_ s: Station, exact: Bool) -> [String: Any] {
        ["station": s.name, "latitude": s.latitude, "longitude": s.longitude, "generalised": !exact, "jurisdiction": s.jurisdiction,
         "deployments": s.deployments, "photos": s.photos, "leopardDetections": s.leopardDetections, "individualsAtADeployment": s.individuals]
    }

    /// The deployment a link names: its ID for a role with exact locations, its alias otherwise.
    func deployment(_ raw: String, policy: LocationPolicy) throws -> Deployment {
        let key = raw.removingPercentEncoding ?? raw
        let all = try app.store.deployments()
        guard let d = all.first(where: { policy.deployment($0.deploymentID) == key }) else {
            throw WebError.notFound(what: "Deployment \(String(key.prefix(60)))")
        }
        return d
    }

    func deploymentJSON(_ d: Deployment, user: WebUser) throws -> [String: Any] {
        let policy = app.locations(for: user), zone = PageSupport.zone(app)
        let a = try app.store.deploymentActivity(d.deploymentID)[d.deploymentID]
        let malfunctions = try app.store.malfunctions()
        let effort = CameraOperation(deployments: [d], malfunctions: malfunctions, zone: d.zone, from: d.deploymentStart, to: d.deploymentEnd)
            .cameraDays(deploymentID: d.deploymentID)
        let p = policy.point(latitude: d.latitude, longitude: d.longitude)
        return [
            "deployment": policy.deployment(d.deploymentID), "station": policy.station(of: d),
            "latitude": p.latitude, "longitude": p.longitude, "generalised": !policy.exact,
            "start": PageSupport.day(d.deploymentStart, zone), "end": PageSupport.day(d.deploymentEnd, zone),
            "cameraID": policy.exact ? (d.cameraID ?? NSNull()) : NSNull(), "cameraModel": d.cameraModel ?? NSNull(),
            "jurisdiction": d.jurisdiction ?? NSNull(), "timezone": d.timezone,
            "effortDays": (effort * 10).rounded() / 10, "malfunctions": malfunctions[d.deploymentID]?.count ?? 0,
            "photos": a?.photos ?? 0, "leopardDetections": a?.leopardDetections ?? 0, "individuals": a?.individuals ?? 0,
            "firstPhoto": a?.first.map { PageSupport.time($0, zone) } ?? NSNull(), "lastPhoto": a?.last.map { PageSupport.time($0, zone) } ?? NSNull(),
            "detectionsBySpecies": (a?.bySpecies ?? [:]).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ["species": $0.key, "observations": $0.value] },
            "comments": policy.exact ? (d.deploymentComments ?? NSNull()) : NSNull(),
        ]
    }

    func register(on router: Router<WebContext>) {
        router.get("/stations") { _, context in
            let user = try context.user()
            let policy = app.locations(for: user)
            let list = try stations(for: user)
            // A restricted role: stations in one grid cell are drawn as one point, so aliases do not pile up.
            var cells: [String: (label: String, latitude: Double, longitude: Double, count: Int, jurisdiction: String)] = [:]
            for s in list {
                let key = policy.exact ? s.name : String(format: "%.5f,%.5f", s.latitude, s.longitude)
                var c = cells[key] ?? (policy.exact ? s.name : String(format: "cell %.3f, %.3f", s.latitude, s.longitude), s.latitude, s.longitude, 0, s.jurisdiction)
                c.count += s.leopardDetections
                cells[key] = c
            }
            let svg = PageCharts.stationMap(cells.values.sorted { $0.label < $1.label },
                                            title: "Leopard detections per station" + (policy.exact ? "" : " (grid cells)"))
            let rows: [[String: Any]] = list.map { s in
                ["name": s.name, "where": policy.exact ? String(format: "%.5f, %.5f", s.latitude, s.longitude)
                    : String(format: "%.3f, %.3f (cell)", s.latitude, s.longitude),
                 "jurisdiction": s.jurisdiction, "photos": s.photos, "detections": s.leopardDetections,
                 "deployments": s.deployments.map { ["id": $0, "href": "/deployments/" + PageSupport.segment($0)] }]
            }
            return try app.pages.page("stations", title: "Stations — Rosette", context: context, data: [
                "map": svg, "rows": rows, "exact": policy.exact, "count": list.count,
            ], section: "/stations")
        }
        router.get("/api/stations") { _, context in
            let user = try context.user()
            let exact = app.locations(for: user).exact
            return JSONResponse.make(["stations": try stations(for: user).map { stationJSON($0, exact: exact) }])
        }
        router.get("/deployments/:id") { _, context in
            let user = try context.user()
            let d = try deployment(context.parameters.get("id") ?? "", policy: app.locations(for: user))
            var data = PageSupport.templateData(try deploymentJSON(d, user: user)) as? [String: Any] ?? [:]
            data["where"] = app.locations(for: user).describe(latitude: d.latitude, longitude: d.longitude)
            return try app.pages.page("deployment", title: "Deployment — Rosette", context: context, data: data, section: "/stations")
        }
        router.get("/api/deployments/:id") { _, context in
            let user = try context.user()
            let d = try deployment(context.parameters.get("id") ?? "", policy: app.locations(for: user))
            return JSONResponse.make(try deploymentJSON(d, user: user))
        }
    }

    static let openAPI = """
        {"paths": {
          "/api/stations": {"get": {"summary": "Stations with coordinates (grid cells for a role without exact locations), jurisdiction, deployments and detections",
            "operationId": "stations", "responses": {"200": {"description": "The stations", "content": {"application/json": {"schema": {
              "type": "object", "required": ["stations"], "properties": {"stations": {"type": "array", "items": {"type": "object",
                "required": ["station", "latitude", "longitude", "generalised", "deployments", "photos", "leopardDetections"],
                "properties": {"station": {"type": "string"}, "latitude": {"type": "number"}, "longitude": {"type": "number"},
                  "generalised": {"type": "boolean"}, "jurisdiction": {"type": "string"}, "deployments": {"type": "array", "items": {"type": "string"}},
                  "photos": {"type": "integer"}, "leopardDetections": {"type": "integer"}, "individualsAtADeployment": {"type": "integer"}}}}}}}}},
              "401": {"$ref": "#/components/responses/Error"}}}},
          "/api/deployments/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"},
              "description": "the deploymentID, or its alias (deployment-xxxxxx) for a role without exact locations"}],
            "get": {"summary": "A deployment: dates, camera, effort, photos, detections by species", "operationId": "deployment",
              "responses": {"200": {"description": "The deployment", "content": {"application/json": {"schema": {"type": "object",
                "required": ["deployment", "station", "latitude", "longitude", "start", "end", "effortDays", "photos", "detectionsBySpecies"],
                "properties": {"deployment": {"type": "string"}, "station": {"type": "string"}, "latitude": {"type": "number"}, "longitude": {"type": "number"},
                  "generalised": {"type": "boolean"}, "start": {"type": "string"}, "end": {"type": "string"},
                  "cameraID": {"type": "string", "nullable": true}, "cameraModel": {"type": "string", "nullable": true},
                  "jurisdiction": {"type": "string", "nullable": true}, "timezone": {"type": "string"}, "effortDays": {"type": "number"},
                  "malfunctions": {"type": "integer"}, "photos": {"type": "integer"}, "leopardDetections": {"type": "integer"}, "individuals": {"type": "integer"},
                  "firstPhoto": {"type": "string", "nullable": true}, "lastPhoto": {"type": "string", "nullable": true},
                  "detectionsBySpecies": {"type": "array", "items": {"type": "object", "properties": {"species": {"type": "string"}, "observations": {"type": "integer"}}}},
                  "comments": {"type": "string", "nullable": true}}}}}},
                "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}}}}
        """
}
