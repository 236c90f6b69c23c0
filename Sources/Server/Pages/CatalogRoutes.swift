import Core
import Foundation
import Hummingbird
import Store

/// The catalog list: `/catalog` and `/api/individuals`, with search (ID, name) and filters (sex, stage, status,
/// seen in year, station), paged. Built from the catalog and one grouped query over the detections.
struct CatalogRoutes {
    let app: WebApp
    static let pageSize = 50

    struct Filters {
        var q: String?, sex: String?, stage: String?, status: String?, year: Int?, station: String?, page: Int

        init(_ request: Request) throws {
            q = PageSupport.query(request, "q")
            sex = PageSupport.query(request, "sex")?.lowercased()
            stage = PageSupport.query(request, "stage")?.lowercased()
            status = PageSupport.query(request, "status")?.lowercased()
            year = try PageSupport.intQuery(request, "year", range: 1900...2200)
            station = PageSupport.query(request, "station")
            page = try PageSupport.intQuery(request, "page", range: 1...100_000) ?? 1
            if let sex, !["female", "male", "unknown"].contains(sex) {
                throw WebError.badInput(field: "sex", value: sex, expected: "female, male or unknown")
            }
            if let stage, !(LifeStage.allCases.map(\.rawValue) + ["unknown"]).contains(stage) {
                throw WebError.badInput(field: "stage", value: stage, expected: "cub, subadult, adult or unknown")
            }
            if let status, !["alive", "dead", "unknown", "merged"].contains(status) {
                throw WebError.badInput(field: "status", value: status, expected: "alive, dead, unknown or merged")
            }
        }

        var query: String {
            [("q", q), ("sex", sex), ("stage", stage), ("status", status), ("year", year.map(String.init)), ("station", station)]
                .compactMap { k, v in v.map { "\(k)=\(PageSupport.segment($0))" } }.joined(separator: "&")
        }
    }

    struct Listing {
        var rows: [[String: Any]]
        var total: Int
        var referenceYear: Int
        var stations: [String]
        var years: [Int]
    }

    /// The listing, kept until the survey's data changes (per filters and per view of places).
    func listing(_ f: Filters, user: WebUser) throws -> Listing {
        let policy = app.locations(for: user)
        let key = ["catalog", f.q ?? "", f.sex ?? "", f.stage ?? "", f.status ?? "", f.year.map(String.init) ?? "", f.station ?? "",
                   String(f.page), String(policy.exact)].joined(separator: "\u{1}")
        return try DerivedCache.shared.value(key, app.store) { ListingBox(listing: try freshListing(f, user: user)) }.listing
    }

    /// A listing as a cache entry (its rows are plain values read only after they are made).
    struct ListingBox: @unchecked Sendable { let listing: Listing }

    func freshListing(_ f: Filters, user: WebUser) throws -> Listing {
        let zone = PageSupport.zone(app), policy = app.locations(for: user)
        let offset = zone.offset(at: Date())
        let summaries = try DerivedCache.shared.value("sightings\(offset)", app.store) { try app.store.sightingSummaries(offsetSeconds: offset) }
        let facts = try DerivedCache.shared.value("facts", app.store) { try app.store.catalogFacts() }
        let individuals = try DerivedCache.shared.value("names", app.store) { try app.store.individualNames() }
        let allYears = Set(summaries.values.flatMap(\.years))
        let referenceYear = f.year ?? allYears.max() ?? PageSupport.year(Date(), zone)
        var rows: [[String: Any]] = []
        var stations: Set<String> = []
        for (id, name) in individuals.sorted(by: { $0.key < $1.key }) {
            let fact = facts[id] ?? CatalogFacts(individualID: id)
            let s = summaries[id]
            let seenAt = Set((s?.stations ?? []).map { policy.station($0) })
            stations.formUnion(seenAt)
            let stage = fact.stage(in: referenceYear)?.rawValue ?? "unknown"
            let status = fact.mergedInto == nil ? fact.status : "merged"
            if let q = f.q?.lowercased(), !id.lowercased().contains(q), !(name?.lowercased().contains(q) ?? false) { continue }
            if let sex = f.sex, (fact.sex ?? "unknown") != sex { continue }
            if let st = f.stage, stage != st { continue }
            if let want = f.status, status != want { continue }
            if let y = f.year, !(s?.years.contains(y) ?? false) { continue }
            if let station = f.station, !seenAt.contains(station) { continue }
            var row: [String: Any] = ["individualID": id, "status": status, "lifeStage": stage, "photos": s?.photos ?? 0]
            row["name"] = PageSupport.opt(name)
            row["sex"] = PageSupport.opt(fact.sex)
            row["birthYear"] = PageSupport.opt(fact.birthYear)
            row["motherID"] = PageSupport.opt(fact.motherID)
            row["mergedInto"] = PageSupport.opt(fact.mergedInto)
            row["firstSeen"] = PageSupport.opt(s?.first.map { PageSupport.day($0, zone) })
            row["lastSeen"] = PageSupport.opt(s?.last.map { PageSupport.day($0, zone) })
            row["years"] = (s?.years ?? []).sorted()
            row["stations"] = seenAt.sorted()
            rows.append(row)
        }
        let start = (f.page - 1) * Self.pageSize
        let page = start < rows.count ? Array(rows[start..<min(start + Self.pageSize, rows.count)]) : []
        return Listing(rows: page, total: rows.count, referenceYear: referenceYear, stations: stations.sorted(), years: allYears.sorted())
    }

    func register(on router: Router<WebContext>) {
        router.get("/catalog") { request, context in
            let user = try context.user()
            let f = try Filters(request)
            let l = try listing(f, user: user)
            let pages = max(1, (l.total + Self.pageSize - 1) / Self.pageSize)
            func options(_ values: [String], _ selected: String?) -> [[String: Any]] {
                ([""] + values).map { ["value": $0, "label": $0.isEmpty ? "any" : $0, "selected": $0 == (selected ?? "")] }
            }
            let rows = l.rows.map { r -> [String: Any] in
                var r = PageSupport.templateData(r) as? [String: Any] ?? [:]
                r["href"] = "/individuals/" + PageSupport.segment(r["individualID"] as? String ?? "")
                r["stationList"] = (r["stations"] as? [String] ?? []).joined(separator: ", ")
                return r
            }
            let base = "/catalog?" + f.query + (f.query.isEmpty ? "" : "&")
            return try app.pages.page("catalog", title: "Catalog — Rosette", context: context, data: [
                "rows": rows, "total": l.total, "referenceYear": l.referenceYear, "q": f.q ?? "",
                "sex": options(["female", "male", "unknown"], f.sex), "stage": options(["cub", "subadult", "adult", "unknown"], f.stage),
                "status": options(["alive", "dead", "unknown", "merged"], f.status),
                "year": options(l.years.map(String.init), f.year.map(String.init)), "station": options(l.stations, f.station),
                "page": f.page, "pages": pages,
                "prev": f.page > 1 ? base + "page=\(f.page - 1)" : "", "next": f.page < pages ? base + "page=\(f.page + 1)" : "",
            ], section: "/catalog")
        }
        router.get("/api/individuals") { request, context in
            let user = try context.user()
            let f = try Filters(request)
            let l = try listing(f, user: user)
            return JSONResponse.make(["total": l.total, "page": f.page, "pageSize": Self.pageSize, "referenceYear": l.referenceYear,
                                      "items": l.rows])
        }
    }

    static let openAPI = """
        {"paths": {"/api/individuals": {"get": {"summary": "The catalog: individuals with search and filters, paged (50 a page)",
          "operationId": "individuals", "parameters": [
            {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "part of the ID or name"},
            {"name": "sex", "in": "query", "schema": {"type": "string", "enum": ["female", "male", "unknown"]}},
            {"name": "stage", "in": "query", "schema": {"type": "string", "enum": ["cub", "subadult", "adult", "unknown"]}, "description": "life stage in the reference year"},
            {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["alive", "dead", "unknown", "merged"]}},
            {"name": "year", "in": "query", "schema": {"type": "integer"}, "description": "seen in this year (also the reference year of the stage)"},
            {"name": "station", "in": "query", "schema": {"type": "string"}, "description": "seen at this station (its alias for a role without exact locations)"},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
          "responses": {"200": {"description": "A page of the catalog", "content": {"application/json": {"schema": {
            "type": "object", "required": ["total", "page", "pageSize", "referenceYear", "items"],
            "properties": {"total": {"type": "integer"}, "page": {"type": "integer"}, "pageSize": {"type": "integer"}, "referenceYear": {"type": "integer"},
              "items": {"type": "array", "items": {"$ref": "#/components/schemas/CatalogItem"}}}}}}},
            "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}}},
         "components": {"schemas": {"CatalogItem": {"type": "object", "required": ["individualID", "status", "lifeStage", "photos", "years", "stations"],
           "properties": {"individualID": {"type": "string"}, "name": {"type": "string", "nullable": true}, "sex": {"type": "string", "nullable": true},
             "status": {"type": "string"}, "lifeStage": {"type": "string"}, "birthYear": {"type": "integer", "nullable": true},
             "motherID": {"type": "string", "nullable": true}, "mergedInto": {"type": "string", "nullable": true}, "photos": {"type": "integer"},
             "firstSeen": {"type": "string", "nullable": true}, "lastSeen": {"type": "string", "nullable": true},
             "years": {"type": "array", "items": {"type": "integer"}}, "stations": {"type": "array", "items": {"type": "string"}}}}}}}
        """
}
