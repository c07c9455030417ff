/// A record that a pane picks and orders by a few small facts (its place, a day, a status), which a
/// snapshot keeps beside it: the pane then need not read the record itself, with its texts, for
/// every record in the log (`RecordItems.facts(at:)`, decision 84).
public protocol HasRecordFacts: Sendable {
    var recordID: RecordID { get }
    var factKern: String { get }
    var factWijk: String? { get }
    /// The day a list orders by: a signal's or an initiative's date, an action's due date.
    var factDay: Day? { get }
    /// A small number a list orders by: an action's status, whether an initiative was answered.
    var factStatus: UInt8 { get }
}

/// The facts of one record, with what the fold knows about it (withdrawn, the entry that made it).
public struct RecordFacts: Sendable, Equatable {
    public var id: RecordID
    public var kern: String
    public var wijk: String?
    public var day: Day?
    public var status: UInt8
    public var isWithdrawn: Bool
    public var seq: Int

    @inlinable
    public init<V: HasRecordFacts>(_ t: Tracked<V>) {
        id = t.value.recordID; kern = t.value.factKern; wijk = t.value.factWijk; day = t.value.factDay
        status = t.value.factStatus; isWithdrawn = t.isWithdrawn; seq = t.seq
    }

    @usableFromInline
    init(id: RecordID, kern: String, wijk: String?, day: Day?, status: UInt8, isWithdrawn: Bool, seq: Int) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.day = day; self.status = status
        self.isWithdrawn = isWithdrawn; self.seq = seq
    }
}

extension SignalRecorded: HasRecordFacts {
    public var recordID: RecordID { id }
    public var factKern: String { kern }
    public var factWijk: String? { wijk }
    public var factDay: Day? { date }
    public var factStatus: UInt8 { 0 }
}

extension ActionRecord: HasRecordFacts {
    public var recordID: RecordID { created.id }
    public var factKern: String { created.kern }
    public var factWijk: String? { created.wijk }
    public var factDay: Day? { created.due }
    public var factStatus: UInt8 { UInt8(ActionStatus.allCases.firstIndex(of: status)!) }
    /// The status a fact's number stands for.
    public static func status(fact: UInt8) -> ActionStatus { ActionStatus.allCases[Int(fact) % ActionStatus.allCases.count] }
}

extension InitiativeRecord: HasRecordFacts {
    public var recordID: RecordID { recorded.id }
    public var factKern: String { recorded.kern }
    public var factWijk: String? { recorded.wijk }
    public var factDay: Day? { recorded.date }
    public var factStatus: UInt8 { outcome == nil ? 0 : 1 }
}

/// Records found by place only (a wijk's history): their kern and wijk are their facts.
public protocol PlacedRecord: HasRecordFacts {
    var id: RecordID { get }
    var kern: String { get }
    var wijk: String? { get }
}

extension PlacedRecord {
    public var recordID: RecordID { id }
    public var factKern: String { kern }
    public var factWijk: String? { wijk }
    public var factDay: Day? { nil }
    public var factStatus: UInt8 { 0 }
}

extension DecisionTaken: PlacedRecord {}
extension NoteAdded: PlacedRecord {}
extension PrioritySet: PlacedRecord {}
extension ParticipationSet: PlacedRecord {}
extension BudgetAllocated: PlacedRecord {}

extension RecordItems where Value: HasRecordFacts {
    /// The records of places `keep` accepts (kern, wijk), in log order; the others are not read.
    public func placed(_ keep: (String, String?) -> Bool) -> [Tracked<Value>] {
        var out: [Tracked<Value>] = []
        for i in indices {
            let f = facts(at: i)
            if keep(f.kern, f.wijk) { out.append(self[i]) }
        }
        return out
    }
}
