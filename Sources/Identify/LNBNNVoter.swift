/// One LNBNN vote: a query keypoint matched to a gallery descriptor row with weight d_norm − d_k.
struct Vote {
    var queryPoint: Int32
    var row: Int32
    var weight: Float
}

/// Local naive-Bayes nearest-neighbour voting (McCann & Lowe 2012, as used by HotSpotter).
///
/// For each query descriptor the first K allowed neighbours vote with weight d_norm − d_k, where d_norm is
/// the distance to the first allowed neighbour after them whose individual is none of theirs (METHODS.md's
/// Knorm rule, taken as "the next such neighbour"). Disallowed photos are skipped entirely, so they neither vote nor
/// normalise; when the fetched neighbours run out, the search is repeated with four times as many.
struct LNBNNVoter {
    let options: MatchOptions
    /// Neighbours fetched at most per descriptor before falling back to the farthest fetched as normaliser.
    let maximumNeighbours = 256

    func votes(for query: FeatureSet, allowed: [Bool], storage: PatternGallery.Storage,
               index: DescriptorIndex) throws -> [Vote] {
        let rows = storage.rowEntry.count
        let bytes = FeatureSet.descriptorBytes
        var k = min(rows, options.k + options.kNorm + options.extraNeighbours)
        var pending = Array(0..<query.count)
        var votes: [Vote] = []
        votes.reserveCapacity(query.count * options.k)
        while !pending.isEmpty, k > 0 {
            let batch: [UInt8]
            if pending.count == query.count {
                batch = query.descriptors
            } else {
                var gathered: [UInt8] = []
                gathered.reserveCapacity(pending.count * bytes)
                for q in pending { gathered.append(contentsOf: query.descriptors[(q * bytes)..<((q + 1) * bytes)]) }
                batch = gathered
            }
            let found = try index.search(batch[...], k: k, checks: options.checks, threads: options.searchThreads)
            var retry: [Int] = []
            let canGrow = k < rows && k < maximumNeighbours
            for (p, q) in pending.enumerated() {
                var voters: [(row: Int32, distance: Float, individual: Int32)] = []
                var normaliser: Float?
                var farthest: Float?
                for j in 0..<k {
                    let row = found.rows[p * k + j]
                    if row < 0 { break }
                    let entry = Int(storage.rowEntry[Int(row)])
                    guard allowed[entry] else { continue }
                    let individual = storage.entryIndividual[entry]
                    let distance = found.distances[p * k + j]
                    farthest = distance
                    if voters.count < options.k {
                        voters.append((row, distance, individual))
                    } else if !voters.contains(where: { $0.individual == individual }) {
                        normaliser = distance
                        break
                    }
                }
                if normaliser == nil && canGrow {
                    retry.append(q)
                    continue
                }
                guard let dNorm = normaliser ?? farthest else { continue }
                for v in voters where dNorm > v.distance {
                    votes.append(Vote(queryPoint: Int32(q), row: v.row, weight: dNorm - v.distance))
                }
            }
            pending = retry
            k = min(rows, min(maximumNeighbours, k * 4))
        }
        return votes
    }
}
