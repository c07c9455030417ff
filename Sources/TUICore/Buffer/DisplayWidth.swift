import CWidth
import Foundation
import KernteamDomain

/// Display columns of text on a terminal, counted as ncurses counts them when it places text: the C
/// library's `wcwidth` for every code point of a grapheme, in a UTF-8 locale. A table of our own could
/// disagree with ncurses (an emoji with a skin tone takes four columns there, a heart with VS16 one),
/// and then every column after it on the line would be off.
public enum DisplayWidth {
    /// Columns one grapheme takes: the sum over its code points (0 for a lone combining mark).
    public static func of(_ c: Character) -> Int {
        if c.asciiValue != nil { return 1 }   // ASCII: one column (controls never reach the screen unsanitised)
        let codepoints = c.unicodeScalars.map(\.value)
        return Int(kt_columns(codepoints, Int32(codepoints.count)))
    }

    public static func of(_ s: String) -> Int {
        // Plain ASCII (most of what the panes show): one column a byte.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
        let codepoints = s.unicodeScalars.map(\.value)
        return Int(kt_columns(codepoints, Int32(codepoints.count)))
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
            } else if ControlPictures.isControl(u) {
                out.append(ControlPictures.picture(u))           // ␀…␟, ␡, ⍰: the same as in documents
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
