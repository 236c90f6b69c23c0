import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks a folder tree one folder at a time, depth first, in name order, without holding the whole tree.
///
/// Hidden entries (names starting with ".") and symbolic links to folders are not followed.
struct FolderWalker {
    struct Entry: Sendable {
        let name: String
        let size: Int64
        let modified: Double
    }

    struct Folder: Sendable {
        /// Path relative to the walk's root ("" for the root itself), forward slashes.
        let relativePath: String
        let files: [Entry]
        /// Entries that could not be examined (e.g. permission denied), with the reason.
        let unreadable: [(name: String, reason: String)]
    }

    let root: String

    /// Calls `body` for every folder; stops early when `body` returns false.
    func walk(_ body: (Folder) throws -> Bool) rethrows {
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let (folder, subfolders) = list(relative)
            guard try body(folder) else { return }
            stack.append(contentsOf: subfolders.reversed())
        }
    }

    /// Counts files with a name matching `include` without reading their metadata (for progress totals).
    func countFiles(include: (String) -> Bool) -> Int {
        var stack: [String] = [root]
        var count = 0
        while let dir = stack.popLast() {
            guard let handle = opendir(dir) else { continue }
            while let entry = readdir(handle) {
                let name = FolderWalker.name(of: entry)
                if name.hasPrefix(".") { continue }
                let type = entry.pointer(to: \.d_type)!.pointee
                if type == UInt8(DT_DIR) {
                    stack.append(dir + "/" + name)
                } else if type == UInt8(DT_REG) || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                    if type == UInt8(DT_UNKNOWN) {
                        var st = stat()
                        if stat(dir + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
                            stack.append(dir + "/" + name)
                            continue
                        }
                    }
                    if include(name) { count += 1 }
                }
            }
            closedir(handle)
        }
        return count
    }

    private func list(_ relative: String) -> (Folder, [String]) {
        let path = relative.isEmpty ? root : root + "/" + relative
        var files: [Entry] = []
        var subfolders: [String] = []
        var unreadable: [(String, String)] = []
        guard let handle = opendir(path) else {
            let reason = String(cString: strerror(errno))
            return (Folder(relativePath: relative, files: [], unreadable: [("", reason)]), [])
        }
        while let entry = readdir(handle) {
            let name = FolderWalker.name(of: entry)
            if name.hasPrefix(".") { continue }
            var st = stat()
            let full = path + "/" + name
            guard stat(full, &st) == 0 else {
                unreadable.append((name, String(cString: strerror(errno))))
                continue
            }
            let kind = st.st_mode & S_IFMT
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if kind == S_IFDIR {
                var lst = stat()
                if lstat(full, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK { continue }
                subfolders.append(childRelative)
            } else if kind == S_IFREG {
                let modified = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
                files.append(Entry(name: name, size: Int64(st.st_size), modified: modified))
            }
        }
        closedir(handle)
        files.sort { $0.name < $1.name }
        subfolders.sort()
        return (Folder(relativePath: relative, files: files, unreadable: unreadable), subfolders)
    }

    /// The entry's name, read in place: a dirent record can be shorter than `MemoryLayout<dirent>.size`
    /// (its d_reclen), so copying the struct could read past the end of the kernel's buffer.
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}
