import Foundation

/// Gradient-boosted shallow decision trees with logistic loss: a small, deterministic binary classifier.
///
/// Each feature is cut at up to `Settings.cuts` quantile midpoints of the training values; every round fits a
/// tree of depth `Settings.depth` to the loss's gradient and curvature (Newton leaf values with an L2 penalty),
/// shrunk by the learning rate. Ties between splits go to the lower feature and cut, so the same data always
/// gives the same model.
public struct BoostedTrees: Sendable, Equatable, Codable {
    /// How the trees are grown.
    public struct Settings: Sendable, Equatable, Codable {
        public var rounds = 120
        public var depth = 2
        public var learningRate = 0.1
        /// Fewest training rows in a leaf.
        public var minLeaf = 2
        /// L2 penalty on leaf values.
        public var lambda = 1.0
        /// Cut points per feature.
        public var cuts = 24
        public init() {}
    }

    /// A node: a leaf when `feature` is negative; else x[feature] ≤ cut goes to `left`.
    public struct Node: Sendable, Equatable, Codable {
        public var feature: Int
        public var cut: Double
        public var left: Int
        public var right: Int
        public var value: Double
    }

    public var base: Double
    public var learningRate: Double
    public var trees: [[Node]]

    /// The model's log-odds that `x` is positive.
    public func margin(_ x: [Double]) -> Double {
        var f = base
        for tree in trees {
            var i = 0
            while tree[i].feature >= 0 { i = x[tree[i].feature] <= tree[i].cut ? tree[i].left : tree[i].right }
            f += learningRate * tree[i].value
        }
        return f
    }

    /// The model's probability that `x` is positive.
    public func probability(_ x: [Double]) -> Double { 1 / (1 + exp(-margin(x))) }

    /// Fits a model to rows `x` (all the same length) with labels `y` (true = positive).
    public static func train(_ x: [[Double]], _ y: [Bool], settings: Settings = Settings()) -> BoostedTrees {
        let n = x.count
        let positives = Double(y.filter { $0 }.count)
        let base = log((positives + 0.5) / (Double(n) - positives + 0.5))
        var model = BoostedTrees(base: base, learningRate: settings.learningRate, trees: [])
        guard n > 0, let width = x.first?.count else { return model }
        let cuts = (0..<width).map { f in cutPoints(x.map { $0[f] }, count: settings.cuts) }
        // bins[f][i]: how many cuts of feature f lie below x[i][f], so x ≤ cuts[f][j] ⇔ bin ≤ j.
        let bins = (0..<width).map { f in x.map { row in cuts[f].filter { $0 < row[f] }.count } }
        var f = [Double](repeating: base, count: n)
        for _ in 0..<settings.rounds {
            var g = [Double](repeating: 0, count: n), h = g
            for i in 0..<n {
                let p = 1 / (1 + exp(-f[i]))
                g[i] = p - (y[i] ? 1 : 0)
                h[i] = max(p * (1 - p), 1e-6)
            }
            var grower = TreeGrower(g: g, h: h, bins: bins, cuts: cuts, settings: settings)
            grower.grow(Array(0..<n), depth: 0)
            let tree = grower.nodes
            for i in 0..<n {
                var k = 0
                while tree[k].feature >= 0 { k = x[i][tree[k].feature] <= tree[k].cut ? tree[k].left : tree[k].right }
                f[i] += settings.learningRate * tree[k].value
            }
            model.trees.append(tree)
        }
        return model
    }

    /// Up to `count` midpoints between distinct values, at even quantiles.
    static func cutPoints(_ values: [Double], count: Int) -> [Double] {
        let distinct = Array(Set(values)).sorted()
        guard distinct.count > 1 else { return [] }
        let mids = (1..<distinct.count).map { (distinct[$0 - 1] + distinct[$0]) / 2 }
        guard mids.count > count else { return mids }
        return Array(Set((1...count).map { mids[($0 * mids.count) / (count + 1)] })).sorted()
    }
}

/// Grows one tree over row indices, best split by the Newton gain.
struct TreeGrower {
    let g: [Double], h: [Double]
    let bins: [[Int]]
    let cuts: [[Double]]
    let settings: BoostedTrees.Settings
    var nodes: [BoostedTrees.Node] = []

    init(g: [Double], h: [Double], bins: [[Int]], cuts: [[Double]], settings: BoostedTrees.Settings) {
        self.g = g
        self.h = h
        self.bins = bins
        self.cuts = cuts
        self.settings = settings
    }

    @discardableResult
    mutating func grow(_ rows: [Int], depth: Int) -> Int {
        let index = nodes.count
        let G = rows.reduce(0) { $0 + g[$1] }, H = rows.reduce(0) { $0 + h[$1] }
        nodes.append(BoostedTrees.Node(feature: -1, cut: 0, left: -1, right: -1, value: -G / (H + settings.lambda)))
        guard depth < settings.depth, rows.count >= 2 * settings.minLeaf else { return index }
        let parent = G * G / (H + settings.lambda)
        var best: (gain: Double, feature: Int, cut: Int) = (1e-9, -1, -1)
        for f in 0..<cuts.count where !cuts[f].isEmpty {
            var hg = [Double](repeating: 0, count: cuts[f].count + 1), hh = hg
            var hn = [Int](repeating: 0, count: cuts[f].count + 1)
            for i in rows {
                hg[bins[f][i]] += g[i]
                hh[bins[f][i]] += h[i]
                hn[bins[f][i]] += 1
            }
            var gl = 0.0, hl = 0.0, nl = 0
            for j in 0..<cuts[f].count {
                gl += hg[j]; hl += hh[j]; nl += hn[j]
                guard nl >= settings.minLeaf, rows.count - nl >= settings.minLeaf else { continue }
                let gain = gl * gl / (hl + settings.lambda) + (G - gl) * (G - gl) / (H - hl + settings.lambda) - parent
                if gain > best.gain { best = (gain, f, j) }
            }
        }
        guard best.feature >= 0 else { return index }
        let left = rows.filter { bins[best.feature][$0] <= best.cut }
        let right = rows.filter { bins[best.feature][$0] > best.cut }
        let l = grow(left, depth: depth + 1)
        let r = grow(right, depth: depth + 1)
        nodes[index] = BoostedTrees.Node(feature: best.feature, cut: cuts[best.feature][best.cut], left: l, right: r, value: 0)
        return index
    }
}
