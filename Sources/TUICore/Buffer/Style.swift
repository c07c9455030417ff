/// Terminal colours by name; the backend maps them to colour pairs.
public enum Color: Int, Hashable, Sendable, CaseIterable {
    case standard = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. Meaning never depends on colour alone: every state also has a word or symbol.
public struct Style: Hashable, Sendable {
    public var fg: Color = .standard
    public var bg: Color = .standard
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(fg: Color = .standard, bg: Color = .standard, bold: Bool = false, reverse: Bool = false,
                dim: Bool = false, underline: Bool = false) {
        self.fg = fg; self.bg = bg; self.bold = bold; self.reverse = reverse; self.dim = dim; self.underline = underline
    }

    public static let plain = Style()
}

/// The styles the screens use, by meaning. One place to adjust for a beamer or colour-blindness.
///
/// Good and bad are told apart by blue and yellow/orange, never by green and red alone: the pair stays
/// distinct with the common colour-blindnesses (deuteranopia, protanopia, and tritanopia for blue vs
/// red). Every state also has a symbol or word (✓ ✗ ! ● ◐ ○ ✕), so monochrome loses nothing.
public struct Palette: Sendable {
    public var title = Style(bold: true)
    public var header = Style(fg: .black, bg: .cyan)
    public var headerSaved = Style(fg: .black, bg: .cyan, bold: true)
    public var headerAlert = Style(fg: .white, bg: .red, bold: true)
    public var border = Style(dim: true)
    public var borderFocused = Style(fg: .cyan, bold: true)
    public var paneTitle = Style(bold: true)
    public var paneTitleFocused = Style(fg: .black, bg: .cyan, bold: true)
    public var selected = Style(reverse: true)
    public var selectedUnfocused = Style(underline: true)
    public var id = Style(fg: .cyan)
    public var muted = Style(dim: true)
    /// Bad: overdue, over budget. Yellow (orange in most terminal themes), bold, with "!".
    public var overdue = Style(fg: .yellow, bold: true)
    /// Good: done. Blue, with "●" or "✓".
    public var done = Style(fg: .blue, bold: true)
    public var busy = Style(fg: .magenta)
    public var error = Style(fg: .red, bold: true)
    public var ok = Style(fg: .blue, bold: true)
    public var footerKey = Style(bold: true)
    public var footer = Style(dim: false)
    public var field = Style(underline: true)
    public var fieldFocused = Style(fg: .black, bg: .white)
    /// A pre-filled value the cursor just arrived at: typing replaces it, an editing key edits it.
    public var fieldMarked = Style(fg: .white, bg: .blue, bold: true)
    public var ladderStep = Style(dim: true)
    public var ladderChosen = Style(fg: .white, bg: .blue, bold: true)
    public var ladderRange = Style(fg: .blue, bold: true)
    /// Dashboard bars: the current year (and single series), and last year or the allocated budget.
    public var chartBar = Style(fg: .cyan)
    public var chartPrevious = Style(dim: true)

    public init() {}

    public static let standard = Palette()

    /// High contrast for a washed-out beamer: bold text, white on blue/black, no dim greys; bad is
    /// black on yellow, good is bold cyan (dark blue vanishes on a beamer).
    public static var projector: Palette {
        var p = Palette()
        p.header = Style(fg: .white, bg: .blue, bold: true)
        p.headerSaved = Style(fg: .white, bg: .blue, bold: true)
        p.border = Style(fg: .white)
        p.borderFocused = Style(fg: .yellow, bold: true)
        p.paneTitle = Style(fg: .white, bold: true)
        p.paneTitleFocused = Style(fg: .black, bg: .yellow, bold: true)
        p.id = Style(fg: .cyan, bold: true)
        p.muted = Style(fg: .white)
        p.overdue = Style(fg: .black, bg: .yellow, bold: true)
        p.done = Style(fg: .cyan, bold: true)
        p.busy = Style(fg: .white, bold: true)
        p.ok = Style(fg: .cyan, bold: true)
        p.error = Style(fg: .white, bg: .red, bold: true)
        p.title = Style(bold: true)
        p.ladderStep = Style(fg: .white)
        p.ladderChosen = Style(fg: .black, bg: .cyan, bold: true)
        p.ladderRange = Style(fg: .cyan, bold: true)
        p.chartBar = Style(fg: .cyan, bold: true)
        p.chartPrevious = Style(fg: .white)
        return p
    }

    /// Same layout, no colours: for NO_COLOR and monochrome beamers.
    public static var monochrome: Palette {
        var p = Palette()
        let strip: (Style) -> Style = { s in Style(bold: s.bold, reverse: s.reverse || s.bg != .standard, dim: s.dim, underline: s.underline) }
        p.title = strip(p.title); p.header = strip(p.header); p.headerSaved = strip(p.headerSaved)
        p.headerAlert = strip(p.headerAlert); p.border = strip(p.border); p.borderFocused = Style(bold: true)
        p.paneTitle = strip(p.paneTitle); p.paneTitleFocused = strip(p.paneTitleFocused); p.id = .plain
        p.overdue = Style(bold: true, underline: true); p.done = .plain; p.busy = .plain; p.error = Style(bold: true)
        p.ok = Style(bold: true); p.fieldFocused = Style(reverse: true); p.fieldMarked = Style(bold: true, underline: true); p.ladderChosen = Style(bold: true, reverse: true)
        p.ladderRange = Style(bold: true)
        p.chartBar = .plain; p.chartPrevious = Style(dim: true)
        return p
    }

    /// Every style, to check that a palette uses no colour (tests).
    public var all: [Style] {
        [title, header, headerSaved, headerAlert, border, borderFocused, paneTitle, paneTitleFocused, selected, selectedUnfocused,
         id, muted, overdue, done, busy, error, ok, footerKey, footer, field, fieldFocused, fieldMarked, ladderStep, ladderChosen, ladderRange,
         chartBar, chartPrevious]
    }
}
