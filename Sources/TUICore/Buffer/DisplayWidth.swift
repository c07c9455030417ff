/// Display columns of text on a terminal, and making any text safe to show there.
public enum DisplayWidth {
    /// Columns one grapheme takes: 0 for nothing visible, 2 for wide (CJK, most emoji), else 1.
    public static func of(_ c: Character) -> Int {
        if c.asciiValue != nil { return 1 }   // ASCII: one column (controls never reach the screen unsanitised)
        guard let first = c.unicodeScalars.first else { return 0 }
        if c.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if c.unicodeScalars.count > 1, c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return isWide(first.value) ? 2 : (isZeroWidth(first) ? 0 : 1)
    }

    public static func of(_ s: String) -> Int {
        // Plain ASCII (most of what the panes show): one column a byte, no Unicode tables needed.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth ranges (the common ones).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Truncates to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces (or truncates) to exactly `width` columns.
    public static func pad(_ s: String, to width: Int) -> String {
        let t = truncate(s, to: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }

    /// Splits text into lines of at most `width` columns, breaking at spaces where possible.
    public static func wrap(_ s: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: false) {
            let w = of(String(word))
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            if w > width {
                for c in word {
                    let cw = of(c)
                    if lineWidth + cw > width { lines.append(line); line = ""; lineWidth = 0 }
                    line.append(c); lineWidth += cw
                }
            } else {
                line += word
                lineWidth += w
            }
        }
        lines.append(line)
        return lines
    }
}

/// Makes text from the log or from input harmless on a terminal: nothing in it can act as a control.
/// C0/C1 controls become visible control pictures (␛ for ESC, so an escape sequence shows as text),
/// bidi overrides/isolates and zero-width characters become `⍰`, invalid UTF-8 was already turned
/// into U+FFFD when decoding. A newline becomes `␤`, so it can never start a new screen line.
public enum TerminalSafe {
    public static let placeholder: Character = "⍰"

    public static func sanitize(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where !isSafe(u) { needs = true; break }
        guard needs else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if isSafe(u) {
                out.append(u)
            } else if u.value < 0x20 {
                out.append(Unicode.Scalar(0x2400 + u.value)!)   // control pictures ␀…␟
            } else if u.value == 0x7F {
                out.append("\u{2421}")                           // ␡
            } else {
                out.append(contentsOf: String(placeholder).unicodeScalars)
            }
        }
        return String(out)
    }

    public static func isSafe(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v >= 0x20 && v < 0x7F { return true }                          // printable ASCII: the common case
        if v < 0x20 || v == 0x7F { return false }
        if (0x80...0x9F).contains(v) { return false }                    // C1 controls (CSI, OSC, DCS …)
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return false } // bidi
        if v == 0x200E || v == 0x200F || v == 0x061C { return false }     // bidi marks
        if (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF { return false } // zero width
        if (0xD800...0xDFFF).contains(v) { return false }
        if u.properties.generalCategory == .format && v != 0xAD { return false }
        if (0xE000...0xF8FF).contains(v) { return false }                  // private use: no known glyph
        return true
    }
}
