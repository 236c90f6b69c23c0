import Foundation
import Testing
@testable import Simulate

/// Renders every body kind side-on in daylight to `$ROSETTE_GALLERY` (when set) for eyeballing,
/// and checks each covers a sensible share of its box.
@Suite struct GalleryTests {
    @Test(arguments: BodyKind.allCases)
    func bodyCoversItsBox(kind: BodyKind) throws {
        let model = BodyModel.make(kind, variant: 3)
        let coat = kind == .leopard ? CoatTexture.leopard(model: model, seed: 9) : CoatTexture.coat(for: model, seed: 9)
        let width = 640, height = 480
        let scale = Double(width) * 0.8 / (model.domain.maxX - model.domain.minX)
        let fit = min(scale, Double(height) * 0.9 / model.domain.maxY)
        let placement = Placement(originX: Double(width) / 2 - (model.domain.minX + model.domain.maxX) / 2 * fit, groundY: Double(height) * 0.95,
                                  scale: fit, direction: 1, foreshortening: 1,
                                  pose: Pose(phase: 0.7, stride: 0.8, head: 0, tail: 0), blur: 0, night: false, flashGain: 1, light: 1)
        let layer = try #require(SubjectLayer(model: model, coat: coat, placement: placement, frameWidth: width, frameHeight: height))
        let box = try #require(layer.visibleBox())
        var covered = 0
        for j in 0..<layer.height { for i in 0..<layer.width where layer.pixels[(j * layer.width + i) * 4 + 3] >= 0.5 { covered += 1 } }
        let fill = Double(covered) / Double(box.width * box.height)
        #expect(fill > 0.2 && fill < 0.95, "\(kind) fills \(fill) of its box")
        if let dir = ProcessInfo.processInfo.environment["ROSETTE_GALLERY"] {
            var rgb = [UInt8](repeating: 200, count: width * height * 3)
            for j in 0..<layer.height {
                for i in 0..<layer.width {
                    let s = (j * layer.width + i) * 4, a = layer.pixels[s + 3]
                    let o = ((layer.y0 + j) * width + layer.x0 + i) * 3
                    for c in 0..<3 { rgb[o + c] = clampByte(Float(rgb[o + c]) * (1 - a) + layer.pixels[s + c]) }
                }
            }
            try rgb.withUnsafeBufferPointer { p in
                try PPMEncoder().writeJPEG(pixels: p, width: width, height: height, channels: 3, quality: 90,
                                           exif: SimulatedEXIF(dateTimeOriginal: "", subSecTimeOriginal: nil, make: "", model: "", serialNumber: ""),
                                           to: URL(fileURLWithPath: dir).appendingPathComponent("\(kind.rawValue).ppm"))
            }
        }
    }
}
