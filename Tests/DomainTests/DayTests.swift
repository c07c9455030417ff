import Foundation
import XCTest
import KernteamDomain

final class DayTests: XCTestCase {
    func testParsesISO() throws {
        let d = try XCTUnwrap(Day("2009-03-17"))
        XCTAssertEqual(d.year, 2009)
        XCTAssertEqual(d.month, 3)
        XCTAssertEqual(d.day, 17)
        XCTAssertEqual(d.description, "2009-03-17")
    }

    func testParsesDutchDayMonthYear() throws {
        let d = try XCTUnwrap(Day("17-03-2009"))
        XCTAssertEqual(d, Day(year: 2009, month: 3, day: 17))
        XCTAssertEqual(d.dutch, "17-03-2009")
        XCTAssertEqual(d.short, "17-03")
        XCTAssertEqual(d.description, "2009-03-17", "the log always stores ISO")
    }

    func testAcceptsSurroundingSpacesAndUnpaddedParts() {
        XCTAssertEqual(Day("  2009-03-07 "), Day(year: 2009, month: 3, day: 7))
        XCTAssertEqual(Day("7-3-2009"), Day(year: 2009, month: 3, day: 7))
        XCTAssertEqual(Day("2009-3-7"), Day(year: 2009, month: 3, day: 7))
    }

    func testRefusesImpossibleDates() {
        XCTAssertNil(Day("2009-02-30"))
        XCTAssertNil(Day("30-02-2009"))
        XCTAssertNil(Day("2009-02-29"), "2009 is not a leap year")
        XCTAssertNil(Day("1900-02-29"), "1900 is not a leap year (divisible by 100)")
        XCTAssertNil(Day("2009-04-31"))
        XCTAssertNil(Day("2009-13-01"))
        XCTAssertNil(Day("2009-00-10"))
        XCTAssertNil(Day("2009-01-00"))
        XCTAssertNil(Day(year: 2009, month: 2, day: 30))
    }

    func testAcceptsLeapDays() {
        XCTAssertNotNil(Day("2008-02-29"))
        XCTAssertNotNil(Day("2000-02-29"), "2000 is a leap year (divisible by 400)")
        XCTAssertNotNil(Day("29-02-2012"))
    }

    func testRefusesMalformedText() {
        for text in ["", "2009", "2009-03", "2009-03-17-01", "09-03-17", "2009/03/17", "17.03.2009",
                     "2009-03-1x", "2009--17", "+2009-03-17", "２００９-03-17", "2009-03-17T10:00", "vandaag"] {
            XCTAssertNil(Day(text), "'\(text)' should be refused")
        }
    }

    func testOrdinalMatchesUnixDays() {
        XCTAssertEqual(day(1970, 1, 1).ordinal, 0)
        XCTAssertEqual(day(1970, 1, 2).ordinal, 1)
        XCTAssertEqual(day(1969, 12, 31).ordinal, -1)
        // 1_237_000_000 s after the epoch is 2009-03-14 03:06:40 UTC.
        XCTAssertEqual(day(2009, 3, 14).ordinal, 1_237_000_000 / 86_400)
    }

    func testOrdinalAgreesWithFoundationCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for ordinal in stride(from: -25_000, through: 40_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(ordinal) * 86_400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            let d = Day(ordinal: ordinal)
            XCTAssertEqual([d.year, d.month, d.day], [c.year!, c.month!, c.day!], "ordinal \(ordinal)")
        }
    }

    func testOrdinalRoundTrip() {
        for ordinal in -25_567...40_000 {   // 1900-01-01 … 2079
            let d = Day(ordinal: ordinal)
            XCTAssertEqual(d.ordinal, ordinal)
            XCTAssertEqual(Day(year: d.year, month: d.month, day: d.day), d)
            XCTAssertEqual(Day(d.description), d)
            XCTAssertEqual(Day(d.dutch), d)
        }
    }

    func testOrderingFollowsCalendar() {
        XCTAssertLessThan(day(2008, 12, 31), day(2009, 1, 1))
        XCTAssertLessThan(day(2009, 2, 28), day(2009, 3, 1))
        XCTAssertFalse(day(2009, 3, 1) < day(2009, 3, 1))
        XCTAssertEqual([day(2009, 3, 17), day(2008, 5, 1), day(2009, 1, 31)].sorted(),
                       [day(2008, 5, 1), day(2009, 1, 31), day(2009, 3, 17)])
    }

    func testCodableUsesISOStringAndRefusesBadDates() throws {
        let data = try JSONEncoder().encode([day(2009, 3, 7)])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"2009-03-07\"]")
        XCTAssertEqual(try JSONDecoder().decode([Day].self, from: data), [day(2009, 3, 7)])
        XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data("[\"2009-02-30\"]".utf8)))
    }

    /// `2009-03-17` is read by a quick path; other forms by the general one. Both check the calendar.
    func testQuickISOPathChecksTheCalendar() {
        XCTAssertEqual(Day("2008-02-29"), day(2008, 2, 29))
        XCTAssertNil(Day("2009-02-29"))
        XCTAssertNil(Day("2009-13-01"))
        XCTAssertNil(Day("2009-00-10"))
        XCTAssertNil(Day("1899-12-31"))
        XCTAssertNil(Day("2009/03/17"))
        XCTAssertNil(Day("2009-03-1x"))
        XCTAssertEqual(Day("2009-3-17"), day(2009, 3, 17))
        XCTAssertEqual(Day("17-03-2009"), day(2009, 3, 17))
        XCTAssertEqual(Day("2999-12-31"), day(2999, 12, 31))
    }
}
