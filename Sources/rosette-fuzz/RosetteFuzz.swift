import CRosetteFuzz
import Foundation

/// `rosette-fuzz TARGET [libFuzzer options] [corpus dirs]`: one binary for every parser.
///
/// Built by `make fuzz` (`-sanitize=fuzzer,address -DROSETTE_FUZZ`) it hands the rest of the command line to
/// libFuzzer's driver. In an ordinary build it replays files: `rosette-fuzz TARGET FILE|DIR...` runs each input
/// once (a crash found by the fuzzer reproduces without sanitizers).
@main
enum RosetteFuzz {
    nonisolated(unsafe) static var target: FuzzTarget = .exif

    static func main() {
        var args = CommandLine.arguments
        guard args.count >= 2, let chosen = FuzzTarget(rawValue: args[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
            FileHandle.standardError.write(Data("usage: rosette-fuzz TARGET [options] [inputs]\ntargets: \(names)\n".utf8))
            exit(2)
        }
        target = chosen
        args.remove(at: 1)
        #if ROSETTE_FUZZ
        var argc = CInt(args.count)
        var cArgs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let status = cArgs.withUnsafeMutableBufferPointer { buffer -> CInt in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                let bytes = size == 0 ? [] : [UInt8](UnsafeBufferPointer(start: data, count: size))
                RosetteFuzz.target.run(bytes)
                return 0
            }
        }
        exit(status)
        #else
        exit(replay(Array(args.dropFirst())))
        #endif
    }

    /// Runs the target once over each file (directories: each file inside); prints how many inputs ran.
    static func replay(_ paths: [String]) -> CInt {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("rosette-fuzz: no such file \(path)\n".utf8))
                return 1
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += names.sorted().map { "\(path)/\($0)" }
            } else {
                files.append(path)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            target.run([UInt8](data))
        }
        print("\(target.rawValue): \(files.count) input(s) ran")
        return 0
    }
}
