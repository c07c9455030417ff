import Foundation

/// The language of every text a user sees. Dutch is the default; English is the second language.
///
/// The language is chosen once, at start-up (`kernteam --lang en`, else the environment), before
/// anything is drawn or printed; `Text.text` reads it. Tests that do not set it get Dutch.
public enum Language: String, CaseIterable, Sendable {
    case nl, en

    nonisolated(unsafe) private static var stored: Language = .nl
    private static let lock = NSLock()

    /// The language of this process. Set it once at start-up; reading is safe from any thread.
    public static var current: Language {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }

    /// `en` when the locale environment asks for English (`LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG`, the first one set wins, as in POSIX); everything else, including `C` and `POSIX`, is Dutch.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .nl
        }
        return .nl
    }

    /// Parses a `--lang` value: `nl`, `en` (also `nl_NL`, `en-GB`, `English` …).
    public init?(argument: String) {
        let v = argument.lowercased()
        if v.hasPrefix("en") { self = .en } else if v.hasPrefix("nl") || v == "dutch" || v == "nederlands" { self = .nl } else { return nil }
    }
}

extension Text {
    /// The text in the current language (`Language.current`).
    public var text: String { Language.current == .en ? en : nl }
}
