import Foundation

/// Checks that a file the server is about to send lies inside one of the survey's media folders (or its
/// cache of video frames), after resolving `..` and every symlink, so neither a crafted path nor a link placed
/// in a media folder can make it read anything else.
struct MediaPathGuard: Sendable {
    let allowedRoots: [String]

    init(roots: [String]) {
        allowedRoots = roots.map { Self.resolve($0) }.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The resolved path when it is inside an allowed root; else `WebError.pathEscape`.
    func check(_ path: String) throws -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains("..") { throw WebError.pathEscape(path: path) }
        let resolved = Self.resolve(path)
        guard allowedRoots.contains(where: { resolved.hasPrefix($0) }) else { throw WebError.pathEscape(path: path) }
        return resolved
    }

    static func resolve(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(r) }
        return String(cString: r)
    }
}
