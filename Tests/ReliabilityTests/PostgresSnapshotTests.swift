import Foundation
import KernteamDomain
import KernteamLog
import KernteamPostgres
import KernteamSession
import KernteamFixtures
import XCTest

/// A log on the server opens from a snapshot kept on this computer, like a file log: only the rows after
/// the snapshot's line are read, and only when the stream still holds that line and the same first
/// line. Every check compares with a fold of the whole stream.
final class PostgresSnapshotTests: XCTestCase {
    private var dataHome = ""
    private var previous: String?

    override func setUpWithError() throws {
        dataHome = try HarnessSupport.scratchDir("pg-snapshot")
        previous = ProcessInfo.processInfo.environment["XDG_DATA_HOME"]
        setenv("XDG_DATA_HOME", dataHome, 1)
    }

    override func tearDown() {
        if let previous { setenv("XDG_DATA_HOME", previous, 1) } else { unsetenv("XDG_DATA_HOME") }
        try? FileManager.default.removeItem(atPath: dataHome)
    }

    /// A new stream holding the demo log, or (`generated`) a generated log of as many lines.
    private func stream(_ label: String, generated: Bool = false) throws -> String {
        let uri = try PostgresSupport.freshDatabase(try PostgresSupport.server(), label: label)
        var source = HarnessSupport.repoRoot.appendingPathComponent("Data/demo-log.jsonl").path
        if generated {
            let reference = try JSONDecoder().decode(ReferenceData.self, from: Data(contentsOf: HarnessSupport.repoRoot.appendingPathComponent("Data/reference.json")))
            source = dataHome + "/generated.jsonl"
            try LogGenerator.generate(count: 400, to: source, seed: 11, reference: reference)
        }
        try PostgresLog.copyIn(target: XCTUnwrap(PostgresTarget(uri)), lines: HarnessSupport.bytes(source))
        return uri
    }

    private func fullFold(_ uri: String) throws -> KernteamState {
        try Session.open(path: uri, reference: nil, role: .cli, readOnly: true, useSnapshot: false).state
    }

    private func resumed(_ s: Session) -> Bool { (s.log as? PostgresLog)?.resumed ?? false }

    func testAStreamOpensFromItsSnapshotOnlyWhileItStillHoldsItsLine() throws {
        let uri = try stream("snap")
        let writer = try Session.open(path: uri, reference: nil, role: .secretaris)
        XCTAssertFalse(resumed(writer), "no snapshot yet")
        let job = try XCTUnwrap(writer.snapshotJob(), "a snapshot can be kept of a stream on a server")
        XCTAssertTrue(job())
        let path = Snapshot.path(forLog: uri)
        XCTAssertTrue(path.hasPrefix(dataHome + "/kernteam/"), path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)

        let reader = try Session.open(path: uri, reference: nil, role: .cli, readOnly: true)
        XCTAssertTrue(resumed(reader))
        XCTAssertEqual(reader.state, try fullFold(uri))

        // The stream grew (another laptop): the snapshot is used and the new rows folded after it.
        guard case .success = writer.record(.decision, Draft([.wijk: "Emerald", .text: "Besluit van de andere laptop"])) else {
            return XCTFail("decision refused")
        }
        let later = try Session.open(path: uri, reference: nil, role: .cli, readOnly: true)
        XCTAssertTrue(resumed(later))
        XCTAssertEqual(later.state, try fullFold(uri))
        XCTAssertTrue(later.state.decisions.items.contains { $0.value.text == "Besluit van de andere laptop" })

        // The same snapshot beside another stream (another first line): never used. (A copy of the same
        // log is the same log: its snapshot fits, as for a copied file.)
        let other = try stream("snapother", generated: true)
        try FileManager.default.copyItem(atPath: path, toPath: Snapshot.path(forLog: other))
        guard case .success = try Session.open(path: other, reference: nil, role: .secretaris)
            .record(.decision, Draft([.wijk: "Emerald", .text: "Iets anders"])) else { return XCTFail("decision refused") }
        let foreign = try Session.open(path: other, reference: nil, role: .cli, readOnly: true)
        XCTAssertFalse(resumed(foreign), "a snapshot of another stream")
        XCTAssertEqual(foreign.state, try fullFold(other))

        // A damaged snapshot: the stream is folded from its start.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        let damaged = try Session.open(path: uri, reference: nil, role: .cli, readOnly: true)
        XCTAssertFalse(resumed(damaged))
        XCTAssertEqual(damaged.state, try fullFold(uri))
    }
}
