import Foundation

/// Checks on a path a package names: relative, inside the package, no `..`; URLs are accepted as they are.
enum PackagePath {
    /// True for an http(s)/ftp/file URL.
    static func isURL(_ path: String) -> Bool {
        guard let scheme = path.range(of: "://") else { return false }
        let name = path[..<scheme.lowerBound]
        return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Why the path may not be used, or nil when it is fine.
    static func problem(_ path: String, in directory: URL) -> String? {
        if isURL(path) {
            if path.contains("..") { return "contains '..'" }
            guard path.lowercased().hasPrefix("file:") else { return nil }
            // A file URL is an absolute path: only one inside the package folder is accepted.
            let target = URL(string: path)?.standardizedFileURL.resolvingSymlinksInPath().path ?? path
            let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
            return target.hasPrefix(root + "/") ? nil : "is a file URL outside the package folder"
        }
        if path.hasPrefix("/") { return "is an absolute path (paths are relative to the package)" }
        if path.hasPrefix("~") { return "starts with '~' (paths are relative to the package)" }
        if path.split(separator: "/").contains("..") || path.contains("..") { return "contains '..' (it would leave the package folder)" }
        if path.hasPrefix(".") { return "starts with '.' (Camtrap DP paths may not)" }
        if path.contains("\\") { return "contains a backslash (use forward slashes)" }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        let resolved = directory.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath().path
        if !(resolved == root || resolved.hasPrefix(root + "/")) { return "leads outside the package folder" }
        return nil
    }
}
