import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `census survival`: Cormack–Jolly–Seber apparent survival and recapture.
    struct Survival: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "survival",
            abstract: "Apparent survival φ and recapture p (Cormack–Jolly–Seber), with an AICc table of models.",
            discussion: """
            Input: --histories FILE (CSV with a 'ch' column of 0/1 per occasion, e.g. ../shared/reference/cjs-dipper/dipper.csv; \
            bad lines are reported and skipped) or --survey S: one occasion per calendar year the deployments cover \
            (survey time zone), an individual captured in a year when detected that year; years without deployments \
            are not occasions, and survival across such a gap is φ^gap. Models: phi(.)p(.), phi(t)p(.), phi(.)p(t), \
            phi(t)p(t), and with --group G also phi(G)p(G), phi(G*t)p(G), phi(G)p(G*t), phi(G*t)p(G*t) (any mix is \
            accepted by --model). The likelihood conditions on first capture; 95% intervals are Wald on the logit \
            scale (z = 1.96, as MARK), back-transformed; SEs by the delta method. Where φ and p are both time-specific \
            the last φ and p are confounded: their product is reported and K counts it once. AICc uses MARK's \
            effective sample size (releases before the last occasion).
            """
        )

        @Option(help: "Capture histories CSV with a 'ch' column (and optional group columns).")
        var histories: String?

        @Option(help: "The survey folder (yearly histories of identified individuals).")
        var survey: String?

        @Option(help: "With --survey: only this species (default: every identified individual).")
        var species: String?

        @Option(help: "Group column (with --survey: sex, from the catalog, or age: the life stage in the year first seen).")
        var group: String?

        @Option(help: "One model, e.g. 'phi(.)p(.)', 'phi(t)p(t)', 'phi(sex)p(.)'. Default: all, in an AICc table.")
        var model: String?

        @Option(help: "Confidence level.")
        var level: Double = 0.95

        @Option(help: "Output format: table or json.")
        var format: CensusOutputFormat = .table

        func validate() throws {
            if (histories == nil) == (survey == nil) {
                throw ValidationError("give either --histories FILE or --survey FOLDER")
            }
            if species != nil, survey == nil { throw ValidationError("--species goes with --survey") }
            if let group, survey != nil, !["sex", "age"].contains(group.lowercased()) {
                throw ValidationError("with --survey the group can be 'sex' (from the catalog) or 'age' (life stage when first seen), not '\(group)'")
            }
            if let model, CJSModel.parse(model, group: group) == nil {
                throw ValidationError("unknown model '\(model)'; use phi(X)p(Y) with X, Y one of ., t"
                                      + (group.map { ", \($0), \($0)*t" } ?? " (or a group and group*t with --group)"))
            }
            if !(level > 0.5 && level < 1) { throw ValidationError("--level must lie between 0.5 and 1") }
        }

        func run() throws {
            let data = try load()
            for problem in data.problems { printError(problem) }
            if let model, let chosen = CJSModel.parse(model, group: group, confidenceLevel: level) {
                let fit = try chosen.fit(data)
                print(format == .json ? try CensusJSON.render(Self.json(fit)) : Self.table(fit, data: data, level: level))
                return
            }
            let rows = CJSModelComparison.table(data: data, models: CJSModel.candidates(grouped: data.groupName != nil,
                                                                                         confidenceLevel: level))
            if format == .json {
                print(try CensusJSON.render(rows.map { row -> [String: Any] in
                    switch row.outcome {
                    case let .success(fit):
                        var object = Self.json(fit)
                        object["deltaAICc"] = CensusJSON.number(row.deltaAICc)
                        object["weight"] = CensusJSON.number(row.weight)
                        return object
                    case let .failure(error):
                        return ["model": row.name, "error": error.description]
                    }
                }))
            } else {
                print(Self.aicTable(rows, data: data))
                if let best = rows.first, case let .success(fit) = best.outcome {
                    print("")
                    print(Self.table(fit, data: data, level: level))
                }
            }
        }

        func load() throws -> CJSData {
            if let histories {
                return try CJSData.readCSV(contentsOf: URL(fileURLWithPath: histories), group: group, displayName: histories)
            }
            let store = try SurveyStore(directory: URL(fileURLWithPath: survey ?? "."))
            let zone = try ZoneSpec(store.settings.timeZone)
            let years = CJSData.surveyYears(deployments: try store.deployments(), zone: zone)
            var groups: [String: String]?
            let records = try store.detectionRecords(species: species)
            let byAge = group?.lowercased() == "age"
            if group != nil {
                let catalog = try store.catalogFacts(), tagged = try store.taggedTraits()
                var values: [String: String] = [:]
                if byAge {
                    var first: [String: Int] = [:]
                    for r in records { if let id = r.individualID { first[id] = min(first[id] ?? Int.max, PopulationSummary.year(of: r.timestamp, zone: zone)) } }
                    for (id, y) in first {
                        var f = catalog[id] ?? CatalogFacts(individualID: id)
                        if f.lifeStage == nil { f.lifeStage = tagged[id]?.lifeStage }
                        values[id] = f.stage(in: y)?.rawValue ?? "unknown"
                    }
                } else {
                    for (id, t) in tagged { if let s = t.sex { values[id] = s } }
                    for (id, f) in catalog { if let s = f.sex { values[id] = s } }
                }
                groups = values
            }
            return try CJSData.fromSurvey(records: records, zone: zone, years: years,
                                          groups: groups, groupName: group.map { _ in byAge ? "age" : "sex" })
        }
    }
}
