import CRosetteNative

/// Checks that matched keypoints of a photo pair agree on one geometric transform (HotSpotter's spatial
/// verification, without random sampling).
///
/// Every correspondence (the heaviest `maximumHypotheses`) proposes a transform from its own two keypoints:
/// the scale change of their sizes and the translation between them (keypoints are upright, so no rotation).
/// A correspondence is an inlier of a hypothesis when it lands within `tolerance` pixels and its own scale
/// change is within `scaleRatio` of the hypothesis's. The heaviest inlier set wins; with at least
/// `minimumInliers`, a homography is fitted to it by least squares and the inliers are recounted under it.
struct SpatialVerifier {
    struct Correspondence {
        var qx: Float, qy: Float, qs: Float
        var gx: Float, gy: Float, gs: Float
        var weight: Float
    }

    let tolerance: Double
    let scaleRatio: ClosedRange<Double>
    let minimumInliers: Int
    let maximumHypotheses: Int

    init(options: MatchOptions, galleryDiagonal: Double) {
        tolerance = options.inlierTolerance * galleryDiagonal
        scaleRatio = options.scaleRatio
        minimumInliers = options.minimumInliers
        maximumHypotheses = options.maximumHypotheses
    }

    /// The indices of the verified inliers among `matches`, empty when the pair does not verify.
    func inliers(_ matches: [Correspondence]) -> [Int] {
        guard matches.count >= minimumInliers else { return [] }
        let order = matches.indices.sorted { matches[$0].weight > matches[$1].weight }
        var best: [Int] = []
        var bestWeight: Float = 0
        let tol2 = Float(tolerance * tolerance)
        for h in order.prefix(maximumHypotheses) {
            let m = matches[h]
            let s = m.gs / max(m.qs, 1e-3)
            let tx = m.gx - s * m.qx, ty = m.gy - s * m.qy
            var set: [Int] = []
            var weight: Float = 0
            for (i, c) in matches.enumerated() {
                let dx = s * c.qx + tx - c.gx, dy = s * c.qy + ty - c.gy
                guard dx * dx + dy * dy < tol2 else { continue }
                let ratio = Double(c.gs / max(s * c.qs, 1e-3))
                guard scaleRatio.contains(ratio) else { continue }
                set.append(i)
                weight += c.weight
            }
            if weight > bestWeight {
                best = set
                bestWeight = weight
            }
        }
        guard best.count >= minimumInliers else { return [] }
        return refined(matches, inliers: best, tol2: tol2)
    }

    /// Recounts inliers under a homography fitted to `inliers`; keeps `inliers` when the fit fails or loses support.
    private func refined(_ matches: [Correspondence], inliers: [Int], tol2: Float) -> [Int] {
        var src: [Float] = [], dst: [Float] = []
        for i in inliers {
            src += [matches[i].qx, matches[i].qy]
            dst += [matches[i].gx, matches[i].gy]
        }
        var h = [Double](repeating: 0, count: 9)
        var err = [CChar](repeating: 0, count: 128)
        guard rsn_fit_homography(src, dst, Int32(inliers.count), &h, &err, Int32(err.count)) == 0 else { return inliers }
        var set: [Int] = []
        for (i, c) in matches.enumerated() {
            let x = Double(c.qx), y = Double(c.qy)
            let w = h[6] * x + h[7] * y + h[8]
            guard abs(w) > 1e-9 else { continue }
            let px = (h[0] * x + h[1] * y + h[2]) / w, py = (h[3] * x + h[4] * y + h[5]) / w
            let dx = px - Double(c.gx), dy = py - Double(c.gy)
            if Float(dx * dx + dy * dy) < tol2 { set.append(i) }
        }
        return set.count >= inliers.count ? set : inliers
    }
}
