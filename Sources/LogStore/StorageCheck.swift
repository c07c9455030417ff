import Foundation

/// Where a log must not live: network file systems and sync folders, where locks and fsync are not
/// to be trusted and a sync client may keep conflict copies of its own.
public enum StorageWarning: Sendable, Hashable {
    case networkFileSystem(String)
    case syncFolder(String)
    case conflictCopy(String)
}

public enum StorageCheck {
    /// File system types (as /proc/self/mounts names them) where locks and fsync cannot be trusted.
    static let networkTypes = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "9p", "afs", "ceph", "glusterfs",
                               "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "davfs", "fuse.davfs2"]

    /// The type of the file system holding `dir`: the longest mount point that contains it.
    public static func fileSystemType(of dir: String, mounts: String? = nil) -> String? {
        let table = mounts ?? ((try? String(contentsOfFile: "/proc/self/mounts", encoding: .utf8)) ?? "")
        let target = URL(fileURLWithPath: dir).resolvingSymlinksInPath().path
        var best: (length: Int, type: String)?
        for line in table.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 3 else { continue }
            let mountPoint = f[1].replacingOccurrences(of: "\\040", with: " ")
            let inside = mountPoint == "/" || target == mountPoint || target.hasPrefix(mountPoint + "/")
            if inside, mountPoint.count >= (best?.length ?? -1) { best = (mountPoint.count, String(f[2])) }
        }
        return best?.type
    }
    static let syncMarkers = ["dropbox", "onedrive", "google drive", "googledrive", "icloud", "nextcloud", "owncloud",
                              "syncthing", "box sync", "mega", "pcloud", "surfdrive", "stack"]

    public static func warnings(for path: String) -> [StorageWarning] {
        var out: [StorageWarning] = []
        let dir = PathName.folder(of: path)
        if let type = fileSystemType(of: dir), networkTypes.contains(type) || type.hasPrefix("nfs") {
            out.append(.networkFileSystem(type))
        }
        let absolute = URL(fileURLWithPath: dir).standardizedFileURL.path.lowercased()
        let components = absolute.split(separator: "/").map(String.init)
        if let marker = syncMarkers.first(where: { m in components.contains { $0 == m || $0.hasPrefix(m + " ") || $0.hasPrefix(m + "-") } }) {
            out.append(.syncFolder(marker))
        }
        let base = PathName.baseName(of: path).lowercased()
        if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names.sorted() {
                let n = name.lowercased()
                guard n.hasPrefix(base), n != PathName.fileName(of: path).lowercased() else { continue }
                if n.contains("conflict") || n.contains("conflicted copy") || n.contains("in conflict") || n.contains("-kopie") || n.contains(" (1)") {
                    out.append(.conflictCopy(name))
                }
            }
        }
        return out
    }
}
