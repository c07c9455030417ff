/// The words swift-argument-parser writes around our own help texts (headings, the help flag, the
/// usage line) and its usage errors, in both languages. The parser itself only writes English; the
/// CLI puts each of these pieces into the current language before printing (`ParserMessages`).
/// The English texts are the parser's own words, so English output is what the parser writes.
public enum CLIParserText: Hashable, Sendable {
    // Help
    case overview, usage, arguments, options, subcommands
    /// After the default subcommand's name in the list of subcommands.
    case defaultSubcommand
    /// The openings of the notes after an option's help: "(values: a, b; default: a)".
    case valuesOpen, defaultOpen, defaultAfterValues, defaultAsFlagOpen, defaultAsFlagAfterValues
    case helpFlag, versionFlag, helpCommand
    case seeSubcommandHelp(String)
    // Usage errors
    case errorPrefix, helpPrefix, usagePrefix
    case seeHelp(String)
    case unknownOption(String), didYouMean(String, String)
    case missingValue(String), missingArgument(String), missingOneOf(String)
    case unexpectedArgument(String), unexpectedArguments(Int, String)
    case invalidValue(String, String), invalidValueChoose(String, String, String), invalidValueChooseBelow(String, String)
    case invalidValueBecause(String, String, String)
    case noValueTaken(String, String)
    case missingSubcommand, invalidOption(String)
    /// "a", "b" and "c" → the last joiner of a list of allowed values.
    case listOr
    /// The name of an option's value in `<…>`, by the name the parser gives it (the option's own name).
    case valueName(String)

    /// One of each, for the language tests.
    public static let examples: [CLIParserText] = [
        .overview, .usage, .arguments, .options, .subcommands, .defaultSubcommand,
        .valuesOpen, .defaultOpen, .defaultAfterValues, .defaultAsFlagOpen, .defaultAsFlagAfterValues,
        .helpFlag, .versionFlag, .helpCommand, .seeSubcommandHelp("kernteam help"),
        .errorPrefix, .helpPrefix, .usagePrefix, .seeHelp("kernteam list --help"),
        .unknownOption("--wijkk"), .didYouMean("--wijkk", "--wijk"), .missingValue("--wijk <wijk>"),
        .missingArgument("--title <title>"), .missingOneOf("--a, --b"), .unexpectedArgument("x"), .unexpectedArguments(2, "x', 'y"),
        .invalidValue("xml", "--format <format>"), .invalidValueChoose("xml", "--format <format>", "'table' of 'json'"),
        .invalidValueChooseBelow("xml", "--format <format>"),
        .invalidValueBecause("xml", "--format <format>", "onbekend"),
        .noValueTaken("--force", "ja"), .missingSubcommand, .invalidOption("-x"), .listOr, .valueName("title"),
    ]

    public var nl: String {
        switch self {
        case .overview: "OVERZICHT:"
        case .usage: "GEBRUIK:"
        case .arguments: "ARGUMENTEN:"
        case .options: "OPTIES:"
        case .subcommands: "SUBCOMMANDO'S:"
        case .defaultSubcommand: "(standaard)"
        case .valuesOpen: "(waarden:"
        case .defaultOpen: "(standaard:"
        case .defaultAfterValues: "; standaard:"
        case .defaultAsFlagOpen: "(standaard als vlag:"
        case .defaultAsFlagAfterValues: "; standaard als vlag:"
        case .helpFlag: "Toont deze uitleg."
        case .versionFlag: "Toont de versie."
        case .helpCommand: "Toont de uitleg bij een subcommando."
        case .seeSubcommandHelp(let c): "Uitleg per subcommando: '\(c) <subcommando>'."
        case .errorPrefix: "Fout: "
        case .helpPrefix: "Uitleg:"
        case .usagePrefix: "Gebruik: "
        case .seeHelp(let c): "Meer uitleg: '\(c)'."
        case .unknownOption(let o): "Onbekende optie '\(o)'"
        case let .didYouMean(o, s): "Onbekende optie '\(o)'. Bedoelt u '\(s)'?"
        case .missingValue(let o): "Er ontbreekt een waarde bij '\(o)'"
        case .missingArgument(let a): "Verplicht, maar niet gegeven: '\(a)'"
        case .missingOneOf(let a): "Geef een van: '\(a)'"
        case .unexpectedArgument(let a): "Onverwacht argument '\(a)'"
        case let .unexpectedArguments(n, a): "\(n) onverwachte argumenten: '\(a)'"
        case let .invalidValue(v, o): "De waarde '\(v)' past niet bij '\(o)'"
        case let .invalidValueChoose(v, o, list): "De waarde '\(v)' past niet bij '\(o)'. Kies \(list)."
        case let .invalidValueChooseBelow(v, o): "De waarde '\(v)' past niet bij '\(o)'. Kies een van deze:"
        case let .invalidValueBecause(v, o, why): "De waarde '\(v)' past niet bij '\(o)': \(why)"
        case let .noValueTaken(o, v): "De optie '\(o)' neemt geen waarde, maar kreeg '\(v)'."
        case .missingSubcommand: "Kies een subcommando."
        case .invalidOption(let o): "Ongeldige optie: \(o)"
        case .listOr: "of"
        case .valueName(let name): Self.dutchValueNames[name] ?? name
        }
    }

    public var en: String {
        switch self {
        case .overview: "OVERVIEW:"
        case .usage: "USAGE:"
        case .arguments: "ARGUMENTS:"
        case .options: "OPTIONS:"
        case .subcommands: "SUBCOMMANDS:"
        case .defaultSubcommand: "(default)"
        case .valuesOpen: "(values:"
        case .defaultOpen: "(default:"
        case .defaultAfterValues: "; default:"
        case .defaultAsFlagOpen: "(default as flag:"
        case .defaultAsFlagAfterValues: "; default as flag:"
        case .helpFlag: "Show help information."
        case .versionFlag: "Show the version."
        case .helpCommand: "Show subcommand help information."
        case .seeSubcommandHelp(let c): "See '\(c) <subcommand>' for detailed help."
        case .errorPrefix: "Error: "
        case .helpPrefix: "Help:"
        case .usagePrefix: "Usage: "
        case .seeHelp(let c): "See '\(c)' for more information."
        case .unknownOption(let o): "Unknown option '\(o)'"
        case let .didYouMean(o, s): "Unknown option '\(o)'. Did you mean '\(s)'?"
        case .missingValue(let o): "Missing value for '\(o)'"
        case .missingArgument(let a): "Missing expected argument '\(a)'"
        case .missingOneOf(let a): "Missing one of: '\(a)'"
        case .unexpectedArgument(let a): "Unexpected argument '\(a)'"
        case let .unexpectedArguments(n, a): "\(n) unexpected arguments: '\(a)'"
        case let .invalidValue(v, o): "The value '\(v)' is invalid for '\(o)'"
        case let .invalidValueChoose(v, o, list): "The value '\(v)' is invalid for '\(o)'. Please provide one of \(list)."
        case let .invalidValueChooseBelow(v, o): "The value '\(v)' is invalid for '\(o)'. Please provide one of the following:"
        case let .invalidValueBecause(v, o, why): "The value '\(v)' is invalid for '\(o)': \(why)"
        case let .noValueTaken(o, v): "The option '\(o)' does not take any value, but '\(v)' was specified."
        case .missingSubcommand: "Missing required subcommand."
        case .invalidOption(let o): "Invalid option: \(o)"
        case .listOr: "or"
        case .valueName(let name): name
        }
    }

    /// What goes in `<…>` after an option in Dutch help, by the option's name. Names that are Dutch
    /// already (wijk, kern, buurt) or the same in both (id, log, status, score) are not listed.
    static let dutchValueNames: [String: String] = [
        "amount": "bedrag", "as-of": "datum", "checkpoint": "controlepunt", "copy-to": "pad", "cost": "kosten",
        "date": "datum", "decision": "besluit", "due": "datum", "feedback-plan": "plan", "feedback-to-residents": "hoe", "format": "vorm", "from": "datum",
        "generate": "aantal", "history-log": "log", "how": "hoe", "inform": "hoe", "initiator": "naam", "kind": "soort", "length": "minuten",
        "level": "niveau", "meeting": "id", "minutes": "minuten", "name": "naam", "org": "organisatie",
        "out": "bestand", "outcome": "uitkomst", "owner": "eigenaar", "period": "periode", "person": "persoon",
        "phase": "fase", "reason": "reden", "reporter": "naam", "representatives": "wie", "residents": "aantal",
        "result": "resultaat", "role": "rol", "search": "woorden", "seed": "getal", "serves": "ids", "source": "bron",
        "subcommand": "subcommando", "text": "tekst", "theme": "thema", "title": "titel", "to": "datum", "today": "datum",
        "topic": "onderwerp", "work": "werk", "write-story": "bestand", "year": "jaar", "field": "veld", "value": "waarde", "target": "id", "set-reason": "reden", "options": "opties",
        "body": "orgaan", "residents-involved": "hoe", "wijkbudget": "ja|nee",
    ]
}
