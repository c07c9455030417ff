import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import XCTest

/// An append that fails after reading another process's lines must not lose those lines: the next
/// refresh or append folds them, so ids never collide.
final class FailedAppendKeepsOthersLinesTests: LogTestCase {
    func testLinesReadBeforeATornTailAreFoldedLater() throws {
        let a = try open()
        let b = try open()
        let signal = Draft([.wijk: "Emerald", .theme: "groen", .source: "meldpunt", .text: "van b"])
        guard case .success(let fromB) = b.record(.signal, signal) else { return XCTFail("b could not record") }
        // A crashed writer leaves half a line at the end.
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        h.seekToEndOfFile()
        h.write(Data("{\"v\":1,\"seq\":9".utf8))
        try h.close()
        // A's append reads B's line, then refuses because of the torn tail.
        guard case .failure(.log(.damaged)) = a.record(.signal, signal) else { return XCTFail("append after a torn tail must fail") }
        // Someone opens the log and moves the torn tail aside.
        _ = try open()
        // A still learns about B's signal, and its next signal gets the next id.
        try a.refresh()
        XCTAssertNotNil(a.state.signals[fromB.event.createdID!], "B's line was lost to A")
        guard case .success(let next) = a.record(.signal, signal) else { return XCTFail("a could not record after recovery") }
        XCTAssertEqual(next.event.createdID, RecordID(.signal, fromB.event.createdID!.number + 1))
        let ids = try Session.open(path: logPath, reference: nil, readOnly: true).state.signals.items.map(\.value.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate ids: \(ids)")
        XCTAssertTrue(try Verifier.verify(path: logPath).isIntact)
    }
}
