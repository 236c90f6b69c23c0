import Census
import Foundation
import Testing

/// Minimum convex polygons, kernel UDs and range overlaps against hand-computed values.
@Suite struct HomeRangeTests {
    typealias P = PlanarGeometry.Point

    func range(_ points: [P], id: String = "L1") -> HomeRange { HomeRange(individualID: id, year: 2024, locations: points) }

    @Test func mcp100OfARectangleAndATriangleIgnoresInteriorPoints() {
        // 4 km × 2 km rectangle with three interior points: 8 km².
        let rectangle = range([P(0, 0), P(4000, 0), P(4000, 2000), P(0, 2000), P(1000, 1000), P(2000, 500), P(3000, 1500)])
        #expect(abs(rectangle.mcp100SquareKilometres - 8) < 1e-9)
        #expect(rectangle.mcp100.count == 4)
        // Right triangle with legs 3 km: 4.5 km²; interior and edge points do not change it.
        let triangle = range([P(0, 0), P(3000, 0), P(0, 3000), P(500, 500), P(1000, 1000), P(1500, 0)])
        #expect(abs(triangle.mcp100SquareKilometres - 4.5) < 1e-9)
    }

    @Test func mcp95DropsTheKnownOutlier() {
        // 19 points on and inside a 4 × 2 km rectangle, one outlier 6 km east of it.
        var points = [P(0, 0), P(4000, 0), P(4000, 2000), P(0, 2000)]
        for i in 1...3 { for j in 1...5 { points.append(P(Double(j) * 666, Double(i) * 500)) } }
        points.append(P(10_000, 1000))
        #expect(points.count == 20)
        let r = range(points)
        // With the outlier: rectangle 8 km² + triangle (base 2 km on x = 4 km, apex 6 km away) 6 km².
        #expect(abs(r.mcp100SquareKilometres - 14) < 1e-9)
        #expect(r.mcp95Kept == 19)
        #expect(abs(r.mcp95SquareKilometres - 8) < 1e-9)
        #expect(!HomeRange.mcpLocations(points, percent: 95).contains(P(10_000, 1000)))
    }

    @Test(arguments: [5, 10, 20, 21, 40])
    func mcp95KeepsTheCountAdehabitatKeeps(_ n: Int) {
        // Distinct distances from the mean (a widening spiral): R's quantile(type 7) keeps ⌊0.95(n − 1)⌋ + 1.
        let points = (0..<n).map { k -> P in
            let angle: Double = Double(k) * 2.4, radius: Double = Double(k + 1) * 100
            return P(cos(angle) * radius, sin(angle) * radius)
        }
        #expect(HomeRange.mcpLocations(points, percent: 95).count == Int((0.95 * Double(n - 1)).rounded(.down)) + 1)
        #expect(HomeRange.mcpLocations(points, percent: 100).count == n)
    }

    @Test func repeatedStationPointsCountAsLocationsButNotAsArea() {
        // Five detections at two stations: 5 locations, 2 distinct, MCP area 0; a kernel (n ≥ 5) with spread.
        let r = range([P(0, 0), P(0, 0), P(0, 0), P(2000, 0), P(2000, 0)])
        #expect(r.locations.count == 5 && r.distinctLocations == 2)
        #expect(r.mcp100SquareKilometres == 0)
        #expect(r.kernel != nil)
        // One station only: no spread, so no reference bandwidth and no kernel.
        #expect(range(Array(repeating: P(0, 0), count: 6)).kernel == nil)
        #expect(range([P(0, 0), P(1, 1), P(2, 2), P(3, 3)]).kernel == nil)   // fewer than 5 locations
    }

    @Test func referenceBandwidthFollowsTheStatedRule() throws {
        // Square corners and centre, 1 km side: s² = 250 000 m² in x and y, h = 500 · 5^(−1/6).
        let h = try #require(KernelRange.referenceBandwidth([P(0, 0), P(1000, 0), P(0, 1000), P(1000, 1000), P(500, 500)]))
        #expect(abs(h - 500 * pow(5, -1.0 / 6)) < 1e-9)
    }

    @Test(arguments: [(8.0, 0.005), (20.0, 0.002)])
    func kernel95AreaOfAPointClusterApproachesTheBivariateNormalArea(_ cellsPerBandwidth: Double, _ tolerance: Double) throws {
        // A tight symmetric cluster (±1 m) under h = 1 km is one bivariate normal with σ = h:
        // the 95% region is a disc of area π h² (−2 ln 0.05) = 18.82 km².
        let cluster = [P(-1, -1), P(1, -1), P(1, 1), P(-1, 1), P(0, 0)]
        let k = try #require(KernelRange(locations: cluster, bandwidth: 1000, cellsPerBandwidth: cellsPerBandwidth))
        let theory = Double.pi * 1000 * 1000 * (-2 * log(0.05)) / 1e6
        #expect(abs(k.isopleth95SquareKilometres / theory - 1) < tolerance, "\(k.isopleth95SquareKilometres) vs \(theory)")
        #expect(abs(k.grid.values.reduce(0, +) * k.grid.cellArea - 1) < 1e-9)   // the UD has volume 1
    }

    @Test func identicalRangesOverlapFullyAndDisjointOnesNotAtAll() throws {
        let a = [P(0, 0), P(2000, 0), P(2000, 2000), P(0, 2000), P(1000, 1000)]
        let same = try #require(RangeOverlap.between(range(a, id: "A"), range(a, id: "B")))
        #expect(same.method == .kernelVolumeOfIntersection)
        #expect(abs(same.overlap - 1) < 1e-9)
        let far = a.map { $0 + P(100_000, 0) }
        let apart = try #require(RangeOverlap.between(range(a, id: "A"), range(far, id: "C")))
        #expect(apart.overlap == 0 && apart.sharedSquareKilometres == 0)
        #expect(RangeOverlap.pairs([range(a, id: "A"), range(a, id: "B"), range(far, id: "C")]).map { [$0.first, $0.second] } == [["A", "B"]])
    }

    @Test func mcpOverlapIsTheIntersectionOverTheSmallerPolygon() throws {
        // Fewer than 5 locations: no kernels, so MCPs. 2 × 2 km squares offset 1 km east: 2 km² shared of 4.
        let a = [P(0, 0), P(2000, 0), P(2000, 2000), P(0, 2000)]
        let b = a.map { $0 + P(1000, 0) }
        let o = try #require(RangeOverlap.between(range(a, id: "A"), range(b, id: "B")))
        #expect(o.method == .mcpIntersection)
        #expect(abs(o.overlap - 0.5) < 1e-12 && abs(o.sharedSquareKilometres - 2) < 1e-12)
        #expect(abs(try #require(RangeOverlap.between(range(a, id: "A"), range(a, id: "A2"))).overlap - 1) < 1e-12)
        // A small square inside a big one overlaps fully (relative to the smaller).
        let inner = [P(500, 500), P(1000, 500), P(1000, 1000), P(500, 1000)]
        #expect(abs(try #require(RangeOverlap.between(range(a, id: "A"), range(inner, id: "I"))).overlap - 1) < 1e-12)
        #expect(PlanarGeometry.clipConvex(a, by: a.map { $0 + P(5000, 0) }).isEmpty)
    }

    @Test func gridOutlinesFollowCellEdgesWithHoles() {
        // An L of three cells: one ring of 6 corners, area 3 cells.
        let l = GridOutline.polygons(cells: [(0, 0), (1, 0), (0, 1)], originX: 50, originY: 50, spacing: 100)
        #expect(l.count == 1 && l[0].count == 1 && l[0][0].count == 6)
        #expect(abs(PlanarGeometry.signedArea(l[0][0]) - 30_000) < 1e-9)
        // A 3 × 3 block without its centre: outer ring (counter-clockwise) and a clockwise hole.
        var ring: [(i: Int, j: Int)] = []
        for i in 0..<3 { for j in 0..<3 where !(i == 1 && j == 1) { ring.append((i, j)) } }
        let donut = GridOutline.polygons(cells: ring, originX: 0, originY: 0, spacing: 10)
        #expect(donut.count == 1 && donut[0].count == 2)
        #expect(abs(PlanarGeometry.signedArea(donut[0][0]) - 900) < 1e-9 && abs(PlanarGeometry.signedArea(donut[0][1]) + 100) < 1e-9)
        // Cells touching at a corner only are two polygons.
        #expect(GridOutline.polygons(cells: [(0, 0), (1, 1)], originX: 0, originY: 0, spacing: 1).count == 2)
    }
}
