import Foundation
import KernteamDomain

/// A chart as inline SVG for the HTML documents: horizontal bars, the number beside every bar (with
/// the series name when there are several), a legend. Every series has its own colour from the
/// Okabe–Ito palette (told apart with the common colour-blindnesses) and its own pattern, so a
/// monochrome print still tells them apart. Every label is measured (`TextWidth`) and placed where it
/// fits: a long row label is wrapped onto two lines, or shortened with "…" and its full name in a
/// `<title>`; the legend flows onto more lines. No scripts, no fonts or files from elsewhere; the
/// table beside it carries the same numbers for screen readers and print.
public enum SVGChart {
    static let width = 640
    static let fontFamily = "DejaVu Sans, Verdana, sans-serif"
    static let labelSize = 11.0
    /// Row labels never take more than this (wrapped or shortened beyond it).
    static let maxLabelWidth = 190.0

    /// Okabe–Ito, in an order where neighbours differ most.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// One pattern per series (drawn over its colour), so series differ without colour too.
    static let patterns = [
        "",                                         // solid
        "M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5",          // diagonal /
        "M1,1 h2 v2 h-2 z",                         // dots
        "M0,3 H6",                                  // horizontal lines
        "M0,0 L6,6 M-1,5 L1,7 M5,-1 L7,1",          // diagonal \
        "M0,6 L6,0 M0,0 L6,6",                      // cross-hatch
        "M3,0 V6",                                  // vertical lines
        "M0,3 H6 M3,0 V6",                          // grid
    ]

    /// The fill of series `index` in the chart with id `id`: a pattern of its own.
    static func fill(_ index: Int, id: String) -> String { "url(#\(id)-s\(index))" }

    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// Black lines on light colours, white on dark ones.
    static func ink(_ hex: String) -> String {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        let r = Double(v >> 16 & 0xFF), g = Double(v >> 8 & 0xFF), b = Double(v & 0xFF)
        return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? "#000000" : "#FFFFFF"
    }

    static func patternDef(_ index: Int, id: String) -> String {
        let c = colour(index)
        // Past the eighth series the colours repeat; the pattern shifts by one so the fill stays unique.
        let shape = patterns[(index + index / palette.count) % patterns.count]
        let ink = ink(c)
        let drawing = shape.isEmpty ? "" : (shape.hasSuffix("z")
            ? "<path d=\"\(shape)\" fill=\"\(ink)\" fill-opacity=\"0.7\"/>"
            : "<path d=\"\(shape)\" stroke=\"\(ink)\" stroke-opacity=\"0.7\" stroke-width=\"1.2\"/>")
        return "<pattern id=\"\(id)-s\(index)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
            + "<rect width=\"6\" height=\"6\" fill=\"\(c)\"/>" + drawing + "</pattern>"
    }

    /// A label's lines within `width`: as it is, else wrapped once at a space, slash or hyphen, else
    /// shortened with "…". `shortened` says whether anything was left out (then the full text goes
    /// into a `<title>`).
    static func fit(_ text: String, width: Double, size: Double) -> (lines: [String], shortened: Bool) {
        if TextWidth.of(text, size: size) <= width { return ([text], false) }
        let chars = Array(text)
        // The last break that leaves a first line that fits.
        var best: Int?
        for i in chars.indices where " /-".contains(chars[i]) && i > 0 {
            let head = String(chars[...i]).trimmingCharacters(in: .whitespaces)
            if TextWidth.of(head, size: size) <= width { best = i } else { break }
        }
        if let i = best {
            let head = String(chars[...i]).trimmingCharacters(in: .whitespaces)
            let tail = String(chars[(i + 1)...]).trimmingCharacters(in: .whitespaces)
            if TextWidth.of(tail, size: size) <= width { return ([head, tail], false) }
            return ([head, shorten(tail, width: width, size: size)], true)
        }
        return ([shorten(text, width: width, size: size)], true)
    }

    static func shorten(_ text: String, width: Double, size: Double) -> String {
        var chars = Array(text)
        while !chars.isEmpty && TextWidth.of(String(chars) + "…", size: size) > width { chars.removeLast() }
        return String(chars).trimmingCharacters(in: .whitespaces) + "…"
    }

    static func text(x: Double, y: Double, size: Double, anchor: String? = nil, _ content: String, title: String? = nil) -> String {
        "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"\(fmt(size))\"" + (anchor.map { " text-anchor=\"\($0)\"" } ?? "") + ">"
            + Markup.html(content) + (title.map { "<title>\(Markup.html($0))</title>" } ?? "") + "</text>"
    }

    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// The `<svg>` element; nil for an empty chart (the document says so in words instead).
    public static func svg(_ chart: ChartData, id: String) -> String? {
        guard !chart.isEmpty else { return nil }
        let n = chart.series.count
        let many = n > 4
        let barHeight = many ? 9.0 : 14.0
        let valueSize = many ? 8.0 : labelSize
        let gap = 8.0
        let lineHeight = labelSize + 2
        let w = Double(width)

        // Legend: swatch, name, flowing onto more lines when it does not fit on one.
        var legend: [(x: Double, line: Int, index: Int)] = []
        if n > 1 {
            var x = 4.0, line = 0
            for (i, s) in chart.series.enumerated() {
                let item = 14 + TextWidth.of(s.name, size: labelSize)
                if x > 4 && x + item > w - 4 { x = 4; line += 1 }
                legend.append((x, line, i))
                x += item + 14
            }
        }
        let legendHeight = n > 1 ? Double((legend.last?.line ?? 0) + 1) * 16 + 6 : 4

        // Row labels: measured, wrapped or shortened beyond the widest allowed.
        let fitted = chart.rows.map { fit($0.label, width: maxLabelWidth, size: labelSize) }
        let widest = fitted.flatMap(\.lines).map { TextWidth.of($0, size: labelSize) }.max() ?? 0
        let labelColumn = (widest + 10).rounded(.up)

        // Value labels: the room right of the longest bar is the widest of them.
        func valueLabel(_ s: ChartData.Series, _ value: Int?, named: Bool) -> String {
            named ? "\(s.name): \(chart.format(value))" : chart.format(value)
        }
        var named = n > 1
        func valueRoom() -> Double {
            chart.rows.flatMap { row in
                chart.series.enumerated().map { i, s in TextWidth.of(valueLabel(s, i < row.values.count ? row.values[i] : nil, named: named), size: valueSize) }
            }.max() ?? 0
        }
        var barArea = w - labelColumn - valueRoom() - 10
        if barArea < 120 && named {
            // Too little room for bars with names beside them: the legend and the patterns name the series.
            named = false
            barArea = w - labelColumn - valueRoom() - 10
        }
        barArea = max(barArea, 40)

        let groups = zip(chart.rows, fitted).map { _, f in max(Double(n) * barHeight, Double(f.lines.count) * lineHeight) + gap }
        let height = (legendHeight + groups.reduce(0, +) + 6).rounded(.up)
        let maxValue = chart.maxValue

        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(fmt(height))\" "
                   + "viewBox=\"0 0 \(width) \(fmt(height))\" font-family=\"\(fontFamily)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
        out.append("<title id=\"\(id)-title\">\(Markup.html(Text.dashboardChartLabel(chart.title).text))</title>")
        out.append("<defs>" + chart.series.indices.map { patternDef($0, id: id) }.joined() + "</defs>")
        for item in legend {
            let y = 4 + Double(item.line) * 16
            out.append("<rect class=\"key\" data-series=\"\(item.index)\" x=\"\(fmt(item.x))\" y=\"\(fmt(y))\" width=\"10\" height=\"10\" "
                       + "fill=\"\(fill(item.index, id: id))\" stroke=\"#333\" stroke-width=\"0.5\"/>")
            out.append(text(x: item.x + 14, y: y + 9, size: labelSize, chart.series[item.index].name))
        }
        var top = legendHeight
        for (r, row) in chart.rows.enumerated() {
            let lines = fitted[r].lines
            let middle = top + (groups[r] - gap) / 2
            let firstBaseline = middle - Double(lines.count) * lineHeight / 2 + labelSize - 1
            for (k, line) in lines.enumerated() {
                out.append(text(x: labelColumn - 6, y: firstBaseline + Double(k) * lineHeight, size: labelSize, anchor: "end", line,
                                title: fitted[r].shortened && k == lines.count - 1 ? row.label : nil))
            }
            let barsTop = middle - Double(n) * barHeight / 2
            for (i, s) in chart.series.enumerated() {
                let value = i < row.values.count ? row.values[i] : nil
                let y = barsTop + Double(i) * barHeight
                let length = value.map { v in v <= 0 ? 0 : max(1, min(barArea, (Double(v) * barArea / Double(maxValue)).rounded())) } ?? 0
                if length > 0 {
                    out.append("<rect class=\"bar\" data-series=\"\(i)\" x=\"\(fmt(labelColumn))\" y=\"\(fmt(y))\" width=\"\(fmt(length))\" "
                               + "height=\"\(fmt(barHeight - 1))\" fill=\"\(fill(i, id: id))\" stroke=\"#333\" stroke-width=\"0.5\">"
                               + "<title>\(Markup.html("\(row.label) · \(s.name): \(chart.format(value))"))</title></rect>")
                }
                out.append(text(x: labelColumn + length + 4, y: y + barHeight - 2, size: valueSize, valueLabel(s, value, named: named)))
            }
            top += groups[r]
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
