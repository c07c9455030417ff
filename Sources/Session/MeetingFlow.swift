import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec

extension Session {
    /// Plans a kern's next meeting and fills its agenda with what the log says needs the table
    /// (carried-over actions, postponed items, new signals, proposals, initiatives, budgets).
    /// Returns the meeting entry and the items added.
    public func prepareMeeting(kern: String, date: String, length: String?) -> Result<(meeting: LoggedEvent, items: [LoggedEvent]), RecordFailure> {
        var draft = Draft([.kern: kern, .date: date])
        draft[.length] = length
        switch record(.meeting, draft) {
        case .failure(let f): return .failure(f)
        case .success(let meeting):
            guard case .meetingHeld(let m) = meeting.event else { return .failure(.log(.badEntry("meeting"))) }
            var items: [LoggedEvent] = []
            for d in state.proposedAgendaDrafts(for: m, today: today, settings: settings) {
                switch record(.agendaItem, d) {
                case .success(let logged): items.append(logged)
                case .failure(let f): return .failure(f)
                }
            }
            return .success((meeting, items))
        }
    }

    /// Closes a meeting: ends the item under discussion, then records the close with a checkpoint of
    /// the log just before it (sequence number and hash of that line), to keep outside the log.
    public func closeMeeting(_ id: RecordID) -> Result<(logged: LoggedEvent, checkpoint: Checkpoint), RecordFailure> {
        guard state.meetings.contains(id) else { return .failure(.refused(Refusal(.meeting, .unknownRecord(id.description)))) }
        if state.phase(of: id) == .closed { return .failure(.refused(Refusal(.meeting, .meetingClosed(id.description)))) }
        if let current = state.currentItem(id) {
            if case .failure(let f) = record(.endItem, Draft([.outcome: ItemOutcome.besproken.rawValue]), target: current.id) {
                return .failure(f)
            }
        }
        var checkpoint = Checkpoint(seq: 0, hash: "")
        var closed: MeetingClosed?
        let ts = Session.timestamp(clock())
        do {
            try refuseAfterUnreadableLine()
            let result = try log.append(role: role.rawValue, timestamp: ts) { others in
                self.foldLines(others)
                try self.refuseAfterUnreadableLine()
                guard self.state.phase(of: id) != .closed else {
                    throw Refusal(.meeting, .meetingClosed(id.description))
                }
                checkpoint = Checkpoint(seq: self.log.headSeq, hash: self.log.headHash)
                closed = MeetingClosed(ref: id, checkpointSeq: checkpoint.seq, checkpointHash: checkpoint.hash)
                return try EventCoding.body(of: .meetingClosed(closed!))
            }
            let logged = LoggedEvent(seq: result.written.seq, timestamp: result.written.timestamp, role: role, event: .meetingClosed(closed!))
            state.apply(logged)
            return .success((logged, checkpoint))
        } catch let r as Refusal {
            return .failure(.refused(r))
        } catch let e as LogError {
            return .failure(.log(e))
        } catch {
            return .failure(.log(.badEntry("\(error)")))
        }
    }
}
