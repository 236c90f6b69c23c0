import ArgumentParser
import Core
import Foundation
import Ingest
import Store

/// `rosette evidence …`: other evidence than photos (snow tracks, scat and hair DNA, collar fixes, sightings, carcasses).
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Import and list other evidence than photos: snow tracks, scat/hair DNA, GPS-collar fixes, sightings, carcasses.",
        subcommands: [Import.self, List.self, Assign.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import evidence from a CSV (one transaction per file; a re-import adds nothing).",
            discussion: """
                Columns (any order): \(EvidenceCSV.columns.joined(separator: ", ")).
                Required: method, timestamp, and individualID or sampleID; latitude and longitude too, except on a
                scat/hair DNA line that only states parentage (motherID/fatherID, no place).
                method: \(Evidence.Method.allCases.map(\.rawValue).joined(separator: ", ")) (aliases such as scat, dna, hair,
                collar, gps, track, snow). cause (carcass lines): \(Evidence.Cause.allCases.map(\.rawValue).joined(separator: ", ")).
                A timestamp without a zone is read in the survey's time_zone (said once). Bad lines are reported with
                their file, line, column and value and skipped; the rest is imported. A row with a sampleID and an
                individualID ties the sample to that individual (its earlier and later rows follow).
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The evidence CSV.", completion: .file(extensions: ["csv"])) var file: String
        @Flag(help: "Create individuals (and mothers, fathers) that are not in the catalog, instead of skipping their lines.")
        var addIndividuals = false

        func run() throws {
            let store = try survey.open()
            let parsed = try EvidenceCSV.read(URL(fileURLWithPath: file), defaultZone: try ZoneSpec(store.settings.timeZone))
            for notice in parsed.notices { printError("note: " + notice.description) }
            for problem in parsed.problems { printError(problem.description) }
            let who = actor.actor ?? store.settings.defaultActor
            let result = try store.importEvidence(parsed.rows, addIndividuals: addIndividuals, actor: who, source: file)
            for problem in result.problems { printError(problem.description) }
            print(Self.summary(result, badLines: parsed.problems.count + result.problems.count))
            for note in try store.applyEvidenceToCatalog(actor: who) { print("catalog: " + note) }
            if result.importedCount == 0 && result.alreadyPresent == 0 && !(parsed.problems.isEmpty && result.problems.isEmpty) {
                throw ExitCode(1)
            }
        }

        static func summary(_ r: EvidenceImport, badLines: Int) -> String {
            let methods = Evidence.Method.allCases.compactMap { m in r.imported[m].map { "\(m.rawValue) \($0)" } }
            var line = "Evidence: imported \(r.importedCount) row(s)" + (methods.isEmpty ? "" : " (\(methods.joined(separator: ", ")))")
                + ", \(r.alreadyPresent) already present, \(badLines) bad line(s)"
            if !r.addedIndividuals.isEmpty { line += "; added individuals \(r.addedIndividuals.joined(separator: ", "))" }
            if r.assignedSamples > 0 { line += "; \(r.assignedSamples) earlier sample row(s) tied to their individual" }
            if r.importedCount == 0 && r.alreadyPresent > 0 { line += " — nothing new: these rows were imported before" }
            return line + "."
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List evidence (locations generalised for roles that may not see exact ones).")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var access: RoleOption
        @Option(help: "Only this individual's evidence (with that of individuals merged into it).") var individual: String?
        @Option(help: "Only this method (aliases accepted).") var method: String?
        @Flag(help: "Only samples not yet tied to an individual.") var unassigned = false
        @Option(help: "Grid (metres) for generalised locations.") var generalise: Double = 10000

        func validate() throws {
            if let method, Evidence.Method(label: method) == nil {
                throw ValidationError("--method must be one of \(Evidence.Method.allCases.map(\.rawValue).joined(separator: ", ")), not '\(method)'")
            }
            if !(generalise > 0) { throw ValidationError("--generalise must be a positive number of metres") }
        }

        func run() throws {
            let store = try survey.open()
            let viewer = try access.viewer(store)
            let m = method.flatMap(Evidence.Method.init(label:))
            var rows = try individual.map { try store.evidence(individualID: $0) } ?? store.evidence(method: m)
            if let m { rows = rows.filter { $0.method == m } }
            if unassigned { rows = rows.filter { $0.individualID == nil } }
            let exact = viewer.role.receivesExactLocations
            let grid = CoordinateGrid(metres: generalise)
            let zone = try ZoneSpec(store.settings.timeZone)
            var table = [["id", "method", "individual", "sample", "time", "lat", "lon", "±m", "mother", "father", "cause"]
                         + (exact ? ["notes", "source"] : [])]
            for e in rows {
                var lat = "", lon = ""
                if let la = e.latitude, let lo = e.longitude {
                    let p = exact ? (la, lo) : grid.generalise(latitude: la, longitude: lo)
                    lat = String(format: exact ? "%.5f" : "%.2f", p.0)
                    lon = String(format: exact ? "%.5f" : "%.2f", p.1)
                }
                let uncertainty = exact ? e.uncertainty.map { String(format: "%.0f", $0) } ?? "" : ""
                table.append([String(e.evidenceID ?? 0), e.method.rawValue, e.individualID ?? "", e.sampleID ?? "",
                              Timestamp.format(e.timestamp, in: zone), lat, lon, uncertainty, e.motherID ?? "", e.fatherID ?? "",
                              e.cause?.rawValue ?? ""] + (exact ? [e.notes ?? "", "\((e.sourceFile as NSString).lastPathComponent):\(e.sourceLine)"] : []))
            }
            print(TextTable.render(table))
            print("\(rows.count) row(s)" + (exact ? "." : "; locations generalised to a \(CensusGrid.label(generalise)) grid, notes and sources withheld (--role \(viewer.role.rawValue))."))
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tie a genetic sample's evidence to an individual (genotype → individual).",
            discussion: "rosette evidence assign SCAT-0042 L07    (every row of sample SCAT-0042 becomes L07's; recorded in the change log)")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The sampleID.") var sample: String
        @Argument(help: "The individualID (in the catalog).") var individual: String

        func run() throws {
            let store = try survey.open()
            let n = try store.assignSample(sample, to: individual, actor: actor.actor ?? store.settings.defaultActor)
            print("Sample \(sample): \(n) row(s) now \(individual).")
        }
    }
}

/// Grid sizes in words ("10 km", "500 m").
enum CensusGrid {
    static func label(_ metres: Double) -> String {
        metres >= 1000 ? String(format: metres.truncatingRemainder(dividingBy: 1000) == 0 ? "%.0f km" : "%.1f km", metres / 1000)
            : String(format: "%.0f m", metres)
    }
}
