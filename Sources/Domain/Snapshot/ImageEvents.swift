import Foundation

/// Events in a state image. The kinds that make up nearly every line of a real log are laid out field
/// by field (read back without any parsing); the rare ones (corrections, withdrawals, budgets, plans,
/// reference data …) are kept as their JSON, read with their Codable code. Adding a field to one of
/// the laid-out kinds means adding it here too: `ImageEvents.fieldCounts` lists how many fields each
/// has, and a test compares that with the type itself.
enum ImageEvents {
    /// The number of stored properties of each laid-out kind, as written and read below.
    static let fieldCounts: [String: Int] = [
        "MeetingHeld": 4, "AgendaItemAdded": 7, "SignalRecorded": 11, "ActionCreated": 15, "ActionStatusChanged": 3,
        "DecisionTaken": 9, "ParticipationSet": 15, "SignalTriaged": 4, "InitiativeRecorded": 8, "FeedbackGiven": 3,
        "MeetingOpened": 1, "MeetingClosed": 3, "AgendaItemStarted": 3, "AgendaItemEnded": 2,
    ]

    /// Whether an event is laid out field by field (the rest are kept as JSON).
    static func laidOut(_ e: Event) -> Bool {
        switch e {
        case .meetingHeld, .agendaItemAdded, .signalRecorded, .actionCreated, .actionStatusChanged, .decisionTaken,
             .participationSet, .signalTriaged, .initiativeRecorded, .feedbackGiven, .meetingOpened, .meetingClosed,
             .agendaItemStarted, .agendaItemEnded: true
        default: false
        }
    }

    nonisolated(unsafe) static let jsonEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        return e
    }()
}

extension ImageWriter {
    public mutating func event(_ e: Event) {
        switch e {
        case .meetingHeld(let v):
            byte(1); id(v.id); name(v.kern); day(v.date); optInt(v.length)
        case .agendaItemAdded(let v):
            byte(2); id(v.id); id(v.meeting); text(v.title); name(v.kern); optName(v.wijk); optInt(v.minutes); optID(v.source)
        case .signalRecorded(let v):
            byte(3); id(v.id); name(v.kern); optName(v.wijk); pick(v.theme); pick(v.source); text(v.text); day(v.date)
            optName(v.buurt); optText(v.person); optID(v.meeting); optID(v.item)
        case .actionCreated(let v):
            byte(4); id(v.id); name(v.kern); optName(v.wijk); text(v.title); name(v.owner); optName(v.person); optDay(v.due)
            optText(v.result); optInt(v.cost?.cents); optText(v.inform); optID(v.meeting); optIDs(v.serves); optID(v.item)
            optBool(v.wijkbudget); optText(v.reason)
        case .actionStatusChanged(let v):
            byte(5); id(v.ref); pick(v.status); optText(v.reason)
        case .decisionTaken(let v):
            byte(6); id(v.id); name(v.kern); optName(v.wijk); text(v.text); optID(v.meeting); optIDs(v.about); optID(v.item)
            optPick(v.body); optDay(v.date)
        case .participationSet(let v):
            byte(7); id(v.id); name(v.kern); optName(v.wijk); text(v.topic); optPick(v.work); optPick(v.phase); pick(v.level)
            optBool(v.controversial); optText(v.reason); optID(v.meeting); optID(v.about); optBool(v.override)
            optText(v.representatives); optText(v.feedbackPlan); optID(v.item)
        case .signalTriaged(let v):
            byte(8); id(v.ref); pick(v.route); optText(v.reason); day(v.date)
        case .initiativeRecorded(let v):
            byte(9); id(v.id); name(v.kern); optName(v.wijk); text(v.text); day(v.date); optText(v.person); optID(v.meeting); optID(v.item)
        case .feedbackGiven(let v):
            byte(10); id(v.ref); text(v.how); day(v.date)
        case .meetingOpened(let v):
            byte(11); id(v.ref)
        case .meetingClosed(let v):
            byte(12); id(v.ref); int(v.checkpointSeq); text(v.checkpointHash)
        case .agendaItemStarted(let v):
            byte(13); id(v.ref); optID(v.ended); optPick(v.outcome)
        case .agendaItemEnded(let v):
            byte(14); id(v.ref); pick(v.outcome)
        default:
            byte(0)
            // Every event of a log came from JSON and goes back to it.
            raw(Array((try? ImageEvents.jsonEncoder.encode(e)) ?? Data()))
        }
    }

    public mutating func logged(_ e: LoggedEvent) {
        int(e.seq); text(e.timestamp); pick(e.role); event(e.event)
    }
}

extension ImageReader {
    public mutating func event() throws(ImageDamaged) -> Event {
        switch try byte() {
        case 1:
            var v = MeetingHeld(id: try id(), kern: try name(), date: try day())
            v.length = try optInt()
            return .meetingHeld(v)
        case 2:
            let id = try id(), meeting = try self.id(), title = try text(), kern = try name()
            let wijk = try optName(), minutes = try optInt(), source = try optID()
            return .agendaItemAdded(AgendaItemAdded(id: id, meeting: meeting, title: title, kern: kern, wijk: wijk, minutes: minutes, source: source))
        case 3:
            let id = try id(), kern = try name(), wijk = try optName(), theme: Theme = try pick(), source: SignalSource = try pick()
            let text = try text(), date = try day()
            var v = SignalRecorded(id: id, kern: kern, wijk: wijk, theme: theme, source: source, text: text, date: date)
            v.buurt = try optName(); v.person = try optText(); v.meeting = try optID(); v.item = try optID()
            return .signalRecorded(v)
        case 4:
            let id = try id(), kern = try name(), wijk = try optName(), title = try text(), owner = try name()
            var v = ActionCreated(id: id, kern: kern, wijk: wijk, title: title, owner: owner)
            v.person = try optName(); v.due = try optDay(); v.result = try optText(); v.cost = try optInt().map(Money.init(cents:))
            v.inform = try optText(); v.meeting = try optID(); v.serves = try optIDs(); v.item = try optID()
            v.wijkbudget = try optBool(); v.reason = try optText()
            return .actionCreated(v)
        case 5:
            return .actionStatusChanged(ActionStatusChanged(ref: try id(), status: try pick(), reason: try optText()))
        case 6:
            let id = try id(), kern = try name(), wijk = try optName(), text = try text()
            var v = DecisionTaken(id: id, kern: kern, wijk: wijk, text: text)
            v.meeting = try optID(); v.about = try optIDs(); v.item = try optID(); v.body = try optPick(); v.date = try optDay()
            return .decisionTaken(v)
        case 7:
            let id = try id(), kern = try name(), wijk = try optName(), topic = try text()
            let work: WorkKind? = try optPick(), phase: Phase? = try optPick(), level: ParticipationLevel = try pick()
            var v = ParticipationSet(id: id, kern: kern, wijk: wijk, topic: topic, work: work, phase: phase, level: level)
            v.controversial = try optBool(); v.reason = try optText(); v.meeting = try optID(); v.about = try optID()
            v.override = try optBool(); v.representatives = try optText(); v.feedbackPlan = try optText(); v.item = try optID()
            return .participationSet(v)
        case 8:
            return .signalTriaged(SignalTriaged(ref: try id(), route: try pick(), reason: try optText(), date: try day()))
        case 9:
            let id = try id(), kern = try name(), wijk = try optName(), text = try text(), date = try day()
            var v = InitiativeRecorded(id: id, kern: kern, wijk: wijk, text: text, date: date)
            v.person = try optText(); v.meeting = try optID(); v.item = try optID()
            return .initiativeRecorded(v)
        case 10:
            return .feedbackGiven(FeedbackGiven(ref: try id(), how: try text(), date: try day()))
        case 11:
            return .meetingOpened(MeetingOpened(ref: try id()))
        case 12:
            return .meetingClosed(MeetingClosed(ref: try id(), checkpointSeq: try int(), checkpointHash: try text()))
        case 13:
            return .agendaItemStarted(AgendaItemStarted(ref: try id(), ended: try optID(), outcome: try optPick()))
        case 14:
            return .agendaItemEnded(AgendaItemEnded(ref: try id(), outcome: try pick()))
        case 0:
            let json = try raw()
            do { return try JSONDecoder().decode(Event.self, from: Data(json)) } catch { throw ImageDamaged("gebeurtenis: \(error)") }
        default:
            throw ImageDamaged("onbekende soort gebeurtenis")
        }
    }

    public mutating func logged() throws(ImageDamaged) -> LoggedEvent {
        LoggedEvent(seq: try int(), timestamp: try text(), role: try pick(), event: try event())
    }
}
