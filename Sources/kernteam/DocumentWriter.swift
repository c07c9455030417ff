import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

/// Writes a document (`--out`) safely: a temporary file in the same folder, written in full, fsync'd,
/// then moved into place, so readers never see half a file and a full disk is an error, never a
/// short file reported as written. Only a regular file is ever replaced (with `--force`): a FIFO,
/// device, socket or folder at the name is refused before anything is written; a symbolic link is
/// followed and its target judged the same way. New files are the owner's only (0600).
enum DocumentWriter {
    static func write(_ bytes: [UInt8], to path: String, force: Bool) throws {
        func fail(_ code: Int32) -> CLIError { CLIError(Text.exportWriteFailed(path, ExportIO.reason(code).text).text) }
        var target = path
        var st = stat()
        if lstat(path, &st) == 0 {
            if st.st_mode & S_IFMT == S_IFLNK {
                guard let resolved = realpath(path, nil) else {
                    throw CLIError(Text.safety(.outNotRegular(path: path, kind: .brokenLink)).text)
                }
                target = String(cString: resolved)
                free(resolved)
            }
            if let kind = OpeningRules.nonRegularKind(at: target) {
                throw CLIError(Text.safety(.outNotRegular(path: path, kind: Session.kindName(kind))).text)
            }
            if !force { throw CLIError(Text.exportFileExists(path).text) }
        }
        let folder = PathName.folder(of: target)
        let temp = PathName.join(folder, ".\(PathName.fileName(of: target)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFiles.fileMode)
        guard fd >= 0 else { throw fail(errno) }
        do {
            try LogFile.writeAll(fd, bytes)
            guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
        } catch LogError.io(_, let code) {
            close(fd); unlink(temp)
            throw fail(code)
        }
        close(fd)
        if force {
            // Looked at again just before: something other than a regular file that appeared since is
            // still never replaced.
            if let kind = OpeningRules.nonRegularKind(at: target) {
                unlink(temp)
                throw CLIError(Text.safety(.outNotRegular(path: path, kind: Session.kindName(kind))).text)
            }
            if rename(temp, target) != 0 { let code = errno; unlink(temp); throw fail(code) }
        } else {
            // A hard link fails when the name is taken, also by a file that appeared meanwhile.
            if link(temp, target) != 0 {
                let code = errno
                unlink(temp)
                if code == EEXIST { throw CLIError(Text.exportFileExists(path).text) }
                throw fail(code)
            }
            unlink(temp)
        }
        PrivateFiles.syncFolder(folder)
    }
}
