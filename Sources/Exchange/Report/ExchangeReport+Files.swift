import Foundation

extension ExchangeReport {
    /// report.csv's columns: one row per individual and year.
    public static let csvColumns = ["year", "side", "individualID", "partnerIndividualID", "linked", "ourFirstDate", "ourLastDate",
                                    "ourSightings", "ourPlaces", "partnerFirstSeenYear", "partnerLastSeenYear", "partnerCells"]

    /// The cells of one row of report.csv, in ``csvColumns`` order.
    public func csvFields(_ e: Entry) -> [String] {
        [String(e.year), e.side.rawValue, e.individualID ?? "", e.partnerID ?? "", e.linked ? "yes" : "no", day(e.ourFirst), day(e.ourLast),
         String(e.ourSightings), e.ourPlaces.map(\.id).joined(separator: ";"), e.partnerFirstYear.map(String.init) ?? "",
         e.partnerLastYear.map(String.init) ?? "", e.partnerPlaces.map(\.id).joined(separator: ";")]
    }

    /// report.csv: the header and one row per individual-year.
    public var csv: String {
        ([Self.csvColumns] + years.flatMap(\.entries).map(csvFields)).map { $0.map(CamtrapCSV.quote).joined(separator: ",") }
            .joined(separator: "\n") + "\n"
    }

    /// What the places mean, in a sentence (for the HTML and the printed report).
    public var placesNote: String {
        let ours = gridMetres.map { "our places are \(CamtrapValue.number($0 / 1000)) km grid cells (no station is named)" }
            ?? "our places are camera stations (exact)"
        return ours + "; the partner's are the grid cells and first/last-seen years its package carries, "
            + "so a partner individual counts as seen in every year from its first to its last."
    }

    /// report.html: self-contained (inline CSS and SVG map, no script, nothing fetched), a table per year.
    public var html: String {
        func esc(_ s: String) -> String { ExchangeReportMap.esc(s) }
        var body = "<h1>Who crosses: our catalog and \(esc(partner))'s</h1>\n<p>\(esc(placesNote))</p>\n"
        body += "<figure>\(ExchangeReportMap.svg(self))</figure>\n"
        for y in years {
            body += "<h2>\(y.year)</h2>\n<p>\(y.count(.both)) on both sides, \(y.count(.ours)) on ours only, \(y.count(.partner)) on \(esc(partner))'s only.</p>\n"
            guard !y.entries.isEmpty else { continue }
            body += "<table>\n<tr><th>seen by</th><th>ours</th><th>\(esc(partner))'s</th><th>our first – last</th><th>our sightings</th>"
                + "<th>our places</th><th>\(esc(partner)) first – last year</th><th>\(esc(partner))'s cells</th></tr>\n"
            for e in y.entries {
                let sideText = e.side == .both ? "both" : (e.side == .ours ? "ours only" : "\(partner)'s only")
                let cells = [sideText + (e.linked && e.side != .both ? " (linked)" : ""), e.individualID ?? "–", e.partnerID ?? "–",
                             e.ourFirst == nil ? "–" : "\(day(e.ourFirst)) – \(day(e.ourLast))", e.ourSightings == 0 ? "–" : String(e.ourSightings),
                             e.ourPlaces.isEmpty ? "–" : e.ourPlaces.map(\.id).joined(separator: ", "),
                             "\(e.partnerFirstYear.map(String.init) ?? "?") – \(e.partnerLastYear.map(String.init) ?? "?")",
                             e.partnerPlaces.isEmpty ? "–" : e.partnerPlaces.map(\.id).joined(separator: ", ")]
                body += "<tr class='\(e.side.rawValue)'>" + cells.map { "<td>\(esc($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Who crosses: \(esc(partner))</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}
            td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:14px}tr.both td{background:#eef6ea}
            th{background:#f2f2f2}figure{margin:0 0 1em 0}</style></head>
            <body>
            \(body)</body></html>

            """
    }

    /// Writes report.html, report.csv and map.svg into `directory` (created if missing); returns their paths.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = [("report.html", html), ("report.csv", csv), ("map.svg", ExchangeReportMap.svg(self))]
        return try files.map { name, text in
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }
}
