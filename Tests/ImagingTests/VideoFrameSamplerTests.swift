import Core
import Foundation
import Imaging
import Testing
import TestSupport

/// Frames sampled from clips written by OpenCV's VideoWriter: one per due time, never twice, at the frame's own time.
@Suite struct VideoFrameSamplerTests {
    @Test(arguments: [(10.0, 45, 1.0), (29.97, 90, 1.0), (30.0, 60, 2.0), (15.0, 31, 1.0), (10.0, 20, 0.5)])
    func oneFramePerDueTime(fps: Double, frames: Int, rate: Double) throws {
        let dir = TemporaryDirectory("sampler")
        let url = try VideoFixtures.writeClip(.avi, to: dir.path("clip.avi"), seconds: Double(frames) / fps, fps: fps)
        let sampler = try VideoFrameSampler(path: url.path)
        #expect(abs(sampler.info.fps - fps) < 0.01 && sampler.info.width == VideoFixtures.width)
        var offsets: [Double] = []
        try sampler.sample(rate: rate) { offsets.append($0.offset) }
        let lastFrame = Double(frames - 1) / fps
        #expect(offsets.count == Int(((lastFrame + 0.5 / fps) * rate).rounded(.down)) + 1, "\(offsets)")
        for (k, t) in offsets.enumerated() {
            #expect(abs(t - Double(k) / rate) <= 0.5 / fps + 1e-9, "sample \(k) at \(t) s")
        }
        #expect(sampler.framesRead == frames)
    }

    @Test func aFileThatIsNoVideoIsUndecodable() throws {
        let dir = TemporaryDirectory("sampler")
        let url = dir.path("x.mp4")
        try Data(repeating: 3, count: 2048).write(to: url)
        #expect(throws: RosetteError.self) { try VideoFrameSampler(path: url.path, displayPath: "/cards/x.mp4") }
    }
}
