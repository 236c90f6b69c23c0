import ArgumentParser
import Core
import Foundation
import Identify
import Store

extension ExchangeCommand {
    /// `rosette exchange match --partner NAME [--top 5]`.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank each partner individual against our catalog (its chips as queries, same flank side); pairs go to review.",
            discussion: """
                The partner chips' features come from the package (nothing is extracted again); each is matched against \
                our reference photos of the same side (unknown against both), and the evidence is summed per individual \
                as for an encounter. The top pairs replace the partner's earlier proposals; pairs set apart before and \
                partner individuals already linked are left out.
                """)

        @OptionGroup var survey: SurveyOption
        @Option(help: "The partner's namespace.") var partner: String
        @Option(help: "Candidates kept per partner individual.") var top: Int = 5
        @OptionGroup var pattern: PatternOptions

        func validate() throws { guard top >= 1 else { throw ValidationError("--top must be at least 1") } }

        func run() throws {
            let store = try survey.open()
            let chips = try store.partnerChips(partner)
            let linked = Set(try store.crossLinks(partner: partner).map(\.partnerID))
            let gallery = try CatalogGallery.build(store: store, cache: FeatureCache(survey: store.directory), chip: pattern.chip,
                                                   features: pattern.features, match: pattern.match)
            gallery.problems.forEach { printError("warning: \($0)") }
            guard gallery.gallery != nil else {
                print("our catalog has no usable reference photo yet: nothing to match against")
                return
            }
            let outcomes = PartnerMatcher(gallery: gallery, top: top)
                .rank(partner: partner, chips: chips.filter { !linked.contains($0.partnerID) }, excluded: try store.crossRejections(partner: partner))
            outcomes.flatMap(\.problems).forEach { printError("warning: \($0)") }
            let stored = try store.saveCrossMatches(partner: partner, outcomes.flatMap(\.matches))
            print("matched \(outcomes.count) individuals of \(partner) (\(chips.count) chips) against \(gallery.referenceOf.count) "
                  + "reference photos of \(gallery.gallery?.individualCount ?? 0) individuals; \(stored.count) pairs stored for review"
                  + (linked.isEmpty ? "" : "; \(linked.count) already linked, left out"))
            print(CrossMatchTable.render(stored))
        }
    }

    /// `rosette exchange review --partner NAME`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the pairs awaiting a decision (decide with `rosette exchange decide`).")

        @OptionGroup var survey: SurveyOption
        @Option(help: "The partner's namespace.") var partner: String

        func run() throws {
            let pending = try survey.open().pendingCrossMatches(partner: partner)
            guard !pending.isEmpty else {
                print("no pairs of \(partner) await a decision (run `rosette exchange match --partner \(partner)`)")
                return
            }
            print(CrossMatchTable.render(pending))
            print("decide: rosette exchange decide --partner \(partner) --id PARTNER_ID --same OUR_ID | --not OUR_ID")
        }
    }

    /// `rosette exchange decide --partner NAME --id PID --same OURID | --not OURID`.
    struct Decide: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a partner individual to ours (--same) or set the pair apart (--not), through the review log.",
            discussion: "Neither catalog changes; `rosette review undo` reverses the decision like any other.")

        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Option(help: "The partner's namespace.") var partner: String
        @Option(help: "The individual's ID in the partner's catalog (without the NAME: prefix).") var id: String
        @Option(help: "Our individual that is the same animal.") var same: String?
        @Option(name: .customLong("not"), help: "Our individual that is not the same animal.") var notSame: String?

        func validate() throws {
            guard (same == nil) != (notSame == nil) else { throw ValidationError("give exactly one of --same OUR_ID or --not OUR_ID") }
        }

        func run() throws {
            let store = try survey.open()
            let pid = id.hasPrefix(partner + ":") ? String(id.dropFirst(partner.count + 1)) : id
            let entry = try store.decideCrossPair(partner: partner, partnerID: pid, individualID: same ?? notSame ?? "",
                                                  same: same != nil, actor: actor.actor ?? store.settings.defaultActor)
            print("log entry \(entry.id): \(entry.summary) (undo: rosette review undo \(entry.id))")
        }
    }

    /// `rosette exchange links`.
    struct Links: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the \"same animal\" links between partner individuals and ours.")

        @OptionGroup var survey: SurveyOption
        @Option(help: "Only this partner's links.") var partner: String?

        func run() throws {
            let links = try survey.open().crossLinks(partner: partner)
            guard !links.isEmpty else {
                print("no links yet")
                return
            }
            let f = ISO8601DateFormatter()
            print(TextTable.render([["partner individual", "ours", "decided by", "at"]]
                + links.map { [$0.qualifiedPartnerID, $0.individualID, $0.decidedBy, f.string(from: $0.decidedAt)] }))
        }
    }
}

/// Pairs as a table: partner individual (`NAME:ID`), rank, our candidate, score, inliers.
enum CrossMatchTable {
    static func render(_ pairs: [CrossMatch]) -> String {
        TextTable.render([["partner individual", "rank", "our candidate", "score", "inliers"]]
            + pairs.map { [$0.qualifiedPartnerID, String($0.rank), $0.individualID, String(format: "%.2f", $0.score), String($0.inliers)] })
    }
}
