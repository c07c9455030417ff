import KernteamDomain

/// Builds the most frequent events (nine lines in ten) straight from the parsed fields. Swift's
/// Codable machinery costs more per line than reading the JSON does; opening a large log decodes
/// every line, so the common types skip it.
///
/// Codable stays the authority: this returns nil for anything it does not expect (a field it does
/// not know, a wrong type, a missing field, a duplicate), and the caller then decodes with Codable,
/// which also names what is wrong. A field added to an event later is therefore never dropped here:
/// lines carrying it simply take the Codable way until it is added below. `FastJSONTests` checks that
/// both ways give equal events on the demo and generated logs.
enum DirectEvents {
    static func event(_ fields: [(key: String, value: JSONValue)]) -> Event? {
        var f = FieldReader(fields: fields)
        let event: Event
        switch f.string("type") {
        case "signal.recorded":
            var e = SignalRecorded(id: f.id("id"), kern: f.string("kern"), wijk: f.optString("wijk"), theme: f.raw("theme", Theme.self),
                                   source: f.raw("source", SignalSource.self), text: f.string("text"), date: f.day("date"),
                                   buurt: f.optString("buurt"), person: f.optString("person"), meeting: f.optID("meeting"))
            e.item = f.optID("item")
            event = .signalRecorded(e)
        case "action.created":
            var e = ActionCreated(id: f.id("id"), kern: f.string("kern"), wijk: f.optString("wijk"), title: f.string("title"),
                                  owner: f.string("owner"), person: f.optString("person"), due: f.optDay("due"),
                                  result: f.optString("result"), cost: f.optInt("cost").map { Money(cents: $0) },
                                  inform: f.optString("inform"), meeting: f.optID("meeting"), serves: f.optIDs("serves"))
            e.item = f.optID("item")
            event = .actionCreated(e)
        case "action.status_changed":
            event = .actionStatusChanged(ActionStatusChanged(ref: f.id("ref"), status: f.raw("status", ActionStatus.self),
                                                             reason: f.optString("reason")))
        case "signal.triaged":
            event = .signalTriaged(SignalTriaged(ref: f.id("ref"), route: f.raw("route", SignalRoute.self), reason: f.optString("reason"),
                                                 date: f.day("date")))
        case "decision.taken":
            var e = DecisionTaken(id: f.id("id"), kern: f.string("kern"), wijk: f.optString("wijk"), text: f.string("text"),
                                  meeting: f.optID("meeting"), about: f.optIDs("about"),
                                  body: f.optRaw("body", DecisionBody.self), date: f.optDay("date"))
            e.item = f.optID("item")
            event = .decisionTaken(e)
        case "agenda.item_started":
            event = .agendaItemStarted(AgendaItemStarted(ref: f.id("ref"), ended: f.optID("ended"), outcome: f.optRaw("outcome", ItemOutcome.self)))
        case "agenda.item_added":
            event = .agendaItemAdded(AgendaItemAdded(id: f.id("id"), meeting: f.id("meeting"), title: f.string("title"), kern: f.string("kern"),
                                                     wijk: f.optString("wijk"), minutes: f.optInt("minutes"), source: f.optID("source")))
        default:
            return nil
        }
        return f.complete ? event : nil
    }
}

/// Reads fields by name, counting what it used; `complete` is false when anything was missing, of
/// the wrong type, or left over (a field this reader does not know).
private struct FieldReader {
    let fields: [(key: String, value: JSONValue)]
    private var used = 0
    private var ok = true

    /// The log line's own header fields are not the event's: they count as used.
    init(fields: [(key: String, value: JSONValue)]) {
        self.fields = fields
        used = fields.reduce(0) { n, f in
            n + (f.key == "v" || f.key == "seq" || f.key == "ts" || f.key == "role" || f.key == "prev" ? 1 : 0)
        }
    }

    var complete: Bool { ok && used == fields.count }

    private func find(_ key: String) -> JSONValue? {
        for field in fields where field.key == key { return field.value }
        return nil
    }

    /// The value, counted as used; nil when absent or null (as `decodeIfPresent` reads them).
    private mutating func take(_ key: String) -> JSONValue? {
        guard let v = find(key) else { return nil }
        used += 1
        if case .null = v { return nil }
        return v
    }

    mutating func optString(_ key: String) -> String? {
        switch take(key) {
        case nil: return nil
        case .string(let s)?: return s
        default: ok = false; return nil
        }
    }

    mutating func string(_ key: String) -> String {
        guard let s = optString(key) else { ok = false; return "" }
        return s
    }

    mutating func optInt(_ key: String) -> Int? {
        switch take(key) {
        case nil: return nil
        case .number(let text)?:
            guard let n = Int(text) else { ok = false; return nil }
            return n
        default: ok = false; return nil
        }
    }

    mutating func optID(_ key: String) -> RecordID? {
        guard let text = optString(key) else { return nil }
        guard let id = RecordID(text) else { ok = false; return nil }
        return id
    }

    mutating func id(_ key: String) -> RecordID {
        guard let id = optID(key) else { ok = false; return RecordID(.signal, 1) }
        return id
    }

    mutating func optIDs(_ key: String) -> [RecordID]? {
        switch take(key) {
        case nil: return nil
        case .array(let items)?:
            var ids: [RecordID] = []
            for item in items {
                guard case .string(let text) = item, let id = RecordID(text) else { ok = false; return nil }
                ids.append(id)
            }
            return ids
        default: ok = false; return nil
        }
    }

    mutating func optDay(_ key: String) -> Day? {
        guard let text = optString(key) else { return nil }
        guard let day = Day(text) else { ok = false; return nil }
        return day
    }

    mutating func day(_ key: String) -> Day {
        guard let d = optDay(key) else { ok = false; return Day(ordinal: 0) }
        return d
    }

    mutating func optRaw<E: RawRepresentable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let text = optString(key) else { return nil }
        guard let e = E(rawValue: text) else { ok = false; return nil }
        return e
    }

    mutating func raw<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E where E.RawValue == String {
        guard let e = optRaw(key, type) else { ok = false; return E.allCases.first! }
        return e
    }
}
