import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
import XCTest

/// Shared helpers of the crash, torn-tail and concurrency tests: finding and spawning the
/// `kernteam-harness` binary (posix_spawn + waitpid: Foundation's Process misbehaved with forking
/// children here), reading its ACK lines, and reading back who wrote what into a log.
enum HarnessSupport {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// $KERNTEAM_HARNESS, else next to the running test bundle (the build folder `swift test` used),
    /// else `<repo>/.build/debug`.
    static var binary: String? {
        let fm = FileManager.default
        if let b = ProcessInfo.processInfo.environment["KERNTEAM_HARNESS"], !b.isEmpty {
            return fm.isExecutableFile(atPath: b) ? b : nil
        }
        var dirs: [URL] = []
        for url in [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? "")] {
            var u = url.standardizedFileURL
            // Walk up out of an .xctest bundle (macOS: …/Foo.xctest/Contents/MacOS/Foo).
            while u.path.contains(".xctest") && u.path != "/" { u = u.deletingLastPathComponent() }
            if u.pathExtension == "xctest" { u = u.deletingLastPathComponent() }
            dirs.append(u)
            dirs.append(u.deletingLastPathComponent())
        }
        dirs.append(repoRoot.appendingPathComponent(".build/debug"))
        for dir in dirs {
            let candidate = dir.appendingPathComponent("kernteam-harness").path
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func requireBinary() throws -> String {
        guard let b = binary else {
            throw XCTSkip("kernteam-harness binary not found (looked next to the test bundle and in .build/debug): "
                          + "run `swift build` first, or set KERNTEAM_HARNESS to its path")
        }
        return b
    }

    /// An integer from the environment (for longer local runs), else the CI default.
    static func envCount(_ name: String, default value: Int) -> Int {
        if let s = ProcessInfo.processInfo.environment[name], let n = Int(s), n > 0 { return n }
        return value
    }

    /// A fresh scratch folder.
    /// A fresh folder under $TMPDIR, or in memory (/dev/shm) when asked and there is one: for tests that
    /// write, sync and reopen a log a thousand times to check what is in the file, not what survives a
    /// power cut (the syncs still happen; on disk they were most of the test's time).
    static func scratchDir(_ label: String, inMemory: Bool = false) throws -> String {
        let root = inMemory && FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let dir = root + "kt-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    // MARK: processes

    /// Starts `binary args` with stdout and stderr going to files; stdin is /dev/null.
    static func spawn(_ binary: String, _ args: [String], stdout: String, stderr: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([binary] + args).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; environment.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, binary, &actions, nil, argv, environment) == 0 else { return nil }
        return pid
    }

    /// Waits for the child: its exit status, or 128 + signal number when a signal ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return exitCode(status)
    }

    /// Without waiting: nil while the child still runs, else as `wait`.
    static func poll(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return exitCode(status) }
            if r == 0 { return nil }
            if errno != EINTR { return -1 }
        }
    }

    static func exitCode(_ status: Int32) -> Int32 {
        let exited = (status & 0x7f) == 0
        return exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var acks: [Ack]
    }

    /// Runs the harness to the end.
    static func run(_ binary: String, _ args: [String], in dir: String) -> Run {
        let tag = UUID().uuidString.prefix(8)
        let out = "\(dir)/run-\(tag).out", err = "\(dir)/run-\(tag).err"
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        guard let pid = spawn(binary, args, stdout: out, stderr: err) else { return Run(status: -1, stdout: "", stderr: "spawn failed", acks: []) }
        let status = wait(pid)
        let o = read(out)
        return Run(status: status, stdout: o, stderr: read(err), acks: acks(in: o))
    }

    static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    // MARK: what was acknowledged and what is in the log

    /// `ACK <seq> <writer> <counter> <µs>`: entry `counter` of `writer` is durably in the log at `seq`;
    /// the append took `micros` (waiting for the lock included).
    struct Ack: Hashable {
        var seq: Int
        var writer: Int
        var counter: Int
        var micros: Int = 0
    }

    /// The complete ACK lines of a child's stdout (a line cut off by a kill is ignored: an ACK is
    /// written with one unbuffered write, so that would be a harness bug, but it promised nothing).
    static func acks(in output: String) -> [Ack] {
        var out: [Ack] = []
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        if !output.hasSuffix("\n") { lines.removeLast() }
        for line in lines {
            let f = line.split(separator: " ")
            guard f.count == 4 || f.count == 5, f[0] == "ACK", let s = Int(f[1]), let w = Int(f[2]), let c = Int(f[3]) else { continue }
            out.append(Ack(seq: s, writer: w, counter: c, micros: f.count == 5 ? Int(f[4]) ?? 0 : 0))
        }
        return out
    }

    /// One harness decision as found in the log: its seq, id, and writer/counter from its text.
    struct Entry: Hashable {
        var seq: Int
        var id: RecordID
        var writer: Int
        var counter: Int
    }

    /// Parses `w<K>-n<C>` (optionally followed by a space and padding).
    static func parseText(_ text: String) -> (writer: Int, counter: Int)? {
        let head = text.split(separator: " ", maxSplits: 1).first ?? ""
        let parts = head.split(separator: "-")
        guard parts.count == 2, parts[0].hasPrefix("w"), parts[1].hasPrefix("n"),
              let w = Int(parts[0].dropFirst()), let c = Int(parts[1].dropFirst()) else { return nil }
        return (w, c)
    }

    /// The harness decisions in a session's state, in log order.
    static func entries(_ state: KernteamState) -> [Entry] {
        state.decisions.items.compactMap { t in
            parseText(t.value.text).map { Entry(seq: t.seq, id: t.value.id, writer: $0.writer, counter: $0.counter) }
        }
    }

    /// Checks that every writer's entries in the log count 1, 2, 3 … in log order (none lost in the
    /// middle, none twice), and that every ACK names an entry at exactly its seq. Returns problems.
    static func checkAcks(_ acks: [Ack], against entries: [Entry], expectedCounts: [Int: Int]? = nil) -> [String] {
        var problems: [String] = []
        var bySeq: [Int: Entry] = [:]
        var perWriter: [Int: [Int]] = [:]
        for e in entries {
            if bySeq[e.seq] != nil { problems.append("seq \(e.seq) twice") }
            bySeq[e.seq] = e
            perWriter[e.writer, default: []].append(e.counter)
        }
        for (w, counters) in perWriter where counters != Array(1...counters.count) {
            let firstBad = zip(counters, 1...).first { $0.0 != $0.1 }
            problems.append("writer \(w): counters not 1…\(counters.count) in order (first off: found \(firstBad?.0 ?? -1) where \(firstBad?.1 ?? -1) was due)")
        }
        if let expectedCounts {
            for (w, n) in expectedCounts where (perWriter[w]?.count ?? 0) != n {
                problems.append("writer \(w): \(perWriter[w]?.count ?? 0) entries in the log, expected \(n)")
            }
        }
        for a in acks {
            guard let e = bySeq[a.seq] else { problems.append("ACKed seq \(a.seq) (writer \(a.writer) #\(a.counter)) missing"); continue }
            if e.writer != a.writer || e.counter != a.counter {
                problems.append("ACKed seq \(a.seq) is writer \(a.writer) #\(a.counter), log has writer \(e.writer) #\(e.counter)")
            }
        }
        return problems
    }

    /// Splits a file's bytes into lines including their newline (the last one may lack it).
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(start..<(i + 1))
            start = i + 1
        }
        if start < bytes.count { out.append(start..<bytes.count) }
        return out
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try FaultsTestCase.replace(path, with: bytes)
    }

    /// The small reference the in-process tests create logs with (the harness has the same built in).
    static let reference = ReferenceData(
        municipality: "Harnasdorp",
        kernen: [Kern(name: "Harnas", wijken: [Wijk(name: "Proefwijk", kind: .beheer)])],
        organisations: [Organisation(name: "Wijkmanager")],
        themes: ["veiligheid": "Veiligheid"]
    )

    /// Time a block, in seconds.
    static func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }
}

/// Seeds for randomised tests (SplitMix64 from KernteamSession), so a failing run can be repeated.
extension SplitMix64 {
    /// $NAME if set, else a fresh random seed; printed by the caller so a failure can be replayed.
    static func seed(env name: String) -> UInt64 {
        if let s = ProcessInfo.processInfo.environment[name], let n = UInt64(s) { return n }
        return UInt64.random(in: 1...UInt64.max)
    }
}
