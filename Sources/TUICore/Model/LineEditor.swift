/// One line of text being typed, with a cursor: the editing keys every text field of a form and the
/// quick-entry line share. A marked value (the cursor just arrived at a filled-in field) is replaced
/// by typed or pasted text; an editing key unmarks it and edits.
public struct LineEditor: Hashable, Sendable {
    public var value: String
    /// In characters (graphemes).
    public var cursor: Int
    public var marked: Bool

    public init(value: String = "", cursor: Int? = nil, marked: Bool = false) {
        self.value = value
        self.cursor = cursor ?? value.count
        self.marked = marked
    }

    /// Applies one key. Returns whether the value or cursor changed (false: not an editing key).
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(value)
        var cursor = min(self.cursor, chars.count)
        if marked {
            marked = false
            // Typed text replaces a marked value; any other key edits it where the cursor is (the end).
            switch key {
            case .char, .paste: chars = []; cursor = 0
            default: break
            }
        }
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor); cursor += 1
        case .paste(let text):
            // One line: line breaks and tabs become spaces, other control characters go.
            let flat = Self.oneLine(text)
            chars.insert(contentsOf: flat, at: cursor); cursor += flat.count
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .backspace, .ctrl("h"):
            if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < chars.count { chars.remove(at: cursor) }
        case .ctrl("u"): chars.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"): chars.removeSubrange(cursor...)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && chars[start - 1] == " " { start -= 1 }
            while start > 0 && chars[start - 1] != " " { start -= 1 }
            chars.removeSubrange(start..<cursor); cursor = start
        default:
            return false
        }
        value = String(chars)
        self.cursor = cursor
        return true
    }

    /// Pasted text as one line: each run of line breaks and tabs becomes one space, other control
    /// characters are dropped, and the ends are trimmed.
    static func oneLine(_ text: String) -> [Character] {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in text.unicodeScalars {
            if u == "\n" || u == "\r" || u == "\t" {
                pendingSpace = !out.isEmpty
                continue
            }
            if u.value < 0x20 || u.value == 0x7F { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return Array(String(out))
    }

}
