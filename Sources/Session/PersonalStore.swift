import Foundation
import KernteamDomain
import KernteamLog

/// Residents' personal data, one small JSON file per person record in `<log>.personen/`, next to
/// the log. The log only holds the random reference. Erasing a person deletes their files, which
/// leaves the append-only log and its hash chain untouched. Every write is fsync'd (file, then
/// folder) before the log entry that refers to it is appended.
public final class PersonalStore: @unchecked Sendable {
    public let directory: String

    public init(logPath: String) {
        directory = logPath + ".personen"
    }

    private func path(_ ref: PersonRef) -> String { directory + "/" + ref + ".json" }

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

    /// Writes one person record durably (temp file, fsync, rename, fsync folder).
    public func save(_ person: PersonalData) throws {
        if !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw LogError.io(operation: "mkdir personen", code: (error as NSError).code == 0 ? EIO : Int32((error as NSError).code))
            }
            try syncFolder((directory as NSString).deletingLastPathComponent)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = Array(try encoder.encode(person))
        let temp = directory + "/.tmp-" + person.ref
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

    /// Deletes person records; returns the references actually removed.
    @discardableResult
    public func delete(_ refs: [PersonRef]) throws -> [PersonRef] {
        var removed: [PersonRef] = []
        for ref in refs where unlink(path(ref)) == 0 { removed.append(ref) }
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
