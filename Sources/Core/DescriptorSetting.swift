/// A survey's `[identify]` settings for an optional global descriptor network (an ONNX embedding model such as
/// MegaDescriptor), used by every command that ranks catalogued individuals (identify, review, the web app).
///
/// `descriptor_model` is a path, relative to the survey folder unless absolute; empty means no descriptor.
public struct DescriptorSetting: Sendable, Equatable {
    public var modelPath: String = ""
    /// The network's square input side in pixels.
    public var inputSize: Int = 224
    /// Normalisation of the RGB input scaled to 0–1: (v − mean) / std per channel (ImageNet's by default).
    public var mean: [Double] = [0.485, 0.456, 0.406]
    public var std: [Double] = [0.229, 0.224, 0.225]

    public init() {}

    /// The `[identify]` section as written to rosette.toml.
    var tomlText: String {
        """
        [identify]
        # An ONNX global descriptor (e.g. MegaDescriptor exported to ONNX) fused with the coat-pattern match; "" for none.
        # The path is relative to the survey folder unless absolute. Input: 1×3×S×S RGB, (v/255 − mean) / std.
        descriptor_model = "\(modelPath.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"
        descriptor_input_size = \(inputSize)
        descriptor_mean = "\(Self.list(mean))"
        descriptor_std = "\(Self.list(std))"

        """
    }

    static func list(_ values: [Double]) -> String { values.map { String($0) }.joined(separator: ", ") }

    /// Applies one `[identify]` key (its value already unquoted, or the input size as digits).
    mutating func apply(key: String, text: String, file: String, line: Int) throws {
        switch key {
        case "descriptor_model": modelPath = text
        case "descriptor_input_size":
            guard let n = Int(text), n >= 8 else {
                throw RosetteError.badSetting(file: file, line: line, detail: "descriptor_input_size: expected at least 8, found \(text)")
            }
            inputSize = n
        case "descriptor_mean", "descriptor_std":
            let values = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 3, values.allSatisfy({ $0 != nil }), key == "descriptor_mean" || values.allSatisfy({ $0! > 0 }) else {
                throw RosetteError.badSetting(file: file, line: line,
                                              detail: "\(key): expected three numbers (R, G, B) separated by commas, found \"\(text)\"")
            }
            if key == "descriptor_mean" { mean = values.map { $0! } } else { std = values.map { $0! } }
        default:
            throw RosetteError.badSetting(file: file, line: line, detail: "unknown setting [identify] \(key)")
        }
    }
}
