/// A record as the fold keeps it: its current value plus what happened to it afterwards.
public struct Tracked<Value: Sendable>: Sendable {
    public var value: Value
    /// Sequence number of the entry that created it.
    public var seq: Int
    public var timestamp: String
    /// Reason given when the record was withdrawn; nil while it stands.
    public var withdrawnReason: String?
    /// Sequence numbers of later entries that changed it (corrections, status changes, withdrawal).
    public var changes: [Int] = []

    public var isWithdrawn: Bool { withdrawnReason != nil }
}

/// Records of one kind in log order, with lookup by id.
///
/// A table opened from a snapshot keeps the records it was given there in the mapped snapshot and
/// reads one when it is asked for (`StoredElements`); records changed or added since are kept as
/// values. A table folded from the log holds only values.
public struct RecordTable<Value: Sendable>: Sendable {
    /// Records left in a snapshot, by position; `changed` holds those changed since.
    @usableFromInline var stored: StoredElements<Tracked<Value>>?
    private var storedPositions = NumberIndex()
    @usableFromInline var storedKind: RecordID.Kind?
    @usableFromInline var changed: [Int: Tracked<Value>] = [:]
    /// Records folded as values, after the stored ones.
    @usableFromInline var added: [Tracked<Value>] = []
    /// Positions of the added records (an id seen again points at its latest record).
    private var index: [RecordID: Int] = [:]
    /// The highest id number given so far: the next record gets one more (a gap in a hand-made log
    /// can then never lead to an id given twice).
    public private(set) var highestNumber = 0

    public init() {}

    /// A table as a state image kept it: the records stay in the image, found by their id numbers.
    init(stored: StoredElements<Tracked<Value>>, kind: RecordID.Kind, highestNumber: Int) {
        self.stored = stored
        self.storedKind = kind
        self.highestNumber = highestNumber
        storedPositions = NumberIndex(numbers: (0..<stored.count).lazy.map { Int(stored.key($0)) }, highest: highestNumber)
    }

    @inlinable public var count: Int { (stored?.count ?? 0) + added.count }

    /// The records in log order (read from the snapshot where they are kept there).
    public var items: RecordItems<Value> { RecordItems(table: self) }

    /// The record at a position in log order.
    @inlinable
    func item(at i: Int) -> Tracked<Value> {
        if let stored {
            if i >= stored.count { return added[i - stored.count] }
            if !changed.isEmpty, let t = changed[i] { return t }
            return stored.element(i)
        }
        return added[i]
    }

    private func position(of id: RecordID) -> Int? {
        if let i = index[id] { return i }
        guard stored != nil, id.kind == storedKind else { return nil }
        return storedPositions[id.number]
    }

    mutating func insert(_ id: RecordID, _ tracked: Tracked<Value>) {
        index[id] = count
        added.append(tracked)
        highestNumber = max(highestNumber, id.number)
    }

    public subscript(id: RecordID) -> Tracked<Value>? {
        position(of: id).map { item(at: $0) }
    }

    mutating func update(_ id: RecordID, _ change: (inout Tracked<Value>) -> Void) -> Bool {
        guard let i = position(of: id) else { return false }
        if let stored, i < stored.count {
            var t = changed[i] ?? stored.element(i)
            change(&t)
            changed[i] = t
        } else {
            change(&added[i - (stored?.count ?? 0)])
        }
        return true
    }

    public func contains(_ id: RecordID) -> Bool { position(of: id) != nil }
}

extension RecordTable where Value: HasRecordFacts {
    /// The facts of the record at a position: kept beside it in the snapshot when it was not changed
    /// since, else taken from the record.
    @inlinable
    func facts(at i: Int) -> RecordFacts {
        guard let stored else { return RecordFacts(added[i]) }   // read in place, not copied out first
        if i < stored.count, changed.isEmpty || changed[i] == nil, let kind = storedKind,
           let f = stored.facts(i, kind: kind) { return f }
        return RecordFacts(item(at: i))
    }

    /// The facts of the record with this id.
    public func facts(of id: RecordID) -> RecordFacts? { position(of: id).map { facts(at: $0) } }

    /// Calls `body` for every record at a place `place` takes, in log order, with its position and what
    /// a history orders it by. A record left in a snapshot is judged by the facts kept beside it (name
    /// numbers compared, nothing read), so a scan over a million records costs a few milliseconds.
    func scan(_ place: PlaceMatch, _ body: (Int, FactRow) -> Void) {
        var first = 0
        if let stored, stored.hasFacts {
            // The place as numbers in the snapshot's name table; a name it lacks matches no stored record.
            var kernNumber: UInt32?, wijkNumber: UInt32?, none = false
            switch place {
            case .all: break
            case .kern(let k): kernNumber = stored.nameNumber(k); none = kernNumber == nil
            case .wijk(let w): wijkNumber = stored.nameNumber(w); none = wijkNumber == nil
            }
            for i in 0..<stored.count {
                if !changed.isEmpty, changed[i] != nil {
                    let f = RecordFacts(changed[i]!)
                    if place.accepts(kern: f.kern, wijk: f.wijk) { body(i, FactRow(f)) }
                    continue
                }
                if none { continue }
                guard let raw = stored.rawFacts(i) else { continue }
                if let kernNumber, raw.kern != kernNumber { continue }
                if let wijkNumber, raw.wijk != wijkNumber { continue }
                body(i, FactRow(raw))
            }
            first = stored.count
        }
        for i in first..<count {
            let f = facts(at: i)
            if place.accepts(kern: f.kern, wijk: f.wijk) { body(i, FactRow(f)) }
        }
    }
}

/// What a history orders a record by: its own day, the day it was recorded, its meeting, its entry.
/// Days as ordinals (`Day.ordinal`).
public struct FactRow: Sendable {
    public var day: Int?
    public var recordedOn: Int
    public var meeting: RecordID?
    public var seq: Int

    init(_ f: RecordFacts) { day = f.day?.ordinal; recordedOn = f.recordedOn.ordinal; meeting = f.meeting; seq = f.seq }

    init(_ raw: RawFactRow) {
        day = raw.day == Int32.min ? nil : Int(raw.day)
        recordedOn = Int(raw.recordedOn)
        meeting = raw.meeting == UInt32.max ? nil : RecordID(.meeting, Int(raw.meeting))
        seq = raw.seq
    }
}

extension RecordItems where Value: HasRecordFacts {
    /// The facts of record `i`, without reading the record itself where a snapshot kept them.
    @inlinable public func facts(at i: Int) -> RecordFacts { table.facts(at: i) }
}

/// A table's records in log order, as a collection (see `RecordTable.items`).
public struct RecordItems<Value: Sendable>: RandomAccessCollection, Sendable {
    @usableFromInline let table: RecordTable<Value>
    @usableFromInline init(table: RecordTable<Value>) { self.table = table }
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { table.count }
    @inlinable public subscript(i: Int) -> Tracked<Value> { table.item(at: i) }
}

/// Positions of records by id number: an array when the numbers are dense (as the program gives
/// them), a dictionary for a hand-made log with far-apart numbers. A number seen twice points at
/// the later record.
struct NumberIndex: Sendable {
    private var dense: [Int32] = []
    private var sparse: [Int: Int] = [:]

    init() {}

    init<S: Sequence>(numbers: S, highest: Int) where S.Element == Int {
        let numbers = Array(numbers)
        if highest >= 0, highest <= 2 * numbers.count + 1024 {
            dense = [Int32](repeating: -1, count: highest + 1)
            for (i, n) in numbers.enumerated() where n >= 0 && n <= highest { dense[n] = Int32(i) }
            for (i, n) in numbers.enumerated() where n < 0 || n > highest { sparse[n] = i }
        } else {
            sparse.reserveCapacity(numbers.count)
            for (i, n) in numbers.enumerated() { sparse[n] = i }
        }
    }

    subscript(number: Int) -> Int? {
        if number >= 0, number < dense.count {
            let i = dense[number]
            return i >= 0 ? Int(i) : sparse[number]
        }
        return sparse[number]
    }
}

/// A citizen initiative with its triage outcome, if any.
public struct InitiativeRecord: Sendable, Hashable {
    public var recorded: InitiativeRecorded
    public var outcome: InitiativeOutcome?
    public var reason: String?
    public var triagedOn: Day?

    public init(recorded: InitiativeRecorded) { self.recorded = recorded }

    /// Days since it was recorded.
    public func age(today: Day) -> Int { today.ordinal - recorded.date.ordinal }

    /// Not triaged within the term.
    public func isOverdue(today: Day, termWeeks: Int) -> Bool {
        outcome == nil && age(today: today) > termWeeks * 7
    }

    /// Days from recording to triage.
    public var turnaround: Int? { triagedOn.map { $0.ordinal - recorded.date.ordinal } }
}

/// An action with its current status.
public struct ActionRecord: Sendable, Hashable {
    public var created: ActionCreated
    public var status: ActionStatus
    public var statusReason: String?

    /// Overdue: still open and its due date has passed.
    public func isOverdue(today: Day) -> Bool { Self.isOverdue(status: status, due: created.due, today: today) }

    /// The same from an action's status and due date alone (a pane orders by its facts).
    public static func isOverdue(status: ActionStatus, due: Day?, today: Day) -> Bool {
        guard status.isOpen, let due else { return false }
        return due < today
    }
}

extension Tracked: Equatable where Value: Equatable {}
extension RecordTable: Equatable where Value: Equatable {
    /// The same records in the same order, however each table keeps them.
    public static func == (a: Self, b: Self) -> Bool {
        a.highestNumber == b.highestNumber && a.items.elementsEqual(b.items)
    }
}
