import Foundation

/// Why the log could not be read or written. Messages are composed by the caller in the UI language.
public enum LogError: Error, Sendable, Equatable {
    /// A system call failed: which one and errno (ENOSPC disk full, EROFS read-only, EACCES, EIO …).
    case io(operation: String, code: Int32)
    /// Another process held the append lock longer than the wait allows.
    case locked
    /// The log is damaged before its end; it is open read-only.
    case damaged(LineIssue)
    /// The file shrank or changed under us (another program rewrote it).
    case changedUnderneath
    /// The store was opened read-only.
    case readOnly
    /// The entry to append is not a single JSON object line.
    case badEntry(String)
    /// The file is not a kernteam log (see `OpeningRules`); it was left as it was.
    case notALog(NotALog)
    /// The path names a FIFO, device, socket or folder: refused before anything was read.
    case notARegularFile(FileKind)
    /// The database server cannot be reached or went away (libpq's message).
    case unreachable(String)
    /// The database refused a statement (its message), e.g. a change to the append-only table.
    case server(String)
    /// The database role may read the log but not append to it.
    case readOnlyRole
    /// The database holds a schema this program does not know.
    case schemaVersion(found: Int, supported: Int)
    /// The connection broke while the entry was being committed: it may or may not have been saved;
    /// it shows in the log after reconnecting if it was.
    case commitUnknown(String)
}
