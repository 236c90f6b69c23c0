import Foundation

/// What can go wrong while identifying individuals, with the file, box or value at fault.
///
/// The wording shown to a person lives in `IdentifyError+Wording.swift`.
public enum IdentifyError: Error, Sendable, Equatable {
    /// The photo does not exist or cannot be read.
    case missingFile(path: String)
    /// The photo could not be decoded.
    case undecodable(path: String, reason: String)
    /// The box lies (partly) outside the photo.
    case boxOutsideImage(path: String, box: PixelBox, imageWidth: Int, imageHeight: Int)
    /// The box is too small to show a coat pattern.
    case tinyCrop(path: String, box: PixelBox, minimum: Int)
    /// There is nothing to match against.
    case emptyGallery
    /// A chip gave no pattern features (e.g. a blank or blurred crop).
    case noFeatures(path: String)
    /// A native (OpenCV) operation failed.
    case native(operation: String, reason: String)
    /// A dataset file is missing or malformed.
    case badDataset(file: String, line: Int, detail: String)
    /// A cached feature file is damaged (it is rebuilt).
    case badCacheFile(path: String)
    /// A box is given relative to a photo whose pixel size is not known.
    case unknownImageSize(path: String)
    /// A global descriptor model is missing, unreadable, or does not take / give what is expected.
    case badDescriptor(path: String, expected: String, found: String)
}
