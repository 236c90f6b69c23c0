import Core
import Foundation
import Hummingbird
import Store

/// The individual profile: `/individuals/{id}` and `/api/individuals/{id}`; its edit (`POST /individuals/{id}/edit`,
/// `POST /api/individuals/{id}`, reviewers and admins) through the Store's `editIndividual`, and the revert of a
/// review-log entry (`POST /individuals/{id}/revert`) through `undo(entryID:actor:)`.
struct IndividualRoutes {
    let app: WebApp

    func id(_ context: WebContext) throws -> String {
        guard let raw = context.parameters.get("id"), !raw.isEmpty else {
            throw WebError.badInput(field: "id", value: "", expected: "an individual's ID")
        }
        return raw.removingPercentEncoding ?? raw
    }

    func register(on router: Router<WebContext>) {
        router.get("/individuals/:id") { request, context in
            let user = try context.user()
            return try page(try id(context), user: user, context: context, restored: PageSupport.query(request, "restored"),
                            saved: PageSupport.query(request, "saved"))
        }
        router.get("/api/individuals/:id") { _, context in
            let user = try context.user()
            return JSONResponse.make(try IndividualProfile.make(app: app, user: user, id: try id(context)).json)
        }
        router.post("/individuals/:id/edit") { request, context in
            let user = try context.reviewer()
            let id = try id(context)
            let current = try PageSupport.mapped { try app.store.individual(id) }
            let zone = PageSupport.zone(app)
            let form = try await FormFields.read(request, context: context)
            var values: [String: String] = [:]
            for (k, v) in form.all where k != "_csrf" { values[k] = v }
            let edit = try IndividualEditForm.edit(values, unchanged: IndividualEditForm.current(current, zone: zone), zone: zone)
            let changed = edit.isEmpty ? [] : try PageSupport.mapped { try app.store.editIndividual(id, edit, actor: user.name) }
            var headers = HTTPFields()
            headers[.location] = "/individuals/\(PageSupport.segment(id))?saved=\(changed.count)"
            return Response(status: .seeOther, headers: headers)
        }
        router.post("/api/individuals/:id") { request, context in
            let user = try context.reviewer()
            let id = try id(context)
            _ = try PageSupport.mapped { try app.store.individual(id) }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let edit = try IndividualEditForm.edit(try IndividualEditForm.values(json: Data(buffer: body)), zone: PageSupport.zone(app))
            let changed = edit.isEmpty ? [] : try PageSupport.mapped { try app.store.editIndividual(id, edit, actor: user.name) }
            let json = try IndividualProfile.make(app: app, user: user, id: id).json
            return JSONResponse.make(["individual": json, "changed": changed])
        }
        router.post("/individuals/:id/revert") { request, context in
            let user = try context.reviewer()
            let id = try id(context)
            _ = try PageSupport.mapped { try app.store.individual(id) }
            let form = try await FormFields.read(request, context: context)
            guard let raw = form["entry"], let entry = Int64(raw) else {
                throw WebError.badInput(field: "entry", value: form["entry"] ?? "", expected: "a review log entry number")
            }
            guard try app.store.history(individualID: id).contains(where: { $0.id == entry }) else {
                throw WebError.notFound(what: "Review log entry \(entry) of \(id)")
            }
            let undo = try PageSupport.mapped { try app.store.undo(entryID: entry, actor: user.name) }
            var headers = HTTPFields()
            headers[.location] = "/individuals/\(PageSupport.segment(id))?restored=\(undo.id)"
            return Response(status: .seeOther, headers: headers)
        }
    }

    func page(_ id: String, user: WebUser, context: WebContext, restored: String?, saved: String?) throws -> Response {
        let profile = try IndividualProfile.make(app: app, user: user, id: id)
        let i = profile.individual, zone = PageSupport.zone(app)
        var data = PageSupport.templateData(profile.json) as? [String: Any] ?? [:]
        data["csrf"] = context.csrf ?? ""
        data["hasCubs"] = !(profile.json["cubs"] as? [String] ?? []).isEmpty
        data["hasMates"] = !(profile.json["litterMates"] as? [String] ?? []).isEmpty
        data["hasLitters"] = !(profile.json["litters"] as? [Any] ?? []).isEmpty
        func link(_ x: String) -> [String: Any] { ["id": x, "href": "/individuals/" + PageSupport.segment(x)] }
        if let m = i.motherID { data["motherLink"] = link(m) }
        if let f = i.fatherID { data["fatherLink"] = link(f) }
        if let m = i.mergedInto { data["mergedLink"] = link(m) }
        data["cubLinks"] = (profile.json["cubs"] as? [String] ?? []).map(link)
        data["mateLinks"] = (profile.json["litterMates"] as? [String] ?? []).map(link)
        data["hasFamily"] = i.motherID != nil || i.fatherID != nil || !(profile.json["cubs"] as? [String] ?? []).isEmpty
        data["sides"] = ["left", "right", "unknown"].map { side -> [String: Any] in
            let photos = ((profile.json["referencePhotos"] as? [String: Any])?[side] as? [[String: Any]]) ?? []
            return ["side": side, "photos": photos, "none": photos.isEmpty]
        }
        data["timeline"] = PageCharts.timeline(profile.sightings.map { ($0.sighting.timestamp, $0.station, $0.afterDeath) },
                                               death: i.deathDate, zone: zone)
        data["map"] = PageCharts.stationMap(profile.stationPoints, title: "Stations of \(i.individualID)", width: 480, height: 360)
        data["recent"] = profile.sightings.suffix(24).reversed().map { s -> [String: Any] in
            ["mediaID": s.sighting.mediaID, "time": PageSupport.time(s.sighting.timestamp, zone), "station": s.station, "afterDeath": s.afterDeath]
        }
        data["photoCount"] = profile.sightings.count
        let mayEdit = user.role.mayReview
        data["mayEdit"] = mayEdit
        data["historyRows"] = (profile.json["history"] as? [[String: Any]] ?? []).map { e -> [String: Any] in
            var e = PageSupport.templateData(e) as? [String: Any] ?? [:]
            e["at"] = PageSupport.time(profile.history.first { $0.id == e["id"] as? Int64 }?.at, zone)
            e["canRevert"] = mayEdit && e["revertedBy"] == nil
            e["revertedByText"] = (e["revertedBy"] as? Int64).map { "reverted by #\($0)" } ?? ""
            return e
        }
        data["changeRows"] = profile.changes.reversed().map { c -> [String: Any] in
            ["at": PageSupport.time(c.at, zone), "actor": c.actor, "action": c.action, "detail": c.detail ?? ""]
        }
        if let restored { data["notice"] = "Reverted: log entry #\(restored) restored the earlier state shown below." }
        if let saved { data["notice"] = saved == "0" ? "Nothing changed." : "Saved \(saved) change(s)." }
        if mayEdit {
            let current = IndividualEditForm.current(i, zone: zone)
            func options(_ values: [String], _ selected: String?) -> [[String: Any]] {
                ([""] + values).map { ["value": $0, "label": $0.isEmpty ? "(unchanged)" : $0, "selected": $0 == (selected ?? "")] }
            }
            data["form"] = [
                "name": current["name"] ?? "", "notes": current["notes"] ?? "", "birthYear": current["birthYear"] ?? "",
                "motherID": current["motherID"] ?? "", "fatherID": current["fatherID"] ?? "", "observedOn": current["observedOn"] ?? "",
                "deathDate": current["deathDate"] ?? "", "deathPlace": current["deathPlace"] ?? "",
                "sex": options(["female", "male", "unknown"], current["sex"]),
                "status": options(["alive", "dead", "unknown"], current["status"]),
                "lifeStage": options(LifeStage.allCases.map(\.rawValue), current["lifeStage"]),
                "deathCause": options(DeathCause.allCases.map(\.rawValue), current["deathCause"]),
                "action": "/individuals/\(PageSupport.segment(id))/edit", "revert": "/individuals/\(PageSupport.segment(id))/revert",
            ] as [String: Any]
        }
        return try app.pages.page("individual", title: "\(i.individualID) — Rosette", context: context, data: data, section: "/catalog")
    }

    static let openAPI = """
        {"paths": {"/api/individuals/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
          "get": {"summary": "An individual's profile: life history, stage by year, family, reference photos by flank, detections, stations, history",
            "operationId": "individual", "responses": {"200": {"description": "The profile", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IndividualProfile"}}}},
              "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "Edit an individual's life history (reviewer or admin; the same rules as `rosette individuals edit`; nothing is written when a rule breaks)",
            "operationId": "editIndividual", "security": [{"session": [], "csrf": []}],
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IndividualEdit"}}}},
            "responses": {"200": {"description": "The profile after the edit and the changes made", "content": {"application/json": {"schema": {
                "type": "object", "required": ["individual", "changed"], "properties": {"individual": {"$ref": "#/components/schemas/IndividualProfile"},
                "changed": {"type": "array", "items": {"type": "string"}}}}}}},
              "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
              "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}}},
         "components": {"schemas": {
          "IndividualEdit": {"type": "object", "additionalProperties": false, "properties": {
            "name": {"type": "string"}, "sex": {"type": "string", "enum": ["female", "male", "unknown"]},
            "status": {"type": "string", "enum": ["alive", "dead", "unknown"]}, "notes": {"type": "string"},
            "birthYear": {"type": "integer"}, "motherID": {"type": "string"}, "fatherID": {"type": "string"},
            "lifeStage": {"type": "string", "enum": ["cub", "subadult", "adult"]}, "observedOn": {"type": "string", "format": "date"},
            "deathDate": {"type": "string"}, "deathCause": {"type": "string", "enum": ["road-kill", "poaching", "tiger", "disease", "natural", "unknown"]},
            "deathPlace": {"type": "string", "description": "a station or LAT,LON"}}},
          "IndividualProfile": {"type": "object", "required": ["individualID", "status", "stageByYear", "referencePhotos", "sightings", "stations", "history", "changes"],
            "properties": {"individualID": {"type": "string"}, "name": {"type": "string", "nullable": true}, "sex": {"type": "string", "nullable": true},
              "status": {"type": "string"}, "notes": {"type": "string", "nullable": true}, "birthYear": {"type": "integer", "nullable": true},
              "motherID": {"type": "string", "nullable": true}, "fatherID": {"type": "string", "nullable": true}, "mergedInto": {"type": "string", "nullable": true},
              "version": {"type": "integer"},
              "lifeStage": {"type": "object", "properties": {"observed": {"type": "string", "nullable": true}, "on": {"type": "string", "nullable": true}}},
              "stageByYear": {"type": "array", "items": {"type": "object", "properties": {"year": {"type": "integer"}, "stage": {"type": "string"}}}},
              "cubs": {"type": "array", "items": {"type": "string"}}, "litterMates": {"type": "array", "items": {"type": "string"}},
              "litters": {"type": "array", "items": {"type": "object", "properties": {"birthYear": {"type": "integer"}, "cubs": {"type": "array", "items": {"type": "string"}}}}},
              "death": {"type": "object", "nullable": true, "properties": {"date": {"type": "string", "nullable": true}, "cause": {"type": "string"},
                "place": {"type": "object", "nullable": true, "properties": {"station": {"type": "string", "nullable": true}, "latitude": {"type": "number"},
                  "longitude": {"type": "number"}, "generalised": {"type": "boolean"}}}}},
              "referencePhotos": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "integer"}, "mediaID": {"type": "integer"}, "side": {"type": "string"},
                "box": {"type": "array", "nullable": true, "items": {"type": "number"}}, "addedBy": {"type": "string"}, "addedAt": {"type": "string"}}}}},
              "sightings": {"type": "array", "items": {"type": "object", "properties": {"mediaID": {"type": "integer"}, "time": {"type": "string"},
                "station": {"type": "string"}, "afterDeath": {"type": "boolean"}}}},
              "stations": {"type": "array", "items": {"type": "object", "properties": {"station": {"type": "string"}, "latitude": {"type": "number"},
                "longitude": {"type": "number"}, "photos": {"type": "integer"}, "jurisdiction": {"type": "string"}, "generalised": {"type": "boolean"}}}},
              "flags": {"type": "array", "items": {"type": "string"}},
              "history": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "at": {"type": "string"},
                "actor": {"type": "string"}, "kind": {"type": "string"}, "verdict": {"type": "string", "nullable": true}, "summary": {"type": "string"},
                "reverts": {"type": "integer", "nullable": true}, "revertedBy": {"type": "integer", "nullable": true}}}},
              "changes": {"type": "array", "items": {"type": "object", "properties": {"at": {"type": "string"}, "actor": {"type": "string"},
                "action": {"type": "string"}, "detail": {"type": "string", "nullable": true}}}}}}}}}
        """
}
