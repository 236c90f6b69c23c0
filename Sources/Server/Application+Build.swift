import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Store

/// Builds the web app for a survey: the router with every route, the session store, and the HTTP server.
///
/// Tests call this (or `buildRouter`) and drive it with HummingbirdTesting; `rosette serve` runs it until
/// SIGINT/SIGTERM, when requests in progress finish first (graceful shutdown).
public func buildApplication(_ configuration: ServerConfiguration, logger: Logger? = nil,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
    async throws -> some ApplicationProtocol {
    let store = try SurveyStore(directory: configuration.survey)
    let app = try await WebApp(store: store, configuration: configuration)
    let router = buildRouter(app)
    var log = logger ?? Logger(label: "rosette.serve")
    if logger == nil { log.logLevel = .info }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rosette"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: log)
}

/// The router of the web app (middleware and every route group), for a prepared `WebApp`.
public func buildRouter(_ app: WebApp) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.add(middleware: ErrorMiddleware(pages: app.pages))
    router.add(middleware: SessionMiddleware(
        storage: StorePersistDriver(store: app.store),
        configuration: .init(
            sessionCookieParameters: .init(name: "rosette_session", path: "/", secure: app.configuration.secureCookies, sameSite: .strict),
            keyPrefix: "session.", defaultSessionExpiration: .seconds(app.configuration.sessionSeconds))))
    router.add(middleware: SessionGate(store: app.store))
    LoginRoutes(app: app).register(on: router)
    StaticRoutes(app: app).register(on: router)
    HomeRoutes(app: app).register(on: router)
    MediaRoutes(app: app).register(on: router)
    DashboardRoutes(app: app).register(on: router)
    CatalogRoutes(app: app).register(on: router)
    IndividualRoutes(app: app).register(on: router)
    StationRoutes(app: app).register(on: router)
    CensusRoutes(app: app).register(on: router)
    CensusReportRoutes(app: app).register(on: router)
    PhotoRoutes(app: app).register(on: router)
    AuditRoutes(app: app).register(on: router)
    ReviewRoutes(app: app).register(on: router)
    PartnerReviewRoutes(app: app).register(on: router)
    OpenAPIDocument.register(on: router)
    return router
}

extension WebApp {
    /// A web app over an open survey (for tests and tools that already hold the store).
    public static func make(store: SurveyStore, configuration: ServerConfiguration) async throws -> WebApp {
        try await WebApp(store: store, configuration: configuration)
    }
}
