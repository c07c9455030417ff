import KernteamDomain

/// The full-screen dashboard: a line to choose the whole kern or one of its wijken, then the charts
/// (signals, actions, initiatives, budget, Lemon), scrolled when they do not fit.
struct DashboardView {
    let screen: Screen
    let place: String?
    let offset: Int
    var palette: Palette { screen.palette }
    var model: AppModel { screen.model }

    /// The chart lines for a width, as the screen shows them (also used by tests).
    static func lines(world: World, kern: String?, place: String?, width: Int, ascii: Bool) -> [Charts.Line] {
        guard let kern else { return [Charts.Line([Charts.Segment(Text.dashboardNoData.text, .muted)])] }
        var out: [Charts.Line] = []
        for (i, chart) in Dashboard.charts(state: world.domain, kern: kern, wijk: place, today: world.today,
                                                                   averages: world.settings.lemonAverages).enumerated() {
            if i > 0 { out.append(Charts.Line([])) }
            out += Charts.lines(chart, width: width, ascii: ascii)
        }
        return out
    }

    func render(_ buffer: inout Buffer) {
        // The message line below stays visible.
        let area = Rect(x: 0, y: 1, width: model.cols, height: model.rows - 3)
        buffer.fill(area)
        let kern = model.kern ?? screen.world.domain.reference.kernen.first?.name
        let name = (place ?? Text.dashboardWholeKern(kern ?? "").text) + (model.past.map { " · " + Text.standPer($0.day.shown).text } ?? "")
        buffer.box(area, style: palette.borderFocused, title: Text.dashboardTitle(name).text, titleStyle: palette.paneTitleFocused)
        let inner = area.inner
        guard inner.height >= 3, inner.width >= 10 else { return }
        renderPlaces(kern, &buffer, y: inner.y, x: inner.x + 1, width: inner.width - 2)

        let lines = Self.lines(world: screen.world, kern: kern, place: place, width: inner.width - 2, ascii: model.asciiCharts)
        let top = inner.y + 2
        let visible = max(0, inner.maxY - 1 - top)
        let start = max(0, min(offset, lines.count - visible))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            var x = inner.x + 1
            for segment in line.segments {
                x += buffer.put(segment.text, x: x, y: top + i, maxWidth: max(0, inner.maxX - 1 - x), style: style(segment.role))
            }
        }
        if start > 0 { buffer.put("↑", x: inner.maxX - 1, y: top, style: palette.title) }
        if start + visible < lines.count { buffer.put("↓", x: inner.maxX - 1, y: top + visible - 1, style: palette.title) }
        buffer.put(Text.dashboardHint.text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: palette.muted)
    }

    /// "◀ hele kern Delfgauw · [Emerald] · Oud Delfgauw ▶": the chosen place in brackets, not only in colour.
    func renderPlaces(_ kern: String?, _ buffer: inout Buffer, y: Int, x: Int, width: Int) {
        let places = Reducer.dashboardPlaces(model, screen.world)
        var col = x
        col += buffer.put("◀ ", x: col, y: y, maxWidth: max(0, x + width - col), style: palette.footerKey)
        for (i, p) in places.enumerated() {
            if i > 0 { col += buffer.put(" · ", x: col, y: y, maxWidth: max(0, x + width - col), style: palette.muted) }
            let label = p ?? Text.dashboardWholeKern(kern ?? "").text
            let chosen = p == place
            col += buffer.put(chosen ? "[\(label)]" : label, x: col, y: y, maxWidth: max(0, x + width - col),
                              style: chosen ? palette.selected : .plain)
        }
        buffer.put(" ▶", x: col, y: y, maxWidth: max(0, x + width - col), style: palette.footerKey)
    }

    func style(_ role: Charts.Role) -> Style {
        switch role {
        case .title: palette.title
        case .header: palette.muted
        case .label: .plain
        case .value: Style(bold: true)
        case .note: palette.muted
        case .muted: palette.muted
        case .bar(let tone):
            switch tone {
            case .plain, .current, .open: palette.chartBar
            case .previous: palette.chartPrevious
            case .late: palette.overdue
            case .done: palette.done
            case .dropped: palette.muted
            }
        }
    }
}
