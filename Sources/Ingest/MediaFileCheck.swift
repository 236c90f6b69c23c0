import Core
import Foundation
import Store
#if canImport(Glibc)
import Glibc
#endif

/// Checks that every media row's file is still where ingest found it, as it was: present, same size and
/// modification time, and (with `contentKeys`) the same content key. Read-only; a missing or changed file is
/// reported, never "fixed" (the survey keeps what it knew; re-ingest reads a changed file again).
public struct MediaFileCheck: Sendable {
    /// Also recompute each file's content key (two 16 KiB reads per file).
    public var contentKeys: Bool
    /// A modification time may differ by this much (seconds; file systems keep different precision).
    public var timeTolerance: Double = 1

    public init(contentKeys: Bool = false) { self.contentKeys = contentKeys }

    /// Problems over every media file of the survey; `progress` is called with the number of files done.
    public func run(_ store: SurveyStore, progress: (Int) -> Void = { _ in }) throws -> (problems: [IntegrityProblem], checked: Int) {
        var problems: [IntegrityProblem] = []
        var checked = 0
        let reader = PhotoReader()
        try store.mediaFiles { file in
            checked += 1
            if checked % 200 == 0 { progress(checked) }
            let path = file.fullPath
            let subject = "media \(file.mediaID)"
            var st = stat()
            guard stat(path, &st) == 0 else {
                let why = String(cString: strerror(errno))
                problems.append(IntegrityProblem(
                    kind: .missingFile, subject: subject,
                    message: "\(path): \(why)" + (file.isVideoFrame ? " (a frame sampled from a video: ingest samples it again)" : ""),
                    fixable: false))
                return
            }
            let size = Int64(st.st_size), modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            var changes: [String] = []
            if size != file.size { changes.append("size \(file.size) → \(size) bytes") }
            if abs(modified - file.modified) > timeTolerance {
                let f = ISO8601DateFormatter()
                changes.append("modified \(f.string(from: Date(timeIntervalSince1970: file.modified))) → \(f.string(from: Date(timeIntervalSince1970: modified)))")
            }
            if contentKeys, size > 0 {
                do {
                    let key = try reader.read(path: path, displayPath: path, size: size, isJPEG: false).contentKey
                    if key != file.contentKey { changes.append("content key \(file.contentKey) → \(key)") }
                } catch {
                    changes.append("unreadable: \(error)")
                }
            }
            if !changes.isEmpty {
                problems.append(IntegrityProblem(kind: .changedFile, subject: subject,
                                                 message: "\(path): " + changes.joined(separator: ", "), fixable: false))
            }
        }
        return (problems, checked)
    }
}
