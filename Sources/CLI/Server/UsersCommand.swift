import ArgumentParser
import Foundation
import Server
import Store

/// `rosette users`: who may log in to the web app, and with which role.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage web app users and roles (admin, reviewer, viewer, partner).",
        subcommands: [Add.self, Passwd.self, Role.self, List.self, Disable.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument(help: "User name (letters, digits, . - _).") var name: String
        @Option(help: "admin, reviewer, viewer or partner.") var role: String
        @Flag(help: "Read the password from the first line of standard input instead of asking.") var passwordStdin = false

        func run() throws {
            let store = try survey.open()
            let role = try UsersCommand.role(self.role)
            let hash = try UsersCommand.hash(UsersCommand.password(stdin: passwordStdin))
            try store.addWebUser(name: name, role: role.rawValue, passwordHash: hash, actor: actor.actor ?? store.settings.defaultActor)
            print("added \(name) (\(role.rawValue))")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (ends the user's sessions).")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var name: String
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let store = try survey.open()
            let hash = try UsersCommand.hash(UsersCommand.password(stdin: passwordStdin))
            try store.setWebUserPassword(name: name, passwordHash: hash, actor: actor.actor ?? store.settings.defaultActor)
            print("password of \(name) changed")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's role.")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var name: String
        @Argument(help: "admin, reviewer, viewer or partner.") var role: String

        func run() throws {
            let store = try survey.open()
            let role = try UsersCommand.role(self.role)
            try store.setWebUserRole(name: name, role: role.rawValue, actor: actor.actor ?? store.settings.defaultActor)
            print("\(name) is now \(role.rawValue)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user (or enable again with --enable).")
        @OptionGroup var survey: SurveyOption
        @OptionGroup var actor: ActorOption
        @Argument var name: String
        @Flag var enable = false

        func run() throws {
            let store = try survey.open()
            try store.setWebUserDisabled(name: name, !enable, actor: actor.actor ?? store.settings.defaultActor)
            print("\(name) \(enable ? "enabled" : "disabled")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var survey: SurveyOption

        func run() throws {
            let store = try survey.open()
            let f = ISO8601DateFormatter()
            for u in try store.webUsers() {
                print([u.name, u.role, "added \(f.string(from: u.createdAt)) by \(u.createdBy)",
                       u.disabledAt.map { "disabled \(f.string(from: $0))" } ?? ""].filter { !$0.isEmpty }.joined(separator: "\t"))
            }
        }
    }

    static func role(_ text: String) throws -> WebRole {
        guard let r = WebRole(rawValue: text.lowercased()) else {
            throw ValidationError("--role \(text) is not a role: use admin, reviewer, viewer or partner")
        }
        return r
    }

    static func password(stdin: Bool) throws -> String {
        if stdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin: standard input held no password line")
            }
            return line
        }
        guard let first = getpass("Password: ").map({ String(cString: $0) }),
              let second = getpass("Again: ").map({ String(cString: $0) }) else { throw ValidationError("no password given") }
        guard first == second else { throw ValidationError("the two passwords differ") }
        return first
    }

    static func hash(_ password: String) throws -> String {
        do { return try Passwords.hash(password) } catch let e as WebError { throw ValidationError(e.message) }
    }
}
