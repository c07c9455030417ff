/// Where things go on the screen. Pure: the reducer uses it for mouse hits and page sizes,
/// the views for drawing.
public struct Layout: Sendable {
    public static let minCols = 64
    public static let minRows = 16

    public let cols: Int
    public let rows: Int
    /// Projector mode: a banner with the current item on top, and a blank line between list rows.
    public let projector: Bool

    public init(cols: Int, rows: Int, projector: Bool = false) {
        self.cols = cols
        self.rows = rows
        self.projector = projector
    }

    public init(_ model: AppModel) {
        self.init(cols: model.cols, rows: model.rows, projector: model.projector)
    }

    /// Height of the "now" banner in projector mode (0 when there is no room for it).

    /// Screen rows per list row: 2 on a large projector screen, for readability from the back.
    public var rowStride: Int { projector && rows >= 40 ? 2 : 1 }

    /// How many list rows a pane shows.
    public func capacity(_ id: PaneID) -> Int { max(0, (listArea(id).height + rowStride - 1) / rowStride) }

    public var isTooSmall: Bool { cols < Self.minCols || rows < Self.minRows }

    public var header: Rect { Rect(x: 0, y: 0, width: cols, height: 1) }
    public var message: Rect { Rect(x: 0, y: rows - 2, width: cols, height: 1) }
    public var footer: Rect { Rect(x: 0, y: rows - 1, width: cols, height: 1) }
    public var body: Rect { Rect(x: 0, y: 1, width: cols, height: rows - 3) }

    /// The panes of `Panes.main` in a grid, two to a row, in focus order (Agenda | Signalen over
    /// Acties | Participatie). A last pane alone on its row takes the whole width.
    public func pane(_ id: PaneID) -> Rect {
        let b = body
        let count = Panes.main.count
        let columns = count > 1 ? 2 : 1
        let gridRows = (count + columns - 1) / columns
        let row = id.rawValue / columns, column = id.rawValue % columns
        let top = b.y + b.height * row / gridRows, bottom = b.y + b.height * (row + 1) / gridRows
        let alone = row == gridRows - 1 && count % columns != 0
        let left = alone ? b.x : b.x + b.width * column / columns
        let right = alone ? b.maxX : b.x + b.width * (column + 1) / columns
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Rows of a pane available for its list: inside the border, minus its caption line and, when the
    /// pane is tall enough, the room of its drawing (the participation ladder).
    public func listArea(_ id: PaneID) -> Rect {
        let inner = pane(id).inner
        let caption = id.spec.captionLines
        return Rect(x: inner.x, y: inner.y + caption, width: inner.width, height: inner.height - caption - drawingHeight(for: id))
    }

    /// Height of the drawing below a pane's rows (0 when the pane has none, or it does not fit).
    public func drawingHeight(for id: PaneID) -> Int {
        let wanted = id.spec.drawingHeight
        return wanted > 0 && pane(id).inner.height >= wanted + 3 ? wanted : 0
    }

    public func paneAt(x: Int, y: Int) -> PaneID? {
        PaneID.allCases.first { pane($0).contains(x: x, y: y) }
    }
}
