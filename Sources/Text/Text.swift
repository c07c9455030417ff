/// Every text a user sees, in one place. The UI speaks Dutch (`nl`); a second language adds a
/// second exhaustive switch, so the compiler refuses a text that exists in one language only.
public enum Text: Hashable, Sendable {
    // Panes and screen furniture
    case appTitle
    case paneAgenda, paneSignals, paneActions, paneParticipation
    case headerKern(String), headerMeeting(String), headerNoMeeting, headerFilter(String)
    case savedState(String), notSavedYet, readOnly, notSaved
    case emptyAgenda, emptySignals, emptyActions, emptyParticipation
    case emptyInitiatives, emptyProposals, emptyFeedbackOwed, emptyBudgets, emptyPriorities
    case listInitiatives, listProposals, listFeedbackOwed, listBudgets, listPriorities
    case keyView, keyTriage, keyFeedback, keyClosePriority, keyWijkKind, keyLadder
    case shortView, shortTriage, shortFeedback, shortClosePriority, shortLadder
    case routeLabel(SignalRoute?), outcomeLabel(InitiativeOutcome?), ageDays(Int), signalsCount(Int)
    case budgetLine(spent: String, remaining: String), overBudget, priorityClosedMark
    case ladderAllowed(String), ladderNoRange, ladderOverride(String), ladderRepresentatives(String), ladderFeedback(String)
    case noAddHere, triageHere, feedbackHere, closeHere, ladderHere
    case detailRoute, detailFeedback, detailOutcome, detailTurnaround, detailAllowed, detailSpent
    case terminalTooSmall(minCols: Int, minRows: Int, cols: Int, rows: Int)
    case terminalTooSmallHint
    case helpTitle, helpClose
    case detailTitle(String), detailClose
    case filterTitle, filterAll
    case formTitle(DraftKind), formHint, formChoiceHint, formSaveFailed(String)
    case confirmDiscardForm, confirmQuit
    case overdueMark, personErasedMark
    case withdrawnMark
    case minutesShort(Int)
    case agendaTotal(planned: Int)

    // Key help
    case keyNextPane, keyPrevPane, keyPaneNumber, keyMove, keyPage, keyHomeEnd, keyOpen, keyAdd
    case keyDecision, keyMeeting, keyFilter, keyStatus, keyHelp, keyQuit, keyMouse
    case keyFormNext, keyFormPrev, keyFormSave, keyFormCancel, keyFormEdit, keyFormChoice
    case shortPane, shortSelect, shortDetails, shortNew, shortDecision, shortMeeting, shortStatus
    case shortFilter, shortHelp, shortQuit, shortSave, shortNextField, shortCancel, shortClose, shortChoose
    case chooseHint, ladderTitle(String), ladderChosen, helpFormSection, helpMainSection

    // Fields
    case fieldLabel(DraftField)
    case choiceNone

    // Validation
    case required, tooLong(Int)
    case unknownWijk(String, known: [String]), unknownKern(String, known: [String])
    case unknownOrganisation(String, known: [String]), unknownChoice(String, options: [String])
    case badDate(String), badAmount(String), badMinutes(String)
    case unknownRecord(String), noMeeting, reasonRequiredToDrop, statusUnchanged(String)
    case reasonRequiredOutOfScope, reasonRequiredNotExecutable, noProposal(String, String)
    case priorityCap(String, [String]), priorityInBeheerWijk(String), alreadyClosed(String)
    case wijkNotKern(String), decisionOtherKern(String), badYear(String), budgetExists(String, Int)
    case levelOutsideRange(level: String, work: String, phase: String, range: String?, zelfbeheerRule: Bool)

    // Results and errors
    case saved(String), savedStatus(String, String), savedEntry(Int)
    case budgetDecisionText(amount: String, place: String, year: String)
    case meetingClosed(String), meetingAlreadyOpen(String), meetingNotOpen(String), meetingNotClosed(String)
    case noNextItem, noPreviousItem, badCount(String), cannotMove, removedFromAgenda, badScore(String)
    case meetingOtherKern(String, String)
    case minutesHeading(String, String, String), minutesResidents(Int), minutesAttendance, minutesNone, minutesAgenda
    case minutesDecisions, minutesActions, minutesOwner(String), minutesDue(String), minutesInform(String), minutesFeedback
    case meetingPrepared(String, Int)
    case chainCreated(String), chainCorrected(String, String), chainWithdrawn(String), chainStatus(String, String), chainFeedback(String, String)
    case historyTitle(String), historyAll, historyEmpty, historyNoMeeting, historyMeeting(String, String), historyHint, chainTitle(String)
    case busySaving, busyPreparingMeeting, busyClosingMeeting, busyExporting, openingLog(percent: Int?)
    case historyFilterTitle, exportFormTitle, historyCount(Int), keyHistory, shortHistory, kindAll
    case exportWritten(String), exportFormatMismatch(String, String), exportNoMeeting, shortExport
    case minutesTitle, minutesCloseHint, meetingClosedCheckpoint(String), projectorReadOnly, projectorOn, projectorOff
    case hiddenPerson, revealHint, nowTitle, nowNone
    case phaseLabel(String), itemNumber(Int, Int), overPlanned(Int, Int), plannedOf(Int, Int)
    case keyOpenMeeting, keyNextItem, keyPrevItem, keyEndItem, keyMoveItem, keyRemoveItem, keyTimebox
    case keyAttendance, keyResidents, keyMinutes, keyProjector, keyReveal
    case shortOpen, shortNext, shortMinutes, shortProjector, shortReveal
    case agendaLatePrefix, agendaActionPrefix, agendaSignalPrefix, agendaProposal(String, String, String)
    case agendaInitiativeTriage, agendaInitiativeFeedback, agendaBudgetOver(String, Int, String)
    case logDamaged(line: Int, reason: String)
    case logIOError(String)
    case logLocked
    case tornTailMoved(String)
    case verifyOK(entries: Int, head: String), verifyFailed(count: Int)
    case checkpointMismatch(seq: Int, line: Int), checkpointMissing(seq: Int, head: Int), checkpointOK(String), badCheckpoint(String)
    case checkpointPrinted(String)
    case demoCopy(String)
    case cliNeedsTTY
    case warnNetworkFS(String), warnSyncFolder(String), warnConflictCopy(String)

    // Detail field names
    case detailID, detailStatus, detailCreated, detailMeeting, detailChanges, detailWithdrawn, detailKind

    // Exports
    case exportMinutesTitle(String, String, String), exportResidents(Int?), exportCheckpoint(String), exportGenerated(String)
    case exportPersonalNote, exportNotDiscussed, exportNumberColumn, exportMinutesColumn
    case exportFeedbackGiven(date: String, how: String), exportFeedbackPending, exportServedBy(String, String)
    case exportPerson(String, String), exportCSVHeader, exportYes, exportNo
    case exportReportTitle, exportPeriod(String, String), exportKernLine(String?), exportCombined([String]), exportStateAsOf(String)
    case exportWholeKern, exportWijkKind(WijkKind?), exportActivePriorities, exportDecisionsInPeriod, exportActionsHeading
    case exportActionCounts(done: Int, open: Int, overdue: Int, dropped: Int), exportOverdueActions
    case exportInitiativesHeading, exportInitiativeCount(String, Int, median: String?), exportParticipationUsed
    case exportBudgetHeading, exportBudgetLine(year: Int, allocated: String, spent: String, remaining: String)
    case exportFeedbackOwedHeading, exportWaitingSince(String, Int), exportIndicators, exportInitiativeIndicator(inPeriod: Int, total: Int)
    case exportLemonHeading, exportTrendColumn, exportTrend(Int?), exportNoDataFor([String])
    case exportNewsletterTitle(String, String), exportNewsletterIntro(String), exportProgress, exportDoneReported
    case exportDiscussed, exportStarted, exportContacts
    case exportCalendarName(String), exportMeetingSummary(String, String), exportDeadlineSummary(String, String)
    case exportFileExists(String), exportWriteFailed(String, String), exportLogMissing(String), exportBadPeriod(String, String)
    case exportStandOn(String), exportInProgress
    case exportNoFolder, exportNoPermission, exportDiskFull, exportReadOnlyDisk, exportIsFolder, exportSystemError(Int32)

    // Command line: help (see CLITexts.swift) and the messages of the commands
    case cliAbstract(CLICommand), cliHelp(CLIHelp), cliBadLanguage(String)
    /// Opening only logs, damage, safe documents, erasure (see SafetyTexts.swift).
    case safety(SafetyText)
    case cliUnknownRole(String), cliGenerateNeedsOut, cliGenerateNeedsCount, cliFileExistsChooseNew(String)
    case cliNoDataFolder, cliCannotRead(String), cliBadReference(path: String, why: String), cliBadSettings(path: String, why: String)
    case cliNoPersonalData(String), cliErased(count: Int, name: String)
    case cliAgendaTotal(planned: Int, length: Int?, over: Bool), cliAgendaNow, cliGenerating, cliVerifying, cliReading
    case logReplacedUnderneath, ioQuotaFull, ioDiskError, ioNoSuchFile
    // The log in PostgreSQL, and copying a log
    case dbUnreachable(String), dbRefused(String), dbReadOnlyRole, dbSchemaVersion(found: Int, supported: Int), dbNoSchema, dbCommitUnknown(String), dbReconnected, dbInitDone(String, Int), dbInitNeedsURI(String)
    case copyDone(entries: Int, checkpoint: String), copyTargetNotEmpty(String), copyMismatch(String, String), copyPersonalKept(String), copySourceMissing(String)
    case priorityActiveMark, chainItemStarted

    // Dashboard
    case keyDashboard, shortDashboard, shortPlace
    case dashboardTitle(String), dashboardWholeKern(String), dashboardHint, dashboardNoData
    case dashboardSignals(Int), dashboardActions, dashboardInitiatives, dashboardBudget(Int), dashboardLemon
    case dashboardNoLemon, dashboardNoBudget(Int), dashboardQuarter(Int, Int), dashboardTotal(Int)
    case dashboardMedian(String), dashboardRemaining(String), dashboardAllocated, dashboardSpent, dashboardCount
    case dashboardStatusOpen, dashboardStatusLate, dashboardStatusDone, dashboardStatusDropped
    case dashboardThemeColumn, dashboardPlaceColumn, dashboardOutcomeColumn, dashboardNoteColumn
    case dashboardChartsHeading, dashboardChartLabel(String), dashboardScoreScale

    // Documents on paper, charts, the command line in one language, a first run
    case exportReportShort
    case exportPage
    case exportPageOf
    case dashboardMonth(Int, Int)
    case dashboardSignalsOver(ChartBucket, String, String)
    case dashboardBudgetYears(Int, Int)
    case cliParser(CLIParserText)
    case cliVersionLine(String)
    case listOverrideMark
    case firstRunNoLog(String)
    case logReadError(String)

    static func nlBucket(_ b: ChartBucket) -> String {
        switch b {
        case .month: "maand"
        case .quarter: "kwartaal"
        case .year: "jaar"
        case .years(let n): "\(n) jaar"
        }
    }

    /// `'09`: the last two digits of a year.
    static func twoDigits(_ year: Int) -> String { (year % 100 < 10 ? "0" : "") + String(year % 100) }

    // Correcting, withdrawing, sealed minutes, looking back
    case alreadyWithdrawn(String)
    case personalNotCorrectable
    case fieldNotCorrectable([String])
    case nothingChanged
    case reasonRequiredToWithdraw
    case meetingHeldNotWithdrawable(String)
    case meetingSealed(String, String)
    case notCorrectableEntry(String)
    case decisionOtherWijk(String, String, String)
    case reopenDecisionInside(String, String)
    case lemonExists(String, String, Int, String)
    case savedCorrection(String, [String])
    case savedWithdrawal(String)
    case undoneReason
    case chainKindChanged(from: String, to: String, decision: String)
    case chainAttendance(String, String)
    case chainResidents(Int)
    case chainEntryCorrected(String, String, String)
    case chainEntryWithdrawn(String, String)
    case historyKindChange(String, String)
    case minutesWithdrawn
    case minutesWithdrawnLine(String, String, String)
    case minutesReopened(String, String, String)
    case minutesChangedAfterClose
    case minutesEarlierCheckpoint(String)
    case standPer(String)
    case cliBadToday(String)
    case cliBadTarget(String)

    // Correcting, withdrawing and undoing from the keys; looking back on screen
    case keyCorrect
    case keyWithdraw
    case keyUndo
    case keyLookBack
    case shortCorrect
    case shortWithdraw
    case shortUndo
    case shortLookBack
    case formCorrectTitle(String)
    case formWithdrawTitle(String)
    case formLookBackTitle
    case lookBackHint
    case confirmWithdraw(String)
    case confirmUndo(String)
    case confirmCloseMeeting(String)
    case confirmYesNo
    case nothingToUndo
    case undone(String)
    case selectToCorrect
    case busyLookingBack

    // Answers to a confirmation
    case shortYes
    case shortNo

    // The chain of one record
    case chainHint
    // The plan's steering structure and cycle (see PlanText)
    case plan(PlanText)

    // The secretary's hands: forms, quick entry, attendance, help, messages, export
    case formDuringItem(String, String)
    case hintDue
    case quickUnknownKind(String)
    case quickNoWijk
    case quickMissing(String)
    case quickUnknown(String, String, [String])
    case quickWhich(String, String)
    case quickWhichHint
    case quickPreviewHint
    case quickSyntax
    case quickNoneFits(String)
    case keyQuickEntry
    case shortQuickEntry
    case shortComplete
    case confirmQuitLine
    case shortReadLine

    case confirmQuitAttendance
    case confirmDiscardAttendance
    case attendanceNoGuest(String)
    case attendanceNothingChanged
    case savedAttendance(String, Int, Int, Int?)
    case attendanceTitle(String, String)
    case attendancePresent([String])
    case attendanceResidents
    case attendanceNotFilled
    case attendanceUnsaved
    case attendanceGuestMark
    case attendanceGuestPrompt
    case attendanceHint
    case shortAttendanceSet
    case shortAllPresent
    case shortGuest
    case savedAbout(String, String)
    case subjectTriage(String)
    case subjectFeedback(String)
    case subjectAttendance(String)
    case subjectResidents(String)
    case subjectClosed(String)
    case subjectLemon
    case subjectAgendaOrder(String)
    case subjectWijkKind(String)
    case subjectProposal(String)
    case savedMeetingOpened(String)
    case savedItemStarted(String, String)
    case savedItemEnded(String, String)
    case confirmOpenFutureMeeting(String, String, String)
    case exportFolder(String)
    case exportFileReplace(String)
    case confirmReplaceFile(String)
    // Notes and the agenda item a record belongs to
    case noItemUnderDiscussion
    case severalItemsUnderDiscussion
    case itemOfOtherMeeting(String, String)

    // Minutes grouped per agenda item
    case usedOfPlanned(Int, Int)
    case minutesOutside
    case minutesNotes
    case minutesTriaged
    case minutesSignalsIn
    case minutesLevels
    case minutesPresent
    case minutesApologies
    case minutesAbsent
    case minutesNotTakenUp
    case minutesUnderDiscussion
    case minutesCost(String)
    case minutesStatus(String)

    // The projector
    case projectorNothingYet
    case projectorDecision
    case projectorAction
    case projectorSignal
    case projectorLevel
    case projectorNote
    case projectorDue(String)
    case headerMeetingOf(String)

    // Who runs the meeting
    case chairOnly
    case nextRequestSent
    case nextRequested(String)

    // Notes in the app
    case keyNotes
    case shortNotes
    case notesSoFar(Int, String)

    // Projector strip
    case projectorDone(Int)

    // projector
    case projectorAgenda
    case projectorMore(Int)

    // the secretary asks the chair
    case shortRequestNext

    case keyMoveUp
    case keyMoveDown
    case keyPageUp
    case keyPageDown
    case keyHome
    case keyEnd
    case keyMoveItemUp
    case keyMoveItemDown
    case keyTimeboxUp
    case keyTimeboxDown
    case helpHistorySection
    case helpChainSection
    case helpDashboardSection
    case helpMinutesSection
    case helpQuickSection
    case helpAttendanceSection
    case helpEverywhere
    case keyBackToMain
    case keyQuitAnywhere
    case keyHelpHere
    case keyHistoryChain
    case keyHistoryFilter
    case keyHistorySearch
    case keyHistoryExport
    case keyChainBack
    case keyChainCorrect
    case keyChainWithdraw
    case keyDashNext
    case keyDashPrev
    case keyMinutesClose
    case keyQuickRead
    case keyQuickComplete
    case keyQuickChoose
    case keyQuickBack
    case keyAttendancePresent
    case keyAttendanceApologies
    case keyAttendanceAbsent
    case keyAttendanceCycle
    case keyAttendanceRest
    case keyAttendanceGuest
    case keyAttendanceCount
    case keyAttendanceSave
    case keyFormHelp
    case helpCloseSearch
    case helpSearching(String)
    case helpNoMatch(String)
    case helpTitleFor(String)
    public var nl: String {
        switch self {
        case .firstRunNoLog(let p): "Nog geen log op \(p); begin met `kernteam` of `kernteam add …`."
        case .logReadError(let why): "Lezen van het log mislukt: \(why)"
        case .cliParser(let p): p.nl
        case .cliVersionLine(let v): "Versie \(v)."
        case .listOverrideMark: "(afwijking)"
        case .plan(let t): t.nl
        case let .dashboardMonth(m, year): "\(["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][max(0, min(11, m - 1))]) '\(Text.twoDigits(year))"
        case let .dashboardSignalsOver(bucket, from, to): "Signalen per thema per \(Text.nlBucket(bucket)) (\(from) t/m \(to))"
        case let .dashboardBudgetYears(from, to): "Budget \(from)–\(to): toegekend en besteed per wijk en jaar"
        case .exportReportShort: "Voortgangsrapportage"
        case .exportPage: "pagina"
        case .exportPageOf: "van"
        case .appTitle: "kernteam"
        case .paneAgenda: "Agenda"
        case .paneSignals: "Signalen"
        case .paneActions: "Acties"
        case .paneParticipation: "Participatie"
        case .headerKern(let k): "Kern \(k)"
        case .headerMeeting(let m): "Vergadering \(m)"
        case .headerNoMeeting: "geen vergadering (m: nieuwe)"
        case .headerFilter(let w): "filter: \(w)"
        case .savedState(let s): "opgeslagen \(s)"
        case .notSavedYet: "nog niets opgeslagen"
        case .readOnly: "ALLEEN LEZEN"
        case .notSaved: "NIET OPGESLAGEN"
        case .emptyAgenda: "Geen agendapunten. n: nieuw punt"
        case .emptySignals: "Geen signalen. n: nieuw signaal"
        case .emptyActions: "Geen acties. n: nieuwe actie"
        case .emptyParticipation: "Geen participatieniveaus. n: nieuw"
        case .emptyInitiatives: "Geen bewonersinitiatieven. n: nieuw"
        case .emptyProposals: "Geen voorstellen: geen thema keert vaak genoeg terug"
        case .emptyFeedbackOwed: "Geen openstaande terugkoppeling"
        case .emptyBudgets: "Geen budgetten. n: budget toekennen"
        case .emptyPriorities: "Geen prioriteiten. n: nieuw"
        case .listInitiatives: "Initiatieven"
        case .listProposals: "Voorstellen wijkaanpak"
        case .listFeedbackOwed: "Terugkoppeling open"
        case .listBudgets: "Budgetten"
        case .listPriorities: "Prioriteiten"
        case .keyView: "andere lijst in dit paneel (bv. initiatieven, budgetten)"
        case .keyTriage: "beoordelen: route, uitkomst of voorstel"
        case .keyFeedback: "terugkoppeling aan bewoners vastleggen"
        case .keyClosePriority: "prioriteit afsluiten"
        case .keyWijkKind: "soort wijk wijzigen (met besluit)"
        case .keyLadder: "participatieniveau voor gekozen prioriteit"
        case .shortView: "lijst"
        case .shortTriage: "beoordelen"
        case .shortFeedback: "terugkoppeling"
        case .shortClosePriority: "afsluiten"
        case .shortLadder: "niveau"
        case .routeLabel(let r): r.map { $0 == .buitenScope ? "buiten scope" : $0.rawValue } ?? "te beoordelen"
        case .outcomeLabel(let o): o.map { $0.rawValue } ?? "te beoordelen"
        case .ageDays(let d): "\(d) d"
        case .signalsCount(let n): n == 1 ? "1 signaal" : "\(n) signalen"
        case let .budgetLine(spent, remaining): "besteed \(spent) · rest \(remaining)"
        case .overBudget: "! over budget"
        case .priorityClosedMark: "afgesloten"
        case .ladderAllowed(let r): "toegestaan: \(r)"
        case .ladderNoRange: "het plan kent hier geen niveau"
        case .ladderOverride(let why): "bewuste afwijking: \(why)"
        case .ladderRepresentatives(let r): "Bewoners vertegenwoordigd door: \(r)"
        case .ladderFeedback(let f): "Terugkoppeling aan overige bewoners: \(f)"
        case .noAddHere: "In deze lijst kunt u niets toevoegen; v wisselt van lijst"
        case .triageHere: "Beoordelen kan in Signalen, Initiatieven en Voorstellen"
        case .feedbackHere: "Terugkoppeling vastleggen kan bij een signaal of initiatief"
        case .closeHere: "Afsluiten kan in de lijst Prioriteiten"
        case .ladderHere: "Kies eerst een prioriteit in de lijst Prioriteiten"
        case .detailRoute: "Route"
        case .detailFeedback: "Terugkoppeling"
        case .detailOutcome: "Uitkomst"
        case .detailTurnaround: "Doorlooptijd"
        case .detailAllowed: "Plan staat toe"
        case .detailSpent: "Besteed"
        case let .terminalTooSmall(mc, mr, c, r): "Venster te klein: \(c)×\(r). Minimaal \(mc)×\(mr) nodig."
        case .terminalTooSmallHint: "Maak het venster groter. q: stoppen"
        case .helpTitle: "Toetsen"
        case .helpClose: "Esc of ?: sluiten · ↑↓ PgUp PgDn: scrollen"
        case .detailTitle(let id): "Details \(id)"
        case .detailClose: "Esc of Enter: sluiten"
        case .filterTitle: "Filter op wijk"
        case .filterAll: "Alle wijken"
        case .formTitle(let kind):
            switch kind {
            case .meeting: "Nieuwe vergadering"
            case .agendaItem: "Nieuw agendapunt"
            case .signal: "Nieuw signaal"
            case .action: "Nieuwe actie"
            case .decision: "Nieuw besluit"
            case .participation: "Participatieniveau vastleggen"
            case .status: "Status van actie wijzigen"
            case .initiative: "Nieuw bewonersinitiatief"
            case .triageSignal: "Signaal beoordelen (route)"
            case .triageInitiative: "Initiatief beoordelen"
            case .proposal: "Voorstel wijkaanpak"
            case .priority: "Nieuwe prioriteit"
            case .closePriority: "Prioriteit afsluiten"
            case .wijkKind: "Soort wijk wijzigen (met besluit)"
            case .budget: "Wijkbudget toekennen"
            case .feedback: "Terugkoppeling aan bewoners"
            case .openMeeting: "Vergadering openen"
            case .nextItem: "Volgend agendapunt"
            case .previousItem: "Vorig agendapunt"
            case .endItem: "Agendapunt afsluiten"
            case .reopenMeeting: "Vergadering heropenen (met besluit)"
            case .attendance: "Aanwezigheid"
            case .residents: "Aantal bewoners aanwezig"
            case .moveItem: "Agendapunt verplaatsen"
            case .removeItem: "Agendapunt van de agenda halen"
            case .timebox: "Tijd voor agendapunt"
            case .lemon: "Lemon-score"
            case .plan: "Nieuw kern/wijkenplan"
            case .planPhase: "Fase van het kern/wijkenplan"
            case .note: "Notitie bij het agendapunt"
            case .requestNext: "Verzoek: volgend punt"
            }
        case .formHint: "Enter: opslaan · Tab/↑↓: veld · Esc: annuleren"
        case .formChoiceHint: "←/→ of typ om te kiezen"
        case .formSaveFailed(let why): "Niet opgeslagen: \(why). Uw invoer staat er nog."
        case .confirmDiscardForm: "Formulier sluiten? Wat u typte gaat verloren. j: ja · n: nee"
        case .confirmQuit: "Stoppen? Het open formulier is niet opgeslagen. j: ja · n: nee"
        case .overdueMark: "te laat"
        case .personErasedMark: "(persoonsgegevens gewist)"
        case .withdrawnMark: "ingetrokken"
        case .minutesShort(let m): "\(m) min"
        case .agendaTotal(let p): "totaal \(p) min"

        case .keyNextPane: "volgend paneel"
        case .keyPrevPane: "vorig paneel"
        case .keyPaneNumber: "naar paneel 1–4"
        case .keyMove: "regel omhoog/omlaag"
        case .keyPage: "pagina omhoog/omlaag"
        case .keyHomeEnd: "eerste/laatste regel"
        case .keyOpen: "details openen"
        case .keyAdd: "nieuw item in dit paneel"
        case .keyDecision: "besluit vastleggen"
        case .keyMeeting: "nieuwe vergadering"
        case .keyFilter: "filter op wijk"
        case .keyStatus: "status van actie wijzigen"
        case .keyHelp: "deze hulp"
        case .keyQuit: "stoppen"
        case .keyMouse: "klik: paneel en regel kiezen · wiel: scrollen"
        case .keyFormNext: "volgend veld"
        case .keyFormPrev: "vorig veld"
        case .keyFormSave: "opslaan"
        case .keyFormCancel: "annuleren"
        case .keyFormEdit: "cursor, wissen (Ctrl-U/K/W)"
        case .keyFormChoice: "keuze wisselen"
        case .shortPane: "paneel"
        case .shortSelect: "kies"
        case .shortDetails: "details"
        case .shortNew: "nieuw"
        case .shortDecision: "besluit"
        case .shortMeeting: "vergadering"
        case .shortStatus: "status"
        case .shortFilter: "filter"
        case .shortHelp: "hulp"
        case .shortQuit: "stop"
        case .shortSave: "opslaan"
        case .shortNextField: "volgend veld"
        case .shortCancel: "annuleren"
        case .shortClose: "sluiten"
        case .shortChoose: "kiezen"
        case .chooseHint: "(kies met ←/→ of typ)"
        case .ladderTitle(let t): "Ladder: \(t)"
        case .ladderChosen: "◀ gekozen"
        case .helpFormSection: "In een formulier"
        case .helpMainSection: "Hoofdscherm"

        case .fieldLabel(let f):
            switch f {
            case .kern: "Kern"
            case .wijk: "Wijk"
            case .theme: "Thema"
            case .source: "Bron"
            case .text: "Tekst"
            case .title: "Wat"
            case .date: "Datum"
            case .owner: "Eigenaar"
            case .person: "Persoon"
            case .due: "Deadline"
            case .result: "Resultaat"
            case .cost: "Kosten (€)"
            case .inform: "Informeren"
            case .buurt: "Buurt/straat"
            case .reporter: "Melder"
            case .contact: "Contact"
            case .minutes: "Minuten"
            case .topic: "Onderwerp"
            case .work: "Soort werk"
            case .phase: "Fase"
            case .level: "Niveau"
            case .controversial: "Omstreden"
            case .reason: "Reden"
            case .meeting: "Vergadering"
            case .status: "Status"
            case .id: "Id"
            case .route: "Route"
            case .outcome: "Uitkomst"
            case .choice: "Keuze"
            case .period: "Planperiode"
            case .kind: "Soort wijk"
            case .year: "Jaar"
            case .amount: "Bedrag (€)"
            case .decision: "Besluit"
            case .how: "Hoe"
            case .serves: "Hoort bij"
            case .initiator: "Initiatiefnemer"
            case .representatives: "Vertegenwoordigd door"
            case .feedbackPlan: "Terugkoppeling"
            case .length: "Duur (min)"
            case .org: "Organisatie"
            case .attendance: "Aanwezig"
            case .count: "Aantal"
            case .direction: "Richting"
            case .about: "Over"
            case .score: "Score"
            case .from: "Vanaf"
            case .to: "Tot en met"
            case .search: "Zoeken"
            case .recordKind: "Soort"
            case .document: "Document"
            case .format: "Formaat"
            case .file: "Bestand"
            case .correctionReason: "Waarom gecorrigeerd"
            case .body: "Orgaan"
            case .involvement: "Bewoners betrokken"
            case .item: "Agendapunt"
            case .wijkbudget: "Wijkbudget"
            case .name: "Naam"
            }
        case .choiceNone: "(geen)"

        case .required: "verplicht veld, vul het in"
        case .tooLong(let n): "te lang (maximaal \(n) tekens)"
        case let .unknownWijk(w, known): "onbekende wijk '\(w)'. Bekend: \(known.joined(separator: ", "))"
        case let .unknownKern(k, known): "onbekende kern '\(k)'. Bekend: \(known.joined(separator: ", "))"
        case let .unknownOrganisation(o, known): "onbekende organisatie '\(o)'. Bekend: \(known.joined(separator: ", "))"
        case let .unknownChoice(v, options): "onbekende waarde '\(v)'. Kies uit: \(options.joined(separator: ", "))"
        case .badDate(let d): "ongeldige datum '\(d)'. Gebruik DD-MM-JJJJ, DD-MM (het jaar volgt uit vandaag) of JJJJ-MM-DD"
        case .badAmount(let a): "ongeldig bedrag '\(a)': schrijf het als 1.250,50, 1250,50 of 1250 (komma voor de centen, punt alleen tussen groepen van drie cijfers; ten hoogste 999.999.999.999,99)"
        case .badMinutes(let m): "ongeldig aantal minuten '\(m)' (1–600)"
        case .unknownRecord(let id): "onbekend id '\(id)'"
        case .noMeeting: "er is nog geen vergadering; maak er eerst een (m)"
        case .reasonRequiredToDrop: "een actie laten vervallen kan alleen met een reden"
        case .statusUnchanged(let s): "dat is al '\(s)'"
        case .reasonRequiredOutOfScope: "buiten-scope kan alleen met een reden (waarom valt het buiten wijkgericht werken?)"
        case .reasonRequiredNotExecutable: "niet-uitvoerbaar kan alleen met een goede reden (plan: een initiatief wordt altijd positief benaderd)"
        case let .noProposal(w, t): "er is geen open voorstel voor \(t) in \(w)"
        case let .priorityCap(w, ids): "\"Gestreefd wordt naar maximaal 5 prioriteiten voor intensief beheer per wijk\" (beleidsplan 1.2). \(w) heeft er al \(ids.count) (\(ids.joined(separator: ", "))). Sluit er een af (close priority) of geef een reden"
        case .priorityInBeheerWijk(let w): "let op: \(w) is een beheerwijk; daar zijn prioriteiten ongebruikelijk (alleen afgestemde beheerplannen)"
        case .alreadyClosed(let id): "\(id) is al afgesloten"
        case .wijkNotKern(let k): "'\(k)' is een kern; kies een wijk"
        case .decisionOtherKern(let d): "besluit \(d) gaat over een andere kern"
        case .badYear(let y): "ongeldig jaar '\(y)'"
        case let .budgetExists(w, y): "\(w) heeft al een budget voor \(y); corrigeer dat bedrag in plaats van een tweede toe te kennen"
        case let .levelOutsideRange(level, work, phase, range, zelfbeheer):
            (range.map { "niveau '\(level)' valt buiten wat het plan toestaat voor \(work) in de fase \(phase) (\($0))" }
                ?? "het plan kent geen participatieniveau voor \(work) in de fase \(phase)")
            + (zelfbeheer ? "; zelfbeheer alleen bij onderwerpen die niet omstreden zijn" : "")
            + ". Geef een reden om bewust af te wijken"

        case .saved(let id): Text.recordWord(id, english: false).map { "\($0) \(id) opgeslagen" } ?? "\(id) opgeslagen"
        case let .savedStatus(id, s): "Status van actie \(id) opgeslagen: \(s)"
        case .savedEntry(let seq): "Opgeslagen (regel \(seq))"
        case let .budgetDecisionText(amount, place, year): "Wijkbudget \(amount) toegekend aan \(place) voor \(year)"
        case .meetingClosed(let m): "vergadering \(m) is gesloten; heropenen kan alleen met een besluit (kernteam meeting reopen)"
        case .meetingAlreadyOpen(let m): "vergadering \(m) is al geopend"
        case .meetingNotOpen(let m): "vergadering \(m) is niet geopend (o: openen)"
        case .meetingNotClosed(let m): "vergadering \(m) is niet gesloten"
        case .noNextItem: "er is geen volgend agendapunt"
        case .noPreviousItem: "er is geen vorig agendapunt"
        case .badCount(let c): "ongeldig aantal '\(c)'"
        case .cannotMove: "verder kan dit punt niet"
        case .removedFromAgenda: "van de agenda gehaald"
        case let .meetingOtherKern(m, kern): "vergadering \(m) is van kern \(kern); kies een wijk van die kern of een andere vergadering"
        case .badScore(let s): "ongeldige Lemon-score '\(s)' (1 tot 10, bv. 7,25)"
        case let .minutesHeading(id, kern, date): "Concept-notulen \(id) · kernteam \(kern) · \(date)"
        case .minutesResidents(let n): "bewoners: \(n)"
        case .minutesAttendance: "Aanwezigheid"
        case .minutesNone: "(geen)"
        case .minutesAgenda: "Agendapunten"
        case .minutesDecisions: "Besluiten"
        case .minutesActions: "Acties"
        case .minutesOwner(let o): "eigenaar: \(o)"
        case .minutesDue(let d): "deadline: \(d)"
        case .minutesInform(let i): "informeren: \(i)"
        case .minutesFeedback: "Wat bewoners te horen krijgen"
        case let .meetingPrepared(id, n): "Vergadering \(id) voorbereid met " + (n == 1 ? "1 voorgesteld agendapunt" : "\(n) voorgestelde agendapunten") + " (K/J verplaatsen, d weghalen, +/- tijd)"
        case .chainCreated(let t): "vastgelegd: \(t)"
        case let .chainCorrected(fields, reason): "gecorrigeerd: \(fields)" + (reason.isEmpty ? "" : " (\(reason))")
        case .chainWithdrawn(let r): "ingetrokken: \(r)"
        case let .chainStatus(s, r): "→ \(s)" + (r.isEmpty ? "" : " (\(r))")
        case let .chainFeedback(how, date): "teruggekoppeld op \(date): \(how)"
        case .historyTitle(let f): "Geschiedenis · \(f)"
        case .historyAll: "alle kernen en wijken"
        case .historyEmpty: "Niets gevonden. f: filter aanpassen"
        case .historyNoMeeting: "Buiten vergaderingen"
        case let .historyMeeting(id, date): "Vergadering \(id) · \(date)"
        case .historyHint: "↑↓ kies · Enter: correcties · f: filter · / zoeken · e: document maken · Esc: terug"
        case .chainTitle(let id): "Geschiedenis van \(id)"
        case .historyFilterTitle: "Geschiedenis filteren"
        case .exportFormTitle: "Document maken"
        case .busySaving: "Opslaan…"
        case .busyPreparingMeeting: "Vergadering voorbereiden…"
        case .busyClosingMeeting: "Vergadering sluiten…"
        case .busyExporting: "Document schrijven…"
        case .openingLog(let percent): "Log lezen…" + (percent.map { " \($0)%" } ?? "")
        case .historyCount(let n): n == 1 ? "1 item" : "\(n) items"
        case .keyHistory: "geschiedenis per wijk (filter, zoeken, correcties)"
        case .shortHistory: "geschiedenis"
        case .kindAll: "alles"
        case .exportWritten(let p): "Geschreven: \(Text.fileName(p)) in \(Text.folderName(p))"
        case let .exportFormatMismatch(doc, formats): "\(doc) kan als: \(formats)"
        case .exportNoMeeting: "kies eerst een item van een vergadering (voor notulen en nieuwsbrief)"
        case .shortExport: "document"
        case .minutesTitle: "Concept-notulen"
        case .minutesCloseHint: "x: vergadering sluiten · Esc: terug · ↑↓: scrollen"
        case .meetingClosedCheckpoint(let c): "Vergadering gesloten. Controlepunt (bewaar dit in de notulen): \(c)"
        case .projectorReadOnly: "Beamermodus: alleen lezen. p: beamermodus uit"
        case .projectorOn: "Beamermodus aan: persoonsgegevens verborgen, alleen lezen"
        case .projectorOff: "Beamermodus uit"
        case .hiddenPerson: "(bewoner — verborgen op de beamer)"
        case .revealHint: "i: toon persoonsgegevens van dit item"
        case .nowTitle: "NU"
        case .nowNone: "Geen agendapunt in bespreking (o: vergadering openen, >: volgend punt)"
        case .phaseLabel(let p): p == "open" ? "geopend" : (p == "closed" ? "gesloten" : "in voorbereiding")
        case let .itemNumber(i, n): "punt \(i) van \(n)"
        case let .overPlanned(p, l): "! te vol: \(p) van \(l) min"
        case let .plannedOf(p, l): "\(p) van \(l) min"
        case .keyOpenMeeting: "vergadering openen"
        case .keyNextItem: "volgend agendapunt (huidige: besproken)"
        case .keyPrevItem: "vorig agendapunt"
        case .keyEndItem: "huidig punt afsluiten: besproken, uitgesteld of afgerond"
        case .keyMoveItem: "agendapunt omhoog / omlaag"
        case .keyRemoveItem: "agendapunt van de agenda halen"
        case .keyTimebox: "tijd van agendapunt +5 / -5 min"
        case .keyAttendance: "aanwezigheid per organisatie"
        case .keyResidents: "aantal aanwezige bewoners"
        case .keyMinutes: "concept-notulen (en vergadering sluiten)"
        case .keyProjector: "beamermodus aan/uit"
        case .keyReveal: "persoonsgegevens van gekozen item tonen (beamer)"
        case .shortOpen: "openen"
        case .shortNext: "volgend punt"
        case .shortMinutes: "notulen"
        case .shortProjector: "beamer"
        case .shortReveal: "toon"
        case .agendaLatePrefix: "TE LAAT · "
        case .agendaActionPrefix: "Actie"
        case .agendaSignalPrefix: "Signaal"
        case let .agendaProposal(place, theme, ids): "Voorstel wijkaanpak: \(theme) in \(place) (\(ids))"
        case .agendaInitiativeTriage: "Initiatief beoordelen"
        case .agendaInitiativeFeedback: "Terugkoppeling initiatief"
        case let .agendaBudgetOver(place, year, remaining): "Budget \(place) \(year) overschreden (rest \(remaining))"
        case let .logDamaged(line, reason): "Log beschadigd op regel \(line): \(reason). Alleen lezen."
        case .logIOError(let why): "Schrijven naar het log mislukt: \(why)"
        case .logLocked: "Het log is bezet door een ander proces; probeer het zo opnieuw"
        case .tornTailMoved(let path): "Onvolledige laatste regel (na een crash) verplaatst naar \(path)"
        case let .verifyOK(n, head): "Log in orde: \(n) regels, keten intact. Kop: \(head)"
        case .verifyFailed(let n): "Log NIET in orde: " + (n == 1 ? "1 probleem" : "\(n) problemen")
        case let .checkpointMismatch(seq, line): "Controlepunt klopt niet: regel \(line) (volgnummer \(seq)) is herschreven sinds het controlepunt"
        case let .checkpointMissing(seq, head): "Controlepunt klopt niet: het log eindigt bij volgnummer \(head), het controlepunt noemt \(seq) (ingekort?)"
        case .checkpointOK(let c): "Controlepunt \(c) klopt."
        case .badCheckpoint(let c): "Ongeldig controlepunt '\(c)'. Verwacht VOLGNUMMER:HASH (64 hex-tekens)"
        case .checkpointPrinted(let c): "Controlepunt (bewaar dit buiten het log): \(c)"
        case .demoCopy(let path): "Demo-log (kopie): \(path)"
        case .warnNetworkFS(let t): "Let op: het log staat op een netwerkschijf (\(t)); vergrendelen en fsync zijn daar niet betrouwbaar. Gebruik een lokale schijf."
        case .warnSyncFolder(let t): "Let op: het log staat in een synchronisatiemap (\(t)); twee computers kunnen elkaars regels overschrijven. Gebruik een lokale map."
        case .warnConflictCopy(let n): "Let op: naast het log staat een conflictkopie '\(n)'; voeg niets samen zonder controle."
        case .cliNeedsTTY: "kernteam heeft een terminal nodig voor het volledige scherm; gebruik de subcommando's (zie --help) in scripts"

        case .detailID: "Id"
        case .detailStatus: "Status"
        case .detailCreated: "Vastgelegd"
        case .detailMeeting: "Vergadering"
        case .detailChanges: "Wijzigingen"
        case .detailWithdrawn: "Ingetrokken"
        case .detailKind: "Soort"

        // Exports
        case let .exportMinutesTitle(id, kern, date): "Notulen \(id) · kernteam \(kern) · \(date)"
        case .exportResidents(let n): n.map { "Bewoners aanwezig: \($0)" } ?? "Bewoners aanwezig: niet geteld"
        case .exportCheckpoint(let c): "Controlepunt van het log bij het sluiten: \(c)"
        case .exportGenerated(let d): "Gemaakt op \(d) met kernteam."
        case .exportPersonalNote: "Dit document bevat persoonsgegevens van bewoners (AVG): deel het niet verder dan nodig en gooi het weg als het niet meer nodig is."
        case .exportNotDiscussed: "niet behandeld"
        case .exportNumberColumn: "Nr"
        case .exportMinutesColumn: "Min"
        case let .exportFeedbackGiven(date, how): "teruggekoppeld op \(date): \(how)"
        case .exportFeedbackPending: "nog niet teruggekoppeld"
        case let .exportServedBy(id, inform): "via \(id): \(inform)"
        case let .exportPerson(role, who): "\(role): \(who)"
        case .exportCSVHeader: "id;wijk;kern;wat;eigenaar;persoon;deadline;status;te laat;kosten;resultaat;informeren;vergadering"
        case .exportYes: "ja"
        case .exportNo: "nee"
        case .exportReportTitle: "Voortgangsrapportage wijkgericht werken voor de stuurgroep"
        case let .exportPeriod(from, to): "Periode: \(from) t/m \(to)"
        case .exportKernLine(let k): k.map { "Kern: \($0)" } ?? "Kernen: alle"
        case .exportCombined(let logs): "Samengevoegd uit \(logs.count) logs (\(logs.joined(separator: ", "))). Elk log nummert zijn records zelf; daarom staat de naam van het log voor elk id, bv. \(logs.first ?? "")/A-1."
        case .exportStateAsOf(let d): "Stand per \(d): acties, prioriteiten, budgetten en terugkoppeling zoals ze toen stonden (te laat en wachttijden gerekend op die dag). Besluiten, initiatieven en participatieniveaus: vastgelegd in de periode."
        case .exportWholeKern: "Hele kern"
        case .exportWijkKind(let k):
            switch k {
            case .beheer: "beheerwijk"
            case .intensief: "intensief beheer (wijkaanpak)"
            case .ontwikkeling: "ontwikkelingswijk (wijkontwikkeling)"
            case nil: "soort wijk onbekend"
            }
        case .exportActivePriorities: "Actieve prioriteiten"
        case .exportDecisionsInPeriod: "Besluiten in de periode"
        case .exportActionsHeading: "Acties"
        case let .exportActionCounts(done, open, overdue, dropped): "gereed: \(done) · open: \(open), waarvan te laat: \(overdue) · vervallen: \(dropped)"
        case .exportOverdueActions: "Te late acties"
        case .exportInitiativesHeading: "Bewonersinitiatieven"
        case let .exportInitiativeCount(outcome, n, median): "\(outcome): \(n)" + (median.map { " (mediane doorlooptijd \($0) dagen)" } ?? "")
        case .exportParticipationUsed: "Gebruikte participatieniveaus"
        case .exportBudgetHeading: "Wijkbudget"
        case let .exportBudgetLine(year, allocated, spent, remaining): "\(year): toegekend \(allocated) · besteed \(spent) · rest \(remaining)"
        case .exportFeedbackOwedHeading: "Terugkoppeling aan bewoners nog open"
        case let .exportWaitingSince(date, days): "sinds \(date), \(days) \(days == 1 ? "dag" : "dagen")"
        case .exportIndicators: "Indicatoren uit het beleidsplan"
        case let .exportInitiativeIndicator(inPeriod, total): "Bewonersinitiatieven: \(inPeriod) in de periode (\(total) in totaal)"
        case .exportLemonHeading: "Lemon-scores"
        case .exportTrendColumn: "Ontwikkeling"
        case .exportTrend(let d): d.map { $0 > 0 ? "gestegen" : ($0 < 0 ? "gedaald" : "gelijk") } ?? "eerste meting"
        case .exportNoDataFor(let k): "Geen gegevens over: \(k.joined(separator: ", "))"
        case let .exportNewsletterTitle(kern, date): "Nieuws uit het kernteam \(kern) · vergadering van \(date)"
        case .exportNewsletterIntro(let kern): "Voor de professionals van de partners in wijkgericht werken in \(kern): wat het kernteam besprak, welke acties zijn gestart en wie u kunt aanspreken."
        case .exportProgress: "Voortgang"
        case .exportDoneReported: "Gereed gemeld"
        case .exportDiscussed: "Besproken"
        case .exportStarted: "Gestarte acties"
        case .exportContacts: "Contactpersonen"
        case .exportCalendarName(let k): "Kernteam \(k)"
        case let .exportMeetingSummary(kern, id): "Kernteam \(kern) (\(id))"
        case let .exportDeadlineSummary(id, title): "Deadline \(id): \(title)"
        case .exportFileExists(let p): "\(p) bestaat al; kies een ander bestand of geef --force om het te vervangen"
        case let .exportWriteFailed(p, why): "Kan \(p) niet schrijven: \(why)"
        case .exportLogMissing(let p): "Log niet gevonden: \(p)"
        case let .exportBadPeriod(from, to): "De periode klopt niet: \(from) ligt na \(to)"
        case .exportStandOn(let d): "stand op \(d)"
        case .exportInProgress: "in bespreking"
        case .exportNoFolder: "de map bestaat niet"
        case .exportNoPermission: "geen schrijfrechten"
        case .exportDiskFull: "de schijf is vol"
        case .exportReadOnlyDisk: "het bestandssysteem is alleen-lezen"
        case .exportIsFolder: "dat is een map"
        case .exportSystemError(let code): "systeemfout \(code)"

        case .cliAbstract(let c): c.nl
        case .cliHelp(let h): h.nl
        case .safety(let t): t.nl
        case .cliBadLanguage(let l): "onbekende taal '\(l)' voor --lang. Kies uit: nl, en"
        case .cliUnknownRole(let r): "Onbekende rol '\(r)'. Kies uit: voorzitter, secretaris"
        case .cliGenerateNeedsOut: "--generate heeft --out BESTAND nodig"
        case .cliGenerateNeedsCount: "--generate heeft een aantal van minstens 1 nodig"
        case .cliFileExistsChooseNew(let p): "\(p) bestaat al; kies een nieuw bestand"
        case .cliNoDataFolder: "Map Data/ niet gevonden; zet KERNTEAM_DATA op de map met reference.json"
        case .cliCannotRead(let p): "Kan \(p) niet lezen"
        case let .cliBadReference(p, why): "Referentiegegevens in \(p) zijn ongeldig: \(why)"
        case let .cliBadSettings(p, why): "Instellingen in \(p) zijn ongeldig: \(why)"
        case .cliNoPersonalData(let n): "Geen persoonsgegevens gevonden voor '\(n)'."
        case let .cliErased(count, name): "Gewist: " + (count == 1 ? "1 vastlegging" : "\(count) vastleggingen") + " van '\(name)'."
        case let .cliAgendaTotal(planned, length, over):
            "Totaal \(planned) min" + (length.map { " van \($0) min" } ?? "") + (over ? "  ! TE VOL GEPLAND" : "")
        case .cliAgendaNow: "nu"
        case .cliGenerating: "genereren"
        case .cliVerifying: "controleren"
        case .cliReading: "inlezen"
        case .dbUnreachable(let why): "De database is niet bereikbaar: \(why)"
        case .dbRefused(let why): "De database weigerde: \(why)"
        case .dbReadOnlyRole: "Deze databaserol mag het log alleen lezen"
        case .dbSchemaVersion(let found, let supported): "De database heeft schemaversie \(found), dit programma kent versie \(supported); werk het programma bij"
        case .dbNoSchema: "In deze database staat nog geen kernteam-log en deze rol mag het niet aanmaken; laat een beheerder kernteam init --log … uitvoeren"
        case .dbCommitUnknown(let why): "Verbinding verbroken tijdens het opslaan (\(why)); of het is opgeslagen blijkt na het herverbinden. Uw tekst staat nog in het formulier"
        case .dbReconnected: "Weer verbonden met de database"
        case .dbInitDone(let place, let version): "Schema kernteam (versie \(version)) staat klaar in \(place)"
        case .dbInitNeedsURI(let given): "kernteam init maakt het schema in PostgreSQL en werkt alleen met een adres als postgresql://gebruiker@server/database, niet met \(given); een logbestand wordt vanzelf aangemaakt"
        case .copyDone(let entries, let checkpoint): "\(entries) regels gekopieerd; controlepunt van bron en doel: \(checkpoint)"
        case .copyTargetNotEmpty(let target): "Het doel \(target) bevat al een log; kies een nieuw bestand of een lege stream (…?stream=naam)"
        case .copyMismatch(let source, let target): "Na het kopiëren verschillen de controlepunten: bron \(source), doel \(target)"
        case .copyPersonalKept(let dir): "Persoonsgegevens van bewoners blijven op deze computer: \(dir)"
        case .copySourceMissing(let source): "De bron \(source) bevat geen log"
        case .logReplacedUnderneath: "het bestand is door een ander programma ingekort of vervangen"
        case .ioQuotaFull: "het schijfquotum is op"
        case .ioDiskError: "invoer/uitvoerfout van de schijf"
        case .ioNoSuchFile: "bestand of map bestaat niet"
        case .priorityActiveMark: "actief"
        case .chainItemStarted: "▶ nu"
        // Dashboard
        case .keyDashboard: "dashboard: grafieken van de kern of een wijk (←/→ kiest de wijk)"
        case .shortDashboard: "dashboard"
        case .shortPlace: "wijk"
        case .dashboardTitle(let place): "Dashboard · \(place)"
        case .dashboardWholeKern(let kern): "hele kern \(kern)"
        case .dashboardHint: "←/→ wijk of hele kern · ↑/↓ scrollen · Esc sluiten"
        case .dashboardNoData: "geen gegevens"
        case .dashboardSignals(let year): "Signalen per thema per kwartaal (t/m \(year))"
        case .dashboardActions: "Acties per status per wijk"
        case .dashboardInitiatives: "Bewonersinitiatieven per uitkomst (mediane doorlooptijd)"
        case .dashboardBudget(let year): "Budget \(year): toegekend en besteed per wijk"
        case .dashboardLemon: "Lemon-scores per thema per jaar"
        case .dashboardNoLemon: "geen Lemon-scores vastgelegd"
        case .dashboardNoBudget(let year): "geen budget toegekend voor \(year)"
        case let .dashboardQuarter(q, year): "K\(q) '\(year % 100 < 10 ? "0" : "")\(year % 100)"
        case .dashboardTotal(let n): "totaal \(n)"
        case .dashboardMedian(let days): "mediaan \(days) d"
        case .dashboardRemaining(let m): "rest \(m)"
        case .dashboardAllocated: "toegekend"
        case .dashboardSpent: "besteed"
        case .dashboardCount: "aantal"
        case .dashboardStatusOpen: "○ open"
        case .dashboardStatusLate: "! te laat"
        case .dashboardStatusDone: "● gereed"
        case .dashboardStatusDropped: "✕ vervallen"
        case .dashboardThemeColumn: "Thema"
        case .dashboardPlaceColumn: "Wijk"
        case .dashboardOutcomeColumn: "Uitkomst"
        case .dashboardNoteColumn: "Toelichting"
        case .dashboardChartsHeading: "Grafieken"
        case .dashboardChartLabel(let title): "Staafdiagram: \(title); de tabel ernaast geeft dezelfde getallen"
        case .dashboardScoreScale: "schaal 0 tot 10"
        case .alreadyWithdrawn(let r): "\(r) is al ingetrokken"
        case .personalNotCorrectable: "persoonsgegevens staan niet in het log en worden niet gecorrigeerd; wis ze (kernteam erase-person) en leg ze opnieuw vast"
        case .fieldNotCorrectable(let fields): fields.isEmpty ? "dit veld kan niet worden gecorrigeerd" : "dit veld kan niet worden gecorrigeerd; wel: \(fields.joined(separator: ", "))"
        case .nothingChanged: "niets gewijzigd: dat is al de vastgelegde waarde"
        case .reasonRequiredToWithdraw: "geef een reden voor het intrekken (die blijft in de geschiedenis staan)"
        case .meetingHeldNotWithdrawable(let m): "vergadering \(m) is al geopend en kan niet worden ingetrokken; corrigeer wat erin is vastgelegd"
        case let .meetingSealed(m, r): "de notulen van vergadering \(m) zijn vastgesteld (gesloten): \(r) kan niet worden gewijzigd of ingetrokken. Heropen eerst met een besluit: kernteam meeting reopen --meeting \(m) --decision B-n"
        case .notCorrectableEntry(let e): "regel \(e) is geen vastlegging die kan worden gecorrigeerd of ingetrokken (wel: status, beoordeling, terugkoppeling, aanwezigheid, aantal bewoners, Lemon-score, afgesloten prioriteit)"
        case let .decisionOtherWijk(d, other, wijk): "besluit \(d) gaat over \(other), niet over \(wijk) of de hele kern; de soort van een wijk verandert alleen door een besluit over die wijk"
        case let .reopenDecisionInside(d, m): "besluit \(d) hoort bij vergadering \(m) zelf; heropenen gebeurt met een besluit dat buiten de gesloten vergadering is genomen"
        case let .lemonExists(place, theme, year, score): "voor \(place), \(theme), \(year) is al een score vastgelegd (\(score)); een nieuwe score is een correctie en vraagt een reden (--reason)"
        case let .savedCorrection(r, fields): "\(r) gecorrigeerd (\(fields.joined(separator: ", ")))"
        case .savedWithdrawal(let r): "\(r) ingetrokken"
        case .undoneReason: "ongedaan gemaakt"
        case let .chainKindChanged(from, to, decision): "soort wijk: \(from) → \(to) (besluit \(decision))"
        case let .chainAttendance(org, status): "aanwezigheid \(org): \(status)"
        case .chainResidents(let n): n == 1 ? "1 bewoner aanwezig" : "\(n) bewoners aanwezig"
        case let .chainEntryCorrected(e, fields, reason): "\(e) gecorrigeerd: \(fields)" + (reason.isEmpty ? "" : " (\(reason))")
        case let .chainEntryWithdrawn(e, reason): "\(e) ingetrokken: \(reason)"
        case let .historyKindChange(from, to): "soort wijk: \(from) → \(to)"
        case .minutesWithdrawn: "Ingetrokken"
        case let .minutesWithdrawnLine(r, what, reason): "\(r) \(what) — ingetrokken: \(reason)"
        case let .minutesReopened(closed, reopened, decision): "Gesloten op \(closed) en heropend op \(reopened) door besluit \(decision)."
        case .minutesChangedAfterClose: "Gewijzigd na de eerste sluiting"
        case .minutesEarlierCheckpoint(let c): "eerder controlepunt: \(c)"
        case .standPer(let d): "stand per \(d)"
        case .cliBadToday(let d): "--today: ongeldige datum '\(d)' (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"
        case .cliBadTarget(let t): "'\(t)' is geen id (zoals A-3) en geen regelnummer (zoals #39)"
        case .keyCorrect: "corrigeren: het gekozen item verbeteren (zijn formulier, ingevuld)"
        case .keyWithdraw: "intrekken: het gekozen item intrekken, met een reden"
        case .keyUndo: "ongedaan maken: de laatste vastlegging van dit venster"
        case .keyLookBack: "terugkijken: geschiedenis en dashboard per datum"
        case .shortCorrect: "corrigeren"
        case .shortWithdraw: "intrekken"
        case .shortUndo: "ongedaan maken"
        case .shortLookBack: "stand per"
        case .formCorrectTitle(let r): "Corrigeren: \(r)"
        case .formWithdrawTitle(let r): "Intrekken: \(r)"
        case .formLookBackTitle: "Terugkijken: stand per datum"
        case .lookBackHint: "leeg = nu"
        case .confirmWithdraw(let r): "\(r) intrekken? Het verdwijnt uit lijsten en documenten; de geschiedenis houdt het, met de reden."
        case .confirmUndo(let r): "De laatste vastlegging ongedaan maken (\(r))?"
        case .confirmCloseMeeting(let m): "Vergadering \(m) sluiten? De notulen worden vastgesteld: daarna kan alleen een besluit ze heropenen."
        case .confirmYesNo: "j = ja · n = nee"
        case .nothingToUndo: "Niets om ongedaan te maken: dit venster heeft sinds het openen nog niets vastgelegd dat kan worden teruggedraaid."
        case .undone(let r): "\(r) ongedaan gemaakt"
        case .selectToCorrect: "Kies eerst een item (een lijst met ids) om te corrigeren of in te trekken"
        case .busyLookingBack: "Terugkijken…"
        case .shortYes: "ja"
        case .shortNo: "nee"
        case .chainHint: "↑↓ stap kiezen · C corrigeren · I intrekken · Esc of Enter: sluiten"
        case let .formDuringItem(i, t): "Bij agendapunt \(i) · \(t)"
        case .hintDue: "bv. 15-01 of 15-01-2010"
        case .quickUnknownKind(let w): (w.isEmpty ? "" : "'\(w)' is geen soort. ") + "Begin met a (actie), b (besluit), s (signaal) of i (initiatief), bv. 'a Emerald politie 15-01 Drempels plaatsen'"
        case .quickNoWijk: "Welke wijk? Zet de wijk na de letter, bv. 'b Emerald …' (er is geen agendapunt met een wijk)"
        case .quickMissing(let f): "Nog nodig: \(f.lowercased())"
        case let .quickUnknown(f, w, known): "\(f) '\(w)' bestaat niet; kies uit \(known.joined(separator: ", "))"
        case let .quickWhich(f, w): "Welke \(f.lowercased()) bedoelt u met '\(w)'?"
        case .quickWhichHint: "1–9 of ↑↓ Enter: kiezen · Esc: terug naar de regel"
        case .quickPreviewHint: "Enter: opslaan · Esc: terug naar de regel"
        case .quickSyntax: "a wijk eigenaar datum titel · b wijk tekst · s wijk thema bron tekst · i wijk tekst"
        case .quickNoneFits(let f): "geen \(f.lowercased()) begint zo"
        case .keyQuickEntry: "één regel: a actie, b besluit, s signaal, i initiatief"
        case .shortQuickEntry: "snel"
        case .shortComplete: "aanvullen"
        case .confirmQuitLine: "Stoppen? De regel is niet opgeslagen. j: ja · n: nee"
        case .shortReadLine: "nakijken"
        case .confirmQuitAttendance: "Stoppen? De aanwezigheid is niet opgeslagen."
        case .confirmDiscardAttendance: "Aanwezigheid sluiten zonder op te slaan?"
        case .attendanceNoGuest(let typed): "geen organisatie begint met '\(typed)'"
        case .attendanceNothingChanged: "Aanwezigheid ongewijzigd; niets opgeslagen"
        case let .savedAttendance(m, present, away, residents): "Aanwezigheid \(m) opgeslagen: \(present) aanwezig, \(away) afgemeld of afwezig" + (residents.map { ", \($0 == 1 ? "1 bewoner" : "\($0) bewoners")" } ?? "")
        case let .attendanceTitle(m, date): "Aanwezigheid \(m)" + (date.isEmpty ? "" : " · \(date)")
        case .attendancePresent(let orgs): orgs.isEmpty ? "Nog niemand aanwezig gemeld" : "Aanwezig (\(orgs.count)): " + orgs.joined(separator: ", ")
        case .attendanceResidents: "Bewoners (aantal)"
        case .attendanceNotFilled: "—"
        case .attendanceUnsaved: "• nog niet opgeslagen"
        case .attendanceGuestMark: "(gast)"
        case .attendanceGuestPrompt: "Gast van organisatie:"
        case .attendanceHint: "a aanwezig · f afgemeld · w afwezig · A rest aanwezig · g gast"
        case .shortAttendanceSet: "aanw./afgem./afw."
        case .shortAllPresent: "rest aanwezig"
        case .shortGuest: "gast"
        case let .savedAbout(subject, detail): detail.isEmpty ? "\(subject) opgeslagen" : "\(subject) opgeslagen: \(detail)"
        case .subjectTriage(let id): "Beoordeling van \(id)"
        case .subjectFeedback(let id): "Terugkoppeling bij \(id)"
        case .subjectAttendance(let m): "Aanwezigheid \(m)"
        case .subjectResidents(let m): "Aantal bewoners \(m)"
        case .subjectClosed(let id): "Afsluiting van \(id)"
        case .subjectLemon: "Lemon-score"
        case .subjectAgendaOrder(let m): "Volgorde van de agenda \(m)"
        case .subjectWijkKind(let w): "Soort wijk \(w)"
        case .subjectProposal(let place): "Besluit over het voorstel voor \(place)"
        case .savedMeetingOpened(let m): "Vergadering \(m) geopend"
        case let .savedItemStarted(id, title): "Nu aan de orde: \(id) \(title)"
        case let .savedItemEnded(id, outcome): "Agendapunt \(id) afgesloten: \(outcome)"
        case let .confirmOpenFutureMeeting(m, date, today): "Vergadering \(m) staat gepland op \(date), na vandaag (\(today)). Toch nu openen?"
        case .exportFolder(let dir): "Map: \(dir)"
        case .exportFileReplace(let p): "\(Text.fileName(p)) bestaat al in \(Text.folderName(p))"
        case .confirmReplaceFile(let p): "\(Text.fileName(p)) bestaat al in \(Text.folderName(p)). Vervangen?"
        case .noItemUnderDiscussion: "er is geen agendapunt in bespreking; noem het punt met --item AP-n"
        case .severalItemsUnderDiscussion: "in meer dan één vergadering is een punt in bespreking; noem het punt met --item AP-n"
        case let .itemOfOtherMeeting(item, meeting): "agendapunt \(item) hoort bij vergadering \(meeting)"
        case let .usedOfPlanned(used, planned): "\(used) van \(planned) min"
        case .minutesOutside: "Buiten de agendapunten"
        case .minutesNotes: "Besproken"
        case .minutesTriaged: "Beoordeelde signalen en initiatieven"
        case .minutesSignalsIn: "Ingebrachte signalen en initiatieven"
        case .minutesLevels: "Participatieniveaus"
        case .minutesPresent: "Aanwezig"
        case .minutesApologies: "Afgemeld"
        case .minutesAbsent: "Afwezig"
        case .minutesNotTakenUp: "niet behandeld"
        case .minutesUnderDiscussion: "in bespreking"
        case .minutesCost(let c): "kosten: \(c)"
        case .minutesStatus(let s): "status: \(s)"
        case .projectorNothingYet: "Nog niets vastgelegd bij dit punt."
        case .projectorDecision: "Besluit"
        case .projectorAction: "Actie"
        case .projectorSignal: "Signaal"
        case .projectorLevel: "Participatie"
        case .projectorNote: "Besproken"
        case .projectorDue(let d): "uiterlijk \(d)"
        case .headerMeetingOf(let d): "vergadering \(d)"
        case .chairOnly: "Alleen het venster van de voorzitter (--role voorzitter) opent, verschuift en sluit de vergadering; > vraagt de voorzitter om door te gaan"
        case .nextRequestSent: "Verzoek aan de voorzitter: volgend punt"
        case .nextRequested(let t): "↪ secretaris vraagt volgend punt (\(t))"
        case .keyNotes: "notities bij het punt in bespreking (Enter bewaart elke regel)"
        case .shortNotes: "notities"
        case let .notesSoFar(n, last): "\(n == 1 ? "1 notitie" : "\(n) notities"), laatste: \(last)"
        case .projectorDone(let n): "\(n) besproken"
        case .projectorAgenda: "Agenda"
        case .projectorMore(let n): n == 1 ? "en nog 1 punt" : "en nog \(n) punten"
        case .shortRequestNext: "vraag volgend punt"
        case .keyMoveUp: "regel omhoog"
        case .keyMoveDown: "regel omlaag"
        case .keyPageUp: "pagina omhoog"
        case .keyPageDown: "pagina omlaag"
        case .keyHome: "eerste regel"
        case .keyEnd: "laatste regel"
        case .keyMoveItemUp: "agendapunt een plaats omhoog"
        case .keyMoveItemDown: "agendapunt een plaats omlaag"
        case .keyTimeboxUp: "tijd van het agendapunt 5 minuten langer"
        case .keyTimeboxDown: "tijd van het agendapunt 5 minuten korter"
        case .helpHistorySection: "Geschiedenis"
        case .helpChainSection: "Geschiedenis van één item"
        case .helpDashboardSection: "Dashboard"
        case .helpMinutesSection: "Concept-notulen"
        case .helpQuickSection: "Snel vastleggen (:)"
        case .helpAttendanceSection: "Aanwezigheid"
        case .helpEverywhere: "Overal"
        case .keyBackToMain: "terug naar het hoofdscherm"
        case .keyQuitAnywhere: "stoppen (vraagt eerst als er nog iets niet is opgeslagen)"
        case .keyHelpHere: "hulp bij dit scherm"
        case .keyHistoryChain: "geschiedenis van het gekozen item: vastlegging en elke latere wijziging"
        case .keyHistoryFilter: "filteren op wijk of kern, periode, thema, soort en zoekwoorden"
        case .keyHistorySearch: "zoeken (het zoekveld van het filter)"
        case .keyHistoryExport: "document maken: notulen, actielijst, rapportage, agenda, nieuwsbrief"
        case .keyChainBack: "terug naar de lijst"
        case .keyChainCorrect: "de gekozen stap corrigeren"
        case .keyChainWithdraw: "de gekozen stap intrekken (met reden)"
        case .keyDashNext: "volgende wijk (eerst de hele kern)"
        case .keyDashPrev: "vorige wijk"
        case .keyMinutesClose: "vergadering sluiten: de notulen vaststellen (vraagt eerst)"
        case .keyQuickRead: "de regel lezen en tonen wat wordt opgeslagen; nog een Enter slaat op"
        case .keyQuickComplete: "de naam onder de regel aanvullen"
        case .keyQuickChoose: "bij een vraag: de zoveelste keuze"
        case .keyQuickBack: "terug (de regel blijft bewaard voor de volgende :)"
        case .keyAttendancePresent: "aanwezig, door naar de volgende"
        case .keyAttendanceApologies: "afgemeld, door naar de volgende"
        case .keyAttendanceAbsent: "afwezig, door naar de volgende"
        case .keyAttendanceCycle: "wisselen tussen aanwezig, afwezig en afgemeld"
        case .keyAttendanceRest: "iedereen die nog niet is ingevuld: aanwezig"
        case .keyAttendanceGuest: "gast of ad-hoclid: typ de organisatie (de eerste letters, of een naam buiten de lijst), dan de naam van wie aanschuift"
        case .keyAttendanceCount: "op de regel Bewoners: het aantal"
        case .keyAttendanceSave: "alles opslaan (één vastlegging per wijziging)"
        case .keyFormHelp: "hulp (in een tekstveld is ? gewoon een teken)"
        case .helpCloseSearch: "Esc: sluiten · /: zoeken · ↑↓ PgUp PgDn: scrollen"
        case .helpSearching(let q): "Zoeken: \(q)▏  (Enter: klaar · Esc: wissen)"
        case .helpNoMatch(let q): "Geen toets gevonden met '\(q)'"
        case .helpTitleFor(let screen): "Toetsen · \(screen)"
        }
    }
}
