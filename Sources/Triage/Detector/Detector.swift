/// The seam between triage and a detector backend: boxes for one photo.
///
/// One instance per thread: backends (e.g. an OpenCV network) are not safe for concurrent calls.
public protocol Detector {
    /// Stored as `classifiedBy` of the detections.
    var name: String { get }
    /// The detections in a photo file, best first; throws when the photo cannot be read.
    func detect(path: String) throws -> [Detection]
}
