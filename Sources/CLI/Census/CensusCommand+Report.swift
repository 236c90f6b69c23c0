import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `rosette census report`: the yearly census as HTML and Markdown with SVG figures and CSV tables.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the yearly census report (report.html, report.md, figures/*.svg, CSV tables).")
        @OptionGroup var survey: SurveyOption
        @Option(help: "The year.") var year: Int
        @Option(help: "Output folder.") var out: String
        @Option(help: "Focal species.") var species: String = "Panthera pardus orientalis"
        @Option(help: "A second species for the activity figure (e.g. a prey).") var versus: String?
        @Option(help: "SECR mask buffer, metres.") var buffer: Double = 7500
        @Option(help: "SECR detection function: hn, hhn or ex.") var detectfn: DetectionFunction = .hazardHalfNormal
        @Option(help: "Generalise locations to a grid of this many metres (e.g. 10000 for a public report).")
        var generalise: Double?
        @Option(help: "table: print the headline; json: print the population table and yearly estimates as JSON.")
        var format: CensusOutputFormat = .table

        func run() throws {
            let store = try survey.open()
            let report = try CensusReport.build(store: store, species: species, year: year, versus: versus, buffer: buffer,
                                                detectionFunction: detectfn, generaliseMetres: generalise)
            let files = try report.write(to: URL(fileURLWithPath: out))
            if format == .json {
                print(try report.populationJSON(), terminator: "")
                return
            }
            print(report.headline)
            print(TextTable.render([CensusReport.populationHeader] + report.populationRows()))
            print("Wrote \(files.count) files to \(out) (open \(out)/report.html).")
        }
    }
}
