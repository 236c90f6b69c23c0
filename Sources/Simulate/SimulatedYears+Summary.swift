import Foundation

/// The true population trend and survival of a multi-year simulation (`truth-summary.json`).
public struct TruthSummary: Codable, Sendable, Equatable {
    /// Animals of one group alive at survey k and what became of them by survey k+1.
    public struct Survival: Codable, Sendable, Equatable {
        public var atRisk: Int
        /// Alive in the region at survey k+1.
        public var survived: Int
        public var died: Int
        public var emigrated: Int
        /// survived / atRisk: apparent survival, what CJS estimates (emigration counts as loss).
        public var phi: Double?
        /// 1 − died / atRisk: survival whether or not the animal left.
        public var trueSurvival: Double?
    }
    public struct Year: Codable, Sendable, Equatable {
        public var year: Int
        /// Alive in the region at the survey: all, and independent (not cubs).
        public var alive: Int
        public var independent: Int
        public var adults: Int
        public var subadults: Int
        public var cubs: Int
        public var females: Int
        public var males: Int
        /// To the next survey (absent for the last year): by group `all`, `female`, `male`,
        /// `adultFemale`, `adultMale`, `subadult`, `cub`.
        public var survivalToNext: [String: Survival]?
        /// alive(k+1) / alive(k), and the same for independent animals.
        public var lambda: Double?
        public var lambdaIndependent: Double?
    }
    public var years: [Year]
    /// Geometric mean of the yearly λ, and exp of the least-squares slope of ln N on year (all / independent).
    public var geometricMeanLambda: Double?
    public var logLinearSlope: Double?
    public var logLinearLambda: Double?
    public var geometricMeanLambdaIndependent: Double?
    public var logLinearSlopeIndependent: Double?
}

extension SimulatedYears {
    /// The realised survival and growth of the simulated population.
    public var truthSummary: TruthSummary {
        var years: [TruthSummary.Year] = []
        let byID = Dictionary(uniqueKeysWithValues: history.animals.map { ($0.id, $0) })
        for (k, year) in calendarYears.enumerated() {
            let alive = history.snapshots[k].individuals
            var entry = TruthSummary.Year(year: year, alive: alive.count, independent: alive.filter { $0.ageClass != .cub }.count,
                                          adults: alive.filter { $0.ageClass == .adult }.count,
                                          subadults: alive.filter { $0.ageClass == .subadult }.count,
                                          cubs: alive.filter { $0.ageClass == .cub }.count,
                                          females: alive.filter { $0.sex == .female }.count, males: alive.filter { $0.sex == .male }.count)
            if k + 1 < calendarYears.count {
                let groups: [(String, (Individual) -> Bool)] = [
                    ("all", { _ in true }), ("female", { $0.sex == .female }), ("male", { $0.sex == .male }),
                    ("adultFemale", { $0.ageClass == .adult && $0.sex == .female }), ("adultMale", { $0.ageClass == .adult && $0.sex == .male }),
                    ("subadult", { $0.ageClass == .subadult }), ("cub", { $0.ageClass == .cub }),
                ]
                var table: [String: TruthSummary.Survival] = [:]
                for (name, test) in groups {
                    let fates = alive.filter(test).map { byID[$0.id]! }
                    let survived = fates.filter { $0.lastYear > year }.count
                    let died = fates.filter { $0.lastYear == year && $0.fate == .dead }.count
                    let left = fates.filter { $0.lastYear == year && $0.fate == .emigrated }.count
                    let n = Double(fates.count)
                    table[name] = .init(atRisk: fates.count, survived: survived, died: died, emigrated: left,
                                        phi: fates.isEmpty ? nil : Double(survived) / n,
                                        trueSurvival: fates.isEmpty ? nil : 1 - Double(died) / n)
                }
                entry.survivalToNext = table
                let next = history.snapshots[k + 1].individuals
                entry.lambda = alive.isEmpty ? nil : Double(next.count) / Double(alive.count)
                let independent = next.filter { $0.ageClass != .cub }.count
                entry.lambdaIndependent = entry.independent == 0 ? nil : Double(independent) / Double(entry.independent)
            }
            years.append(entry)
        }
        let trendAll = SimulatedYears.trend(years.map(\.alive))
        let trendIndependent = SimulatedYears.trend(years.map(\.independent))
        return TruthSummary(years: years, geometricMeanLambda: trendAll.geometric, logLinearSlope: trendAll.slope,
                            logLinearLambda: trendAll.slope.map { exp($0) },
                            geometricMeanLambdaIndependent: trendIndependent.geometric, logLinearSlopeIndependent: trendIndependent.slope)
    }

    /// Geometric mean growth (N_last/N_first)^(1/(T−1)) and the least-squares slope of ln N on year index.
    static func trend(_ counts: [Int]) -> (geometric: Double?, slope: Double?) {
        guard counts.count >= 2, counts.allSatisfy({ $0 > 0 }) else { return (nil, nil) }
        let t = Double(counts.count - 1)
        let geometric = pow(Double(counts.last!) / Double(counts.first!), 1 / t)
        let xs = counts.indices.map(Double.init), ys = counts.map { log(Double($0)) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return (geometric, sxy / sxx)
    }
}
