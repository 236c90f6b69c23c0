import Core

extension PatternGallery {
    /// The gallery's individuals ranked for a query photo, best first (only individuals that got votes).
    ///
    /// Scoring: LNBNN votes (see `LNBNNVoter`), with the photos of `camera` checked for scene matches when the
    /// query's frame placement is known. With `.bestPhotos` (the default) votes are summed per gallery photo (each
    /// query descriptor at most once per photo, with its best vote) and an individual scores with its best
    /// `photosCounted` photos: an animal with three photos competes on equal terms with one that has three hundred.
    /// The `shortlist` best individuals are then spatially verified, their `photosVerified` best photos one by
    /// one, and re-ranked by the same scores taken over verified correspondences only. With `.union` an individual
    /// sums, per query descriptor, its best vote over all its photos (HotSpotter's name scoring).
    public func rank(_ query: FeatureSet, filter: QueryFilter = QueryFilter(), camera: String? = nil) throws -> [Candidate] {
        guard query.count > 0 else { return [] }
        return try withStorage { storage in
            let allowed = storage.entries.map(filter.allows)
            guard allowed.contains(true) else { return [] }
            let outcome = try LNBNNVoter(options: options).votes(for: query, camera: camera, allowed: allowed, storage: storage,
                                                                 index: index)
            var byEntry: [Int32: [Vote]] = [:]
            for v in outcome.votes { byEntry[storage.rowEntry[Int(v.row)], default: []].append(v) }
            var sceneByEntry: [Int32: [Vote]] = [:]
            for v in outcome.scene { sceneByEntry[storage.rowEntry[Int(v.row)], default: []].append(v) }
            var ranked: [Candidate]
            switch options.aggregation {
            case .union: ranked = rankUnion(outcome.votes, byEntry: byEntry, query: query, storage: storage)
            case .bestPhotos: ranked = rankBestPhotos(byEntry: byEntry, query: query, storage: storage)
            }
            for i in ranked.indices { attachScene(&ranked[i], sceneByEntry: sceneByEntry, query: query, storage: storage) }
            return ranked
        }
    }

    private func rankUnion(_ votes: [Vote], byEntry: [Int32: [Vote]], query: FeatureSet, storage: Storage) -> [Candidate] {
        // Best vote per (individual, query descriptor).
        var best: [Int32: [Int32: Float]] = [:]
        for v in votes {
            let individual = storage.entryIndividual[Int(storage.rowEntry[Int(v.row)])]
            best[individual, default: [:]][v.queryPoint] = max(best[individual]?[v.queryPoint] ?? 0, v.weight)
        }
        var candidates = best.map { individual, perPoint in (individual, orderedSum(perPoint)) }
        candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : storage.individuals[Int($0.0)] < storage.individuals[Int($1.0)] }
        var entriesOf: [Int32: [Int32]] = [:]
        for entry in byEntry.keys { entriesOf[storage.entryIndividual[Int(entry)], default: []].append(entry) }

        var ranked: [Candidate] = []
        for (position, (individual, score)) in candidates.enumerated() {
            var candidate = Candidate(individualID: storage.individuals[Int(individual)], score: score, verifiedScore: 0,
                                      inliers: 0, bestEntryKey: nil)
            let entries = (entriesOf[individual] ?? []).sorted()
            if position < options.shortlist {
                var verified: [Int32: Float] = [:]
                for entry in entries {
                    guard let result = verify(entry: entry, votes: byEntry[entry] ?? [], query: query, storage: storage) else { continue }
                    for (point, weight) in result.perPoint { verified[point] = max(verified[point] ?? 0, weight) }
                    if result.pairs.count > candidate.inliers {
                        candidate.inliers = result.pairs.count
                        candidate.bestEntryKey = storage.entries[Int(entry)].key
                        candidate.matches = result.pairs
                    }
                }
                candidate.verifiedScore = orderedSum(verified)
            }
            if candidate.bestEntryKey == nil, let most = entries.max(by: { (byEntry[$0]?.count ?? 0) < (byEntry[$1]?.count ?? 0) }) {
                candidate.bestEntryKey = storage.entries[Int(most)].key
            }
            ranked.append(candidate)
        }
        return reorderHead(ranked)
    }

    private func rankBestPhotos(byEntry: [Int32: [Vote]], query: FeatureSet, storage: Storage) -> [Candidate] {
        // Per photo: each query descriptor's best vote, summed.
        var photoScore: [Int32: Double] = [:]
        var entriesOf: [Int32: [Int32]] = [:]
        for (entry, votes) in byEntry {
            var perPoint: [Int32: Float] = [:]
            for v in votes { perPoint[v.queryPoint] = max(perPoint[v.queryPoint] ?? 0, v.weight) }
            photoScore[entry] = orderedSum(perPoint)
            entriesOf[storage.entryIndividual[Int(entry)], default: []].append(entry)
        }
        let counted = max(1, options.photosCounted)
        func byScore(_ a: Int32, _ b: Int32) -> Bool {
            let sa = photoScore[a] ?? 0, sb = photoScore[b] ?? 0
            return sa != sb ? sa > sb : a < b
        }
        var candidates: [(individual: Int32, score: Double, photos: [Int32])] = entriesOf.map { individual, entries in
            let photos = entries.sorted(by: byScore)
            return (individual, photos.prefix(counted).reduce(0.0) { $0 + (photoScore[$1] ?? 0) }, photos)
        }
        candidates.sort {
            $0.score != $1.score ? $0.score > $1.score : storage.individuals[Int($0.individual)] < storage.individuals[Int($1.individual)]
        }
        var ranked: [Candidate] = []
        for (position, item) in candidates.enumerated() {
            var candidate = Candidate(individualID: storage.individuals[Int(item.individual)], score: item.score,
                                      verifiedScore: 0, inliers: 0, bestEntryKey: storage.entries[Int(item.photos[0])].key)
            if position < options.shortlist {
                var verifiedScores: [Double] = []
                var bestVerified = -1.0
                for entry in item.photos.prefix(max(1, options.photosVerified)) {
                    guard let result = verify(entry: entry, votes: byEntry[entry] ?? [], query: query, storage: storage) else { continue }
                    let score = orderedSum(result.perPoint)
                    verifiedScores.append(score)
                    if score > bestVerified {
                        bestVerified = score
                        candidate.inliers = result.pairs.count
                        candidate.bestEntryKey = storage.entries[Int(entry)].key
                        candidate.matches = result.pairs
                    }
                }
                candidate.verifiedScore = verifiedScores.sorted(by: >).prefix(counted).reduce(0, +)
            }
            ranked.append(candidate)
        }
        return reorderHead(ranked)
    }

    /// The verified shortlist re-ranked by verified score (ties: LNBNN score, then name); the rest as they were.
    private func reorderHead(_ ranked: [Candidate]) -> [Candidate] {
        let verifiedCount = min(options.shortlist, ranked.count)
        var head = Array(ranked[0..<verifiedCount])
        head.sort {
            if $0.verifiedScore != $1.verifiedScore { return $0.verifiedScore > $1.verifiedScore }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.individualID < $1.individualID
        }
        return head + ranked[verifiedCount...]
    }

    /// One photo pair's spatial verification: the verified vote per query descriptor and the pairs a person checks.
    private func verify(entry: Int32, votes: [Vote], query: FeatureSet, storage: Storage)
        -> (perPoint: [Int32: Float], pairs: [KeypointPair])? {
        guard !votes.isEmpty else { return nil }
        let e = storage.entries[Int(entry)]
        let start = storage.rowStart[Int(entry)]
        let matches = votes.map { v -> SpatialVerifier.Correspondence in
            let q = query.keypoints[Int(v.queryPoint)], g = e.features.keypoints[Int(v.row) - start]
            return .init(qx: q.x, qy: q.y, qs: q.size, gx: g.x, gy: g.y, gs: g.size, weight: v.weight)
        }
        let inliers = SpatialVerifier(options: options, galleryDiagonal: e.features.diagonal).inliers(matches)
        guard !inliers.isEmpty else { return nil }
        var perPoint: [Int32: Float] = [:]
        for i in inliers {
            let v = votes[i]
            perPoint[v.queryPoint] = max(perPoint[v.queryPoint] ?? 0, v.weight)
        }
        let pairs = inliers.map { i in
            let c = matches[i]
            return KeypointPair(queryX: c.qx, queryY: c.qy, galleryX: c.gx, galleryY: c.gy, weight: c.weight)
        }.sorted { $0.weight > $1.weight }
        return (perPoint, pairs)
    }

    /// The scene matches dropped between the query and the candidate's best photo, and how many with all its photos.
    private func attachScene(_ candidate: inout Candidate, sceneByEntry: [Int32: [Vote]], query: FeatureSet, storage: Storage) {
        guard !sceneByEntry.isEmpty else { return }
        var total = 0
        for (entry, votes) in sceneByEntry where storage.individuals[Int(storage.entryIndividual[Int(entry)])] == candidate.individualID {
            total += votes.count
            let e = storage.entries[Int(entry)]
            guard e.key == candidate.bestEntryKey else { continue }
            let start = storage.rowStart[Int(entry)]
            candidate.scenePairs = votes.map { v in
                let q = query.keypoints[Int(v.queryPoint)], g = e.features.keypoints[Int(v.row) - start]
                return KeypointPair(queryX: q.x, queryY: q.y, galleryX: g.x, galleryY: g.y, weight: 0)
            }
        }
        candidate.sceneDropped = total
    }
}

/// The sum of the values in key order, so that equal inputs give bit-identical scores.
private func orderedSum(_ values: [Int32: Float]) -> Double {
    values.keys.sorted().reduce(0.0) { $0 + Double(values[$1]!) }
}
