/// The texts of the plan's steering structure: the kern/wijkenplan and its cycle, the bodies that decide,
/// priorities as the plan means them, recurrence across a kern, the wijkbudget for extras, the plan's
/// sources and members. Shown through `Text.plan`; kept in their own enum (with their own examples) so
/// the plan's words are together and read against the plan in one place.
public enum PlanText: Hashable, Sendable {
    // Bodies (beleidsplan 1.2 "Kernteams en stuurgroep", 2.1 "Organisatie van de pilot")
    case bodyLabel(DecisionBody)
    case bodyNotInMeeting(String)
    case decisionOfOtherBody(String, String, String)
    case dateInFuture(String)
    case minutesOtherBodies
    case bodyMark(DecisionBody)
    case listRolesEmpty

    // The plan and its cycle (1.2 "Kern/wijkplannen", 2.3 "Planning")
    case planPeriodBad(String)
    case planLengthNeedsReason(Int)
    case planOverlaps(String, String)
    case phaseNotNext(String, String, String)
    case adoptionNeedsStuurgroep
    case phaseDateBefore(String, String, String)
    case priorityOutsidePlan(String, String, String)
    case priorityBeforeAnalysis(String, String)
    case priorityBadPeriod(String, String)
    case noPlanNote(String)
    case involvementNote
    case priorityDeviation(String)
    case phaseLabel(PlanPhase)
    case historyPlanCreated(String, String)
    case historyPlanPhase(String, String, String?)
    case planLine(id: String, period: String, phase: String)
    case planAdopted(String, String)
    case planNotAdopted
    case reviewDue(String, overdue: Bool)
    case planEnds(String)
    case nextStep(String, needsStuurgroep: Bool)
    case reportPlanHeading
    case noPlan(String)
    case prioritiesOfPlan
    case involvementLine(String)
    case involvementMissing

    // Recurrence across a kern (1.2 "De kenmerken van het wijkgericht werken op een rij")
    case holdTooFew(most: Int, needed: Int, months: Int)
    case holdDecided
    case holdActivePriority(String)
    case holdOneWijk(String)
    case proposalRaised(Int)
    case helpProposalsAll

    // The plan in the app: its list, its place in the header
    case listPlans, emptyPlans
    case headerPlan(id: String, phase: String)
    case planPriorityLine(place: String, ids: String)

    // Smaller gaps (issue 17, item 7)
    case triageDateBefore(String, String), triageDateFuture(String), helpTriageDate

    // The wijkbudget for extras (1.2 "Burgerparticipatie"; 2.3 "Planning en financiering")
    case overspend(cost: String, remaining: String, place: String, year: Int)
    case noWijkbudget(place: String, year: Int)
    case overspendMark(String)
    case chargedMark
    case ceilingExceeded(year: Int, allocated: String, ceiling: String)
    case helpWijkbudget, helpActionReason, helpCorrectWijkbudget

    // Reference averages beside the Lemon scores (1.1 "Excellente leefgemeenschappen"; Data/averages.json)
    case averagesNote(haaglanden: String?, nederland: String?, year: Int?)
    case averagesHaaglanden, averagesNederland
    case averagesBad(path: String, why: String)
    case averagesNotJSON
    case averagesMissing(String, at: String)
    case averagesWrongKind(at: String)
    case averagesUnknownTheme(at: String, known: String)
    case averagesTwice(theme: String, year: Int)
    case averagesBadScore(String)
    case averagesLeftOut(String)

    // Ad-hoc members by name and organisation (1.2 "Kernteams": others join "op ad hoc basis")
    case adHocNeedsName(String)
    case guestNamePrompt(String)
    case helpAttendName

    // CLI help
    case helpBody, helpDecisionDate, helpListRoles
    case cliAddPlan, cliSetPlanPhase
    case helpPlanKern, helpPlanPeriod, helpPlanReason, helpPlanID, helpPlanPhase, helpPlanDecision, helpPlanDate
    case helpInvolvement, helpPriorityReason, helpPriorityPeriod

    public var nl: String {
        switch self {
        case .bodyLabel(let b):
            switch b {
            case .kernteam: "Kernteam"
            case .stuurgroep: "Stuurgroep"
            case .projectgroep: "Projectgroep"
            case .klankbordgroep: "Klankbordgroep"
            }
        case .bodyNotInMeeting(let b): "een besluit van \(PlanText.nlArticle(b)) wordt niet in een vergadering van het kernteam genomen: laat --meeting weg (de datum zegt wanneer)"
        case let .decisionOfOtherBody(id, body, wanted): "\(id) is een besluit van \(PlanText.nlArticle(body)); hier is een besluit van \(PlanText.nlArticle(wanted)) nodig"
        case .dateInFuture(let d): "\(d) ligt in de toekomst; een besluit wordt vastgelegd als het genomen is"
        case .minutesOtherBodies: "Besluiten van stuurgroep, projectgroep en klankbordgroep sinds de vorige vergadering"
        case .bodyMark(let b): b == .kernteam ? "" : "[\(PlanText.bodyLabel(b).nl.lowercased())] "
        case .listRolesEmpty: "Geen rollen in de referentiegegevens van dit log."
        case .planPeriodBad(let t): "'\(t)' is geen periode van jaren; schrijf bv. 2009-2012"
        case .planLengthNeedsReason(let n): "\"Voor elke kern komt er elke vier jaar een plan\" (beleidsplan 1.2); voor een plan van \(n) jaar is een reden nodig"
        case let .planOverlaps(id, period): "deze kern heeft al plan \(id) voor \(period); periodes van plannen van één kern overlappen niet"
        case let .phaseNotNext(current, wanted, next): "het plan staat in de fase \(current) en gaat alleen naar \(next), niet naar \(wanted) (cyclus uit beleidsplan 1.2: schouw, analyse, prioriteiten, aanpak, uitvoering, evaluatie, dan weer analyse)"
        case .adoptionNeedsStuurgroep: "de fase prioriteiten betekent dat de stuurgroep de kern/wijkenanalyse en de prioriteiten heeft vastgesteld (beleidsplan 2.3, planning juli 2009): noem dat besluit van de stuurgroep (B-n)"
        case let .phaseDateBefore(date, phase, previous): "\(date) ligt voor de vorige fase (\(phase), \(previous))"
        case let .priorityOutsidePlan(period, id, planPeriod): "\(period) ligt buiten de planperiode \(planPeriod) van \(id); de prioriteiten horen bij het kern/wijkenplan (beleidsplan 1.2)"
        case let .priorityBeforeAnalysis(id, phase): "\(id) staat nog in de fase \(phase): prioriteiten volgen op de kern/wijkenanalyse (beleidsplan 1.2). Zet het plan eerst op analyse (kernteam set plan-phase \(id) --phase analyse)"
        case let .priorityBadPeriod(t, planPeriod): "'\(t)' is geen periode van jaren binnen de planperiode \(planPeriod) (bv. \(planPeriod), of één jaar)"
        case .noPlanNote(let k): "let op: voor \(k) is geen kern/wijkenplan vastgelegd (kernteam add plan); deze prioriteit hoort bij geen plan"
        case .involvementNote: "let op: niet vastgelegd of en hoe bewoners betrokken waren; het plan zegt \"Ook bij het bepalen van prioriteiten worden de bewoners betrokken\" (beleidsplan 1.2)"
        case .priorityDeviation(let r): "bewuste afwijking van maximaal 5: \(r)"
        case .phaseLabel(let p):
            switch p {
            case .schouw: "schouw en Lemon"
            case .analyse: "kern/wijkenanalyse"
            case .prioriteiten: "prioriteiten"
            case .aanpak: "plan van aanpak"
            case .uitvoering: "uitvoering"
            case .evaluatie: "evaluatie en bijstelling"
            }
        case let .historyPlanCreated(id, period): "Kern/wijkenplan \(id) voor \(period) (fase schouw)"
        case let .historyPlanPhase(id, phase, decision): "\(id) naar fase \(phase)" + (decision.map { " (besluit \($0))" } ?? "")
        case let .planLine(id, period, phase): "Kern/wijkenplan \(id) \(period) · fase: \(phase)"
        case let .planAdopted(date, decision): "analyse en prioriteiten vastgesteld door de stuurgroep op \(date) (\(decision))"
        case .planNotAdopted: "analyse en prioriteiten nog niet vastgesteld door de stuurgroep"
        case let .reviewDue(date, overdue): (overdue ? "! " : "") + "beoordelen of het plan bijgesteld moet worden: uiterlijk \(date)" + (overdue ? " (te laat)" : "")
        case .planEnds(let date): "het plan loopt af op \(date); daarna een nieuw plan"
        case let .nextStep(phase, needsStuurgroep): "volgende fase: \(phase)" + (needsStuurgroep ? " (vast te stellen door de stuurgroep)" : "")
        case .reportPlanHeading: "Kern/wijkenplan"
        case .noPlan(let k): "Geen kern/wijkenplan vastgelegd voor \(k)."
        case .prioritiesOfPlan: "Prioriteiten per wijk"
        case .involvementLine(let t): "bewoners: \(t)"
        case .involvementMissing: "bewoners: niet vastgelegd"
        case let .holdTooFew(most, needed, months): "geen voorstel: \(most) van de \(needed) signalen binnen \(months) maanden"
        case .holdDecided: "geen voorstel: deze signalen zijn al eerder als voorstel aangenomen of afgewezen"
        case .holdActivePriority(let id): "geen voorstel: het thema is al een actieve prioriteit (\(id))"
        case .holdOneWijk(let w): "geen voorstel voor de hele kern: de signalen komen alle uit \(w) (zie het voorstel voor die wijk)"
        case .proposalRaised(let n): "voorstel wijkaanpak (\(n) signalen)"
        case .helpProposalsAll: "Bij list proposals: ook plaatsen en thema's zonder voorstel, met de reden (te weinig signalen, al besloten, al een prioriteit, alles uit één wijk)."
        case .cliAddPlan: "Een kern/wijkenplan voor een kern en een periode van vier jaar (id PL-n); het begint in de fase schouw."
        case .cliSetPlanPhase: "Zet een kern/wijkenplan een fase verder (schouw, analyse, prioriteiten, aanpak, uitvoering, evaluatie); prioriteiten alleen met het besluit van de stuurgroep."
        case .helpPlanKern: "De kern van het plan."
        case .helpPlanPeriod: "Planperiode in jaren, bv. 2009-2012 (vier jaar; anders met --reason)."
        case .helpPlanReason: "Waarom de periode geen vier jaar is."
        case .helpPlanID: "Het plan, bv. PL-1."
        case .helpPlanPhase: "De volgende fase: \(PlanPhase.wordList)."
        case .helpPlanDecision: "Het besluit bij deze stap, bv. B-10; voor prioriteiten een besluit van de stuurgroep."
        case .helpPlanDate: "Datum van de stap, JJJJ-MM-DD (standaard vandaag)."
        case .helpInvolvement: "Of en hoe bewoners betrokken waren bij deze prioriteit, bv. 'bewonersavond 25 juni'."
        case .helpPriorityReason: "Reden voor een zesde actieve prioriteit in een wijk (bewuste afwijking van maximaal 5)."
        case .helpPriorityPeriod: "Jaren binnen de planperiode, bv. 2009-2010 (standaard de planperiode); zonder plan vrije tekst."
        case .helpBody: "Wie besloot: \(DecisionBody.wordList) (standaard kernteam). Een besluit van een ander orgaan hoort niet bij een vergadering van het kernteam."
        case .helpDecisionDate: "Datum van het besluit, JJJJ-MM-DD (standaard vandaag; een besluit van het kernteam heeft de datum van zijn vergadering)."
        case .helpListRoles: "De rollen uit het plan (projectleider, wijkmanager …) en bij welk orgaan ze horen."
        case .listPlans: "Kern/wijkenplannen"
        case .emptyPlans: "Geen kern/wijkenplan. n: nieuw"
        case let .headerPlan(id, phase): "\(id): \(phase)"
        case let .planPriorityLine(place, ids): "\(place): \(ids)"
        case let .triageDateBefore(d, recorded): "\(d) ligt voor \(recorded), de dag waarop het binnenkwam"
        case .triageDateFuture(let d): "\(d) ligt in de toekomst; leg de beoordeling vast als ze gedaan is"
        case .helpTriageDate: "Datum van de beoordeling, JJJJ-MM-DD (standaard vandaag); de doorlooptijd telt tot die dag."
        case let .overspend(cost, remaining, place, year): "\(cost) ten laste van het wijkbudget van \(place) \(year) is meer dan er over is (\(remaining)); met een reden (--reason, of het veld Reden) wordt het een bewuste overschrijding"
        case let .noWijkbudget(place, year): "er is geen wijkbudget voor \(place) in \(year) (toekennen: kernteam add budget); met een reden (--reason, of het veld Reden) wordt het toch geboekt, als bewuste overschrijding"
        case .overspendMark(let r): "bewuste overschrijding van het wijkbudget: \(r)"
        case .chargedMark: "ten laste van het wijkbudget"
        case let .ceilingExceeded(year, allocated, ceiling): "voor \(year) is al \(allocated) toegekend; met dit budget erbij komt het boven \(ceiling) per jaar (\"Vanaf 2009 stelt de gemeente 200.000 euro op jaarbasis beschikbaar\", beleidsplan 2.3; het plafond staat in Data/settings.json)"
        case .helpWijkbudget: "Boek de kosten ten laste van het wijkbudget (alleen voor extra's die de reguliere budgetten niet dekken); zonder deze optie worden de kosten alleen vastgelegd."
        case .helpActionReason: "Reden om het wijkbudget bewust te overschrijden (of te boeken waar geen wijkbudget is)."
        case .helpCorrectWijkbudget: "ja: kosten ten laste van het wijkbudget; nee: niet."
        case let .averagesNote(h, n, year):
            [h.map { "Haaglanden \($0)" }, n.map { "Nederland \($0)" }].compactMap { $0 }.joined(separator: " · ") + (year.map { " (\($0))" } ?? "")
        case .averagesHaaglanden: "Haaglanden"
        case .averagesNederland: "Nederland"
        case let .averagesBad(path, why): "De gemiddelden in \(path) zijn niet te gebruiken: \(why). Verbeter het bestand (zie de gebruikershandleiding, \"Gemiddelden van Haaglanden en Nederland\")."
        case .averagesNotJSON: "het is geen JSON van de vorm {\"averages\": [ … ]}"
        case let .averagesMissing(key, at): "bij \(at.isEmpty ? "het begin" : at) ontbreekt \"\(key)\""
        case .averagesWrongKind(let at): "bij \(at) staat de verkeerde soort waarde (een jaar is een getal, een score tekst als \"7,1\")"
        case let .averagesUnknownTheme(at, known): "bij \(at) staat geen thema; kies uit \(known)"
        case let .averagesTwice(theme, year): "\(theme) in \(year) staat er twee keer in"
        case .averagesBadScore(let t): "'\(t)' is geen score (van 1 tot 10, als \"7,1\")"
        case .averagesLeftOut(let problem): "\(problem) Tot dan staan er geen gemiddelden naast de Lemon-scores."
        case .adHocNeedsName(let org): "'\(org)' staat niet bij de organisaties; wie op ad-hocbasis aanschuift, legt u vast met naam en organisatie (--name, of de naam in het aanwezigheidsformulier)"
        case .guestNamePrompt(let org): "Naam bij \(org) (leeg: alleen de organisatie):"
        case .helpAttendName: "Naam van wie op ad-hocbasis aanschuift (een professional, nooit een bewoner); de organisatie mag dan ook buiten de lijst vallen."
        }
    }

    /// "het kernteam", "de stuurgroep".
    static func nlArticle(_ body: String) -> String { (body == DecisionBody.kernteam.rawValue ? "het " : "de ") + body }

    public var en: String {
        switch self {
        case .bodyLabel(let b):
            switch b {
            case .kernteam: "Kernteam"
            case .stuurgroep: "Steering group (stuurgroep)"
            case .projectgroep: "Project group (projectgroep)"
            case .klankbordgroep: "Sounding board (klankbordgroep)"
            }
        case .bodyNotInMeeting(let b): "a decision of the \(b) is not taken in a kernteam meeting: leave out --meeting (the date says when)"
        case let .decisionOfOtherBody(id, body, wanted): "\(id) is a decision of the \(body); a decision of the \(wanted) is needed here"
        case .dateInFuture(let d): "\(d) lies in the future; a decision is recorded once it has been taken"
        case .minutesOtherBodies: "Decisions of the steering group, project group and sounding board since the previous meeting"
        case .bodyMark(let b): b == .kernteam ? "" : "[\(["stuurgroep": "steering group", "projectgroep": "project group", "klankbordgroep": "sounding board"][b.rawValue] ?? b.rawValue)] "
        case .listRolesEmpty: "No roles in this log's reference data."
        case .planPeriodBad(let t): "'\(t)' is not a period of years; write e.g. 2009-2012"
        case .planLengthNeedsReason(let n): "\"every four years a plan for each kern\" (policy plan 1.2); a plan of \(n) years needs a reason"
        case let .planOverlaps(id, period): "this village (kern) already has plan \(id) for \(period); the periods of one kern's plans do not overlap"
        case let .phaseNotNext(current, wanted, next): "the plan is in the phase \(current) and only moves on to \(next), not to \(wanted) (cycle of policy plan 1.2: schouw, analyse, prioriteiten, aanpak, uitvoering, evaluatie, then analyse again)"
        case .adoptionNeedsStuurgroep: "the phase prioriteiten means the steering group (stuurgroep) adopted the analysis and the priorities (policy plan 2.3, planning July 2009): name that steering group decision (B-n)"
        case let .phaseDateBefore(date, phase, previous): "\(date) lies before the previous phase (\(phase), \(previous))"
        case let .priorityOutsidePlan(period, id, planPeriod): "\(period) lies outside the plan period \(planPeriod) of \(id); priorities belong to the kern/wijkenplan (policy plan 1.2)"
        case let .priorityBeforeAnalysis(id, phase): "\(id) is still in the phase \(phase): priorities follow the analysis (kern/wijkenanalyse) (policy plan 1.2). Move the plan to analyse first (kernteam set plan-phase \(id) --phase analyse)"
        case let .priorityBadPeriod(t, planPeriod): "'\(t)' is not a period of years within the plan period \(planPeriod) (e.g. \(planPeriod), or one year)"
        case .noPlanNote(let k): "note: no kern/wijkenplan is recorded for \(k) (kernteam add plan); this priority belongs to no plan"
        case .involvementNote: "note: not recorded whether and how residents were involved; the plan says \"residents are also involved in setting priorities\" (policy plan 1.2)"
        case .priorityDeviation(let r): "deliberate deviation from at most 5: \(r)"
        case .phaseLabel(let p):
            switch p {
            case .schouw: "inspection (schouw) and Lemon"
            case .analyse: "analysis (kern/wijkenanalyse)"
            case .prioriteiten: "priorities"
            case .aanpak: "plan of approach (plan van aanpak)"
            case .uitvoering: "execution"
            case .evaluatie: "evaluation and adjustment"
            }
        case let .historyPlanCreated(id, period): "Kern/wijkenplan \(id) for \(period) (phase schouw)"
        case let .historyPlanPhase(id, phase, decision): "\(id) to phase \(phase)" + (decision.map { " (decision \($0))" } ?? "")
        case let .planLine(id, period, phase): "Kern/wijkenplan \(id) \(period) · phase: \(phase)"
        case let .planAdopted(date, decision): "analysis and priorities adopted by the steering group (stuurgroep) on \(date) (\(decision))"
        case .planNotAdopted: "analysis and priorities not yet adopted by the steering group (stuurgroep)"
        case let .reviewDue(date, overdue): (overdue ? "! " : "") + "judge whether the plan needs adjusting: by \(date)" + (overdue ? " (late)" : "")
        case .planEnds(let date): "the plan runs out on \(date); a new plan follows"
        case let .nextStep(phase, needsStuurgroep): "next phase: \(phase)" + (needsStuurgroep ? " (to be adopted by the steering group)" : "")
        case .reportPlanHeading: "Kern/wijkenplan (village plan)"
        case .noPlan(let k): "No kern/wijkenplan recorded for \(k)."
        case .prioritiesOfPlan: "Priorities per district (wijk)"
        case .involvementLine(let t): "residents: \(t)"
        case .involvementMissing: "residents: not recorded"
        case let .holdTooFew(most, needed, months): "no proposal: \(most) of the \(needed) signals within \(months) months"
        case .holdDecided: "no proposal: these signals were already accepted or dismissed as a proposal"
        case .holdActivePriority(let id): "no proposal: the theme already is an active priority (\(id))"
        case .holdOneWijk(let w): "no proposal for the whole village (kern): all signals come from \(w) (see that district's proposal)"
        case .proposalRaised(let n): "proposal for a district approach (wijkaanpak) (\(n) signals)"
        case .helpProposalsAll: "With list proposals: also places and themes without a proposal, with the reason (too few signals, already decided, already a priority, all from one district)."
        case .cliAddPlan: "A kern/wijkenplan (village plan) for a kern and a period of four years (id PL-n); it starts in the phase schouw."
        case .cliSetPlanPhase: "Moves a kern/wijkenplan one phase on (schouw, analyse, prioriteiten, aanpak, uitvoering, evaluatie); prioriteiten only with the steering group's decision."
        case .helpPlanKern: "The village (kern) of the plan."
        case .helpPlanPeriod: "Plan period in years, e.g. 2009-2012 (four years; otherwise with --reason)."
        case .helpPlanReason: "Why the period is not four years."
        case .helpPlanID: "The plan, e.g. PL-1."
        case .helpPlanPhase: "The next phase: \(PlanPhase.wordList)."
        case .helpPlanDecision: "The decision for this step, e.g. B-10; for prioriteiten a decision of the steering group (stuurgroep)."
        case .helpPlanDate: "Date of the step, YYYY-MM-DD (default today)."
        case .helpInvolvement: "Whether and how residents were involved in this priority, e.g. 'residents' evening 25 June'."
        case .helpPriorityReason: "Reason for a sixth active priority in a district (wijk) (deliberate deviation from at most 5)."
        case .helpPriorityPeriod: "Years within the plan period, e.g. 2009-2010 (default the plan period); without a plan free text."
        case .helpBody: "Who decided: \(DecisionBody.wordList) (default kernteam). A decision of another body is not part of a kernteam meeting."
        case .helpDecisionDate: "Date of the decision, YYYY-MM-DD (default today; a kernteam decision has the date of its meeting)."
        case .helpListRoles: "The roles from the plan (project leader, wijkmanager …) and the body they belong to."
        case .listPlans: "Kern/wijkenplans"
        case .emptyPlans: "No kern/wijkenplan. n: new"
        case let .headerPlan(id, phase): "\(id): \(phase)"
        case let .planPriorityLine(place, ids): "\(place): \(ids)"
        case let .triageDateBefore(d, recorded): "\(d) lies before \(recorded), the day it came in"
        case .triageDateFuture(let d): "\(d) lies in the future; record the judgement once it is made"
        case .helpTriageDate: "Date of the judgement, YYYY-MM-DD (default today); the turnaround counts to that day."
        case let .overspend(cost, remaining, place, year): "\(cost) charged to the district budget (wijkbudget) of \(place) \(year) is more than remains (\(remaining)); with a reason (--reason, or the field Reason) it becomes a deliberate overspend"
        case let .noWijkbudget(place, year): "there is no district budget (wijkbudget) for \(place) in \(year) (allocate one: kernteam add budget); with a reason (--reason, or the field Reason) it is charged anyway, as a deliberate overspend"
        case .overspendMark(let r): "deliberate overspend of the district budget: \(r)"
        case .chargedMark: "charged to the district budget (wijkbudget)"
        case let .ceilingExceeded(year, allocated, ceiling): "\(allocated) is already allocated for \(year); with this budget it exceeds \(ceiling) a year (\"from 2009 the municipality makes 200,000 euro a year available\", policy plan 2.3; the ceiling is in Data/settings.json)"
        case .helpWijkbudget: "Charge the cost to the district budget (wijkbudget; only for extras the regular budgets do not cover); without it the cost is only recorded."
        case .helpActionReason: "Reason to overspend the district budget deliberately (or to charge where there is none)."
        case .helpCorrectWijkbudget: "ja: cost charged to the district budget; nee: not."
        case let .averagesNote(h, n, year):
            [h.map { "Haaglanden \($0)" }, n.map { "Netherlands \($0)" }].compactMap { $0 }.joined(separator: " · ") + (year.map { " (\($0))" } ?? "")
        case .averagesHaaglanden: "Haaglanden"
        case .averagesNederland: "Netherlands"
        case let .averagesBad(path, why): "The averages in \(path) cannot be used: \(why). Fix the file (see the user guide, \"Gemiddelden van Haaglanden en Nederland\")."
        case .averagesNotJSON: "it is not JSON of the form {\"averages\": [ … ]}"
        case let .averagesMissing(key, at): "\"\(key)\" is missing at \(at.isEmpty ? "the start" : at)"
        case .averagesWrongKind(let at): "\(at) holds the wrong kind of value (a year is a number, a score text like \"7,1\")"
        case let .averagesUnknownTheme(at, known): "\(at) holds no theme; choose from \(known)"
        case let .averagesTwice(theme, year): "\(theme) in \(year) is given twice"
        case .averagesBadScore(let t): "'\(t)' is not a score (1 to 10, like \"7,1\")"
        case .averagesLeftOut(let problem): "\(problem) Until then no averages are shown beside the Lemon scores."
        case .adHocNeedsName(let org): "'\(org)' is not one of the organisations; someone joining ad hoc is recorded with name and organisation (--name, or the name in the attendance form)"
        case .guestNamePrompt(let org): "Name at \(org) (empty: the organisation only):"
        case .helpAttendName: "Name of someone joining ad hoc (a professional, never a resident); the organisation may then be outside the list."
        }
    }

    /// One example of every case (both languages are checked on these; `PlanTextTests` sees that each
    /// case has one, through `exampleSlot`).
    public static var examples: [PlanText] {
        DecisionBody.allCases.map { .bodyLabel($0) } + DecisionBody.allCases.filter { $0 != .kernteam }.map { .bodyMark($0) } + [
            .bodyNotInMeeting("stuurgroep"),
            .decisionOfOtherBody("B-3", "kernteam", "stuurgroep"),
            .dateInFuture("2009-07-14"),
            .minutesOtherBodies,
            .listRolesEmpty,
            .helpBody, .helpDecisionDate, .helpListRoles,
            .planPeriodBad("ooit"), .planLengthNeedsReason(5), .planOverlaps("PL-1", "2009-2012"),
            .phaseNotNext("schouw", "prioriteiten", "analyse"), .adoptionNeedsStuurgroep,
            .phaseDateBefore("2009-03-01", "analyse", "2009-04-01"), .priorityOutsidePlan("2013", "PL-1", "2009-2012"),
            .priorityBeforeAnalysis("PL-1", "schouw"), .priorityBadPeriod("ooit", "2009-2012"), .noPlanNote("Delfgauw"),
            .involvementNote, .priorityDeviation("groot onderhoud komt erbij"),
            .historyPlanCreated("PL-1", "2009-2012"), .historyPlanPhase("PL-1", "analyse", "B-3"), .historyPlanPhase("PL-1", "analyse", nil),
            .planLine(id: "PL-1", period: "2009-2012", phase: "analyse"), .planAdopted("14-07-2009", "B-10"), .planNotAdopted,
            .reviewDue("14-07-2011", overdue: false), .reviewDue("14-07-2011", overdue: true), .planEnds("31-12-2012"),
            .nextStep("prioriteiten", needsStuurgroep: true), .nextStep("aanpak", needsStuurgroep: false),
            .reportPlanHeading, .noPlan("Delfgauw"), .prioritiesOfPlan, .involvementLine("bewonersavond"), .involvementMissing,
            .holdTooFew(most: 2, needed: 3, months: 6), .holdDecided, .holdActivePriority("P-1"), .holdOneWijk("Emerald"),
            .proposalRaised(4), .helpProposalsAll,
            .cliAddPlan, .cliSetPlanPhase, .helpPlanKern, .helpPlanPeriod, .helpPlanReason, .helpPlanID, .helpPlanPhase,
            .helpPlanDecision, .helpPlanDate, .helpInvolvement, .helpPriorityReason, .helpPriorityPeriod,
            .listPlans, .emptyPlans, .headerPlan(id: "PL-1", phase: "prioriteiten"), .planPriorityLine(place: "Emerald", ids: "P-1, P-2"),
            .triageDateBefore("2009-03-01", "2009-03-05"), .triageDateFuture("2031-01-01"), .helpTriageDate,
            .overspend(cost: "€ 800,00", remaining: "€ 500,00", place: "Emerald", year: 2009), .noWijkbudget(place: "Emerald", year: 2009),
            .overspendMark("extra speeltoestel na overleg met de wethouder"), .chargedMark,
            .ceilingExceeded(year: 2009, allocated: "€ 190.000,00", ceiling: "€ 200.000,00"),
            .helpWijkbudget, .helpActionReason, .helpCorrectWijkbudget,
            .averagesNote(haaglanden: "6,80", nederland: "7,00", year: nil), .averagesNote(haaglanden: nil, nederland: "7,00", year: 2006),
            .averagesHaaglanden, .averagesNederland, .averagesBad(path: "Data/averages.json", why: "het is geen JSON"),
            .averagesNotJSON, .averagesMissing("year", at: "averages [2]"), .averagesWrongKind(at: "averages [1] haaglanden"),
            .averagesUnknownTheme(at: "averages [1] theme", known: "wonen, spelen"), .averagesTwice(theme: "spelen", year: 2008),
            .averagesBadScore("zeven"), .averagesLeftOut("De gemiddelden in Data/averages.json zijn niet te gebruiken."),
            .adHocNeedsName("School De Kameleon"), .guestNamePrompt("Politie"), .helpAttendName,
        ] + PlanPhase.allCases.map { .phaseLabel($0) }
    }

    public static let exampleSlotCount = 83

    /// A number per case: adding a case stops this compiling until it has one.
    public var exampleSlot: Int {
        switch self {
        case .bodyLabel: 0
        case .bodyNotInMeeting: 1
        case .decisionOfOtherBody: 2
        case .dateInFuture: 3
        case .minutesOtherBodies: 4
        case .bodyMark: 5
        case .listRolesEmpty: 6
        case .helpBody: 7
        case .helpDecisionDate: 8
        case .helpListRoles: 9
        case .planPeriodBad: 10
        case .planLengthNeedsReason: 11
        case .planOverlaps: 12
        case .phaseNotNext: 13
        case .adoptionNeedsStuurgroep: 14
        case .phaseDateBefore: 15
        case .priorityOutsidePlan: 16
        case .priorityBeforeAnalysis: 17
        case .priorityBadPeriod: 18
        case .noPlanNote: 19
        case .involvementNote: 20
        case .priorityDeviation: 21
        case .phaseLabel: 22
        case .historyPlanCreated: 23
        case .historyPlanPhase: 24
        case .planLine: 25
        case .planAdopted: 26
        case .planNotAdopted: 27
        case .reviewDue: 28
        case .planEnds: 29
        case .nextStep: 30
        case .reportPlanHeading: 31
        case .noPlan: 32
        case .prioritiesOfPlan: 33
        case .involvementLine: 34
        case .involvementMissing: 35
        case .cliAddPlan: 36
        case .cliSetPlanPhase: 37
        case .helpPlanKern: 38
        case .helpPlanPeriod: 39
        case .helpPlanReason: 40
        case .helpPlanID: 41
        case .helpPlanPhase: 42
        case .helpPlanDecision: 43
        case .helpPlanDate: 44
        case .helpInvolvement: 45
        case .helpPriorityReason: 46
        case .helpPriorityPeriod: 47
        case .holdTooFew: 48
        case .holdDecided: 49
        case .holdActivePriority: 50
        case .holdOneWijk: 51
        case .proposalRaised: 52
        case .helpProposalsAll: 53
        case .listPlans: 54
        case .emptyPlans: 55
        case .headerPlan: 56
        case .planPriorityLine: 57
        case .triageDateBefore: 58
        case .triageDateFuture: 59
        case .helpTriageDate: 60
        case .overspend: 61
        case .noWijkbudget: 62
        case .overspendMark: 63
        case .chargedMark: 64
        case .ceilingExceeded: 65
        case .helpWijkbudget: 66
        case .helpActionReason: 67
        case .helpCorrectWijkbudget: 68
        case .averagesNote: 69
        case .averagesHaaglanden: 70
        case .averagesNederland: 71
        case .averagesBad: 72
        case .averagesNotJSON: 73
        case .averagesMissing: 74
        case .averagesWrongKind: 75
        case .averagesUnknownTheme: 76
        case .averagesTwice: 77
        case .averagesBadScore: 78
        case .averagesLeftOut: 79
        case .adHocNeedsName: 80
        case .guestNamePrompt: 81
        case .helpAttendName: 82
        }
    }
}
