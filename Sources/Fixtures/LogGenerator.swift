import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec
import KernteamSession

/// Writes a realistic, valid log of N entries across all kernen and wijken: monthly meetings with
/// agendas, signals, triage, actions and their progress, decisions, participation, initiatives and
/// feedback. The same seed gives the same bytes. For benchmarks and for trying the program at scale.
public enum LogGenerator {
    static let subjects = ["Bewoners van de", "Een ouder uit de", "De wijkagent meldt over de", "Via het Meldpunt: in de",
                           "Tijdens de wijkschouw bleek in de", "Jongerenwerk signaleert bij de", "SWOP hoort van ouderen in de",
                           "De corporatie meldt in de", "Het sociaal platform noemt de"]
    static let streets = ["Delftsestraatweg", "Oude Laan", "Emeraldpad", "Ruyvenstraat", "Kerkweg", "Molenlaan", "Dorpsstraat",
                          "Parkzoom", "Tolhekpad", "Klapwijkseweg", "Raadhuisplein", "Nieuweveenweg", "'s-Gravenhoutlaan"]
    static let problems: [(Theme, String)] = [
        (.verkeer, "auto's die te hard rijden langs de school en foutparkeren op de stoep"),
        (.spelen, "een kapot speeltoestel en een speelplek waar het gras al weken niet is gemaaid"),
        (.groen, "overhangende struiken die het zicht op de oversteek wegnemen"),
        (.overlast, "geluidsoverlast van een groep jongeren op vrijdag- en zaterdagavond"),
        (.wonen, "volle afvalbakken, zwerfvuil en hondenpoep op het grasveld"),
        (.veiligheid, "kapotte straatverlichting op het fietspad, 's avonds onveilig"),
        (.jongeren, "jongeren die een eigen plek missen en nu bij het winkelcentrum hangen"),
        (.ouderen, "ouderen die een ontmoetingsplek en een bankje onderweg missen"),
        (.voorzieningen, "de buurtruimte die te vaak dicht is voor activiteiten"),
        (.betrokkenheid, "weinig contact tussen oude en nieuwe bewoners"),
        (.economie, "leegstaande winkels en fietsen die de doorgang blokkeren"),
    ]
    static let extras = ["", " Bewoners vragen om een snelle reactie.", " Het speelt al sinds vorig jaar.",
                         " Er is een handtekeningenlijst met dertig namen.", " Graag bespreken in het kernteam.",
                         " Eerdere meldingen hebben niets opgeleverd."]
    static let actionVerbs = ["Onderzoeken of", "In overleg met bewoners regelen dat", "Offerte vragen zodat", "Met de eigenaar afspreken dat",
                              "Plan maken waarmee"]
    static let actionGoals = ["de overlast binnen drie maanden afneemt", "de speelplek weer veilig is", "er extra parkeerplaatsen komen",
                              "de verlichting wordt hersteld", "de jongeren een eigen plek krijgen", "het groen wordt teruggesnoeid"]

    public static func generate(count: Int, to path: String, seed: UInt64, reference: ReferenceData,
                                progress: ((Int) -> Void)? = nil) throws {
        var rng = SplitMix64(seed: seed)
        let writer = try BulkLogWriter(path: path)
        var state = KernteamState()
        var minute = 0
        var day = Day("2010-01-05")!
        func ts() -> String {
            let base = Date(timeIntervalSince1970: TimeInterval(day.ordinal) * 86400 + 18 * 3600 + 30 * 60)
            return Session.timestamp(base.addingTimeInterval(TimeInterval(minute * 60)))
        }
        func emit(_ event: Event, _ role: Role) throws {
            let written = try writer.append(body: try EventCoding.body(of: event), role: role.rawValue, timestamp: ts())
            state.apply(LoggedEvent(seq: writer.headSeq, timestamp: written, role: role, event: event))
            minute += 1
            if writer.headSeq % 10_000 == 0 { progress?(writer.headSeq) }
        }
        try emit(.referenceSet(reference), .systeem)
        let organisations = reference.organisations.map(\.name)
        var meetingNumber = 0
        while writer.headSeq < count {
            for kern in reference.kernen where writer.headSeq < count {
                meetingNumber += 1
                minute = 0
                let wijken = kern.wijken.map(\.name)
                let meeting = state.nextID(.meeting)
                try emit(.meetingHeld(MeetingHeld(id: meeting, kern: kern.name, date: day, length: 120)), .voorzitter)
                try emit(.meetingOpened(MeetingOpened(ref: meeting)), .voorzitter)
                var items: [RecordID] = []
                for i in 0..<6 {
                    let id = state.nextID(.agendaItem)
                    items.append(id)
                    try emit(.agendaItemAdded(AgendaItemAdded(id: id, meeting: meeting, title: "Agendapunt \(i + 1): " + rng.pick(problems).1,
                                                              kern: kern.name, wijk: rng.chance(70) ? rng.pick(wijken) : nil,
                                                              minutes: [5, 10, 15, 20][rng.int(4)])), .voorzitter)
                }
                var previous: RecordID?
                for item in items where writer.headSeq < count {
                    try emit(.agendaItemStarted(AgendaItemStarted(ref: item, ended: previous, outcome: previous == nil ? nil : .besproken)), .voorzitter)
                    previous = item
                    for _ in 0..<rng.int(9) + 8 where writer.headSeq < count {
                        let (event, role) = randomEntry(&rng, state, kern: kern, wijken: wijken, meeting: meeting, organisations: organisations)
                        try emit(event, role)
                    }
                }
                if let previous, writer.headSeq < count {
                    try emit(.agendaItemEnded(AgendaItemEnded(ref: previous, outcome: .afgerond)), .voorzitter)
                }
                if writer.headSeq < count {
                    try emit(.meetingClosed(MeetingClosed(ref: meeting, checkpointSeq: writer.headSeq, checkpointHash: writer.headHash)), .voorzitter)
                }
            }
            day = day.addingMonths(1)
        }
        try writer.finish()
        progress?(writer.headSeq)
    }

    /// One entry of the kinds a secretary records during a meeting, weighted as in practice.
    static func randomEntry(_ rng: inout SplitMix64, _ state: KernteamState, kern: Kern, wijken: [String], meeting: RecordID,
                            organisations: [String]) -> (Event, Role) {
        let wijk = rng.pick(wijken)
        let roll = rng.int(100)
        let day = state.meetings[meeting]!.value.date
        switch roll {
        case 0..<30:
            let (theme, problem) = rng.pick(problems)
            let text = "\(rng.pick(subjects)) \(rng.pick(streets)): \(problem).\(rng.pick(extras))"
            return (.signalRecorded(SignalRecorded(id: state.nextID(.signal), kern: kern.name, wijk: wijk, theme: theme,
                                                    source: rng.pick(SignalSource.allCases), text: text,
                                                    date: Day(ordinal: day.ordinal - rng.int(25)), meeting: meeting)), .secretaris)
        case 30..<45:
            let open = state.signals.items.suffix(40).filter { state.signalTriage[$0.value.id] == nil }
            guard let s = open.first else { fallthrough }
            let route = rng.pick([SignalRoute.opgelost, .kernteam, .wijkaanpak, .kernteam])
            return (.signalTriaged(SignalTriaged(ref: s.value.id, route: route, reason: nil, date: day)), .secretaris)
        case 45..<65:
            let title = "\(rng.pick(actionVerbs)) \(rng.pick(actionGoals)) (\(rng.pick(streets)))"
            return (.actionCreated(ActionCreated(id: state.nextID(.action), kern: kern.name, wijk: wijk, title: title,
                                                  owner: rng.pick(organisations), due: Day(ordinal: day.ordinal + 14 + rng.int(90)),
                                                  result: rng.chance(50) ? rng.pick(actionGoals) : nil,
                                                  cost: rng.chance(30) ? Money(cents: (rng.int(50) + 1) * 10_000) : nil,
                                                  inform: rng.chance(60) ? "Bewoners via de wijkkrant" : nil, meeting: meeting)), .secretaris)
        case 65..<80:
            let open = state.actions.items.suffix(60).filter { $0.value.status.isOpen }
            guard let a = open.first else { fallthrough }
            let next: ActionStatus = a.value.status == .open ? .bezig : (rng.chance(90) ? .gereed : .vervallen)
            return (.actionStatusChanged(ActionStatusChanged(ref: a.value.created.id, status: next,
                                                              reason: next == .vervallen ? "Niet meer nodig na overleg" : nil)), .secretaris)
        case 80..<90:
            let text = "Het kernteam besluit: \(rng.pick(actionGoals)) voor \(wijk), met terugkoppeling aan de bewoners."
            return (.decisionTaken(DecisionTaken(id: state.nextID(.decision), kern: kern.name, wijk: wijk, text: text, meeting: meeting)), .secretaris)
        case 90..<94:
            return (.initiativeRecorded(InitiativeRecorded(id: state.nextID(.initiative), kern: kern.name, wijk: wijk,
                                                            text: "Bewoners willen zelf " + rng.pick(["een buurtfeest", "een moestuin", "een opknapdag", "een speelmiddag"]) + " organiseren",
                                                            date: day, meeting: meeting)), .secretaris)
        case 94..<97:
            let owed = state.signals.items.suffix(60).filter { $0.value.source == .bewoner && state.feedback[$0.value.id] == nil }
            guard let s = owed.first else { fallthrough }
            return (.feedbackGiven(FeedbackGiven(ref: s.value.id, how: "Brief aan de melder", date: day)), .secretaris)
        default:
            return (.participationSet(ParticipationSet(id: state.nextID(.participation), kern: kern.name, wijk: wijk,
                                                        topic: "Aanpak " + rng.pick(problems).1.prefix(30), work: .leefbaarheidsplan,
                                                        phase: .planvorming, level: rng.pick([.consulteren, .participeren, .coproduceren]),
                                                        meeting: meeting)), .secretaris)
        }
    }
}

/// The draws the generator makes.
extension SplitMix64 {
    /// Always draws a number, also for n ≤ 1, so a seed keeps giving the same log it always gave.
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}
