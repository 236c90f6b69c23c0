import Foundation
import Hummingbird
import Identify
import Store

extension ReviewRoutes {
    /// Decide, undo / redo, the second reviewer's confirmation, and an individual's record with its history.
    func registerDecisions(on router: Router<WebContext>) {
        router.post("/api/review/decide") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.Decide.self, from: request, context: context)
            let submission = try submission(body, user: user)
            let outcome = try app.store.submit(submission)
            let entry = try app.store.logEntry(outcome.entryID)
            return try JSONResponse.encode(ReviewResponse.Decided(
                entryID: outcome.entryID, encounterID: body.encounterID, verdict: submission.verdict.rawValue, pending: outcome.pending,
                summary: entry.summary, lease: outcome.lease.map(ReviewItem.Lease.init), catalogVersion: try app.store.catalogVersion()))
        }
        router.post("/api/review/undo") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.Entry.self, from: request, context: context)
            guard let id = try body.entryID ?? app.store.lastUndoable(actor: user.name)?.id else { throw WebError.nothingToRevert(redo: false) }
            return try JSONResponse.encode(try reverted(app.store.undo(entryID: id, actor: user.name)))
        }
        router.post("/api/review/redo") { request, context in
            let user = try context.reviewer()
            let body = try await ReviewRequest.read(ReviewRequest.Entry.self, from: request, context: context)
            guard let id = try body.entryID ?? app.store.lastRedoable(actor: user.name)?.id else { throw WebError.nothingToRevert(redo: true) }
            return try JSONResponse.encode(try reverted(app.store.redo(entryID: id, actor: user.name)))
        }
        router.post("/api/review/pending/:id") { request, context in
            let user = try context.reviewer()
            let id = try Self.encounterID(context)
            let body = try await ReviewRequest.read(ReviewRequest.Pending.self, from: request, context: context)
            let outcome = try app.store.confirmPending(encounterID: id, leaseToken: body.token, actor: user.name, accept: body.accept)
            let entry = try app.store.logEntry(outcome.entryID)
            return try JSONResponse.encode(ReviewResponse.Decided(
                entryID: outcome.entryID, encounterID: id, verdict: body.accept ? "confirm" : "refuse", pending: outcome.pending,
                summary: entry.summary, lease: outcome.lease.map(ReviewItem.Lease.init), catalogVersion: try app.store.catalogVersion()))
        }
        router.get("/api/review/individuals/:individual") { _, context in
            _ = try context.reviewer()
            let id = context.parameters.get("individual") ?? ""
            let individual = try app.store.individual(id)
            let history = try app.store.history(individualID: id).map { e in
                ReviewResponse.HistoryEntry(entryID: e.id, at: ReviewItemBuilder.iso(e.at), actor: e.actor, kind: e.kind.rawValue,
                                            verdict: e.verdict?.rawValue, encounterID: e.encounterID, summary: e.summary, reverts: e.reverts)
            }
            return try JSONResponse.encode(ReviewResponse.Individual(
                individualID: id, name: individual.name, sex: individual.sex, status: individual.status, mergedInto: individual.mergedInto,
                referencePhotos: individual.referencePhotos.count, sightings: try app.store.sightingPlaces(individualID: id).count,
                version: try app.store.individualVersions([id])[id] ?? 0, history: history))
        }
    }

    /// The review log's submission for a decision body; the candidate must be one of the encounter's proposals and
    /// the fields well formed, or nothing is submitted.
    func submission(_ body: ReviewRequest.Decide, user: WebUser) throws -> ReviewSubmission {
        guard let verdict = ReviewVerdict(rawValue: body.verdict) else {
            throw WebError.badInput(field: "verdict", value: body.verdict, expected: "one of " + ReviewVerdict.allCases.map(\.rawValue).joined(separator: ", "))
        }
        _ = try app.store.encounter(body.encounterID)
        var individualID = body.individualID?.trimmingCharacters(in: .whitespaces)
        if let candidateID = body.candidateID {
            guard let proposal = try app.store.proposals(encounterID: body.encounterID).first(where: { $0.id == candidateID }) else {
                throw WebError.notFound(what: "Candidate \(candidateID) of encounter \(body.encounterID)")
            }
            if let given = individualID, given != proposal.individualID {
                throw WebError.badInput(field: "individualID", value: given, expected: "candidate \(candidateID)'s individual \(proposal.individualID)")
            }
            individualID = proposal.individualID
        }
        if verdict == .same || verdict == .notThisOne, let id = individualID { _ = try app.store.individual(id) }
        if verdict == .newIndividual, individualID?.isEmpty ?? true {
            throw WebError.badInput(field: "individualID", value: "", expected: "the new individual's ID")
        }
        var stage: LifeStage?
        if let text = body.lifeStage {
            guard let s = LifeStage(label: text) else { throw WebError.badInput(field: "lifeStage", value: text, expected: "one of cub, subadult, adult") }
            stage = s
        }
        return ReviewSubmission(
            encounterID: body.encounterID, leaseToken: body.token, actor: user.name, verdict: verdict, individualID: individualID,
            candidateID: body.candidateID, rankShown: body.rankShown, side: body.side, scientificName: body.scientificName,
            sex: body.sex?.lowercased(), lifeStage: stage, motherID: body.motherID, note: body.note,
            addReference: body.addReference ?? true, seenVersions: body.versions ?? [:],
            ranking: RankingShown(catalogVersion: body.catalogVersion, method: EncounterMatcher.method, top: 10))
    }

    func reverted(_ entry: LogEntry) throws -> ReviewResponse.Reverted {
        let original = try entry.reverts.map { try app.store.logEntry($0) }
        return ReviewResponse.Reverted(entryID: entry.id, kind: entry.kind.rawValue, reverts: entry.reverts,
                                       encounterID: entry.encounterID ?? original?.encounterID,
                                       individualID: entry.individualID ?? original?.individualID, summary: entry.summary,
                                       catalogVersion: try app.store.catalogVersion())
    }
}
