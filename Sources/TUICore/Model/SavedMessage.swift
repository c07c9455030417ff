import KernteamDomain

/// What the message line says after an entry was saved: what it was, in words (`Besluit B-4
/// opgeslagen`, `Beoordeling van S-3 opgeslagen: doorgezet`), never just a line number.
enum SavedMessage {
    static func text(_ logged: LoggedEvent, _ state: KernteamState) -> String {
        if let id = logged.event.createdID { return Text.saved(id.description).text }
        /// What the chain of a record says about this entry, without its leading arrow.
        var detail: String {
            var t = state.changeText(logged)
            if t.hasPrefix("→ ") { t.removeFirst(2) }
            return t
        }
        switch logged.event {
        case .actionStatusChanged(let c): return Text.savedStatus(c.ref.description, c.status.rawValue).text
        case .signalTriaged(let t): return Text.savedAbout(Text.subjectTriage(t.ref.description).text, detail).text
        case .initiativeTriaged(let t): return Text.savedAbout(Text.subjectTriage(t.ref.description).text, detail).text
        case .feedbackGiven(let f): return Text.savedAbout(Text.subjectFeedback(f.ref.description).text, f.how).text
        case .attendanceRecorded(let a):
            return Text.savedAbout(Text.subjectAttendance(a.meeting.description).text, "\(a.who) \(a.status.rawValue)").text
        case .residentsCounted(let r): return Text.savedAbout(Text.subjectResidents(r.meeting.description).text, String(r.count)).text
        case .priorityClosed(let c): return Text.savedAbout(Text.subjectClosed(c.ref.description).text, c.reason ?? "").text
        case .lemonScored(let l): return Text.savedAbout(Text.subjectLemon.text, "\(l.wijk ?? l.kern) \(l.theme.rawValue) \(l.year): \(l.scoreText)").text
        case .agendaReordered(let r): return Text.savedAbout(Text.subjectAgendaOrder(r.meeting.description).text, "").text
        case .wijkKindChanged(let w): return Text.savedAbout(Text.subjectWijkKind(w.wijk).text, w.kind.rawValue).text
        case .proposalDecided(let p):
            return Text.savedAbout(Text.subjectProposal(p.wijk ?? p.kern).text, p.accepted ? "accepteren" : "afwijzen").text
        case .meetingOpened(let o): return Text.savedMeetingOpened(o.ref.description).text
        case .agendaItemStarted(let s):
            return Text.savedItemStarted(s.ref.description, state.agenda[s.ref]?.value.title ?? "").text
        case .agendaItemEnded(let e): return Text.savedItemEnded(e.ref.description, e.outcome.rawValue).text
        // The secretary's > moved nothing: it asked the chair.
        case .nextItemRequested: return Text.nextRequestSent.text
        default: return Text.savedAbout(detail, "").text
        }
    }
}
