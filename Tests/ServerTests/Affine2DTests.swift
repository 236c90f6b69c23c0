import Foundation
import Identify
import Server
import Testing

/// The locked zoom's map: least squares over matched pairs, its inverse, box onto box.
@Suite struct Affine2DTests {
    static let known: [Affine2D] = [
        Affine2D(a: 1, b: 0, c: 0, d: 0, e: 1, f: 0),
        Affine2D(a: 0.9, b: 0.1, c: 12, d: -0.05, e: 1.1, f: 4),
        Affine2D(a: 2.5, b: -0.4, c: -300, d: 0.3, e: 2.2, f: 150),
    ]

    @Test(arguments: known)
    func aFitRecoversTheTransformThePairsWereMadeWith(t: Affine2D) throws {
        let from: [(x: Double, y: Double)] = [(10, 20), (400, 35), (220, 310), (90, 250), (350, 280), (160, 90), (300, 150)]
        let to = from.map { t.apply($0.x, $0.y) }
        let fit = try #require(Affine2D.fit(from: from, to: to))
        for (got, want) in zip(fit.coefficients, t.coefficients) { #expect(abs(got - want) < 1e-9) }
        #expect(fit.residual(from: from, to: to) < 1e-9)
        let inverse = try #require(fit.inverse)
        for p in from {
            let q = fit.apply(p.x, p.y), back = inverse.apply(q.x, q.y)
            #expect(abs(back.x - p.x) < 1e-9 && abs(back.y - p.y) < 1e-9)
        }
    }

    @Test func noisyPairsGiveTheLeastSquaresFitWithASmallResidual() throws {
        let t = Affine2D(a: 1.2, b: 0.05, c: 30, d: -0.02, e: 0.95, f: -12)
        var from: [(x: Double, y: Double)] = [], to: [(x: Double, y: Double)] = []
        // A fixed ±0.5 px pattern of errors (mean zero in each coordinate).
        for i in 0..<40 {
            let p = (x: Double(i % 8) * 50, y: Double(i / 8) * 60)
            let q = t.apply(p.x, p.y)
            from.append(p)
            to.append((q.x + (i % 2 == 0 ? 0.5 : -0.5), q.y + (i % 4 < 2 ? 0.5 : -0.5)))
        }
        let fit = try #require(Affine2D.fit(from: from, to: to))
        #expect(abs(fit.a - t.a) < 0.01 && abs(fit.e - t.e) < 0.01 && abs(fit.c - t.c) < 2 && abs(fit.f - t.f) < 2)
        #expect(fit.residual(from: from, to: to) <= 0.75)
    }

    @Test func tooFewOrCollinearPairsGiveNoFit() {
        #expect(Affine2D.fit(from: [(0, 0), (1, 1)], to: [(0, 0), (1, 1)]) == nil)
        #expect(Affine2D.fit(from: [(0, 0), (1, 1), (2, 2), (5, 5)], to: [(0, 0), (2, 1), (3, 3), (1, 5)]) == nil)
    }

    @Test func boxOntoBoxMapsCornersToCorners() {
        let from = PixelBox(x: 40, y: 30, width: 80, height: 60), to = PixelBox(x: 500, y: 200, width: 320, height: 180)
        let m = Affine2D.boxRelative(from: from, to: to)
        let a = m.apply(40, 30), b = m.apply(120, 90)
        #expect(a.x == 500 && a.y == 200)
        #expect(b.x == 820 && b.y == 380)
    }
}
