import Foundation
import KernteamDomain
import KernteamLog

/// Finds the files in `Data/`: the editable reference data and the demo log.
/// Order: `$KERNTEAM_DATA`, then a `Data/` folder above the executable (a build inside the
/// repository), then the repository this binary was built from.
enum DataLocator {
    static func dataDirectory() -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["KERNTEAM_DATA"], !env.isEmpty {
            return env
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Data")
            if fm.fileExists(atPath: candidate.appendingPathComponent("reference.json").path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidate = source.appendingPathComponent("Data")
        if fm.fileExists(atPath: candidate.appendingPathComponent("reference.json").path) { return candidate.path }
        return nil
    }

    static func file(_ name: String) throws -> String {
        guard let dir = dataDirectory() else { throw CLIError(Text.cliNoDataFolder.text) }
        return PathName.join(dir, name)
    }

    static func reference() throws -> ReferenceData {
        let path = try file("reference.json")
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(Text.cliCannotRead(path).text) }
        do {
            return try JSONDecoder().decode(ReferenceData.self, from: data)
        } catch {
            throw CLIError(Text.cliBadReference(path: path, why: "\(error)").text)
        }
    }

    /// `Data/settings.json`, or the defaults when it is missing.
    static func settings() throws -> Settings {
        guard let path = try? file("settings.json"), let data = FileManager.default.contents(atPath: path) else { return Settings() }
        do {
            return try JSONDecoder().decode(Settings.self, from: data)
        } catch {
            throw CLIError(Text.cliBadSettings(path: path, why: "\(error)").text)
        }
    }

    /// `Data/averages.json` (Haaglanden's and the Dutch Lemon averages), or none when it is missing. A file
    /// that cannot be used is refused with what to fix; the app then opens without averages (`appAverages`).
    static func averages() throws -> LemonAverages {
        guard let path = try? file("averages.json"), let data = FileManager.default.contents(atPath: path) else { return .none }
        do {
            return try LemonAverages.parse(data)
        } catch let problem as AveragesProblem {
            throw CLIError(Text.plan(.averagesBad(path: path, why: problem.description)).text)
        }
    }

    /// The averages for the app: a file that cannot be used only costs the averages, and says so on screen.
    static func appAverages() -> (LemonAverages, warning: String?) {
        do {
            return (try averages(), nil)
        } catch {
            return (.none, Text.plan(.averagesLeftOut("\(error)")).text)
        }
    }

    /// `--log`, else `$KERNTEAM_LOG`, else `$XDG_DATA_HOME/kernteam/kernteam.jsonl`.
    static func logPath(_ option: String?) -> String {
        if let option, !option.isEmpty { return option }
        let env = ProcessInfo.processInfo.environment
        if let p = env["KERNTEAM_LOG"], !p.isEmpty { return p }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PathName.join(NSHomeDirectory(), ".local/share")
        return PathName.join(PathName.join(base, "kernteam"), "kernteam.jsonl")
    }
}

/// The exit statuses every command uses (README): 0 done, 1 refused (bad input, not a log, cannot
/// write), 2 the log is damaged or holds a line this program cannot read, 64 wrong usage.
enum ExitStatus {
    static let refused: Int32 = 1
    static let damaged: Int32 = 2
    static let usage: Int32 = 64
}

/// An error with a Dutch message for stderr; exits 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
