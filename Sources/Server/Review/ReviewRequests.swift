import Foundation
import Hummingbird
import NIOCore
import Store

/// The JSON bodies the review API accepts (see `ReviewRoutes.openAPI`).
enum ReviewRequest {
    /// `POST /api/review/next`: lease the next encounter, leaving out those the page already holds.
    struct Next: Decodable { var exclude: [Int64]? }

    /// A lease the page holds (heartbeat, release).
    struct LeaseRef: Decodable {
        var encounterID: Int64
        var token: String
    }

    /// `POST /api/review/decide`.
    struct Decide: Decodable {
        var encounterID: Int64
        var token: String
        var verdict: String
        var individualID: String?
        var candidateID: Int64?
        var rankShown: Int?
        var side: String?
        var scientificName: String?
        var sex: String?
        var lifeStage: String?
        var motherID: String?
        var note: String?
        var addReference: Bool?
        /// `versions` of the item shown.
        var versions: [String: Int64]?
        var catalogVersion: Int64?
    }

    /// `POST /api/review/undo` and `/redo`: a log entry, or the user's last one.
    struct Entry: Decodable { var entryID: Int64? }

    /// `POST /api/review/pending/{id}`: a second reviewer accepts or rejects a proposed new individual.
    struct Pending: Decodable {
        var token: String
        var accept: Bool
    }

    /// Reads a JSON body (at most 1 MiB); malformed JSON or a wrong field is a 400 naming the field.
    static func read<T: Decodable>(_ type: T.Type, from request: Request, context: WebContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        guard !data.isEmpty else { throw WebError.badReviewBody("the body is empty") }
        return try JSONDecoder().decode(T.self, from: data)
    }
}

/// What the review API answers besides `ReviewItem`.
enum ReviewResponse {
    struct Leased: Encodable {
        var lease: ReviewItem.Lease
        var item: ReviewItem
    }

    struct Done: Encodable { var done = true }

    struct Decided: Encodable {
        var entryID: Int64
        var encounterID: Int64
        var verdict: String
        var pending: Bool
        var summary: String
        /// Still held (after "not this one"), else nil.
        var lease: ReviewItem.Lease?
        var catalogVersion: Int64
    }

    struct Reverted: Encodable {
        var entryID: Int64
        var kind: String
        var reverts: Int64?
        var encounterID: Int64?
        var individualID: String?
        var summary: String
        var catalogVersion: Int64
    }

    struct HistoryEntry: Encodable {
        var entryID: Int64
        var at: String
        var actor: String
        var kind: String
        var verdict: String?
        var encounterID: Int64?
        var summary: String
        var reverts: Int64?
    }

    struct Individual: Encodable {
        var individualID: String
        var name: String?
        var sex: String?
        var status: String
        var mergedInto: String?
        var referencePhotos: Int
        var sightings: Int
        var version: Int64
        var history: [HistoryEntry]
    }
}
