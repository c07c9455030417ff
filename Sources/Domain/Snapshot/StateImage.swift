import Foundation

/// A folded state as bytes, and back: what a snapshot beside the log holds (`Session/Snapshot.swift`
/// decides when one may be used). Laid out by hand, field by field, so reading it costs a few
/// hundred nanoseconds a record instead of parsing and folding a log line (decision 60).
///
/// The layout: the name table (names are collected while the state is written, and put first), the
/// length of each part, then the parts (`parts`), which are read at the same time.
public enum StateImage {
    /// Raised whenever the layout below changes: an image of another version is not read. Also raised when
    /// what the fold keeps changes meaning: 4 keys attendance by who (an ad-hoc member's name included);
    /// 5 keeps the tables and the change entries as sections read when asked for (`StoredElements`), and
    /// the meetings open; 6 adds a record's meeting and the day it was recorded to its facts.
    public static let version = 6

    /// The state in three parts of about the same size, read at the same time on all cores: the
    /// signals and actions; the entries that changed records; everything else.
    static let parts = 3

    public static func bytes(of state: KernteamState) -> [UInt8] { bytesIfTheyFit(of: state) ?? [] }

    /// The image, or nil when a part of it is too large for the layout (4 GiB in one section).
    public static func bytesIfTheyFit(of state: KernteamState) -> [UInt8]? {
        var w = ImageWriter(capacity: 1 << 16)
        var ends: [Int] = []
        for part in 0..<parts {
            w.state(state, part: part)
            ends.append(w.bytes.count)
        }
        if w.tooLarge { return nil }
        var out = ImageWriter(capacity: w.bytes.count + 64 * w.names.count + 64)
        out.int(w.names.count)
        for name in w.names { out.text(name) }
        var start = 0
        for end in ends { out.int(end - start); start = end }
        return out.bytes + w.bytes
    }

    /// The state in `bytes`, kept in memory of its own for as long as the state lives.
    public static func state(of bytes: [UInt8]) throws(ImageDamaged) -> KernteamState {
        let owned = OwnedBytes(bytes)
        return try state(from: owned.bytes, owner: owned)
    }

    /// The state in `bytes`. Records and change entries stay in those bytes, read when asked for:
    /// `owner` keeps them mapped for as long as the state (or a copy of it) lives.
    public static func state(from bytes: UnsafeRawBufferPointer, owner: AnyObject?) throws(ImageDamaged) -> KernteamState {
        var r = ImageReader(bytes)
        let n = try r.count()
        var names: [String] = []
        names.reserveCapacity(n)
        for _ in 0..<n { names.append(try r.text()) }
        var readers: [ImageReader] = []
        var lengths: [Int] = []
        for _ in 0..<parts { lengths.append(try r.count()) }
        var start = r.position
        for length in lengths {
            guard length <= bytes.count - start else { throw ImageDamaged("deel buiten het bestand") }
            var part = ImageReader(UnsafeRawBufferPointer(rebasing: bytes[..<(start + length)]), from: start)
            part.names = names
            part.owner = owner
            readers.append(part)
            start += length
        }
        guard start == bytes.count else { throw ImageDamaged("delen passen niet") }
        // Each part into a state of its own, on all cores; then put together.
        nonisolated(unsafe) var results = [Result<KernteamState, ImageDamaged>?](repeating: nil, count: parts)
        results.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let slots = out
            nonisolated(unsafe) let partReaders = readers
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                var reader = partReaders[k]
                var partial = KernteamState()
                do throws(ImageDamaged) {
                    try reader.state(into: &partial, part: k)
                    guard reader.atEnd else { throw ImageDamaged("bytes over na een deel") }
                    slots[k] = .success(partial)
                } catch {
                    slots[k] = .failure(error)
                }
            }
        }
        var state = KernteamState()
        for (k, result) in results.enumerated() {
            switch result {
            case .success(let partial)?: state.take(partial, part: k)
            case .failure(let e)?: throw e
            case nil: throw ImageDamaged("deel niet gelezen")
            }
        }
        return state
    }
}

/// A copy of an image's bytes that lives as long as the records read from it.
final class OwnedBytes: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init(_ source: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(source.count, 1), alignment: 8)
        source.withUnsafeBytes { if let b = $0.baseAddress { copy.baseAddress!.copyMemory(from: b, byteCount: source.count) } }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[..<source.count])
    }

    deinit { UnsafeMutableRawPointer(mutating: bytes.baseAddress!).deallocate() }
}

extension KernteamState {
    /// Takes over the fields of one part of a state image (see `StateImage.parts`).
    mutating func take(_ partial: KernteamState, part: Int) {
        switch part {
        case 0:
            signals = partial.signals
            actions = partial.actions
        case 1:
            changeEvents = partial.changeEvents
        default:
            let keep = (signals, actions, changeEvents)
            self = partial
            (signals, actions, changeEvents) = keep
        }
    }
}

extension ImageWriter {
    mutating func tracked<V>(_ t: Tracked<V>, _ value: (inout ImageWriter, V) -> Void) {
        value(&self, t.value); int(t.seq); text(t.timestamp); optText(t.withdrawnReason); ints(t.changes)
    }

    /// A table as a section keyed by id number (`StoredElements`).
    mutating func table<V>(_ t: RecordTable<V>, id: (V) -> RecordID, _ value: (inout ImageWriter, V) -> Void) {
        int(t.highestNumber)
        section(t.items, key: { Int64(id($0.value).number) }) { w, item in w.tracked(item, value) }
    }

    /// A table whose records have facts a pane picks and orders by: those are kept beside them.
    mutating func table<V: HasRecordFacts>(_ t: RecordTable<V>, id: (V) -> RecordID, _ value: (inout ImageWriter, V) -> Void) {
        int(t.highestNumber)
        section(t.items, key: { Int64(id($0.value).number) }, facts: { RecordFacts($0) }) { w, item in w.tracked(item, value) }
    }

    mutating func state(_ s: KernteamState, part: Int) {
        switch part {
        case 0:
            table(s.signals, id: \.id) { $0.event(.signalRecorded($1)) }
            table(s.actions, id: \.created.id) { w, a in w.event(.actionCreated(a.created)); w.pick(a.status); w.optText(a.statusReason) }
            return
        case 1:
            section(s.changeEvents, key: { Int64($0.seq) * 2 + (ImageEvents.laidOut($0.event) ? 1 : 0) }) { $0.logged($1) }
            return
        default:
            break
        }
        raw(Array((try? ImageEvents.jsonEncoder.encode(s.reference)) ?? Data()))
        optText(s.logIdentity)
        table(s.meetings, id: \.id) { $0.event(.meetingHeld($1)) }
        table(s.agenda, id: \.id) { $0.event(.agendaItemAdded($1)) }
        table(s.decisions, id: \.id) { $0.event(.decisionTaken($1)) }
        table(s.priorities, id: \.id) { $0.event(.prioritySet($1)) }
        table(s.participation, id: \.id) { $0.event(.participationSet($1)) }
        table(s.initiatives, id: \.recorded.id) { w, i in
            w.event(.initiativeRecorded(i.recorded)); w.optPick(i.outcome); w.optText(i.reason); w.optDay(i.triagedOn)
        }
        table(s.budgets, id: \.id) { $0.event(.budgetAllocated($1)) }
        table(s.notes, id: \.id) { $0.event(.noteAdded($1)) }
        table(s.plans, id: \.created.id) { w, p in
            w.event(.planCreated(p.created))
            w.int(p.steps.count)
            for step in p.steps { w.pick(step.phase); w.optID(step.decision); w.day(step.date); w.int(step.seq) }
        }
        section(s.signalTriage.entries, key: { StoredMap<SignalTriaged>.key(of: $0.id) }) { $0.event(.signalTriaged($1.value)) }
        section(s.feedback.entries, key: { StoredMap<FeedbackGiven>.key(of: $0.id) }) { $0.event(.feedbackGiven($1.value)) }
        int(s.closedPriorities.count); for (k, v) in s.closedPriorities { id(k); event(.priorityClosed(v)) }
        int(s.wijkKindChanges.count); for (k, v) in s.wijkKindChanges { text(k); event(.wijkKindChanged(v)) }
        int(s.proposalDecisions.count); for v in s.proposalDecisions { event(.proposalDecided(v)) }
        int(s.meetingOpenedAt.count); for (k, v) in s.meetingOpenedAt { id(k); text(v) }
        int(s.meetingClosed.count); for (k, v) in s.meetingClosed { id(k); event(.meetingClosed(v)) }
        ids(s.openMeetingIDs.sorted { ($0.kind.rawValue, $0.number) < ($1.kind.rawValue, $1.number) })
        int(s.attendance.count)
        for (k, v) in s.attendance {
            id(k); int(v.count)
            for (org, status) in v { name(org); pick(status) }
        }
        int(s.residentsPresent.count); for (k, v) in s.residentsPresent { id(k); int(v) }
        int(s.agendaOrder.count); for (k, v) in s.agendaOrder { id(k); ids(v) }
        int(s.agendaByMeeting.count); for (k, v) in s.agendaByMeeting { id(k); ids(v) }
        int(s.itemStartedAt.count); for (k, v) in s.itemStartedAt { id(k); text(v) }
        int(s.itemOutcome.count); for (k, v) in s.itemOutcome { id(k); pick(v) }
        int(s.nextRequested.count); for (k, v) in s.nextRequested { id(k); logged(v) }
        int(s.itemRuns.count)
        for (k, runs) in s.itemRuns {
            id(k); int(runs.count)
            for run in runs { text(run.start); optText(run.end); int(run.startSeq); optInt(run.endSeq) }
        }
        int(s.lemonRecords.count); for t in s.lemonRecords { tracked(t) { $0.event(.lemonScored($1)) } }
        int(s.correctedEntries.count); for (k, v) in s.correctedEntries { int(k); event(v) }
        int(s.withdrawnEntries.count); for (k, v) in s.withdrawnEntries { int(k); text(v) }
        int(s.proposalTriage.count); for (k, v) in s.proposalTriage { id(k); event(.signalTriaged(v)) }
        int(s.wijkKindHistory.count)
        for step in s.wijkKindHistory {
            event(.wijkKindChanged(step.change)); optPick(step.previous); int(step.seq); text(step.timestamp)
        }
        int(s.meetingSeals.count)
        for (k, seals) in s.meetingSeals {
            id(k); int(seals.count)
            for seal in seals {
                event(.meetingClosed(seal.close)); int(seal.seq); text(seal.timestamp)
                if let r = seal.reopened { byte(1); id(r.decision); int(r.seq); text(r.timestamp) } else { byte(0) }
            }
        }
        int(s.erasedPersons.count); for p in s.erasedPersons { text(p) }
        int(s.lastSeq)
        ints(s.danglingReferences)
    }
}

extension ImageReader {
    mutating func tracked<V>(_ value: (inout ImageReader) throws(ImageDamaged) -> V) throws(ImageDamaged) -> Tracked<V> {
        let v = try value(&self)
        var t = Tracked(value: v, seq: try int(), timestamp: try text())
        t.withdrawnReason = try optText()
        t.changes = try ints()
        return t
    }

    /// A table left in the image, its records read when asked for.
    mutating func table<V>(_ kind: RecordID.Kind, _ value: @escaping (inout ImageReader) throws(ImageDamaged) -> V) throws(ImageDamaged) -> RecordTable<V> {
        let highest = try int()
        let stored = try section { r throws(ImageDamaged) in try r.tracked(value) }
        return RecordTable(stored: stored, kind: kind, highestNumber: highest)
    }

    /// Reads an event that must be of one kind (the payload `extract` takes out of it).
    mutating func event<V>(_ extract: (Event) -> V?) throws(ImageDamaged) -> V {
        guard let v = extract(try event()) else { throw ImageDamaged("andere soort gebeurtenis dan verwacht") }
        return v
    }

    mutating func map<K: Hashable, V>(_ key: (inout ImageReader) throws(ImageDamaged) -> K,
                                      _ value: (inout ImageReader) throws(ImageDamaged) -> V) throws(ImageDamaged) -> [K: V] {
        let n = try count()
        var out: [K: V] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n {
            let k = try key(&self)
            out[k] = try value(&self)
        }
        return out
    }

    mutating func list<V>(_ value: (inout ImageReader) throws(ImageDamaged) -> V) throws(ImageDamaged) -> [V] {
        let n = try count()
        var out: [V] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try value(&self)) }
        return out
    }

    mutating func state(into s: inout KernteamState, part: Int) throws(ImageDamaged) {
        switch part {
        case 0:
            s.signals = try table(.signal) { r throws(ImageDamaged) in try r.event { if case .signalRecorded(let v) = $0 { v } else { nil } } }
            s.actions = try table(.action) { r throws(ImageDamaged) in
                let created = try r.event { if case .actionCreated(let v) = $0 { v } else { nil } }
                return ActionRecord(created: created, status: try r.pick(), statusReason: try r.optText())
            }
            return
        case 1:
            s.changeEvents = ChangeEntries(stored: try section { r throws(ImageDamaged) in try r.logged() })
            return
        default:
            break
        }
        let reference = try raw()
        do { s.reference = try JSONDecoder().decode(ReferenceData.self, from: Data(reference)) } catch { throw ImageDamaged("referentiegegevens") }
        s.logIdentity = try optText()
        s.meetings = try table(.meeting) { r throws(ImageDamaged) in try r.event { if case .meetingHeld(let v) = $0 { v } else { nil } } }
        s.agenda = try table(.agendaItem) { r throws(ImageDamaged) in try r.event { if case .agendaItemAdded(let v) = $0 { v } else { nil } } }
        s.decisions = try table(.decision) { r throws(ImageDamaged) in try r.event { if case .decisionTaken(let v) = $0 { v } else { nil } } }
        s.priorities = try table(.priority) { r throws(ImageDamaged) in try r.event { if case .prioritySet(let v) = $0 { v } else { nil } } }
        s.participation = try table(.participation) { r throws(ImageDamaged) in try r.event { if case .participationSet(let v) = $0 { v } else { nil } } }
        s.initiatives = try table(.initiative) { r throws(ImageDamaged) in
            var i = InitiativeRecord(recorded: try r.event { if case .initiativeRecorded(let v) = $0 { v } else { nil } })
            i.outcome = try r.optPick(); i.reason = try r.optText(); i.triagedOn = try r.optDay()
            return i
        }
        s.budgets = try table(.budget) { r throws(ImageDamaged) in try r.event { if case .budgetAllocated(let v) = $0 { v } else { nil } } }
        s.notes = try table(.note) { r throws(ImageDamaged) in try r.event { if case .noteAdded(let v) = $0 { v } else { nil } } }
        s.plans = try table(.plan) { r throws(ImageDamaged) in
            var p = PlanRecord(created: try r.event { if case .planCreated(let v) = $0 { v } else { nil } })
            p.steps = try r.list { r throws(ImageDamaged) in
                PlanStep(phase: try r.pick(), decision: try r.optID(), date: try r.day(), seq: try r.int())
            }
            return p
        }
        s.signalTriage = StoredMap(stored: try section { r throws(ImageDamaged) in
            try r.event { if case .signalTriaged(let v) = $0 { v } else { nil } }
        })
        s.feedback = StoredMap(stored: try section { r throws(ImageDamaged) in
            try r.event { if case .feedbackGiven(let v) = $0 { v } else { nil } }
        })
        s.closedPriorities = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.event { if case .priorityClosed(let v) = $0 { v } else { nil } }
        }
        s.wijkKindChanges = try map({ r throws(ImageDamaged) in try r.text() }) { r throws(ImageDamaged) in
            try r.event { if case .wijkKindChanged(let v) = $0 { v } else { nil } }
        }
        s.proposalDecisions = try list { r throws(ImageDamaged) in try r.event { if case .proposalDecided(let v) = $0 { v } else { nil } } }
        s.meetingOpenedAt = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.text() }
        s.meetingClosed = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.event { if case .meetingClosed(let v) = $0 { v } else { nil } }
        }
        s.openMeetingIDs = Set(try ids())
        s.attendance = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.map({ r throws(ImageDamaged) in try r.name() }) { r throws(ImageDamaged) in try r.pick(AttendanceStatus.self) }
        }
        s.residentsPresent = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.int() }
        s.agendaOrder = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.ids() }
        s.agendaByMeeting = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.ids() }
        s.itemStartedAt = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.text() }
        s.itemOutcome = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.pick(ItemOutcome.self) }
        s.nextRequested = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in try r.logged() }
        s.itemRuns = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.list { r throws(ImageDamaged) in
                ItemRun(start: try r.text(), end: try r.optText(), startSeq: try r.int(), endSeq: try r.optInt())
            }
        }
        s.lemonRecords = try list { r throws(ImageDamaged) in
            try r.tracked { r throws(ImageDamaged) in try r.event { if case .lemonScored(let v) = $0 { v } else { nil } } }
        }
        s.correctedEntries = try map({ r throws(ImageDamaged) in try r.int() }) { r throws(ImageDamaged) in try r.event() }
        s.withdrawnEntries = try map({ r throws(ImageDamaged) in try r.int() }) { r throws(ImageDamaged) in try r.text() }
        s.proposalTriage = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.event { if case .signalTriaged(let v) = $0 { v } else { nil } }
        }
        s.wijkKindHistory = try list { r throws(ImageDamaged) in
            WijkKindStep(change: try r.event { if case .wijkKindChanged(let v) = $0 { v } else { nil } },
                         previous: try r.optPick(), seq: try r.int(), timestamp: try r.text())
        }
        s.meetingSeals = try map({ r throws(ImageDamaged) in try r.id() }) { r throws(ImageDamaged) in
            try r.list { r throws(ImageDamaged) in
                var seal = MeetingSeal(close: try r.event { if case .meetingClosed(let v) = $0 { v } else { nil } },
                                       seq: try r.int(), timestamp: try r.text())
                if try r.bool() { seal.reopened = (decision: try r.id(), seq: try r.int(), timestamp: try r.text()) }
                return seal
            }
        }
        s.erasedPersons = Set(try list { r throws(ImageDamaged) in try r.text() })
        s.lastSeq = try int()
        s.danglingReferences = try ints()
    }
}
