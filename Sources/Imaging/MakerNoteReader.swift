import CRosetteNative
import Core

/// Parses a camera trap's raw maker note (the bytes of Exif.Photo.MakerNote) into a `CameraTrapReading`.
///
/// Ingest does not call this: the metadata read already parses the note from the same buffer
/// (`PhotoMetadata.cameraTrap`). It is the seam for tests and for notes taken from elsewhere.
public enum MakerNoteReader {
    /// Why a note gave no reading.
    public enum Failure: Error, Sendable, Equatable {
        /// A known signature followed by too few bytes, with the native message.
        case malformed(String)
    }

    /// The reading, nil when the note is not one Rosette reads ("not present"); throws `Failure.malformed`
    /// when a known signature is followed by too few bytes.
    public static func read(_ note: [UInt8], make: String?) throws -> CameraTrapReading? {
        var raw = rsn_camera_reading()
        var err = [CChar](repeating: 0, count: 256)
        let status = note.withUnsafeBufferPointer { bytes in
            (make ?? "").withCString { rsn_makernote_parse(bytes.baseAddress, bytes.count, $0, &raw, &err, Int32(err.count)) }
        }
        switch status {
        case 0: return CameraTrapReading(raw)
        case 1: return nil
        default: throw Failure.malformed(cMessage(err))
        }
    }
}

extension CameraTrapReading {
    /// The reading the native parser filled, nil when its layout is none.
    init?(_ raw: rsn_camera_reading) {
        let maker: String
        switch raw.layout {
        case Int32(RSN_MAKERNOTE_RECONYX_HYPERFIRE): maker = "reconyx-hyperfire"
        case Int32(RSN_MAKERNOTE_RECONYX_ULTRAFIRE): maker = "reconyx-ultrafire"
        case Int32(RSN_MAKERNOTE_RECONYX_HYPERFIRE2): maker = "reconyx-hyperfire2"
        default: return nil
        }
        let letter = raw.trigger > 0 ? Unicode.Scalar(UInt32(raw.trigger)).map(Character.init) : nil
        let temperature: Double? = raw.temperatureC > -1000 ? Double(raw.temperatureC)
            : raw.temperatureF > -1000 ? ((Double(raw.temperatureF) - 32) * 5 / 9).rounded() : nil
        self.init(maker: maker, trigger: Trigger(letter: letter), triggerLetter: letter.map { String($0) },
                  sequenceIndex: raw.sequenceIndex > 0 ? Int(raw.sequenceIndex) : nil,
                  sequenceLength: raw.sequenceLength > 0 ? Int(raw.sequenceLength) : nil,
                  eventNumber: raw.eventNumber >= 0 ? raw.eventNumber : nil,
                  temperatureC: temperature,
                  moonPhase: raw.moonPhase >= 0 ? Int(raw.moonPhase) : nil,
                  batteryVolts: raw.batteryMillivolts > 0 ? Double(raw.batteryMillivolts) / 1000 : nil)
    }
}
