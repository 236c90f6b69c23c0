import Foundation
import Imaging
import Testing
import TestSupport

@Suite struct JPEGRoundTripTests {
    @Test(arguments: [(1, 640, 480), (2, 320, 240), (4, 160, 120), (8, 80, 60)])
    func decodesDownscaledWhileDecoding(_ reduce: Int, _ width: Int, _ height: Int) throws {
        let bytes = try FixturePhotos.jpeg(width: 640, height: 480, seed: 3)
        let decoder = ImageDecoder()
        let grey = try decoder.decode(bytes: bytes, mode: .grey, reduce: reduce)
        #expect((grey.width, grey.height, grey.channels) == (width, height, 1))
        let colour = try decoder.decode(bytes: bytes, mode: .color, reduce: reduce)
        #expect((colour.width, colour.height, colour.channels) == (width, height, 3))
    }

    @Test func encodedPixelsSurviveWithinJPEGLoss() throws {
        let width = 64, height = 48
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height { for x in 0..<width { pixels[y * width + x] = UInt8(x * 4) } }
        let jpeg = try pixels.withUnsafeBufferPointer { try JPEGEncoder.encode(pixels: $0, width: width, height: height, channels: 1, quality: 95) }
        let view = try ImageDecoder().decode(bytes: jpeg, mode: .grey)
        var worst = 0
        for y in 0..<height { for x in 0..<width { worst = max(worst, abs(Int(view[x, y]) - x * 4)) } }
        #expect(worst <= 8)
    }

    @Test(arguments: [[UInt8](), [0xFF, 0xD8, 0xFF, 0xE0, 0, 0], Array("not an image at all".utf8)])
    func undecodableBytesAreAnErrorNotACrash(_ bytes: [UInt8]) {
        #expect(throws: (any Error).self) { try ImageDecoder().decode(bytes: bytes, name: "bad.jpg") }
    }
}

@Suite struct MetadataTests {
    @Test func writtenEXIFAndXMPReadBack() throws {
        let jpeg = try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07", subSec: "42", make: "Browning", model: "BTC-8E",
                                                serial: "SN123", tags: ["Species|Amur leopard", "individual|L07"])
        let m = try #require(jpeg.withUnsafeBytes { raw -> PhotoMetadata? in
            if case .metadata(let m) = MetadataReader.read(buffer: raw) { return m }
            return nil
        })
        #expect(m.dateTimeOriginal == "2024:09:03 21:15:07")
        #expect(m.dateTimeSource == "Exif.Photo.DateTimeOriginal")
        #expect(m.subSecTimeOriginal == "42")
        #expect((m.make, m.model, m.serialNumber) == ("Browning", "BTC-8E", "SN123"))
        #expect((m.pixelWidth, m.pixelHeight) == (160, 120))
        #expect(m.hierarchicalSubjects == ["Species|Amur leopard", "individual|L07"])
    }

    @Test func aBufferThatEndsBeforeTheImageDataAsksForTheWholeFile() throws {
        let jpeg = try FixturePhotos.cameraJPEG(time: "2024:09:03 21:15:07")
        let result = jpeg.withUnsafeBytes { MetadataReader.read(buffer: UnsafeRawBufferPointer(rebasing: $0[..<40])) }
        guard case .needWholeFile = result else {
            Issue.record("expected needWholeFile for a 40-byte prefix")
            return
        }
    }

    @Test(.enabled(if: SharedData.isPresent, SharedData.skipMessage))
    func readsCamtrapRTags() throws {
        let file = SharedData.camtrapRPictures.appendingPathComponent("sample_images_indiv_tag/LeopardCat/StationA__2009-04-21__00-40-00(1).JPG")
        let m = try MetadataReader.read(path: file.path)
        #expect(m.dateTimeOriginal == "2009:04:21 00:40:00")
        #expect((m.make, m.model) == ("G4", "CUDDEBACK"))
        #expect((m.pixelWidth, m.pixelHeight) == (100, 75))
        #expect(m.hierarchicalSubjects == ["Species|Leopard Cat", "individual|2"])
    }

    @Test func aMissingFileIsANamedError() {
        #expect(throws: (any Error).self) { try MetadataReader.read(path: "/nonexistent/IMG_0001.JPG") }
    }
}
