import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres

/// Residents' personal data, one small JSON file per person record in `<log>.personen/`, next to
/// the log. The log only holds the random reference. Erasing a person deletes their files, which
/// leaves the append-only log and its hash chain untouched. Every write is fsync'd (file, then
/// folder) before the log entry that refers to it is appended.
public final class PersonalStore: @unchecked Sendable {
    public let directory: String

    public init(logPath: String) {
        directory = logPath + ".personen"
    }

    public init(directory: String) {
        self.directory = directory
    }

    /// The store of a log: beside a file; for a log in PostgreSQL on this computer, never in the
    /// shared database (`$XDG_DATA_HOME/kernteam/<server-database-stream>.personen`).
    public static func forLog(_ log: any AppendOnlyLog) -> PersonalStore {
        if let pg = log as? PostgresLog { return PersonalStore(directory: localDirectory(for: pg.target)) }
        return PersonalStore(logPath: log.location)
    }

    /// The store of the log at `location` (a file path or a PostgreSQL URI).
    public static func forLocation(_ location: String) -> PersonalStore {
        if let target = PostgresTarget(location) { return PersonalStore(directory: localDirectory(for: target)) }
        return PersonalStore(logPath: location)
    }

    /// Where the personal data of a log in PostgreSQL is kept on this computer.
    public static func localDirectory(for target: PostgresTarget) -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((base as NSString).appendingPathComponent("kernteam") as NSString).appendingPathComponent(target.localName + ".personen")
    }

    private func path(_ ref: PersonRef) -> String { directory + "/" + ref + ".json" }
    private func tempPath(_ ref: PersonRef) -> String { directory + "/.tmp-" + ref }

    /// Every person record present. Unreadable files are skipped (and never shown).
    public func loadAll() -> [PersonRef: PersonalData] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [:] }
        var out: [PersonRef: PersonalData] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name),
                  let p = try? JSONDecoder().decode(PersonalData.self, from: data) else { continue }
            out[p.ref] = p
        }
        return out
    }

    /// Temp files of saves that crashed before their rename. They hold personal data too, so an
    /// erasure must find them. Readable ones only (see `removeStaleLeftovers` for the rest).
    public func loadLeftovers() -> [PersonalData] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasPrefix(".tmp-") }.compactMap { name in
            FileManager.default.contents(atPath: directory + "/" + name).flatMap { try? JSONDecoder().decode(PersonalData.self, from: $0) }
        }
    }

    /// Deletes temp files older than `age` seconds. A save takes milliseconds, so these are left
    /// over from a crash (perhaps half written and unreadable), never a save in progress.
    public func removeStaleLeftovers(olderThan age: TimeInterval = 600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var removed = false
        for name in names where name.hasPrefix(".tmp-") {
            let p = directory + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: p))?[.modificationDate] as? Date,
                  Date().timeIntervalSince(modified) > age else { continue }
            if unlink(p) == 0 { removed = true }
        }
        if removed { try? syncFolder(directory) }
    }

    /// Writes one person record durably (temp file, fsync, rename, fsync folder).
    public func save(_ person: PersonalData) throws {
        if !FileManager.default.fileExists(atPath: directory) {
            try PathName.makeFolders(directory)
            try syncFolder(PathName.folder(of: directory))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = Array(try encoder.encode(person))
        let temp = tempPath(person.ref)
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LogError.io(operation: "open personen", code: errno) }
        do {
            try LogFile.writeAll(fd, bytes)
            guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync personen", code: errno) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path(person.ref)) == 0 else {
            let e = errno
            unlink(temp)
            throw LogError.io(operation: "rename personen", code: e)
        }
        try syncFolder(directory)
    }

    /// Deletes person records, and any temp copy a crashed save left of them; returns the
    /// references actually removed.
    @discardableResult
    public func delete(_ refs: [PersonRef]) throws -> [PersonRef] {
        var removed: [PersonRef] = []
        for ref in refs {
            let record = unlink(path(ref)) == 0
            let temp = unlink(tempPath(ref)) == 0
            if record || temp { removed.append(ref) }
        }
        if !removed.isEmpty { try syncFolder(directory) }
        return removed
    }

    private func syncFolder(_ dir: String) throws {
        let fd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if fsync(fd) != 0 && errno != EINVAL { throw LogError.io(operation: "fsync folder", code: errno) }
    }

    /// A fresh random reference like `pd-3f9a2c7e1b0d4e55`.
    public static func randomRef() -> PersonRef {
        var rng = SystemRandomNumberGenerator()
        return "pd-" + (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
