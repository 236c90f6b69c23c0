/// The gallery photos' global embeddings, and per individual the similarity of a query to its best photo.
///
/// Photos are filtered with the same `QueryFilter` as the local matcher (other encounters, comparable side).
/// An individual's similarity is that of its best allowed photo (cosine of the L2-normalised embeddings);
/// the fusion's calibration is fitted on this same aggregate, so its scale is the same for every individual.
public struct GlobalGallery: Sendable {
    /// The best photo of one individual for a query.
    public struct Match: Sendable, Equatable {
        public var similarity: Double
        public var entryKey: String

        public init(similarity: Double, entryKey: String) {
            self.similarity = similarity
            self.entryKey = entryKey
        }
    }

    public private(set) var entries: [GalleryEntry] = []
    public private(set) var embeddings: [[Float]] = []

    public init() {}

    /// Adds a photo (its entry as in the pattern gallery) with its embedding.
    public mutating func add(_ entry: GalleryEntry, embedding: [Float]) {
        entries.append(entry)
        embeddings.append(embedding)
    }

    /// Per individual, the best allowed photo's cosine similarity to `query` (an L2-normalised embedding).
    public func matches(_ query: [Float], filter: QueryFilter) -> [String: Match] {
        var best: [String: Match] = [:]
        for (entry, embedding) in zip(entries, embeddings) where filter.allows(entry) {
            var dot = 0.0
            for (a, b) in zip(query, embedding) { dot += Double(a) * Double(b) }
            if let held = best[entry.individualID], held.similarity > dot || (held.similarity == dot && held.entryKey < entry.key) {
                continue
            }
            best[entry.individualID] = Match(similarity: dot, entryKey: entry.key)
        }
        return best
    }
}
