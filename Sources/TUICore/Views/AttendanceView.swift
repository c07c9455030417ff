import KernteamDomain

/// The attendance form: who is present at the top, a row per organisation with its status, the
/// residents' count, and the keys at the bottom.
struct AttendanceView {
    let screen: Screen
    let sheet: AttendanceSheet
    var palette: Palette { screen.palette }

    func render(_ buffer: inout Buffer) {
        let model = screen.model
        let width = min(model.cols - 4, 78)
        let textWidth = max(10, width - 4)
        let presentLines = FormView.wrapped(Text.attendancePresent(sheet.present).text, width: textWidth, maxLines: 2)
        let problemLines = sheet.problem.isEmpty ? [] : FormView.wrapped("✗ " + sheet.problem.joined(separator: "; "), width: textWidth, maxLines: 2)
        let guestLines = sheet.guestLine == nil && sheet.guestName == nil ? 0 : 2
        let wanted = presentLines.count + 1 + sheet.lineCount + guestLines + problemLines.count + 2
        let body = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 2)
        let rect = body.centered(width: width, height: min(body.height, wanted + 2))
        buffer.fill(rect)
        let title = Text.attendanceTitle(sheet.meeting.description, screen.world.domain.meetings[sheet.meeting]?.value.date.dutch ?? "").text
        buffer.box(rect, style: palette.borderFocused, title: title, titleStyle: palette.paneTitleFocused)
        let inner = rect.inner
        var y = inner.y
        for line in presentLines { buffer.put(line, x: inner.x + 1, y: y, maxWidth: textWidth, style: palette.title); y += 1 }
        y += 1
        // The rows scroll to keep the selected one in view on a short screen.
        let reserved = guestLines + problemLines.count + 1
        let room = max(1, inner.maxY - y - reserved)
        let top = max(0, min(sheet.selected - room + 1, sheet.lineCount - room))
        let nameWidth = min(40, max(12, sheet.rows.map { DisplayWidth.of($0.who) + ($0.guest ? 7 : 0) }.max() ?? 12)) + 1
        for line in top..<min(sheet.lineCount, top + room) {
            let selected = line == sheet.selected && sheet.guestLine == nil && sheet.guestName == nil
            let rowStyle = selected ? palette.selected : .plain
            buffer.put(String(repeating: " ", count: inner.width - 2), x: inner.x + 1, y: y, style: rowStyle)
            buffer.put(selected ? "▸" : " ", x: inner.x + 1, y: y, style: rowStyle)
            if line == sheet.residentsLine {
                buffer.put(DisplayWidth.pad(Text.attendanceResidents.text, to: nameWidth), x: inner.x + 3, y: y, style: rowStyle)
                let shown = sheet.residents.value.isEmpty ? Text.attendanceNotFilled.text : sheet.residents.value
                let used = buffer.put(shown, x: inner.x + 3 + nameWidth, y: y, style: rowStyle)
                if selected { buffer.cursor = (inner.x + 3 + nameWidth + (sheet.residents.value.isEmpty ? 0 : used), y) }
                if !sheet.residents.value.isEmpty, Int(sheet.residents.value) != sheet.residentsRecorded {
                    buffer.put(Text.attendanceUnsaved.text, x: inner.x + 3 + nameWidth + 12, y: y, style: selected ? rowStyle : palette.muted)
                }
            } else {
                let row = sheet.rows[line]
                let name = row.who + (row.guest ? " " + Text.attendanceGuestMark.text : "")
                buffer.put(DisplayWidth.pad(name, to: nameWidth), x: inner.x + 3, y: y, maxWidth: nameWidth, style: rowStyle)
                let status = row.status.map(\.rawValue) ?? Text.attendanceNotFilled.text
                let style = selected ? rowStyle : (row.status == .aanwezig ? palette.ok : (row.status == nil ? palette.muted : .plain))
                buffer.put(status, x: inner.x + 3 + nameWidth, y: y, style: style)
                if row.status != nil, row.status != row.recorded {
                    buffer.put(Text.attendanceUnsaved.text, x: inner.x + 3 + nameWidth + 12, y: y, style: selected ? rowStyle : palette.muted)
                }
            }
            y += 1
        }
        if let guest = sheet.guestName {
            y += 1
            let label = Text.plan(.guestNamePrompt(guest.org)).text + " "
            let x = inner.x + 1 + buffer.put(label, x: inner.x + 1, y: y, maxWidth: textWidth - 10, style: palette.title)
            let typed = buffer.put(guest.line.value, x: x, y: y, maxWidth: max(0, inner.maxX - x - 1), style: palette.fieldFocused)
            buffer.cursor = (x + typed, y)
            y += 1
        } else if let guest = sheet.guestLine {
            y += 1
            let label = Text.attendanceGuestPrompt.text + " "
            let x = inner.x + 1 + buffer.put(label, x: inner.x + 1, y: y, style: palette.title)
            let typed = buffer.put(guest.value, x: x, y: y, maxWidth: 24, style: palette.fieldFocused)
            buffer.cursor = (x + typed, y)
            let matches = sheet.guestMatches(screen.world.domain.reference)
            let options = matches.isEmpty ? Text.quickNoneFits(Text.fieldLabel(.org).text).text : matches.joined(separator: " · ")
            buffer.put("→ " + options, x: x + max(typed, 1) + 2, y: y, maxWidth: max(0, inner.maxX - x - typed - 3), style: palette.muted)
            y += 1
        }
        for line in problemLines { buffer.put(line, x: inner.x + 1, y: y, maxWidth: textWidth, style: palette.error); y += 1 }
        let hint = sheet.saving != nil ? Text.busySaving.text : Text.attendanceHint.text
        for (i, line) in FormView.wrapped(hint, width: textWidth, maxLines: 1).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.maxY - 1 + i, maxWidth: textWidth, style: palette.muted)
        }
    }
}
