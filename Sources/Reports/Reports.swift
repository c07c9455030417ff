import Foundation
import KernteamDomain

/// A document people take away (minutes, report, newsletter), as plain blocks. Built once from the
/// state, then rendered as Markdown or as one self-contained HTML page, so both say the same thing and
/// every piece of user text passes through exactly one escaping function per format.
public struct Document: Hashable, Sendable {
    public var title: String
    /// Lines under the title (kern, period, date).
    public var meta: [String]
    public var blocks: [Block]
    /// Last line: when and by what it was made.
    public var footer: String?
    /// The line at the top of every printed page after the first (what the document is: kern,
    /// period or meeting); nil: the title.
    public var runningHeader: String?

    public init(title: String, meta: [String] = [], blocks: [Block] = [], footer: String? = nil, runningHeader: String? = nil) {
        self.title = title; self.meta = meta; self.blocks = blocks; self.footer = footer; self.runningHeader = runningHeader
    }

    public enum Block: Hashable, Sendable {
        /// Level 2 (section) to 4.
        case heading(Int, String)
        case paragraph(String)
        case list([String])
        case table(header: [String], rows: [[String]])
        /// A remark set apart (privacy notice, how ids are named).
        case note(String)
        /// A bar chart: inline SVG with the same numbers in a table beside it (HTML); Markdown shows
        /// only the title and the table.
        case svgChart(ChartData)
    }

    var hasCharts: Bool { blocks.contains { if case .svgChart = $0 { true } else { false } } }

    public enum Format: String, CaseIterable, Sendable {
        case markdown = "md", html
    }

    public func rendered(_ format: Format) -> String {
        switch format {
        case .markdown: markdown
        case .html: html
        }
    }

    // MARK: - Markdown

    public var markdown: String {
        var out: [String] = ["# " + Markup.markdown(title)]
        for line in meta { out += ["", Markup.markdown(line)] }
        for block in blocks {
            out.append("")
            switch block {
            case let .heading(level, text):
                out.append(String(repeating: "#", count: min(max(level, 2), 6)) + " " + Markup.markdown(text))
            case .paragraph(let text):
                out.append(Markup.markdown(text))
            case .list(let items):
                out += items.map { "- " + Markup.markdown($0) }
            case let .table(header, rows):
                out += Self.markdownTable(header, rows)
            case .note(let text):
                out.append("> " + Markup.markdown(text))
            case .svgChart(let chart):
                out.append(Markup.markdown(chart.title))
                out.append("")
                if chart.isEmpty {
                    out.append(Markup.markdown(chart.empty))
                } else {
                    out += Self.markdownTable(chart.tableHeader, chart.tableRows)
                }
            }
        }
        if let footer { out += ["", "---", "", Markup.markdown(footer)] }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdownTable(_ header: [String], _ rows: [[String]]) -> [String] {
        var out = ["| " + header.map(Markup.markdown).joined(separator: " | ") + " |"]
        out.append("|" + header.map { _ in " --- |" }.joined())
        for row in rows {
            let cells = (0..<header.count).map { $0 < row.count ? Markup.markdown(row[$0]) : "" }
            out.append("| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |")
        }
        return out
    }

    static func htmlTable(_ header: [String], _ rows: [[String]]) -> [String] {
        var out = ["<table>"]
        out.append("<thead><tr>" + header.map { "<th>\(Markup.htmlText($0))</th>" }.joined() + "</tr></thead>")
        out.append("<tbody>")
        for row in rows {
            let cells = (0..<header.count).map { $0 < row.count ? row[$0] : "" }
            out.append("<tr>" + cells.map { "<td>\(Markup.htmlText($0))</td>" }.joined() + "</tr>")
        }
        out.append("</tbody>")
        out.append("</table>")
        return out
    }

    // MARK: - HTML

    /// One HTML file: inline CSS (screen and print), no scripts, nothing loaded from elsewhere. The
    /// language is the current one (`lang`), so a browser hyphenates and reads it aloud right.
    public var html: String {
        var out: [String] = [
            "<!DOCTYPE html>",
            "<html lang=\"\(Language.current.rawValue)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(Markup.html(title))</title>",
            "<style>",
            Markup.css + "\n" + Markup.pageCSS(header: runningHeader ?? title) + (hasCharts ? "\n" + Markup.chartCSS : ""),
            "</style>",
            "</head>",
            "<body>",
            "<h1>\(Markup.htmlText(title))</h1>",
        ]
        for line in meta { out.append("<p class=\"meta\">\(Markup.htmlText(line))</p>") }
        var chartNumber = 0
        for block in blocks {
            switch block {
            case let .heading(level, text):
                let l = min(max(level, 2), 6)
                out.append("<h\(l)>\(Markup.htmlText(text))</h\(l)>")
            case .paragraph(let text):
                out.append("<p>\(Markup.htmlText(text))</p>")
            case .list(let items):
                out.append("<ul>")
                out += items.map { "<li>\(Markup.htmlText($0))</li>" }
                out.append("</ul>")
            case let .table(header, rows):
                out += Self.htmlTable(header, rows)
            case .note(let text):
                out.append("<p class=\"note\">\(Markup.htmlText(text))</p>")
            case .svgChart(let chart):
                chartNumber += 1
                out.append("<figure class=\"chart\">")
                out.append("<figcaption>\(Markup.htmlText(chart.title))</figcaption>")
                if let svg = SVGChart.svg(chart, id: "grafiek-\(chartNumber)") {
                    out.append("<div class=\"chart-body\">")
                    out.append(svg)
                    out += Self.htmlTable(chart.tableHeader, chart.tableRows)
                    out.append("</div>")
                } else {
                    out.append("<p>\(Markup.htmlText(chart.empty))</p>")
                }
                out.append("</figure>")
            }
        }
        if let footer { out.append("<p class=\"footer\">\(Markup.htmlText(footer))</p>") }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }
}

/// Escaping for the two document formats.
public enum Markup {
    /// HTML text and attribute escaping of `& < > " '`. Line breaks in data become spaces.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in oneLine(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text in the body of a page: escaped as `html`, and every id (`A-14`, `Delfgauw/A-3`), date
    /// (`31-01-2010`, `2010-01-31`, `31 Jan 2010`) and amount (`€ 1.250,50`) kept on one line, so
    /// neither a narrow screen nor paper breaks it at its hyphen or space.
    public static func htmlText(_ s: String) -> String {
        let escaped = html(s)
        let ns = escaped as NSString
        let matches = unbreakable.matches(in: escaped, range: NSRange(location: 0, length: ns.length))
        guard !matches.isEmpty else { return escaped }
        var out = ""
        var at = 0
        for m in matches {
            out += ns.substring(with: NSRange(location: at, length: m.range.location - at))
            out += "<span class=\"nb\">" + ns.substring(with: m.range) + "</span>"
            at = m.range.location + m.range.length
        }
        return out + ns.substring(from: at)
    }

    /// Ids (with a log's label before them when logs are combined), dates in the three shown forms, amounts.
    static let unbreakable = try! NSRegularExpression(pattern: [
        #"(?<![\p{L}\p{N}-])(?:[\p{L}\p{N}().-]+/)?(?:AP|BU|[VSABPDI])-[0-9]+(?![\p{L}\p{N}])"#,
        #"(?<![0-9-])[0-9]{2}-[0-9]{2}-[0-9]{4}(?![0-9])"#,
        #"(?<![0-9-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])"#,
        #"(?<![0-9])[0-9]{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4}(?![0-9])"#,
        #"€ ?-?[0-9][0-9.,]*[0-9]"#,
    ].joined(separator: "|"))

    /// A CSS string literal: every character outside plain letters, digits and spaces as a hex
    /// escape, so no text can end the string or the style element.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for u in oneLine(s).unicodeScalars {
            if (u.isASCII && (CharacterSet.alphanumerics.contains(u) || u == " ")) { out.unicodeScalars.append(u) }
            else { out += "\\" + String(u.value, radix: 16) + " " }
        }
        return out + "\""
    }

    /// Paper: A4 with room for a header line (what the document is) and page numbers in the footer,
    /// drawn by browsers that print CSS page margin boxes (Chromium, Edge, Chrome); others print the
    /// page without them. The first page has the title instead of the header line.
    static func pageCSS(header: String) -> String {
        """
        @media print {
          @page {
            size: A4; margin: 1.8cm 1.6cm 1.6cm;
            @top-left { content: \(cssString(header)); font: 8pt sans-serif; color: #444; }
            @bottom-right { content: \(cssString(Text.exportPage.text + " ")) counter(page) \(cssString(" " + Text.exportPageOf.text + " ")) counter(pages); font: 8pt sans-serif; color: #444; }
          }
          @page :first { @top-left { content: none; } }
        }
        """
    }

    /// Markdown inline text: characters that would start markup are backslash-escaped, so text from
    /// the log never turns into a link, emphasis, a table cell border, raw HTML or a heading.
    public static func markdown(_ s: String) -> String {
        let text = oneLine(s)
        var out = ""
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~":
                out.append("\\"); out.append(c)
            case "&":
                // Only where it would read as an entity (&amp; &#39;); a plain "&" stays readable.
                if i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "#" { out.append("\\") }
                out.append(c)
            case "#" where i == 0, "-" where i == 0, "+" where i == 0, "=" where i == 0:
                out.append("\\"); out.append(c)
            case "." where isOrderedListStart(chars, dotAt: i), ")" where isOrderedListStart(chars, dotAt: i):
                out.append("\\"); out.append(c)
            default:
                out.append(c)
            }
        }
        return out
    }

    /// "12. text" at the very start would become a numbered list.
    private static func isOrderedListStart(_ chars: [Character], dotAt i: Int) -> Bool {
        i > 0 && chars[0..<i].allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Data from the log may hold line breaks (a pasted text); a document cell or line shows them as
    /// spaces. Other control characters (ESC, NUL, DEL, C1) are shown as on screen (␛, ␀, ␡, ⍰).
    static func oneLine(_ s: String) -> String {
        let flat = s.contains(where: { $0.isNewline }) ? s.split(whereSeparator: { $0.isNewline }).joined(separator: " ") : s
        return ControlPictures.visible(flat, keeping: { $0 == "\t" })
    }

    /// Only in documents with charts: the SVG and its table side by side, wrapping on narrow screens and
    /// paper. On paper the chart and its table each stay whole, but the table may follow on the next
    /// page: a chart with its table is often taller than what is left of a page.
    static let chartCSS = """
    figure.chart { margin: .6em 0 1.2em; }
    figure.chart figcaption { font-weight: bold; margin-bottom: .3em; }
    div.chart-body { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
    div.chart-body svg { max-width: 100%; height: auto; flex: 0 1 auto; }
    div.chart-body table { width: auto; flex: 1 1 16em; margin: 0; }
    @media print {
      figure.chart figcaption { break-after: avoid; page-break-after: avoid; }
      div.chart-body { display: block; }
      div.chart-body svg { display: block; break-inside: avoid; page-break-inside: avoid; margin-bottom: .6em; }
    }
    """

    /// Readable on screen, tidy on paper: A4 (see `pageCSS`), no backgrounds needed, headings kept
    /// with what follows, tables, notes and list items not split, ids, dates and amounts never broken.
    static let css = """
    body { font-family: "Segoe UI", Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; background: #fff; max-width: 60em; margin: 2em auto; padding: 0 1em; }
    h1 { font-size: 18pt; margin: 0 0 .3em; }
    h2 { font-size: 14pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #888; }
    h3 { font-size: 12pt; margin: 1.2em 0 .3em; }
    h4 { font-size: 11pt; margin: .9em 0 .2em; }
    p { margin: .3em 0; }
    p.meta { margin: 0; color: #333; }
    p.note { border-left: 3px solid #888; padding: .2em .6em; background: #f3f3f3; }
    p.footer { margin-top: 2em; font-size: 9pt; color: #555; border-top: 1px solid #ccc; padding-top: .3em; }
    span.nb { white-space: nowrap; }
    ul { margin: .2em 0 .6em; padding-left: 1.4em; }
    table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 10pt; }
    th, td { border: 1px solid #999; padding: .2em .4em; text-align: left; vertical-align: top; }
    th { background: #e8e8e8; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
      h1 { font-size: 16pt; }
      h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
      table, tr, li, p.note { page-break-inside: avoid; break-inside: avoid; }
      p { orphans: 2; widows: 2; }
      thead { display: table-header-group; }
      th { background: none; border-bottom: 2px solid #000; }
      p.note { background: none; }
    }
    """
}
