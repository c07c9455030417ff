import Foundation
import KernteamDomain

/// The projector's main screen, made to be read from the back of the room: the agenda item under
/// discussion big at the top with its time against its time-box, below it everything recorded for
/// that item — newest first, in full and wrapped, never scrolled away — and a one-line agenda strip.
/// Words instead of ids, no file path, no residents' data.
struct ProjectorView {
    let screen: Screen
    var model: AppModel { screen.model }
    var world: World { screen.world }
    var palette: Palette { screen.palette }

    /// One thing recorded for the item: a word for its kind and its text (with owner and date for an action).
    struct Entry {
        var seq: Int
        var label: Text
        var text: String
    }

    func render(_ buffer: inout Buffer) {
        let body = screen.layout.body
        buffer.fill(body)
        let d = world.domain
        guard let meeting = screen.content.currentMeeting else {
            buffer.put(Text.nowNone.text, x: 2, y: body.y + 1, maxWidth: body.width - 4, style: palette.muted)
            return
        }
        let items = d.orderedAgenda(meeting.id)
        let current = d.currentItem(meeting.id)
        var y = body.y

        // The item under discussion: where it is in the agenda, its wijk and timer, then its title in full.
        let headRows = current == nil ? 3 : min(6, 3 + DisplayWidth.wrap(current!.title, width: max(10, body.width - 4)).count)
        let head = Rect(x: body.x, y: y, width: body.width, height: headRows)
        buffer.box(head, style: palette.borderFocused, title: Text.nowTitle.text, titleStyle: palette.paneTitleFocused)
        let inner = head.inner
        // The secretary asked to move on: on the box's top line, right, where the chair looks anyway.
        if let request = screen.nextRequest {
            let text = " " + request + " "
            buffer.put(text, x: max(head.x + 8, head.maxX - DisplayWidth.of(text) - 2), y: head.y, maxWidth: head.width - 10,
                       style: palette.headerAlert)
        }
        if let item = current {
            let number = (items.firstIndex { $0.id == item.id } ?? 0) + 1
            let place = [Text.itemNumber(number, items.count).text, item.wijk].compactMap { $0 }.joined(separator: " · ")
            buffer.put(place, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: palette.muted)
            let used = d.timeUsed(item, now: world.now)
            let box = (item.minutes ?? 0) * 60
            let over = box > 0 && used > box
            // Over time shows in words too, not in colour alone (a monochrome beamer).
            let timer = (over ? "! " + Text.overdueMark.text + " · " : "") + LocalTime.minutesSeconds(used) + " / "
                + (box > 0 ? LocalTime.minutesSeconds(box) : "–")
            let timerWidth = DisplayWidth.of(timer)
            buffer.put(timer, x: inner.maxX - timerWidth - 1, y: inner.y, style: over ? palette.overdue : palette.ok)
            for (i, line) in DisplayWidth.wrap(item.title, width: max(10, inner.width - 2)).prefix(inner.height - 1).enumerated() {
                buffer.put(line, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, style: palette.title)
            }
        } else {
            let phase = d.phase(of: meeting.id)
            buffer.put(phase == .closed ? Text.meetingClosed(meeting.id.description).text : Text.nowNone.text,
                       x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, style: palette.muted)
        }
        y += headRows + 1

        // The agenda at the bottom, one item per line; what was recorded fills the room between.
        let agendaRows = agendaLines(items, current: current?.id, width: body.width - 2, maxRows: max(2, min(6, body.height / 5)))
        let agendaY = body.maxY - agendaRows.count
        for (i, row) in agendaRows.enumerated() {
            buffer.put(row.text, x: 1, y: agendaY + i, maxWidth: body.width - 2, style: row.style)
        }
        let room = agendaY - 1 - y
        guard room > 0 else { return }
        let labelWidth = Text.allProjectorLabels.map { DisplayWidth.of($0.text) }.max() ?? 8
        let textWidth = max(10, body.width - labelWidth - 5)
        var lines: [(label: String, text: String, first: Bool)] = []
        for entry in entries(item: current?.id, meeting: meeting.id) {
            // Newest first; whatever does not fit anymore is the oldest.
            let wrapped = DisplayWidth.wrap(entry.text, width: textWidth)
            if lines.count + wrapped.count > room { break }
            for (i, part) in wrapped.enumerated() { lines.append((entry.label.text, part, i == 0)) }
            if lines.count < room { lines.append(("", "", false)) }
        }
        if lines.isEmpty && current != nil {
            buffer.put(Text.projectorNothingYet.text, x: 2, y: y, maxWidth: body.width - 4, style: palette.muted)
        }
        for (i, line) in lines.prefix(room).enumerated() {
            if line.first { buffer.put(line.label, x: 2, y: y + i, style: palette.muted) }
            buffer.put(line.text, x: 3 + labelWidth, y: y + i, maxWidth: textWidth, style: line.first ? palette.title : .plain)
        }
    }

    /// What was recorded while the item was under discussion, newest first; with no item under
    /// discussion, what was recorded in the meeting outside its items.
    func entries(item: RecordID?, meeting: RecordID) -> [Entry] {
        let d = world.domain
        func belongs(_ entryItem: RecordID?, _ entryMeeting: RecordID?) -> Bool {
            entryItem == item && (item != nil || entryMeeting == meeting)
        }
        var out: [Entry] = []
        for t in d.decisions.items where belongs(t.value.item, t.value.meeting) && !t.isWithdrawn {
            out.append(Entry(seq: t.seq, label: .projectorDecision, text: t.value.text))
        }
        for t in d.actions.items where belongs(t.value.created.item, t.value.created.meeting) && !t.isWithdrawn {
            let a = t.value.created
            let who = [a.owner, a.due.map { Text.projectorDue($0.shown).text }].compactMap { $0 }.joined(separator: ", ")
            out.append(Entry(seq: t.seq, label: .projectorAction, text: a.title + " — " + who))
        }
        for t in d.signals.items where belongs(t.value.item, t.value.meeting) && !t.isWithdrawn {
            out.append(Entry(seq: t.seq, label: .projectorSignal, text: t.value.text))
        }
        for t in d.participation.items where belongs(t.value.item, t.value.meeting) && !t.isWithdrawn {
            out.append(Entry(seq: t.seq, label: .projectorLevel, text: "\(t.value.topic): \(t.value.level.rawValue)"))
        }
        for t in d.notes.items where item != nil && t.value.item == item && !t.isWithdrawn {
            out.append(Entry(seq: t.seq, label: .projectorNote, text: t.value.text))
        }
        return out.sorted { $0.seq > $1.seq }
    }

    /// The agenda as the room follows it: how many items are done, the one under discussion, the next
    /// ones one per line as far as they fit, and how many more follow.
    func agendaLines(_ items: [AgendaItemAdded], current: RecordID?, width: Int, maxRows: Int) -> [(text: String, style: Style)] {
        guard !items.isEmpty else { return [] }
        let d = world.domain
        let done = items.filter { d.itemOutcome[$0.id] != nil }.count
        var rows: [(text: String, style: Style)] = []
        let open = items.filter { $0.id == current || d.itemOutcome[$0.id] == nil }
        let start = current.flatMap { c in open.firstIndex { $0.id == c } } ?? 0
        let following = Array(open.dropFirst(start))
        let room = maxRows - 1 - (done > 0 ? 1 : 0)
        let shown = following.prefix(max(1, following.count > room + 1 ? room : room + 1))
        rows.append((Text.projectorAgenda.text, palette.muted))
        if done > 0 { rows.append(("✓ " + Text.projectorDone(done).text, palette.muted)) }
        for item in shown {
            let now = item.id == current
            let wijk = item.wijk.map { " (" + $0 + ")" } ?? ""
            rows.append(((now ? "▶ " : "  ") + DisplayWidth.truncate(item.title, to: max(8, width - 2 - DisplayWidth.of(wijk))) + wijk,
                         now ? palette.selected : .plain))
        }
        let rest = following.count - shown.count
        if rest > 0 { rows.append(("  " + Text.projectorMore(rest).text, palette.muted)) }
        return rows
    }
}

extension Text {
    /// The words the projector puts before what was recorded (for the width of that column).
    static let allProjectorLabels: [Text] = [.projectorDecision, .projectorAction, .projectorSignal, .projectorLevel, .projectorNote]
}
