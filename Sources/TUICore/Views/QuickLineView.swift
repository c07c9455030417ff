import KernteamDomain

/// The quick-entry line at the bottom of the screen: the line itself where messages go, below it the
/// names that fit the word being typed (or the keys), and above it a box when Enter found something
/// to say: what is missing, which of several names is meant, or what will be saved.
struct QuickLineView {
    let screen: Screen
    let quick: QuickLine
    var palette: Palette { screen.palette }
    var model: AppModel { screen.model }

    func render(_ buffer: inout Buffer) {
        let layout = screen.layout
        renderLine(y: layout.message.y, &buffer)
        if case .typing = quick.stage, let (slot, options) = suggestions() {
            renderSuggestions(slot, options, y: layout.footer.y, &buffer)
        }
        switch quick.stage {
        case .typing:
            if !quick.problem.isEmpty {
                box(title: Text.keyQuickEntry.text, lines: quick.problem.map { ($0, palette.error) }, hint: nil, &buffer)
            } else if quick.line.value.isEmpty {
                box(title: Text.keyQuickEntry.text, lines: [(Text.quickSyntax.text, palette.muted)], hint: nil, &buffer)
            }
        case .asking(let a, let choice):
            let lines = a.options.enumerated().map { (i, name) in
                ((i == choice ? "▶ " : "  ") + "\(i + 1)  " + name, i == choice ? palette.selected : Style.plain)
            }
            box(title: Text.quickWhich(Text.fieldLabel(a.slot.field).text, a.typed).text, lines: lines, hint: Text.quickWhichHint.text, &buffer)
        case .preview(let kind, let draft, _):
            box(title: Text.formTitle(kind).text, lines: previewLines(kind, draft), hint: Text.quickPreviewHint.text, &buffer)
        }
    }

    func suggestions() -> (QuickEntry.Slot, [String])? {
        let text = quick.line.value
        guard quick.line.cursor == text.count else { return nil }
        return QuickEntry.suggestions(text, Reducer.quickContext(model, screen.world), today: screen.world.today)
    }

    /// `: a Emerald politie …` with the cursor; scrolled so the cursor stays visible.
    func renderLine(y: Int, _ buffer: inout Buffer) {
        let width = model.cols
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: palette.fieldFocused)
        buffer.put(": ", x: 0, y: y, style: palette.fieldFocused)
        let x = 2, room = max(4, width - x - 1)
        let chars = Array(quick.line.value)
        let cursor = min(quick.line.cursor, chars.count)
        func columns(_ from: Int, _ to: Int) -> Int { chars[from..<to].reduce(0) { $0 + DisplayWidth.of($1) } }
        var start = 0
        while start < cursor && columns(start, cursor) > room - 1 { start += 1 }
        let style = quick.line.marked ? palette.fieldMarked : palette.fieldFocused
        buffer.put(String(chars[start...]), x: x, y: y, maxWidth: room, style: style)
        if case .typing = quick.stage { buffer.cursor = (x + columns(start, cursor), y) }
    }

    /// `wijk: Emerald · Oud Delfgauw` — Tab takes the name when only one fits.
    func renderSuggestions(_ slot: QuickEntry.Slot, _ options: [String], y: Int, _ buffer: inout Buffer) {
        buffer.fill(Rect(x: 0, y: y, width: model.cols, height: 1))
        let label = Text.fieldLabel(slot.field).text
        var x = 1
        x += buffer.put(label + ": ", x: x, y: y, style: palette.footerKey)
        if options.isEmpty {
            buffer.put(Text.quickNoneFits(label).text, x: x, y: y, maxWidth: model.cols - x - 1, style: palette.error)
            return
        }
        let tail = options.count == 1 ? "   Tab " + Text.shortComplete.text : ""
        let listed = DisplayWidth.truncate(options.joined(separator: " · "), to: max(4, model.cols - x - 1 - DisplayWidth.of(tail)))
        x += buffer.put(listed, x: x, y: y)
        if !tail.isEmpty { buffer.put(tail, x: x, y: y, style: palette.muted) }
    }

    /// What will be saved, field by field, with a date without its year written out.
    func previewLines(_ kind: DraftKind, _ draft: Draft) -> [(String, Style)] {
        let shown = kind.fields.filter { draft[$0] != nil }
        let labelWidth = (shown.map { DisplayWidth.of(Text.fieldLabel($0).text) }.max() ?? 8) + 2
        var lines: [(String, Style)] = []
        if let note = FormDefaults(model, screen.world).note(for: kind) {
            lines.append((DisplayWidth.truncate(note, to: max(4, model.cols - 4)), palette.muted))
        }
        for field in shown {
            var value = draft[field] ?? ""
            if field == .due, let day = Day(typed: value, today: screen.world.today, toward: .future) { value = day.dutch }
            lines.append((DisplayWidth.pad(Text.fieldLabel(field).text, to: labelWidth) + value, .plain))
        }
        return lines
    }

    /// A box over the panes, just above the line, as wide as the screen.
    func box(title: String, lines: [(String, Style)], hint: String?, _ buffer: inout Buffer) {
        let width = model.cols
        let inner = max(4, width - 4)
        var wrapped: [(String, Style)] = []
        for (text, style) in lines {
            for part in DisplayWidth.wrap(text, width: inner) { wrapped.append((part, style)) }
        }
        let bottom = screen.layout.message.y
        let room = max(1, bottom - 2 - 2 - (hint == nil ? 0 : 1))
        let shownLines = Array(wrapped.prefix(room))
        let height = shownLines.count + 2 + (hint == nil ? 0 : 1)
        let rect = Rect(x: 0, y: bottom - height, width: width, height: height)
        buffer.fill(rect)
        buffer.box(rect, style: palette.borderFocused, title: title, titleStyle: palette.paneTitleFocused)
        for (i, line) in shownLines.enumerated() {
            buffer.put(line.0, x: 2, y: rect.y + 1 + i, maxWidth: inner, style: line.1)
        }
        if let hint { buffer.put(hint, x: 2, y: rect.maxY - 2, maxWidth: inner, style: palette.muted) }
    }
}
