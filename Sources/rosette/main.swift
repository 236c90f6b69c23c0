import ArgumentParser
import CLI
import Store

/// Parses and runs the command. Called by hand: in top-level code `RosetteCommand.main()` resolves to the
/// synchronous entry point, which refuses the asynchronous `serve` subcommand.
func runRosette() async {
    do {
        var command = try await RosetteCommand.asyncParseAsRoot(nil)
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch {
        RosetteCommand.exit(withError: SurveyDatabaseError(error) ?? error)
    }
}

await runRosette()
