import ArgumentParser
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

/// `kernteam repair`: a log whose line ends were turned into CR LF (an editor, a mail attachment, git
/// on another system) is refused when opened. This takes out exactly the CR before each newline,
/// checks the result in full (the chain was computed without them, so it holds again), and writes it
/// as a new file beside the log. The log itself is never changed: the user puts the copy in place.
struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: Text.safety(.repairAbstract).text)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let path = DataLocator.logPath(global.log)
        let target = path + ".hersteld"
        let original: [UInt8]
        do {
            original = try OpeningRules.readRegularFile(path, limit: Int.max)
        } catch let e as LogError {
            throw CLIError(Session.describe(e) + " (\(TerminalSafeText.clean(path)))")
        }
        var fixed: [UInt8] = []
        fixed.reserveCapacity(original.count)
        var removed = 0
        for (i, b) in original.enumerated() {
            if b == 0x0D, i + 1 < original.count, original[i + 1] == 0x0A { removed += 1; continue }
            fixed.append(b)
        }
        guard removed > 0 else {
            print(Text.safety(.repairNothingToDo(TerminalSafeText.clean(path))).text)
            return
        }
        let report = fixed.withUnsafeBytes { Verifier.lineByLine($0) }
        guard report.isIntact else {
            printError(Text.safety(.repairNotPossible(count: report.issues.count)).text)
            for issue in report.issues.prefix(20) { printError(issue.description) }
            throw ExitCode(ExitStatus.damaged)
        }
        if FileManager.default.fileExists(atPath: target) || OpeningRules.nonRegularKind(at: target) != nil {
            throw CLIError(Text.safety(.repairTargetExists(TerminalSafeText.clean(target))).text)
        }
        do {
            try PrivateFiles.create(target, bytes: fixed)
        } catch let e as LogError {
            throw CLIError(Session.describe(e) + " (\(TerminalSafeText.clean(target)))")
        }
        print(Text.safety(.repairWritten(from: TerminalSafeText.clean(path), to: TerminalSafeText.clean(target), lines: report.entries)).text)
    }
}
