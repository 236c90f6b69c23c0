import ArgumentParser
import Core
import Exchange
import Foundation
import Store

extension ExchangeCommand {
    /// `rosette exchange report [--partner NS] [--year Y] [--out DIR] [--role exact|partner|public] [--format text|json]`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who crosses: per year, individuals seen on both sides (through links), when and where; those seen on one side only.",
            discussion: """
                Our side: each individual's sightings that year (observations and reference photos), first and last date, \
                and places: camera stations for --role exact (owner, staff), grid cells (--precision km, default 10) for \
                partner and public, with no station named. The partner's side: the first/last-seen years and grid cells \
                its package carries (an individual counts as seen in every year of that span). Linked pairs come from \
                `rosette exchange decide --same`. --out writes report.html (a table per year and the map), report.csv \
                (one row per individual-year) and map.svg.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var survey: SurveyOption
        @Option(help: "The partner's namespace (default: the only partner).") var partner: String?
        @Option(help: "Only this year.") var year: Int?
        @Option(help: "Folder for report.html, report.csv and map.svg.", completion: .directory) var out: String?
        @Option(help: "Who reads it: exact (owner, staff), partner or public (generalised places, no people-photos).") var role = "exact"
        @Option(help: "Generalise our places to grid cells of this many kilometres (partner/public default: 10).") var precision: Double?
        @Option(help: "Output: text or json.") var format: Format = .text

        func run() throws {
            let store = try survey.open()
            let name = role.lowercased() == "exact" ? "owner" : role.lowercased()
            guard let r = AccessRole(rawValue: name) else {
                throw ValidationError("--role must be exact, partner or public (or owner, staff), not '\(role)'")
            }
            do {
                let policy = try ExportPolicy(viewer: store.viewer(r), precisionKm: precision)
                let report = try ExchangeReport.build(store: store, options: ExchangeReportOptions(partner: partner, year: year, policy: policy))
                let written = try out.map { try report.write(to: URL(fileURLWithPath: $0)).map(\.path) } ?? []
                switch format {
                case .json: print(try CensusJSON.render(json(report, written)))
                case .text: printText(report, written)
                }
            } catch let error as ExchangeError {
                printError(error.description)
                throw ExitCode(1)
            } catch let error as PartnerError {
                printError(error.description)
                throw ExitCode(1)
            }
        }

        func json(_ r: ExchangeReport, _ written: [String]) -> [String: Any] {
            ["partner": r.partner, "gridKilometres": r.gridMetres.map { $0 / 1000 } ?? NSNull(), "note": r.placesNote, "files": written,
             "years": r.years.map { y -> [String: Any] in
                 ["year": y.year, "both": y.count(.both), "oursOnly": y.count(.ours), "partnerOnly": y.count(.partner),
                  "individuals": y.entries.map { Dictionary(uniqueKeysWithValues: zip(ExchangeReport.csvColumns, r.csvFields($0)).map { ($0, $1) }) }]
             }]
        }

        func printText(_ r: ExchangeReport, _ written: [String]) {
            print("Who crosses, our catalog and \(r.partner)'s: \(r.crossers.count) linked individual(s) seen on both sides.")
            print(r.placesNote)
            for y in r.years {
                print("\n\(y.year): \(y.count(.both)) on both sides, \(y.count(.ours)) on ours only, \(y.count(.partner)) on \(r.partner)'s only")
                guard !y.entries.isEmpty else { continue }
                print(TextTable.render([["seen by", "ours", r.partner + "'s", "our first", "our last", "our places", "their years", "their cells"]]
                    + y.entries.map { e in
                        [e.side.rawValue + (e.linked && e.side != .both ? " (linked)" : ""), e.individualID ?? "-", e.partnerID ?? "-",
                         r.day(e.ourFirst).isEmpty ? "-" : r.day(e.ourFirst), r.day(e.ourLast).isEmpty ? "-" : r.day(e.ourLast),
                         e.ourPlaces.isEmpty ? "-" : e.ourPlaces.map(\.id).joined(separator: " "),
                         "\(e.partnerFirstYear.map(String.init) ?? "?")–\(e.partnerLastYear.map(String.init) ?? "?")",
                         e.partnerPlaces.isEmpty ? "-" : e.partnerPlaces.map(\.id).joined(separator: " ")]
                    }))
            }
            for w in written { print("Wrote \(w)") }
        }
    }
}
