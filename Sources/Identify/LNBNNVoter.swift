/// One LNBNN vote: a query keypoint matched to a gallery descriptor row with weight d_norm − d_k.
struct Vote {
    var queryPoint: Int32
    var row: Int32
    var weight: Float
}

/// Local naive-Bayes nearest-neighbour voting (McCann & Lowe 2012, as used by HotSpotter).
///
/// For each query descriptor the nearest allowed neighbours vote with weight d_norm − d_k.
/// - `.union`: the first K neighbours vote; d_norm is the distance to the first allowed neighbour after them whose
///   individual is none of theirs (METHODS.md's Knorm rule, taken as "the next such neighbour").
/// - `.bestPhotos`: the nearest `votingIndividuals` distinct individuals vote, each with up to K of its own nearest
///   neighbours; d_norm is the distance to the next individual's nearest neighbour. An individual with half the
///   gallery's photos then cannot fill all K places and leave the right animal as the normaliser.
///
/// Disallowed photos are skipped entirely, so they neither vote nor normalise; so are scene matches (see
/// `MatchOptions.sceneSuppression`), which are returned apart for the review to show. When the fetched
/// neighbours run out, the search is repeated with four times as many.
struct LNBNNVoter {
    let options: MatchOptions
    /// Neighbours fetched at most per descriptor before falling back to the farthest fetched as normaliser.
    let maximumNeighbours = 256

    struct Outcome {
        var votes: [Vote] = []
        /// Correspondences dropped as the fixed scene (weight 0).
        var scene: [Vote] = []
    }

    func votes(for query: FeatureSet, camera: String?, allowed: [Bool], storage: PatternGallery.Storage,
               index: DescriptorIndex) throws -> Outcome {
        let rows = storage.rowEntry.count
        let bytes = FeatureSet.descriptorBytes
        let scene = SceneTest(options: options, query: query, camera: camera, storage: storage)
        var k = min(rows, options.k + options.kNorm + options.extraNeighbours)
        var pending = Array(0..<query.count)
        var outcome = Outcome()
        outcome.votes.reserveCapacity(query.count * options.k)
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
                var votesOf: [Int32: Int] = [:]
                var sceneRows: [Int32] = []
                for j in 0..<k {
                    let row = found.rows[p * k + j]
                    if row < 0 { break }
                    let entry = Int(storage.rowEntry[Int(row)])
                    guard allowed[entry] else { continue }
                    if scene.isScene(queryPoint: q, row: Int(row), entry: entry) {
                        sceneRows.append(row)
                        continue
                    }
                    let individual = storage.entryIndividual[entry]
                    let distance = found.distances[p * k + j]
                    farthest = distance
                    switch options.aggregation {
                    case .union:
                        if voters.count < options.k {
                            voters.append((row, distance, individual))
                        } else if !voters.contains(where: { $0.individual == individual }) {
                            normaliser = distance
                        }
                    case .bestPhotos:
                        if let n = votesOf[individual] {
                            if n < options.k {
                                voters.append((row, distance, individual))
                                votesOf[individual] = n + 1
                            }
                        } else if votesOf.count < max(1, options.votingIndividuals) {
                            voters.append((row, distance, individual))
                            votesOf[individual] = 1
                        } else {
                            normaliser = distance
                        }
                    }
                    if normaliser != nil { break }
                }
                if normaliser == nil && canGrow {
                    retry.append(q)
                    continue
                }
                for row in sceneRows { outcome.scene.append(Vote(queryPoint: Int32(q), row: row, weight: 0)) }
                guard let dNorm = normaliser ?? farthest else { continue }
                for v in voters where dNorm > v.distance {
                    outcome.votes.append(Vote(queryPoint: Int32(q), row: v.row, weight: dNorm - v.distance))
                }
            }
            pending = retry
            k = min(rows, min(maximumNeighbours, k * 4))
        }
        return outcome
    }
}

/// Tells scene matches: the query keypoint and the gallery keypoint at the same place and size in two frames of
/// the same camera.
struct SceneTest {
    private let active: Bool
    private let camera: String?
    private let queryPoints: [(x: Double, y: Double, size: Double)]
    private let storage: PatternGallery.Storage
    private let tolerance: Double
    private let scaleRatio: ClosedRange<Double>

    init(options: MatchOptions, query: FeatureSet, camera: String?, storage: PatternGallery.Storage) {
        self.camera = camera
        self.storage = storage
        scaleRatio = options.sceneScaleRatio
        if options.sceneSuppression, camera != nil, let placement = query.placement {
            active = true
            let s = placement.frameScale
            queryPoints = query.keypoints.map { k in
                let p = placement.framePoint(chipX: k.x, chipY: k.y)
                return (p.x, p.y, Double(k.size) * s)
            }
            tolerance = options.sceneTolerance * placement.frameDiagonal
        } else {
            active = false
            queryPoints = []
            tolerance = 0
        }
    }

    func isScene(queryPoint q: Int, row: Int, entry: Int) -> Bool {
        guard active else { return false }
        let e = storage.entries[entry]
        guard e.camera == camera, let placement = e.features.placement else { return false }
        let k = e.features.keypoints[row - storage.rowStart[entry]]
        let g = placement.framePoint(chipX: k.x, chipY: k.y)
        let p = queryPoints[q]
        let dx = p.x - g.x, dy = p.y - g.y
        guard dx * dx + dy * dy <= tolerance * tolerance else { return false }
        let ratio = Double(k.size) * placement.frameScale / max(p.size, 1e-6)
        return scaleRatio.contains(ratio)
    }
}
