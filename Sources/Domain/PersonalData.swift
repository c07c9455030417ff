import Foundation

/// An opaque reference from a log entry to personal data kept outside the log. Random, so it says
/// nothing about the person.
public typealias PersonRef = String

/// A resident's personal data (AVG): kept in a side store next to the log, never in the log itself,
/// so one person's data can be erased without breaking the hash chain.
public struct PersonalData: Codable, Hashable, Sendable {
    public var ref: PersonRef
    public var name: String?
    public var contact: String?
    /// When it was recorded; the retention term counts from here.
    public var recorded: Day
    /// The record it belongs to, e.g. a signal.
    public var record: RecordID?

    public init(ref: PersonRef, name: String?, contact: String?, recorded: Day, record: RecordID?) {
        self.ref = ref; self.name = name; self.contact = contact; self.recorded = recorded; self.record = record
    }
}

extension Event {
    /// The same event pointing at a person record (only signals carry one so far).
    public func withPerson(_ ref: PersonRef) -> Event {
        switch self {
        case .signalRecorded(var s): s.person = ref; return .signalRecorded(s)
        case .initiativeRecorded(var i): i.person = ref; return .initiativeRecorded(i)
        default: return self
        }
    }
}
