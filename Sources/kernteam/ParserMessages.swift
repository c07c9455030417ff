import Foundation
import KernteamDomain

/// swift-argument-parser writes its help and its usage errors in English and offers no way to change
/// its words. Everything it writes passes through here before it is printed: its headings, the help
/// flag, the notes after an option, its usage-error sentences and the names of values (`<title>`)
/// become the current language's (`CLIParserText`); our own help texts and messages already are.
/// A sentence the parser might write that is not known here stays English (docs/DECISIONS.md 40).
enum ParserMessages {
    // NSRegularExpression is immutable and safe to share between threads.
    private struct Rule: @unchecked Sendable {
        let regex: NSRegularExpression
        let replace: @Sendable ([String]) -> String
        init(_ pattern: String, _ replace: @escaping @Sendable ([String]) -> String) {
            regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            self.replace = replace
        }
    }

    private static func t(_ p: CLIParserText) -> String { Text.cliParser(p).text }

    /// Whole sentences of a usage error (after "Error: ").
    private static let errors: [Rule] = [
        Rule(#"^Unknown option '(.+)'\. Did you mean '(.+)'\?$"#) { t(.didYouMean($0[1], $0[2])) },
        Rule(#"^Unknown option '(.+)'$"#) { t(.unknownOption($0[1])) },
        Rule(#"^Missing value for '(.+)'$"#) { t(.missingValue($0[1])) },
        Rule(#"^Missing expected argument '(.+)'$"#) { t(.missingArgument($0[1])) },
        Rule(#"^Missing one of: '(.+)'$"#) { t(.missingOneOf($0[1])) },
        Rule(#"^Unexpected argument '(.*)'$"#) { t(.unexpectedArgument($0[1])) },
        Rule(#"^([0-9]+) unexpected arguments: '(.*)'$"#) { t(.unexpectedArguments(Int($0[1]) ?? 0, $0[2])) },
        Rule(#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:$"#) { t(.invalidValueChooseBelow($0[1], $0[2])) },
        Rule(#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\.$"#) { t(.invalidValueChoose($0[1], $0[2], orList($0[3]))) },
        Rule(#"^The value '(.*)' is invalid for '(.+)': (.*)$"#) { t(.invalidValueBecause($0[1], $0[2], $0[3])) },
        Rule(#"^The value '(.*)' is invalid for '(.+)'$"#) { t(.invalidValue($0[1], $0[2])) },
        Rule(#"^The option '(.+)' does not take any value, but '(.*)' was specified\.$"#) { t(.noValueTaken($0[1], $0[2])) },
        Rule(#"^Missing required subcommand\.$"#) { _ in t(.missingSubcommand) },
        Rule(#"^Invalid option: (.+)$"#) { t(.invalidOption($0[1])) },
    ]

    /// Pieces of help and of the lines around an error, replaced where they stand (line breaks kept).
    private static let pieces: [Rule] = [
        Rule(#"^OVERVIEW:"#) { _ in t(.overview) },
        Rule(#"^USAGE:"#) { _ in t(.usage) },
        Rule(#"^ARGUMENTS:$"#) { _ in t(.arguments) },
        Rule(#"^OPTIONS:$"#) { _ in t(.options) },
        Rule(#"^SUBCOMMANDS:$"#) { _ in t(.subcommands) },
        Rule(#"^(  \S+) \(default\)"#) { $0[1] + " " + t(.defaultSubcommand) },
        Rule(#"\(values:"#) { _ in t(.valuesOpen) },
        Rule(#"; default as flag:"#) { _ in t(.defaultAsFlagAfterValues) },
        Rule(#"; default:"#) { _ in t(.defaultAfterValues) },
        Rule(#"\(default as flag:"#) { _ in t(.defaultAsFlagOpen) },
        Rule(#"\(default:"#) { _ in t(.defaultOpen) },
        Rule(#"Show subcommand help information\."#) { _ in t(.helpCommand) },
        Rule(#"Show help information\."#) { _ in t(.helpFlag) },
        Rule(#"Show the version\."#) { _ in t(.versionFlag) },
        Rule(#"^  See '(.+) <subcommand>' for detailed help\.$"#) { "  " + t(.seeSubcommandHelp($0[1])) },
        Rule(#"^  See '(.+)' for more information\.$"#) { "  " + t(.seeHelp($0[1])) },
        Rule(#"^Help:"#) { _ in t(.helpPrefix) },
        Rule(#"^Usage: "#) { _ in t(.usagePrefix) },
        Rule(#"^Error: (.*)$"#) { t(.errorPrefix) + errorSentence($0[1]) },
    ]

    /// The names of values, `<title>` → `<titel>`, in usage lines and option lists.
    private static let valueNames = try! NSRegularExpression(pattern: #"<([a-z][a-z-]*)>"#)

    /// The parser's message in the current language.
    static func translate(_ message: String) -> String {
        var text = message
        for rule in pieces { text = apply(rule, to: text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { translateValueNames(String($0)) }.joined(separator: "\n")
    }

    private static let valueNameRule = Rule(valueNames.pattern) { "<" + t(.valueName($0[1])) + ">" }
    /// An option line of the help: its names, then (after two or more spaces) its description.
    private static let optionLine = try! NSRegularExpression(pattern: #"^(  \S.*?)( {2,})(\S.*)$"#)

    /// Value names in one line; in an option line the description keeps its column.
    static func translateValueNames(_ line: String) -> String {
        let ns = line as NSString
        guard let m = optionLine.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else {
            return apply(valueNameRule, to: line)
        }
        let names = ns.substring(with: m.range(at: 1)), column = m.range(at: 3).location
        let translated = apply(valueNameRule, to: names)
        let gap = max(2, column - translated.count)
        return translated + String(repeating: " ", count: gap) + ns.substring(with: m.range(at: 3))
    }

    static func errorSentence(_ sentence: String) -> String {
        for rule in errors {
            let replaced = apply(rule, to: sentence)
            if replaced != sentence { return replaced }
        }
        return sentence
    }

    /// `'a', 'b' or 'c'` and `'a' and 'b'` with the current language's "or".
    static func orList(_ list: String) -> String {
        list.replacingOccurrences(of: "' and '", with: "' \(t(.listOr)) '").replacingOccurrences(of: "' or '", with: "' \(t(.listOr)) '")
    }

    private static func apply(_ rule: Rule, to text: String) -> String {
        let ns = text as NSString
        let matches = rule.regex.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return text }
        var out = ""
        var at = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: at, length: m.range.location - at))
            let groups = (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
            out += rule.replace(groups)
            at = m.range.location + m.range.length
        }
        return out + ns.substring(from: at)
    }
}
