import Core
import Foundation
import Hummingbird
import Store

/// The photo page (`/photos/{id}`, `/api/photos/{id}`): the photo from `/media/{id}` with its boxes as an SVG
/// overlay, its observations, station, time and burst neighbours. A photo the role may not see (people photo,
/// unscreened) is "not found", as `/media` answers; its withheld burst neighbours are left out.
struct PhotoRoutes {
    let app: WebApp

    func detail(_ context: WebContext, user: WebUser) throws -> [String: Any] {
        let raw = context.parameters.get("id") ?? ""
        guard let id = Int64(raw) else { throw WebError.badInput(field: "id", value: raw, expected: "a photo number") }
        let viewer = app.viewer(for: user)
        guard let p = try app.store.photoDetail(id), !(try app.store.isWithheld(id, for: viewer)) else {
            throw WebError.notFound(what: "Photo \(id)")
        }
        let policy = app.locations(for: user), zone = PageSupport.zone(app)
        let hidden = try app.store.withheld(among: p.burst, for: viewer)
        var place: [String: Any] = ["station": policy.station(p.station), "deployment": p.deploymentID.map { policy.deployment($0) } ?? NSNull()]
        if let lat = p.latitude, let lon = p.longitude {
            let g = policy.point(latitude: lat, longitude: lon)
            place["latitude"] = g.latitude
            place["longitude"] = g.longitude
            place["generalised"] = !policy.exact
        }
        let observations: [[String: Any]] = p.observations.map { o in
            let box: Any = [o.bboxX, o.bboxY, o.bboxWidth, o.bboxHeight].allSatisfy { $0 != nil }
                ? [o.bboxX!, o.bboxY!, o.bboxWidth!, o.bboxHeight!] : NSNull()
            return ["observationID": o.observationID ?? NSNull(), "type": o.observationType.rawValue,
                    "species": o.scientificName ?? o.speciesLabel ?? NSNull(), "individualID": o.individualID ?? NSNull(),
                    "sex": o.sex ?? NSNull(), "lifeStage": o.lifeStage ?? NSNull(), "count": o.count ?? NSNull(),
                    "confidence": o.classificationProbability ?? NSNull(), "method": o.classificationMethod ?? NSNull(),
                    "by": o.classifiedBy ?? NSNull(), "source": o.source ?? NSNull(), "box": box, "wholeBurst": o.mediaID == nil]
        }
        return ["mediaID": id, "time": p.timestamp.map { Timestamp.format($0, in: zone) } ?? NSNull(), "place": place,
                "width": p.width ?? NSNull(), "height": p.height ?? NSNull(), "camera": [p.make, p.model].compactMap { $0 }.joined(separator: " "),
                "file": policy.exact ? p.filePath : NSNull(), "observations": observations,
                "burst": p.burst.filter { !hidden.contains($0) }]
    }

    /// The boxes as an SVG over the photo (the SVG's coordinates are the photo's, 0–1).
    static func overlay(_ observations: [[String: Any]]) -> String {
        var body = ""
        // One outline per box: a box the detector and a person both drew is labelled with the individual.
        var seen: Set<String> = []
        let ordered = observations.filter { $0["individualID"] is String } + observations.filter { !($0["individualID"] is String) }
        for o in ordered {
            guard let b = o["box"] as? [Double] else { continue }
            guard seen.insert(b.map { String(format: "%.3f", $0) }.joined(separator: ",")).inserted else { continue }
            let label = [o["individualID"] as? String, o["species"] as? String].compactMap { $0 }.first ?? (o["type"] as? String ?? "")
            let colour = o["individualID"] is String ? "#e0a040" : "#6ab06a"
            body += String(format: "<rect x='%.4f' y='%.4f' width='%.4f' height='%.4f' fill='none' stroke='%@' stroke-width='0.004'/>",
                           b[0], b[1], b[2], b[3], colour)
            body += String(format: "<text x='%.4f' y='%.4f' font-size='0.03' fill='%@'>", b[0] + 0.005, max(b[1] - 0.008, 0.03), colour)
                + PageSupport.esc(label) + "</text>"
        }
        return "<svg xmlns='http://www.w3.org/2000/svg' class='overlay' viewBox='0 0 1 1' preserveAspectRatio='none'>\(body)</svg>"
    }

    func register(on router: Router<WebContext>) {
        router.get("/photos/:id") { _, context in
            let user = try context.user()
            let d = try detail(context, user: user)
            var data = PageSupport.templateData(d) as? [String: Any] ?? [:]
            let obs = d["observations"] as? [[String: Any]] ?? []
            data["overlay"] = Self.overlay(obs)
            data["rows"] = obs.map { o -> [String: Any] in
                var r = PageSupport.templateData(o) as? [String: Any] ?? [:]
                if let id = o["individualID"] as? String { r["href"] = "/individuals/" + PageSupport.segment(id) }
                if let c = o["confidence"] as? Double { r["confidence"] = String(format: "%.2f", c) }
                return r
            }
            if let dep = (d["place"] as? [String: Any])?["deployment"] as? String { data["deploymentHref"] = "/deployments/" + PageSupport.segment(dep) }
            if let p = d["place"] as? [String: Any], let lat = p["latitude"] as? Double, let lon = p["longitude"] as? Double {
                data["where"] = app.locations(for: user).exact ? String(format: "%.5f, %.5f", lat, lon) : String(format: "%.3f, %.3f (grid cell)", lat, lon)
            }
            return try app.pages.page("photo", title: "Photo \(d["mediaID"] ?? "") — Rosette", context: context, data: data)
        }
        router.get("/api/photos/:id") { _, context in
            let user = try context.user()
            return JSONResponse.make(try detail(context, user: user))
        }
    }

    static let openAPI = """
        {"paths": {"/api/photos/{id}": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "get": {"summary": "A photo: time, place (generalised for a role without exact locations), observations with boxes (0–1), burst neighbours. The image is at /media/{id}.",
            "operationId": "photo", "responses": {"200": {"description": "The photo", "content": {"application/json": {"schema": {
              "type": "object", "required": ["mediaID", "place", "observations", "burst"],
              "properties": {"mediaID": {"type": "integer"}, "time": {"type": "string", "nullable": true},
                "place": {"type": "object", "properties": {"station": {"type": "string"}, "deployment": {"type": "string", "nullable": true},
                  "latitude": {"type": "number"}, "longitude": {"type": "number"}, "generalised": {"type": "boolean"}}},
                "width": {"type": "integer", "nullable": true}, "height": {"type": "integer", "nullable": true}, "camera": {"type": "string"},
                "file": {"type": "string", "nullable": true, "description": "the stored path (roles with exact locations only)"},
                "observations": {"type": "array", "items": {"type": "object", "properties": {"observationID": {"type": "integer", "nullable": true},
                  "type": {"type": "string"}, "species": {"type": "string", "nullable": true}, "individualID": {"type": "string", "nullable": true},
                  "sex": {"type": "string", "nullable": true}, "lifeStage": {"type": "string", "nullable": true}, "count": {"type": "integer", "nullable": true},
                  "confidence": {"type": "number", "nullable": true}, "method": {"type": "string", "nullable": true}, "by": {"type": "string", "nullable": true},
                  "source": {"type": "string", "nullable": true}, "box": {"type": "array", "nullable": true, "items": {"type": "number"}},
                  "wholeBurst": {"type": "boolean"}}}},
                "burst": {"type": "array", "items": {"type": "integer"}}}}}}},
              "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}}}}
        """
}
