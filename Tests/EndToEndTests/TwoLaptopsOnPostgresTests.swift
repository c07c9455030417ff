import Foundation
import XCTest

/// Two windows standing in for two laptops, the chair's and the secretary's, on ONE log in
/// PostgreSQL (each window with its own home folder, as two computers have): what one records shows in
/// the other; the meeting runs in both; the server stopped mid-meeting turns both read-only with the
/// reason, keeps the secretary's form, and both carry on by themselves when it is back.
/// Needs the cluster of `.ci/run` (KERNTEAM_PG_DIR, KERNTEAM_PG_BIN); skipped only with KERNTEAM_NO_PG=1.
final class TwoLaptopsOnPostgresTests: XCTestCase {
    private var dir = ""
    private var bin = ""

    override func setUpWithError() throws {
        try Tmux.requireTools()
        let env = ProcessInfo.processInfo.environment
        if env["KERNTEAM_NO_PG"] == "1" { throw XCTSkip("KERNTEAM_NO_PG=1: two laptops on PostgreSQL skipped") }
        guard let d = env["KERNTEAM_PG_DIR"], !d.isEmpty else {
            XCTFail("no PostgreSQL: run `eval \"$(scripts/pg-test-cluster.sh start)\"` first (or set KERNTEAM_NO_PG=1)")
            throw XCTSkip("no PostgreSQL")
        }
        dir = d
        bin = env["KERNTEAM_PG_BIN"] ?? "/usr/lib/postgresql/15/bin"
    }

    private func psql(_ database: String, _ sql: String) -> (status: Int32, output: String) {
        Tmux.run("\(bin)/psql", ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", "postgresql:///\(database)?host=\(dir)&user=postgres", "-c", sql])
    }

    private func pgctl(_ args: [String]) -> (status: Int32, output: String) {
        let full = ["\(bin)/pg_ctl", "-D", "\(dir)/data"] + args
        return getuid() == 0 ? Tmux.run("/usr/sbin/runuser", ["-u", "postgres", "--"] + full) : Tmux.run(full[0], Array(full.dropFirst()))
    }

    /// Waits until `app` shows `text`; how long that took.
    private func seconds(until app: Tmux, shows text: String, timeout: Double = 5, file: StaticString = #filePath, line: UInt = #line) -> Double {
        let start = Date()
        _ = app.waitFor(text, timeout: timeout, file: file, line: line)
        return Date().timeIntervalSince(start)
    }

    func testChairAndSecretaryOnTwoLaptopsShareOneDatabase() throws {
        let database = "kt_laptops_\(UUID().uuidString.prefix(8).lowercased())"
        XCTAssertEqual(psql("postgres", "CREATE DATABASE \(database)").status, 0)
        let log = "postgresql:///\(database)?host=\(dir)&user=postgres&stream=delfgauw"
        let scratch = try Scratch()
        defer { scratch.remove() }
        let prepare = scratch.cli(["meeting", "prepare", "--log", log, "--kern", "Delfgauw", "--date", "2030-01-15", "--length", "60"])
        XCTAssertEqual(prepare.status, 0, prepare.output)
        for (title, minutes) in [("Opening en mededelingen", "5"), ("Speeltuin Emerald", "10"), ("Rondvraag", "10")] {
            let r = scratch.cli(["add", "agenda-item", "--log", log, "--meeting", "V-1", "--title", title, "--minutes", minutes])
            XCTAssertEqual(r.status, 0, r.output)
        }

        let secretary = try Tmux(["--log", log], cols: 120, rows: 30)
        let chair = try Tmux(["--log", log, "--role", "voorzitter"], cols: 120, rows: 30)
        secretary.waitFor("Rondvraag")
        chair.waitFor("Rondvraag")

        // The secretary records an action; the chair's laptop shows it.
        secretary.keys("3", "n")
        secretary.waitFor("Nieuwe actie")
        secretary.type("Offerte wipkip")
        secretary.keys("Tab"); secretary.type("SWOP")
        secretary.keys("Tab", "Tab"); secretary.type("Emer")
        secretary.keys("Enter")
        secretary.waitFor("Actie A-1 opgeslagen")
        let seen = seconds(until: chair, shows: "Offerte wipkip")
        print("TwoLaptopsOnPostgresTests: the secretary's action on the chair's screen after \(String(format: "%.2f", seen)) s")
        XCTAssertLessThan(seen, 2.5)

        // The chair opens the meeting and starts the first item; the secretary's laptop follows.
        chair.keys("o")
        // The meeting is planned for 2030: opening it now is asked first.
        chair.waitFor("Toch nu openen?")
        chair.keys("j")
        chair.waitFor("⏱")
        chair.keys(">")
        chair.waitFor("▶ nu")
        XCTAssertLessThan(seconds(until: secretary, shows: "▶ nu"), 2.5)

        // The server goes away mid-meeting: both say so and turn read-only; nothing crashes.
        XCTAssertEqual(pgctl(["-m", "fast", "-w", "stop"]).status, 0)
        var restarted = false
        defer { if !restarted { _ = pgctl(["-l", "\(dir)/server.log", "-w", "-o", "-k \(dir) -c listen_addresses= -c max_connections=60", "start"]) } }
        secretary.waitFor("niet bereikbaar")
        chair.waitFor("niet bereikbaar")
        XCTAssertTrue(secretary.screen().contains("ALLEEN LEZEN"), secretary.screen())
        // What the secretary types meanwhile is kept, not saved.
        secretary.keys("b")
        secretary.waitFor("Nieuw besluit")
        secretary.type("Emer"); secretary.keys("Tab")
        secretary.type("Speeltuin wordt opgeknapt")
        secretary.keys("Enter")
        let kept = secretary.waitFor("Niet opgeslagen")
        XCTAssertTrue(kept.contains("Speeltuin wordt opgeknapt"), kept)

        // The server is back: both reconnect by themselves and say so; the kept form saves now.
        XCTAssertEqual(pgctl(["-l", "\(dir)/server.log", "-w", "-o", "-k \(dir) -c listen_addresses= -c max_connections=60", "start"]).status, 0)
        restarted = true
        secretary.waitFor("Weer verbonden", timeout: 10)
        chair.waitFor("Weer verbonden", timeout: 10)
        secretary.keys("Enter")
        secretary.waitFor("Besluit B-1 opgeslagen")
        chair.keys("h")
        _ = seconds(until: chair, shows: "Speeltuin wordt opgeknapt")
        XCTAssertFalse(chair.screen().contains("ALLEEN LEZEN"), chair.screen())

        secretary.keys("Escape", "q")
        chair.keys("Escape", "Escape", "q")
        secretary.waitFor("[exit 0]")
        chair.waitFor("[exit 0]")
        let verify = scratch.cli(["verify", "--log", log])
        XCTAssertEqual(verify.status, 0, verify.output)
    }
}
