import Core
import Foundation
import Mustache
import Store

/// Everything the routes share: the survey, the templates, the settings, the login limiter.
///
/// One value per server, made by `buildApplication`; route groups keep a copy.
public struct WebApp: Sendable {
    public let store: SurveyStore
    public let configuration: ServerConfiguration
    public let pages: Pages
    let limiter: LoginLimiter
    let aliasSecret: Data
    let statics: StaticFiles

    init(store: SurveyStore, configuration: ServerConfiguration) async throws {
        self.store = store
        self.configuration = configuration
        pages = try await Pages.load()
        limiter = LoginLimiter(attempts: configuration.loginAttempts, window: configuration.loginWindowSeconds)
        aliasSecret = try store.webSecret("station-alias")
        statics = try StaticFiles.load()
    }

    /// What the user may see of places.
    public func locations(for user: WebUser) -> LocationPolicy {
        LocationPolicy(role: user.role, gridMetres: configuration.gridMetres, aliasSecret: aliasSecret)
    }

    /// The CLI's viewer for the user's role (people-photos and unscreened photos withheld as in `--role`).
    public func viewer(for user: WebUser) -> Viewer {
        store.viewer(user.role.accessRole)
    }

    /// The guard for files served: the survey's media roots and its cache of video frames.
    func mediaGuard() throws -> MediaPathGuard {
        MediaPathGuard(roots: Array(try store.mediaRoots().values) + [store.directory.appendingPathComponent("cache").path])
    }
}
