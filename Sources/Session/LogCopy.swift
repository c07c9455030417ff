import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres

/// Opening a log wherever it is kept, for the commands that need the store itself rather than a
/// session: `verify`, `copy`.
public enum LogStores {
    /// Every good line of the log at `location` (a file path or a PostgreSQL URI), as file bytes.
    /// Damage does not stop the read: `verify` names it.
    public static func bytes(of location: String) throws -> [UInt8] {
        if let target = PostgresTarget(location) {
            return try PostgresLog.readAll(target: target)
        }
        guard let data = FileManager.default.contents(atPath: location) else {
            throw LogError.io(operation: "open", code: errno == 0 ? ENOENT : errno)
        }
        return [UInt8](data)
    }
}

/// `kernteam copy --from SRC --to DST`: a log copied between a file and PostgreSQL, either way.
/// Only an intact log is copied (every line checked as `verify` does), only into a new file or an
/// empty stream, and the copy is read back and its checkpoint compared with the source's. Residents'
/// personal data is copied to the target's local side store, never into the database.
public enum LogCopy {
    public struct Outcome: Sendable {
        public var entries: Int
        public var checkpoint: Checkpoint
        /// Where the personal data went, when there was any.
        public var personalDirectory: String?
    }

    public enum Failure: Error, Sendable {
        case sourceEmpty
        case sourceDamaged(LineIssue)
        case targetNotEmpty
        case checkpointsDiffer(source: Checkpoint, target: Checkpoint)
        case log(LogError)
    }

    public static func copy(from source: String, to target: String) throws(Failure) -> Outcome {
        let bytes: [UInt8]
        do { bytes = try LogStores.bytes(of: source) } catch { throw .log(error as? LogError ?? .badEntry("\(error)")) }
        if bytes.isEmpty { throw .sourceEmpty }
        let report = Verifier.verify(bytes: bytes)
        if let first = report.issues.first { throw .sourceDamaged(first) }
        let sourceHead = report.head

        do {
            if let pg = PostgresTarget(target) {
                try PostgresLog.copyIn(target: pg, lines: bytes)
            } else {
                try writeNewFile(target, bytes)
            }
        } catch let e as Failure {
            throw e
        } catch is PostgresLog.StreamNotEmpty {
            throw .targetNotEmpty
        } catch {
            throw .log(error as? LogError ?? .badEntry("\(error)"))
        }

        // Read the copy back as a reader would and compare the checkpoints.
        let copied: [UInt8]
        do { copied = try LogStores.bytes(of: target) } catch { throw .log(error as? LogError ?? .badEntry("\(error)")) }
        let back = Verifier.verify(bytes: copied)
        guard back.isIntact, back.head == sourceHead, copied == bytes else {
            throw .checkpointsDiffer(source: sourceHead, target: back.head)
        }
        let personal = copyPersonalData(from: source, to: target)
        return Outcome(entries: report.entries, checkpoint: sourceHead, personalDirectory: personal)
    }

    /// Writes the bytes to a file that must not exist yet, fsyncs file and folder. A failed write
    /// removes the file it created (it held nothing else).
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { throw Failure.targetNotEmpty }
            throw LogError.io(operation: "open", code: errno)
        }
        do {
            try LogFile.writeAll(fd, bytes)
            guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
            close(fd)
        } catch {
            close(fd)
            unlink(path)
            throw error
        }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    /// The side store of the source to the side store of the target, when the target has none yet.
    static func copyPersonalData(from source: String, to target: String) -> String? {
        func directory(_ location: String) -> String {
            if let t = PostgresTarget(location) { return PersonalStore.localDirectory(for: t) }
            return PersonalStore(logPath: location).directory
        }
        let from = directory(source), to = directory(target)
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: from), !names.isEmpty, !fm.fileExists(atPath: to) else { return nil }
        do {
            try fm.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.copyItem(atPath: from, toPath: to)
            return to
        } catch {
            return nil
        }
    }
}
