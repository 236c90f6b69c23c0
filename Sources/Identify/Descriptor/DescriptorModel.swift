import CRosetteNative
import Foundation

/// A global descriptor network (ONNX, through OpenCV dnn), loaded and checked before any photo.
///
/// Loading refuses, naming the file: a missing or unparsable file; an input that is not 1×3×S×S (or dynamic);
/// a forward pass on a blank S×S input that fails; an output that is not one vector of at least
/// `DescriptorOptions.minimumDimension` finite values. Forward passes are serialised by a lock (OpenCV runs
/// each on several threads itself), so one model serves every worker.
public final class DescriptorModel: @unchecked Sendable {
    public let options: DescriptorOptions
    /// D: the length of the embedding.
    public let dimension: Int
    /// A hash of the file's bytes (FNV-1a, 64 bits, hex): a changed model never reuses cached embeddings.
    public let contentHash: String
    private let handle: OpaquePointer
    private let lock = NSLock()
    private var output: [Float]
    private let mean: [Float], std: [Float]

    /// Loads `options.modelPath` and checks its signature; throws `IdentifyError.badDescriptor` naming the file.
    public init(options: DescriptorOptions) throws {
        self.options = options
        let path = options.modelPath
        guard options.mean.count == 3, options.std.count == 3, options.std.allSatisfy({ $0 > 0 }) else {
            throw IdentifyError.badDescriptor(path: path, expected: "3 mean values and 3 positive std values (R, G, B)",
                                              found: "mean \(options.mean), std \(options.std)")
        }
        guard options.inputSize >= 8 else {
            throw IdentifyError.badDescriptor(path: path, expected: "an input size of at least 8 pixels", found: "\(options.inputSize)")
        }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            throw IdentifyError.badDescriptor(path: path, expected: "an ONNX model file", found: "no readable file")
        }
        contentHash = Self.fnv1a(data)
        rsn_initialize()
        var err = [CChar](repeating: 0, count: 1024)
        var d: Int32 = 0
        guard let h = rsn_descriptor_open(path, Int32(options.inputSize), Int32(DescriptorOptions.minimumDimension), &d, &err,
                                          Int32(err.count)) else {
            let message = cString(err)
            let size = "\(options.inputSize)"
            if message.hasPrefix("input: ") {
                throw IdentifyError.badDescriptor(path: path, expected: "an input of 1×3×\(size)×\(size) (RGB; or dynamic)",
                                                  found: String(message.dropFirst(7))
                                                      + (message.contains("channel") ? "" : "; check --descriptor-input-size"))
            }
            if message.hasPrefix("output: ") {
                throw IdentifyError.badDescriptor(path: path, expected: "an output vector of at least "
                                                  + "\(DescriptorOptions.minimumDimension) values (1×D or 1×D×1×1)",
                                                  found: String(message.dropFirst(8)))
            }
            throw IdentifyError.badDescriptor(path: path, expected: "an ONNX model OpenCV can read", found: message)
        }
        handle = h
        dimension = Int(d)
        output = [Float](repeating: 0, count: Int(d))
        mean = options.mean.map(Float.init)
        std = options.std.map(Float.init)
    }

    deinit { rsn_descriptor_close(handle) }

    /// The L2-normalised embedding of an S×S RGB crop (S×S×3 bytes, interleaved, no padding).
    public func embedding(crop: [UInt8]) throws -> [Float] {
        precondition(crop.count == options.inputSize * options.inputSize * 3)
        var err = [CChar](repeating: 0, count: 512)
        let raw: [Float] = try lock.withLock {
            guard rsn_descriptor_run(handle, crop, mean, std, &output, &err, Int32(err.count)) == 0 else {
                throw IdentifyError.native(operation: "descriptor network", reason: cString(err))
            }
            return output
        }
        return Self.normalised(raw)
    }

    /// `v` scaled to unit length (all zeros stays zeros).
    public static func normalised(_ v: [Float]) -> [Float] {
        let norm = v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0, norm.isFinite else { return v.map { _ in 0 } }
        return v.map { Float(Double($0) / norm) }
    }

    static func fnv1a(_ data: Data) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return String(hash, radix: 16)
    }
}
