import Foundation

/// Folder and file name of a path, by plain string rules. Foundation's `NSString` path methods trap
/// on some names on Linux (a one-character name such as `l`); every path the program is given goes
/// through these instead, so no file name can crash it.
public enum PathName {
    /// The folder part: `a/b/c.log` → `a/b`, `c.log` → `.`, `/c.log` → `/`.
    public static func folder(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "." }
        let head = p[..<slash]
        if head.isEmpty { return "/" }
        var trimmed = head
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// The last part: `a/b/c.log` → `c.log`; a name without a folder is itself.
    public static func fileName(of path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        let tail = p[p.index(after: slash)...]
        return tail.isEmpty ? String(p) : String(tail)
    }

    /// The file name without its last extension: `kernteam.jsonl` → `kernteam`, `.hidden` stays.
    public static func baseName(of path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `folder/name`, without doubling a slash.
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Creates `folder` and any missing parents, each new one readable by its owner only (0700,
    /// whatever the umask). Existing folders are left as they are.
    public static func makeFolders(_ folder: String) throws {
        if folder.isEmpty || folder == "." || folder == "/" { return }
        var st = stat()
        if stat(folder, &st) == 0 {
            guard st.st_mode & S_IFMT == S_IFDIR else { throw LogError.io(operation: "mkdir", code: ENOTDIR) }
            return
        }
        try makeFolders(Self.folder(of: folder))
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw LogError.io(operation: "mkdir", code: errno) }
    }
}
