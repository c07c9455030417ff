import Foundation
import KernteamDomain
import KernteamLog

/// A small register of the documents the program wrote, beside the log (`<log>.exports`), so that an
/// erasure can say which earlier documents may still hold a resident's data (documents made with
/// `--include-personal`). One JSON line per document: its absolute path, when it was made, what it
/// is, and whether it holds personal data. The owner's only (0600); derived; safe to delete. Writing
/// it never stops an export.
public struct ExportRegister: Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var path: String
        /// UTC, `2009-03-10T18:42:00Z`.
        public var made: String
        public var kind: String
        public var personal: Bool
    }

    public let path: String

    public init(logPath: String) { path = logPath + ".exports" }

    /// Notes a document just written.
    public func note(document: String, kind: String, personal: Bool, at date: Date) {
        var absolute = document
        if !document.hasPrefix("/"), let real = realpath(PathName.folder(of: document), nil) {
            absolute = PathName.join(String(cString: real), PathName.fileName(of: document))
            free(real)
        }
        let entry = Entry(path: absolute, made: Session.timestamp(date), kind: kind, personal: personal)
        guard let json = try? JSONEncoder().encode(entry) else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, PrivateFiles.fileMode)
        guard fd >= 0 else { return }
        defer { close(fd) }
        try? LogFile.writeAll(fd, Array(json) + [0x0A])
    }

    /// Every document noted (unreadable lines skipped).
    public func entries() -> [Entry] {
        guard let bytes = try? OpeningRules.readRegularFile(path, limit: 64 << 20) else { return [] }
        return bytes.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(Entry.self, from: Data($0)) }
    }

    /// Documents with personal data made on or after `day` that are still where they were written.
    public func personalDocuments(since day: Day) -> [String] {
        let from = day.description
        var seen = Set<String>()
        return entries().filter { $0.personal && String($0.made.prefix(10)) >= from && FileManager.default.fileExists(atPath: $0.path) }
            .map(\.path).filter { seen.insert($0).inserted }
    }
}
