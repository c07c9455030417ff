import Foundation

/// The meeting's record as the chair reads it back before closing, as plain lines for the screen:
/// attendance, then per agenda item its time, outcome, notes and what was recorded under it, then what
/// was recorded outside an item, then what was withdrawn (see `MinutesContent`).
public struct MinutesDraft: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var lines: [String]
    }

    public var heading: String
    public var sections: [Section]

    public init(meeting id: RecordID, state: KernteamState, now: Date = Date()) {
        let m = state.meetings[id]?.value
        heading = Text.minutesHeading(id.description, m?.kern ?? "", m?.date.shown ?? "").text
        guard let content = MinutesContent(meeting: id, state: state, now: now) else { sections = []; return }
        var sections: [Section] = []

        var attendance = content.attendance.map { Self.statusLabel($0.status) + ": " + $0.orgs.joined(separator: ", ") }
        if let residents = content.residents { attendance.append(Text.minutesResidents(residents).text) }
        sections.append(Section(title: Text.minutesAttendance.text, lines: attendance.isEmpty ? [Text.minutesNone.text] : attendance))

        // What the stuurgroep and the other bodies decided for this kern since the kernteam last met
        // (beleidsplan 1.2: the stuurgroep judges the plans; the kernteam hears it at its next meeting).
        let others = Self.otherBodiesLines(before: id, state: state)
        if !others.isEmpty { sections.append(Section(title: Text.plan(.minutesOtherBodies).text, lines: others)) }

        for part in content.items {
            guard let item = part.item else { continue }
            var head = "\(part.number). \(item.id) \(item.title)" + (item.wijk.map { " (\($0)) " } ?? " ")
            head += [MinutesContent.minutesUsed(part), Self.outcome(part, closed: content.closed)].compactMap { $0 }.map { "· " + $0 }.joined(separator: " ")
            sections.append(Section(title: head, lines: Self.lines(part)))
        }
        if !content.outside.isEmpty { sections.append(Section(title: Text.minutesOutside.text, lines: Self.lines(content.outside))) }
        if !content.withdrawn.isEmpty {
            sections.append(Section(title: Text.minutesWithdrawn.text,
                                    lines: content.withdrawn.map { Text.minutesWithdrawnLine($0.id.description, $0.what, $0.reason).text }))
        }
        self.sections = sections
    }

    /// What the stuurgroep and the other bodies decided for the meeting's kern since the kernteam last
    /// met, one line each (for the screen and the documents alike).
    public static func otherBodiesLines(before id: RecordID, state: KernteamState) -> [String] {
        state.otherBodiesDecisions(before: id).map { t in
            "\(t.value.id) \(state.decisionDay(t).shown) \(Text.plan(.bodyMark(t.value.takenBy)).text)[\(t.value.wijk ?? t.value.kern)] \(t.value.text)"
        }
    }

    /// How an item ended, or that it runs now or was not taken up.
    /// An item never started says so once the meeting is closed; before that it is still to come.
    public static func outcome(_ part: MinutesContent.ItemPart, closed: Bool) -> String? {
        if let outcome = part.outcome { return outcome.rawValue }
        if part.running { return Text.minutesUnderDiscussion.text }
        return part.secondsUsed == nil && !closed ? nil : Text.minutesNotTakenUp.text
    }

    public static func statusLabel(_ status: AttendanceStatus) -> String {
        switch status {
        case .aanwezig: Text.minutesPresent.text
        case .afgemeld: Text.minutesApologies.text
        case .afwezig: Text.minutesAbsent.text
        }
    }

    /// What an item holds, one line each: notes, decisions, actions, what was brought in and assessed, levels.
    public static func lines(_ part: MinutesContent.ItemPart) -> [String] {
        var out: [String] = part.notes.map(\.text)
        out += part.decisions.map { "\($0.id) [\($0.wijk ?? $0.kern)] \($0.text)" }
        out += part.actions.map { a in
            let c = a.created
            var parts = ["\(c.id) [\(c.wijk ?? c.kern)] \(c.title)", Text.minutesOwner(c.owner + (c.person.map { " (\($0))" } ?? "")).text]
            parts.append(Text.minutesDue(c.due?.shown ?? "—").text)
            if let cost = c.cost { parts.append(Text.minutesCost(cost.dutch).text) }
            if let inform = c.inform { parts.append(Text.minutesInform(inform).text) }
            // A cancelled action is shown as cancelled, never as live work.
            if a.status == .vervallen { parts.append(Text.minutesStatus("✕ vervallen" + (a.statusReason.map { ": \($0)" } ?? "")).text) }
            return parts.joined(separator: " · ")
        }
        out += part.signals.map { "\($0.id) [\($0.wijk ?? $0.kern)] \($0.text)" }
        out += part.initiatives.map { "\($0.id) [\($0.wijk ?? $0.kern)] \($0.text)" }
        out += part.triaged.map { "\($0.id) → \($0.verdict)" + ($0.reason.map { " (\($0))" } ?? "") }
        out += part.levels.map { "\($0.id) \($0.topic): \($0.level.rawValue)" }
        return out.isEmpty ? [Text.minutesNone.text] : out
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
