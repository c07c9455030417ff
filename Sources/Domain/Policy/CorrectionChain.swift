/// A record's story: how it was first recorded and every later entry that changed it.
public struct ChainStep: Hashable, Sendable {
    public var seq: Int
    public var timestamp: String
    public var role: Role?
    public var text: String
    public init(seq: Int, timestamp: String, role: Role?, text: String) {
        self.seq = seq; self.timestamp = timestamp; self.role = role; self.text = text
    }
}

extension KernteamState {
    /// The creation and the corrections, status changes, triage, feedback and withdrawal of a record, in order.
    public func chain(of id: RecordID, created: (seq: Int, timestamp: String, text: String), changes: [Int]) -> [ChainStep] {
        var steps = [ChainStep(seq: created.seq, timestamp: created.timestamp, role: nil, text: Text.chainCreated(created.text).text)]
        for seq in changes.sorted() {
            guard let e = changeEvent(seq: seq) else { continue }
            steps.append(ChainStep(seq: seq, timestamp: e.timestamp, role: e.role, text: changeText(e)))
        }
        return steps
    }

    /// One changing entry in words: a correction, a status, a triage, attendance … A fact entry (a
    /// status, triage …) says when it was withdrawn itself.
    public func changeText(_ e: LoggedEvent) -> String {
        let seq = e.seq
        func fields(_ c: EntryCorrected) -> String {
            c.fields.sorted { $0.key < $1.key }.map { "\(Self.fieldName($0.key)) → \($0.value)" }.joined(separator: ", ")
        }
        var text: String
        switch e.event {
        case .entryCorrected(let c) where c.entry != nil:
            text = Text.chainEntryCorrected(c.target.description, fields(c), c.reason ?? "").text
        case .entryCorrected(let c):
            text = Text.chainCorrected(fields(c), c.reason ?? "").text
        case .entryWithdrawn(let w) where w.entry != nil: text = Text.chainEntryWithdrawn(w.target.description, w.reason).text
        case .entryWithdrawn(let w): text = Text.chainWithdrawn(w.reason).text
        case .actionStatusChanged(let s): text = Text.chainStatus(s.status.rawValue, s.reason ?? "").text
        case .signalTriaged(let t): text = Text.chainStatus(Text.routeLabel(t.route).text, t.reason ?? "").text
        case .initiativeTriaged(let t): text = Text.chainStatus(t.outcome.rawValue, t.reason ?? "").text
        case .feedbackGiven(let f): text = Text.chainFeedback(f.how, f.date.dutch).text
        case .priorityClosed(let c): text = Text.chainStatus(Text.priorityClosedMark.text, c.reason ?? "").text
        case .meetingOpened: text = Text.chainStatus(Text.phaseLabel("open").text, "").text
        case .meetingClosed(let c): text = Text.chainStatus(Text.phaseLabel("closed").text, "\(c.checkpointSeq):\(c.checkpointHash.prefix(12))…").text
        case .meetingReopened(let r): text = Text.chainStatus(Text.phaseLabel("open").text, r.decision.description).text
        case .agendaItemStarted: text = Text.chainStatus(Text.chainItemStarted.text, "").text
        case .agendaItemEnded(let e): text = Text.chainStatus(e.outcome.rawValue, "").text
        case .attendanceRecorded(let a): text = Text.chainAttendance(a.who, a.status.rawValue).text
        case .residentsCounted(let r): text = Text.chainResidents(r.count).text
        case .lemonScored(let l): text = "Lemon \(l.year) \(l.theme.rawValue): \(l.scoreText)"
        default: text = e.event.typeName
        }
        if e.event.isFact, let reason = withdrawnEntries[seq] { text += " — " + Text.chainWithdrawn(reason).text }
        return text
    }
}

extension KernteamState {
    /// A field's label in the user's language, from its command-line name (`owner` → "Eigenaar").
    public static func fieldName(_ key: String) -> String {
        DraftField(rawValue: key).map { Text.fieldLabel($0).text } ?? key
    }
}
