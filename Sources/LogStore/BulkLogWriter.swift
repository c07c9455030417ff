import Foundation

/// Writes a new log in one go (the generator for benchmarks and large demos): the same line format
/// and hash chain as `LogFile.append`, but buffered, with one fsync at the end instead of one per line.
/// Never used for a log people record in.
public final class BulkLogWriter {
    public let path: String
    public private(set) var headSeq = 0
    public private(set) var headHash = LogFormat.genesisPrev
    private var headTimestamp: String?
    private var buffer: [UInt8] = []
    private let fd: Int32

    public init(path: String) throws {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LogError.io(operation: "create", code: errno) }
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(fd) }

    /// Adds one entry with the given JSON body (`{"type":…}`). Returns the timestamp written: as in
    /// `LogFile`, never earlier than the previous line's.
    @discardableResult
    public func append(body: [UInt8], role: String, timestamp: String) throws -> String {
        guard body.count >= 2, body.first == UInt8(ascii: "{"), body.last == UInt8(ascii: "}"), !body.contains(0x0A) else {
            throw LogError.badEntry("body must be one JSON object on one line")
        }
        guard LogFormat.roles.contains(role), LogFormat.isTimestamp(timestamp) else { throw LogError.badEntry("role or timestamp") }
        let timestamp = headTimestamp.map { max($0, timestamp) } ?? timestamp
        headTimestamp = timestamp
        let seq = headSeq + 1
        var line = Array("{\"v\":\(LogFormat.version),\"seq\":\(seq),\"ts\":\"\(timestamp)\",\"role\":\"\(role)\",\"prev\":\"\(headHash)\",".utf8)
        line.append(contentsOf: body.dropFirst())
        headHash = Hashing.sha256Hex(line)
        headSeq = seq
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
        return timestamp
    }

    private func flush() throws {
        try LogFile.writeAll(fd, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and fsyncs the file and its folder.
    public func finish() throws {
        try flush()
        guard fsync(fd) == 0 else { throw LogError.io(operation: "fsync", code: errno) }
        let dfd = open(PathName.folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
