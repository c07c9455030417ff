import Foundation

/// How wide text is in the charts' font, DejaVu Sans, the font the SVG names first (a wide sans-serif:
/// the fallbacks it names after it, Verdana and the browser's sans-serif, are about as wide or
/// narrower, which the margin `safety` adds allows for).
/// Advance widths in font units (2048 per em), read from DejaVuSans.ttf (fonts-dejavu 2.37) for
/// ASCII, Latin-1 and a few punctuation marks; any other character counts as a full em, which is
/// wider than any letter of these scripts, so a label is never measured too narrow.
public enum TextWidth {
    static let unitsPerEm = 2048.0
    /// Room for fallback fonts and rounding in the renderer.
    static let safety = 1.08

    /// U+0020 … U+007E.
    static let ascii: [UInt16] = [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    ]

    /// U+00A0 … U+00FF.
    static let latin1: [UInt16] = [
        651, 821, 1303, 1303, 1303, 1303, 690, 1024, 1024, 2048, 965, 1253, 1716, 739, 2048, 1024,
        1024, 1716, 821, 821, 1024, 1303, 1303, 651, 1024, 821, 965, 1253, 1985, 1985, 1985, 1087,
        1401, 1401, 1401, 1401, 1401, 1401, 1995, 1430, 1294, 1294, 1294, 1294, 604, 604, 604, 604,
        1587, 1532, 1612, 1612, 1612, 1612, 1612, 1716, 1612, 1499, 1499, 1499, 1499, 1251, 1239, 1290,
        1255, 1255, 1255, 1255, 1255, 1255, 2011, 1126, 1260, 1260, 1260, 1260, 569, 569, 569, 569,
        1253, 1298, 1253, 1253, 1253, 1253, 1253, 1716, 1253, 1298, 1298, 1298, 1298, 1212, 1300, 1212,
    ]

    static let punctuation: [Unicode.Scalar: UInt16] = [
        "€": 1303, "’": 651, "‘": 651, "“": 1061, "”": 1061, "–": 1024, "—": 2048, "…": 2048, "·": 651, "•": 1208,
    ]

    /// The width in pixels of `text` at `size` pixels.
    public static func of(_ text: String, size: Double) -> Double {
        var units = 0.0
        for u in text.unicodeScalars {
            switch u.value {
            case 0x20...0x7E: units += Double(ascii[Int(u.value - 0x20)])
            case 0xA0...0xFF: units += Double(latin1[Int(u.value - 0xA0)])
            case 0x300...0x36F: continue // combining accents take no room of their own
            default: units += Double(punctuation[u] ?? 2048)
            }
        }
        return units / unitsPerEm * size * safety
    }
}
