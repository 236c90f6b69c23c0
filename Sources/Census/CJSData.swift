import Foundation

/// Live-recapture histories for Cormack–Jolly–Seber models: one 0/1 history per animal, an optional group.
///
/// Occasions carry labels (years from a survey, else 1…k) and the time between them (`intervals`, in
/// years): across a gap of two years the survival over the interval is φ², as MARK's time intervals.
/// Animals never captured are not kept. Identical histories of one group are pooled (`patterns`), which is
/// what the likelihood runs over.
public struct CJSData: Sendable, Equatable {
    /// One distinct history within a group, with the number of animals that share it.
    public struct Pattern: Sendable, Equatable {
        public var history: [Bool]
        public var group: Int
        public var count: Int
    }

    /// Number of capture occasions.
    public let occasions: Int
    /// Occasion labels (e.g. "2019"), `occasions` of them.
    public let occasionLabels: [String]
    /// Time between consecutive occasions (`occasions − 1` values, 1 for yearly occasions without gaps).
    public let intervals: [Double]
    /// The grouping variable's name (`nil` without groups).
    public let groupName: String?
    /// Group levels in order; `["all"]` without groups.
    public let groupLevels: [String]
    /// Distinct (history, group) patterns.
    public let patterns: [Pattern]
    /// Messages about input left out (bad lines, animals never captured), each naming its source.
    public var problems: [String]

    /// Creates data from one history per animal. `groups[i]` indexes `groupLevels` (all 0 without groups).
    public init(histories: [[Bool]], groups: [Int]? = nil, groupName: String? = nil, groupLevels: [String] = ["all"],
                occasionLabels: [String]? = nil, intervals: [Double]? = nil, problems: [String] = []) throws {
        let k = histories.first?.count ?? 0
        guard k >= 3 else {
            throw CensusError.invalidArgument("CJS models need at least 3 capture occasions (got \(k))")
        }
        guard histories.allSatisfy({ $0.count == k }) else {
            throw CensusError.invalidArgument("every capture history must cover the same \(k) occasions")
        }
        let groups = groups ?? Array(repeating: 0, count: histories.count)
        guard groups.count == histories.count, groups.allSatisfy({ $0 >= 0 && $0 < groupLevels.count }) else {
            throw CensusError.invalidArgument("each history needs a group among the \(groupLevels.count) level(s)")
        }
        let labels = occasionLabels ?? (1...k).map(String.init)
        let gaps = intervals ?? Array(repeating: 1.0, count: k - 1)
        guard labels.count == k, gaps.count == k - 1, gaps.allSatisfy({ $0 > 0 }) else {
            throw CensusError.invalidArgument("need \(k) occasion labels and \(k - 1) positive time intervals")
        }
        var counts: [[Bool]: [Int: Int]] = [:]
        var order: [([Bool], Int)] = []
        var never = 0
        for (h, g) in zip(histories, groups) {
            guard h.contains(true) else { never += 1; continue }
            if counts[h]?[g] == nil { order.append((h, g)) }
            counts[h, default: [:]][g, default: 0] += 1
        }
        self.occasions = k
        self.occasionLabels = labels
        self.intervals = gaps
        self.groupName = groupName
        self.groupLevels = groupLevels
        self.patterns = order.map { Pattern(history: $0.0, group: $0.1, count: counts[$0.0]![$0.1]!) }
        self.problems = problems + (never > 0 ? ["\(never) history(ies) with no capture left out (CJS conditions on the first capture)"] : [])
    }

    /// Animals in the data (captured at least once).
    public var animals: Int { patterns.reduce(0) { $0 + $1.count } }

    /// Animals per group level.
    public var animalsByGroup: [Int] {
        var out = Array(repeating: 0, count: groupLevels.count)
        for p in patterns { out[p.group] += p.count }
        return out
    }

    /// MARK's effective sample size for CJS: releases before the last occasion (every capture on occasions
    /// 1…k−1, an animal counting once per occasion it is released on).
    public var effectiveSampleSize: Int {
        patterns.reduce(0) { sum, p in sum + p.count * p.history.dropLast().filter { $0 }.count }
    }

    /// Whether any animal was seen again after its first capture (otherwise nothing can be estimated).
    public var hasRecaptures: Bool {
        patterns.contains { p in p.history.filter { $0 }.count > 1 }
    }

    /// Interval labels "label_i–label_i+1".
    public var intervalLabels: [String] {
        (0..<(occasions - 1)).map { "\(occasionLabels[$0])–\(occasionLabels[$0 + 1])" }
    }
}
