import Foundation
import KernteamDomain

/// A chart as inline SVG for the HTML documents: horizontal bars, a number beside every bar, a legend
/// with the series names. No scripts, no fonts or files from elsewhere; the table beside it carries
/// the same numbers for screen readers and print.
public enum SVGChart {
    /// Blue/orange (Okabe–Ito), readable with the common colour-blindnesses; the words and numbers say it too.
    static func fill(_ tone: ChartData.Tone) -> String {
        switch tone {
        case .plain, .current: "#0072B2"
        case .previous: "#9FB8CC"
        case .open: "#56B4E9"
        case .late: "#E69F00"
        case .done: "#0072B2"
        case .dropped: "#999999"
        }
    }

    static let width = 640
    static let labelWidth = 150

    /// The `<svg>` element; nil for an empty chart (the document says so in words instead).
    public static func svg(_ chart: ChartData, id: String) -> String? {
        guard !chart.isEmpty else { return nil }
        let n = chart.series.count
        let barHeight = n > 4 ? 8 : 14
        let gap = 8
        let legendHeight = n > 1 ? 22 : 4
        let groupHeight = n * barHeight + gap
        let height = legendHeight + chart.rows.count * groupHeight + 6
        // Room right of the longest bar for its number (and series name).
        let barArea = width - labelWidth - (n > 1 ? 160 : 90)
        let max = chart.maxValue
        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(height)\" "
                   + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title\">")
        out.append("<title id=\"\(id)-title\">\(Markup.html(Text.dashboardChartLabel(chart.title).text))</title>")
        if n > 1 {
            var x = labelWidth
            for s in chart.series {
                out.append("<rect class=\"key\" x=\"\(x)\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(fill(s.tone))\"/>")
                out.append("<text x=\"\(x + 14)\" y=\"13\" font-size=\"11\">\(Markup.html(s.name))</text>")
                x += 20 + 7 * s.name.count
            }
        }
        for (r, row) in chart.rows.enumerated() {
            let top = legendHeight + r * groupHeight
            let labelY = top + (n * barHeight) / 2 + 4
            out.append("<text x=\"\(labelWidth - 6)\" y=\"\(labelY)\" font-size=\"11\" text-anchor=\"end\">\(Markup.html(row.label))</text>")
            for (i, s) in chart.series.enumerated() {
                let value = i < row.values.count ? row.values[i] : nil
                let y = top + i * barHeight
                let length = value.map { v in v <= 0 ? 0 : Swift.max(1, Swift.min(barArea, (v * barArea + max / 2) / max)) } ?? 0
                if length > 0 {
                    out.append("<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight - 1)\" fill=\"\(fill(s.tone))\">"
                               + "<title>\(Markup.html("\(row.label) · \(s.name): \(chart.format(value))"))</title></rect>")
                }
                // The number beside the bar, with the series name when there are several: no colour needed.
                let label = n > 1 ? "\(s.name): \(chart.format(value))" : chart.format(value)
                out.append("<text x=\"\(labelWidth + length + 4)\" y=\"\(y + barHeight - 2)\" font-size=\"\(n > 4 ? 8 : 11)\">\(Markup.html(label))</text>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
