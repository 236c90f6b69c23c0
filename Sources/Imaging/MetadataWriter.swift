import CRosetteNative
import Core
import Foundation

/// Writes EXIF and XMP into JPEG bytes through exiv2 (for generated photos, fixtures and benchmarks).
public enum MetadataWriter {
    /// What to set; nil fields are left as they are.
    public struct Update: Sendable {
        public var dateTimeOriginal: String?
        public var subSecTimeOriginal: String?
        public var make: String?
        public var model: String?
        public var serialNumber: String?
        public var hierarchicalSubjects: [String]
        public var clearExisting: Bool
        /// Raw maker-note bytes to store as Exif.Photo.MakerNote (fixtures of camera-trap notes); nil leaves it.
        public var makerNote: [UInt8]?

        public init(dateTimeOriginal: String? = nil, subSecTimeOriginal: String? = nil, make: String? = nil,
                    model: String? = nil, serialNumber: String? = nil, hierarchicalSubjects: [String] = [],
                    clearExisting: Bool = false, makerNote: [UInt8]? = nil) {
            self.dateTimeOriginal = dateTimeOriginal
            self.subSecTimeOriginal = subSecTimeOriginal
            self.make = make
            self.model = model
            self.serialNumber = serialNumber
            self.hierarchicalSubjects = hierarchicalSubjects
            self.clearExisting = clearExisting
            self.makerNote = makerNote
        }
    }

    /// Returns the JPEG with the metadata set.
    public static func apply(_ update: Update, to jpeg: [UInt8]) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var outSize = 0
        var err = [CChar](repeating: 0, count: 256)
        let subjects = update.hierarchicalSubjects.joined(separator: "\n")
        let status = withOptionalCString(update.dateTimeOriginal) { dto in
            withOptionalCString(update.subSecTimeOriginal) { sub in
                withOptionalCString(update.make) { make in
                    withOptionalCString(update.model) { model in
                        withOptionalCString(update.serialNumber) { serial in
                            subjects.withCString { subj in
                                (update.makerNote ?? []).withUnsafeBufferPointer { note in
                                    var u = rsn_metadata_update(dateTimeOriginal: dto, subSecTimeOriginal: sub, make: make,
                                                                model: model, serialNumber: serial, hierarchicalSubjects: subj,
                                                                clearExisting: update.clearExisting ? 1 : 0,
                                                                makerNote: note.count > 0 ? note.baseAddress : nil,
                                                                makerNoteSize: note.count)
                                    return jpeg.withUnsafeBufferPointer { src in
                                        rsn_metadata_write_buffer(src.baseAddress, src.count, &u, &out, &outSize, &err, Int32(err.count))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard status == 0, let out else {
            throw RosetteError.imageFailure(path: "(memory)", reason: "cannot write metadata: \(cMessage(err))")
        }
        defer { rsn_free(out) }
        return Array(UnsafeBufferPointer(start: out, count: outSize))
    }

    private static func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
        guard let s else { return body(nil) }
        return s.withCString { body($0) }
    }
}
