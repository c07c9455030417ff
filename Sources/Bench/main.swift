// kernteam-bench: measures, in one process and on one log, what a user waits for.
//   kernteam-bench --log FILE [--keys N] [--appends N]   print figures (medians, p99, peak memory)
//   kernteam-bench --smoke                              tiny generated log: checks that it all still runs
//   … --pg URI                                          also the same log on PostgreSQL (a new stream in
//                                                       that database): opening and appending there
import Foundation
import KernteamDomain
import KernteamLog
import KernteamSession
import KernteamFixtures
import KernteamTUI

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let s = values.sorted()
    guard !s.isEmpty else { return 0 }
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports KiB
}

func ms(_ s: Double) -> String { String(format: "%.2f ms", s * 1000) }

let args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

let smoke = args.contains("--smoke")
var logPath = option("--log") ?? ""
let keyCount = Int(option("--keys") ?? (smoke ? "50" : "2000"))!
let appendCount = Int(option("--appends") ?? (smoke ? "5" : "50"))!
let scratch = NSTemporaryDirectory() + "kernteam-bench-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

if smoke {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let reference = try JSONDecoder().decode(ReferenceData.self, from: Data(contentsOf: root.appendingPathComponent("Data/reference.json")))
    logPath = scratch + "/smoke.jsonl"
    try LogGenerator.generate(count: 500, to: logPath, seed: 1, reference: reference)
}
guard !logPath.isEmpty else {
    FileHandle.standardError.write(Data("usage: kernteam-bench --log FILE [--keys N] [--appends N] | --smoke\n".utf8))
    exit(2)
}

// 1. Open and first full frame (projector size).
var openTimes: [Double] = []
var session: Session!
var memoryAfterFirstOpen = 0.0
for run in 0..<(smoke ? 1 : 3) {
    session = nil   // one open log at a time, as in the app (freeing the last one is not timed)
    let t0 = now()
    session = try Session.open(path: logPath, reference: nil, role: .cli, readOnly: true, useSnapshot: false)
    let world = World(domain: session.state, today: session.today)
    let model = AppModel(cols: 160, rows: 45, logPath: logPath, kern: session.state.workingMeeting(kern: nil)?.kern)
    _ = Screen(model: model, world: world).render()
    openTimes.append(now() - t0)
    if run == 0 { memoryAfterFirstOpen = peakMemoryMB() }
}
// Where opening spends its time: mapping and checking the chain, decoding and folding, the first frame.
do {
    let t0 = now()
    let file = try MappedFile(path: logPath)
    _ = FastChainCheck.check(file)
    let t1 = now()
    let s = try Session.open(path: logPath, reference: nil, role: .cli, readOnly: true, useSnapshot: false)
    let t2 = now()
    let m = AppModel(cols: 160, rows: 45, logPath: logPath, kern: s.state.workingMeeting(kern: nil)?.kern)
    _ = Screen(model: m, world: World(domain: s.state, today: s.today)).render()
    let t3 = now()
    print("  openen in delen: keten controleren \(ms(t1 - t0)); openen met keten, decoderen en vouwen \(ms(t2 - t1)); eerste frame \(ms(t3 - t2))")
}
let entries = session.state.lastSeq
print("entries: \(entries)")
print("open + first frame (160x45), zonder snapshot: median \(ms(percentile(openTimes, 0.5)))")
// With a snapshot beside the log: written once (timed), then opened from it (the lines after it folded).
// The keys below are then timed on that state, as the app has it for a large log.
var snapshotSession: Session?
do {
    let snapshotCopy = scratch + "/snapshot-log.jsonl"
    try? FileManager.default.removeItem(atPath: snapshotCopy)
    try FileManager.default.copyItem(atPath: logPath, toPath: snapshotCopy)
    let writer = try Session.open(path: snapshotCopy, reference: nil, role: .cli, readOnly: true, useSnapshot: false)
    let t0 = now()
    let image = StateImage.bytes(of: writer.state)
    let t1 = now()
    _ = writer.snapshotJob()?()
    let t2 = now()
    var snapTimes: [Double] = [], readTimes: [Double] = []
    for _ in 0..<(smoke ? 1 : 3) {
        let r0 = now()
        let loaded = Snapshot.load(logPath: snapshotCopy)
        _ = try loaded?.state()
        readTimes.append(now() - r0)
        let t3 = now()
        let s = try Session.open(path: snapshotCopy, reference: nil, role: .cli, readOnly: true)
        let m = AppModel(cols: 160, rows: 45, logPath: snapshotCopy, kern: s.state.workingMeeting(kern: nil)?.kern)
        _ = Screen(model: m, world: World(domain: s.state, today: s.today)).render()
        snapTimes.append(now() - t3)
        guard (s.log as? LogFile)?.resumed == true else { print("snapshot niet gebruikt"); exit(1) }
        snapshotSession = s
    }
    print("snapshot: \(image.count / 1_048_576) MB; schrijven \(ms(t2 - t1 + (t1 - t0))) (waarvan opbouwen \(ms(t1 - t0))); "
          + "lezen (controle + toestand) median \(ms(percentile(readTimes, 0.5)))")
    print("open + first frame (160x45), met snapshot: median \(ms(percentile(snapTimes, 0.5)))")
    for suffix in ["", ".snapshot", ".lock"] { try? FileManager.default.removeItem(atPath: snapshotCopy + suffix) }
}
let logMB = Double((try? FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? 0) / 1_048_576
print(String(format: "piekgeheugen na het eerste openen (zonder snapshot): %.1f MB = %.2f× het log (%.1f MB; doel ≤ 0,5×)", memoryAfterFirstOpen,
             memoryAfterFirstOpen / max(logMB, 0.001), logMB))

// 2. Keystroke to frame: move, switch pane, open the history of a wijk; on the state opened from the
// snapshot (its records read when asked for), as the app has it for a log this large.
if let snapshotSession { session = snapshotSession; print("toetsen hieronder: op de toestand uit de snapshot") }
let world = World(domain: session.state, today: session.today)
var model = AppModel(cols: 160, rows: 45, logPath: logPath, kern: session.state.workingMeeting(kern: nil)?.kern, world: world)
let wijk = session.state.reference.wijkNames.first ?? ""
var keyTimes: [String: [Double]] = ["beweeg (j)": [], "paneel (Tab)": [], "geschiedenis wijk (h)": []]
// The history of a wijk the first time (nothing cached yet for this state): the costliest key.
// The main screen is drawn first, as in the app (its panes are built once per world, before any key).
_ = Screen(model: model).render()
do {
    var m = model
    m.history = HistoryView(filter: HistoryFilter(place: wijk))
    let t0 = now()
    _ = Reducer.reduce(&m, .key(.char("h")))
    m.overlay = .history
    _ = Screen(model: m).render()
    print("toets → frame, geschiedenis van \(wijk) de eerste keer (nog niets in de cache): \(ms(now() - t0)) (doel ≤ 20 ms bij 10^6)")
}
// Choosing a wijk in the filter: every pane's rows again, for that wijk.
do {
    var m = model
    m.filter = wijk
    let t0 = now()
    _ = Screen(model: m).render()
    print("toets → frame, filter op \(wijk) de eerste keer: \(ms(now() - t0))")
}
for i in 0..<keyCount {
    let t0 = now()
    _ = Reducer.reduce(&model, .key(.char("j")))
    _ = Screen(model: model).render()
    keyTimes["beweeg (j)"]!.append(now() - t0)
    let t1 = now()
    _ = Reducer.reduce(&model, .key(.tab))
    _ = Screen(model: model).render()
    keyTimes["paneel (Tab)"]!.append(now() - t1)
    if i % 10 == 0 {
        model.history = HistoryView(filter: HistoryFilter(place: wijk))
        let t2 = now()
        _ = Reducer.reduce(&model, .key(.char("h")))
        model.overlay = .history
        _ = Screen(model: model).render()
        keyTimes["geschiedenis wijk (h)"]!.append(now() - t2)
        model.overlay = nil
    }
}
for (name, times) in keyTimes.sorted(by: { $0.key < $1.key }) {
    print("toets → frame, \(name): median \(ms(percentile(times, 0.5))), p99 \(ms(percentile(times, 0.99)))")
}
print("piekgeheugen na alles hierboven: \(String(format: "%.1f", peakMemoryMB())) MB")

// 3. Durable append against a raw write+fsync of the same bytes, on a copy in the same folder.
let copy = (logPath as NSString).deletingLastPathComponent + "/.bench-append-\(getpid()).jsonl"
try? FileManager.default.removeItem(atPath: copy)
try FileManager.default.copyItem(atPath: logPath, toPath: copy)
defer {
    for suffix in ["", ".lock", ".checked"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
}
let writer = try Session.open(path: copy, reference: nil, role: .secretaris)
// Interleaved (append, then a raw write+fsync of a line of the same length to a file beside it), so
// that both see the same disk at the same moment.
var appendTimes: [Double] = []
var rawTimes: [Double] = []
let raw = copy + ".raw"
let fd = open(raw, O_WRONLY | O_CREAT | O_APPEND, 0o644)
defer { close(fd); unlink(raw) }
var lineBytes = 300
for i in 0..<appendCount {
    let before = (writer.log as! LogFile).readOffset
    let t0 = now()
    let r = writer.record(.decision, Draft([.wijk: wijk, .text: "Benchmarkbesluit \(i): het kernteam stemt in met de aanpak."]))
    appendTimes.append(now() - t0)
    if case .failure(let f) = r { print("append failed: \(f.lines)"); exit(1) }
    lineBytes = (writer.log as! LogFile).readOffset - before
    let bytes = [UInt8](repeating: 0x61, count: lineBytes)
    let t1 = now()
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    fsync(fd)
    rawTimes.append(now() - t1)
}
// What an append costs besides the disk: validating the draft against a large state.
var validateTimes: [Double] = []
for i in 0..<appendCount {
    let t0 = now()
    _ = Validator(state: writer.state, today: writer.today, settings: writer.settings)
        .validate(.decision, Draft([.wijk: wijk, .text: "Benchmarkbesluit \(i): het kernteam stemt in met de aanpak."]))
    validateTimes.append(now() - t0)
}
print("  waarvan controle van het concept: median \(ms(percentile(validateTimes, 0.5)))")
let appendMedian = percentile(appendTimes, 0.5), rawMedian = percentile(rawTimes, 0.5)
print("duurzaam toevoegen: median \(ms(appendMedian)); ruwe write+fsync (\(lineBytes) bytes): median \(ms(rawMedian)); verhouding \(String(format: "%.2f", appendMedian / max(rawMedian, 1e-9)))×")

// 4. The same log on PostgreSQL: copied into a new stream, opened from the server to the first full
// frame, and appended to (one transaction with the stream's advisory lock, synchronous commit).
if let pg = option("--pg") {
    let uri = pg + (pg.contains("?") ? "&" : "?") + "stream=bench-\(getpid())-\(Int(Date().timeIntervalSince1970))"
    let t0 = now()
    do {
        _ = try LogCopy.copy(from: logPath, to: uri)
    } catch {
        print("PostgreSQL: kopiëren mislukt: \(error)")
        exit(1)
    }
    print("PostgreSQL: log naar de server gekopieerd in \(ms(now() - t0))")
    // Without a snapshot, then with the one kept on this computer (removed again at the end).
    for useSnapshot in [false, true] {
        if useSnapshot { _ = session.snapshotJob()?() }
        var pgOpenTimes: [Double] = []
        for _ in 0..<(smoke ? 1 : 3) {
            session = nil
            let t1 = now()
            session = try Session.open(path: uri, reference: nil, role: .cli, readOnly: true, useSnapshot: useSnapshot)
            let m = AppModel(cols: 160, rows: 45, logPath: uri, kern: session.state.workingMeeting(kern: nil)?.kern)
            _ = Screen(model: m, world: World(domain: session.state, today: session.today)).render()
            pgOpenTimes.append(now() - t1)
        }
        print("PostgreSQL: openen van de server + eerste frame (160x45), \(useSnapshot ? "met" : "zonder") snapshot: "
              + "median \(ms(percentile(pgOpenTimes, 0.5))) (\(session.state.lastSeq) regels\(session.openedFromSnapshot ? ", uit de snapshot" : ""))")
    }
    try? FileManager.default.removeItem(atPath: Snapshot.path(forLog: uri))
    let pgWriter = try Session.open(path: uri, reference: nil, role: .secretaris)
    var pgTimes: [Double] = []
    for i in 0..<appendCount {
        let t1 = now()
        let r = pgWriter.record(.decision, Draft([.wijk: wijk, .text: "Benchmarkbesluit \(i): het kernteam stemt in met de aanpak."]))
        pgTimes.append(now() - t1)
        if case .failure(let f) = r { print("PostgreSQL: toevoegen mislukt: \(f.lines)"); exit(1) }
    }
    print("duurzaam toevoegen op de server: p50 \(ms(percentile(pgTimes, 0.5))), p99 \(ms(percentile(pgTimes, 0.99))); "
          + "in het bestand: p50 \(ms(appendMedian)), p99 \(ms(percentile(appendTimes, 0.99))) (\(appendCount) keer)")
}
if smoke { print("smoke: ok") }
