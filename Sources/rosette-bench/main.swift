import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `rosette-bench`: speed and memory figures (`make bench`), never part of the unit tests.
///
///   rosette-bench ingest --files 5000 [--files 50000] [--source DIR] [--work DIR]
///   rosette-bench detect --model 640=FILE [--model 1280=FILE] [--photos 100]
///   rosette-bench reid [--gallery 1000 --gallery 10000] [--queries 50] [--work DIR]
///   rosette-bench population [--photos 1000000] [--individuals 300]
///   rosette-bench make-card OUT --stations N --per-station M [--source DIR]
let args = Array(CommandLine.arguments.dropFirst())

func value(_ flag: String) -> [String] {
    var out: [String] = []
    var i = 0
    while i < args.count {
        if args[i] == flag, i + 1 < args.count { out.append(args[i + 1]); i += 1 }
        i += 1
    }
    return out
}

func die(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let executableDir = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
let source = value("--source").first.map { URL(fileURLWithPath: $0) }

switch args.first {
case "make-card":
    guard args.count > 1 else { die("usage: rosette-bench make-card OUT --stations N --per-station M [--source DIR]") }
    let out = URL(fileURLWithPath: args[1])
    let dump = CardDump(stations: Int(value("--stations").first ?? "5") ?? 5,
                        perStation: Int(value("--per-station").first ?? "30") ?? 30,
                        templates: try CardDump.loadTemplates(source: source))
    let n = try dump.write(to: out.appendingPathComponent("cards"), deploymentsCSV: out.appendingPathComponent("deployments.csv"))
    print("wrote \(n) photos under \(out.path)/cards and \(out.path)/deployments.csv")
case "web":
    let work = URL(fileURLWithPath: value("--work").first ?? NSTemporaryDirectory() + "rosette-bench-web")
    let paths = value("--path")
    try await WebBench.run(photos: Int(value("--photos").first ?? "10000") ?? 10_000,
                           individuals: Int(value("--individuals").first ?? "300") ?? 300,
                           seconds: Int(value("--seconds").first ?? "30") ?? 30,
                           connections: Int(value("--connections").first ?? "50") ?? 50,
                           paths: paths.isEmpty ? nil : paths, work: work)
case "ingest":
    let sizes = value("--files").compactMap(Int.init)
    let work = URL(fileURLWithPath: value("--work").first ?? NSTemporaryDirectory() + "rosette-bench")
    try IngestBench(rosette: executableDir.appendingPathComponent("rosette"), work: work,
                    templates: try CardDump.loadTemplates(source: source)).run(sizes: sizes.isEmpty ? [5000] : sizes)
case "triage":
    try TriageBench.run(rosette: executableDir.appendingPathComponent("rosette"),
                        work: URL(fileURLWithPath: NSTemporaryDirectory() + "rosette-triage-bench"),
                        photos: Int(args.dropFirst().first ?? "300") ?? 300)
case "detect":
    let models = value("--model").map { spec -> (size: Int, path: String) in
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let size = Int(parts[0]) else { die("--model takes SIZE=FILE, e.g. 640=yolov5s-640.onnx: \(spec)") }
        return (size, parts[1])
    }
    if models.isEmpty { die("usage: rosette-bench detect --model SIZE=FILE [--model SIZE=FILE …] [--photos N]") }
    try TriageBench.detect(rosette: executableDir.appendingPathComponent("rosette"),
                           work: URL(fileURLWithPath: NSTemporaryDirectory() + "rosette-detect-bench"),
                           photos: Int(value("--photos").first ?? "100") ?? 100, models: models)
case "years-coverage":
    try YearsValidation.run(replicates: Int(args.dropFirst().first ?? "100") ?? 100)
case "population":
    try PopulationBench.run(photos: Int(value("--photos").first ?? "1000000") ?? 1_000_000,
                            individuals: Int(value("--individuals").first ?? "300") ?? 300,
                            work: URL(fileURLWithPath: NSTemporaryDirectory() + "rosette-population-bench"))
case "simulate":
    try SimBench.run(arguments: Array(args.dropFirst()))
case "secr-coverage":
    try SECRValidation.run(replicates: Int(args.dropFirst().first ?? "200") ?? 200)
case "secr":
    try SECRBench.run()
case "survival":
    try SurvivalBench.run()
case "survival-coverage":
    SurvivalBench.coverage(replicates: Int(args.dropFirst().first ?? "200") ?? 200,
                           seed: UInt64(args.dropFirst(2).first ?? "2024") ?? 2024)
case "reid":
    let sizes = value("--gallery").compactMap(Int.init)
    let work = URL(fileURLWithPath: value("--work").first ?? NSTemporaryDirectory() + "rosette-bench-reid")
    try ReidBench(work: work, queries: Int(value("--queries").first ?? "50") ?? 50).run(sizes: sizes.isEmpty ? [1000, 10000] : sizes)
default:
    die("usage: rosette-bench triage [photos] | detect --model SIZE=FILE … [--photos N] | secr-coverage [replicates] | simulate [photos] [replicates] | secr | survival | survival-coverage [replicates] [seed] | reid [--gallery N …] [--queries N] [--work DIR] | ingest --files N [--files N …] [--source DIR] | make-card OUT --stations N --per-station M | web [--photos N] [--individuals N] [--seconds S] [--connections C] [--path P …]")
}
