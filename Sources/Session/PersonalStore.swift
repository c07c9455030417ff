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

    /// What a scan of the store found: every record read by its content, wherever it sits and
    /// whatever its name, and everything else (reported, never followed).
    public struct Scan: Sendable {
        /// Each file that holds a person record, with its path.
        public var records: [(path: String, person: PersonalData)] = []
        /// Names (relative to the store) the program did not make: a copy of a record, a file it
        /// cannot read as one, a link (not followed), a FIFO or device.
        public var odd: [String] = []
    }

    /// Reads every file in the store by content (subfolders too; links and special files are
    /// reported, never followed or opened). Throws when the store exists but cannot be read, so
    /// "nothing found" is never said about a store that could not be looked at.
    public func scan() throws -> Scan {
        var result = Scan()
        var st = stat()
        guard lstat(directory, &st) == 0 else {
            if errno == ENOENT { return result }
            throw LogError.io(operation: "read", code: errno)
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            result.odd.append(PathName.fileName(of: directory))
            return result
        }
        try scanFolder(directory, relative: "", into: &result)
        return result
    }

    private func scanFolder(_ folder: String, relative: String, into result: inout Scan) throws {
        for name in try Self.names(in: folder).sorted() {
            let full = folder + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                result.odd.append(shown + "/")
                try scanFolder(full, relative: shown, into: &result)
            case S_IFREG:
                guard let bytes = try? OpeningRules.readRegularFile(full, limit: 1 << 20),
                      let person = try? JSONDecoder().decode(PersonalData.self, from: Data(bytes)) else {
                    result.odd.append(shown)
                    continue
                }
                result.records.append((full, person))
                // A name the program made: `<ref>.json` of its own ref, or a save's temp file.
                let own = relative.isEmpty && ReadLimits.isPersonRef(person.ref)
                    && (name == person.ref + ".json" || name == ".tmp-" + person.ref)
                if !own { result.odd.append(shown) }
            default:
                result.odd.append(shown)
            }
        }
    }

    /// The names in a folder (without . and ..), or the reason it cannot be read.
    static func names(in folder: String) throws -> [String] {
        guard let dir = opendir(folder) else { throw LogError.io(operation: "read", code: errno) }
        defer { closedir(dir) }
        var out: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    /// Every person record present, by its own file (`<ref>.json`, the name matching its content).
    /// Anything else in the store is not shown (see `scan`).
    public func loadAll() -> [PersonRef: PersonalData] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [:] }
        var out: [PersonRef: PersonalData] = [:]
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let ref = String(name.dropLast(5))
            guard ReadLimits.isPersonRef(ref), let bytes = try? OpeningRules.readRegularFile(directory + "/" + name, limit: 1 << 20),
                  let p = try? JSONDecoder().decode(PersonalData.self, from: Data(bytes)), p.ref == ref else { continue }
            out[p.ref] = p
        }
        return out
    }

    /// Deletes temp files older than `age` seconds. A save takes milliseconds, so these are left
    /// over from a crash (perhaps half written and unreadable), never a save in progress.
    public func removeStaleLeftovers(olderThan age: TimeInterval = 600) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var removed = false
        for name in names where name.hasPrefix(".tmp-") && ReadLimits.isPersonRef(String(name.dropFirst(5))) {
            let p = directory + "/" + name
            var st = stat()
            guard lstat(p, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
                  Date().timeIntervalSince1970 - TimeInterval(st.st_mtim.tv_sec) > age else { continue }
            if unlink(p) == 0 { removed = true }
        }
        if removed { try? syncFolder(directory) }
    }

    /// Deletes files found by `scan`, each by the path it was found at (never a path built from what
    /// a file says). Returns the paths that could not be deleted, with the reason.
    public func deleteFiles(_ paths: [String]) throws -> [(path: String, code: Int32)] {
        var failed: [(String, Int32)] = []
        var removed = false
        for p in paths {
            if unlink(p) == 0 { removed = true } else if errno != ENOENT { failed.append((p, errno)) }
        }
        if removed {
            for folder in Set(paths.map(PathName.folder(of:))) { try? syncFolder(folder) }
        }
        return failed
    }

    /// Writes one person record durably (temp file, fsync, rename, fsync folder).
    public func save(_ person: PersonalData) throws {
        // A reference is a plain file name the program makes; anything else is never used as a path.
        guard ReadLimits.isPersonRef(person.ref) else { throw LogError.badEntry("person reference \(person.ref)") }
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
        for ref in refs where ReadLimits.isPersonRef(ref) {
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
