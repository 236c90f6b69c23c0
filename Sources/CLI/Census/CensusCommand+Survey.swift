import ArgumentParser
import Census
import Core
import Foundation
import Store

/// What the survey-based census commands share: the survey, a species and a period.
struct CensusSurveyOptions: ParsableArguments {
    @OptionGroup var survey: SurveyOption
    @Option(help: "Only this species (scientific name or label as tagged, e.g. \"Panthera pardus orientalis\").")
    var species: String?
    @Option(help: "First day (YYYY-MM-DD, survey time zone). Default: the first deployment's start.")
    var from: String?
    @Option(help: "Last day (YYYY-MM-DD, survey time zone). Default: the last deployment's end.")
    var to: String?

    /// The survey, its zone, camera operation over the period, and the detections in it.
    func load() throws -> (SurveyStore, ZoneSpec, CameraOperation, [DetectionRecord]) {
        let store = try survey.open()
        let zone = try ZoneSpec(store.settings.timeZone)
        func day(_ text: String?, end: Bool, name: String) throws -> Date? {
            guard let text else { return nil }
            guard let d = Timestamp.parse(text, defaultZone: zone, endOfDay: end) else {
                throw ValidationError("--\(name) '\(text)' is not a date such as 2024-09-01")
            }
            return d
        }
        let from = try day(self.from, end: false, name: "from"), to = try day(self.to, end: true, name: "to")
        let operation = CameraOperation(deployments: try store.deployments(), malfunctions: try store.malfunctions(),
                                        zone: zone, from: from, to: to)
        let records = try store.detectionRecords(species: species, from: from, to: to)
        return (store, zone, operation, records)
    }
}

extension CensusCommand {
    /// `rosette census effort`: camera-days, independent events and relative abundance (RAI).
    struct Effort: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Camera-days (malfunctions excluded), independent events and RAI (events per 100 camera-days).")
        @OptionGroup var options: CensusSurveyOptions
        @Option(help: "Minutes between independent events (default: the survey's independence_minutes).")
        var independence: Double?

        func run() throws {
            let (store, _, operation, records) = try options.load()
            let minutes = independence ?? store.settings.independenceMinutes
            let events = IndependentEvent.group(records, minutes: minutes)
            print(String(format: "Effort: %.1f camera-days over %d days, %d deployments; independence %.0f min",
                         operation.totalCameraDays, operation.days, operation.byDeployment.count, minutes))
            var bySpecies: [String: Int] = [:]
            for e in events { bySpecies[e.species, default: 0] += 1 }
            var rows = [["species", "events", "RAI (per 100 camera-days)", "stations"]]
            for (species, n) in bySpecies.sorted(by: { $0.value > $1.value }) {
                let stations = Set(events.filter { $0.species == species }.map(\.station)).count
                rows.append([species.isEmpty ? "(unnamed)" : species, String(n),
                             String(format: "%.2f", Double(n) / max(operation.totalCameraDays, 1e-9) * 100), String(stations)])
            }
            print(TextTable.render(rows))
            print("")
            var stationRows = [["station", "camera-days", "events", "RAI"]]
            for station in operation.stations.keys.sorted() {
                let days = operation.stations[station]!.reduce(0) { $0 + operation.cameraDays(deploymentID: $1) }
                let n = events.filter { $0.station == station }.count
                stationRows.append([station, String(format: "%.1f", days), String(n),
                                    days > 0 ? String(format: "%.2f", Double(n) / days * 100) : "-"])
            }
            print(TextTable.render(stationRows))
        }
    }

    /// `rosette census records`: a camtrapR-style record table of independent events.
    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a camtrapR-style record table (one row per independent event) as CSV.")
        @OptionGroup var options: CensusSurveyOptions
        @Option(help: "Minutes between independent events (default: the survey's independence_minutes).")
        var independence: Double?
        @Flag(help: "Independence per individual (camtrapR recordTableIndividual) rather than per species.")
        var individuals = false
        @Option(help: "Output file (default: standard output).") var out: String?

        func run() throws {
            let (store, zone, _, records) = try options.load()
            let events = IndependentEvent.group(records, minutes: independence ?? store.settings.independenceMinutes,
                                                byIndividual: individuals)
            let text = RecordTable.csv(events, zone: zone)
            if let out {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
                print("Wrote \(events.count) independent events from \(records.count) records to \(out).")
            } else {
                print(text, terminator: "")
            }
        }
    }

    /// `rosette census histories`: capture histories of identified individuals in secr's text formats.
    struct Histories: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write capture histories of identified individuals (secr capt.txt + trap.txt, and histories.txt).",
            discussion: """
                Detectors are stations (paired cameras are one detector), coordinates in metres from a local projection of
                the deployments' latitude/longitude; usage is operational days per occasion. Then, e.g.:
                rosette census secr --captures OUT/capt.txt --traps OUT/trap.txt --detector proximity --buffer 3000
                """)
        @OptionGroup var options: CensusSurveyOptions
        @Option(help: "Days per occasion (1 = daily, 7 = weekly).") var occasionDays = 1
        @Option(help: "Output folder.") var out: String

        func run() throws {
            let (store, zone, operation, records) = try options.load()
            let built = SurveyHistories(records: records, deployments: try store.deployments(), operation: operation,
                                        occasionDays: occasionDays)
            for message in built.excluded { printError(message) }
            let dir = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let h = built.histories
            let comment = """
                Rosette capture histories: survey '\(store.settings.name)', species \(options.species ?? "all"), \
                \(h.occasions) occasions of \(built.occasionDays) day(s) from \(Timestamp.format(built.firstDay, in: zone))
                coordinates: metres east/north of \(String(format: "%.5f, %.5f", built.projection.originLatitude, built.projection.originLongitude))
                """
            let session = store.settings.name.replacingOccurrences(of: " ", with: "_")
            try SECRTextFormat.trapText(h.traps, comment: comment).write(to: dir.appendingPathComponent("trap.txt"), atomically: true, encoding: .utf8)
            try SECRTextFormat.captureText(h, session: session, comment: comment).write(to: dir.appendingPathComponent("capt.txt"), atomically: true, encoding: .utf8)
            let closed = h.nonSpatialHistories().map { row in String(row.map { $0 ? "1" : "0" }) }
            try (["# one line per animal: detected (1) or not (0) on each occasion"] + closed).joined(separator: "\n")
                .appending("\n").write(to: dir.appendingPathComponent("histories.txt"), atomically: true, encoding: .utf8)
            print("\(h.animals) individuals, \(h.detections) detections (\(h.recapturedAnimals) recaptured) at \(h.detectors) stations "
                  + "over \(h.occasions) occasions; \(built.excluded.count) detection(s) left out.")
            print("Wrote \(dir.path)/capt.txt, trap.txt, histories.txt")
        }
    }
}
