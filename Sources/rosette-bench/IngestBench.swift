import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ingest of N JPEGs by `rosette ingest` against `exiftool -r -csv -DateTimeOriginal -Make -Model`.
struct IngestBench {
    let rosette: URL
    let work: URL
    let templates: [[UInt8]]

    struct Timing {
        let seconds: Double
        let peakRSSMiB: Double
        let status: Int32
    }

    func run(sizes: [Int]) throws {
        print("ingest benchmark: \(templates.count) template JPEG(s), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for n in sizes {
            let dir = work.appendingPathComponent("n\(n)")
            try? FileManager.default.removeItem(at: dir)
            let stations = max(1, n / 1000)
            let dump = CardDump(stations: stations, perStation: n / stations, templates: templates)
            let written = try dump.write(to: dir.appendingPathComponent("cards"), deploymentsCSV: dir.appendingPathComponent("deployments.csv"))
            let survey = dir.appendingPathComponent("survey").path
            _ = try Self.measure(rosette.path, ["init", survey, "--time-zone", "Asia/Vladivostok"])
            _ = try Self.measure(rosette.path, ["deployments", "import", dir.appendingPathComponent("deployments.csv").path, "--survey", survey])
            let cards = dir.appendingPathComponent("cards").path
            // Warm the page cache for both tools alike.
            _ = try Self.measure("/usr/bin/find", [cards, "-type", "f", "-exec", "cat", "{}", "+"])
            let ours = try Self.measure(rosette.path, ["ingest", cards, "--survey", survey, "--quiet"])
            guard ours.status == 0 else { print("rosette ingest failed with status \(ours.status)"); return }
            let again = try Self.measure(rosette.path, ["ingest", cards, "--survey", survey, "--quiet"])
            let exiftool = try Self.measure("/usr/bin/exiftool", ["-r", "-csv", "-DateTimeOriginal", "-Make", "-Model", cards])
            print(String(format: "files=%d rosette_s=%.2f rosette_files_per_s=%.0f rosette_peak_MiB=%.1f rerun_s=%.2f "
                         + "exiftool_s=%.2f exiftool_files_per_s=%.0f speedup=%.1fx",
                         written, ours.seconds, Double(written) / ours.seconds, ours.peakRSSMiB, again.seconds,
                         exiftool.seconds, Double(written) / exiftool.seconds, exiftool.seconds / ours.seconds))
            try? FileManager.default.removeItem(at: dir)
        }
    }

    /// Runs a command with stdout and stderr discarded; wall time and the child's peak resident memory.
    ///
    /// Spawned and reaped here (posix_spawn + wait4) rather than through Foundation's Process, whose own
    /// reaper can collect the child first and leave wait4 without its resource usage.
    static func measure(_ path: String, _ arguments: [String]) throws -> Timing {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw NSError(domain: "rosette-bench", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run \(path)"]) }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        return Timing(seconds: Date().timeIntervalSince(start), peakRSSMiB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }
}
