import Foundation
import Identify
import Testing
import TestSupport

/// The generated tiny descriptor network (scripts/make-test-descriptor.py) and the networks Rosette must refuse.
enum DescriptorFixtures {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    struct Reference: Decodable {
        struct Synthetic: Decodable { var k: Int; var embedding: [Double] }
        var inputSize: Int
        var dimension: Int
        var synthetic: [Synthetic]
    }

    static func reference() throws -> Reference {
        try JSONDecoder().decode(Reference.self, from: Data(contentsOf: URL(fileURLWithPath: path("tiny-descriptor-reference.json"))))
    }

    static func model(inputSize: Int = 32) throws -> DescriptorModel {
        var options = DescriptorOptions(modelPath: path("tiny-descriptor.onnx"))
        options.inputSize = inputSize
        return try DescriptorModel(options: options)
    }

    /// Byte i of synthetic crop k, as in the script.
    static func syntheticCrop(_ k: Int, size: Int) -> [UInt8] {
        (0..<(size * size * 3)).map { i in UInt8((i * 7 + k * 31 + (i / (3 * size)) * 5) % 256) }
    }
}

@Suite struct DescriptorModelTests {
    @Test func tinyNetworkEmbedsLikeOnnxRuntime() throws {
        let reference = try DescriptorFixtures.reference()
        let model = try DescriptorFixtures.model(inputSize: reference.inputSize)
        #expect(model.dimension == reference.dimension)
        for r in reference.synthetic {
            let crop = DescriptorFixtures.syntheticCrop(r.k, size: reference.inputSize)
            let e = try model.embedding(crop: crop)
            #expect(e.count == reference.dimension)
            let worst = zip(e, r.embedding).map { abs(Double($0) - $1) }.max() ?? 1
            #expect(worst < 1e-4, "crop \(r.k): largest difference from onnxruntime \(worst)")
            let norm = e.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-5)
            #expect(try model.embedding(crop: crop) == e, "a second run gives the same bits")
        }
    }

    @Test func photoEmbeddingIsDeterministicAndCached() throws {
        let model = try DescriptorFixtures.model()
        let image = FlankFixtures.twoSided.dataset.images[0]
        let folder = TemporaryDirectory()
        let cache = DescriptorCache(directory: folder.url)
        let first = try DescriptorEmbedder(model: model, cache: cache).embedding(path: image.path, box: image.box)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
        #expect(files.count == 1)
        #expect(files[0].contains(model.contentHash))
        let again = try DescriptorEmbedder(model: model, cache: nil).embedding(path: image.path, box: image.box)
        #expect(again == first)
        let cached = try DescriptorEmbedder(model: model, cache: cache).embedding(path: image.path, box: image.box)
        #expect(cached == first)
        let other = FlankFixtures.twoSided.dataset.images[5]
        #expect(try DescriptorEmbedder(model: model, cache: nil).embedding(path: other.path, box: other.box) != first)
    }

    static let refusals: [(file: String, expected: String)] = [
        ("descriptor-grey-input.onnx", "expected an input of 1×3×32×32 (RGB; or dynamic), found the network takes 1×1×32×32 (one grey channel)"),
        ("descriptor-image-output.onnx", "(1×D or 1×D×1×1), found 1×8×8×8 (an image or feature map, not one vector)"),
        ("descriptor-short-output.onnx", "expected an output vector of at least 8 values (1×D or 1×D×1×1), found a vector of 4 values (1×4)"),
    ]

    @Test(arguments: refusals)
    func badNetworkIsRefusedNamingFileAndExpectation(file: String, expected: String) throws {
        let path = DescriptorFixtures.path(file)
        var options = DescriptorOptions(modelPath: path)
        options.inputSize = 32
        let error = #expect(throws: IdentifyError.self) { try DescriptorModel(options: options) }
        let message = error.map { "\($0)" } ?? ""
        print("refused: \(message)")
        #expect(message.hasPrefix(path + ": not a usable descriptor model: expected "))
        #expect(message.contains(expected))
    }

    @Test func notOnnxMissingFileAndWrongSizeAreRefused() throws {
        let folder = TemporaryDirectory()
        let text = folder.url.appendingPathComponent("model.onnx")
        try "not a network\n".write(to: text, atomically: true, encoding: .utf8)
        for (path, size, words) in [(text.path, 32, "an ONNX model OpenCV can read"),
                                    (folder.url.appendingPathComponent("none.onnx").path, 32, "no readable file"),
                                    (DescriptorFixtures.path("tiny-descriptor.onnx"), 48, "1×3×48×48")] {
            var options = DescriptorOptions(modelPath: path)
            options.inputSize = size
            let error = #expect(throws: IdentifyError.self) { try DescriptorModel(options: options) }
            let message = error.map { "\($0)" } ?? ""
            print("refused: \(message)")
            #expect(message.hasPrefix(path + ":"))
            #expect(message.contains(words))
        }
    }
}
