import KernteamPostgres
import XCTest

/// Reading a database address (no server needed): our `stream` parameter is taken out before libpq
/// sees the URI, a password never reaches a message, and the header shows something short.
final class PostgresTargetTests: XCTestCase {
    func testStreamIsOursAndLeftOutOfTheConnectionString() throws {
        let t = try XCTUnwrap(PostgresTarget("postgresql:///kernteam?host=/run/pg&stream=nootdorp&user=secretaris"))
        XCTAssertEqual(t.stream, "nootdorp")
        XCTAssertEqual(t.conninfo, "postgresql:///kernteam?host=/run/pg&user=secretaris")
        XCTAssertEqual(PostgresTarget("postgres://db/kernteam")?.stream, PostgresTarget.defaultStream)
        XCTAssertNil(PostgresTarget("/home/secretaris/kernteam.jsonl"), "a path is a file")
        XCTAssertNil(PostgresTarget("postgresql.jsonl"))
    }

    func testPasswordNeverShown() throws {
        let t = try XCTUnwrap(PostgresTarget("postgresql://schrijver:geheim@db.gemeente.local:5432/kernteam?password=ookgeheim"))
        XCTAssertFalse(t.display.contains("geheim"), t.display)
        XCTAssertTrue(t.display.contains("schrijver:***@db.gemeente.local"), t.display)
        XCTAssertFalse(t.shortDisplay.contains("geheim"))
        XCTAssertEqual(t.shortDisplay, "db.gemeente.local:5432/kernteam · kernteam")
        XCTAssertEqual(PostgresTarget("postgresql:///kt?host=/tmp/x&user=p&stream=twee")?.shortDisplay, "kt · twee")
    }

    func testLocalSideFilesNameServerDatabaseAndStreamOnly() throws {
        let t = try XCTUnwrap(PostgresTarget("postgresql://schrijver:geheim@db.gemeente.local/kernteam?stream=pijnacker"))
        XCTAssertFalse(t.localName.contains("geheim"))
        XCTAssertFalse(t.localName.contains("/"))
        XCTAssertTrue(t.localName.hasSuffix("-pijnacker"), t.localName)
        XCTAssertEqual(t.localName, "db.gemeente.local__kernteam-pijnacker")
        let q = try XCTUnwrap(PostgresTarget("postgresql:///kt?host=/run/pg&user=s&password=geheim"))
        XCTAssertFalse(q.localName.contains("geheim"), q.localName)
        XCTAssertEqual(q.localName, "__run_pg_kt-kernteam")
    }
}
