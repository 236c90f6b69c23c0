import Core
import Foundation
import Store

/// What an exchange report covers and how much of our places it may show.
public struct ExchangeReportOptions: Sendable {
    /// The partner's namespace; nil: the survey's only partner.
    public var partner: String?
    /// Only this year; nil: every year either side has.
    public var year: Int?
    /// Who reads it: people-photos withheld and places generalised as the policy says.
    public var policy: ExportPolicy

    public init(partner: String? = nil, year: Int? = nil, policy: ExportPolicy) {
        (self.partner, self.year, self.policy) = (partner, year, policy)
    }
}

extension ExchangeReport {
    /// The report from a survey's catalog, its imported partner catalog and the links between them.
    ///
    /// Throws ``ExchangeError/noPartner`` when no partner catalog was imported, ``ExchangeError/choosePartner(names:)``
    /// when there are several and none was named, and ``ExchangeError/unknownYear(year:available:)`` for a year
    /// neither side saw anything in.
    public static func build(store: SurveyStore, options: ExchangeReportOptions) throws -> ExchangeReport {
        let names = try store.partners().map(\.name)
        guard !names.isEmpty else { throw ExchangeError.noPartner }
        guard let partner = options.partner ?? (names.count == 1 ? names[0] : nil) else { throw ExchangeError.choosePartner(names: names) }
        let theirs = try store.partnerIndividuals(partner)   // throws unknownPartner
        let links = try store.crossLinks(partner: partner)
        let zone = try ZoneSpec(store.settings.timeZone)
        let withheld = try store.withheldMediaIDs(for: options.policy.viewer)
        let sightings = try store.sightingsByIndividual().mapValues { $0.filter { !withheld.contains($0.mediaID) } }
        let grid = options.policy.gridMetres
        func year(_ d: Date) -> Int { Int(Timestamp.format(d, in: zone).prefix(4)) ?? 0 }
        func place(_ s: IndividualSighting) -> Place {
            guard let grid else { return Place(id: s.station, latitude: s.latitude, longitude: s.longitude) }
            return Self.place(GridCell(latitude: s.latitude, longitude: s.longitude, metres: grid))
        }
        var ours: [String: [Int: [IndividualSighting]]] = [:]
        for (id, list) in sightings where !list.isEmpty { ours[id] = Dictionary(grouping: list) { year($0.timestamp) } }
        var spans: [String: ClosedRange<Int>] = [:]
        for p in theirs { spans[p.partnerID] = Self.span(p) }
        let available = Set(ours.values.flatMap(\.keys)).union(spans.values.flatMap { Array($0) }).sorted()
        if let y = options.year, !available.contains(y) { throw ExchangeError.unknownYear(year: y, available: available) }
        let years = options.year.map { [$0] } ?? available
        let partnerOf = Dictionary(links.map { ($0.individualID, $0.partnerID) }, uniquingKeysWith: { a, _ in a })
        let oursOf = Dictionary(links.map { ($0.partnerID, $0.individualID) }, uniquingKeysWith: { a, _ in a })
        let byPartnerID = Dictionary(uniqueKeysWithValues: theirs.map { ($0.partnerID, $0) })

        func entry(_ y: Int, ourID: String?, partnerID: String?) -> Entry {
            let seen = ourID.flatMap { ours[$0]?[y] } ?? []
            let p = partnerID.flatMap { byPartnerID[$0] }
            let theySaw = partnerID.map { spans[$0]?.contains(y) == true } ?? false
            let side: Side = !seen.isEmpty && theySaw ? .both : (!seen.isEmpty ? .ours : .partner)
            return Entry(year: y, side: side, individualID: ourID, partnerID: partnerID.map { PartnerNamespace.qualified(partner, $0) },
                         linked: ourID != nil && partnerID != nil, ourFirst: seen.map(\.timestamp).min(), ourLast: seen.map(\.timestamp).max(),
                         ourSightings: seen.count, ourPlaces: Set(seen.map(place)).sorted(), partnerFirstYear: p?.firstYear,
                         partnerLastYear: p?.lastYear, partnerPlaces: theySaw ? Set((p?.cells ?? []).compactMap(Self.place)).sorted() : [])
        }
        let order: [Side: Int] = [.both: 0, .ours: 1, .partner: 2]
        let report = years.map { y -> Year in
            var entries = ours.keys.filter { ours[$0]?[y] != nil }.map { entry(y, ourID: $0, partnerID: partnerOf[$0]) }
            entries += theirs.filter { spans[$0.partnerID]?.contains(y) == true }
                .filter { p in oursOf[p.partnerID].map { ours[$0]?[y] == nil } ?? true }
                .map { entry(y, ourID: oursOf[$0.partnerID], partnerID: $0.partnerID) }
            entries.sort { (order[$0.side]!, $0.individualID ?? "", $0.partnerID ?? "") < (order[$1.side]!, $1.individualID ?? "", $1.partnerID ?? "") }
            return Year(year: y, entries: entries)
        }
        let all = report.flatMap(\.entries)
        return ExchangeReport(partner: partner, years: report, gridMetres: grid, zone: zone,
                              ourPlaces: Set(all.flatMap(\.ourPlaces)).sorted(), partnerPlaces: Set(all.flatMap(\.partnerPlaces)).sorted())
    }

    /// The years a partner individual was seen in: its first to last year (one of them when the other is missing).
    static func span(_ p: PartnerIndividual) -> ClosedRange<Int>? {
        guard let first = p.firstYear ?? p.lastYear, let last = p.lastYear ?? p.firstYear, first <= last else { return nil }
        return first...last
    }

    static func place(_ cell: GridCell) -> Place {
        let c = cell.centre
        return Place(id: cell.id, latitude: c.latitude, longitude: c.longitude, cell: cell)
    }

    static func place(_ id: String) -> Place? { GridCell(id: id).map(place) }
}
