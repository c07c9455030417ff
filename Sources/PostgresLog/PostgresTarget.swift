import Foundation

/// A log in PostgreSQL as the user names it: a libpq connection URI (`postgresql://…` or
/// `postgres://…`), optionally with `stream=NAME` among its parameters to pick one kern's log among
/// several in the same database (default `kernteam`). The `stream` parameter is ours: it is taken
/// out before the URI goes to libpq, which would refuse it.
public struct PostgresTarget: Sendable, Hashable {
    /// What libpq gets.
    public let conninfo: String
    public let stream: String
    /// The URI with any password blanked, for messages and the status bar.
    public let display: String

    public static let defaultStream = "kernteam"

    /// Nil when `text` is not a PostgreSQL URI (then it is a file path).
    public init?(_ text: String) {
        guard Self.isURI(text) else { return nil }
        var stream = Self.defaultStream
        var base = text
        var kept: [Substring] = []
        if let q = text.firstIndex(of: "?") {
            base = String(text[..<q])
            for part in text[text.index(after: q)...].split(separator: "&") {
                if part.hasPrefix("stream=") {
                    stream = String(part.dropFirst("stream=".count)).removingPercentEncoding ?? String(part.dropFirst("stream=".count))
                } else {
                    kept.append(part)
                }
            }
        }
        conninfo = kept.isEmpty ? base : base + "?" + kept.joined(separator: "&")
        self.stream = stream
        display = Self.redact(text)
    }

    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// `postgresql://user:secret@host/db` → `postgresql://user:***@host/db`; also a `password=` parameter.
    static func redact(_ uri: String) -> String {
        var out = uri
        if let scheme = out.range(of: "://") {
            let rest = out[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        if let r = out.range(of: "password=") {
            let end = out[r.upperBound...].firstIndex(of: "&") ?? out.endIndex
            out.replaceSubrange(r.upperBound..<end, with: "***")
        }
        return out
    }

    /// A name for local side files of this log (residents' personal data stays on the laptop):
    /// host, database and stream, with everything but letters, digits, `-` and `.` replaced.
    public var localName: String {
        var text = conninfo
        for prefix in ["postgresql://", "postgres://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        if let at = text.firstIndex(of: "@") { text = String(text[text.index(after: at)...]) }
        let safe = (text + "-" + stream).map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return String(safe.prefix(120))
    }
}
