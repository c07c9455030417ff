import Foundation

/// Files and folders the program creates itself are readable by their owner only (0600 files, 0700
/// folders), whatever the umask: a log, its side files and documents may name residents.
public enum PrivateFiles {
    public static let fileMode: mode_t = 0o600
    public static let folderMode: mode_t = 0o700

    /// Writes a new file (never over an existing one), fsyncs it and its folder.
    public static func create(_ path: String, bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw LogError.io(operation: "open", code: errno) }
        do {
            try LogFile.writeAll(fd, bytes)
            guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        close(fd)
        syncFolder(PathName.folder(of: path))
    }

    /// Copies a regular file, or a folder of regular files (recursively), to a new place; only
    /// regular files and folders are copied, links and anything else are left out.
    public static func copy(from source: String, to target: String) throws {
        var st = stat()
        guard lstat(source, &st) == 0 else { throw LogError.io(operation: "read", code: errno) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try create(target, bytes: OpeningRules.readRegularFile(source, limit: Int.max))
        case S_IFDIR:
            if mkdir(target, folderMode) != 0 { throw LogError.io(operation: "mkdir", code: errno) }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [] {
                try copy(from: PathName.join(source, name), to: PathName.join(target, name))
            }
        default:
            return
        }
    }

    /// fsync of a folder, so a new name in it survives a crash. Best effort.
    public static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
