import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `rosette users` and `rosette serve` as a person runs them: a user added, the server answering on a free port,
/// and a clean stop on SIGTERM.
@Suite(.serialized) struct ServeCommandTests {
    @Test func usersAreAddedListedAndRefusedWithClearMessages() throws {
        let dir = TemporaryDirectory("serve-cli")
        let survey = dir.path("s").path
        #expect(try RosetteBinary.run(["init", survey]).status == 0)
        let add = try RosetteBinary.run(["users", "add", "anna", "--role", "reviewer", "--password-stdin", "--survey", survey],
                                        stdin: "long-enough-password\n")
        #expect(add.status == 0 && add.stdout.contains("added anna (reviewer)"))
        let again = try RosetteBinary.run(["users", "add", "anna", "--role", "viewer", "--password-stdin", "--survey", survey],
                                          stdin: "another-password\n")
        #expect(again.status != 0 && again.stderr.contains("user anna already exists"))
        let short = try RosetteBinary.run(["users", "add", "bo", "--role", "viewer", "--password-stdin", "--survey", survey], stdin: "short\n")
        #expect(short.status != 0 && short.stderr.contains("at least 8 characters"))
        let badRole = try RosetteBinary.run(["users", "add", "cy", "--role", "boss", "--password-stdin", "--survey", survey], stdin: "long-enough-password\n")
        #expect(badRole.status != 0 && badRole.stderr.contains("boss is not a role"))
        #expect(try RosetteBinary.run(["users", "role", "anna", "admin", "--survey", survey]).status == 0)
        let list = try RosetteBinary.run(["users", "list", "--survey", survey])
        #expect(list.stdout.contains("anna\tadmin"))
        #expect(!list.stdout.contains("long-enough-password") && !list.stdout.contains("$2"))
    }

    @Test func serveAnswersOnAFreePortAndStopsCleanlyOnSIGTERM() async throws {
        let dir = TemporaryDirectory("serve-cli")
        let survey = dir.path("s").path
        #expect(try RosetteBinary.run(["init", survey]).status == 0)
        let server = try RosetteBinary.start(["serve", "--survey", survey, "--port", "0"])
        defer { if server.isRunning { server.terminate() } }
        let out = (server.standardOutput as! Pipe).fileHandleForReading
        var banner = ""
        let deadline = Date().addingTimeInterval(30)
        while !banner.contains("\n"), Date() < deadline {
            let chunk = out.availableData
            if chunk.isEmpty { try await Task.sleep(for: .milliseconds(50)) } else { banner += String(decoding: chunk, as: UTF8.self) }
        }
        let port = try #require(banner.firstMatch(of: /127\.0\.0\.1:(\d+)\//).map { String($0.1) }, "banner: \(banner)")
        #expect(banner.contains("No users yet"))
        let (body, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/login")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains("Log in to Rosette"))
        server.terminate()   // SIGTERM
        let stop = Date()
        while server.isRunning, Date().timeIntervalSince(stop) < 15 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!server.isRunning)
        #expect(server.terminationReason == .exit && server.terminationStatus == 0)
    }
}
