import Foundation
import KernteamDomain
import KernteamLog

/// The full check of a log: every line parses, the sequence is gapless, the chain is intact.
public struct VerifyReport: Sendable {
    public var entries: Int
    public var headSeq: Int
    public var headHash: String
    public var issues: [LineIssue]
    public var isIntact: Bool { issues.isEmpty }
}

public enum Verifier {
    public static func verify(path: String) throws -> VerifyReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError.io(operation: "open", code: errno == 0 ? ENOENT : errno)
        }
        let result = data.withUnsafeBytes { LogScanner.scan($0) }
        var issues = result.issues
        for line in result.lines {
            do { _ = try EventCoding.decode(line) } catch let e as EventCoding.Undecodable {
                issues.append(LineIssue(line: line.number, problem: .notParsable(e.reason)))
            }
        }
        issues.sort { $0.line < $1.line }
        return VerifyReport(entries: result.goodCount, headSeq: result.headSeq, headHash: result.headHash, issues: issues)
    }
}
