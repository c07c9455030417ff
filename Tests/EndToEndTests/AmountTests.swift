import Foundation
import XCTest

/// Strict amounts through the command line: only the Dutch form; anything that could be read two
/// ways is refused with an example of the right form, and nothing is appended.
final class AmountTests: XCTestCase {
    override func setUpWithError() throws { try Tmux.requireTools() }

    func testAmbiguousAmountsAreRefusedWithAnExample() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let log = scratch.dir + "/log.jsonl"
        XCTAssertEqual(HostileCLI.run(["add", "decision", "--wijk", "Emerald", "--text", "begin", "--log", log]).status, 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        for amount in ["1.2.3", "12,", "1.05", "1200.50", "1,234.56", "1 234", "12,345"] {
            for args in [["add", "action", "--wijk", "Emerald", "--title", "t", "--owner", "gemeente beheer", "--cost", amount],
                         ["add", "budget", "--wijk", "Emerald", "--year", "2009", "--amount", amount]] {
                let r = HostileCLI.run(args + ["--log", log])
                XCTAssertEqual(r.status, 1, "\(args.prefix(2)) \(amount): \(r.out)")
                XCTAssertTrue(r.err.contains("1.250,50"), "\(amount): says the right form: \(r.err)")
            }
        }
        // An amount in the right form but past the largest the program reads says where the limit is.
        let tooLarge = HostileCLI.run(["add", "budget", "--wijk", "Emerald", "--year", "2009", "--amount", "1.000.000.000.000", "--log", log])
        XCTAssertEqual(tooLarge.status, 1, tooLarge.out)
        XCTAssertTrue(tooLarge.err.contains("ten hoogste 999.999.999.999,99"), tooLarge.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: log)), before, "nothing appended")
        // The Dutch forms are taken, and 1.005 is a thousand and five.
        for (amount, cents) in [("1.005", 100_500), ("1.250,50", 125_050), ("1250,5", 125_050), ("€ 1250", 125_000)] {
            let r = HostileCLI.run(["add", "budget", "--wijk", "Emerald", "--year", "2009", "--amount", amount, "--log", log])
            XCTAssertEqual(r.status, 0, "\(amount): \(r.err)")
            let list = HostileCLI.run(["list", "budgets", "--format", "json", "--log", log])
            let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
            XCTAssertEqual(rows.first?["amount_cents"] as? Int, cents, "\(amount) → \(cents): \(list.out)")
            // One budget per wijk and year: make room for the next.
            XCTAssertEqual(HostileCLI.run(["add", "decision", "--wijk", "Emerald", "--text", "x", "--log", log]).status, 0)
            try Data(before).write(to: URL(fileURLWithPath: log))
        }
    }
}
