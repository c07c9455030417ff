import Foundation
import KernteamTUI

/// Pretty-printed JSON for the CLI (`list`, `history`, `meeting … --format json`), written in one
/// pass and safe to print to a terminal: every character a terminal could act on is written as a
/// `\uXXXX` escape, so the JSON means exactly the same but cannot move the cursor or retitle the window.
///
/// The layout is the one `JSONSerialization` gives with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `"key" : value`), so scripts see no difference; it is
/// written by hand because that serializer sorts keys through locale-aware string comparison and
/// bridges every value, which made it the slowest part of listing a large log.
public enum TerminalSafeJSON {
    /// `value` is made of `[String: Any]`, `[Any]`, `String`, `Int`, `Double`, `Bool` and `NSNull`.
    public static func format(_ value: Any) -> String {
        var out = [UInt8]()
        out.reserveCapacity(4_096)
        write(value, indent: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func indentation(_ indent: Int, _ out: inout [UInt8]) {
        for _ in 0..<indent { out.append(0x20); out.append(0x20) }
    }

    /// `{` or `[`, a line per item (`,` between), and the closing bracket on a line of its own; an
    /// empty one still gets the empty line, as JSONSerialization writes it.
    private static func block<C: Collection>(_ open: Character, _ close: Character, _ items: C, indent: Int,
                                             _ out: inout [UInt8], _ item: (C.Element, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: open.unicodeScalars.first!))
        out.append(0x0A)
        var first = true
        for element in items {
            if !first { out += [UInt8(ascii: ","), 0x0A] }
            first = false
            indentation(indent + 1, &out)
            item(element, &out)
        }
        out.append(0x0A)
        indentation(indent, &out)
        out.append(UInt8(ascii: close.unicodeScalars.first!))
    }

    private static func write(_ value: Any, indent: Int, into out: inout [UInt8]) {
        switch value {
        case let s as String:
            string(s, &out)
        case let b as Bool:
            out += Array((b ? "true" : "false").utf8)
        case let i as Int:
            out += Array(String(i).utf8)
        case let d as Double:
            out += Array((d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
        case is NSNull:
            out += Array("null".utf8)
        case let o as [String: Any]:
            // Keys are field names (ASCII): byte order is the order JSONSerialization gives them.
            let keys = o.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            block("{", "}", keys, indent: indent, &out) { key, out in
                string(key, &out)
                out += [0x20, UInt8(ascii: ":"), 0x20]
                write(o[key]!, indent: indent + 1, into: &out)
            }
        case let a as [Any]:
            block("[", "]", a, indent: indent, &out) { item, out in write(item, indent: indent + 1, into: &out) }
        default:
            string("\(value)", &out)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func escape(_ unit: UInt16, _ out: inout [UInt8]) {
        out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 0xF)],
                hex[Int(unit >> 4 & 0xF)], hex[Int(unit & 0xF)]]
    }

    private static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        for u in s.unicodeScalars {
            let v = u.value
            switch v {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x20..<0x7F: out.append(UInt8(v))
            default:
                if TerminalSafe.isSafe(u) {
                    out += Array(String(u).utf8)
                } else {
                    for unit in String(u).utf16 { escape(unit, &out) }
                }
            }
        }
        out.append(0x22)
    }
}
