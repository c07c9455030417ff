import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres

/// The folded state beside the log, in `<log>.snapshot`, so that opening a large log reads that and
/// folds only the lines after it.
///
/// Derived and never trusted over the log. It is used only when the log still holds, at the recorded
/// place, the line it was folded up to (same sequence number, same SHA-256; `ResumePoint`) and its
/// first line has the same hash (the same log), and when its own bytes are whole (length, checksum,
/// version). Anything else — a log replaced by another, cut, or changed at that line; a damaged,
/// cut or older snapshot — and the log is folded from its start as if there were none (and a new
/// snapshot written). Deleting it is always safe. `verify` never reads it.
///
/// The file: a magic line, a header (format version, the log's identity, the resume point, the
/// length and checksum of what follows) and the state as `StateImage` lays it out.
public enum Snapshot {
    public static func path(forLog log: String) -> String {
        // A log on a server has no folder of its own: its snapshot is kept on this computer, beside the
        // personal data of that stream (`PersonalStore.localDirectory`).
        if let target = PostgresTarget(log) {
            return (PersonalStore.localDirectory(for: target) as NSString).deletingPathExtension + ".snapshot"
        }
        return log + ".snapshot"
    }

    static let magic = Array("kernteam-snapshot\n".utf8)

    /// Where a snapshot stands, and what it holds.
    public struct Loaded: Sendable {
        public var point: ResumePoint
        public var identity: String
        /// The file, mapped; the state's bytes from `imageStart` (checked against the header's length
        /// and checksum).
        let file: MappedSnapshot
        let imageStart: Int

        public func state() throws -> KernteamState {
            let state = try StateImage.state(from: UnsafeRawBufferPointer(rebasing: file.bytes[imageStart...]), owner: file)
            // What was read in full is in the state now; the records left in the file come back from
            // the page cache when a screen asks for them.
            file.handBackPages()
            return state
        }
    }

    /// The snapshot beside `logPath` when its own bytes are whole; nil when there is none or it is
    /// damaged, cut, or of another version. (Whether it fits the log is for `LogFile.open` to say.)
    public static func load(logPath: String) -> Loaded? {
        guard let file = MappedSnapshot(path: path(forLog: logPath)) else { return nil }
        let all = file.bytes
        guard all.count > magic.count, Array(all[0..<magic.count]) == magic else { return nil }
        var r = ImageReader(all, from: magic.count)
        guard let version = try? r.int(), version == StateImage.version,
              let identity = try? r.text(), let seq = try? r.int(), let start = try? r.int(), let end = try? r.int(),
              let hash = try? r.text(), let length = try? r.int(), let sum = try? r.int(),
              length == all.count - r.position else { return nil }
        guard checksum(UnsafeRawBufferPointer(rebasing: all[r.position...]), releasing: true) == UInt64(bitPattern: Int64(sum)) else { return nil }
        return Loaded(point: ResumePoint(seq: seq, start: start, end: end, hash: hash), identity: identity,
                      file: file, imageStart: r.position)
    }

    /// The identity a snapshot is tied to: the hash of the log's first line (the same for copies of
    /// one log, different for any other log).
    public static func identity(logPath: String) -> String? {
        LogIdentity.firstLine(path: logPath).map { Hashing.sha256Hex($0) }
    }

    /// Writes the snapshot of `state`, folded from `logPath` up to its line `seq` with hash `hash`
    /// ending at byte `end`. To a temporary name, then renamed over the old one; nothing is written
    /// when that line cannot be found as said. Returns whether it was written.
    @discardableResult
    public static func write(_ state: KernteamState, logPath: String, seq: Int, hash: String, end: Int) -> Bool {
        guard let fd = try? OpeningRules.openRegularFile(logPath, flags: O_RDONLY) else { return false }
        let point = ResumePoint.lineEnding(at: end, fd: fd, seq: seq, hash: hash)
        close(fd)
        guard let point, let identity = identity(logPath: logPath) else { return false }
        return write(state, to: path(forLog: logPath), identity: identity, point: point)
    }

    /// Writes the snapshot of `state` at `point` of the log with first-line hash `identity` to `target`
    /// (its folder made when missing, private to the user).
    @discardableResult
    public static func write(_ state: KernteamState, to target: String, identity: String, point: ResumePoint) -> Bool {
        let folder = (target as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        guard let image = StateImage.bytesIfTheyFit(of: state) else { return false }
        var header = ImageWriter()
        header.int(StateImage.version)
        header.text(identity)
        header.int(point.seq); header.int(point.start); header.int(point.end); header.text(point.hash)
        header.int(image.count)
        header.int(Int(Int64(bitPattern: image.withUnsafeBytes { checksum($0) })))
        let temp = target + ".tmp-\(getpid())"
        let out = Foundation.open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard out >= 0 else { return false }
        let written = (try? LogFile.writeAll(out, magic + header.bytes)) != nil && (try? LogFile.writeAll(out, image)) != nil
        close(out)
        if !written || rename(temp, target) != 0 {
            unlink(temp)
            return false
        }
        return true
    }

    /// A fast 64-bit checksum: finds a cut or a changed byte. The bytes are summed in blocks of 4 MiB
    /// on all cores (multiply and rotate over 8-byte words), the blocks' sums then in order. With
    /// `releasing`, each block's pages are handed back once summed (the bytes are a mapped file: they
    /// come back from the page cache when read), so checking the whole snapshot does not make the app
    /// hold all of it in memory at once.
    static func checksum(_ bytes: UnsafeRawBufferPointer, releasing: Bool = false) -> UInt64 {
        let block = 4 << 20
        let blocks = max(1, (bytes.count + block - 1) / block)
        nonisolated(unsafe) var sums = [UInt64](repeating: 0, count: blocks)
        sums.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let slots = out
            nonisolated(unsafe) let bytes = bytes
            DispatchQueue.concurrentPerform(iterations: blocks) { k in
                let range = (k * block)..<min(bytes.count, (k + 1) * block)
                let part = UnsafeRawBufferPointer(rebasing: bytes[range])
                slots[k] = blockSum(part)
                if releasing, let base = part.baseAddress {
                    // Only whole pages inside this block: a neighbour's pages are its own to release.
                    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
                    let start = (Int(bitPattern: base) + page - 1) / page * page
                    let end = (Int(bitPattern: base) + part.count) / page * page
                    if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
                }
            }
        }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        for sum in sums { h = ((h ^ sum) &* 0xFF51_AFD7_ED55_8CCD).rotated31 }
        return h ^ (h >> 29)
    }

    private static func blockSum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        var i = 0
        while i < words {
            h = ((h ^ bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD).rotated31
            i += 1
        }
        for k in (words * 8)..<bytes.count { h = (h ^ UInt64(bytes[k])) &* 0xC4CE_B9FE_1A85_EC53 }
        return h ^ (h >> 29)
    }
}

private extension UInt64 {
    var rotated31: UInt64 { (self << 31) | (self >> 33) }
}

/// A snapshot file mapped read-only (no copy, no zeroed buffer first), unmapped when the last reader is
/// done: the records of a state opened from it are read from these pages when asked for.
final class MappedSnapshot: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    /// Nil when it is not a regular file or cannot be read.
    init?(path: String) {
        guard let fd = try? OpeningRules.openRegularFile(path, flags: O_RDONLY) else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let p, p != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
    }

    /// Drops the pages read so far from this process (not from the page cache): the memory the app
    /// holds is then what it reads again, not all it ever read.
    func handBackPages() {
        if let base = bytes.baseAddress { madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_DONTNEED) }
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
