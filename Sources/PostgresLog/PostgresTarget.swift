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

    /// Short, for the screen's header: `server/database · stream` (no user, no password, no socket path).
    public var shortDisplay: String {
        var rest = Substring(conninfo)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let q = rest.firstIndex(of: "?") { rest = rest[..<q] }
        var host = rest.prefix { $0 != "/" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        let database = rest.drop { $0 != "/" }.dropFirst()
        let place = host.isEmpty ? String(database) : "\(host)/\(database)"
        return "\(place.isEmpty ? "postgresql" : place) · \(stream)"
    }

    /// A name for local side files of this log (residents' personal data stays on the laptop):
    /// server, socket folder, database and stream, with everything but letters, digits, `-` and `.`
    /// replaced. No user name or password.
    public var localName: String {
        var rest = Substring(conninfo)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        var query = Substring("")
        if let q = rest.firstIndex(of: "?") { query = rest[rest.index(after: q)...]; rest = rest[..<q] }
        var host = rest.prefix { $0 != "/" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        let database = rest.drop { $0 != "/" }.dropFirst()
        let socket = query.split(separator: "&").first { $0.hasPrefix("host=") }.map { $0.dropFirst(5) } ?? ""
        let safe = ([host, socket, database].map(String.init).joined(separator: "_") + "-" + stream)
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        return String(safe.prefix(120))
    }
}
