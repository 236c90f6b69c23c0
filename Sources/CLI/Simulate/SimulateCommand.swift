import ArgumentParser
import Foundation
import Simulate

/// `rosette simulate`: synthetic leopard surveys with known truth — capture histories for survey
/// design, or a full card dump of camera-trap photos.
public struct SimulateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a camera-trap survey of Amur leopards: capture histories, or photos with ground truth.",
        discussion: """
        Writes OUT/secr/capt.txt, OUT/secr/trap.txt, OUT/histories.txt, OUT/deployments.csv and OUT/simulation.json;
        without --histories-only also OUT/photos/<station>/<camera>/IMG_nnnn.JPG, OUT/truth.csv and OUT/labels.csv
        (the truth as frame labels, for `triage validate --labels`: by class and species).
        A survey hard for triage: --triage-conditions field (with a few stations and --false-triggers 0.3, say).
        The same settings and --seed give identical files.
        With --years N (N ≥ 2) the population lives N years (survival, litters, dispersal, deaths by cause) and is
        surveyed every year (photos under <station>/<camera>/<deploymentID>/); the extra files are listed under --years.
        """)

    @Argument(help: "Output folder.") var output: String
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Flag(help: "Design mode: capture histories and effort only, no photos.") var historiesOnly = false
    @Option(help: "With --histories-only: number of replicate surveys (written to OUT/replicates/NNNN/).") var replicates: Int = 1

    @Option(help: "Region width and height in km (a rectangle), unless --region is given.") var regionWidthKm: Double = 24
    @Option var regionHeightKm: Double = 20
    @Option(help: "GeoJSON polygon(s) of the region (longitude/latitude).") var region: String?
    @Option(help: "GeoJSON polygon(s) of non-habitat inside the region.") var nonHabitat: String?
    @Option(help: "Origin of local coordinates, latitude.") var originLatitude: Double = 43.1
    @Option(help: "Origin of local coordinates, longitude.") var originLongitude: Double = 131.3

    @Option(help: "Leopard density, animals per 100 km² of habitat.") var density: Double = 1.2
    @Option(help: "Fixed number of independent leopards (overrides --density).") var leopards: Int?
    @Option(help: "Probability that an adult female has cubs.") var litterProbability: Double = 0.35

    @Option(help: "Yearly surveys; 2 or more adds population dynamics between them and the truth files individuals.csv, population-by-year.csv, cjs-histories.csv, evidence.csv, truth-summary.json and secr-YYYY/.")
    var years: Int = 1
    @Option(help: "Annual survival of adult females (--years).") var survivalAdultFemale: Double = 0.85
    @Option(help: "Annual survival of adult males (--years).") var survivalAdultMale: Double = 0.80
    @Option(help: "Annual survival of subadults (--years).") var survivalSubadult: Double = 0.70
    @Option(help: "Annual survival of cubs (--years).") var survivalCub: Double = 0.60
    @Option(help: "Relative frequencies of litters of 1,2,3,4 cubs (--years).") var litterSizes: String = "0.25,0.45,0.22,0.08"
    @Option(help: "Mean dispersal distance (km, exponential) of a subadult becoming adult; settling outside habitat is emigration.")
    var dispersalKm: Double = 8
    @Option(help: "A road: x1,y1;x2,y2;... in local km, or a GeoJSON LineString file (longitude/latitude); writes OUT/road.geojson and, with photos, OUT/road-crossings.csv (true crossings).") var road: String?
    @Option(help: "Road-kill hazard per year of an animal whose activity centre is on the road.") var roadKillRate: Double = 0.15
    @Option(help: "Half-normal scale (km) of the road-kill hazard's fall-off with distance from the road.") var roadSigmaKm: Double = 2
    @Option(help: "Shares of poaching, tiger, disease and natural among the other deaths (comma-separated).")
    var deathCauses: String = "0.25,0.15,0.20,0.40"
    @Option(help: "Proportion of deaths whose carcass is found (evidence.csv).") var carcassFound: Double = 0.6
    @Option(help: "Scat-DNA samples per year of animals with a known mother (evidence.csv).") var scatSamples: Int = 3

    @Option(help: "Station layout: grid, random, clustered, or list (with --stations-csv).") var layout: String = "grid"
    @Option(help: "Number of stations.") var stations: Int = 20
    @Option(help: "Station spacing, metres.") var spacing: Double = 2_500
    @Option(help: "Stations CSV: id,x,y[,cameras] (metres) or id,latitude,longitude[,cameras].") var stationsCsv: String?
    @Option(help: "Proportion of stations with paired cameras (A and B facing each other).") var pairedFraction: Double = 1
    @Option(help: "Stations west of this x (metres) are in China (CN).") var borderX: Double?

    @Option(help: "First survey day, YYYY-MM-DD.") var startDate: String = "2024-09-01"
    @Option(help: "Survey days (occasions).") var days: Int = 30
    @Option(help: "Baseline detection hazard per station-day, λ0.") var lambda0: Double = 0.05
    @Option(help: "Spatial scale σ in metres (females; males too unless --sigma-male).") var sigma: Double = 2_500
    @Option(help: "Spatial scale σ of males, metres.") var sigmaMale: Double?
    @Option(help: "Probability that a camera has a malfunction period.") var malfunctionProbability: Double = 0.15
    @Option(help: "Proportion of cameras whose clock is wrong.") var clockErrorFraction: Double = 0.1
    @Option(help: "Clock errors (seconds, comma-separated) drawn for the cameras with a wrong clock.") var clockOffsets: String = "3600,-3600,43200,86400,-31536000"
    @Option(help: "Frames per trigger.") var burst: Int = 3

    @Option(help: "Photo conditions: easy, field, hard, or real (textured fixed scenes, infrared bloom and smear at night, winter coats, loose full-frame boxes in --reid-dataset).") var conditions: String = "field"
    @Option(help: "Triage conditions: calm (the photos as before) or field (sun flecks drifting through the canopy, moving shadows, auto-exposure steps, heat shimmer, foreground leaves in the wind, infrared gain jumps and insects at night, empty triggers caused by sun, heat and wind, small birds and rodents). Combines with --conditions.")
    var triageConditions: String = "calm"
    @Option(help: "Photo width in pixels.") var width: Int = 2048
    @Option(help: "Photo height in pixels.") var height: Int = 1536
    @Option(help: "JPEG quality (default: the conditions preset's).") var quality: Int?
    @Option(help: "Empty triggers per camera-day.") var falseTriggers: Double = 0.08
    @Option(help: "Multiplier on the rates of other species, people and vehicles (0 = leopards only).") var otherSpeciesScale: Double = 1
    @Flag(help: "Write the truth into the photos as XMP tags (Species|…, individual|…), as a person tagging the card for camtrapR would.")
    var tagTruth = false
    @Flag(help: "Like --tag-truth but without individual tags: species only, left for `rosette identify` to identify.")
    var tagSpeciesOnly = false
    @Flag(help: "Also write a re-identification dataset: leopard flank crops and OUT/reid/metadata.csv (for `rosette reid eval`).")
    var reidDataset = false
    @Option(help: "With --reid-dataset: keep this many individuals, as an unbalanced gallery (see --reid-dominant-share).")
    var reidIndividuals: Int?
    @Option(help: "With --reid-individuals: share of the photos of the most-photographed individual; the last 4 keep 2–5 photos each.")
    var reidDominantShare: Double = 0.5

    public init() {}

    public func run() throws {
        let settings = try makeSettings()
        let out = URL(fileURLWithPath: output)
        if years > 1 {
            try runYears(settings: settings, out: out)
        } else if historiesOnly {
            try runHistories(settings: settings, out: out)
        } else {
            try runPhotos(settings: settings, out: out)
        }
    }

    /// The simulation settings the options describe.
    func makeSettings() throws -> SimulationSettings {
        var s = SimulationSettings()
        s.seed = seed
        s.origin = GeoOrigin(latitude: originLatitude, longitude: originLongitude)
        if let region {
            s.region = Region(habitat: try Region.polygons(geoJSONAt: URL(fileURLWithPath: region), origin: s.origin))
        } else {
            guard regionWidthKm > 0, regionHeightKm > 0 else { throw ValidationError("--region-width-km and --region-height-km must be positive") }
            s.region = .rectangle(width: regionWidthKm * 1000, height: regionHeightKm * 1000)
        }
        if let nonHabitat {
            s.region.nonHabitat = try Region.polygons(geoJSONAt: URL(fileURLWithPath: nonHabitat), origin: s.origin)
        }
        guard density >= 0 else { throw ValidationError("--density must not be negative (got \(density))") }
        s.population.densityPer100km2 = density
        s.population.count = leopards
        s.population.litterProbability = litterProbability
        guard let kind = LayoutSettings.Kind(rawValue: layout) else {
            throw ValidationError("--layout must be grid, random, clustered or list (got \(layout))")
        }
        s.layout.kind = stationsCsv != nil ? .list : kind
        if let stationsCsv { s.layout.stations = try StationSpec.read(csvAt: URL(fileURLWithPath: stationsCsv), origin: s.origin) }
        guard stations > 0, spacing > 0 else { throw ValidationError("--stations and --spacing must be positive") }
        s.layout.stationCount = stations
        s.layout.spacing = spacing
        s.layout.pairedFraction = pairedFraction
        s.layout.borderX = borderX
        s.survey.startDate = startDate
        s.survey.days = days
        s.survey.malfunctionProbability = malfunctionProbability
        s.survey.clockErrorFraction = clockErrorFraction
        s.survey.burstFrames = max(1, burst)
        let offsets = clockOffsets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        s.survey.clockOffsets = try offsets.map { text in
            guard let value = Int(text) else { throw ValidationError("--clock-offsets: \"\(text)\" is not a whole number of seconds") }
            return value
        }
        guard lambda0 > 0, sigma > 0 else { throw ValidationError("--lambda0 and --sigma must be positive") }
        s.detection.lambda0 = lambda0
        s.detection.sigma = sigma
        s.detection.sigmaMale = sigmaMale
        guard let preset = Conditions(rawValue: conditions) else {
            throw ValidationError("--conditions must be easy, field, hard or real (got \(conditions))")
        }
        s.photos.conditions = preset
        s.photos.width = width
        s.photos.height = height
        s.photos.quality = quality
        s.photos.falseTriggersPerDay = falseTriggers
        s.photos.tagTruth = tagTruth || tagSpeciesOnly
        s.photos.tagIndividuals = !tagSpeciesOnly
        s.otherSpecies = s.otherSpecies.compactMap { species in
            guard otherSpeciesScale > 0 else { return nil }
            var sp = species
            sp.densityPer100km2 *= otherSpeciesScale
            sp.eventsPerStationDay = sp.eventsPerStationDay.map { $0 * otherSpeciesScale }
            return sp
        }
        guard let triage = TriageConditions(rawValue: triageConditions) else {
            throw ValidationError("--triage-conditions must be calm or field (got \(triageConditions))")
        }
        s.useTriageConditions(triage, speciesScale: otherSpeciesScale)
        guard years >= 1 else { throw ValidationError("--years must be at least 1 (got \(years))") }
        if years > 1 { s.dynamics = try makeDynamics(origin: s.origin) }
        return s
    }

    func runHistories(settings: SimulationSettings, out: URL) throws {
        let simulator = SurveySimulator(settings: settings)
        guard replicates > 1 else {
            let r = try simulator.writeHistories(to: out)
            print("\(r.population.independent.count) leopards (+\(r.population.individuals.count - r.population.independent.count) cubs), "
                + "\(r.survey.stations.count) stations × \(r.survey.days) days: \(r.histories.animalsDetected) animals detected, "
                + "\(r.histories.captures.count) detections → \(out.path)")
            return
        }
        var lines = ["replicate,seed,leopards,animalsDetected,detections,meanStationsPerAnimal"]
        let start = Date()
        for i in 1...replicates {
            let rep = simulator.replicate(i)
            let r = try rep.writeHistories(to: out.appendingPathComponent("replicates").appendingPathComponent(String(format: "%04d", i)))
            let stationsPer = Dictionary(grouping: r.histories.captures, by: \.individualID).values
                .map { Set($0.map(\.detectorID)).count }
            let mean = stationsPer.isEmpty ? 0 : Double(stationsPer.reduce(0, +)) / Double(stationsPer.count)
            lines.append("\(i),\(rep.settings.seed),\(r.population.individuals.count),\(r.histories.animalsDetected),\(r.histories.captures.count),\(String(format: "%.3f", mean))")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: out.appendingPathComponent("replicates.csv"), atomically: true, encoding: .utf8)
        print("\(replicates) replicates in \(String(format: "%.1f", Date().timeIntervalSince(start))) s → \(out.appendingPathComponent("replicates.csv").path)")
    }
}
