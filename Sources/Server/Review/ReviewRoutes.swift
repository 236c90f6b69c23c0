import Foundation
import Hummingbird
import Identify
import Store

/// The review screen (`/review`, `/review/{encounterID}`) and the JSON API behind it (`/api/review/...`).
///
/// Only reviewers and administrators may open it (a viewer or partner gets 403: reviewing shows every photo of an
/// encounter and the catalog's reference photos, which are staff material). Decisions go through the review log
/// (`SurveyStore.submit`), leased encounter by encounter; stations through the user's `LocationPolicy`.
struct ReviewRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/review") { _, context in try page(nil, context: context) }
        router.get("/review/:id") { _, context in
            let id = try Self.encounterID(context)
            _ = try app.store.encounter(id)
            return try page(id, context: context)
        }
        router.get("/api/review/encounters/:id") { request, context in
            let user = try context.reviewer()
            let side = request.uri.queryParameters.get("side")
            if let side, !["left", "right", "unknown"].contains(side) {
                throw WebError.badInput(field: "side", value: side, expected: "one of left, right, unknown")
            }
            return try JSONResponse.encode(try builder(user).build(try Self.encounterID(context), side: side))
        }
        router.post("/api/review/encounters/:id/lease") { _, context in
            let user = try context.reviewer()
            let lease = try app.store.lease(encounterID: try Self.encounterID(context), actor: user.name)
            return try JSONResponse.encode(ReviewResponse.Leased(lease: .init(lease), item: try builder(user).build(lease.encounterID)))
        }
        router.post("/api/review/next") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.Next.self, from: request, context: context)
            guard let lease = try leaseNext(user, excluding: Set(body.exclude ?? [])) else { return try JSONResponse.encode(ReviewResponse.Done()) }
            return try JSONResponse.encode(ReviewResponse.Leased(lease: .init(lease), item: try builder(user).build(lease.encounterID)))
        }
        router.post("/api/review/heartbeat") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.LeaseRef.self, from: request, context: context)
            let lease = try app.store.renew(ReviewLease(encounterID: body.encounterID, holder: user.name, token: body.token, expires: Date()))
            return try JSONResponse.encode(["lease": ReviewItem.Lease(lease)])
        }
        router.post("/api/review/release") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.LeaseRef.self, from: request, context: context)
            let released = try app.store.release(ReviewLease(encounterID: body.encounterID, holder: user.name, token: body.token, expires: Date()))
            return JSONResponse.make(["released": released])
        }
        registerDecisions(on: router)
    }

    func builder(_ user: WebUser) -> ReviewItemBuilder {
        ReviewItemBuilder(store: app.store, policy: app.locations(for: user), user: user)
    }

    /// The next encounter for the user: its live lease or the queue's next (`leaseNext`); with `excluding` (the page
    /// prefetches while it holds the current one), the first open encounter in queue order not among them.
    func leaseNext(_ user: WebUser, excluding: Set<Int64>) throws -> ReviewLease? {
        if excluding.isEmpty { return try app.store.leaseNext(actor: user.name) }
        for id in try app.store.undecidedEncounterIDs() where !excluding.contains(id) {
            if let held = try app.store.currentLease(encounterID: id), held.holder != user.name { continue }
            do { return try app.store.lease(encounterID: id, actor: user.name) } catch let e as ReviewError where e.category == .conflict {
                continue
            }
        }
        return nil
    }

    func page(_ encounterID: Int64?, context: WebContext) throws -> Response {
        let user = try context.reviewer()
        return try app.pages.page("review", title: "Review — \(app.store.settings.name)", context: context, data: [
            "encounterID": encounterID.map(String.init) ?? "", "reviewer": user.name, "keys": Self.keys,
        ], section: "/review", scripts: ["/static/review-view.js", "/static/review.js", "/static/review-keys.js"])
    }

    static func encounterID(_ context: WebContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw WebError.badInput(field: "encounter", value: context.parameters.get("id") ?? "", expected: "an encounter number")
        }
        return id
    }

    /// The keyboard map, as the help overlay lists it.
    static let keys: [[String: String]] = [
        ("Space / Y", "same animal as the selected candidate, next"), ("N", "not this candidate"),
        ("Shift+N", "new individual (asks to confirm)"), ("C", "can't tell"), ("Q", "unidentifiable"), ("S", "skip for now"),
        ("J / K, 1–9", "select a candidate"), ("A / D", "previous / next frame of the encounter"), ("← / →", "previous / next photo of the candidate"),
        ("M", "keypoints on / off"), ("hold H", "hide every overlay"), ("hold X", "lines between matched keypoints"),
        ("L", "lock zoom on / off"), ("+ − 0", "zoom in, out, reset"), ("[ ]", "brightness"), ("; '", "contrast"),
        ("F", "correct the flank side"), ("E", "the candidate's catalog record"), ("Z / Shift+Z", "undo / redo"),
        ("?", "this help"),
    ].map { ["key": $0.0, "action": $0.1] }
}
