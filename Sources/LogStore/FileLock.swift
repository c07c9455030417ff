import Foundation

/// An exclusive lock on a separate lock file next to the log, taken with flock(2). flock belongs to
/// the open file description, so closing some other descriptor of the same file in this process does
/// not drop it (unlike a POSIX record lock). Readers never take it.
final class FileLock: @unchecked Sendable {
    let path: String
    private var fd: Int32 = -1

    init(path: String) { self.path = path }

    deinit { if fd >= 0 { close(fd) } }

    /// Waits up to `timeout` seconds for the lock, then throws `LogError.locked`.
    func acquire(timeout: Double) throws {
        if fd < 0 {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            if fd < 0 {
                // A read-only folder may still hold a log we can read; but then we cannot append.
                throw LogError.io(operation: "open lock", code: errno)
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var delay: useconds_t = 200
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            guard e == EWOULDBLOCK || e == EINTR else { throw LogError.io(operation: "flock", code: e) }
            if Date() > deadline { throw LogError.locked }
            usleep(delay)
            delay = min(delay * 2, 5_000)
        }
    }

    func release() {
        if fd >= 0 { flock(fd, LOCK_UN) }
    }
}
