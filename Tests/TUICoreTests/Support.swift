import Foundation
import XCTest
import KernteamDomain
import KernteamSession
@testable import KernteamTUI

enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folded demo log, read from Data/ (the file a newcomer sees first).
    static let demo: KernteamState = {
        let path = repoRoot.appendingPathComponent("Data/demo-log.jsonl").path
        let session = try! Session.open(path: path, reference: nil, readOnly: true)
        return session.state
    }()

    /// A fixed "today" so overdue marks do not change with the calendar.
    static let today = Day("2009-07-20")!

    static var reference: ReferenceData {
        let data = try! Data(contentsOf: repoRoot.appendingPathComponent("Data/reference.json"))
        return try! JSONDecoder().decode(ReferenceData.self, from: data)
    }

    /// A state with only the reference data and a meeting, plus the given events.
    static func state(_ events: [Event]) -> KernteamState {
        var s = KernteamState()
        var seq = 0
        for e in [Event.referenceSet(reference)] + events {
            seq += 1
            s.apply(LoggedEvent(seq: seq, timestamp: "2009-03-10T19:00:00Z", role: .secretaris, event: e))
        }
        return s
    }
}

/// Compares a rendered buffer with a golden text file under Tests/TUICoreTests/Golden/.
/// Set UPDATE_GOLDEN=1 to write the file instead (then review the diff before committing).
func assertGolden(_ buffer: Buffer, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = Fixture.repoRoot.appendingPathComponent("Tests/TUICoreTests/Golden/\(name).txt")
    let actual = buffer.textRows.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        .joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        try! actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(name).txt; run with UPDATE_GOLDEN=1", file: file, line: line)
        return
    }
    if expected != actual {
        XCTFail("screen differs from \(name).txt:\n--- expected\n\(expected)--- actual\n\(actual)", file: file, line: line)
    }
}

/// Feeds keys to the reducer like the runtime does, recording into an in-memory state.
struct Driver {
    var model: AppModel
    var state: KernteamState
    var today = Fixture.today
    var effects: [Effect] = []

    init(state: KernteamState, cols: Int = 80, rows: Int = 24) {
        self.state = state
        model = AppModel(cols: cols, rows: rows, logPath: "/tmp/demo.jsonl", kern: state.latestMeeting(kern: nil)?.kern ?? "Delfgauw")
    }

    var world: World { World(domain: state, today: today) }

    mutating func press(_ keys: Key...) {
        for key in keys { handle(key) }
    }

    mutating func type(_ text: String) {
        for c in text { handle(.char(c)) }
    }

    /// Runs record effects against the in-memory state, as the runtime would against the log.
    mutating func handle(_ key: Key) {
        let out = Reducer.reduce(&model, .key(key), world)
        effects += out
        for effect in out {
            if case let .record(kind, draft, meeting, target) = effect {
                switch Validator(state: state, today: today).validate(kind, draft, meeting: meeting, target: target) {
                case .success(let event):
                    let logged = LoggedEvent(seq: state.lastSeq + 1, timestamp: "2009-07-20T19:00:00Z", role: .secretaris, event: event)
                    state.apply(logged)
                    _ = Reducer.reduce(&model, .recorded(.success(logged)), world)
                case .failure(let refusal):
                    _ = Reducer.reduce(&model, .recorded(.failure(.refused(refusal))), world)
                }
            }
        }
    }

    func render(palette: Palette = .standard) -> Buffer {
        Screen(model: model, world: world, palette: palette).render()
    }
}
