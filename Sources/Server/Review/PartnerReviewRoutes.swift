import Foundation
import Hummingbird
import Store

/// The review of cross-catalog pairs (`/review/partners`, `/api/review/partners…`): each partner individual that
/// `rosette exchange match` ranked against our catalog, its chips beside our candidates' reference photos.
///
/// Reviewers and administrators only, as for encounters. A verdict ("same animal" or "not this one") goes through
/// the review log (`SurveyStore.decideCrossPair`), so it is undone like any other decision; neither catalog
/// changes. Nothing here names a station or a coordinate: a partner's package carries grid cells and years only.
struct PartnerReviewRoutes {
    let app: WebApp

    func register(on router: Router<WebContext>) {
        router.get("/review/partners") { request, context in
            let user = try context.reviewer()
            let queue = try PageSupport.mapped { try PartnerReviewQueue.load(app.store, partner: PageSupport.query(request, "partner")) }
            var data = PageSupport.templateData(queue.json) as? [String: Any] ?? [:]
            data["csrf"] = context.csrf ?? ""
            data["reviewer"] = user.name
            if let raw = PageSupport.query(request, "decided"), let id = Int64(raw), let entry = try? app.store.logEntry(id) {
                data["decided"] = ["entryID": id, "summary": entry.summary]
            }
            if let raw = PageSupport.query(request, "undone"), let id = Int64(raw), let entry = try? app.store.logEntry(id) {
                data["undone"] = ["entryID": id, "summary": entry.summary]
            }
            data["empty"] = queue.pairs == 0
            return try app.pages.page("partner-review", title: "Partner catalogs — \(app.store.settings.name)", context: context,
                                      data: data, section: "/review")
        }
        router.post("/review/partners/decide") { request, context in
            let user = try context.reviewer()
            let form = try await FormFields.read(request, context: context)
            let decision = try PartnerDecision(form: form)
            let entry = try PageSupport.mapped { try decision.apply(app.store, actor: user.name) }
            return Self.redirect("/review/partners?partner=\(PageSupport.segment(decision.partner))&decided=\(entry.id)")
        }
        router.post("/review/partners/undo") { request, context in
            let user = try context.reviewer()
            let form = try await FormFields.read(request, context: context)
            guard let raw = form["entry"], let id = Int64(raw) else {
                throw WebError.badInput(field: "entry", value: form["entry"] ?? "", expected: "a review log entry number")
            }
            let entry = try PageSupport.mapped { try app.store.logEntry(id) }
            guard entry.kind == .link else { throw WebError.notFound(what: "Partner decision \(id)") }
            let undo = try PageSupport.mapped { try app.store.undo(entryID: id, actor: user.name) }
            return Self.redirect("/review/partners?undone=\(undo.id)")
        }
        router.get("/api/review/partners") { request, context in
            _ = try context.reviewer()
            let queue = try PageSupport.mapped { try PartnerReviewQueue.load(app.store, partner: PageSupport.query(request, "partner")) }
            return JSONResponse.make(queue.json)
        }
        router.post("/api/review/partners/decide") { request, context in
            let user = try context.reviewer()
            let decision = try await ReviewRequest.read(PartnerDecision.self, from: request, context: context)
            try decision.check()
            let entry = try PageSupport.mapped { try decision.apply(app.store, actor: user.name) }
            return JSONResponse.make(["entryID": entry.id, "summary": entry.summary, "partner": decision.partner,
                                      "partnerID": decision.partnerID, "individualID": decision.individualID, "same": decision.same])
        }
        router.get("/review/partners/:partner/chips/:chip") { _, context in
            _ = try context.reviewer()
            let partner = context.parameters.get("partner") ?? "", chip = context.parameters.get("chip") ?? ""
            let chips = try PageSupport.mapped { try app.store.partnerChips(partner) }
            guard let found = chips.first(where: { $0.chipID == chip }), found.jpeg.starts(with: [0xFF, 0xD8]) else {
                throw WebError.notFound(what: "Chip \(chip) of partner \(partner)")
            }
            var headers = HTTPFields()
            headers[.contentType] = "image/jpeg"
            headers[.cacheControl] = "private, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: found.jpeg)))
        }
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}

/// A reviewer's verdict on one pair: partner individual `partner:partnerID` is (`same`) or is not our `individualID`.
struct PartnerDecision: Decodable, Sendable {
    var partner: String
    var partnerID: String
    var individualID: String
    var same: Bool

    init(form: FormFields) throws {
        partner = form["partner"] ?? ""
        partnerID = form["partnerID"] ?? ""
        individualID = form["individualID"] ?? ""
        switch form["verdict"] {
        case "same": same = true
        case "not": same = false
        case let other: throw WebError.badInput(field: "verdict", value: other ?? "", expected: "same or not")
        }
        try check()
    }

    func check() throws {
        for (field, value) in [("partner", partner), ("partnerID", partnerID), ("individualID", individualID)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw WebError.badInput(field: field, value: value, expected: "a non-empty ID")
        }
    }

    func apply(_ store: SurveyStore, actor: String) throws -> LogEntry {
        let pid = partnerID.hasPrefix(partner + ":") ? String(partnerID.dropFirst(partner.count + 1)) : partnerID
        return try store.decideCrossPair(partner: partner, partnerID: pid, individualID: individualID, same: same, actor: actor)
    }
}
