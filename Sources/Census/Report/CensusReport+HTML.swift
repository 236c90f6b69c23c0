import Core
import Foundation

extension CensusReport {
    func table(_ header: [String], _ rows: [[String]]) -> String {
        "<table><thead><tr>" + header.map { "<th>\(SVGChart.esc($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(SVGChart.esc($0))</td>" }.joined() + "</tr>" }.joined(separator: "\n") + "</tbody></table>"
    }

    func html(_ svgs: [(String, String)]) -> String {
        let figure = Dictionary(uniqueKeysWithValues: svgs)
        let secrBlock: String
        if let s = thisSECR, let fit = s.fit {
            let d = fit.densityPer100SquareKilometres
            secrBlock = table(["parameter", "estimate", "SE", "95% CI"], [
                ["D (per 100 km²)", String(format: "%.3f", d.estimate), String(format: "%.3f", d.se), String(format: "%.3f – %.3f", d.lcl, d.ucl)],
                ["N̂ in mask (\(String(format: "%.0f", fit.maskAreaHectares / 100)) km²)", String(format: "%.1f", s.abundance!.estimate),
                 String(format: "%.1f", s.abundance!.se), String(format: "%.1f – %.1f", s.abundance!.lcl, s.abundance!.ucl)],
                [fit.model.detectionFunction == .hazardHalfNormal ? "λ0" : "g0", String(format: "%.4f", fit.intercept.estimate),
                 String(format: "%.4f", fit.intercept.se), String(format: "%.4f – %.4f", fit.intercept.lcl, fit.intercept.ucl)],
                ["σ (m)", String(format: "%.0f", fit.sigma.estimate), String(format: "%.0f", fit.sigma.se),
                 String(format: "%.0f – %.0f", fit.sigma.lcl, fit.sigma.ucl)],
            ]) + "<p class='note'>\(fit.animals) individuals, \(fit.detections) detections; log-likelihood \(String(format: "%.3f", fit.logLik)), AIC \(String(format: "%.2f", fit.aic)).</p>"
        } else {
            secrBlock = "<p class='note'>SECR could not be fitted for \(year): \(SVGChart.esc(thisSECR?.failure ?? "no data")).</p>"
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(SVGChart.esc(species)) census \(year) — \(SVGChart.esc(surveyName))</title>
        <style>
        body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.5em; }
        .headline { font-size: 1.15em; background: #f4f6f6; padding: 0.8em 1em; border-left: 4px solid #c0392b; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; } th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
        th { background: #eaeded; } td:first-child, th:first-child { text-align: left; }
        .figures { display: flex; flex-wrap: wrap; gap: 1em; } .note { color: #555; font-size: 0.9em; }
        </style></head><body>
        <h1>\(SVGChart.esc(species)) — census \(year)</h1>
        <p class="note">Survey “\(SVGChart.esc(surveyName))” · generated \(Timestamp.format(generated, in: zone)) by Rosette</p>
        <p class="headline">\(SVGChart.esc(headline))</p>
        <h2>Population</h2>
        \(table(Self.populationHeader, populationRows()))
        \(thisYear.map { y in y.crossBorder.isEmpty ? "" : "<p>Seen on both sides of the border in \(year): \(SVGChart.esc(y.crossBorder.joined(separator: ", ")))</p>" } ?? "")
        \(thisYear.map { y in y.deaths.isEmpty ? "" : "<p>Deaths recorded in \(year): \(SVGChart.esc(y.deaths.joined(separator: ", ")))</p>" } ?? "")
        \(population.years.flatMap(\.flags).isEmpty ? "" : "<p><strong>To check:</strong> " + SVGChart.esc(population.years.flatMap(\.flags).joined(separator: "; ")) + "</p>")
        <div class="figures">\(figure["trend"] ?? "")</div>
        <h2>Survival and trend</h2>
        <ul>\(survivalLines().map { "<li>\(SVGChart.esc($0))</li>" }.joined())</ul>
        <div class="figures">\(figure["density-trend"] ?? "")</div>
        <h2>Density (SECR), \(year)</h2>
        \(secrBlock)
        <h2>Where they were seen</h2>
        <div class="figures">\(figure["stations"] ?? "")</div>
        \(territoryBlock())
        <h2>Effort and relative abundance, \(year)</h2>
        <p>\(String(format: "%.1f", cameraDays)) camera-days from \(deployments) deployments.</p>
        \(table(["species", "independent events", "RAI (per 100 camera-days)", "stations"],
                speciesLines.map { [$0.species, String($0.events), String(format: "%.2f", $0.rai), String($0.stations)] }))
        <h2>Activity</h2>
        <div class="figures">\(figure["activity"] ?? "")</div>
        <h2>Methods</h2>
        <ul>\(methods().map { "<li>\(SVGChart.esc($0))</li>" }.joined())</ul>
        <p class="note">Tables as CSV: events.csv, stations.csv, population.csv (and population.json). Figures: figures/*.svg.</p>
        </body></html>
        """
    }

    /// Territories of the focal year: the map and a table of home ranges and activity centres.
    func territoryBlock() -> String {
        guard let t = territories else { return "" }
        let rows = t.ranges.map { r -> [String] in
            let c = t.centre(of: r.individualID)
            return [r.individualID, String(r.locations.count), String(format: "%.1f", r.mcp100SquareKilometres), String(format: "%.1f", r.mcp95SquareKilometres),
                    r.kernel.map { String(format: "%.1f", $0.isopleth95SquareKilometres) } ?? "-", c.map { String(format: "%.1f", $0.region95SquareKilometres) } ?? "-"]
        }
        let overlaps = t.overlaps.prefix(10).map { "\($0.first)–\($0.second) " + String(format: "%.2f", $0.overlap) }.joined(separator: ", ")
        return """
            <h2>Territories, \(year)</h2>
            <div class="figures">\(figuresSVG().first { $0.0 == "territories" }?.1 ?? "")</div>
            \(table(["individual", "locations", "MCP 100% km²", "MCP 95% km²", "kernel 95% km²", "SECR centre 95% region km²"], rows))
            <p class="note">Overlapping ranges: \(overlaps.isEmpty ? "none" : SVGChart.esc(overlaps)). Map and GeoJSON: rosette census territories.</p>
            """
    }

    func markdown() -> String {
        func md(_ header: [String], _ rows: [[String]]) -> String {
            ([header, header.map { _ in "---" }] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
        }
        var out = ["# \(species) — census \(year)", "", "Survey “\(surveyName)”, generated \(Timestamp.format(generated, in: zone)) by Rosette.", "",
                   "**\(headline)**", "", "## Population", "", md(Self.populationHeader, populationRows()), "",
                   "![trend](figures/trend.svg)", "", territories == nil ? "" : "![territories](figures/territories.svg)", "",
                   "## Survival and trend", ""] + survivalLines().map { "- " + $0 } + ["", "![density trend](figures/density-trend.svg)", "", "## Density (SECR), \(year)", ""]
        if let s = thisSECR, let fit = s.fit, let n = s.abundance {
            let d = fit.densityPer100SquareKilometres
            out.append(String(format: "D = %.3f per 100 km² (95%% CI %.3f–%.3f); N̂ in mask = %.1f (%.1f–%.1f); σ = %.0f m.",
                              d.estimate, d.lcl, d.ucl, n.estimate, n.lcl, n.ucl, fit.sigma.estimate))
        } else {
            out.append("SECR could not be fitted for \(year): \(thisSECR?.failure ?? "no data").")
        }
        out += ["", "## Where they were seen", "", "![stations](figures/stations.svg)", "", "## Effort and relative abundance", "",
                String(format: "%.1f camera-days from %d deployments.", cameraDays, deployments), "",
                md(["species", "independent events", "RAI", "stations"],
                   speciesLines.map { [$0.species, String($0.events), String(format: "%.2f", $0.rai), String($0.stations)] }),
                "", "## Activity", "", "![activity](figures/activity.svg)", "", "## Methods", ""]
        out += methods().map { "- " + $0 }
        return out.joined(separator: "\n") + "\n"
    }
}

extension CensusReport {
    /// The whole report as one HTML document with its figures inline (what `report.html` holds), for the web app.
    public var htmlDocument: String { html(figuresSVG()) }
}
