import Foundation

extension ReidDataset {
    /// Keeps `composition.individuals` individuals (those with most photos among those seen in at least two
    /// encounters) and draws their photos so that the first holds `dominantShare` of all, the last
    /// `fewIndividuals` hold `fewPhotos` each, and the rest keep theirs (scaled down when the first has too few
    /// photos for its share). Photos are taken round-robin over an individual's encounters (in a seeded
    /// random order), so even two photos come from two encounters. Returns rows in their original order.
    static func select(_ rows: [TruthRecord], composition: Composition, seed: UInt64) -> [TruthRecord] {
        var rng = SeededGenerator(seed: seed, stream: "composition")
        var byIndividual: [String: [String: [Int]]] = [:]
        for (i, row) in rows.enumerated() { byIndividual[row.individualID, default: [:]][encounter(row), default: []].append(i) }
        let ranked = byIndividual.filter { $0.value.count >= 2 }
            .map { (id: $0.key, photos: $0.value.values.reduce(0) { $0 + $1.count }) }
            .sorted { ($0.photos, $1.id) > ($1.photos, $0.id) }
        let chosen = Array(ranked.prefix(max(1, composition.individuals)))
        guard chosen.count > 1 else { return chosen.isEmpty ? [] : rows.filter { $0.individualID == chosen[0].id } }
        let fewCount = min(composition.fewIndividuals, chosen.count - 1)
        var targets = [Int](repeating: 0, count: chosen.count)
        for k in (chosen.count - fewCount)..<chosen.count {
            let lo = composition.fewPhotos.lowerBound, hi = composition.fewPhotos.upperBound
            targets[k] = min(chosen[k].photos, lo + rng.integer(below: hi - lo + 1))
        }
        for k in 1..<(chosen.count - fewCount) { targets[k] = chosen[k].photos }
        let share = min(0.95, max(0.05, composition.dominantShare))
        let others = targets.dropFirst().reduce(0, +)
        let wanted = Int((Double(others) * share / (1 - share)).rounded())
        if wanted <= chosen[0].photos {
            targets[0] = wanted
        } else {
            // Too few photos of the first for its share: scale the middle individuals down.
            targets[0] = chosen[0].photos
            let fewTotal = targets.suffix(fewCount).reduce(0, +)
            let middleWanted = max(0, Int(Double(targets[0]) * (1 - share) / share) - fewTotal)
            let middleHave = max(1, others - fewTotal)
            for k in 1..<(chosen.count - fewCount) {
                targets[k] = max(2, Int((Double(targets[k]) * Double(middleWanted) / Double(middleHave)).rounded()))
            }
        }
        var keep = Set<Int>()
        for (k, individual) in chosen.enumerated() {
            var encounters = byIndividual[individual.id]!.sorted { $0.key < $1.key }.map { $0.value }
            for e in stride(from: encounters.count - 1, to: 0, by: -1) { encounters.swapAt(e, rng.integer(below: e + 1)) }
            var taken = 0, depth = 0
            while taken < targets[k] {
                var any = false
                for photos in encounters where depth < photos.count && taken < targets[k] {
                    keep.insert(photos[depth])
                    taken += 1
                    any = true
                }
                if !any { break }
                depth += 1
            }
        }
        return rows.indices.filter { keep.contains($0) }.map { rows[$0] }
    }
}
