import KernteamDomain

/// The pure chart math of the dashboard: scaling a value to a width, eighth-block bar strings (or `#`
/// bars where the terminal cannot show block characters), and laying a chart out in text lines.
/// Every bar has its number beside it; the view only adds styles.
public enum Charts {
    /// Left eighths of a cell, 1…7 (index 0 is empty); 8 eighths is a full block.
    public static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    public static let full = "█"
    public static let asciiBar: Character = "#"

    /// A bar's length in eighths of a cell: `value` of `max` over `width` cells, rounded to the
    /// nearest eighth. A value above zero always shows (at least one eighth); zero, negative values,
    /// a zero width or an empty scale give no bar; values above `max` are capped at the full width.
    public static func eighths(_ value: Int, max: Int, width: Int) -> Int {
        guard value > 0, max > 0, width > 0 else { return 0 }
        let total = width * 8
        if value >= max { return total }
        return Swift.max(1, Swift.min(total, ChartData.scaled(value, of: max, to: total)))
    }

    /// A bar of `eighths` eighths: full blocks and one partial block.
    public static func blocks(eighths: Int) -> String {
        guard eighths > 0 else { return "" }
        return String(repeating: full, count: eighths / 8) + partials[eighths % 8]
    }

    /// A bar in whole cells of `#`, rounded; a value above zero always shows one `#`.
    public static func hashes(_ value: Int, max: Int, width: Int) -> String {
        let e = eighths(value, max: max, width: width)
        guard e > 0 else { return "" }
        return String(repeating: asciiBar, count: Swift.max(1, (e + 4) / 8))
    }

    /// The bar for a value: eighth blocks, or `#` when `ascii`.
    public static func bar(_ value: Int, max: Int, width: Int, ascii: Bool) -> String {
        ascii ? hashes(value, max: max, width: width) : blocks(eighths: eighths(value, max: max, width: width))
    }

    /// Whether the locale can show block characters: the first of LC_ALL, LC_CTYPE, LANG that is set
    /// must name UTF-8 ("UTF-8" or "utf8", any case). Nothing set is the C locale: plain ASCII.
    public static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let v = value.lowercased()
            return v.contains("utf-8") || v.contains("utf8")
        }
        return false
    }

    // MARK: - Layout

    /// What a piece of a chart line is, for styling.
    public enum Role: Hashable, Sendable {
        case title, header, label, value, note, muted
        case bar(ChartData.Tone)
    }

    public struct Segment: Hashable, Sendable {
        public var text: String
        public var role: Role
        public init(_ text: String, _ role: Role) { self.text = text; self.role = role }
    }

    /// One line of a laid-out chart: segments from the left edge, in order.
    public struct Line: Hashable, Sendable {
        public var segments: [Segment]
        public init(_ segments: [Segment]) { self.segments = segments }
        public var text: String { segments.map(\.text).joined() }
    }

    /// Lays a chart out in lines of at most `width` columns: a title; then either one row per label
    /// with a cell (bar and number) per series side by side, or, when the cells would be too narrow,
    /// each label followed by a line per series. Notes go at the end of a row when there is room.
    public static func lines(_ chart: ChartData, width: Int, ascii: Bool) -> [Line] {
        var out = [Line([Segment(chart.title, .title)])]
        guard !chart.isEmpty else {
            out.append(Line([Segment("  " + chart.empty, .muted)]))
            return out
        }
        let max = chart.maxValue
        let labelWidth = Swift.min(18, chart.rows.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let valueWidth = chart.rows.flatMap { $0.values.map { DisplayWidth.of(chart.format($0)) } }.max() ?? 1
        let noteWidth = chart.rows.compactMap { $0.note.map { DisplayWidth.of($0) } }.max() ?? 0
        let n = chart.series.count
        let nameWidth = chart.series.map { DisplayWidth.of($0.name) }.max() ?? 0
        func cellWidth(withNote: Bool) -> Int {
            (width - 2 - labelWidth - 1 - (withNote && noteWidth > 0 ? noteWidth + 1 : 0)) / n
        }
        // A cell: bar, space, number, space. The series name must fit over it (more than one series).
        func fits(_ cell: Int) -> Bool {
            cell - valueWidth - 2 >= 2 && (n == 1 || cell > nameWidth)
        }
        let withNote = fits(cellWidth(withNote: true))
        var cell = cellWidth(withNote: withNote)
        if fits(cell) {
            // Very long bars are hard to compare across a beamer: at most 48 cells (24 side by side).
            let barWidth = Swift.min(cell - valueWidth - 2, n == 1 ? 48 : 24)
            cell = Swift.max(barWidth + valueWidth + 2, n > 1 ? nameWidth + 1 : 0)
            if n > 1 {
                var header = [Segment("  " + DisplayWidth.pad("", to: labelWidth) + " ", .header)]
                for s in chart.series { header.append(Segment(DisplayWidth.pad(s.name, to: cell), .header)) }
                out.append(Line(header))
            }
            for row in chart.rows {
                var segments = [Segment("  " + DisplayWidth.pad(DisplayWidth.truncate(row.label, to: labelWidth), to: labelWidth) + " ", .label)]
                for (i, s) in chart.series.enumerated() {
                    let value = i < row.values.count ? row.values[i] : nil
                    segments += cellSegments(value, chart: chart, tone: s.tone, max: max, barWidth: barWidth, cell: cell, ascii: ascii)
                }
                if withNote, let note = row.note { segments.append(Segment(note, .note)) }
                out.append(Line(trimmed(segments)))
            }
        } else {
            // Narrow: a line per series under each label.
            let indent = 4 + Swift.min(nameWidth, 14) + 1
            let barWidth = Swift.max(1, Swift.min(48, width - indent - valueWidth - 2))
            for row in chart.rows {
                var head = [Segment("  " + row.label, .label)]
                if let note = row.note, DisplayWidth.of(row.label) + 4 + DisplayWidth.of(note) <= width { head.append(Segment("  " + note, .note)) }
                out.append(Line(head))
                for (i, s) in chart.series.enumerated() {
                    let value = i < row.values.count ? row.values[i] : nil
                    let name = n == 1 ? "" : DisplayWidth.truncate(s.name, to: 14)
                    out.append(Line(trimmed([Segment("    " + DisplayWidth.pad(name, to: indent - 4), .header)]
                        + cellSegments(value, chart: chart, tone: s.tone, max: max, barWidth: barWidth, cell: barWidth + valueWidth + 2, ascii: ascii))))
                }
            }
        }
        return out
    }

    /// The bar, a space and the number right beside it, padded to the cell's width.
    static func cellSegments(_ value: Int?, chart: ChartData, tone: ChartData.Tone, max: Int, barWidth: Int, cell: Int,
                             ascii: Bool) -> [Segment] {
        let bar = value.map { Charts.bar($0, max: max, width: barWidth, ascii: ascii) } ?? ""
        let number = chart.format(value)
        let used = DisplayWidth.of(bar) + (bar.isEmpty ? 0 : 1) + DisplayWidth.of(number)
        var segments: [Segment] = []
        if !bar.isEmpty { segments.append(Segment(bar + " ", .bar(tone))) }
        segments.append(Segment(number + String(repeating: " ", count: Swift.max(1, cell - used)), (value ?? 0) == 0 ? .muted : .value))
        return segments
    }

    /// Drops trailing spaces of the last segment (golden files compare trimmed lines anyway).
    static func trimmed(_ segments: [Segment]) -> [Segment] {
        var s = segments
        while let last = s.last {
            let t = String(last.text.reversed().drop { $0 == " " }.reversed())
            if t.isEmpty { s.removeLast(); continue }
            s[s.count - 1].text = t
            break
        }
        return s
    }
}
