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
public struct RecordTable<Value: Sendable>: Sendable {
    public private(set) var items: [Tracked<Value>] = []
    private var index: [RecordID: Int] = [:]
    /// The highest id number given so far: the next record gets one more (a gap in a hand-made log
    /// can then never lead to an id given twice).
    public private(set) var highestNumber = 0

    public init() {}

    /// A table as a state image kept it: the records in log order, the index rebuilt from their ids.
    init(restoring items: [Tracked<Value>], highestNumber: Int, id: (Value) -> RecordID) {
        self.items = items
        self.highestNumber = highestNumber
        index.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { index[id(item.value)] = i }
    }

    public var count: Int { items.count }

    mutating func insert(_ id: RecordID, _ tracked: Tracked<Value>) {
        index[id] = items.count
        items.append(tracked)
        highestNumber = max(highestNumber, id.number)
    }

    public subscript(id: RecordID) -> Tracked<Value>? {
        index[id].map { items[$0] }
    }

    mutating func update(_ id: RecordID, _ change: (inout Tracked<Value>) -> Void) -> Bool {
        guard let i = index[id] else { return false }
        change(&items[i])
        return true
    }

    public func contains(_ id: RecordID) -> Bool { index[id] != nil }
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
    public func isOverdue(today: Day) -> Bool {
        guard status.isOpen, let due = created.due else { return false }
        return due < today
    }
}

extension Tracked: Equatable where Value: Equatable {}
extension RecordTable: Equatable where Value: Equatable {}
