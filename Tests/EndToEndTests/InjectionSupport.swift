import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for the injection and privacy tests: the CLI with stdout and stderr kept apart (argv as
/// raw bytes, so even invalid UTF-8 can be passed), byte searches through a folder, and checks on
/// what a tmux capture shows.
enum HostileCLI {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    static func run(_ args: [String], env extra: [String: String] = [:], timeout: Double? = nil) -> Result {
        runBytes(args.map { Array($0.utf8) }, env: extra, timeout: timeout)
    }

    /// Status of a run killed because it did not end within its timeout.
    static let timedOut: Int32 = -2

    /// Runs the binary with argv given byte for byte; stdin is /dev/null. With `timeout`, a run that
    /// has not ended by then is killed and reported as `timedOut`.
    static func runBytes(_ args: [[UInt8]], env extra: [String: String] = [:], timeout: Double? = nil) -> Result {
        let base = NSTemporaryDirectory() + "kt-hostile-\(UUID().uuidString.prefix(8))"
        let outPath = base + ".out", errPath = base + ".err"
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["KERNTEAM_LOG"] = ""
        environment.merge(extra) { $1 }
        let argv = ([Array(Tmux.binary.utf8)] + args).map(cString) + [nil]
        let envp = environment.map { cString(Array("\($0.key)=\($0.value)".utf8)) } + [nil]
        defer { (argv + envp).forEach { $0?.deallocate() } }
        var pid = pid_t()
        guard posix_spawn(&pid, Tmux.binary, &actions, nil, argv, envp) == 0 else {
            return Result(status: -1, stdout: Data(), stderr: Data("spawn failed".utf8))
        }
        var status: Int32 = 0
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { break }
                if r < 0 && errno != EINTR { break }
                if Date() > deadline {
                    kill(pid, SIGKILL)
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    return Result(status: timedOut, stdout: FileManager.default.contents(atPath: outPath) ?? Data(), stderr: Data("timed out".utf8))
                }
                usleep(10_000)
            }
        } else {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        let exited = (status & 0x7f) == 0
        return Result(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                      stdout: FileManager.default.contents(atPath: outPath) ?? Data(),
                      stderr: FileManager.default.contents(atPath: errPath) ?? Data())
    }
}

enum ScreenCheck {
    /// Scalars that must never reach (or be stored by) the terminal: C0 (but newline), DEL, C1,
    /// bidi overrides/isolates/marks, zero-width and other format characters (soft hyphen allowed).
    static func isForbidden(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v == 0x0A { return false }
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return true }
        if v == 0x200E || v == 0x200F || v == 0x061C { return true }
        if (0x200B...0x200D).contains(v) || v == 0x2060 || v == 0xFEFF { return true }
        if u.properties.generalCategory == .format && v != 0xAD { return true }
        return false
    }

    /// Every forbidden scalar with its position, e.g. "U+001B at line 3".
    static func forbidden(in text: String) -> [String] {
        var found: [String] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for u in line.unicodeScalars where isForbidden(u) {
                found.append(String(format: "U+%04X at line %d", u.value, n))
            }
        }
        return found
    }

    /// The capture with tmux's own SGR (colour/attribute) sequences removed: what remains must not
    /// hold a single ESC.
    static func withoutSGR(_ s: String) -> String {
        s.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*m", with: "", options: .regularExpression)
    }

    /// libc's wcwidth (not imported into Swift), in a UTF-8 locale.
    private static let wcwidthFn: @convention(c) (Int32) -> Int32 = {
        setlocale(LC_CTYPE, "C.UTF-8")
        let handle = dlopen(nil, RTLD_NOW)
        guard let sym = dlsym(handle, "wcwidth") else { fatalError("wcwidth not found") }
        return unsafeBitCast(sym, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// Columns a scalar takes in the terminal (wcwidth in a UTF-8 locale; tmux measures the same way).
    static func width(_ u: Unicode.Scalar) -> Int {
        let w = Int(wcwidthFn(Int32(bitPattern: u.value)))
        return w < 0 ? 1 : w
    }

    static func width(_ line: Substring) -> Int { line.unicodeScalars.reduce(0) { $0 + width($1) } }

    /// The scalar that starts at display column `col` of the line (nil past the end or inside a wide one).
    static func cell(_ line: Substring, _ col: Int) -> Character? {
        var c = 0
        for u in line.unicodeScalars {
            let w = width(u)
            if w == 0 { continue }
            if c == col { return Character(u) }
            c += w
            if c > col { return nil }
        }
        return nil
    }

    static func lines(_ screen: String) -> [Substring] {
        var l = screen.split(separator: "\n", omittingEmptySubsequences: false)
        if l.last == "" { l.removeLast() }
        return l
    }

    /// The four bordered panes of the main screen sit exactly where the layout puts them; no line
    /// is wider than the window and there are exactly `rows` lines. (Layout: header, body of
    /// rows-3 split in two halves of panes, message line, footer.)
    static func assertMainLayout(_ screen: String, cols: Int, rows: Int, overlay: Bool = false,
                                 file: StaticString = #filePath, line: UInt = #line) {
        let l = lines(screen)
        XCTAssertEqual(l.count, rows, "line count of the capture\n\(screen)", file: file, line: line)
        guard l.count == rows else { return }
        let bodyHeight = rows - 3, top = bodyHeight / 2
        let half = cols / 2
        let topBorder = 1, midBottom = top, lowTop = top + 1, bottom = bodyHeight
        for (y, text) in l.enumerated() {
            XCTAssertLessThanOrEqual(width(text), cols, "line \(y) wider than \(cols): \(text)", file: file, line: line)
            guard y >= 1, y <= bottom else { continue }
            XCTAssertEqual(width(text), cols, "line \(y) is not \(cols) columns: \(text)\n\(screen)", file: file, line: line)
            let left = cell(text, 0), right = cell(text, cols - 1)
            let (l0, r0): (Character, Character) = (y == topBorder || y == lowTop) ? ("┌", "┐")
                : (y == midBottom || y == bottom) ? ("└", "┘") : ("│", "│")
            XCTAssertEqual(left, l0, "left border of line \(y): \(text)\n\(screen)", file: file, line: line)
            XCTAssertEqual(right, r0, "right border of line \(y): \(text)\n\(screen)", file: file, line: line)
            if !overlay {
                XCTAssertEqual(cell(text, half - 1), r0, "middle border (left pane) of line \(y): \(text)", file: file, line: line)
                XCTAssertEqual(cell(text, half), l0, "middle border (right pane) of line \(y): \(text)", file: file, line: line)
            }
        }
        if !overlay {
            XCTAssertTrue(l[topBorder].contains("┌ 2 Signalen"), "Signalen pane title in place:\n\(screen)", file: file, line: line)
            XCTAssertTrue(l[lowTop].contains("┌ 3 Acties"), "Acties pane title in place:\n\(screen)", file: file, line: line)
        }
    }

    /// The detail box: a closed rectangle whose title names `id`, every side where it should be.
    static func assertDetailBox(_ screen: String, id: String, cols: Int, rows: Int,
                                file: StaticString = #filePath, line: UInt = #line) {
        let l = lines(screen)
        guard let t = l.firstIndex(where: { $0.contains("┌ Details \(id) ") }) else {
            XCTFail("no detail box for \(id):\n\(screen)", file: file, line: line)
            return
        }
        var leftCol = -1
        for c in 0..<cols where cell(l[t], c) == "┌" && c > 0 { leftCol = c; break }
        let boxWidth = min(cols - 4, 90)
        let rightCol = leftCol + boxWidth - 1
        XCTAssertEqual(cell(l[t], rightCol), "┐", "top right corner of the detail box:\n\(screen)", file: file, line: line)
        guard let b = l.indices.first(where: { $0 > t && cell(l[$0], leftCol) == "└" }) else {
            XCTFail("detail box of \(id) has no bottom border:\n\(screen)", file: file, line: line)
            return
        }
        XCTAssertEqual(cell(l[b], rightCol), "┘", "bottom right corner of the detail box:\n\(screen)", file: file, line: line)
        XCTAssertLessThanOrEqual(b, rows - 2, "detail box above the footer:\n\(screen)", file: file, line: line)
        for y in (t + 1)..<b {
            XCTAssertEqual(cell(l[y], leftCol), "│", "left side of the detail box, line \(y):\n\(screen)", file: file, line: line)
            XCTAssertEqual(cell(l[y], rightCol), "│", "right side of the detail box, line \(y):\n\(screen)", file: file, line: line)
        }
        XCTAssertTrue(l[b - 1].contains("Esc"), "the close hint is the last line inside the box:\n\(screen)", file: file, line: line)
    }
}

enum FolderSearch {
    /// Every regular file under `dir`, hidden ones included, recursively.
    static func files(under dir: String) -> [String] {
        var out: [String] = []
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return out }
        for name in names {
            let path = dir + "/" + name
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue { out += files(under: path) } else { out.append(path) }
        }
        return out.sorted()
    }

    /// Files under `dir` whose bytes contain `needle` (ASCII letters compared case-insensitively).
    static func filesContaining(_ needle: [UInt8], under dir: String) -> [String] {
        func fold(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b + 0x20 : b }
        let n = needle.map(fold)
        return files(under: dir).filter { path in
            guard let data = FileManager.default.contents(atPath: path), data.count >= n.count, !n.isEmpty else { return false }
            let bytes = [UInt8](data).map(fold)
            guard let first = n.first else { return false }
            var i = 0
            while i + n.count <= bytes.count {
                if bytes[i] == first && Array(bytes[i..<(i + n.count)]) == n { return true }
                i += 1
            }
            return false
        }
    }
}
