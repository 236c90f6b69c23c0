import Census
import Core
import Foundation
import Hummingbird
import Store

/// The census report: `/census` (the yearly population table and its chart), `/census/{year}` and
/// `/api/census/{year}` (one year: stages, sexes, litters, deaths, jurisdictions, border crossers, flags, and the
/// survey's CJS apparent survival). Figures come from the Census target (`PopulationSummary`, `CJSModel`), cached
/// until the data changes; SECR abundance, density and λ are left to `rosette census report` (slow fits).
struct CensusRoutes {
    let app: WebApp

    static func counts(_ d: [String: Int]) -> String {
        d.isEmpty ? "—" : d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    func yearRow(_ y: PopulationSummary.Year) -> [String: Any] {
        ["year": y.year, "href": "/census/\(y.year)", "knownAlive": y.knownAlive, "seen": y.seen, "adults": y.byStage["adult"] ?? 0,
         "subadults": y.byStage["subadult"] ?? 0, "cubs": y.byStage["cub"] ?? 0, "unknown": y.byStage["unknown"] ?? 0,
         "newIndividuals": y.newIndividuals, "newAdults": y.newAdults, "litters": y.litters.count,
         "cubsPerLitter": y.cubsPerLitter.map { String(format: "%.1f", $0) } ?? "—", "deaths": y.deaths.count,
         "byJurisdiction": Self.counts(y.byJurisdiction), "crossBorder": y.crossBorder.count]
    }

    func year(_ context: WebContext) throws -> Int {
        let raw = context.parameters.get("year") ?? ""
        guard let y = Int(raw), (1900...2200).contains(y) else { throw WebError.badInput(field: "year", value: raw, expected: "a year such as 2024") }
        return y
    }

    func survivalJSON(_ f: CensusCache.Figures) -> Any {
        guard let s = f.survival else { return ["failure": f.survivalFailure ?? "not estimated"] }
        func rates(_ ps: [CJSFit.Parameter]) -> [[String: Any]] {
            ps.map { ["label": $0.label, "group": $0.group ?? NSNull(), "estimate": $0.value.estimate, "lcl": $0.value.lcl, "ucl": $0.value.ucl] }
        }
        return ["model": s.name, "AICc": s.aicc, "animals": s.animals, "occasions": s.occasions, "phi": rates(s.phi), "p": rates(s.p)]
    }

    /// The survival fit with its numbers rounded for the page.
    func survivalView(_ f: CensusCache.Figures) -> [String: Any] {
        guard let s = f.survival else { return ["failure": f.survivalFailure ?? "not estimated"] }
        func rates(_ ps: [CJSFit.Parameter]) -> [[String: Any]] {
            ps.map { ["label": $0.label, "estimate": String(format: "%.3f", $0.value.estimate), "lcl": String(format: "%.3f", $0.value.lcl),
                      "ucl": String(format: "%.3f", $0.value.ucl)] }
        }
        return ["model": s.name, "animals": s.animals, "occasions": s.occasions, "phi": rates(s.phi), "p": rates(s.p)]
    }

    func yearJSON(_ year: Int) throws -> [String: Any] {
        let f = try CensusCache.figures(app.store)
        guard let y = f.population.years.first(where: { $0.year == year }) else {
            throw WebError.notFound(what: "A census of \(year) (the survey covers \(f.population.years.map(\.year).map(String.init).joined(separator: ", ")))")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let population = try JSONSerialization.jsonObject(with: try encoder.encode(y))
        return ["species": CensusCache.species, "year": year, "population": population, "cubsPerLitter": y.cubsPerLitter ?? NSNull(),
                "survival": survivalJSON(f),
                "secr": "not computed by the web app (slow fits): run rosette census report --year \(year) --out DIR"]
    }

    func register(on router: Router<WebContext>) {
        router.get("/census") { _, context in
            _ = try context.user()
            let f = try CensusCache.figures(app.store)
            let chart = SVGChart.trend(f.population.years.map { ($0.year, $0.knownAlive, nil, nil, nil) }, title: "Individuals known alive per year")
            return try app.pages.page("census", title: "Census — Rosette", context: context, data: [
                "years": f.population.years.map(yearRow), "chart": chart, "species": CensusCache.species,
                "survival": survivalView(f),
            ], section: "/census")
        }
        router.get("/census/:year") { _, context in
            let user = try context.user()
            let year = try year(context)
            _ = try yearJSON(year)
            let f = try CensusCache.figures(app.store)
            let y = f.population.years.first { $0.year == year }!
            func links(_ ids: [String]) -> [[String: Any]] { ids.sorted().map { ["id": $0, "href": "/individuals/" + PageSupport.segment($0)] } }
            return try app.pages.page("census-year", title: "Census \(year) — Rosette", context: context, data: [
                "year": year, "species": CensusCache.species, "row": yearRow(y),
                "bySex": Self.counts(y.bySex), "deathsByCause": Self.counts(y.deathsByCause), "deathsByJurisdiction": Self.counts(y.deathsByJurisdiction),
                "deaths": links(y.deaths), "crossBorder": links(y.crossBorder), "flags": y.flags,
                "litters": y.litters.map { ["mother": links([$0.motherID])[0], "cubs": links($0.cubs)] },
                "survival": survivalView(f),
                "prev": "/census/\(year - 1)", "next": "/census/\(year + 1)", "fullReport": user.role.seesExactLocations,
            ], section: "/census")
        }
        router.get("/api/census/:year") { _, context in
            _ = try context.user()
            return JSONResponse.make(try yearJSON(try year(context)))
        }
    }

    static let openAPI = """
        {"paths": {"/api/census/{year}": {"parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "integer"}}],
          "get": {"summary": "The census of one year: the population table's line (PopulationSummary) and the survey's CJS apparent survival",
            "operationId": "census", "responses": {"200": {"description": "The year", "content": {"application/json": {"schema": {
              "type": "object", "required": ["species", "year", "population", "survival"],
              "properties": {"species": {"type": "string"}, "year": {"type": "integer"}, "cubsPerLitter": {"type": "number", "nullable": true},
                "population": {"type": "object", "required": ["year", "knownAlive", "seen", "byStage", "bySex"], "properties": {
                  "year": {"type": "integer"}, "knownAlive": {"type": "integer"}, "seen": {"type": "integer"},
                  "byStage": {"type": "object", "additionalProperties": {"type": "integer"}}, "bySex": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "newIndividuals": {"type": "integer"}, "newAdults": {"type": "integer"}, "cubsWithMother": {"type": "integer"},
                  "litters": {"type": "array", "items": {"type": "object", "properties": {"motherID": {"type": "string"}, "birthYear": {"type": "integer"},
                    "cubs": {"type": "array", "items": {"type": "string"}}}}},
                  "deaths": {"type": "array", "items": {"type": "string"}}, "deathsByCause": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "deathsByJurisdiction": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "byJurisdiction": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "crossBorder": {"type": "array", "items": {"type": "string"}}, "flags": {"type": "array", "items": {"type": "string"}}}},
                "survival": {"type": "object", "properties": {"model": {"type": "string"}, "AICc": {"type": "number"}, "animals": {"type": "integer"},
                  "occasions": {"type": "integer"}, "failure": {"type": "string"},
                  "phi": {"type": "array", "items": {"$ref": "#/components/schemas/Rate"}}, "p": {"type": "array", "items": {"$ref": "#/components/schemas/Rate"}}}},
                "secr": {"type": "string"}}}}}},
              "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}}},
         "components": {"schemas": {"Rate": {"type": "object", "properties": {"label": {"type": "string"}, "group": {"type": "string", "nullable": true},
           "estimate": {"type": "number"}, "lcl": {"type": "number"}, "ucl": {"type": "number"}}}}}}
        """
}
