/// Decides each box's species from the evidence, by precedence: a person (on the photo, else on its burst) >
/// the box's own machine evidence or its burst's (smoothed) > none.
///
/// Smoothing: within a burst, each species' machine probabilities are summed over the burst's boxes; the
/// species with the largest sum is the burst's. A box takes the burst's species unless its own best species
/// differs and has at least `strongEvidence` probability. A smoothed box's probability is the burst's sum for
/// that species over its number of boxes. Last, machine results below `speciesThreshold` become "unknown".
public struct SpeciesSmoother: Sendable {
    /// One box to decide.
    public struct Box: Sendable, Hashable {
        public var id: Int64
        public var mediaID: Int64
        public var eventID: String?
        public init(id: Int64, mediaID: Int64, eventID: String?) {
            self.id = id
            self.mediaID = mediaID
            self.eventID = eventID
        }
    }

    /// One machine guess for a box.
    public struct Guess: Sendable, Hashable {
        public var species: SpeciesName
        public var probability: Double
        /// True for an imported classification, false for a classifier run here.
        public var imported: Bool
        public init(species: SpeciesName, probability: Double, imported: Bool) {
            self.species = species
            self.probability = probability
            self.imported = imported
        }
    }

    /// The decision for one box.
    public struct Decision: Sendable, Equatable {
        public var species: SpeciesName?
        public var probability: Double?
        public var evidence: SpeciesEvidence
    }

    public var speciesThreshold: Double
    public var strongEvidence: Double

    public init(speciesThreshold: Double, strongEvidence: Double = 0.9) {
        self.speciesThreshold = speciesThreshold
        self.strongEvidence = strongEvidence
    }

    /// Decisions by box id. `personTags` are by media, `burstTags` by eventID (tags on the burst itself);
    /// `guesses` by box id (several guesses of one species: the highest counts).
    public func decide(boxes: [Box], personTags: [Int64: [SpeciesName]], burstTags: [String: [SpeciesName]],
                       guesses: [Int64: [Guess]]) -> [Int64: Decision] {
        var decisions: [Int64: Decision] = [:]
        let bursts = Dictionary(grouping: boxes) { $0.eventID ?? "media-\($0.mediaID)" }
        for (key, members) in bursts {
            var tagsOfBurst: [SpeciesName] = burstTags[key] ?? []
            for mediaID in Set(members.map(\.mediaID)).sorted() {
                for t in personTags[mediaID] ?? [] where !tagsOfBurst.contains(t) { tagsOfBurst.append(t) }
            }
            let own = Dictionary(uniqueKeysWithValues: members.map { ($0.id, best(guesses[$0.id] ?? [])) })
            var sums: [String: (species: SpeciesName, sum: Double)] = [:]
            for m in members {
                for g in own[m.id]?.all ?? [] { sums[g.species.key, default: (g.species, 0)].sum += g.probability }
            }
            let burstBest = sums.values.max { ($0.sum, $1.species.key) < ($1.sum, $0.species.key) }
            for m in members {
                let mine = own[m.id]!
                let tags = personTags[m.mediaID].flatMap { $0.isEmpty ? nil : $0 } ?? tagsOfBurst
                var d: Decision
                if !tags.isEmpty {
                    let pick = tags.count == 1 ? tags[0]
                        : tags.max { (mine.probability(of: $0), $1.key) < (mine.probability(of: $1), $0.key) }!
                    d = Decision(species: pick, probability: nil, evidence: .person)
                } else if let top = mine.top, let burstBest,
                          top.species.key == burstBest.species.key || top.probability >= strongEvidence {
                    d = Decision(species: top.species, probability: top.probability, evidence: top.imported ? .imported : .classifier)
                } else if let burstBest {
                    d = Decision(species: burstBest.species, probability: burstBest.sum / Double(members.count), evidence: .smoothed)
                } else {
                    d = Decision(species: nil, probability: nil, evidence: .none)
                }
                if d.evidence != .person, (d.probability ?? 0) < speciesThreshold {
                    d = Decision(species: nil, probability: nil, evidence: .none)
                }
                decisions[m.id] = d
            }
        }
        return decisions
    }

    /// A box's guesses, one per species (the highest), best first.
    struct Guesses {
        var all: [Guess]
        var top: Guess? { all.first }
        func probability(of s: SpeciesName) -> Double { all.first { $0.species.key == s.key }?.probability ?? 0 }
    }

    private func best(_ guesses: [Guess]) -> Guesses {
        var byKey: [String: Guess] = [:]
        for g in guesses where g.probability > (byKey[g.species.key]?.probability ?? -1) { byKey[g.species.key] = g }
        return Guesses(all: byKey.values.sorted { ($0.probability, $1.species.key) > ($1.probability, $0.species.key) })
    }
}
