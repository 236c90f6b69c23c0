import Store

/// Finds the stored media a path from another tool names.
///
/// Paths may be relative to the media root (as stored), absolute, carry extra leading folders (the detector
/// ran on a parent folder: the longest stored path the given one ends with wins), or fewer (it ran on a
/// subfolder: the given path must end exactly one stored path). A path that merely shares a file name with a
/// stored one in another folder does not match. Backslashes are read as slashes.
public struct MediaPathMatcher: Sendable {
    /// The outcome for one path.
    public enum Match: Sendable, Equatable {
        case media(Int64)
        /// Several stored files end the same way; the path does not say which.
        case ambiguous(candidates: Int)
        case none
    }

    private var bySuffix: [String: [Int64]] = [:]
    private var byPath: [String: Int64] = [:]
    private var absolute: [String: Int64] = [:]

    /// Indexes every trailing run of components of every stored path.
    public init(media: [TriageMediaRef], roots: [Int64: String]) {
        for m in media {
            let parts = m.filePath.split(separator: "/")
            for start in parts.indices {
                bySuffix[parts[start...].joined(separator: "/"), default: []].append(m.mediaID)
            }
            byPath[m.filePath] = m.mediaID
            if let root = roots[m.rootID] { absolute[root + "/" + m.filePath] = m.mediaID }
        }
    }

    /// The stored media a path names.
    public func match(_ path: String) -> Match {
        let normalised = path.replacingOccurrences(of: "\\", with: "/")
        if let id = absolute[normalised] { return .media(id) }
        let parts = normalised.split(separator: "/").filter { $0 != "." }
        guard !parts.isEmpty else { return .none }
        if !normalised.hasPrefix("/"), let candidates = bySuffix[parts.joined(separator: "/")] {
            return candidates.count == 1 ? .media(candidates[0]) : .ambiguous(candidates: candidates.count)
        }
        for start in parts.indices.dropFirst() {
            if let id = byPath[parts[start...].joined(separator: "/")] { return .media(id) }
        }
        return .none
    }
}
