import ArgumentParser
import Census
import Foundation

extension CensusCommand {
    /// `census closed`: closed-population capture–recapture models.
    public struct Closed: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "closed",
            abstract: "Closed-population models M0, Mt, Mb, Mh2, jackknife and Chao's estimator.",
            discussion: """
            Input: --histories FILE (one 0/1 string per animal, # comments) or --frequencies f1,f2,… with \
            --occasions t. Without --model (or with --model all) prints an AIC table of every model the input \
            allows (Mt and Mb need histories). N intervals are log-normal on f0 = N − Mt+1: Chao (1987) as \
            in MARK by default, or --interval log-f0-wald (wiqid).
            """
        )

        @Option(help: "Capture histories file: one 0/1 string per animal.")
        var histories: String?

        @Option(help: "Capture frequencies f1,f2,… (animals caught exactly k times).")
        var frequencies: String?

        @Option(help: "Number of occasions (with --frequencies).")
        var occasions: Int?

        @Option(help: "M0, Mt, Mb, Mh2, Mhjk, chao or all.")
        var model: String = "all"

        @Option(help: "Interval convention for N: chao1987 or log-f0-wald.")
        var interval: ClosedInterval = .chao1987

        @Option(help: "Confidence level.")
        var level: Double = 0.95

        @Option(help: "Output format: table or json.")
        var format: CensusOutputFormat = .table

        public init() {}

        public func validate() throws {
            if (histories == nil) == (frequencies == nil) {
                throw ValidationError("give either --histories FILE or --frequencies f1,f2,… with --occasions")
            }
            if frequencies != nil, occasions == nil {
                throw ValidationError("--frequencies needs --occasions (the number of capture occasions)")
            }
            if model.lowercased() != "all", ClosedModel.allCases.first(where: { $0.rawValue.lowercased() == model.lowercased() }) == nil {
                throw ValidationError("unknown model '\(model)'; choose M0, Mt, Mb, Mh2, Mhjk, chao or all")
            }
            if !(level > 0.5 && level < 1) { throw ValidationError("--level must lie between 0.5 and 1") }
        }

        public func run() throws {
            let data: ClosedCaptureData
            if let histories {
                data = try ClosedCaptureData.readHistories(contentsOf: URL(fileURLWithPath: histories))
            } else {
                data = try ClosedCaptureData.parseFrequencies(frequencies ?? "", occasions: occasions ?? 0)
            }
            if let chosen = ClosedModel.allCases.first(where: { $0.rawValue.lowercased() == model.lowercased() }) {
                let fit = try ClosedPopulation.fit(model: chosen, data: data, interval: interval, confidenceLevel: level)
                print(format == .json ? try CensusJSON.render(Self.json(fit)) : Self.table(fit, level: level))
            } else {
                let rows = ClosedModelComparison.table(data: data, interval: interval, confidenceLevel: level)
                if format == .json {
                    let models = rows.map { row -> [String: Any] in
                        switch row.outcome {
                        case let .success(fit):
                            var object = Self.json(fit)
                            object["deltaAIC"] = CensusJSON.number(row.deltaAIC)
                            object["weight"] = CensusJSON.number(row.weight)
                            return object
                        case let .failure(error):
                            return ["model": row.model.rawValue, "error": error.description]
                        }
                    }
                    print(try CensusJSON.render(["models": models, "interval": interval.rawValue]))
                } else {
                    print(Self.aicTable(rows, data: data, interval: interval, level: level))
                }
            }
        }
    }
}
