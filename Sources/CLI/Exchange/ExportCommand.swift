import ArgumentParser
import Core
import Exchange
import Foundation
import Store

/// `rosette export …`: the survey in exchange formats.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the survey in an exchange format (Camtrap DP).",
        subcommands: [CamtrapDP.self])

    /// `rosette export camtrap-dp OUT`.
    struct CamtrapDP: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "camtrap-dp",
            abstract: "Write a Camtrap DP 1.0 package: deployments, media, observations and the catalog (individuals).",
            discussion: """
                --role partner or public (or --precision KM): coordinates at the centre of a grid cell (10 km unless \
                --precision says), coordinatePrecision set, location names, comments and folder names left out, \
                deploymentIDs and eventIDs replaced by stable hashes; photos with people, and unscreened ones, left out. \
                Media files are referenced (file:// URLs) unless --copy-media copies them in.
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var access: RoleOption
        @Argument(help: "The package folder to create (new or empty).", completion: .directory) var out: String
        @Option(help: "Only deployments active in this year, and their media and observations.") var year: Int?
        @Option(help: "Generalise coordinates to a grid of this many kilometres.") var precision: Double?
        @Option(help: "The package title (default: the survey's name).") var title: String?
        @Flag(help: "Copy the media files into the package (exact packages only; copies keep their EXIF).") var copyMedia = false

        func run() throws {
            let store = try survey.open()
            let policy = try ExportPolicy(viewer: try access.viewer(store), precisionKm: precision)
            if copyMedia && policy.generalises {
                throw ValidationError("--copy-media writes exact packages only: a generalised package does not ship its files")
            }
            let options = CamtrapExportOptions(policy: policy, year: year, title: title ?? store.settings.name,
                                               contact: store.settings.defaultActor, copyMedia: copyMedia)
            let tables = try CamtrapExporter.export(store, to: URL(fileURLWithPath: out), options: options)
            let counts = CamtrapTable.allCases.map { "\(tables.rows[$0]?.count ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            print("Camtrap DP package \(out): \(counts)"
                  + (policy.generalises ? "; locations generalised to \(CamtrapValueText.km(policy.gridMetres!)) km cells, names withheld" : "; exact locations")
                  + ".")
        }
    }
}

/// Number formatting for the exchange commands' messages.
enum CamtrapValueText {
    static func km(_ metres: Double) -> String {
        let km = metres / 1000
        return km == km.rounded() ? String(Int(km)) : String(format: "%.2f", km)
    }
}
