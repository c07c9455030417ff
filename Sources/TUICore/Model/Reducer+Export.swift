import KernteamDomain

/// The answer to an export from the history view: written (back to the history, the message says
/// where), an existing file (asked whether to replace it, in the app), or an error (the form stays as
/// it was, with the reason under it).
extension Reducer {
    static func finishExport(_ model: inout AppModel, _ result: Result<String, RecordFailureInfo>) {
        var form: FormState?
        if case .form(let f) = model.overlay, f.purpose == .export { form = f }
        // After "replace?" was answered yes, the form waits here in case writing fails.
        if form == nil, let pending = model.exportPending, case .history? = model.overlay { form = pending }
        model.exportPending = nil
        switch result {
        case .success(let path):
            if form != nil { model.overlay = .history }
            model.message = StatusMessage(Text.exportWritten(path).text)
        case .failure(.refused(let refusal)) where refusal.problems.contains(where: { if case .exportFileReplace = $0.message { true } else { false } }):
            guard let form, case .exportFileReplace(let path) = refusal.problems.first(where: { if case .exportFileReplace = $0.message { true } else { false } })!.message,
                  let view = model.history else {
                model.message = StatusMessage(refusal.lines.joined(separator: "; "), isError: true)
                return
            }
            let replace = Effect.session(.export(form.draft, meeting: form.exportSubject?.meeting, filter: view.filter, replace: true))
            // Yes writes over it (back in the history, the form kept in case writing fails); no goes back to the form.
            model.formReturn = .history
            model.exportPending = form
            model.overlay = .confirm(Confirmation(Text.confirmReplaceFile(path).text, onYes: [replace], onNo: .form(form)))
        case .failure(let failure):
            guard var form else {
                model.message = StatusMessage(failure.lines.joined(separator: "; "), isError: true)
                return
            }
            switch failure {
            case .refused(let refusal): form.show(refusal)
            case .message(let m), .ioFailure(let m): form.failure = m
            }
            model.overlay = .form(form)
            model.message = StatusMessage(failure.lines.joined(separator: "; "), isError: true)
        }
    }
}
