import Foundation
import XCTest

/// The PostgreSQL cluster the tests of the log on PostgreSQL use: the one `.ci/run` (or
/// `scripts/pg-test-cluster.sh start`) started, named by KERNTEAM_PG_URI, KERNTEAM_PG_DIR and
/// KERNTEAM_PG_BIN. Each test gets a database of its own. With KERNTEAM_NO_PG=1 those tests are
/// skipped, and say so; without either they fail, so a missing server never passes silently.
enum PostgresSupport {
    struct Server {
        var dir: String
        var bin: String
        /// The URI of database `name` on this server.
        func uri(_ name: String, user: String = "postgres") -> String { "postgresql:///\(name)?host=\(dir)&user=\(user)" }
    }

    static func server() throws -> Server {
        let env = ProcessInfo.processInfo.environment
        if env["KERNTEAM_NO_PG"] == "1" {
            throw XCTSkip("KERNTEAM_NO_PG=1: test of the log on PostgreSQL skipped")
        }
        guard let dir = env["KERNTEAM_PG_DIR"], !dir.isEmpty else {
            XCTFail("no PostgreSQL for this test: run `eval \"$(scripts/pg-test-cluster.sh start)\"` first (or set KERNTEAM_NO_PG=1 to skip)")
            throw XCTSkip("no PostgreSQL")
        }
        return Server(dir: dir, bin: env["KERNTEAM_PG_BIN"] ?? "/usr/lib/postgresql/15/bin")
    }

    struct Output { var status: Int32; var out: String; var err: String }

    /// Runs a program to its end (stdin /dev/null), capturing both outputs.
    static func run(_ program: String, _ args: [String]) -> Output {
        let dir = NSTemporaryDirectory()
        let tag = UUID().uuidString.prefix(8)
        let out = "\(dir)/pg-\(tag).out", err = "\(dir)/pg-\(tag).err"
        defer { unlink(out); unlink(err) }
        guard let pid = HarnessSupport.spawn(program, args, stdout: out, stderr: err) else { return Output(status: -1, out: "", err: "spawn failed") }
        let status = HarnessSupport.wait(pid)
        return Output(status: status, out: HarnessSupport.read(out), err: HarnessSupport.read(err))
    }

    /// psql with one SQL command, stopping at the first error.
    @discardableResult
    static func psql(_ uri: String, _ sql: String) -> Output {
        let server = try? server()
        let psql = server.map { "\($0.bin)/psql" }.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil } ?? "/usr/bin/psql"
        return run(psql, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", uri, "-c", sql])
    }

    /// A new, empty database; its URI.
    static func freshDatabase(_ server: Server, label: String) throws -> String {
        let name = "kt_\(label)_\(UUID().uuidString.prefix(8).lowercased())"
        let r = psql(server.uri("postgres"), "CREATE DATABASE \(name)")
        guard r.status == 0 else { throw XCTSkip("CREATE DATABASE failed: \(r.err)") }
        return server.uri(name)
    }

    /// pg_ctl as the cluster's owner (`postgres` when the tests run as root).
    @discardableResult
    static func pgctl(_ server: Server, _ args: [String]) -> Output {
        let pgctl = "\(server.bin)/pg_ctl"
        let full = ["-D", "\(server.dir)/data"] + args
        if getuid() == 0 { return run("/usr/sbin/runuser", ["-u", "postgres", "--", pgctl] + full) }
        return run(pgctl, full)
    }

    static func stop(_ server: Server) -> Output { pgctl(server, ["-m", "immediate", "-w", "stop"]) }

    static func start(_ server: Server) -> Output {
        pgctl(server, ["-l", "\(server.dir)/server.log", "-w", "-t", "60",
                       "-o", "-k \(server.dir) -c listen_addresses= -c max_connections=60", "start"])
    }

    /// The `kernteam` binary built next to the harness.
    static func kernteamBinary() throws -> String {
        let harness = try HarnessSupport.requireBinary()
        let b = (harness as NSString).deletingLastPathComponent + "/kernteam"
        guard FileManager.default.isExecutableFile(atPath: b) else { throw XCTSkip("kernteam binary not found next to \(harness)") }
        return b
    }
}
