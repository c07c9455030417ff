import Foundation
import XCTest
import KernteamDomain

/// The reference data that ships with the program, read from `Data/reference.json` in the repo.
func shippedReference(file: StaticString = #filePath) throws -> ReferenceData {
    let root = URL(fileURLWithPath: "\(file)")
        .deletingLastPathComponent()   // DomainTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // repo root
    let data = try Data(contentsOf: root.appendingPathComponent("Data/reference.json"))
    return try JSONDecoder().decode(ReferenceData.self, from: data)
}

/// Builds logged events with consecutive sequence numbers, as the log would hand them to the fold.
struct EventFeed {
    private(set) var events: [LoggedEvent] = []
    var seq: Int { events.count }

    @discardableResult
    mutating func add(_ event: Event, role: Role = .secretaris) -> Int {
        let seq = events.count + 1
        events.append(LoggedEvent(seq: seq, timestamp: "2009-03-17T19:\(seq < 10 ? "0" : "")\(seq):00Z", role: role, event: event))
        return seq
    }
}

func day(_ y: Int, _ m: Int, _ d: Int, file: StaticString = #filePath, line: UInt = #line) -> Day {
    guard let day = Day(year: y, month: m, day: d) else {
        XCTFail("\(y)-\(m)-\(d) should be a valid day", file: file, line: line)
        return Day(ordinal: 0)
    }
    return day
}

func id(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> RecordID {
    guard let id = RecordID(text) else {
        XCTFail("\(text) should parse as an id", file: file, line: line)
        return RecordID(.signal, 999_999)
    }
    return id
}
