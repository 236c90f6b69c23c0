import Core

extension PatternGallery {
    /// The gallery's individuals ranked for a query photo, best first (only individuals that got votes).
    ///
    /// Scoring: LNBNN votes (see `LNBNNVoter`), aggregated per individual so that each query descriptor
    /// counts at most once per individual, with its best vote among that individual's photos. Summing over
    /// all of an individual's photos instead would favour individuals with many photos. The `shortlist`
    /// best individuals are then spatially verified photo by photo and re-ranked by the same sum taken over
    /// verified correspondences only (again at most once per query descriptor, across the individual's photos).
    public func rank(_ query: FeatureSet, filter: QueryFilter = QueryFilter()) throws -> [Candidate] {
        guard query.count > 0 else { return [] }
        return try withStorage { storage in
            let allowed = storage.entries.map(filter.allows)
            guard allowed.contains(true) else { return [] }
            let votes = try LNBNNVoter(options: options).votes(for: query, allowed: allowed, storage: storage, index: index)
            return rankVotes(votes, query: query, storage: storage)
        }
    }

    private func rankVotes(_ votes: [Vote], query: FeatureSet, storage: Storage) -> [Candidate] {
        // Best vote per (individual, query descriptor); votes per entry for verification.
        var best: [Int32: [Int32: Float]] = [:]
        var byEntry: [Int32: [Vote]] = [:]
        for v in votes {
            let entry = storage.rowEntry[Int(v.row)]
            let individual = storage.entryIndividual[Int(entry)]
            best[individual, default: [:]][v.queryPoint] = max(best[individual]?[v.queryPoint] ?? 0, v.weight)
            byEntry[entry, default: []].append(v)
        }
        var candidates = best.map { individual, perPoint in
            (individual, orderedSum(perPoint))
        }
        candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : storage.individuals[Int($0.0)] < storage.individuals[Int($1.0)] }

        var entriesOf: [Int32: [Int32]] = [:]
        for entry in byEntry.keys { entriesOf[storage.entryIndividual[Int(entry)], default: []].append(entry) }

        var ranked: [Candidate] = []
        for (position, (individual, score)) in candidates.enumerated() {
            var candidate = Candidate(individualID: storage.individuals[Int(individual)], score: score, verifiedScore: 0,
                                      inliers: 0, bestEntryKey: nil)
            let entries = (entriesOf[individual] ?? []).sorted()
            if position < options.shortlist {
                verify(&candidate, entries: entries, byEntry: byEntry, query: query, storage: storage)
            }
            if candidate.bestEntryKey == nil, let most = entries.max(by: { (byEntry[$0]?.count ?? 0) < (byEntry[$1]?.count ?? 0) }) {
                candidate.bestEntryKey = storage.entries[Int(most)].key
            }
            ranked.append(candidate)
        }
        let verifiedCount = min(options.shortlist, ranked.count)
        var head = Array(ranked[0..<verifiedCount])
        head.sort {
            if $0.verifiedScore != $1.verifiedScore { return $0.verifiedScore > $1.verifiedScore }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.individualID < $1.individualID
        }
        return head + ranked[verifiedCount...]
    }

    private func verify(_ candidate: inout Candidate, entries: [Int32], byEntry: [Int32: [Vote]], query: FeatureSet,
                        storage: Storage) {
        var verified: [Int32: Float] = [:]
        for entry in entries {
            guard let votes = byEntry[entry] else { continue }
            let e = storage.entries[Int(entry)]
            let start = storage.rowStart[Int(entry)]
            let matches = votes.map { v -> SpatialVerifier.Correspondence in
                let q = query.keypoints[Int(v.queryPoint)], g = e.features.keypoints[Int(v.row) - start]
                return .init(qx: q.x, qy: q.y, qs: q.size, gx: g.x, gy: g.y, gs: g.size, weight: v.weight)
            }
            let inliers = SpatialVerifier(options: options, galleryDiagonal: e.features.diagonal).inliers(matches)
            guard !inliers.isEmpty else { continue }
            for i in inliers {
                let v = votes[i]
                verified[v.queryPoint] = max(verified[v.queryPoint] ?? 0, v.weight)
            }
            if inliers.count > candidate.inliers {
                candidate.inliers = inliers.count
                candidate.bestEntryKey = e.key
                candidate.matches = inliers.map { i in
                    let c = matches[i]
                    return KeypointPair(queryX: c.qx, queryY: c.qy, galleryX: c.gx, galleryY: c.gy, weight: c.weight)
                }.sorted { $0.weight > $1.weight }
            }
        }
        candidate.verifiedScore = orderedSum(verified)
    }
}

/// The sum of the values in key order, so that equal inputs give bit-identical scores.
private func orderedSum(_ values: [Int32: Float]) -> Double {
    values.keys.sorted().reduce(0.0) { $0 + Double(values[$1]!) }
}
