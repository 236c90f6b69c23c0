import ArgumentParser
import Census
import Foundation

extension CensusCommand {
    /// `census secr`: maximum-likelihood spatially explicit capture–recapture.
    public struct SECR: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "secr",
            abstract: "Density by maximum-likelihood SECR (Borchers & Efford 2008), secr text formats.",
            discussion: """
            Captures: 'Session ID Occasion Detector' or 'Session ID Occasion X Y'. Traps: 'Detector x y [usage]'. \
            The habitat mask is secr's trap buffer (64 points across the x-range unless --mask-spacing), or \
            --mask FILE: secr's text mask (a header line, x and y first, other columns kept as covariates; the \
            spacing inferred from the points), so a published analysis can be rerun on its own mask; either is \
            optionally restricted to a GeoJSON habitat polygon and cut at a border polygon. D is in animals per \
            hectare (table output also per 100 km²); intervals are Wald on the link scale (log-normal for \
            the derived D of --cl fits).
            """
        )

        @Option(help: "Capture file (secr format).")
        var captures: String

        @Option(help: "Trap file (secr format, optional usage column).")
        var traps: String

        @Option(help: "Detector type: proximity, count or multi.")
        var detector: DetectorType = .proximity

        @Option(help: "Mask buffer around the detectors, metres.")
        var buffer: Double = 100

        @Option(help: "Detection function: hn, hhn or ex.")
        var detectfn: DetectionFunction = .halfNormal

        @Flag(help: "Conditional likelihood; D is derived (Horvitz–Thompson).")
        var cl = false

        @Option(help: "Mask spacing in metres (default: (x-range + 2·buffer)/64).")
        var maskSpacing: Double?

        @Option(help: "A mask in secr's text format (header line; x y first; other columns kept as covariates); replaces the trap-buffer mask.")
        var mask: String?

        @Option(help: "GeoJSON Polygon/MultiPolygon of habitat; mask points outside (or in holes) are dropped.")
        var maskPolygon: String?

        @Option(help: "GeoJSON polygon of a border; mask points outside it are dropped.")
        var cutPolygon: String?

        @Option(help: "Declared number of occasions (default: usage length or last occasion).")
        var occasions: Int?

        @Option(help: "Confidence level.")
        var level: Double = 0.95

        @Option(help: "Output format: table or json.")
        var format: CensusOutputFormat = .table

        public init() {}

        public func validate() throws {
            if !(buffer >= 0) { throw ValidationError("--buffer must be a distance in metres ≥ 0") }
            if let maskSpacing, !(maskSpacing > 0) { throw ValidationError("--mask-spacing must be positive") }
            if mask != nil && maskSpacing != nil {
                throw ValidationError("--mask-spacing does not apply to --mask: the spacing is inferred from the mask's points")
            }
            if !(level > 0.5 && level < 1) { throw ValidationError("--level must lie between 0.5 and 1") }
        }

        public func run() throws {
            let layout = try SECRTextFormat.readTraps(contentsOf: URL(fileURLWithPath: traps))
            let histories = try SECRTextFormat.readCaptures(contentsOf: URL(fileURLWithPath: captures), traps: layout,
                                                            occasions: occasions, detector: detector)
            var maskFile: SECRTextFormat.MaskFile?
            if let path = self.mask { maskFile = try SECRTextFormat.readMask(contentsOf: URL(fileURLWithPath: path)) }
            var mask = try maskFile?.mask ?? HabitatMask.trapBuffer(traps: layout, buffer: buffer, spacing: maskSpacing)
            if let maskPolygon {
                mask = try mask.keeping(inside: GeoPolygon.read(contentsOf: URL(fileURLWithPath: maskPolygon)))
            }
            if let cutPolygon {
                mask = try mask.keeping(inside: GeoPolygon.read(contentsOf: URL(fileURLWithPath: cutPolygon)))
            }
            let model = SECRModel(detector: detector, detectionFunction: detectfn, conditional: cl,
                                  confidenceLevel: level)
            let fit = try model.fit(histories, mask: mask)
            if format == .json {
                var json = Self.json(fit)
                if let path = self.mask, let maskFile {
                    json["mask"] = ["points": fit.maskPoints, "area_ha": fit.maskAreaHectares, "spacing": fit.maskSpacing,
                                    "file": path, "covariates": maskFile.covariateNames]
                }
                print(try CensusJSON.render(json))
            } else {
                if let path = self.mask, let maskFile {
                    let covariates = maskFile.covariateNames.isEmpty ? "no covariates"
                        : "covariates \(maskFile.covariateNames.joined(separator: ", ")) kept (not used by the model)"
                    print("Mask from \(path): \(maskFile.mask.count) points, spacing inferred \(CensusText.significant(maskFile.mask.spacing, 6)) m; \(covariates).")
                }
                print(Self.table(fit, level: level))
            }
        }

        static func json(_ fit: SECRFit) -> [String: Any] {
            [
                "model": fit.model.name,
                "detector": fit.model.detector.rawValue,
                "detectfn": fit.model.detectionFunction.rawValue,
                "conditional": fit.model.conditional,
                "logLik": CensusJSON.number(fit.logLik),
                "AIC": CensusJSON.number(fit.aic),
                "AICc": CensusJSON.number(fit.aicc),
                "mask": ["points": fit.maskPoints, "area_ha": fit.maskAreaHectares, "spacing": fit.maskSpacing],
                "D": CensusJSON.estimate(fit.density),
                fit.model.detectionFunction.interceptName: CensusJSON.estimate(fit.intercept),
                "sigma": CensusJSON.estimate(fit.sigma),
                "esa_ha": CensusJSON.number(fit.effectiveArea),
                "n": fit.animals,
                "detections": fit.detections,
                "converged": fit.converged,
            ]
        }

        static func table(_ fit: SECRFit, level: Double) -> String {
            let pct = "\(Int((level * 100).rounded()))% CI"
            func row(_ name: String, _ e: Estimate, _ digits: Int) -> String {
                [CensusText.pad(name, 18, right: false), CensusText.pad(CensusText.significant(e.estimate, digits), 12),
                 CensusText.pad(CensusText.significant(e.se, digits), 12),
                 CensusText.pad(CensusText.significant(e.lcl, digits), 12),
                 CensusText.pad(CensusText.significant(e.ucl, digits), 12)].joined(separator: " ")
            }
            let dNote = fit.model.conditional ? "derived D = n / a, log-normal interval" : "Wald interval on log D"
            return [
                fit.model.name,
                "\(fit.animals) animals, \(fit.detections) detections; mask \(fit.maskPoints) points, "
                    + "spacing \(CensusText.significant(fit.maskSpacing, 5)) m, area \(CensusText.fixed(fit.maskAreaHectares, 1)) ha",
                "logLik \(CensusText.fixed(fit.logLik, 4))   AIC \(CensusText.fixed(fit.aic, 3))   AICc \(CensusText.fixed(fit.aicc, 3))   "
                    + "converged in \(fit.iterations) Newton iterations",
                "",
                [CensusText.pad("parameter", 18, right: false), CensusText.pad("estimate", 12), CensusText.pad("SE", 12),
                 CensusText.pad("lcl", 12), CensusText.pad("ucl", 12)].joined(separator: " ") + "   (\(pct))",
                row("D (per ha)", fit.density, 5),
                row("D (per 100 km²)", fit.densityPer100SquareKilometres, 5),
                row(fit.model.detectionFunction.interceptName, fit.intercept, 5),
                row("sigma (m)", fit.sigma, 5),
                "",
                "D: \(dNote); detection parameters: Wald on the link scale (logit/log), back-transformed.",
                "Effective sampling area a = \(CensusText.fixed(fit.effectiveArea, 2)) ha.",
            ].joined(separator: "\n")
        }
    }
}
