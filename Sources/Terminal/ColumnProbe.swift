@preconcurrency import CNcursesw
import Foundation

/// Where ncurses places text: an ncurses screen on /dev/null (no terminal is touched) writes each text
/// from the first column and reports the column its cursor ends in. For tests that compare the
/// buffer's columns with what ncurses does with the same characters.
public enum NcursesColumns {
    /// The columns ncurses advances for each text (each shorter than a line), or nil when no ncurses
    /// screen can be made here (no terminfo entry for xterm).
    public static func placed(_ texts: [String]) -> [Int]? {
        let previous = setlocale(LC_ALL, nil).map { String(cString: $0) }
        setlocale(LC_ALL, "C.UTF-8")
        defer { _ = previous.map { setlocale(LC_ALL, $0) } }
        guard let output = fopen("/dev/null", "w") else { return nil }
        guard let input = fopen("/dev/null", "r") else { fclose(output); return nil }
        defer { fclose(output); fclose(input) }
        guard let screen = newterm("xterm-256color", output, input) else { return nil }
        defer { endwin(); delscreen(screen) }
        var columns: [Int] = []
        for text in texts {
            wmove(kt_stdscr(), 0, 0)
            wclrtoeol(kt_stdscr())
            waddnstr(kt_stdscr(), text, -1)
            columns.append(Int(getcurx(kt_stdscr())))
        }
        return columns
    }
}
