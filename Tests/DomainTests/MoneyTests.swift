import Foundation
import XCTest
import KernteamDomain

final class MoneyTests: XCTestCase {
    func testParsesDutchAmountsInCents() {
        XCTAssertEqual(Money("1.250,50")?.cents, 125_050)
        XCTAssertEqual(Money("1250,50")?.cents, 125_050)
        XCTAssertEqual(Money("1250,5")?.cents, 125_050)
        XCTAssertEqual(Money("1250")?.cents, 125_000)
        XCTAssertEqual(Money("0,05")?.cents, 5)
        XCTAssertEqual(Money("1.250")?.cents, 125_000, "a dot with three digits after it groups thousands")
        XCTAssertEqual(Money("1.250.000")?.cents, 125_000_000)
        XCTAssertEqual(Money("€ 1.250")?.cents, 125_000)
        XCTAssertEqual(Money("€ 1.250,50")?.cents, 125_050)
        XCTAssertEqual(Money("€1250,50")?.cents, 125_050)
        XCTAssertEqual(Money(" 200.000 ")?.cents, 20_000_000)
        XCTAssertEqual(Money("1.005")?.cents, 100_500, "a dot groups thousands: 1.005 is a thousand and five euros")
        XCTAssertEqual(Money("999.999.999.999,99")?.cents, Money.maxCents)
    }

    /// Only the Dutch form: an amount that could be read two ways is refused, never guessed.
    func testRefusesAmbiguousAmounts() {
        for text in ["1250.50", "1250.5", "1.2.3", "12,", "1.05", "1.0", "12.3456", "1.234.56", "1,234.56", "1.,5", ".5", "1.234,567",
                     "1 234", "200 000", "12,5,0", "1000000000000", "€", "-", "+5", "1e3", "0x10", "١٢٣"] {
            XCTAssertNil(Money(text), "'\(text)' should be refused")
        }
    }

    func testSumsNeverTrap() {
        let edge = Money(cents: Int.max - 1)
        XCTAssertEqual(Money.sum([edge, edge, Money(cents: 5)]).cents, Int.max, "clamped at the edge, not trapped")
        XCTAssertEqual(Money(cents: Int.min + 1).subtracting(Money(cents: 10)).cents, Int.min)
        XCTAssertEqual(Money(cents: Int.min).dutch.hasPrefix("€ -"), true, "abs(Int.min) would trap")
        XCTAssertEqual(Money.sum([Money(cents: 250), Money(cents: 100)]).cents, 350)
    }

    func testParsesNegativeAmounts() {
        XCTAssertEqual(Money("-5")?.cents, -500)
        XCTAssertEqual(Money("-1.250,50")?.cents, -125_050)
    }

    func testRefusesWhatIsNotAnAmount() {
        for text in ["", "€", " ", "abc", "12,345", "1,2,3", "1,250.50", "12a", "--5", ",50",
                     "1234567890123", "٣٤"] {
            XCTAssertNil(Money(text), "'\(text)' should be refused")
        }
    }

    func testDutchDisplay() {
        XCTAssertEqual(Money(cents: 125_050).dutch, "€ 1.250,50")
        XCTAssertEqual(Money(cents: 5).dutch, "€ 0,05")
        XCTAssertEqual(Money(cents: 0).dutch, "€ 0,00")
        XCTAssertEqual(Money(cents: 99_999).dutch, "€ 999,99")
        XCTAssertEqual(Money(cents: 100_000).dutch, "€ 1.000,00")
        XCTAssertEqual(Money(cents: 20_000_000).dutch, "€ 200.000,00")
        XCTAssertEqual(Money(cents: 123_456_789).dutch, "€ 1.234.567,89")
        XCTAssertEqual(Money(cents: -125_050).dutch, "€ -1.250,50")
    }

    func testDisplayParsesBackToSameAmount() {
        for cents in [0, 1, 10, 99, 100, 12_345, 125_050, 100_000_000, 123_456_789_01, -42, -125_050] {
            XCTAssertEqual(Money(Money(cents: cents).dutch)?.cents, cents, "\(Money(cents: cents).dutch)")
        }
    }

    func testStoredAsIntegerCents() throws {
        let data = try JSONEncoder().encode([Money(cents: 125_050)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[125050]")
        XCTAssertEqual(try JSONDecoder().decode([Money].self, from: data), [Money(cents: 125_050)])
        XCTAssertLessThan(Money(cents: 99), Money(cents: 100))
    }
}
