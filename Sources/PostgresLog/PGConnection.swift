import CLibpq
import Foundation
import KernteamLog

/// What went wrong talking to the server.
enum PGError: Error {
    /// No connection, or it broke (the server stopped, the network went away, a time-out).
    case connection(String)
    /// The server answered with an error: SQLSTATE and message.
    case server(state: String, message: String)
}

/// One statement parameter: text, or bytes sent as they are (bytea, binary format).
enum PGValue {
    case text(String)
    case bytes([UInt8])
}

/// A result whose columns are read in binary format (bytea as raw bytes, bigint big-endian).
final class PGRows {
    private let result: OpaquePointer
    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }
    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) != 0 }

    func bytes(_ row: Int, _ column: Int) -> UnsafeRawBufferPointer {
        let n = Int(PQgetlength(result, Int32(row), Int32(column)))
        return UnsafeRawBufferPointer(start: PQgetvalue(result, Int32(row), Int32(column)), count: n)
    }

    /// An integer column (int2, int4 or int8) in binary format.
    func int(_ row: Int, _ column: Int) -> Int {
        var v = 0
        for b in bytes(row, column) { v = v << 8 | Int(b) }
        let width = bytes(row, column).count
        if width < 8, width > 0, v >> (width * 8 - 1) & 1 == 1 { v -= 1 << (width * 8) }
        return v
    }

    func bool(_ row: Int, _ column: Int) -> Bool { bytes(row, column).first == 1 }

    func text(_ row: Int, _ column: Int) -> String { String(decoding: bytes(row, column), as: UTF8.self) }
}

/// One libpq connection where nothing waits without a limit: the connect has libpq's
/// `connect_timeout`, and every statement is sent asynchronously and waited for with poll(2) until
/// its deadline, after which the connection is dropped (the server then rolls back what was open).
/// Used from one thread at a time.
final class PGConnection {
    private var conn: OpaquePointer?
    /// Seconds a statement may take before the connection is given up.
    var statementTimeout: Double

    /// `conninfo` is a libpq connection URI or key=value string. Defaults go before it, so what the
    /// user wrote wins.
    init(conninfo: String, connectTimeout: Int = 3, statementTimeout: Double = 8) throws(PGError) {
        self.statementTimeout = statementTimeout
        let keys = ["connect_timeout", "application_name", "dbname"]
        let values = [String(connectTimeout), "kernteam", conninfo]
        let c = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let c else { throw .connection("libpq: out of memory") }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = Self.clean(String(cString: PQerrorMessage(c)))
            PQfinish(c)
            throw .connection(message)
        }
        // libpq prints server notices (and the server's goodbye when it shuts down) on stderr, which
        // would scribble over the full-screen app; errors reach us through results instead.
        PQsetNoticeProcessor(c, { _, _ in }, nil)
        conn = c
        // Acknowledged means durable, whatever the server's default; and the server itself gives up
        // on a statement that runs on long after we would (reading a large stream may take a while).
        _ = try exec("SET synchronous_commit = on; SET client_min_messages = warning; SET statement_timeout = \(Int(max(statementTimeout, Self.readTimeout) * 1000) + 2000)", script: true)
    }

    deinit { if let conn { PQfinish(conn) } }

    var isOpen: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// The server's process id for this connection (tests kill it to cut a writer off).
    var backendPID: Int32 { conn.map { PQbackendPID($0) } ?? 0 }

    /// Drops the connection; anything open on the server is rolled back.
    func close() {
        if let conn { PQfinish(conn) }
        conn = nil
    }

    /// Runs one statement and returns its rows in binary format; with `script`, several statements
    /// separated by `;` (no parameters, rows of the last in text format: for statements whose rows
    /// are not read).
    @discardableResult
    func exec(_ sql: String, _ params: [PGValue] = [], timeout: Double? = nil, script: Bool = false) throws(PGError) -> PGRows {
        guard let conn, PQstatus(conn) == CONNECTION_OK else { throw .connection(Self.clean(conn.map { String(cString: PQerrorMessage($0)) } ?? "")) }
        let deadline = Date().addingTimeInterval(timeout ?? statementTimeout)
        let sent: Int32
        if script {
            sent = PQsendQuery(conn, sql)
        } else {
            var buffers: [[CChar]] = []
            var lengths: [Int32] = []
            var formats: [Int32] = []
            for p in params {
                switch p {
                case .text(let s): buffers.append(Array(s.utf8CString)); lengths.append(0); formats.append(0)
                case .bytes(let b): buffers.append(b.map { CChar(bitPattern: $0) } + [0]); lengths.append(Int32(b.count)); formats.append(1)
                }
            }
            sent = withPointers(buffers) { values in
                PQsendQueryParams(conn, sql, Int32(params.count), nil, params.isEmpty ? nil : values,
                                  params.isEmpty ? nil : lengths, params.isEmpty ? nil : formats, 1)
            }
        }
        guard sent == 1 else { throw fail() }
        while true {
            let f = PQflush(conn)
            if f == 0 { break }
            if f < 0 { throw fail() }
            try wait(events: Int16(POLLOUT | POLLIN), until: deadline)
            if PQconsumeInput(conn) == 0 { throw fail() }
        }
        var kept: OpaquePointer?
        var error: PGError?
        while true {
            while PQisBusy(conn) != 0 {
                try wait(events: Int16(POLLIN), until: deadline)
                if PQconsumeInput(conn) == 0 { throw fail() }
            }
            guard let r = PQgetResult(conn) else { break }
            let status = PQresultStatus(r)
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK {
                if let k = kept { PQclear(k) }
                kept = r
            } else {
                if error == nil {
                    let state = PQresultErrorField(r, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
                    let message = PQresultErrorField(r, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                        ?? String(cString: PQresultErrorMessage(r))
                    error = .server(state: state, message: message)
                }
                PQclear(r)
            }
        }
        if PQstatus(conn) != CONNECTION_OK {
            if let k = kept { PQclear(k) }
            throw fail()
        }
        if let error {
            if let k = kept { PQclear(k) }
            throw error
        }
        guard let kept else { throw fail() }
        return PGRows(kept)
    }

    /// Notification payloads that arrived (LISTEN), read without waiting. Nil when the connection broke.
    func notifications() -> [String]? {
        guard let conn, PQstatus(conn) == CONNECTION_OK else { return nil }
        if PQconsumeInput(conn) == 0 { return nil }
        var payloads: [String] = []
        while let n = PQnotifies(conn) {
            payloads.append(String(cString: n.pointee.extra))
            PQfreemem(n)
        }
        return PQstatus(conn) == CONNECTION_OK ? payloads : nil
    }

    /// The socket, for a caller that wants to sleep until the server says something.
    var socket: Int32 { conn.map { PQsocket($0) } ?? -1 }

    private func wait(events: Int16, until deadline: Date) throws(PGError) {
        guard let conn else { throw .connection("") }
        var p = pollfd(fd: PQsocket(conn), events: events, revents: 0)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                close()
                throw .connection(Self.timedOut)
            }
            let n = poll(&p, 1, Int32(min(left * 1000 + 1, 1_000)))
            if n > 0 { return }
            if n < 0 && errno != EINTR { throw fail() }
        }
    }

    static let timedOut = "timeout"

    /// Seconds a batch of rows may take to arrive (20,000 lines, a few MB, over a slow network).
    static let readTimeout: Double = 30

    /// The connection's error, and the connection dropped: after a failure mid-statement nobody can
    /// tell what state it is in.
    private func fail() -> PGError {
        let message = Self.clean(conn.map { String(cString: PQerrorMessage($0)) } ?? "")
        close()
        return .connection(message)
    }

    /// libpq messages end in a newline and may span lines; one line reads better in a status bar.
    static func clean(_ message: String) -> String {
        message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}

private func withCStrings<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) } + [nil])
}

private func withPointers<R>(_ buffers: [[CChar]], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies: [UnsafeMutablePointer<CChar>] = buffers.map { b in
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: b.count)
        p.initialize(from: b, count: b.count)
        return p
    }
    defer { copies.forEach { $0.deallocate() } }
    return body(copies.map { UnsafePointer($0) })
}
