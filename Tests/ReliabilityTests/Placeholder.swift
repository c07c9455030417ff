import XCTest
final class PlaceholderReliabilityTests: XCTestCase { func testPlaceholder() { XCTAssertTrue(true) } }
