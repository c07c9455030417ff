import KernteamDomain

/// The export form of the history view (`e`): a document, a format that fits it, and a file name that
/// follows both until the user types one of her own; the folder it is written to is shown above the
/// fields.
enum ExportForm {
    static let documents = ["notulen", "actielijst", "rapportage", "agenda", "nieuwsbrief"]

    /// The formats each document can be written in, the first the usual one.
    static func formats(_ document: String) -> [String] {
        switch document {
        case "actielijst": ["csv", "json"]
        case "agenda": ["ics"]
        default: ["html", "md"]
        }
    }

    /// The file name suggested for a document in a format: the meeting's id for the minutes and the
    /// newsletter, the place filtered on for the others.
    static func suggestedName(_ document: String, _ format: String, meeting: RecordID?, place: String?) -> String {
        let subject: String
        switch document {
        case "notulen", "nieuwsbrief": subject = meeting?.description ?? "vergadering"
        case "agenda": subject = "vergaderingen"
        default: subject = place.map(fileSafe) ?? "alle-wijken"
        }
        return "kernteam-\(document)-\(subject).\(format)"
    }

    /// A place name as part of a file name: letters and digits, the rest as `-`.
    static func fileSafe(_ name: String) -> String {
        let mapped = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }

    static func open(meeting: RecordID?, place: String?, folder: String?) -> FormState {
        let document = "notulen", format = "html"
        var form = FormState(purpose: .export, fields: [
            FormField(field: .document, value: document, options: documents, required: true),
            FormField(field: .format, value: format, options: formats(document), required: true),
            FormField(field: .file, value: suggestedName(document, format, meeting: meeting, place: place), required: true),
        ])
        form.note = folder.map { Text.exportFolder($0).text }
        form.exportSubject = ExportSubject(meeting: meeting, place: place)
        return form
    }

    /// After a key in the form: a new document offers its own formats; the file name follows the
    /// document and the format while it is still the one suggested.
    static func follow(_ form: inout FormState, before: FormState) {
        guard let subject = form.exportSubject,
              let d = form.fields.firstIndex(where: { $0.field == .document }),
              let f = form.fields.firstIndex(where: { $0.field == .format }),
              let n = form.fields.firstIndex(where: { $0.field == .file }) else { return }
        let document = form.fields[d].value
        let allowed = formats(document)
        form.fields[f].options = allowed
        if !allowed.contains(form.fields[f].value) { form.fields[f].value = allowed[0] }
        let oldName = suggestedName(before.fields[d].value, before.fields[f].value, meeting: subject.meeting, place: subject.place)
        let newName = suggestedName(document, form.fields[f].value, meeting: subject.meeting, place: subject.place)
        if before.fields[n].value == oldName && form.fields[n].value == oldName && newName != oldName {
            form.fields[n].value = newName
            form.fields[n].cursor = newName.count
        }
    }
}

/// What an export form writes about: the meeting of the selected history entry, the place filtered on.
public struct ExportSubject: Hashable, Sendable {
    public var meeting: RecordID?
    public var place: String?
}
