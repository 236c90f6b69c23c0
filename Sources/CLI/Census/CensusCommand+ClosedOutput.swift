import Census
import Foundation

extension CensusCommand.Closed {
    static func json(_ fit: ClosedFit) -> [String: Any] {
        var object: [String: Any] = [
            "model": fit.model.rawValue,
            "N": CensusJSON.estimate(fit.population),
            "logLik": CensusJSON.number(fit.logLik),
            "AIC": CensusJSON.number(fit.aic),
            "animals": fit.animals,
            "occasions": fit.occasions,
            "interval": fit.interval.rawValue,
        ]
        let named = Dictionary(fit.parameters.map { ($0.name, CensusJSON.estimate($0.value)) }, uniquingKeysWith: { a, _ in a })
        switch fit.model {
        case .mt: object["p"] = fit.parameters.map { CensusJSON.estimate($0.value) }
        case .mh2:
            object["pi"] = named["pi"]
            object["p"] = [named["p1"], named["p2"]].compactMap { $0 }
        default:
            if let p = named["p"] { object["p"] = p }
            if let c = named["c"] { object["c"] = c }
        }
        if let note = fit.note { object["note"] = note }
        return object
    }

    static func table(_ fit: ClosedFit, level: Double) -> String {
        let n = fit.population
        var lines = [
            "Model \(fit.model.rawValue): \(fit.animals) animals caught on \(fit.occasions) occasions",
            "N-hat = \(CensusText.fixed(n.estimate, 2))  SE \(CensusText.fixed(n.se, 2))  "
                + "\(Int((level * 100).rounded()))% CI \(CensusText.fixed(n.lcl, 2)) – \(CensusText.fixed(n.ucl, 2))",
            "  interval: \(fit.interval.summary)",
        ]
        for p in fit.parameters {
            lines.append("\(CensusText.pad(p.name, 6, right: false)) = \(CensusText.fixed(p.value.estimate, 4))"
                + (p.value.se.isFinite ? "  SE \(CensusText.fixed(p.value.se, 4))  CI \(CensusText.fixed(p.value.lcl, 4)) – \(CensusText.fixed(p.value.ucl, 4))" : ""))
        }
        if let ll = fit.logLik, let aic = fit.aic {
            lines.append("logLik = \(CensusText.fixed(ll, 4))  K = \(fit.parameterCount ?? 0)  AIC = \(CensusText.fixed(aic, 4))")
        }
        if let note = fit.note { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    static func aicTable(_ rows: [ClosedModelComparison], data: ClosedCaptureData, interval: ClosedInterval,
                         level: Double) -> String {
        var lines = [
            "Closed-population models: \(data.animals) animals caught on \(data.occasions) occasions",
            "N intervals (\(Int((level * 100).rounded()))%): \(interval.summary)",
            "",
            ["model", "N-hat", "SE", "lcl", "ucl", "logLik", "K", "AIC", "dAIC", "weight"].enumerated()
                .map { CensusText.pad($1, $0 == 0 ? 6 : 9, right: $0 != 0) }.joined(separator: " "),
        ]
        for row in rows {
            switch row.outcome {
            case let .success(fit):
                let cells = [fit.population.estimate, fit.population.se, fit.population.lcl, fit.population.ucl]
                    .map { CensusText.pad(CensusText.fixed($0, 2), 9) }
                let ll = CensusText.pad(fit.logLik.map { CensusText.fixed($0, 3) } ?? "—", 9)
                let k = CensusText.pad(fit.parameterCount.map(String.init) ?? "—", 9)
                let aic = CensusText.pad(fit.aic.map { CensusText.fixed($0, 3) } ?? "—", 9)
                let delta = CensusText.pad(row.deltaAIC.map { CensusText.fixed($0, 3) } ?? "—", 9)
                let weight = CensusText.pad(row.weight.map { CensusText.fixed($0, 3) } ?? "—", 9)
                lines.append(([CensusText.pad(fit.model.rawValue, 6, right: false)] + cells + [ll, k, aic, delta, weight])
                    .joined(separator: " "))
            case let .failure(error):
                lines.append("\(CensusText.pad(row.model.rawValue, 6, right: false)) not fitted: \(error.description)")
            }
        }
        lines.append("")
        lines.append("Mhjk and chao are not likelihood models and have no AIC.")
        return lines.joined(separator: "\n")
    }
}
