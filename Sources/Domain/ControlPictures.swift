/// The visible placeholders for control characters, the same on screen and in every document: C0 as
/// the Unicode control pictures (␛ for ESC, ␀ for NUL, ␍ for CR), DEL as ␡, C1 as ⍰. A control
/// character taken from the log or from input never reaches a terminal, a file or a spreadsheet as
/// a control: `cat` of an export cannot clear or retitle a terminal.
public enum ControlPictures {
    public static let placeholder: Unicode.Scalar = "⍰"

    /// C0, DEL and C1.
    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
    }

    /// The picture shown for a control character.
    public static func picture(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.value < 0x20 { return Unicode.Scalar(0x2400 + u.value)! }
        if u.value == 0x7F { return "\u{2421}" }
        return placeholder
    }

    /// `s` with every control character replaced by its picture, except those `keep` allows (the
    /// line breaks and tabs a format has a use for).
    public static func visible(_ s: String, keeping keep: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && !keep($0) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isControl(u) && !keep(u) ? picture(u) : u) }
        return String(out)
    }

    /// A whole document: no control character but newline, tab, and CR directly before a newline
    /// (the line ends of CSV and iCalendar).
    public static func document(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return text }
        var out = String.UnicodeScalarView()
        for (i, u) in scalars.enumerated() {
            let keep = u == "\n" || u == "\t" || (u == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
            out.append(isControl(u) && !keep ? picture(u) : u)
        }
        return String(out)
    }
}
