import Foundation

/// Identification accuracy over a dataset: overall, per identity, and timing.
///
/// mAP is taken over the ranking of individuals, where each query has exactly one relevant individual, so
/// a query's average precision is 1 / rank (0 when its individual got no votes): the mean reciprocal rank.
public struct ReidReport: Sendable {
    public struct IdentityResult: Sendable, Equatable {
        public var identity: String
        public var queries: Int
        public var top1: Double
        public var top5: Double
        public var mAP: Double
    }

    public let results: [ReidEvaluation.QueryResult]
    /// Images that could not be used, with the reason.
    public let problems: [String]
    public let images: Int
    public let extractionSeconds: Double

    public init(results: [ReidEvaluation.QueryResult], problems: [String], images: Int, extractionSeconds: Double) {
        self.results = results
        self.problems = problems
        self.images = images
        self.extractionSeconds = extractionSeconds
    }

    public var queries: Int { results.count }
    public var top1: Double { fraction { ($0.rank ?? .max) <= 1 } }
    public var top5: Double { fraction { ($0.rank ?? .max) <= 5 } }
    public var mAP: Double { mean(results.map(Self.averagePrecision)) }
    /// Mean per-query matching time (one thread; index built once, features excluded).
    public var secondsPerQuery: Double { mean(results.map(\.seconds)) }
    /// Top-1 averaged over identities, so that identities with many photos do not dominate.
    public var macroTop1: Double { mean(perIdentity.map(\.top1)) }

    public var perIdentity: [IdentityResult] {
        Dictionary(grouping: results, by: \.identity).map { identity, rs in
            let n = Double(rs.count)
            return IdentityResult(identity: identity, queries: rs.count,
                                  top1: Double(rs.filter { ($0.rank ?? .max) <= 1 }.count) / n,
                                  top5: Double(rs.filter { ($0.rank ?? .max) <= 5 }.count) / n,
                                  mAP: rs.map(Self.averagePrecision).reduce(0, +) / n)
        }.sorted { $0.identity < $1.identity }
    }

    /// The closing summary line, e.g. `top1=0.950 top5=1.000 mAP=0.970 macro_top1=0.948 queries=120 s_per_query=0.040`.
    public var summaryLine: String {
        String(format: "top1=%.3f top5=%.3f mAP=%.3f macro_top1=%.3f queries=%d s_per_query=%.3f",
               top1, top5, mAP, macroTop1, queries, secondsPerQuery)
    }

    /// Queries whose first answer was wrong.
    public var wrongFirst: [ReidEvaluation.QueryResult] { results.filter { $0.rank != 1 && $0.predicted != nil } }

    /// Whether the dataset named cameras (so the same-camera counts mean something).
    public var hasCameras: Bool { results.contains { $0.camera != nil } }

    /// For wrong and right first answers: how many had their best gallery photo from the query's own camera.
    public var sameCameraLine: String {
        let wrong = wrongFirst, right = results.filter { $0.rank == 1 }
        return "wrong_first=\(wrong.count) from_same_camera=\(wrong.filter(\.predictedFromSameCamera).count)"
            + " right_first=\(right.count) from_same_camera=\(right.filter(\.predictedFromSameCamera).count)"
    }

    static func averagePrecision(_ r: ReidEvaluation.QueryResult) -> Double { r.rank.map { 1 / Double($0) } ?? 0 }

    private func fraction(_ hit: (ReidEvaluation.QueryResult) -> Bool) -> Double {
        results.isEmpty ? 0 : Double(results.filter(hit).count) / Double(results.count)
    }

    private func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
}
