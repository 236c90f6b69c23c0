import Foundation

extension SECRLikelihood {
    /// log Pr(ω_i | x_m) for every animal i and mask point m at link-scale detection parameters
    /// [intercept link, log σ]: the same terms the likelihood sums (secr's per-animal `prwi` before averaging).
    ///
    /// Runs one evaluation (which fills the never-detected base and the data rows for every mask point) and
    /// assembles each animal's terms from those buffers, so the detection maths lives in one place.
    func logHistoryProbabilities(detectionLink beta: [Double]) -> [[Double]] {
        _ = components(detectionLink: beta)
        let nM = maskPoints
        return (0..<animals).map { i in
            var out = [Double](repeating: animalConstant[i], count: nM)
            for m in 0..<nM { out[m] += base[m] }
            for e in entryStart[i]..<entryStart[i + 1] {
                let w = entryCount[e], row = entryRow[e] * nM
                for m in 0..<nM { out[m] += w * rows[row + m] }
            }
            return out
        }
    }
}
