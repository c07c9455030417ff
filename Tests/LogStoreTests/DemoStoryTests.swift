import Foundation
import KernteamDomain
import KernteamSession
import XCTest

final class DemoStoryTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "demostory-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Data/reference.json, found from this file: Tests/LogStoreTests/ → repository root.
    private func reference() throws -> ReferenceData {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("Data/reference.json"))
        return try JSONDecoder().decode(ReferenceData.self, from: data)
    }

    func testDemoStoryIsDeterministicIntactAndRich() throws {
        let reference = try reference()
        let first = dir + "/one/demo.log", second = dir + "/two/demo.log"
        try DemoStory.write(to: first, reference: reference)
        try DemoStory.write(to: second, reference: reference)

        let a = try XCTUnwrap(FileManager.default.contents(atPath: first))
        let b = try XCTUnwrap(FileManager.default.contents(atPath: second))
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b, "the demo log must be byte-identical on every run")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try Data(contentsOf: root.appendingPathComponent("Data/demo-log.jsonl"))
        XCTAssertEqual(a, shipped, "Data/demo-log.jsonl is stale: regenerate it with `kernteam demo --write-story`")

        let report = try Verifier.verify(path: first)
        XCTAssertTrue(report.isIntact, "issues: \(report.issues)")
        XCTAssertGreaterThanOrEqual(report.entries, 100)
        XCTAssertLessThanOrEqual(report.entries, 140)

        let session = try Session.open(path: first, reference: nil, role: .voorzitter, readOnly: true,
                                       clock: { Date(timeIntervalSince1970: 0) })
        XCTAssertTrue(session.undecodable.isEmpty)
        let state = session.state
        XCTAssertTrue(state.danglingReferences.isEmpty)
        XCTAssertEqual(state.reference, reference)

        XCTAssertGreaterThanOrEqual(state.meetings.count, 5)
        XCTAssertTrue(state.meetings.items.allSatisfy { $0.value.kern == "Delfgauw" })
        XCTAssertGreaterThanOrEqual(state.signals.count, 15)
        XCTAssertGreaterThanOrEqual(state.actions.count, 10)
        XCTAssertGreaterThanOrEqual(state.decisions.count, 6)
        XCTAssertGreaterThanOrEqual(state.participation.count, 3)

        let statuses = state.actions.items.map(\.value.status)
        XCTAssertTrue(statuses.contains { $0.isOpen }, "some actions carry over")
        XCTAssertTrue(statuses.contains(.gereed))
        XCTAssertTrue(statuses.contains(.vervallen))
        let dropped = state.actions.items.filter { $0.value.status == .vervallen }
        XCTAssertTrue(dropped.allSatisfy { $0.value.statusReason != nil }, "dropping needs a reason")

        let owners = Set(reference.organisations.map(\.name))
        XCTAssertTrue(state.actions.items.allSatisfy { owners.contains($0.value.created.owner) })

        let emeraldTraffic = state.signals.items.filter {
            !$0.isWithdrawn && $0.value.wijk == "Emerald" && $0.value.theme == .verkeer
        }
        XCTAssertGreaterThanOrEqual(emeraldTraffic.count, 3)

        XCTAssertEqual(state.signals.items.filter(\.isWithdrawn).count, 1)
        XCTAssertTrue(state.signals.items.contains { !$0.changes.isEmpty && !$0.isWithdrawn }, "one corrected signal")
    }

    func testRefusesExistingPath() throws {
        let path = dir + "/demo.log"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        XCTAssertThrowsError(try DemoStory.write(to: path, reference: try reference()))
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("x".utf8))
    }
}
