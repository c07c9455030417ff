// kernteam-harness: helper processes for the reliability tests (Tests/ReliabilityTests).
//
//   kernteam-harness append --log PATH --count N [--writer K] [--start C] [--no-lock]
//                           [--payload BYTES] [--reference FILE] [--lock-timeout SECONDS]
//
// Opens a session on PATH (creating the log with a small built-in reference, or the one in FILE),
// then records N decisions one by one. Decision text is `w<K>-n<C>` (plus BYTES of padding), C
// counting from `--start` (default 1). After each append has RETURNED, i.e. the line is written and
// fsync'd, it prints `ACK <seq> <K> <C> <µs>` on stdout with an unbuffered write (µs: how long that
// append took, lock wait included): a test that kills this process may rely on every ACKed entry
// being in the log.
//
// `--no-lock` appends without the append lock: only for the control run of the concurrency test,
// which must see the checks fail.
//
// Exit status: 0 done, 2 log error (message on stderr), 3 entry refused, 64 usage.
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession

func writeOut(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
        if n < 0 { if errno == EINTR { continue }; return }
        done += n
    }
}

func fail(_ status: Int32, _ message: String) -> Never {
    writeOut(2, "kernteam-harness: \(message)\n")
    exit(status)
}

let usage = """
    usage: kernteam-harness append --log PATH --count N [--writer K] [--start C] [--no-lock]
                                   [--payload BYTES] [--reference FILE] [--lock-timeout SECONDS]

    """

/// The reference a new log gets when no `--reference` is given: one kern with one wijk is enough.
let builtInReference = ReferenceData(
    municipality: "Harnasdorp",
    kernen: [Kern(name: "Harnas", wijken: [Wijk(name: "Proefwijk", kind: .beheer)])],
    organisations: [Organisation(name: "Wijkmanager")],
    themes: ["veiligheid": "Veiligheid"]
)

struct AppendOptions {
    var log: String?
    var count = 1
    var writer = 1
    var start = 1
    var noLock = false
    var payload = 0
    var reference: String?
    var lockTimeout: Double?
}

func parseAppend(_ args: ArraySlice<String>) -> AppendOptions {
    var o = AppendOptions()
    var i = args.startIndex
    func value(_ flag: String) -> String {
        i += 1
        guard i < args.endIndex else { fail(64, "\(flag) needs a value\n\(usage)") }
        return args[i]
    }
    func int(_ flag: String) -> Int {
        let v = value(flag)
        guard let n = Int(v), n >= 0 else { fail(64, "\(flag): not a number: \(v)") }
        return n
    }
    while i < args.endIndex {
        switch args[i] {
        case "--log": o.log = value("--log")
        case "--count": o.count = int("--count")
        case "--writer": o.writer = int("--writer")
        case "--start": o.start = int("--start")
        case "--no-lock": o.noLock = true
        case "--payload": o.payload = int("--payload")
        case "--reference": o.reference = value("--reference")
        case "--lock-timeout":
            let v = value("--lock-timeout")
            guard let t = Double(v), t > 0 else { fail(64, "--lock-timeout: not a number: \(v)") }
            o.lockTimeout = t
        default: fail(64, "unknown argument \(args[i])\n\(usage)")
        }
        i += 1
    }
    return o
}

func runAppend(_ o: AppendOptions) -> Never {
    guard let path = o.log else { fail(64, "--log is required\n\(usage)") }
    var reference = builtInReference
    if let file = o.reference {
        guard let data = FileManager.default.contents(atPath: file) else { fail(64, "cannot read \(file)") }
        do { reference = try JSONDecoder().decode(ReferenceData.self, from: data) } catch {
            fail(64, "bad reference \(file): \(error)")
        }
    }
    guard let wijk = reference.kernen.first?.wijken.first?.name ?? reference.kernen.first?.name else {
        fail(64, "reference has no kern")
    }
    guard o.payload + 64 <= Validator.maxTextLength else { fail(64, "--payload too large") }
    let padding = o.payload > 0 ? " " + String(repeating: "x", count: o.payload) : ""

    let session: Session
    do {
        session = try Session.open(path: path, reference: reference, role: .cli)
    } catch let e as LogError {
        fail(2, "open: \(e)")
    } catch {
        fail(2, "open: \(error)")
    }
    if let reason = session.log.readOnlyReason { fail(2, "log is read-only: \(reason)") }
    if let t = o.lockTimeout { session.log.lockTimeout = t }
    if o.noLock { (session.log as? LogFile)?.lockingDisabledForControlRun = true }

    for k in 0..<o.count {
        let counter = o.start + k
        let draft = Draft([.wijk: wijk, .text: "w\(o.writer)-n\(counter)\(padding)"])
        let started = DispatchTime.now().uptimeNanoseconds
        switch session.record(.decision, draft) {
        case .success(let logged):
            // Durable now: acknowledge, unbuffered, so a parent that kills us sees exactly what returned.
            // The last field is how long the append took (waiting for the lock included), in µs.
            let micros = (DispatchTime.now().uptimeNanoseconds - started) / 1_000
            writeOut(1, "ACK \(logged.seq) \(o.writer) \(counter) \(micros)\n")
        case .failure(.log(let e)):
            fail(2, "append \(counter): \(e)")
        case .failure(.refused(let r)):
            fail(3, "append \(counter) refused: \(r.lines.joined(separator: "; "))")
        }
    }
    exit(0)
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "append": runAppend(parseAppend(arguments.dropFirst()))
case "-h", "--help", "help": writeOut(1, usage); exit(0)
default: fail(64, "unknown command\n\(usage)")
}
