import CRosetteNative

/// A decoded photo as motion triage sees it: a smoothed grey frame and how colourful the photo was.
///
/// One definition for motion triage (`MotionFrame`) and identification's static-scene mask (`BackgroundMask`),
/// so a photo reduced for the mask matches the camera's stored background pixel for pixel.
public struct MotionGrey: Sendable {
    public let width: Int
    public let height: Int
    public let grey: [UInt8]
    /// Mean |R−G|+|G−B| of the decoded colours: near 0 for infrared night frames.
    public let colourfulness: Float

    /// The shim's message when it could not make the grey frame.
    public struct Failure: Error, Sendable {
        public let message: String
    }

    /// Smooths `view` (usually a DCT-reduced decode) into grey.
    public init(view: DecodedImageView) throws(Failure) {
        var grey = [UInt8](repeating: 0, count: view.width * view.height)
        var colour: Float = 0
        var err = [CChar](repeating: 0, count: 256)
        let status = grey.withUnsafeMutableBufferPointer {
            rsn_motion_grey(view.pixels, Int32(view.width), Int32(view.height), Int32(view.channels), view.stride,
                            $0.baseAddress, &colour, &err, Int32(err.count))
        }
        guard status == 0 else { throw Failure(message: cMessage(err)) }
        width = view.width
        height = view.height
        self.grey = grey
        colourfulness = colour
    }
}
