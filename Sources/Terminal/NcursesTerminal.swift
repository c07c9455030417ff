@preconcurrency import CNcursesw
import Foundation
import KernteamTUI

/// The only code that talks to ncurses: start and restore the terminal, read keys and mouse,
/// and copy a rendered `Buffer` to the screen.
public final class NcursesTerminal: TerminalBackend {
    private var started = false
    private var initialized = false
    private var colorPairs: [Int: Int16] = [:]
    private var hasColors = false
    private var lastCursorVisible: Int32 = -1

    public init() {}

    /// Puts the terminal in full-screen mode. Call `stop()` on every exit path.
    public func start() {
        setlocale(LC_ALL, "")
        kt_save_terminal_modes()
        initscr()
        started = true
        initialized = true
        raw()                         // Ctrl-C arrives as a key; we quit cleanly ourselves
        noecho()
        nonl()
        keypad(kt_stdscr(), true)
        set_escdelay(25)
        intrflush(kt_stdscr(), false)
        kt_install_signal_handlers()
        if has_colors() {
            start_color()
            use_default_colors()
            hasColors = true
        }
        mousemask(kt_button1_pressed() | kt_button4_pressed() | kt_button5_pressed(), nil)
        mouseinterval(0)
        curs_set(0)
        // Bracketed paste: the terminal marks pasted text, so it is typed as text (see `readPaste`).
        Self.writeControl("\u{1B}[?2004h")
        // A crash signal restores the terminal too (see the shim).
        kt_install_crash_restore()
    }

    private static func writeControl(_ sequence: String) {
        FileHandle.standardOutput.write(Data(sequence.utf8))
    }

    /// Takes the terminal for full-screen use; after `suspend`, takes it back and redraws.
    public func resume() {
        if started { return }
        guard initialized else { return start() }
        // ncurses is set up already: refreshing takes the terminal back (initscr may run only once).
        started = true
        mousemask(kt_button1_pressed() | kt_button4_pressed() | kt_button5_pressed(), nil)
        Self.writeControl("\u{1B}[?2004h")
        refresh()
    }

    /// Gives the terminal back as it was.
    public func suspend() { stop() }

    /// Restores the terminal as it was. Safe to call twice.
    public func stop() {
        guard started else { return }
        started = false
        kt_disarm_crash_restore()
        Self.writeControl("\u{1B}[?2004l")
        mousemask(0, nil)
        curs_set(1)
        endwin()
    }

    public var size: (cols: Int, rows: Int) { (Int(kt_cols()), Int(kt_lines())) }

    /// ncurses skips output itself while typed-ahead input waits (its typeahead check), so every turn may draw.
    public var hasPendingInput: Bool { false }

    /// A termination signal (SIGTERM, SIGHUP, SIGINT) that arrived, or 0.
    public var pendingSignal: Int32 { kt_pending_signal() }

    /// Waits up to `timeoutMs` for input; nil on timeout.
    public func readKey(timeoutMs: Int32) -> Key? {
        wtimeout(kt_stdscr(), timeoutMs)
        var ch: wint_t = 0
        let r = wget_wch(kt_stdscr(), &ch)
        if r == ERR { return nil }
        if r == kt_key_code_yes() { return functionKey(Int32(ch)) }
        if ch == 27, let pasted = readPaste() { return .paste(pasted) }
        return characterKey(UInt32(ch))
    }

    /// After an ESC: if `[200~` follows at once, everything up to `ESC [201~` is pasted text. Otherwise
    /// the characters read are put back and the ESC is a key press as before.
    private func readPaste() -> String? {
        let opener = Array("[200~".unicodeScalars.map { wint_t($0.value) })
        let closer = Array("\u{1B}[201~".unicodeScalars.map { wint_t($0.value) })
        var seen: [wint_t] = []
        wtimeout(kt_stdscr(), 5)
        for expected in opener {
            var c: wint_t = 0
            let r = wget_wch(kt_stdscr(), &c)
            if r == kt_key_code_yes() {
                // A function key right after ESC. Pushed-back input is read last-pushed-first: push the
                // key, then what came before it, so it all comes back in the order it arrived.
                ungetch(Int32(c))
                for earlier in seen.reversed() { unget_wch(wchar_t(earlier)) }
                return nil
            }
            guard r != ERR else { for earlier in seen.reversed() { unget_wch(wchar_t(earlier)) }; return nil }
            seen.append(c)
            guard c == expected else {
                for earlier in seen.reversed() { unget_wch(wchar_t(earlier)) }
                return nil
            }
        }
        // The pasted text, up to the closing marker (or a pause: a marker lost must not hang the app).
        var text: [wint_t] = []
        wtimeout(kt_stdscr(), 200)
        while text.count < 1 << 20 {
            var c: wint_t = 0
            let r = wget_wch(kt_stdscr(), &c)
            if r == ERR { break }
            if r == kt_key_code_yes() { continue }
            text.append(c)
            if text.count >= closer.count, Array(text.suffix(closer.count)) == closer {
                text.removeLast(closer.count)
                break
            }
        }
        var out = String.UnicodeScalarView()
        for c in text { if let u = Unicode.Scalar(UInt32(c)) { out.append(u) } }
        return String(out)
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE:
            let s = size
            return .resize(cols: s.cols, rows: s.rows)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let state = event.bstate
            let kind: MouseEvent.Kind
            if state & kt_button4_pressed() != 0 { kind = .wheelUp }
            else if state & kt_button5_pressed() != 0 { kind = .wheelDown }
            else if state & (kt_button1_pressed() | kt_button1_clicked()) != 0 { kind = .press }
            else { return nil }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }

    private func pair(_ style: Style) -> Int16 {
        guard hasColors, style.fg != .standard || style.bg != .standard else { return 0 }
        let key = (style.fg.rawValue + 1) * 16 + (style.bg.rawValue + 1)
        if let p = colorPairs[key] { return p }
        let p = Int16(colorPairs.count + 1)
        init_pair(p, Int16(style.fg.rawValue), Int16(style.bg.rawValue))
        colorPairs[key] = p
        return p
    }

    private func attributes(_ style: Style) -> attr_t {
        var a = kt_a_normal()
        if style.bold { a |= kt_a_bold() }
        if style.reverse { a |= kt_a_reverse() }
        if style.dim { a |= kt_a_dim() }
        if style.underline { a |= kt_a_underline() }
        return a
    }

    /// Copies the buffer to the screen; ncurses sends only what changed.
    public func present(_ buffer: Buffer) {
        let s = size
        let rows = min(buffer.height, s.rows), cols = min(buffer.width, s.cols)
        for y in 0..<rows {
            var x = 0
            while x < cols {
                let cell = buffer[x, y]
                if cell.isContinuation { x += 1; continue }
                // Group a run of cells with the same style into one call.
                var run = cell.symbol
                var end = x + 1
                while end < cols, buffer[end, y].style == cell.style {
                    let next = buffer[end, y]
                    if !next.isContinuation { run += next.symbol }
                    end += 1
                }
                // The bottom-right cell would scroll the screen: leave it.
                if y == s.rows - 1 && end >= s.cols {
                    run = String(run.dropLast())
                }
                attr_set(attributes(cell.style), pair(cell.style), nil)
                mvaddstr(Int32(y), Int32(x), run)
                x = end
            }
        }
        attr_set(kt_a_normal(), 0, nil)
        if let c = buffer.cursor, c.y < rows, c.x < cols {
            if lastCursorVisible != 1 { curs_set(1); lastCursorVisible = 1 }
            move(Int32(c.y), Int32(c.x))
        } else if lastCursorVisible != 0 {
            curs_set(0)
            lastCursorVisible = 0
        }
        refresh()
    }
}
