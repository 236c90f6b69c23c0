import Core
import Foundation
import Hummingbird
import Store

/// `/` (the dashboard) and `/api/dashboard`: photos ingested, triaged, leopard boxes and encounters reviewed by
/// station and by month, and review progress per reviewer. Stations through the role's `LocationPolicy`.
struct DashboardRoutes {
    let app: WebApp

    struct Line: Sendable {
        var key: String
        var photos = 0, triaged = 0, leopardBoxes = 0, encounters = 0, encountersReviewed = 0

        mutating func add(_ c: DashboardCounts.Cell) {
            photos += c.photos; triaged += c.triaged; leopardBoxes += c.leopardBoxes
            encounters += c.encounters; encountersReviewed += c.encountersReviewed
        }

        func json(_ name: String) -> [String: Any] {
            [name: key, "photos": photos, "triaged": triaged, "leopardBoxes": leopardBoxes, "encounters": encounters,
             "encountersReviewed": encountersReviewed]
        }
    }

    struct Summary {
        var total: Line
        var byStation: [Line]
        var byMonth: [Line]
        var counts: DashboardCounts
    }

    func summary(for user: WebUser) throws -> Summary {
        let zone = PageSupport.zone(app)
        let offset = zone.offset(at: Date())
        let counts = try DerivedCache.shared.value("dashboard\(offset)", app.store) { try app.store.dashboardCounts(offsetSeconds: offset) }
        let policy = app.locations(for: user)
        var total = Line(key: "all"), stations: [String: Line] = [:], months: [String: Line] = [:]
        for c in counts.cells {
            total.add(c)
            let s = policy.station(c.station)
            stations[s, default: Line(key: s)].add(c)
            months[c.month, default: Line(key: c.month)].add(c)
        }
        return Summary(total: total, byStation: stations.values.sorted { $0.key < $1.key },
                       byMonth: months.values.sorted { $0.key < $1.key }, counts: counts)
    }

    func register(on router: Router<WebContext>) {
        router.get("/") { _, context in
            let user = try context.user()
            let s = try summary(for: user)
            let zone = PageSupport.zone(app)
            func rows(_ lines: [Line]) -> [[String: Any]] {
                lines.map { ["key": $0.key, "photos": $0.photos, "triaged": $0.triaged, "boxes": $0.leopardBoxes,
                             "encounters": $0.encounters, "reviewed": $0.encountersReviewed] }
            }
            let reviewers: [[String: Any]] = s.counts.reviewers.map { r in
                ["name": r.actor, "decisions": r.decisions,
                 "verdicts": r.byVerdict.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                 "log": r.logEntries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                 "last": PageSupport.time(r.last, zone)]
            }
            let charts = [
                PageCharts.bars(s.byStation.map { ($0.key, $0.photos) }, title: "Photos by station"),
                PageCharts.bars(s.byMonth.map { ($0.key, $0.photos) }, title: "Photos by month"),
                PageCharts.bars(s.byMonth.map { ($0.key, $0.encountersReviewed) }, title: "Encounters reviewed by month"),
                PageCharts.bars(s.counts.reviewers.map { ($0.actor, $0.decisions) }, title: "Decisions by reviewer"),
            ]
            return try app.pages.page("dashboard", title: "Rosette — \(app.store.settings.name)", context: context, data: [
                "survey": app.store.settings.name, "role": user.role.rawValue, "isAdmin": user.role.mayAdminister, "total": rows([s.total])[0],
                "open": s.counts.openEncounters, "byStation": rows(s.byStation), "byMonth": rows(s.byMonth),
                "reviewers": reviewers, "hasReviewers": !reviewers.isEmpty, "charts": charts.map { ["svg": $0] },
            ], section: "/")
        }
        router.get("/api/dashboard") { _, context in
            let user = try context.user()
            let s = try summary(for: user)
            return JSONResponse.make([
                "survey": app.store.settings.name,
                "totals": s.total.json("scope").merging(["openEncounters": s.counts.openEncounters]) { a, _ in a },
                "byStation": s.byStation.map { $0.json("station") }, "byMonth": s.byMonth.map { $0.json("month") },
                "reviewers": s.counts.reviewers.map { r in
                    ["name": r.actor, "decisions": r.decisions, "byVerdict": r.byVerdict, "logEntries": r.logEntries,
                     "last": r.last.map { PageSupport.iso($0) } ?? NSNull()] as [String: Any]
                },
            ])
        }
    }

    static let openAPI = """
        {"paths": {"/api/dashboard": {"get": {"summary": "Survey progress: photos, triage, leopard boxes, reviewed encounters by station and month; decisions per reviewer",
          "operationId": "dashboard", "responses": {"200": {"description": "The counts", "content": {"application/json": {"schema": {
            "type": "object", "required": ["survey", "totals", "byStation", "byMonth", "reviewers"],
            "properties": {"survey": {"type": "string"}, "totals": {"$ref": "#/components/schemas/ProgressCounts"},
              "byStation": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressCounts"}},
              "byMonth": {"type": "array", "items": {"$ref": "#/components/schemas/ProgressCounts"}},
              "reviewers": {"type": "array", "items": {"type": "object", "required": ["name", "decisions"], "properties": {
                "name": {"type": "string"}, "decisions": {"type": "integer"},
                "byVerdict": {"type": "object", "additionalProperties": {"type": "integer"}},
                "logEntries": {"type": "object", "additionalProperties": {"type": "integer"}},
                "last": {"type": "string", "format": "date-time", "nullable": true}}}}}}}}},
            "401": {"$ref": "#/components/responses/Error"}}}}},
         "components": {"schemas": {"ProgressCounts": {"type": "object", "required": ["photos", "triaged", "leopardBoxes", "encounters", "encountersReviewed"],
           "properties": {"station": {"type": "string", "description": "station name, or its alias for a role without exact locations"},
             "month": {"type": "string", "description": "YYYY-MM in the survey's time zone"}, "scope": {"type": "string"},
             "photos": {"type": "integer"}, "triaged": {"type": "integer"}, "leopardBoxes": {"type": "integer"},
             "encounters": {"type": "integer"}, "encountersReviewed": {"type": "integer"}, "openEncounters": {"type": "integer"}}}}}}
        """
}
