import Foundation

/// Which link-scale parameter (β) each φ and p uses, for one model on one data set.
///
/// When the model confounds the last φ and p, the last interval's φ slot holds the product φ·p (its own β)
/// and the last occasion's p is fixed at 1, so every β is identifiable and K is simply their number.
struct CJSDesign: Sendable {
    enum Kind: Sendable, Equatable { case phi, p, phiP }

    /// What one β stands for: its kind, and the (group, interval or occasion) cells it covers.
    struct Slot: Sendable {
        var kind: Kind
        var cells: [(group: Int, index: Int)]
    }

    let occasions: Int
    let groups: Int
    /// `phiIndex[g][i]`: β of survival over interval i (i = 0…k−2).
    var phiIndex: [[Int]]
    /// `pIndex[g][j]`: β of recapture on occasion j (j = 1…k−1); −1 where fixed (occasion 0, or p = 1).
    var pIndex: [[Int]]
    var slots: [Slot]

    init(model: CJSModel, occasions k: Int, groups: Int) {
        self.occasions = k
        self.groups = groups
        var keys: [String: Int] = [:]
        var slots: [Slot] = []
        func index(_ key: String, _ kind: Kind, _ cell: (Int, Int)) -> Int {
            if let i = keys[key] { slots[i].cells.append(cell); return i }
            keys[key] = slots.count
            slots.append(Slot(kind: kind, cells: [cell]))
            return slots.count - 1
        }
        func key(_ s: CJSModel.Structure, _ g: Int, _ t: Int) -> String {
            switch s {
            case .constant: return ""
            case .time: return "t\(t)"
            case .group: return "g\(g)"
            case .groupTime: return "g\(g)t\(t)"
            }
        }
        let confounded = model.confoundsLast
        var phiIndex = Array(repeating: Array(repeating: -1, count: k - 1), count: groups)
        var pIndex = Array(repeating: Array(repeating: -1, count: k), count: groups)
        for g in 0..<groups {
            for i in 0..<(k - 1) {
                if confounded && i == k - 2 {
                    phiIndex[g][i] = index("phiP " + key(model.phi, g, i) + "|" + key(model.p, g, k - 1), .phiP, (g, i))
                } else {
                    phiIndex[g][i] = index("phi " + key(model.phi, g, i), .phi, (g, i))
                }
            }
        }
        for g in 0..<groups {
            for j in 1..<k where !(confounded && j == k - 1) {
                pIndex[g][j] = index("p " + key(model.p, g, j), .p, (g, j))
            }
        }
        self.phiIndex = phiIndex
        self.pIndex = pIndex
        self.slots = slots
    }

    var parameterCount: Int { slots.count }
}

/// The CJS log-likelihood over distinct histories, conditioned on first capture.
///
/// For an animal first caught on occasion f and last on l: Π_{i=f}^{l−1} s_i · Π_{j=f+1}^{l} p_j^{x_j}(1−p_j)^{1−x_j}
/// · χ_l, where s_i = φ_i^{Δ_i} is survival over interval i and χ_l the probability of never being seen after
/// l: χ_{k} = 1, χ_i = 1 − s_i + s_i (1 − p_{i+1}) χ_{i+1}. No multinomial constant (as MARK's −2 log L).
struct CJSLikelihood: Sendable {
    struct Row: Sendable {
        var group: Int
        var count: Double
        var first: Int
        var last: Int
        var seen: [Int]      // occasions f+1…l with a capture
        var missed: [Int]    // occasions f+1…l without
    }

    let design: CJSDesign
    let intervals: [Double]
    let rows: [Row]

    init(data: CJSData, design: CJSDesign) {
        self.design = design
        self.intervals = data.intervals
        rows = data.patterns.compactMap { p in
            guard let f = p.history.firstIndex(of: true), let l = p.history.lastIndex(of: true) else { return nil }
            guard f < data.occasions - 1 else { return nil }   // first caught on the last occasion: no information
            let between = f < l ? Array((f + 1)...l) : []
            return Row(group: p.group, count: Double(p.count), first: f, last: l,
                       seen: between.filter { p.history[$0] }, missed: between.filter { !p.history[$0] })
        }
    }

    /// Interval survival s[g][i] and recapture p[g][j] (p[g][0] unused) at link values `beta`.
    func probabilities(_ beta: [Double]) -> (s: [[Double]], p: [[Double]]) {
        let k = design.occasions
        var s = Array(repeating: Array(repeating: 0.0, count: k - 1), count: design.groups)
        var p = Array(repeating: Array(repeating: 1.0, count: k), count: design.groups)
        for g in 0..<design.groups {
            for i in 0..<(k - 1) {
                let index = design.phiIndex[g][i]
                let value = Numerics.invLogit(beta[index])
                s[g][i] = design.slots[index].kind == .phiP || intervals[i] == 1 ? value : pow(value, intervals[i])
            }
            for j in 1..<k where design.pIndex[g][j] >= 0 { p[g][j] = Numerics.invLogit(beta[design.pIndex[g][j]]) }
        }
        return (s, p)
    }

    func logLikelihood(_ beta: [Double]) -> Double {
        let k = design.occasions
        let (s, p) = probabilities(beta)
        var logChi = Array(repeating: Array(repeating: 0.0, count: k), count: design.groups)
        var logS = s, logP = p, log1mP = p
        for g in 0..<design.groups {
            var chi = 1.0
            for i in stride(from: k - 2, through: 0, by: -1) {
                chi = 1 - s[g][i] + s[g][i] * (1 - p[g][i + 1]) * chi
                logChi[g][i] = log(chi)
            }
            logS[g] = s[g].map { log($0) }
            logP[g] = p[g].map { log($0) }
            log1mP[g] = p[g].map { log1p(-$0) }
        }
        var total = 0.0
        for r in rows {
            let g = r.group
            var value = logChi[g][r.last]
            for i in r.first..<r.last { value += logS[g][i] }
            for j in r.seen { value += logP[g][j] }
            for j in r.missed { value += log1mP[g][j] }
            total += r.count * value
        }
        return total.isNaN ? -.infinity : total
    }
}
