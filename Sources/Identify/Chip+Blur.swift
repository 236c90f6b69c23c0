import CRosetteNative

extension Chip {
    /// This chip after a horizontal motion blur: every pixel the mean of `length` horizontal neighbours.
    ///
    /// Camera traps smear animals walking past horizontally (mostly at night, with long infrared
    /// exposures); `FeatureExtractor` describes such a copy so that sharp and smeared photos of a flank match.
    public func motionBlurred(length: Int) throws -> Chip {
        var out = [UInt8](repeating: 0, count: pixels.count)
        var err = [CChar](repeating: 0, count: 256)
        let status = pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer {
                rsn_motion_blur(src.baseAddress, Int32(width), Int32(height), width, $0.baseAddress, Int32(length), &err,
                                Int32(err.count))
            }
        }
        guard status == 0 else { throw IdentifyError.native(operation: "motion blur", reason: cString(err)) }
        return Chip(width: width, height: height, pixels: out, placement: placement)
    }
}
