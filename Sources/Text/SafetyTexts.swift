/// The texts of the rules that keep the log and its documents safe: what may be opened, damage
/// reported to scripts, where documents may be written, erasure. Shown through `Text.safety`, in
/// both languages (the compiler sees to both switches; `examples` gives every case once).
public enum SafetyText: Hashable, Sendable {
    /// What a path names when it is not a regular file.
    public enum FileKindName: String, CaseIterable, Sendable { case fifo, device, socket, folder, brokenLink, other }

    // Opening: only kernteam logs
    case notALogText(String), notALogBinary, notALogJSON, notALogNewerVersion(Int), windowsLineEnds
    case notARegularFile(FileKindName)

    // Damage and scripts
    case damagedNoOutput(path: String, line: Int, reason: String), damagedPartialOutput(path: String, line: Int, reason: String)
    case damagedOutputNote(line: Int, reason: String), allowDamagedHelp, damagedNotLogged

    // Documents (--out)
    case outNotRegular(path: String, kind: FileKindName), outEmpty

    // Erasure
    case eraseContactHelp, eraseNeedsNameOrContact, eraseFailed(String), eraseOddEntry(String), eraseExportsMayHold([String])

    // kernteam repair
    case repairAbstract, repairWritten(from: String, to: String, lines: Int), repairNothingToDo(String)
    case repairNotPossible(count: Int), repairTargetExists(String)

    public var nl: String {
        switch self {
        case .notALogText(let start): "geen kernteam-log: de eerste regel is tekst (\"\(start)\"), geen kernteam-kop. Het bestand is niet veranderd."
        case .notALogBinary: "geen kernteam-log: het bestand bevat geen tekst. Het bestand is niet veranderd."
        case .notALogJSON: "geen kernteam-log: JSON zonder kernteam-kop op de eerste regel. Het bestand is niet veranderd."
        case .notALogNewerVersion(let v): "een kernteam-log in een nieuwere formaatversie (\(v)); werk kernteam bij. Het bestand is niet veranderd."
        case .windowsLineEnds:
            "de regeleinden van dit log zijn omgezet naar Windows-regeleinden (CR LF), bijvoorbeeld door een editor of mailprogramma. "
                + "Het bestand is niet veranderd. Zet ze terug met: kernteam repair --log BESTAND (schrijft een gecontroleerde kopie ernaast)."
        case .notARegularFile(let kind): "geen gewoon bestand maar \(Self.kindName(kind, .nl)); kernteam leest en schrijft alleen gewone bestanden. Er is niets gelezen of geschreven."
        case let .damagedNoOutput(path, line, reason):
            "Log beschadigd op regel \(line): \(reason) (\(path)). Er is niets uitgevoerd: wat ervoor staat is maar een deel. Met --allow-damaged ziet u wat wel leesbaar is."
        case let .damagedPartialOutput(path, line, reason):
            "Let op: log beschadigd op regel \(line): \(reason) (\(path)). Wat volgt is onvolledig."
        case let .damagedOutputNote(line, reason): "ONVOLLEDIG: gemaakt van een beschadigd log (regel \(line): \(reason)); wat daar en erna staat ontbreekt mogelijk."
        case .allowDamagedHelp: "Ook bij een beschadigd log tonen wat leesbaar is (de uitvoer zegt dan dat hij onvolledig is; exit blijft 2)."
        case .damagedNotLogged: "Het log is beschadigd: de wissing is niet in het log genoteerd (de gegevens zelf zijn wel gewist)."
        case .outEmpty: "Geef bij --out de naam van het bestand waar het document in komt, bijvoorbeeld --out notulen.html."
        case let .outNotRegular(path, kind): "\(path) is geen gewoon bestand maar \(Self.kindName(kind, .nl)); een document komt alleen in een gewoon bestand. Kies een andere naam; er is niets geschreven."
        case .eraseContactHelp: "Wis op contactgegeven (telefoon of e-mail; spaties en streepjes tellen niet), ook zonder naam."
        case .eraseNeedsNameOrContact: "Geef een naam of --contact."
        case .eraseFailed(let why): "Kon niet wissen: \(why). Wat niet gewist kon worden, staat er nog; los de oorzaak op en probeer het opnieuw."
        case .eraseOddEntry(let name): "In de opslag van persoonsgegevens staat iets wat kernteam niet maakte: \(name). Het is alleen op inhoud gelezen (en gewist als het de persoon betrof), niet gevolgd."
        case .eraseExportsMayHold(let paths): "Deze eerder gemaakte documenten met persoonsgegevens kunnen de gegevens nog bevatten; verwijder of vervang ze: \(paths.joined(separator: ", "))"
        case .repairAbstract: "Zet een log met Windows-regeleinden (CR LF) terug: schrijft een gecontroleerde kopie ernaast, het origineel blijft staan."
        case let .repairWritten(from, to, lines):
            "Hersteld: \(to) (\(lines) regels, keten intact). Het origineel \(from) is niet veranderd. Bekijk de kopie en zet hem daarna op zijn plaats: mv \(to) \(from)"
        case .repairNothingToDo(let path): "\(path) heeft geen Windows-regeleinden; er is niets om te zetten."
        case .repairNotPossible(let n): "Ook met gewone regeleinden is het log niet in orde (\(n) \(n == 1 ? "probleem" : "problemen"), hieronder); er is niets geschreven."
        case .repairTargetExists(let path): "\(path) bestaat al; verwijder of hernoem het eerst. Er is niets geschreven."
        }
    }

    public var en: String {
        switch self {
        case .notALogText(let start): "not a kernteam log: its first line is text (\"\(start)\"), not a kernteam header. The file was not changed."
        case .notALogBinary: "not a kernteam log: the file holds no text. The file was not changed."
        case .notALogJSON: "not a kernteam log: JSON without a kernteam header on its first line. The file was not changed."
        case .notALogNewerVersion(let v): "a kernteam log in a newer format version (\(v)); update kernteam. The file was not changed."
        case .windowsLineEnds:
            "the line ends of this log were converted to Windows line ends (CR LF), for instance by an editor or a mail program. "
                + "The file was not changed. Convert them back with: kernteam repair --log FILE (writes a checked copy beside it)."
        case .notARegularFile(let kind): "not a regular file but \(Self.kindName(kind, .en)); kernteam reads and writes regular files only. Nothing was read or written."
        case let .damagedNoOutput(path, line, reason):
            "Log damaged at line \(line): \(reason) (\(path)). Nothing was output: what comes before it is only part of the answer. With --allow-damaged you see what can be read."
        case let .damagedPartialOutput(path, line, reason):
            "Warning: log damaged at line \(line): \(reason) (\(path)). What follows is incomplete."
        case let .damagedOutputNote(line, reason): "INCOMPLETE: made from a damaged log (line \(line): \(reason)); what is there and after it may be missing."
        case .allowDamagedHelp: "Show what can be read even from a damaged log (the output then says it is incomplete; the exit status stays 2)."
        case .damagedNotLogged: "The log is damaged: the erasure was not noted in the log (the data itself was erased)."
        case .outEmpty: "Give --out the name of the file the document goes into, for example --out minutes.html."
        case let .outNotRegular(path, kind): "\(path) is not a regular file but \(Self.kindName(kind, .en)); a document goes into a regular file only. Choose another name; nothing was written."
        case .eraseContactHelp: "Erase by contact (phone or e-mail; spaces and dashes do not count), also without a name."
        case .eraseNeedsNameOrContact: "Give a name or --contact."
        case .eraseFailed(let why): "Could not erase: \(why). What could not be erased is still there; remove the cause and try again."
        case .eraseOddEntry(let name): "The store of personal data holds something kernteam did not make: \(name). It was read by its content only (and erased if it was about the person), never followed."
        case .eraseExportsMayHold(let paths): "These documents with personal data, made earlier, may still hold the data; remove or replace them: \(paths.joined(separator: ", "))"
        case .repairAbstract: "Converts a log with Windows line ends (CR LF) back: writes a checked copy beside it, the original stays as it is."
        case let .repairWritten(from, to, lines):
            "Repaired: \(to) (\(lines) lines, chain intact). The original \(from) was not changed. Check the copy, then put it in place: mv \(to) \(from)"
        case .repairNothingToDo(let path): "\(path) has no Windows line ends; there is nothing to convert."
        case .repairNotPossible(let n): "Even with ordinary line ends the log is not in order (\(n) \(n == 1 ? "problem" : "problems"), below); nothing was written."
        case .repairTargetExists(let path): "\(path) already exists; remove or rename it first. Nothing was written."
        }
    }

    static func kindName(_ kind: FileKindName, _ language: Language) -> String {
        switch (kind, language) {
        case (.fifo, .nl): "een named pipe (FIFO)"
        case (.fifo, .en): "a named pipe (FIFO)"
        case (.device, .nl): "een apparaat (device)"
        case (.device, .en): "a device"
        case (.socket, .nl): "een socket"
        case (.socket, .en): "a socket"
        case (.folder, .nl): "een map"
        case (.folder, .en): "a folder"
        case (.brokenLink, .nl): "een verwijzing (symlink) naar iets dat niet bestaat"
        case (.brokenLink, .en): "a symbolic link to something that does not exist"
        case (.other, .nl): "een bijzonder bestand"
        case (.other, .en): "a special file"
        }
    }

    /// Every case once (with made-up values), for the language tests.
    public static var examples: [SafetyText] {
        [.notALogText("Boodschappen: melk, brood"), .notALogBinary, .notALogJSON, .notALogNewerVersion(2), .windowsLineEnds]
            + FileKindName.allCases.map { .notARegularFile($0) }
            + [.damagedNoOutput(path: "log.jsonl", line: 7, reason: "Emerald"), .damagedPartialOutput(path: "log.jsonl", line: 7, reason: "Emerald"),
               .damagedOutputNote(line: 7, reason: "Emerald"), .allowDamagedHelp, .damagedNotLogged,
               .outNotRegular(path: "notulen.md", kind: .fifo), .outEmpty,
               .eraseContactHelp, .eraseNeedsNameOrContact, .eraseFailed("Emerald"), .eraseOddEntry("pd-1 (kopie).json"),
               .eraseExportsMayHold(["/tmp/notulen.md"]),
               .repairAbstract, .repairWritten(from: "log.jsonl", to: "log.jsonl.hersteld", lines: 12), .repairNothingToDo("log.jsonl"),
               .repairNotPossible(count: 2), .repairTargetExists("log.jsonl.hersteld")]
    }
}
