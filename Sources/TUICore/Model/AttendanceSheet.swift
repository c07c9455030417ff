import Foundation
import KernteamDomain

/// Attendance of a meeting in one form: every member organisation of the kern as a row with its
/// status (one key each), guest organisations added by name, and the residents counted. Saving
/// appends one attendance entry per row that changed and the residents' count if it changed, one
/// after the other; what was saved stays saved when a later one is refused.
public struct AttendanceSheet: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var org: String
        /// An ad-hoc member's name (a professional); nil for the organisation's seat.
        public var name: String?
        /// As on the sheet now; nil: not filled in.
        public var status: AttendanceStatus?
        /// As the log has it.
        public var recorded: AttendanceStatus?
        /// Not a member of the kern: added as a guest.
        public var guest: Bool
        public init(org: String, name: String? = nil, status: AttendanceStatus?, recorded: AttendanceStatus?, guest: Bool) {
            self.org = org; self.name = name; self.status = status; self.recorded = recorded; self.guest = guest
        }

        /// As the log keeps it and the minutes say it: "School De Kameleon (J. de Vries)".
        public var who: String { AttendanceRecorded.who(org: org, name: name) }
    }

    /// A guest being added (`g`): the organisation chosen or typed, now asking for a name.
    public struct GuestName: Hashable, Sendable {
        public var org: String
        /// The organisation is not in the reference data: a name is needed.
        public var free: Bool
        public var line: LineEditor
    }

    public var meeting: RecordID
    public var rows: [Row]
    /// The residents' count as typed, and as the log has it.
    public var residents: LineEditor
    public var residentsRecorded: Int?
    /// The selected line: a row, or `rows.count` for the residents' count.
    public var selected = 0
    /// A guest organisation being chosen (`g`): what is typed so far.
    public var guestLine: LineEditor?
    /// Then the guest's name (optional for a known organisation).
    public var guestName: GuestName?
    /// Why the last save stopped (a refusal or an I/O error), shown under the rows.
    public var problem: [String] = []
    /// Entries still to append while saving; nil when not saving.
    public var saving: [SessionCommand]?
    /// How many entries this save appended so far.
    public var saved = 0

    public init(meeting: RecordID, rows: [Row], residentsRecorded: Int?) {
        self.meeting = meeting
        self.rows = rows
        self.residentsRecorded = residentsRecorded
        self.residents = LineEditor(value: residentsRecorded.map(String.init) ?? "")
        // Start at the first organisation nobody has filled in yet.
        selected = rows.firstIndex { $0.status == nil } ?? 0
    }

    /// The residents' line.
    public var residentsLine: Int { rows.count }
    public var lineCount: Int { rows.count + 1 }

    /// Anything on the sheet that the log does not have yet.
    public var dirty: Bool { !changes.isEmpty }

    /// The entries that make the log say what the sheet says.
    public var changes: [SessionCommand] {
        var commands: [SessionCommand] = rows.compactMap { row in
            guard let status = row.status, status != row.recorded else { return nil }
            return .record(.attendance, Draft([.org: row.org, .name: row.name, .attendance: status.rawValue].compactMapValues { $0 }),
                           meeting: nil, target: meeting)
        }
        let typed = residents.value.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty, Int(typed) != residentsRecorded {
            commands.append(.record(.residents, Draft([.count: typed]), meeting: nil, target: meeting))
        }
        return commands
    }

    /// Sets the selected row's status and moves on to the next row.
    public mutating func set(_ status: AttendanceStatus) {
        guard rows.indices.contains(selected) else { return }
        rows[selected].status = status
        problem = []
        selected = min(selected + 1, residentsLine)
    }

    /// Every row not filled in yet becomes `status` (the usual case: everyone came, then the exceptions).
    public mutating func setAllOpen(_ status: AttendanceStatus) {
        for i in rows.indices where rows[i].status == nil { rows[i].status = status }
        problem = []
    }

    /// Who is present, as the form's header says it.
    public var present: [String] { rows.filter { $0.status == .aanwezig }.map(\.who) }

    /// The sheet for a meeting of `kern`: its member organisations in the order of the reference data,
    /// then any other organisation the log already has for this meeting (a guest).
    public static func of(meeting: RecordID, kern: String?, state: KernteamState) -> AttendanceSheet {
        let recorded = state.attendance[meeting] ?? [:]
        let kernName = kern ?? state.meetings[meeting]?.value.kern ?? ""
        let members = state.reference.organisations.filter { $0.kernen.isEmpty || $0.kernen.contains(kernName) }.map(\.name)
        var rows = members.map { Row(org: $0, status: recorded[$0], recorded: recorded[$0], guest: false) }
        // The log keeps attendance per who; its entries say which organisation and name that is.
        var parts: [String: (org: String, name: String?)] = [:]
        for seq in state.meetings[meeting]?.changes ?? [] {
            if case .attendanceRecorded(let a)? = state.fact(seq: seq)?.event { parts[a.who] = (a.org, a.name) }
        }
        for who in recorded.keys.sorted() where !members.contains(who) {
            let part = parts[who] ?? (who, nil)
            rows.append(Row(org: part.org, name: part.name, status: recorded[who], recorded: recorded[who], guest: true))
        }
        return AttendanceSheet(meeting: meeting, rows: rows, residentsRecorded: state.residentsPresent[meeting])
    }

    /// Organisations a guest may come from: every known one (a member's organisation too, for someone
    /// who joins by name), those not on the sheet first.
    public func guestOptions(_ reference: ReferenceData) -> [String] {
        let on = Set(rows.map { ReferenceData.matchKey($0.org) })
        let names = reference.organisations.map(\.name)
        return names.filter { !on.contains(ReferenceData.matchKey($0)) } + names.filter { on.contains(ReferenceData.matchKey($0)) }
    }

    /// Adds the guest being named (or selects the row when that one is on the sheet already).
    public mutating func addGuest(org: String, name: String?) {
        let row = Row(org: org, name: name, status: .aanwezig, recorded: nil, guest: true)
        if let i = rows.firstIndex(where: { ReferenceData.matchKey($0.who) == ReferenceData.matchKey(row.who) }) {
            selected = i
        } else {
            rows.append(row)
            selected = rows.count - 1
        }
        guestLine = nil
        guestName = nil
        problem = []
    }

    /// The guest options that start with (else contain) what was typed.
    public func guestMatches(_ reference: ReferenceData) -> [String] {
        let typed = ReferenceData.matchKey(guestLine?.value ?? "")
        let options = guestOptions(reference)
        guard !typed.isEmpty else { return options }
        let starts = options.filter { ReferenceData.matchKey($0).hasPrefix(typed) }
        return starts.isEmpty ? options.filter { ReferenceData.matchKey($0).contains(typed) } : starts
    }
}
