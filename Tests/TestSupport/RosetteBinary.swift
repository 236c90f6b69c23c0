import Foundation

/// Runs the built `rosette` executable as a child process, as a user would.
public enum RosetteBinary {
    /// The `rosette` binary beside the test bundle (SwiftPM builds it for the CLI tests).
    public static var url: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("rosette")
    }

    public static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: url.path) }

    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `rosette` with arguments to completion.
    public static func run(_ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil) throws -> Output {
        let process = try start(arguments, stdin: stdin)
        let out = (process.standardOutput as! Pipe).fileHandleForReading
        let err = (process.standardError as! Pipe).fileHandleForReading
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `rosette` and returns the running process (stdout and stderr are pipes).
    public static func start(_ arguments: [String], stdin: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        if let input, let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
        }
        return process
    }

    /// Runs a shell tool (e.g. exiftool), in `folder` when given, and returns its standard output.
    public static func tool(_ path: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
