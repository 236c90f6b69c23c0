import Foundation

extension SECRTextFormat {
    /// A habitat mask read from secr's text format, with its extra columns kept as point covariates.
    public struct MaskFile: Sendable, Equatable {
        public var mask: HabitatMask
        /// Names of the columns after x and y (from the header line).
        public var covariateNames: [String]
        /// One row per mask point: the covariate values as written (numbers or factor levels).
        public var covariates: [[String]]
    }

    /// Reads a mask from disk; see ``parseMask(_:fileName:)``.
    public static func readMask(contentsOf url: URL) throws -> MaskFile {
        try parseMask(readText(url), fileName: url.path)
    }

    /// Parses secr's text mask (`read.mask(file)`, `write.mask`): a header line of column names, then one point per line.
    ///
    /// x and y are the columns named `x` and `y` (any case), else the first two; every other column is kept as a
    /// covariate. Fields are separated by blanks or commas; `#` starts a comment; a line with one field more than
    /// the header starts with a row name, which is dropped. The spacing is inferred from the points: the smallest
    /// positive difference between distinct sorted x values, and likewise for y; they must agree (within 0.1%) and
    /// every point must sit on that grid, else the mask is refused. Each point stands for a spacing² cell.
    public static func parseMask(_ text: String, fileName: String) throws -> MaskFile {
        var lines = dataLines(text).map { ($0.0, $0.1, $0.1.split(whereSeparator: { " \t\r,".contains($0) }).map(String.init)) }
        guard let header = lines.first else { throw CensusError.emptyMask(reason: "\(fileName) has no points") }
        var names = header.2.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        if names.allSatisfy({ Double($0) != nil }) {
            names = ["x", "y"] + (2..<max(2, names.count)).map { "V\($0 + 1)" }
        } else {
            lines.removeFirst()
        }
        let xi = names.firstIndex { $0.lowercased() == "x" } ?? 0
        let yi = names.firstIndex { $0.lowercased() == "y" } ?? 1
        guard names.count >= 2, xi != yi else {
            throw CensusError.malformedLine(file: fileName, line: header.0, value: header.1, expected: "a header line naming the columns, x and y first")
        }
        let others = names.indices.filter { $0 != xi && $0 != yi }
        var xs: [Double] = [], ys: [Double] = [], rows: [[String]] = [], lineOf: [Int] = []
        for (number, raw, tokens) in lines {
            var fields = tokens
            if fields.count == names.count + 1 { fields.removeFirst() }
            guard fields.count == names.count else {
                throw CensusError.malformedLine(file: fileName, line: number, value: raw,
                                                expected: "\(names.count) values (\(names.joined(separator: " "))) as in the header")
            }
            guard let x = Double(fields[xi]), let y = Double(fields[yi]), x.isFinite, y.isFinite else {
                throw CensusError.malformedLine(file: fileName, line: number, value: raw, expected: "numeric x and y")
            }
            xs.append(x); ys.append(y); lineOf.append(number)
            rows.append(others.map { fields[$0] })
        }
        guard !xs.isEmpty else { throw CensusError.emptyMask(reason: "\(fileName) has no points") }
        let spacing = try inferSpacing(x: xs, y: ys, lines: lineOf, file: fileName)
        return MaskFile(mask: HabitatMask(x: xs, y: ys, spacing: spacing), covariateNames: others.map { names[$0] }, covariates: rows)
    }

    /// secr's text mask: a header `x y [covariates…]`, then one point per line, at full precision.
    public static func maskText(_ mask: HabitatMask, covariateNames: [String] = [], covariates: [[String]] = []) -> String {
        var out = (["x", "y"] + covariateNames).joined(separator: " ") + "\n"
        for m in 0..<mask.count {
            out += ([String(mask.x[m]), String(mask.y[m])] + (m < covariates.count ? covariates[m] : [])).joined(separator: " ") + "\n"
        }
        return out
    }

    /// The grid spacing of a mask's points, or `irregularMask` naming what is wrong.
    static func inferSpacing(x: [Double], y: [Double], lines: [Int], file: String) throws -> Double {
        let sx = step(x), sy = step(y)
        let spacing: Double
        switch (sx, sy) {
        case (nil, nil):
            throw CensusError.irregularMask(file: file, detail: "a single point: the spacing cannot be inferred")
        case let (s?, nil), let (nil, s?):
            spacing = s
        case let (a?, b?):
            guard abs(a - b) <= 1e-3 * max(a, b) else {
                throw CensusError.irregularMask(file: file, detail: "the x spacing (\(CensusError.format(a)) m) and the y spacing "
                                                + "(\(CensusError.format(b)) m) differ; secr masks have square cells")
            }
            spacing = (a + b) / 2
        }
        let x0 = x.min()!, y0 = y.min()!
        for m in x.indices {
            let fx = (x[m] - x0) / spacing, fy = (y[m] - y0) / spacing
            if abs(fx - fx.rounded()) > 1e-3 || abs(fy - fy.rounded()) > 1e-3 {
                throw CensusError.irregularMask(file: "\(file):\(lines[m])", detail: "point x = \(CensusError.format(x[m])), "
                                                + "y = \(CensusError.format(y[m])) is off the grid of spacing \(CensusError.format(spacing)) m")
            }
        }
        return spacing
    }

    /// The smallest positive gap between distinct values (nil for one value), refined over the whole range when the
    /// range is a whole number of gaps.
    static func step(_ values: [Double]) -> Double? {
        let sorted = values.sorted()
        let range = sorted.last! - sorted.first!
        let fuzz = 1e-9 * max(1, abs(sorted.first!), abs(sorted.last!))
        var smallest = Double.infinity
        for i in 1..<max(1, sorted.count) where sorted[i] - sorted[i - 1] > fuzz { smallest = min(smallest, sorted[i] - sorted[i - 1]) }
        guard smallest.isFinite else { return nil }
        let refined = range / (range / smallest).rounded()
        return abs(refined - smallest) <= 1e-6 * smallest ? refined : smallest
    }
}
