import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

/// `--allow-damaged` on every reading command.
struct DamageOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(Text.safety(.allowDamagedHelp).text)) var allowDamaged = false
}

/// The log is damaged or holds a line this program cannot read: exit 2 (README), message on stderr.
struct DamagedLog: Error, CustomStringConvertible {
    let description: String
}

/// What a reading command's output says when it was made from a damaged log (`--allow-damaged`).
struct DamageNote {
    let line: Int
    let problem: String
    let path: String

    /// One line for the top of a table or document.
    var text: String { Text.safety(.damagedOutputNote(line: line, reason: problem)).text }

    /// The same for JSON output.
    var json: [String: Any] { ["line": line, "problem": problem, "log": path, "note": text] }
}

/// Reading commands tell scripts the truth: on a damaged log, or one with a line the program cannot
/// read, they name the first bad line on stderr and exit 2 without any output, since what comes
/// before the damage is a partial answer. With `--allow-damaged` they print what could be read,
/// and the output itself says it is incomplete.
enum ReadGuard {
    static func check(_ session: Session, path: String, allowDamaged: Bool) throws -> DamageNote? {
        guard let issue = session.firstProblem else { return nil }
        let problem = issue.problem.description
        guard allowDamaged else {
            throw DamagedLog(description: Text.safety(.damagedNoOutput(path: path, line: issue.line, reason: problem)).text)
        }
        printError(Text.safety(.damagedPartialOutput(path: path, line: issue.line, reason: problem)).text)
        return DamageNote(line: issue.line, problem: problem, path: path)
    }

    /// The output of a JSON list with the damage said in it: `{"damaged": {…}, "records": […]}`.
    static func json(_ records: Any, _ note: DamageNote?) -> Any {
        guard let note else { return records }
        return ["damaged": note.json, "records": records]
    }
}
