import ArgumentParser
import Foundation
import Identify

/// The optional global descriptor network of `reid eval` and `identify` (off unless a model is given).
struct DescriptorArguments: ParsableArguments {
    @Option(help: ArgumentHelp("An ONNX global descriptor (embedding) network to fuse with the coat-pattern match.",
                               discussion: "E.g. MegaDescriptor exported to ONNX. Input 1×3×S×S RGB, output one vector. "
                                   + "`identify` otherwise uses the survey's `[identify] descriptor_model`."),
            completion: .file(extensions: ["onnx"]))
    var descriptorModel: String?
    @Option(help: "The descriptor network's square input side S in pixels.")
    var descriptorInputSize: Int = 224
    @Option(help: "Mean of the R, G, B input (values scaled to 0–1), comma-separated.")
    var descriptorMean = "0.485,0.456,0.406"
    @Option(help: "Standard deviation of the R, G, B input, comma-separated.")
    var descriptorStd = "0.229,0.224,0.225"
    @Option(help: "Gallery photos ranked against the rest to calibrate the fusion.")
    var descriptorCalibration = 48

    func validate() throws {
        guard descriptorInputSize >= 8 else { throw ValidationError("--descriptor-input-size must be at least 8 pixels") }
        guard descriptorCalibration >= 1 else { throw ValidationError("--descriptor-calibration must be at least 1") }
        _ = try Self.triple(descriptorMean, name: "--descriptor-mean", positive: false)
        _ = try Self.triple(descriptorStd, name: "--descriptor-std", positive: true)
    }

    /// The model, loaded and checked (before any photo); nil without --descriptor-model.
    func load() throws -> DescriptorModel? {
        guard let descriptorModel else { return nil }
        var options = DescriptorOptions(modelPath: descriptorModel)
        options.inputSize = descriptorInputSize
        options.mean = try Self.triple(descriptorMean, name: "--descriptor-mean", positive: false)
        options.std = try Self.triple(descriptorStd, name: "--descriptor-std", positive: true)
        options.calibrationQueries = descriptorCalibration
        return try DescriptorModel(options: options)
    }

    static func triple(_ text: String, name: String, positive: Bool) throws -> [Double] {
        let values = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == 3, !positive || values.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("\(name) must be three\(positive ? " positive" : "") numbers (R,G,B) separated by commas, found '\(text)'")
        }
        return values
    }
}
