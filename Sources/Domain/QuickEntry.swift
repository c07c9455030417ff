import Foundation

/// One typed line for a secretary who types faster than she tabs: a letter for the kind, then the
/// values a form would ask, in a fixed order, the text last.
///
///     a Emerald politie 15-01 Drempels plaatsen      action: wijk, owner, deadline, title
///     b Emerald Het kernteam besluit …               decision: wijk, text
///     s Emerald verkeer bewoner Te hard gereden      signal: wijk, theme, source, text
///     i Emerald Bewoners willen een moestuin         initiative: wijk, text
///
/// The wijk may be left out during an agenda item that has one; the deadline may be left out. Names
/// are matched as in the forms' typeahead (whole, or the start of the name or of one of its words);
/// a start that fits several names is asked, never guessed. The line becomes a `Draft` that goes
/// through the same `Validator` as the form of its kind.
public enum QuickEntry {
    /// What a place in the line holds.
    public enum Slot: Hashable, Sendable {
        case wijk, owner, due, theme, source, text

        public var field: DraftField {
            switch self {
            case .wijk: .wijk
            case .owner: .owner
            case .due: .due
            case .theme: .theme
            case .source: .source
            case .text: .text
            }
        }
    }

    /// What the line needs to know besides itself.
    public struct Context: Sendable {
        public var reference: ReferenceData
        /// The kern whose meeting is on screen: wijk names are those of this kern (and the kern itself).
        public var kern: String?
        /// The wijk of the agenda item under discussion, used when the line names none.
        public var defaultWijk: String?
        public init(reference: ReferenceData, kern: String?, defaultWijk: String?) {
            self.reference = reference; self.kern = kern; self.defaultWijk = defaultWijk
        }

        /// The places a wijk slot may name.
        var places: [String] {
            if let kern, let k = reference.kern(named: kern) { return [k.name] + k.wijken.map(\.name) }
            return reference.placeNames
        }

        func names(_ slot: Slot) -> [String] {
            switch slot {
            case .wijk: places
            case .owner: reference.organisations.map(\.name)
            case .theme: Theme.allCases.map(\.rawValue)
            case .source: SignalSource.allCases.map(\.rawValue)
            case .due, .text: []
            }
        }
    }

    /// A start of a name that fits several: which slot, what was typed (and where, in characters), and
    /// the names it fits.
    public struct Ambiguity: Hashable, Sendable {
        public var slot: Slot
        public var typed: String
        public var range: Range<Int>
        public var options: [String]
    }

    public enum Outcome: Hashable, Sendable {
        /// A draft for the validator.
        case entry(DraftKind, Draft)
        case ambiguous(Ambiguity)
        /// What is missing or unknown, in words the user can act on.
        case problem(Text)
    }

    /// The kinds of record the line makes, by their first word.
    public static func kind(_ word: String) -> DraftKind? {
        switch ReferenceData.matchKey(word) {
        case "a", "actie", "action": .action
        case "b", "besluit", "decision", "d": .decision
        case "s", "signaal", "signal": .signal
        case "i", "initiatief", "initiative": .initiative
        default: nil
        }
    }

    /// The places of a kind's line, in order, after its letter.
    public static func slots(_ kind: DraftKind) -> [Slot] {
        switch kind {
        case .action: [.wijk, .owner, .due, .text]
        case .signal: [.wijk, .theme, .source, .text]
        default: [.wijk, .text]
        }
    }

    /// The field the text of a kind goes to (an action's title, a decision's text).
    public static func textField(_ kind: DraftKind) -> DraftField { kind == .action ? .title : .text }

    /// A word of the line and where it starts and ends (in characters).
    struct Token {
        var text: String
        var range: Range<Int>
    }

    static func tokens(_ line: String) -> [Token] {
        var out: [Token] = []
        var current = "", start = 0
        for (i, c) in line.enumerated() {
            if c == " " {
                if !current.isEmpty { out.append(Token(text: current, range: start..<i)) }
                current = ""
            } else {
                if current.isEmpty { start = i }
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(Token(text: current, range: start..<line.count)) }
        return out
    }

    enum Match {
        case found(String, words: Int)
        case ambiguous([String])
        case none
    }

    /// The words of a name, for matching the start of one ("beheer" finds "Gemeente beheer").
    static func words(_ name: String) -> [String] {
        name.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" }).map(String.init)
    }

    /// A name at word `i`: written in full (one to three words), or the start of exactly one name or of
    /// one of its words (at least `minimum` characters). Several fitting starts are ambiguous.
    static func match(_ names: [String], _ tokens: [Token], at i: Int, minimum: Int) -> Match {
        guard i < tokens.count else { return .none }
        for n in stride(from: min(3, tokens.count - i), through: 1, by: -1) {
            let joined = tokens[i..<(i + n)].map(\.text).joined(separator: " ")
            if let name = names.first(where: { ReferenceData.matchKey($0) == ReferenceData.matchKey(joined) }) {
                return .found(name, words: n)
            }
        }
        let key = ReferenceData.matchKey(tokens[i].text)
        guard key.count >= minimum else { return .none }
        let hits = names.filter { name in
            ReferenceData.matchKey(name).hasPrefix(key) || words(name).contains { ReferenceData.matchKey($0).hasPrefix(key) }
        }
        switch hits.count {
        case 0: return .none
        case 1: return .found(hits[0], words: 1)
        default: return .ambiguous(hits)
        }
    }

    /// Reads a line. `today` only decides whether a word is a date.
    public static func parse(_ line: String, _ context: Context, today: Day) -> Outcome {
        let tokens = tokens(line)
        guard let first = tokens.first, let kind = kind(first.text) else {
            return .problem(.quickUnknownKind(tokens.first?.text ?? ""))
        }
        var draft = Draft()
        var i = 1
        for slot in slots(kind) {
            switch slot {
            case .wijk:
                // Optional while the item under discussion has a wijk; a start needs three letters here,
                // so a text beginning with "De" or "Het" is not read as a place.
                switch match(context.names(.wijk), tokens, at: i, minimum: 3) {
                case .found(let name, let n): draft[.wijk] = name; i += n
                case .ambiguous(let options): return .ambiguous(Ambiguity(slot: .wijk, typed: tokens[i].text, range: tokens[i].range, options: options))
                case .none:
                    guard let wijk = context.defaultWijk else { return .problem(.quickNoWijk) }
                    draft[.wijk] = wijk
                }
            case .owner, .theme, .source:
                guard i < tokens.count else { return .problem(.quickMissing(Text.fieldLabel(slot.field).text)) }
                switch match(context.names(slot), tokens, at: i, minimum: 1) {
                case .found(let name, let n): draft[slot.field] = name; i += n
                case .ambiguous(let options): return .ambiguous(Ambiguity(slot: slot, typed: tokens[i].text, range: tokens[i].range, options: options))
                case .none:
                    let known = context.names(slot)
                    return .problem(slot == .owner ? .unknownOrganisation(tokens[i].text, known: known)
                                                   : .quickUnknown(Text.fieldLabel(slot.field).text, tokens[i].text, known))
                }
            case .due:
                if i < tokens.count, Day(typed: tokens[i].text, today: today, toward: .future) != nil {
                    draft[.due] = tokens[i].text
                    i += 1
                }
            case .text:
                guard i < tokens.count else { return .problem(.quickMissing(Text.fieldLabel(textField(kind)).text)) }
                let start = tokens[i].range.lowerBound
                draft[textField(kind)] = String(line.dropFirst(start)).trimmingCharacters(in: .whitespaces)
                i = tokens.count
            }
        }
        return .entry(kind, draft)
    }

    /// The names that fit the word being typed at the end of `line` (`cursor` at its end), and which
    /// place of the line it fills: for the typeahead below the line. Nil when no name is expected there.
    public static func suggestions(_ line: String, _ context: Context, today: Day) -> (slot: Slot, options: [String])? {
        let all = tokens(line)
        guard let first = all.first, let kind = kind(first.text) else { return nil }
        // The word being typed: the last one, unless the line ends in a space (a new word begins).
        let typing = line.hasSuffix(" ") || all.count == 1 ? "" : all.last!.text
        let before = line.hasSuffix(" ") || all.count == 1 ? all : Array(all.dropLast())
        if all.count == 1 && !line.hasSuffix(" ") { return nil }
        var i = 1
        for slot in slots(kind) {
            let atEnd = i >= before.count
            switch slot {
            case .wijk, .owner, .theme, .source:
                if atEnd {
                    let key = ReferenceData.matchKey(typing)
                    let options = context.names(slot).filter { name in
                        key.isEmpty || ReferenceData.matchKey(name).hasPrefix(key)
                            || words(name).contains { ReferenceData.matchKey($0).hasPrefix(key) }
                    }
                    // An optional wijk that fits nothing: the word is the next place's.
                    if slot == .wijk, options.isEmpty, context.defaultWijk != nil { continue }
                    return (slot, options)
                }
                switch match(context.names(slot), before, at: i, minimum: slot == .wijk ? 3 : 1) {
                case .found(_, let n): i += n
                case .ambiguous: return nil
                case .none:
                    if slot != .wijk || context.defaultWijk == nil { return nil }
                }
            case .due:
                if !atEnd, Day(typed: before[i].text, today: today, toward: .future) != nil { i += 1 }
            case .text:
                return nil
            }
        }
        return nil
    }
}
