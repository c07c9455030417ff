import KernteamDomain

/// An open form: a label and an input per field, problems named inline under their field.
struct FormView {
    let screen: Screen
    let form: FormState
    var palette: Palette { screen.palette }

    /// `text` wrapped to `width` columns in at most `maxLines` lines; the last one ends in "…" when cut.
    static func wrapped(_ text: String, width: Int, maxLines: Int) -> [String] {
        let lines = DisplayWidth.wrap(text, width: width)
        guard lines.count > maxLines, maxLines > 0 else { return lines }
        return Array(lines.prefix(maxLines - 1)) + [DisplayWidth.truncate(lines[(maxLines - 1)...].joined(separator: " "), to: width)]
    }

    func render(_ buffer: inout Buffer) {
        let model = screen.model
        let labelWidth = (form.fields.map { DisplayWidth.of(Text.fieldLabel($0.field).text) + ($0.required ? 1 : 0) }.max() ?? 8) + 1
        let width = min(model.cols - 4, 78)
        // A problem is wrapped under its field (up to 4 lines, less when the screen is short), so the
        // whole message, with what to do about it, can be read; a longer one ends in an ellipsis.
        let errorWidth = max(4, width - 2 - labelWidth - 3)
        let fixedRows = form.fields.count + 2 + (form.note == nil ? 0 : 1) + (form.failure == nil ? 0 : 2)
        var errorLines = form.fields.map { $0.error.map { Self.wrapped("↳ " + $0, width: errorWidth, maxLines: 4) } ?? [] }
        if fixedRows + errorLines.map(\.count).reduce(0, +) > model.rows - 6 {
            errorLines = form.fields.map { $0.error.map { Self.wrapped("↳ " + $0, width: errorWidth, maxLines: 1) } ?? [] }
        }
        let rowCount = fixedRows + errorLines.map(\.count).reduce(0, +)
        let body = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 2)
        let rect = body.centered(width: width, height: rowCount + 2)
        buffer.fill(rect)
        buffer.box(rect, style: palette.borderFocused, title: form.purpose.title.text, titleStyle: palette.paneTitleFocused)
        let inner = rect.inner
        var y = inner.y
        if let note = form.note {
            buffer.put(note, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: palette.muted)
            y += 1
        }
        let inputX = inner.x + 1 + labelWidth + 1
        let inputWidth = max(4, inner.maxX - inputX - 1)
        for (i, field) in form.fields.enumerated() where y < inner.maxY {
            let focused = i == form.focus
            let label = Text.fieldLabel(field.field).text + (field.required ? "*" : "")
            let labelStyle = field.error != nil ? palette.error : (focused ? palette.title : .plain)
            buffer.put(DisplayWidth.pad((field.error != nil ? "✗" : "") + label, to: labelWidth), x: inner.x + 1, y: y, style: labelStyle)
            if field.isChoice {
                renderChoice(field, focused: focused, x: inputX, y: y, width: inputWidth, &buffer)
            } else {
                renderText(field, focused: focused, x: inputX, y: y, width: inputWidth, &buffer)
            }
            y += 1
            for line in errorLines[i] where y < inner.maxY {
                buffer.put(line, x: inputX, y: y, maxWidth: inputWidth, style: palette.error)
                y += 1
            }
        }
        if let failure = form.failure, y + 1 < inner.maxY {
            y += 1
            buffer.put(DisplayWidth.truncate("✗ " + failure, to: inner.width - 2), x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: palette.error)
            y += 1
        }
        buffer.put(Text.formHint.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: palette.muted)
    }

    func renderChoice(_ field: FormField, focused: Bool, x: Int, y: Int, width: Int, _ buffer: inout Buffer) {
        let shown = field.value.isEmpty ? (field.required ? Text.chooseHint.text : Text.choiceNone.text) : field.value
        let text = "◂ " + shown + " ▸"
        let style = focused ? palette.fieldFocused : palette.field
        buffer.put(DisplayWidth.pad(text, to: width), x: x, y: y, style: style)
        if focused { buffer.cursor = (x + 2, y) }
    }

    func renderText(_ field: FormField, focused: Bool, x: Int, y: Int, width: Int, _ buffer: inout Buffer) {
        let style = focused ? palette.fieldFocused : palette.field
        buffer.put(String(repeating: " ", count: width), x: x, y: y, style: style)
        if field.value.isEmpty {
            if let hint = field.hint { buffer.put(hint, x: x, y: y, maxWidth: width, style: Style(fg: style.fg, bg: style.bg, dim: true, underline: style.underline)) }
            if focused { buffer.cursor = (x, y) }
            return
        }
        // Scroll horizontally so the cursor stays visible; widths are display columns.
        let chars = Array(field.value)
        let cursor = min(field.cursor, chars.count)
        var start = 0
        func columns(_ from: Int, _ to: Int) -> Int { chars[from..<to].reduce(0) { $0 + DisplayWidth.of($1) } }
        while start < cursor && columns(start, cursor) > width - 1 { start += 1 }
        let visible = String(chars[start...])
        // A marked value shows as marked: what is typed now replaces it.
        let marked = focused && field.marked
        let used = buffer.put(visible, x: x, y: y, maxWidth: marked ? width - 1 : width, style: marked ? palette.fieldMarked : style)
        // A date typed without its year: the full date it stands for, so nothing is assumed out of sight.
        if let full = shortDate(field), used + 4 + DisplayWidth.of(full) < width {
            buffer.put("→ " + full, x: x + used + 2, y: y, style: Style(fg: style.fg, bg: style.bg, dim: true, underline: style.underline))
        }
        if focused { buffer.cursor = (x + columns(start, cursor), y) }
    }

    /// `15-01-2010` for a date field holding `15-01` (a date written in full needs no note).
    func shortDate(_ field: FormField) -> String? {
        guard field.field == .due || field.field == .date, Day(field.value) == nil else { return nil }
        let toward: Day.Toward = field.field == .due || form.kind == .meeting ? .future : .past
        return Day(typed: field.value, today: screen.world.today, toward: toward)?.dutch
    }
}
