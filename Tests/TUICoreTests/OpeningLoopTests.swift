import Foundation
import XCTest
import KernteamDomain
@testable import KernteamTUI
@testable import KernteamApp

/// The first frame comes before the log is read, and `q` stops the program while it is still being
/// read: on the real program loop, with an opener that only finishes when the test lets it.
final class OpeningLoopTests: XCTestCase {
    /// Holds the opener until the test releases it.
    final class Gate: @unchecked Sendable {
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
    }

    private func program(_ terminal: TestTerminal, _ gate: Gate) -> Program {
        let options = AppOptions(logPath: "/tmp/groot.jsonl", kern: nil, today: Fixture.today, now: Date())
        let state = Fixture.demo
        return Program(options: options, terminal: terminal, open: { progress in
            progress(0, 100)
            gate.started.signal()
            gate.release.wait()
            return InMemorySession(state: state, today: Fixture.today)
        })
    }

    func testTheHeaderAndProgressShowAtOnceAndThePanesWhenReady() {
        let terminal = TestTerminal(cols: 160, rows: 45)
        let gate = Gate()
        let program = program(terminal, gate)
        program.start()
        XCTAssertEqual(gate.started.wait(timeout: .now() + 10), .success)
        program.step(timeoutMs: 0)
        program.step(timeoutMs: 0)
        let early = terminal.screen
        XCTAssertTrue(early.contains("kernteam"), early)
        XCTAssertTrue(early.contains("Log lezen"), early)
        XCTAssertTrue(early.contains("groot.jsonl"), early)
        XCTAssertFalse(early.contains("opgeslagen #"), "no entry number before the whole log is read: \(early)")
        XCTAssertFalse(early.contains("Signalen ("), early)
        gate.release.signal()
        program.settle()
        let ready = terminal.screen
        XCTAssertTrue(ready.contains("opgeslagen #\(Fixture.demo.lastSeq)"), ready)
        XCTAssertTrue(ready.contains("Signalen ("), ready)
    }

    func testQuitsWhileTheLogIsStillRead() {
        let terminal = TestTerminal(cols: 80, rows: 24)
        let gate = Gate()
        let program = program(terminal, gate)
        defer { gate.release.signal() }
        program.start()
        XCTAssertEqual(gate.started.wait(timeout: .now() + 10), .success)
        program.step(timeoutMs: 0)
        XCTAssertFalse(program.isFinished)
        terminal.press(.char("q"))
        program.step(timeoutMs: 0)
        XCTAssertTrue(program.model.quit)
        XCTAssertTrue(program.isFinished, "q does not wait for the log to be read")
    }

    /// Anything else asked of the session is still waited for: only reading at start is left behind.
    func testAQuitAfterOpeningStillWaitsForWork() {
        let terminal = TestTerminal(cols: 80, rows: 24)
        let gate = Gate()
        let program = program(terminal, gate)
        program.start()
        XCTAssertEqual(gate.started.wait(timeout: .now() + 10), .success)
        gate.release.signal()
        program.settle()
        XCTAssertNil(program.model.opening)
        terminal.press(.char("q"))
        program.settle()
        XCTAssertTrue(program.isFinished)
    }
}
