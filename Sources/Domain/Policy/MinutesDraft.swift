/// The meeting's record as the chair reads it back before closing: attendance, agenda items and
/// how they ended, decisions, and actions with owner, due date and how others are informed.
/// Plain lines, so the screen, the CLI and later exports can all use it.
public struct MinutesDraft: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var lines: [String]
    }

    public var heading: String
    public var sections: [Section]

    public init(meeting id: RecordID, state: KernteamState) {
        let m = state.meetings[id]?.value
        heading = Text.minutesHeading(id.description, m?.kern ?? "", m?.date.shown ?? "").text
        var sections: [Section] = []

        let present = (state.attendance[id] ?? [:]).sorted { $0.key < $1.key }
        var attendance = AttendanceStatus.allCases.compactMap { status -> String? in
            let orgs = present.filter { $0.value == status }.map(\.key)
            return orgs.isEmpty ? nil : "\(status.rawValue): \(orgs.joined(separator: ", "))"
        }
        if let residents = state.residentsPresent[id] { attendance.append(Text.minutesResidents(residents).text) }
        sections.append(Section(title: Text.minutesAttendance.text, lines: attendance.isEmpty ? [Text.minutesNone.text] : attendance))

        let items = state.orderedAgenda(id).map { item -> String in
            let outcome = state.itemOutcome[item.id].map { " — \($0.rawValue)" } ?? (state.itemStartedAt[item.id] != nil ? " — nu" : "")
            return "\(item.id) \(item.title)\(outcome)"
        }
        sections.append(Section(title: Text.minutesAgenda.text, lines: items.isEmpty ? [Text.minutesNone.text] : items))

        let decisions = state.decisions.items.filter { $0.value.meeting == id && !$0.isWithdrawn }.map { t in
            "\(t.value.id) [\(t.value.wijk ?? t.value.kern)] \(t.value.text)"
        }
        sections.append(Section(title: Text.minutesDecisions.text, lines: decisions.isEmpty ? [Text.minutesNone.text] : decisions))

        // What the stuurgroep and the other bodies decided for this kern since the kernteam last met
        // (beleidsplan 1.2: the stuurgroep judges the plans; the kernteam hears it at its next meeting).
        let others = state.otherBodiesDecisions(before: id).map { t in
            "\(t.value.id) \(state.decisionDay(t).shown) \(Text.plan(.bodyMark(t.value.takenBy)).text)[\(t.value.wijk ?? t.value.kern)] \(t.value.text)"
        }
        if !others.isEmpty { sections.append(Section(title: Text.plan(.minutesOtherBodies).text, lines: others)) }

        let actions = state.actions.items.filter { $0.value.created.meeting == id && !$0.isWithdrawn }.map { t in
            let a = t.value.created
            var parts = ["\(a.id) [\(a.wijk ?? a.kern)] \(a.title)", Text.minutesOwner(a.owner + (a.person.map { " (\($0))" } ?? "")).text]
            parts.append(Text.minutesDue(a.due?.shown ?? "—").text)
            if let inform = a.inform { parts.append(Text.minutesInform(inform).text) }
            return parts.joined(separator: " · ")
        }
        sections.append(Section(title: Text.minutesActions.text, lines: actions.isEmpty ? [Text.minutesNone.text] : actions))

        let residents = state.feedback.values.filter { f in
            state.signals[f.ref]?.value.meeting == id || state.initiatives[f.ref]?.value.recorded.meeting == id
        }.sorted { $0.ref.description < $1.ref.description }.map { "\($0.ref): \($0.how)" }
        if !residents.isEmpty { sections.append(Section(title: Text.minutesFeedback.text, lines: residents)) }
        self.sections = sections
    }

    /// All lines, for a scrolling view: heading, then each section's title and lines.
    public var lines: [(text: String, isTitle: Bool)] {
        var out: [(String, Bool)] = [(heading, true)]
        for s in sections {
            out.append(("", false))
            out.append((s.title, true))
            out += s.lines.map { ("  " + $0, false) }
        }
        return out
    }
}

extension KernteamState {
    /// Decisions of bodies other than the kernteam about the meeting's kern, dated after the kern's
    /// previous meeting and up to this one's date, in date order.
    public func otherBodiesDecisions(before id: RecordID) -> [Tracked<DecisionTaken>] {
        guard let m = meetings[id]?.value else { return [] }
        let previous = meetings.items.filter { !$0.isWithdrawn && $0.value.kern == m.kern && $0.value.date < m.date }
            .map(\.value.date).max()
        return decisions.items.filter { t in
            guard !t.isWithdrawn, t.value.takenBy != .kernteam, t.value.kern == m.kern else { return false }
            let day = decisionDay(t)
            return day <= m.date && (previous.map { day > $0 } ?? true)
        }.sorted { (decisionDay($0), $0.seq) < (decisionDay($1), $1.seq) }
    }
}
