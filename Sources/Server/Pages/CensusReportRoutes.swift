import Census
import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import Store

/// `/census/{year}/report`: the full yearly census report of `rosette census report` (SECR density and abundance
/// with CIs, the trend, effort, activity, territories), built in the background on the first request and kept until
/// the survey's data changes; the page reloads itself until it is ready.
///
/// Only roles with exact locations get it: the report names stations and maps them. Viewers and partners have the
/// census page (`/census/{year}`), whose places are generalised.
struct CensusReportRoutes {
    let app: WebApp

    enum State: Sendable { case running(since: Date), done(String), failed(String) }

    /// Reports by survey, year and data stamp.
    static let jobs = NIOLockedValueBox<[String: State]>([:])

    func register(on router: Router<WebContext>) {
        router.get("/census/:year/report") { _, context in
            let user = try context.user()
            guard user.role.seesExactLocations else {
                throw WebError.forbidden(role: user.role, action: "open the full report (it names and maps stations); the census page shows the figures")
            }
            guard let year = context.parameters.get("year", as: Int.self), (1900...2200).contains(year) else {
                throw WebError.badInput(field: "year", value: context.parameters.get("year") ?? "", expected: "a year")
            }
            let key = "\(app.store.directory.path)|\(year)|\(try app.store.dataStamp())"
            let store = app.store
            let state: State = Self.jobs.withLockedValue { jobs in
                if let s = jobs[key] { return s }
                jobs[key] = .running(since: Date())
                Task.detached(priority: .utility) {
                    let result: State
                    do {
                        result = .done(try CensusReport.build(store: store, species: CensusCache.species, year: year).htmlDocument)
                    } catch {
                        result = .failed(String(describing: error))
                    }
                    Self.jobs.withLockedValue { $0[key] = result }
                }
                return .running(since: Date())
            }
            switch state {
            case .done(let html):
                return Pages.html(html)
            case .failed(let message):
                throw WebError.badInput(field: "year", value: String(year), expected: "a year the census report can be built for (\(message))")
            case .running(let since):
                var r = try app.pages.page("census-report-wait", title: "Census report \(year) — Rosette", context: context, data: [
                    "year": year, "seconds": Int(Date().timeIntervalSince(since)),
                ], section: "/census", status: .accepted)
                r.headers[.init("Refresh")!] = "3"
                return r
            }
        }
    }
}
