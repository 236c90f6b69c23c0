import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `rosette census crossings`: which known individuals cross given lines (roads, rivers, the border), where and when.
    struct Crossings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crossings of GeoJSON lines (roads, rivers, the border) by known individuals: where, when, per line and year; map and CSV.",
            discussion: """
                Lines: every LineString/MultiLineString Feature of --lines (WGS84 longitude/latitude), named by its
                properties.name (else line-1, line-2, …). Detections: one per independent event of an identified
                individual at a station (the survey's independence interval), all years in time order. A crossing:
                two consecutive detections whose straight path crosses a line an odd number of times (opposite
                sides), counted once, in the year of the later detection; placed at the intersection nearest the
                path's midpoint (segment, chainage). The counts are a minimum: a crossing and a return between two
                detections is not seen. Stations within --near metres of a line are flagged as crossing points.
                Locations leave exact for owner and staff unless --generalise is given; --role partner and public
                snap them to a 10 km grid unless --generalise says otherwise (a file sent to a partner is generalised
                as a public one is); generalised output names no station, rounds chainage to the grid size, and
                its map draws stations and crossings as grid cells (the line itself is drawn as given).
                """)
        @OptionGroup var survey: SurveyOption
        @OptionGroup var roleOption: RoleOption
        @Option(help: "GeoJSON file of LineString/MultiLineString features (WGS84).") var lines: String
        @Option(help: "Only crossings (and detections) of this year.") var year: Int?
        @Option(help: "Stations within this many metres of a line are crossing points.") var near: Double = 500
        @Option(help: "Focal species.") var species: String = "Panthera pardus orientalis"
        @Option(help: "Folder for crossings.csv, crossings-summary.csv, crossing-stations.csv and crossings.svg.") var out: String?
        @Option(help: "Generalise every location to a grid of this many metres (public default: 10000).") var generalise: Double?
        @Option(help: "Output: table or json.") var format: CensusOutputFormat = .table

        func validate() throws {
            if let g = generalise, !(g > 0) { throw ValidationError("--generalise must be a positive number of metres, not \(g)") }
            if !(near >= 0) { throw ValidationError("--near must be a distance in metres (0 or more), not \(near)") }
        }

        func run() throws {
            let store = try survey.open()
            let viewer = try roleOption.viewer(store)
            let disclosure = LocationDisclosure.forRole(seesExactLocations: viewer.role.receivesExactLocations, generaliseMetres: generalise)
            let found = try LineCrossings.build(store: store, lines: URL(fileURLWithPath: lines), species: species, viewer: viewer,
                                                nearMetres: near, year: year)
            let tables = CrossingTables(found, disclosure: disclosure, zone: try ZoneSpec(store.settings.timeZone))
            var written: [String] = []
            if let out {
                let dir = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                let files = [("crossings.csv", CrossingTables.csv(tables.crossingsCSV)), ("crossings-summary.csv", CrossingTables.csv(tables.summaryCSV)),
                             ("crossing-stations.csv", CrossingTables.csv(tables.stationsCSV)), ("crossings.svg", CrossingMap.svg(found, disclosure: disclosure))]
                for (name, text) in files {
                    let url = dir.appendingPathComponent(name)
                    try text.write(to: url, atomically: true, encoding: .utf8)
                    written.append(url.path)
                }
            }
            switch format {
            case .json: print(try CensusJSON.render(json(tables, written)))
            case .table: printTable(tables, written)
            }
        }

        func json(_ t: CrossingTables, _ written: [String]) -> [String: Any] {
            func objects(_ table: (header: [String], rows: [[String]])) -> [[String: String]] {
                table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.header, $0).map { ($0, $1) }) }
            }
            return ["species": species, "lines": t.crossings.lines.map { ["name": $0.name, "parts": $0.parts.count, "lengthKilometres": $0.lengthMetres / 1000] },
                    "nearMetres": near, "summary": objects(t.summaryCSV), "crossings": objects(t.crossingsCSV),
                    "crossingStations": objects(t.stationsCSV), "minimum": CrossingTables.minimumNote,
                    "coordinatePrecision": t.disclosure.grid.map { $0.metres } ?? NSNull(), "files": written]
        }

        func printTable(_ t: CrossingTables, _ written: [String]) {
            let c = t.crossings
            print("\(species): \(c.crossings.count) crossing(s) of \(c.lines.count) line(s) by \(Set(c.crossings.map(\.individualID)).count) individual(s), "
                  + "\(c.detections.count) located detections" + (t.disclosure.grid.map { " (places generalised to a \(String(format: "%g", $0.metres)) m grid)" } ?? ""))
            print(CrossingTables.minimumNote)
            printRows(t.summaryCSV)
            if !c.crossings.isEmpty { print(""); printRows(t.crossingsCSV) }
            print("\(c.flagged.count) station(s) within \(String(format: "%g", near)) m of a line (crossing points)"
                  + (t.disclosure.grid == nil ? (c.flagged.isEmpty ? "." : ": " + c.flagged.map { "\($0.station.id) (\($0.line))" }.joined(separator: ", ")) : "."))
            for w in written { print("Wrote \(w)") }
        }

        func printRows(_ table: (header: [String], rows: [[String]])) {
            let rows = [table.header] + table.rows
            let widths = table.header.indices.map { k in rows.map { $0[k].count }.max()! }
            for row in rows { print(row.enumerated().map { CensusText.pad($1, widths[$0], right: false) }.joined(separator: "  ")) }
        }
    }
}
