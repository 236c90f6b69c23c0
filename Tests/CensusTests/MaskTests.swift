import Foundation
import Testing
@testable import Census

@Suite("Habitat masks")
struct MaskTests {
    let grid: TrapLayout = {
        var ids: [String] = [], xs: [Double] = [], ys: [Double] = []
        for i in 0..<5 {
            for j in 0..<4 {
                ids.append("T\(i)\(j)"); xs.append(Double(i) * 30 + 365); ys.append(Double(j) * 30 + 365)
            }
        }
        return TrapLayout(ids: ids, x: xs, y: ys)
    }()

    @Test func trapBufferFollowsSecrConstruction() throws {
        let buffer = 100.0
        let mask = try HabitatMask.trapBuffer(traps: grid, buffer: buffer)
        let xrange = grid.x.max()! - grid.x.min()!
        #expect(abs(mask.spacing - (xrange + 2 * buffer) / 64) < 1e-12)
        #expect(abs(mask.x.min()! - (grid.x.min()! - buffer + mask.spacing / 2)) < 1e-9)
        #expect(abs(mask.cellAreaHectares - mask.spacing * mask.spacing / 10_000) < 1e-15)
        // Every kept point lies within the buffer of a detector, and every grid point within it is kept.
        var expected = 0
        for iy in 0..<200 {
            for ix in 0..<64 {
                let x = grid.x.min()! - buffer + mask.spacing * (Double(ix) + 0.5)
                let y = grid.y.min()! - buffer + mask.spacing * (Double(iy) + 0.5)
                guard y <= grid.y.max()! + buffer else { continue }
                let near = (0..<grid.count).contains { (k: Int) -> Bool in
                    let dx: Double = grid.x[k] - x
                    let dy: Double = grid.y[k] - y
                    return (dx * dx + dy * dy).squareRoot() <= buffer
                }
                if near { expected += 1 }
            }
        }
        #expect(mask.count == expected)
    }

    @Test(.enabled(if: ReferenceData.isPresent, "../shared/reference not found: reference tests skipped"))
    func demoMaskSpacing() throws {
        let traps = try SECRTextFormat.readTraps(contentsOf: ReferenceData.url("secr-demo/trap.txt"))
        let mask = try HabitatMask.trapBuffer(traps: traps, buffer: 100)
        #expect(mask.spacing == 470.0 / 64)
        #expect(mask.count > 3000 && mask.count < 64 * 64)
    }

    @Test func polygonWithHoleAndCut() throws {
        let mask = try HabitatMask.trapBuffer(traps: grid, buffer: 100, spacing: 10)
        let geojson = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":
         {"type":"Polygon","coordinates":[[[300,300],[600,300],[600,600],[300,600],[300,300]],
                                          [[400,400],[450,400],[450,450],[400,450],[400,400]]]}}]}
        """
        let habitat = try GeoPolygon.parse(Data(geojson.utf8), fileName: "habitat.geojson")
        let kept = try mask.keeping(inside: habitat)
        #expect(kept.count < mask.count && kept.count > 0)
        for m in 0..<kept.count {
            let inHole = kept.x[m] > 400 && kept.x[m] < 450 && kept.y[m] > 400 && kept.y[m] < 450
            #expect(!inHole && kept.x[m] >= 300 && kept.y[m] <= 600, "\(kept.x[m]), \(kept.y[m])")
        }
        let border = try GeoPolygon.parse(Data("""
        {"type":"MultiPolygon","coordinates":[[[[0,0],[420,0],[420,1000],[0,1000],[0,0]]]]}
        """.utf8), fileName: "border.geojson")
        let cut = try kept.keeping(inside: border)
        #expect(cut.x.allSatisfy { $0 < 420 } && cut.count < kept.count)
        #expect(abs(cut.areaHectares - Double(cut.count) * 0.01) < 1e-9)
    }

    @Test func invalidGeoJSONIsReported() {
        #expect { try GeoPolygon.parse(Data("{\"type\":\"Point\",\"coordinates\":[1,2]}".utf8), fileName: "p.geojson") }
            throws: { "\($0)".contains("p.geojson") && "\($0)".contains("Point") }
        #expect { try GeoPolygon.parse(Data("not json".utf8), fileName: "q.geojson") } throws: { "\($0)".contains("q.geojson") }
    }
}
