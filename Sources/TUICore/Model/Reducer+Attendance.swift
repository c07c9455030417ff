import KernteamDomain

/// The attendance form (`a`): one key per organisation (a aanwezig, f afgemeld, w afwezig), `A` for
/// everyone not filled in yet, `g` to add a guest organisation, digits for the residents; Enter saves
/// every change as its own entry, one after the other.
extension Reducer {
    static func openAttendance(_ model: inout AppModel, meeting: RecordID, _ world: World) {
        model.overlay = .attendance(AttendanceSheet.of(meeting: meeting, kern: model.kern, state: world.domain))
        model.message = nil
    }

    static func handleAttendance(_ model: inout AppModel, _ current: AttendanceSheet, _ key: Key, _ world: World) -> [Effect] {
        var sheet = current
        if case .mouse = key { return [] }
        if key == .ctrl("c") || key == .ctrl("q") {
            if !sheet.dirty { model.quit = true; return [.quit] }
            model.overlay = .confirm(Confirmation(Text.confirmQuitAttendance.text, onYes: [.quit], onNo: .attendance(sheet)))
            return []
        }
        if var guest = sheet.guestName {
            // Then the guest's name: a professional who joins ad hoc (optional for a known organisation).
            switch key {
            case .escape: sheet.guestName = nil; sheet.guestLine = nil; sheet.problem = []
            case .enter, .tab:
                let name = guest.line.value.trimmingCharacters(in: .whitespaces)
                if name.isEmpty && guest.free {
                    sheet.problem = [Text.plan(.adHocNeedsName(guest.org)).text]
                } else {
                    sheet.addGuest(org: guest.org, name: name.isEmpty ? nil : name)
                }
            default:
                guest.line.handle(key)
                sheet.guestName = guest
            }
            model.overlay = .attendance(sheet)
            return []
        }
        if var line = sheet.guestLine {
            // Choosing a guest organisation: typed letters narrow the list, Enter takes the first match
            // (or, when nothing matches, what was typed: someone from outside the list, who needs a name).
            switch key {
            case .escape: sheet.guestLine = nil
            case .enter, .tab:
                let typed = line.value.trimmingCharacters(in: .whitespaces)
                if let org = sheet.guestMatches(world.domain.reference).first {
                    sheet.guestName = .init(org: org, free: false, line: LineEditor())
                    sheet.problem = []
                } else if !typed.isEmpty {
                    sheet.guestName = .init(org: typed, free: true, line: LineEditor())
                    sheet.problem = []
                } else {
                    sheet.problem = [Text.attendanceNoGuest(line.value).text]
                }
            default:
                line.handle(key)
                sheet.guestLine = line
            }
            model.overlay = .attendance(sheet)
            return []
        }
        let onResidents = sheet.selected == sheet.residentsLine
        switch key {
        case .escape:
            if sheet.dirty {
                model.overlay = .confirm(Confirmation(Text.confirmDiscardAttendance.text, onYes: [], onNo: .attendance(sheet)))
            } else {
                model.overlay = nil
            }
            return []
        case .enter, .ctrl("s"):
            return saveAttendance(&model, sheet)
        case .down, .tab: sheet.selected = min(sheet.residentsLine, sheet.selected + 1)
        case .up, .backTab: sheet.selected = max(0, sheet.selected - 1)
        case .home: sheet.selected = 0
        case .end: sheet.selected = sheet.residentsLine
        case .char(let c) where onResidents && c.isNumber:
            sheet.residents.handle(key)
            sheet.problem = []
        case .backspace where onResidents, .delete where onResidents, .left where onResidents, .right where onResidents:
            sheet.residents.handle(key)
        case .char("j"): sheet.selected = min(sheet.residentsLine, sheet.selected + 1)
        case .char("k"): sheet.selected = max(0, sheet.selected - 1)
        case .char("a"), .char("1"): sheet.set(.aanwezig)
        case .char("f"), .char("2"): sheet.set(.afgemeld)
        case .char("w"), .char("3"): sheet.set(.afwezig)
        case .char(" "):
            // Space goes round the three (a row not filled in starts at aanwezig).
            let all = AttendanceStatus.allCases
            if sheet.rows.indices.contains(sheet.selected) {
                let now = sheet.rows[sheet.selected].status
                sheet.rows[sheet.selected].status = now.map { all[(all.firstIndex(of: $0)! + 1) % all.count] } ?? .aanwezig
            }
        case .char("A"): sheet.setAllOpen(.aanwezig)
        case .char("g"): sheet.guestLine = LineEditor()
        default: break
        }
        model.overlay = .attendance(sheet)
        return []
    }

    /// Sends the first changed entry; the rest follow one by one as each is saved (`continueAttendance`).
    static func saveAttendance(_ model: inout AppModel, _ current: AttendanceSheet) -> [Effect] {
        var sheet = current
        var queue = sheet.changes
        guard !queue.isEmpty else {
            model.overlay = nil
            model.message = StatusMessage(Text.attendanceNothingChanged.text)
            return []
        }
        let first = queue.removeFirst()
        sheet.saving = queue
        sheet.saved = 0
        sheet.problem = []
        model.overlay = .attendance(sheet)
        return [.session(first)]
    }

    /// After each saved entry of the attendance form: the next one, or the message when all are in.
    /// A refusal or an I/O error stops the save and keeps the sheet as it was typed.
    static func continueAttendance(_ model: inout AppModel, _ reply: SessionReply) -> [Effect] {
        guard case .attendance(var sheet) = model.overlay, let queue = sheet.saving else { return [] }
        guard case .recorded(let result, _) = reply else { return [] }
        switch result {
        case .success:
            sheet.saved += 1
            // What the log has now is what the sheet was saved from.
            let fresh = AttendanceSheet.of(meeting: sheet.meeting, kern: model.kern, state: model.world.domain)
            for i in sheet.rows.indices {
                sheet.rows[i].recorded = fresh.rows.first { $0.who == sheet.rows[i].who }?.recorded
            }
            sheet.residentsRecorded = fresh.residentsRecorded
            if queue.isEmpty {
                model.overlay = nil
                let present = sheet.rows.filter { $0.recorded == .aanwezig }.count
                let away = sheet.rows.filter { $0.recorded == .afgemeld || $0.recorded == .afwezig }.count
                model.message = StatusMessage(Text.savedAttendance(sheet.meeting.description, present, away, sheet.residentsRecorded).text)
                return []
            }
            var rest = queue
            let next = rest.removeFirst()
            sheet.saving = rest
            model.overlay = .attendance(sheet)
            return [.session(next)]
        case .failure(let failure):
            sheet.saving = nil
            sheet.problem = failure.lines
            if case .ioFailure(let m) = failure { model.writeFailure = m }
            model.overlay = .attendance(sheet)
            return []
        }
    }
}
