import Foundation

/// How `rosette serve` runs: which survey, where it listens, and its security settings.
public struct ServerConfiguration: Sendable {
    /// The survey directory (holds `survey.sqlite` and `rosette.toml`).
    public var survey: URL
    public var host = "127.0.0.1"
    public var port = 8080
    /// Side of the grid cell (metres) that roles without exact locations see coordinates on.
    public var gridMetres = 10_000.0
    /// Session cookies carry `Secure` (browsers treat http://127.0.0.1 and localhost as secure origins).
    public var secureCookies = true
    /// How long a session lasts without use.
    public var sessionSeconds = 12 * 3600
    /// Failed logins allowed per user name and per client address within `loginWindowSeconds`.
    public var loginAttempts = 5
    public var loginWindowSeconds = 15 * 60.0

    public init(survey: URL) {
        self.survey = survey
    }
}
