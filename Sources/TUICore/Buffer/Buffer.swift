/// One terminal cell: a grapheme and its style. The right half of a wide grapheme is a
/// continuation cell with an empty symbol.
public struct Cell: Hashable, Sendable {
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", _ style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    public var isContinuation: Bool { symbol.isEmpty }
}

/// A grid of cells the screens render into; the backend copies it to the terminal. Everything
/// written goes through `TerminalSafe` and is clipped by display columns, never by bytes.
public struct Buffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (an input field), or nil to hide it.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public static func == (a: Buffer, b: Buffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), at most `maxWidth` columns (default: to the right edge) and never
    /// past `clip`. Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip ?? area
        guard y >= bounds.y, y < bounds.maxY, y >= 0, y < height else { return 0 }
        let limit = min(bounds.maxX, width, maxWidth.map { x + $0 } ?? Int.max)
        var col = x
        for original in TerminalSafe.sanitize(text) {
            // A grapheme with no width of its own (a stray combining mark): show a placeholder.
            let c = DisplayWidth.of(original) == 0 ? TerminalSafe.placeholder : original
            let w = DisplayWidth.of(c)
            if col + w > limit { break }
            if col >= bounds.x && col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(String(c), style)
                // The columns after the first of a wide grapheme (two, or more: an emoji with a skin tone).
                for k in 1..<max(1, w) where col + k < width {
                    clearWide(at: col + k, y: y)
                    self[col + k, y] = Cell("", style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Overwriting part of a wide grapheme must not leave the rest of it behind.
    private mutating func clearWide(at x: Int, y: Int) {
        let cell = self[x, y]
        if cell.isContinuation {
            // Blank the grapheme this cell belongs to, and its other continuation cells.
            var start = x - 1
            while start > 0 && self[start, y].isContinuation { start -= 1 }
            if start >= 0 { clearFrom(start, y: y) }
        } else if !cell.symbol.isEmpty, DisplayWidth.of(cell.symbol) > 1 {
            clearFrom(x, y: y)
        }
    }

    /// Blanks a grapheme at `x` and the continuation cells after it.
    private mutating func clearFrom(_ x: Int, y: Int) {
        let style = self[x, y].style
        self[x, y] = Cell(" ", style)
        var k = x + 1
        while k < width && self[k, y].isContinuation {
            self[k, y] = Cell(" ", self[k, y].style)
            k += 1
        }
    }

    public mutating func fill(_ rect: Rect, style: Style = .plain, symbol: String = " ") {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                self[x, y] = Cell(symbol, style)
            }
        }
    }

    /// Changes the style of the cells in a rectangle, keeping their symbols.
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                self[x, y].style = style
            }
        }
    }

    /// A single-line box around `rect`, with a title on the top edge.
    public mutating func box(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let r = rect
        for x in r.x + 1..<r.maxX - 1 {
            put("─", x: x, y: r.y, style: style)
            put("─", x: x, y: r.maxY - 1, style: style)
        }
        for y in r.y + 1..<r.maxY - 1 {
            put("│", x: r.x, y: y, style: style)
            put("│", x: r.maxX - 1, y: y, style: style)
        }
        put("┌", x: r.x, y: r.y, style: style)
        put("┐", x: r.maxX - 1, y: r.y, style: style)
        put("└", x: r.x, y: r.maxY - 1, style: style)
        put("┘", x: r.maxX - 1, y: r.maxY - 1, style: style)
        if let title, r.width > 4 {
            put(" \(title) ", x: r.x + 1, y: r.y, maxWidth: r.width - 2, style: titleStyle)
        }
    }

    /// The symbols row by row, for golden-file tests and debugging.
    public var textRows: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += self[x, y].symbol }
            return s
        }
    }

    public var text: String { textRows.joined(separator: "\n") }
}
