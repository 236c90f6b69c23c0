import ArgumentParser
import Census
import Core
import Foundation
import Store

extension CensusCommand {
    /// `rosette census territories`: home ranges, SECR activity centres and overlaps of a year, with map and GeoJSON.
    struct Territories: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Home ranges (MCP 100%/95%, fixed kernel), SECR activity centres and range overlaps of a year; SVG map and GeoJSON.",
            discussion: """
                Locations: one per independent event of an identified individual at a station (the survey's independence
                interval); repeated station points count as separate locations. MCP95: adehabitatHR's rule (locations
                within the 0.95 type-7 quantile of distances to their mean). Kernel (≥ 5 locations): bivariate normal,
                reference bandwidth h = √((sx²+sy²)/2)·n^(−1/6), 95% = smallest set of cells holding 95% of the UD.
                Activity centres: each individual's posterior over the SECR mask (secr's fxi) under the year's fitted
                model. Overlap: volume of intersection of the 95% kernel UDs, else MCP100 intersection / smaller MCP.
                Locations leave exact for owner and staff unless --generalise is given; --role partner and public snap
                them to a 10 km grid unless --generalise says otherwise (what leaves the survey for a partner is
                generalised as for the public); generalised output names no station.
                """)
        @OptionGroup var survey: SurveyOption
        @OptionGroup var roleOption: RoleOption
        @Option(help: "The year.") var year: Int
        @Option(help: "Focal species.") var species: String = "Panthera pardus orientalis"
        @Option(help: "Folder for territories-YEAR.svg and territories-YEAR.geojson.") var out: String?
        @Option(help: "Generalise every location to a grid of this many metres (public default: 10000).") var generalise: Double?
        @Option(help: "SECR mask buffer, metres.") var buffer: Double = 7500
        @Option(help: "SECR detection function: hn, hhn or ex.") var detectfn: DetectionFunction = .hazardHalfNormal
        @Option(help: "Output: table or json.") var format: CensusOutputFormat = .table
        @Option(help: "Map only this individual (repeatable): its own page's map of detections, ranges and centre.") var individual: [String] = []
        @Flag(help: "Camera detections only: leave other evidence (tracks, DNA, collar fixes, sightings) out of the ranges.") var camerasOnly = false

        func validate() throws {
            if let g = generalise, !(g > 0) { throw ValidationError("--generalise must be a positive number of metres, not \(g)") }
        }

        func run() throws {
            let store = try survey.open()
            let viewer = try roleOption.viewer(store)
            let disclosure = LocationDisclosure.forRole(seesExactLocations: viewer.role.receivesExactLocations, generaliseMetres: generalise)
            var t = try TerritoryYear.build(store: store, species: species, year: year, buffer: buffer, detectionFunction: detectfn, viewer: viewer)
            if !camerasOnly {
                let evidence = EvidenceLocations.detections(try store.locatedEvidence(), year: year, zone: try ZoneSpec(store.settings.timeZone),
                                                            projection: t.projection)
                if !evidence.isEmpty { t = t.adding(evidence) }
            }
            for line in t.excluded where disclosure.grid == nil { FileHandle.standardError.write(Data(("warning: " + line + "\n").utf8)) }
            var written: [String] = []
            if let out {
                let dir = URL(fileURLWithPath: out)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                let suffix = individual.isEmpty ? "" : "-" + individual.joined(separator: "-")
                let svg = dir.appendingPathComponent("territories-\(year)\(suffix).svg"), geo = dir.appendingPathComponent("territories-\(year).geojson")
                try TerritoryMap.svg(t, disclosure: disclosure, individuals: individual.isEmpty ? nil : individual)
                    .write(to: svg, atomically: true, encoding: .utf8)
                try (TerritoryGeoJSON.text(t, disclosure: disclosure) + "\n").write(to: geo, atomically: true, encoding: .utf8)
                written = [svg.path, geo.path]
            }
            switch format {
            case .json: print(try CensusJSON.render(json(t, disclosure, written)))
            case .table: printTable(t, disclosure, written)
            }
        }

        func centre(_ c: ActivityCentre, _ t: TerritoryYear, _ d: LocationDisclosure) -> (latitude: Double, longitude: Double) {
            let p = d.point(.init(c.meanX, c.meanY))
            return t.projection.unproject(x: p.x, y: p.y)
        }

        func json(_ t: TerritoryYear, _ d: LocationDisclosure, _ written: [String]) -> [String: Any] {
            let individuals: [[String: Any]] = t.ranges.map { r in
                var o: [String: Any] = ["individualID": r.individualID, "locations": r.locations.count, "distinctLocations": r.distinctLocations,
                                        "mcp100SquareKilometres": r.mcp100SquareKilometres, "mcp95SquareKilometres": r.mcp95SquareKilometres,
                                        "mcp95Kept": r.mcp95Kept,
                                        "kernel95SquareKilometres": CensusJSON.number(r.kernel?.isopleth95SquareKilometres),
                                        "bandwidthMetres": CensusJSON.number(r.kernel?.bandwidth)]
                if let c = t.centre(of: r.individualID) {
                    let ll = centre(c, t, d)
                    o["activityCentre"] = ["latitude": ll.latitude, "longitude": ll.longitude, "region95SquareKilometres": c.region95SquareKilometres]
                } else { o["activityCentre"] = NSNull() }
                return o
            }
            var o: [String: Any] = ["year": t.year, "species": t.species, "individuals": individuals,
                                    "overlaps": t.overlaps.map { ["first": $0.first, "second": $0.second, "method": $0.method.rawValue,
                                                                  "overlap": $0.overlap, "sharedSquareKilometres": $0.sharedSquareKilometres] },
                                    "secr": t.fit.map { ["sigmaMetres": $0.sigma.estimate, "intercept": $0.intercept.estimate,
                                                          "detectionFunction": $0.model.detectionFunction.rawValue] as [String: Any] } ?? NSNull(),
                                    "secrFailure": t.secrFailure ?? NSNull(), "files": written]
            o["coordinatePrecision"] = d.grid.map { $0.metres } ?? NSNull()
            return o
        }

        func printTable(_ t: TerritoryYear, _ d: LocationDisclosure, _ written: [String]) {
            print("\(t.species), \(t.year): \(t.ranges.count) individuals, \(t.detections.count) locations at \(t.stations.count) stations"
                  + (d.grid.map { " (locations generalised to a \(String(format: "%g", $0.metres)) m grid)" } ?? ""))
            let header = ["individual", "n", "MCP100 km²", "MCP95 km²", "kernel95 km²", "activity centre (lat, lon)", "AC 95% km²"]
            var rows: [[String]] = [header]
            for r in t.ranges {
                let c = t.centre(of: r.individualID)
                rows.append([r.individualID, String(r.locations.count), CensusText.fixed(r.mcp100SquareKilometres, 2),
                             CensusText.fixed(r.mcp95SquareKilometres, 2), r.kernel.map { CensusText.fixed($0.isopleth95SquareKilometres, 2) } ?? "—",
                             c.map { let ll = centre($0, t, d); return String(format: "%.4f, %.4f", ll.latitude, ll.longitude) } ?? "—",
                             c.map { CensusText.fixed($0.region95SquareKilometres, 1) } ?? "—"])
            }
            let widths = header.indices.map { k in rows.map { $0[k].count }.max()! }
            for row in rows { print(row.enumerated().map { CensusText.pad($1, widths[$0], right: $0 > 0) }.joined(separator: "  ")) }
            if let f = t.fit {
                print(String(format: "Activity centres: posterior over the mask under SECR %@ (σ = %.0f m, %@ = %.4g).",
                             f.model.detectionFunction.rawValue, f.sigma.estimate, f.model.detectionFunction.interceptName, f.intercept.estimate))
            } else {
                print("No activity centres: SECR could not be fitted (\(t.secrFailure ?? "no data")).")
            }
            if t.overlaps.isEmpty { print("No overlapping ranges.") }
            for o in t.overlaps {
                print(String(format: "Overlap %@ – %@: %.3f (%@), shared %.2f km²", o.first, o.second, o.overlap, o.method.rawValue, o.sharedSquareKilometres))
            }
            for w in written { print("Wrote \(w)") }
        }
    }
}
