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
    /// The meeting it was recorded in, if any (a history groups by it).
    var factMeeting: RecordID? { get }
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
    public var meeting: RecordID?
    /// The day of the entry that made it (its timestamp's date).
    public var recordedOn: Day

    @inlinable
    public init<V: HasRecordFacts>(_ t: Tracked<V>) {
        id = t.value.recordID; kern = t.value.factKern; wijk = t.value.factWijk; day = t.value.factDay
        status = t.value.factStatus; isWithdrawn = t.isWithdrawn; seq = t.seq; meeting = t.value.factMeeting
        recordedOn = Day.ofTimestamp(t.timestamp)
    }

    @usableFromInline
    init(id: RecordID, kern: String, wijk: String?, day: Day?, status: UInt8, isWithdrawn: Bool, seq: Int,
         meeting: RecordID?, recordedOn: Day) {
        self.id = id; self.kern = kern; self.wijk = wijk; self.day = day; self.status = status
        self.isWithdrawn = isWithdrawn; self.seq = seq; self.meeting = meeting; self.recordedOn = recordedOn
    }
}

extension Day {
    /// The date of a log timestamp (`2009-03-10T18:42:00Z`), read from its first ten bytes; day 0 when
    /// it has none (as the history has always shown such an entry).
    @inlinable
    public static func ofTimestamp(_ ts: String) -> Day {
        var ts = ts
        return ts.withUTF8 { b -> Day in
            func digits(_ from: Int, _ n: Int) -> Int? {
                var v = 0
                for i in from..<(from + n) {
                    let c = b[i]
                    guard c >= 48, c <= 57 else { return nil }
                    v = v * 10 + Int(c - 48)
                }
                return v
            }
            guard b.count >= 10, b[4] == 45, b[7] == 45, let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2),
                  let day = Day(year: y, month: m, day: d) else { return Day(String(decoding: b.prefix(10), as: UTF8.self)) ?? Day(ordinal: 0) }
            return day
        }
    }
}


extension ActionRecord: HasRecordFacts {
    public var recordID: RecordID { created.id }
    public var factKern: String { created.kern }
    public var factWijk: String? { created.wijk }
    public var factDay: Day? { created.due }
    public var factStatus: UInt8 { UInt8(ActionStatus.allCases.firstIndex(of: status)!) }
    public var factMeeting: RecordID? { created.meeting }
    /// The status a fact's number stands for.
    public static func status(fact: UInt8) -> ActionStatus { ActionStatus.allCases[Int(fact) % ActionStatus.allCases.count] }
}

extension InitiativeRecord: HasRecordFacts {
    public var recordID: RecordID { recorded.id }
    public var factKern: String { recorded.kern }
    public var factWijk: String? { recorded.wijk }
    public var factDay: Day? { recorded.date }
    public var factStatus: UInt8 { outcome == nil ? 0 : 1 }
    public var factMeeting: RecordID? { recorded.meeting }
}

extension MeetingHeld: HasRecordFacts {
    public var recordID: RecordID { id }
    public var factKern: String { kern }
    public var factWijk: String? { nil }
    public var factDay: Day? { date }
    public var factStatus: UInt8 { 0 }
    public var factMeeting: RecordID? { nil }
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

extension SignalRecorded: PlacedRecord {
    public var factDay: Day? { date }
    public var factMeeting: RecordID? { meeting }
}
extension DecisionTaken: PlacedRecord {
    /// Its own date (a decision of another body); else its meeting's.
    public var factDay: Day? { date }
    public var factMeeting: RecordID? { meeting }
}
extension NoteAdded: PlacedRecord { public var factMeeting: RecordID? { meeting } }
extension PrioritySet: PlacedRecord { public var factMeeting: RecordID? { meeting } }
extension ParticipationSet: PlacedRecord { public var factMeeting: RecordID? { meeting } }
extension BudgetAllocated: PlacedRecord { public var factMeeting: RecordID? { nil } }

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
