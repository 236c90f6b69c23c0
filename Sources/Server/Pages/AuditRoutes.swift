import Foundation
import Hummingbird
import Store

/// `/audit` (administrators only): the change log, newest first, 100 lines a page (`?before=ID` pages back).
struct AuditRoutes {
    let app: WebApp
    static let pageSize = 100

    func register(on router: Router<WebContext>) {
        router.get("/audit") { request, context in
            _ = try context.admin()
            let before = try PageSupport.intQuery(request, "before", range: 1...Int.max).map(Int64.init)
            let page = try app.store.changeLogPage(before: before, limit: Self.pageSize)
            let zone = PageSupport.zone(app)
            let rows: [[String: Any]] = page.lines.map { l in
                var r: [String: Any] = ["id": l.id, "at": PageSupport.time(l.at, zone), "actor": l.actor, "entity": l.entity,
                                        "entityID": l.entityID, "action": l.action, "detail": l.detail ?? ""]
                if l.entity == "individual" { r["href"] = "/individuals/" + PageSupport.segment(l.entityID) }
                return r
            }
            let older = page.lines.count == Self.pageSize ? page.lines.last.map { "/audit?before=\($0.id)" } ?? "" : ""
            return try app.pages.page("audit", title: "Audit — Rosette", context: context, data: [
                "rows": rows, "total": page.total, "older": older, "newest": before != nil,
            ])
        }
    }
}
