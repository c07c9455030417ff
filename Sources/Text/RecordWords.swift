extension Text {
    /// What a record is called, from the letters of its id (`B-4` → "Besluit"), so a message can say
    /// what was saved. Nil for an id whose letters name no kind of record.
    public static func recordWord(_ id: String, english: Bool) -> String? {
        let letters = String(id.prefix { $0.isLetter }).uppercased()
        let words: [String: (nl: String, en: String)] = [
            "V": ("Vergadering", "Meeting"), "AP": ("Agendapunt", "Agenda item"), "S": ("Signaal", "Signal"),
            "A": ("Actie", "Action"), "B": ("Besluit", "Decision"), "P": ("Prioriteit", "Priority"),
            "D": ("Participatieniveau", "Participation level"), "I": ("Bewonersinitiatief", "Residents' initiative"),
            "BU": ("Wijkbudget", "Wijk budget"), "PL": ("Plan", "Plan"), "N": ("Notitie", "Note"),
        ]
        return words[letters].map { english ? $0.en : $0.nl }
    }
}

extension Text {
    /// The last part of a path (`~/a/b.html` → `b.html`).
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// The folder of a path (`~/a/b.html` → `~/a`; a bare name → `.`).
    public static func folderName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
