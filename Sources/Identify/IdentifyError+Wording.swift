import Foundation

extension IdentifyError: CustomStringConvertible, LocalizedError {
    /// The message shown to a person: what is wrong, where, and what to do.
    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such photo (moved or deleted?)"
        case .undecodable(let path, let reason):
            return "\(path): not a readable image (\(reason))"
        case .boxOutsideImage(let path, let box, let w, let h):
            return "\(path): box \(box) lies outside the \(w)×\(h) photo; check the box coordinates (pixels, top-left origin)"
        case .tinyCrop(let path, let box, let minimum):
            return "\(path): box \(box) is too small to identify a coat pattern (needs at least \(minimum) px each way)"
        case .emptyGallery:
            return "no reference photos to match against: add individuals with reference photos first"
        case .noFeatures(let path):
            return "\(path): no coat-pattern features found in the box (blank, blurred or over-exposed?)"
        case .native(let operation, let reason):
            return "\(operation) failed: \(reason)"
        case .badDataset(let file, let line, let detail):
            return "\(file):\(line): \(detail)"
        case .badCacheFile(let path):
            return "\(path): damaged feature cache file; it will be rebuilt"
        case .unknownImageSize(let path):
            return "\(path): the photo's pixel size is unknown, so its box cannot be used (ingest it again?)"
        case .badDescriptor(let path, let expected, let found):
            return "\(path): not a usable descriptor model: expected \(expected), found \(found)"
        }
    }

    public var errorDescription: String? { description }
}
