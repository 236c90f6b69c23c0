import ArgumentParser
import Core
import Exchange
import Foundation
import Store

/// `rosette exchange …`: partner catalogs in and out, and the pairs of animals both catalogs know.
struct ExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchange",
        abstract: "Partner catalogs: export ours, import theirs read-only, match them against ours, review and link pairs, report who crosses.",
        subcommands: [Export.self, Import.self, Partners.self, Match.self, Review.self, Decide.self, Links.self, Report.self])

    /// `rosette exchange export --partner NAME OUT`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the catalog as a partner package: reference flank chips with features and sides, grid cells, years.",
            discussion: """
                Per individual: sex, first/last-seen years, the grid cells (--precision km, default 10) of the stations it \
                was seen at, and its reference flank chips re-encoded from the grey chip (no EXIF or XMP) with their \
                pattern features. No station ID, location name, coordinate or folder name is written; the survey's \
                title only when --role may see exact locations.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "The partner the package is for (recorded in datapackage.json).") var partner: String
        @Argument(help: "The package folder to create (new or empty).", completion: .directory) var out: String
        @Option(help: "Generalise locations to grid cells of this many kilometres.") var precision: Double = 10
        @Option(help: "Who receives it: partner or public (public: the survey title is withheld too).") var role = "partner"
        @Option(help: "The namespace the receiver files our individuals under (default: the receiver chooses with --as).")
        var namespace: String?

        func run() throws {
            let store = try survey.open()
            guard let r = AccessRole(rawValue: role.lowercased()) else {
                throw ValidationError("--role must be one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", ")), not '\(role)'")
            }
            if let namespace, !PartnerNamespace.isValid(namespace) { throw ValidationError(PartnerError.badNamespace(name: namespace).description) }
            do {
                let policy = try ExportPolicy(viewer: store.viewer(r), precisionKm: precision)
                let summary = try PartnerExporter.export(store, to: URL(fileURLWithPath: out), options: PartnerExportOptions(
                    partner: partner, namespace: namespace, title: store.settings.name, policy: policy))
                summary.problems.forEach { printError("warning: \($0)") }
                print("Partner package \(out) for \(partner): \(summary.individuals) individuals, \(summary.chips) chips; "
                      + "locations generalised to \(CamtrapValueText.km(policy.gridMetres ?? 0)) km cells, names withheld.")
            } catch let error as ExchangeError {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }

    /// `rosette exchange import PACKAGE [--as NAME]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a partner's catalog package read-only under its namespace (NAME:ID); a re-import updates it.",
            discussion: """
                The whole package is checked first; every problem is listed with its file, row and column (missing \
                columns, chips of unknown individuals, missing files, digests that do not match, paths leaving the \
                package) and if there is any, nothing is imported. Otherwise the partner's rows are replaced in one \
                transaction; links to partner IDs the package no longer has are kept and listed.
                """)

        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "The package folder (holding datapackage.json).", completion: .directory) var package: String
        @Option(name: .customLong("as"), help: "The partner's namespace here (default: the package's namespace).") var name: String?

        func run() throws {
            let store = try survey.open()
            do {
                let r = try PartnerImporter.importPackage(URL(fileURLWithPath: package), into: store, as: name,
                                                          actor: actor.actor ?? store.settings.defaultActor)
                let ns = r.partner
                print("Imported \(package) as partner \(ns): \(r.individuals) individuals, \(r.chips) chips"
                      + (r.replaced ? (r.unchanged ? " (the same package as before)" : "; replaced the earlier import: \(r.added.count) new, \(r.removed.count) gone") : "")
                      + (r.droppedProposals > 0 ? "; \(r.droppedProposals) earlier proposals dropped (run `rosette exchange match --partner \(ns)`)" : "")
                      + ".")
                for link in r.orphanedLinks {
                    printError("warning: link \(link.qualifiedPartnerID) = \(link.individualID) names a partner individual the new package no longer has (kept)")
                }
            } catch let problems as PackageProblems {
                printError(problems.description)
                throw ExitCode(1)
            } catch let error as ExchangeError {
                printError(error.description)
                throw ExitCode(1)
            }
        }
    }

    /// `rosette exchange partners`.
    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the partner catalogs with their counts.")

        @OptionGroup var survey: SurveyOption

        func run() throws {
            let partners = try survey.open().partners()
            guard !partners.isEmpty else {
                print("no partner catalogs (import one with `rosette exchange import PACKAGE --as NAME`)")
                return
            }
            let f = ISO8601DateFormatter()
            print(TextTable.render([["partner", "title", "individuals", "chips", "links", "pending pairs", "imported"]]
                + partners.map { [$0.name, $0.title ?? "-", String($0.individuals), String($0.chips), String($0.links),
                                  String($0.pendingPairs), f.string(from: $0.importedAt)] }))
        }
    }
}
