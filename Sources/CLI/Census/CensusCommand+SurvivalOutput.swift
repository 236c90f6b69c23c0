import Census
import Foundation

extension CensusCommand.Survival {
    static func json(_ fit: CJSFit) -> [String: Any] {
        func list(_ parameters: [CJSFit.Parameter], key: String) -> [[String: Any]] {
            parameters.map { parameter in
                var object = CensusJSON.estimate(parameter.value)
                object[key] = parameter.label
                if let group = parameter.group { object["group"] = group }
                return object
            }
        }
        var object: [String: Any] = [
            "model": fit.name,
            "logLik": CensusJSON.number(fit.logLik),
            "minus2LogLik": CensusJSON.number(fit.minus2LogLik),
            "K": fit.parameterCount,
            "AICc": CensusJSON.number(fit.aicc),
            "nEffective": fit.effectiveSampleSize,
            "animals": fit.animals,
            "occasions": fit.occasions,
            "phi": list(fit.phi, key: "interval"),
            "p": list(fit.p, key: "occasion"),
        ]
        if !fit.phiP.isEmpty { object["phiP"] = list(fit.phiP, key: "interval") }
        return object
    }

    static func table(_ fit: CJSFit, data: CJSData, level: Double) -> String {
        var rows = [["parameter", "group", "interval / occasion", "estimate", "SE", "lcl", "ucl"]]
        func add(_ name: String, _ parameters: [CJSFit.Parameter]) {
            for p in parameters {
                rows.append([name, p.group ?? "", p.label, CensusText.fixed(p.value.estimate, 4), CensusText.fixed(p.value.se, 4),
                             CensusText.fixed(p.value.lcl, 4), CensusText.fixed(p.value.ucl, 4)])
            }
        }
        add("phi", fit.phi)
        add("p", fit.p)
        add("phi*p", fit.phiP)
        var lines = [
            "CJS \(fit.name): \(fit.animals) animals, \(fit.occasions) occasions (\(data.occasionLabels.first ?? "")–\(data.occasionLabels.last ?? "")), "
                + "\(fit.effectiveSampleSize) releases before the last occasion",
            "-2logL \(CensusText.fixed(fit.minus2LogLik, 3))   K \(fit.parameterCount)   AICc \(CensusText.fixed(fit.aicc, 3))   "
                + "(\(fit.iterations) Newton iterations)",
            "",
            TextTable.render(rows),
            "",
            "Conditioned on first capture; \(Int((level * 100).rounded()))% intervals Wald on the logit scale, back-transformed; SE by the delta method.",
        ]
        if !fit.phiP.isEmpty {
            lines.append("phi and p are confounded in the last interval: only their product phi*p is estimable (counted once in K).")
        }
        if data.intervals.contains(where: { $0 != 1 }) {
            lines.append("phi is per year; across a gap of n years without deployments the interval survival is phi^n.")
        }
        return lines.joined(separator: "\n")
    }

    static func aicTable(_ rows: [CJSModelComparison], data: CJSData) -> String {
        var table = [["model", "K", "-2logL", "AICc", "dAICc", "weight"]]
        var failures: [String] = []
        for row in rows {
            switch row.outcome {
            case let .success(fit):
                table.append([fit.name, String(fit.parameterCount), CensusText.fixed(fit.minus2LogLik, 3), CensusText.fixed(fit.aicc, 3),
                              row.deltaAICc.map { CensusText.fixed($0, 3) } ?? "—", row.weight.map { CensusText.fixed($0, 3) } ?? "—"])
            case let .failure(error):
                failures.append("\(row.name) not fitted: \(error.description)")
            }
        }
        let groups = data.groupName.map { g in
            " in \(data.groupLevels.count) \(g) groups (" + zip(data.groupLevels, data.animalsByGroup).map { "\($0) \($1)" }.joined(separator: ", ") + ")"
        } ?? ""
        return ([
            "Cormack–Jolly–Seber models: \(data.animals) animals\(groups), \(data.occasions) occasions, "
                + "effective sample size \(data.effectiveSampleSize) (releases before the last occasion)",
            "",
            TextTable.render(table),
        ] + failures).joined(separator: "\n")
    }
}
