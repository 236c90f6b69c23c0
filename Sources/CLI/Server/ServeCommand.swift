import ArgumentParser
import Foundation
import Hummingbird
import Server

/// `rosette serve`: the web app (review screen, catalog, maps, census) for a survey.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the survey's web app (review, catalog, stations, census).",
        discussion: """
            Log in with a user made by `rosette users add`. Stop with Ctrl-C: requests in progress finish first.
            Listens on 127.0.0.1 unless --host says otherwise; put it behind HTTPS (a reverse proxy) before opening it to a network.
            A second reviewer must confirm new individuals when rosette.toml says `[review] confirm_new = true`.
            """)

    @OptionGroup var survey: SurveyOption
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .customLong("grid-km"), help: "Grid cell (km) that roles without exact locations see places on.") var gridKm = 10.0
    @Flag(help: "Session cookies without the Secure attribute (plain HTTP on a host other than localhost).")
    var insecureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port number (0–65535)") }
        guard gridKm > 0 else { throw ValidationError("--grid-km \(gridKm) must be positive") }
    }

    func run() async throws {
        let store = try survey.open()
        var config = ServerConfiguration(survey: store.directory)
        config.port = port
        config.host = host
        config.gridMetres = gridKm * 1000
        config.secureCookies = !insecureCookies
        let users = try store.webUsers().count
        let name = store.settings.name, dir = store.directory.path
        let app = try await buildApplication(config) { port in
            var text = "Rosette: survey '\(name)' (\(dir)) at http://\(host):\(port)/ — \(users) users; Ctrl-C stops.\n"
            if users == 0 { text += "No users yet: add one with `rosette users add NAME --role admin --survey \(dir)`.\n" }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
        try await app.runService()
    }
}
