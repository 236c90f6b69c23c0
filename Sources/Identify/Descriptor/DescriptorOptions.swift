import Foundation

/// How a user-supplied global descriptor network is fed: its file, square input size and normalisation.
///
/// The network takes a 1×3×S×S float tensor (NCHW, RGB, each value (v/255 − mean[c]) / std[c]) and gives one
/// vector (1×D or 1×D×1×1). The defaults are those of MegaDescriptor-T/L-224: S = 224, ImageNet mean and std.
public struct DescriptorOptions: Sendable, Equatable {
    /// The ONNX file.
    public var modelPath: String
    /// S: the side of the square input, in pixels.
    public var inputSize: Int = 224
    /// Per-channel mean (R, G, B) of values scaled to 0–1.
    public var mean: [Double] = [0.485, 0.456, 0.406]
    /// Per-channel standard deviation (R, G, B), all positive.
    public var std: [Double] = [0.229, 0.224, 0.225]
    /// Margin added on each side of the box before cropping, as a fraction of its size (as `ChipPreparer`).
    public var margin: Double = ChipPreparer.Options().margin
    /// Gallery photos ranked against the rest to calibrate the fusion (a cap: cost grows with it).
    public var calibrationQueries: Int = 48
    /// Shortest output vector accepted.
    public static let minimumDimension = 8

    public init(modelPath: String) { self.modelPath = modelPath }

    /// A short text of the input settings, for cache keys.
    var inputKey: String {
        let numbers = (mean + std).map { String(Int(($0 * 10000).rounded())) }.joined(separator: "_")
        return "s\(inputSize)m\(Int((margin * 100).rounded()))n\(numbers)"
    }
}
