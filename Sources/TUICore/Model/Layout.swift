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
    public var bannerHeight: Int { projector && rows >= 30 ? 5 : 0 }
    public var banner: Rect { Rect(x: 0, y: 1, width: cols, height: bannerHeight) }

    /// Screen rows per list row: 2 on a large projector screen, for readability from the back.
    public var rowStride: Int { projector && rows >= 40 ? 2 : 1 }

    /// How many list rows a pane shows.
    public func capacity(_ id: PaneID) -> Int { max(0, (listArea(id).height + rowStride - 1) / rowStride) }

    public var isTooSmall: Bool { cols < Self.minCols || rows < Self.minRows }

    public var header: Rect { Rect(x: 0, y: 0, width: cols, height: 1) }
    public var message: Rect { Rect(x: 0, y: rows - 2, width: cols, height: 1) }
    public var footer: Rect { Rect(x: 0, y: rows - 1, width: cols, height: 1) }
    public var body: Rect { Rect(x: 0, y: 1 + bannerHeight, width: cols, height: rows - 3 - bannerHeight) }

    /// Two by two: Agenda | Signalen over Acties | Participatie.
    public func pane(_ id: PaneID) -> Rect {
        let b = body
        let leftWidth = b.width / 2
        let topHeight = b.height / 2
        let left = id == .agenda || id == .actions
        let top = id == .agenda || id == .signals
        return Rect(x: left ? b.x : b.x + leftWidth,
                    y: top ? b.y : b.y + topHeight,
                    width: left ? leftWidth : b.width - leftWidth,
                    height: top ? topHeight : b.height - topHeight)
    }

    /// Rows of a pane available for its list (inside the border, minus a caption line in Agenda).
    public func listArea(_ id: PaneID) -> Rect {
        let inner = pane(id).inner
        switch id {
        case .agenda: return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        case .participation:
            // The ladder of the selected topic takes the lower part when there is room for it.
            let ladder = ladderHeight(for: id)
            return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - ladder)
        default: return inner
        }
    }

    /// Height of the ladder drawing in the participation pane (0 when it does not fit).
    public func ladderHeight(for id: PaneID) -> Int {
        let inner = pane(id).inner
        return inner.height >= LadderView.height + 3 ? LadderView.height : 0
    }

    public func paneAt(x: Int, y: Int) -> PaneID? {
        PaneID.allCases.first { pane($0).contains(x: x, y: y) }
    }
}
