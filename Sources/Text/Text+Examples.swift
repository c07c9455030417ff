/// Representative values of every `Text` case, for tests that check both languages (and for
/// anyone who needs every text once, e.g. a screenshot of all messages).
///
/// Adding a case to `Text`: `exampleSlot` stops compiling until the case gets the next number;
/// raise `exampleSlotCount` and add at least one example to `allExamples`. `LanguageTests` fails
/// when a slot has no example.
extension Text {
    public static let exampleSlotCount = 588

    public static var allExamples: [Text] {
        var all: [Text] = []
        all += [
            .appTitle,
            .paneAgenda,
            .paneSignals,
            .paneActions,
            .paneParticipation,
            .headerKern("Emerald"),
            .headerMeeting("Emerald"),
            .headerNoMeeting,
            .headerFilter("Emerald"),
            .savedState("Emerald"),
            .notSavedYet,
            .readOnly,
            .notSaved,
            .emptyAgenda,
            .emptySignals,
            .emptyActions,
            .emptyParticipation,
            .emptyInitiatives,
            .emptyProposals,
            .emptyFeedbackOwed,
            .emptyBudgets,
            .emptyPriorities,
            .listInitiatives,
            .listProposals,
            .listFeedbackOwed,
            .listBudgets,
            .listPriorities,
            .keyView,
            .keyTriage,
            .keyFeedback,
            .keyClosePriority,
            .keyWijkKind,
            .keyLadder,
            .shortView,
            .shortTriage,
            .shortFeedback,
            .shortClosePriority,
            .shortLadder,
        ]
        all += (SignalRoute.allCases.map { Optional($0) } + [nil]).map { Text.routeLabel($0) }
        all += (InitiativeOutcome.allCases.map { Optional($0) } + [nil]).map { Text.outcomeLabel($0) }
        all += [
            .ageDays(3),
            .ageDays(1),
            .signalsCount(3),
            .signalsCount(1),
            .budgetLine(spent: "Emerald", remaining: "Verkeer"),
            .overBudget,
            .priorityClosedMark,
            .ladderAllowed("Emerald"),
            .ladderNoRange,
            .ladderOverride("Emerald"),
            .ladderRepresentatives("Emerald"),
            .ladderFeedback("Emerald"),
            .noAddHere,
            .triageHere,
            .feedbackHere,
            .closeHere,
            .ladderHere,
            .detailRoute,
            .detailFeedback,
            .detailOutcome,
            .detailTurnaround,
            .detailAllowed,
            .detailSpent,
            .terminalTooSmall(minCols: 80, minRows: 24, cols: 60, rows: 20),
            .terminalTooSmall(minCols: 1, minRows: 24, cols: 60, rows: 20),
            .terminalTooSmall(minCols: 80, minRows: 1, cols: 60, rows: 20),
            .terminalTooSmall(minCols: 80, minRows: 24, cols: 1, rows: 20),
            .terminalTooSmall(minCols: 80, minRows: 24, cols: 60, rows: 1),
            .terminalTooSmallHint,
            .helpTitle,
            .helpClose,
            .detailTitle("Emerald"),
            .detailClose,
            .filterTitle,
            .filterAll,
        ]
        all += DraftKind.allCases.map { Text.formTitle($0) }
        all += [
            .formHint,
            .formChoiceHint,
            .formSaveFailed("Emerald"),
            .confirmDiscardForm,
            .confirmQuit,
            .overdueMark,
            .personErasedMark,
            .withdrawnMark,
            .minutesShort(3),
            .minutesShort(1),
            .agendaTotal(planned: 3),
            .agendaTotal(planned: 1),
            .keyNextPane,
            .keyPrevPane,
            .keyPaneNumber,
            .keyMove,
            .keyPage,
            .keyHomeEnd,
            .keyOpen,
            .keyAdd,
            .keyDecision,
            .keyMeeting,
            .keyFilter,
            .keyStatus,
            .keyHelp,
            .keyQuit,
            .keyMouse,
            .keyFormNext,
            .keyFormPrev,
            .keyFormSave,
            .keyFormCancel,
            .keyFormEdit,
            .keyFormChoice,
            .shortPane,
            .shortSelect,
            .shortDetails,
            .shortNew,
            .shortDecision,
            .shortMeeting,
            .shortStatus,
            .shortFilter,
            .shortHelp,
            .shortQuit,
            .shortSave,
            .shortNextField,
            .shortCancel,
            .shortClose,
            .shortChoose,
            .chooseHint,
            .ladderTitle("Emerald"),
            .ladderChosen,
            .helpFormSection,
            .helpMainSection,
        ]
        all += DraftField.allCases.map { Text.fieldLabel($0) }
        all += [
            .choiceNone,
            .required,
            .tooLong(3),
            .tooLong(1),
            .unknownWijk("Emerald", known: ["Delfgauw", "Nootdorp"]),
            .unknownKern("Emerald", known: ["Delfgauw", "Nootdorp"]),
            .unknownOrganisation("Emerald", known: ["Delfgauw", "Nootdorp"]),
            .unknownChoice("Emerald", options: ["Delfgauw", "Nootdorp"]),
            .badDate("Emerald"),
            .badAmount("Emerald"),
            .badMinutes("Emerald"),
            .unknownRecord("Emerald"),
            .noMeeting,
            .reasonRequiredToDrop,
            .statusUnchanged("Emerald"),
            .reasonRequiredOutOfScope,
            .reasonRequiredNotExecutable,
            .noProposal("Emerald", "Verkeer"),
            .priorityCap("Emerald", ["Delfgauw", "Nootdorp"]),
            .priorityInBeheerWijk("Emerald"),
            .alreadyClosed("Emerald"),
            .wijkNotKern("Emerald"),
            .decisionOtherKern("Emerald"),
            .badYear("Emerald"),
            .budgetExists("Emerald", 24),
            .budgetExists("Emerald", 1),
            .levelOutsideRange(level: "Emerald", work: "Verkeer", phase: "2009", range: "Emerald", zelfbeheerRule: true),
            .levelOutsideRange(level: "Emerald", work: "Verkeer", phase: "2009", range: nil, zelfbeheerRule: true),
            .levelOutsideRange(level: "Emerald", work: "Verkeer", phase: "2009", range: "Emerald", zelfbeheerRule: false),
            .saved("Emerald"),
            .savedStatus("Emerald", "Verkeer"),
            .savedEntry(3),
            .savedEntry(1),
            .budgetDecisionText(amount: "Emerald", place: "Verkeer", year: "2009"),
            .meetingClosed("Emerald"),
            .meetingAlreadyOpen("Emerald"),
            .meetingNotOpen("Emerald"),
            .meetingNotClosed("Emerald"),
            .noNextItem,
            .noPreviousItem,
            .badCount("Emerald"),
            .cannotMove,
            .removedFromAgenda,
            .badScore("Emerald"),
            .meetingOtherKern("V-7", "Delfgauw"),
            .minutesHeading("Emerald", "Verkeer", "2009"),
            .minutesResidents(3),
            .minutesResidents(1),
            .minutesAttendance,
            .minutesNone,
            .minutesAgenda,
            .minutesDecisions,
            .minutesActions,
            .minutesOwner("Emerald"),
            .minutesDue("Emerald"),
            .minutesInform("Emerald"),
            .minutesFeedback,
            .meetingPrepared("Emerald", 24),
            .meetingPrepared("Emerald", 1),
            .chainCreated("Emerald"),
            .chainCorrected("Emerald", "Verkeer"),
            .chainWithdrawn("Emerald"),
            .chainStatus("Emerald", "Verkeer"),
            .chainFeedback("Emerald", "Verkeer"),
            .historyTitle("Emerald"),
            .historyAll,
            .historyEmpty,
            .historyNoMeeting,
            .historyMeeting("Emerald", "Verkeer"),
            .historyHint,
            .chainTitle("Emerald"),
            .historyFilterTitle,
            .exportFormTitle,
            .busySaving,
            .busyPreparingMeeting,
            .busyClosingMeeting,
            .busyExporting,
            .openingLog(percent: nil),
            .openingLog(percent: 45),
            .historyCount(3),
            .historyCount(1),
            .keyHistory,
            .shortHistory,
            .kindAll,
            .exportWritten("Emerald"),
            .exportFormatMismatch("Emerald", "Verkeer"),
            .exportNoMeeting,
            .shortExport,
            .minutesTitle,
            .minutesCloseHint,
            .meetingClosedCheckpoint("Emerald"),
            .projectorReadOnly,
            .projectorOn,
            .projectorOff,
            .hiddenPerson,
            .revealHint,
            .nowTitle,
            .nowNone,
            .phaseLabel("Emerald"),
            .itemNumber(80, 24),
            .itemNumber(1, 24),
            .itemNumber(80, 1),
            .overPlanned(80, 24),
            .overPlanned(1, 24),
            .overPlanned(80, 1),
            .plannedOf(80, 24),
            .plannedOf(1, 24),
            .plannedOf(80, 1),
            .keyOpenMeeting,
            .keyNextItem,
            .keyPrevItem,
            .keyEndItem,
            .keyMoveItem,
            .keyRemoveItem,
            .keyTimebox,
            .keyAttendance,
            .keyResidents,
            .keyMinutes,
            .keyProjector,
            .keyReveal,
            .shortOpen,
            .shortNext,
            .shortMinutes,
            .shortProjector,
            .shortReveal,
            .agendaLatePrefix,
            .agendaActionPrefix,
            .agendaSignalPrefix,
            .agendaProposal("Emerald", "Verkeer", "2009"),
            .agendaInitiativeTriage,
            .agendaInitiativeFeedback,
            .agendaBudgetOver("Emerald", 24, "2009"),
            .agendaBudgetOver("Emerald", 1, "2009"),
            .logDamaged(line: 80, reason: "Verkeer"),
            .logDamaged(line: 1, reason: "Verkeer"),
            .logIOError("Emerald"),
            .logLocked,
            .tornTailMoved("Emerald"),
            .verifyOK(entries: 80, head: "Verkeer"),
            .verifyOK(entries: 1, head: "Verkeer"),
            .verifyFailed(count: 3),
            .verifyFailed(count: 1),
            .checkpointMismatch(seq: 80, line: 24),
            .checkpointMismatch(seq: 1, line: 24),
            .checkpointMismatch(seq: 80, line: 1),
            .checkpointMissing(seq: 80, head: 24),
            .checkpointMissing(seq: 1, head: 24),
            .checkpointMissing(seq: 80, head: 1),
            .checkpointOK("Emerald"),
            .badCheckpoint("Emerald"),
            .checkpointPrinted("Emerald"),
            .demoCopy("Emerald"),
            .cliNeedsTTY,
            .warnNetworkFS("Emerald"),
            .warnSyncFolder("Emerald"),
            .warnConflictCopy("Emerald"),
            .detailID,
            .detailStatus,
            .detailCreated,
            .detailMeeting,
            .detailChanges,
            .detailWithdrawn,
            .detailKind,
            .exportMinutesTitle("Emerald", "Verkeer", "2009"),
            .exportResidents(2),
            .exportResidents(nil),
            .exportResidents(-1),
            .exportResidents(0),
            .exportCheckpoint("Emerald"),
            .exportGenerated("Emerald"),
            .exportPersonalNote,
            .exportNotDiscussed,
            .exportNumberColumn,
            .exportMinutesColumn,
            .exportFeedbackGiven(date: "Emerald", how: "Verkeer"),
            .exportFeedbackPending,
            .exportServedBy("Emerald", "Verkeer"),
            .exportPerson("Emerald", "Verkeer"),
            .exportCSVHeader,
            .exportYes,
            .exportNo,
            .exportReportTitle,
            .exportPeriod("Emerald", "Verkeer"),
            .exportKernLine("Emerald"),
            .exportKernLine(nil),
            .exportCombined(["Delfgauw", "Nootdorp"]),
            .exportStateAsOf("Emerald"),
            .exportWholeKern,
        ]
        all += (WijkKind.allCases.map { Optional($0) } + [nil]).map { Text.exportWijkKind($0) }
        all += [
            .exportActivePriorities,
            .exportDecisionsInPeriod,
            .exportActionsHeading,
            .exportActionCounts(done: 80, open: 24, overdue: 60, dropped: 20),
            .exportActionCounts(done: 1, open: 24, overdue: 60, dropped: 20),
            .exportActionCounts(done: 80, open: 1, overdue: 60, dropped: 20),
            .exportActionCounts(done: 80, open: 24, overdue: 1, dropped: 20),
            .exportActionCounts(done: 80, open: 24, overdue: 60, dropped: 1),
            .exportOverdueActions,
            .exportInitiativesHeading,
            .exportInitiativeCount("Emerald", 24, median: "Emerald"),
            .exportInitiativeCount("Emerald", 1, median: "Emerald"),
            .exportInitiativeCount("Emerald", 24, median: nil),
            .exportParticipationUsed,
            .exportBudgetHeading,
            .exportBudgetLine(year: 80, allocated: "Verkeer", spent: "2009", remaining: "x"),
            .exportBudgetLine(year: 1, allocated: "Verkeer", spent: "2009", remaining: "x"),
            .exportFeedbackOwedHeading,
            .exportWaitingSince("Emerald", 24),
            .exportWaitingSince("Emerald", 1),
            .exportIndicators,
            .exportInitiativeIndicator(inPeriod: 80, total: 24),
            .exportInitiativeIndicator(inPeriod: 1, total: 24),
            .exportInitiativeIndicator(inPeriod: 80, total: 1),
            .exportLemonHeading,
            .exportTrendColumn,
            .exportTrend(2),
            .exportTrend(nil),
            .exportTrend(-1),
            .exportTrend(0),
            .exportNoDataFor(["Delfgauw", "Nootdorp"]),
            .exportNewsletterTitle("Emerald", "Verkeer"),
            .exportNewsletterIntro("Emerald"),
            .exportProgress,
            .exportDoneReported,
            .exportDiscussed,
            .exportStarted,
            .exportContacts,
            .exportCalendarName("Emerald"),
            .exportMeetingSummary("Emerald", "Verkeer"),
            .exportDeadlineSummary("Emerald", "Verkeer"),
            .exportFileExists("Emerald"),
            .exportWriteFailed("Emerald", "Verkeer"),
            .exportLogMissing("Emerald"),
            .exportBadPeriod("Emerald", "Verkeer"),
            .exportStandOn("Emerald"),
            .exportInProgress,
            .exportNoFolder,
            .exportNoPermission,
            .exportDiskFull,
            .exportReadOnlyDisk,
            .exportIsFolder,
            .exportSystemError(28),
        ]
        all += CLICommand.allCases.map { Text.cliAbstract($0) }
        all += CLIHelp.allCases.map { Text.cliHelp($0) }
        all += CLIParserText.examples.map { Text.cliParser($0) }
        all += SafetyText.examples.map { Text.safety($0) }
        all += [
            .cliBadLanguage("Emerald"),
            .cliUnknownRole("Emerald"),
            .cliGenerateNeedsOut,
            .cliGenerateNeedsCount,
            .cliFileExistsChooseNew("Emerald"),
            .cliNoDataFolder,
            .cliCannotRead("Emerald"),
            .cliBadReference(path: "Emerald", why: "Verkeer"),
            .cliBadSettings(path: "Emerald", why: "Verkeer"),
            .cliNoPersonalData("Emerald"),
            .cliErased(count: 80, name: "Verkeer"),
            .cliErased(count: 1, name: "Verkeer"),
            .cliAgendaTotal(planned: 80, length: 2, over: true),
            .cliAgendaTotal(planned: 1, length: 2, over: true),
            .cliAgendaTotal(planned: 80, length: nil, over: true),
            .cliAgendaTotal(planned: 80, length: -1, over: true),
            .cliAgendaTotal(planned: 80, length: 0, over: true),
            .cliAgendaTotal(planned: 80, length: 2, over: false),
            .cliAgendaNow,
            .cliGenerating,
            .cliVerifying,
            .cliReading,
            .dbUnreachable("Emerald"),
            .dbRefused("Emerald"),
            .dbReadOnlyRole,
            .dbSchemaVersion(found: 2, supported: 1),
            .dbNoSchema,
            .dbCommitUnknown("Emerald"),
            .dbReconnected,
            .dbInitDone("Emerald", 1),
            .dbInitNeedsURI("Emerald"),
            .copyDone(entries: 3, checkpoint: "Emerald"),
            .copyTargetNotEmpty("Emerald"),
            .copyMismatch("Emerald", "Emerald"),
            .copyPersonalKept("Emerald"),
            .copySourceMissing("Emerald"),
            .logReplacedUnderneath,
            .ioQuotaFull,
            .ioDiskError,
            .ioNoSuchFile,
            .priorityActiveMark,
            .chainItemStarted,
            .keyDashboard,
            .shortDashboard,
            .shortPlace,
            .dashboardTitle("Emerald"),
            .dashboardWholeKern("Emerald"),
            .dashboardHint,
            .dashboardNoData,
            .dashboardSignals(3),
            .dashboardSignals(1),
            .dashboardActions,
            .dashboardInitiatives,
            .dashboardBudget(3),
            .dashboardBudget(1),
            .dashboardLemon,
            .dashboardNoLemon,
            .dashboardNoBudget(3),
            .dashboardNoBudget(1),
            .dashboardQuarter(80, 24),
            .dashboardQuarter(1, 24),
            .dashboardQuarter(80, 1),
            .dashboardTotal(3),
            .dashboardTotal(1),
            .dashboardMedian("Emerald"),
            .dashboardRemaining("Emerald"),
            .dashboardAllocated,
            .dashboardSpent,
            .dashboardCount,
            .dashboardStatusOpen,
            .dashboardStatusLate,
            .dashboardStatusDone,
            .dashboardStatusDropped,
            .dashboardThemeColumn,
            .dashboardPlaceColumn,
            .dashboardOutcomeColumn,
            .dashboardNoteColumn,
            .dashboardChartsHeading,
            .dashboardChartLabel("Emerald"),
            .dashboardScoreScale,
            .exportReportShort,
            .exportPage,
            .exportPageOf,
            .dashboardMonth(3, 2009),
            .dashboardSignalsOver(.quarter, "01-01-2009", "31-12-2009"),
            .dashboardBudgetYears(2009, 2012),
            .alreadyWithdrawn("A-3"),
            .personalNotCorrectable,
            .fieldNotCorrectable(["Titel", "Eigenaar"]),
            .nothingChanged,
            .reasonRequiredToWithdraw,
            .meetingHeldNotWithdrawable("V-2"),
            .meetingSealed("V-1", "A-3"),
            .notCorrectableEntry("#12"),
            .decisionOtherWijk("B-3", "Emerald", "Oud Delfgauw"),
            .reopenDecisionInside("B-4", "V-1"),
            .lemonExists("Emerald", "verkeer", 2009, "6,50"),
            .savedCorrection("A-3", ["Eigenaar", "Kosten"]),
            .savedWithdrawal("A-3"),
            .undoneReason,
            .chainKindChanged(from: "intensief", to: "beheer", decision: "B-3"),
            .chainAttendance("SWOP", "aanwezig"),
            .chainResidents(4),
            .chainEntryCorrected("#39", "route → opgelost", "verkeerd gekozen"),
            .chainEntryWithdrawn("#39", "dubbel"),
            .historyKindChange("intensief", "beheer"),
            .minutesWithdrawn,
            .minutesWithdrawnLine("A-3", "Drempels plaatsen", "dubbel"),
            .minutesReopened("10-03-2009 21:40", "17-03-2009 10:05", "B-9"),
            .minutesChangedAfterClose,
            .minutesEarlierCheckpoint("39:4f2a…"),
            .standPer("30-06-2009"),
            .cliBadToday("morgen"),
            .cliBadTarget("x"),
            .cliParser(.overview),
            .cliVersionLine("0.9.0"),
            .listOverrideMark,
            .firstRunNoLog("/home/u/.local/share/kernteam/kernteam.jsonl"),
            .logReadError("geen toegang (open)"),
            .keyCorrect,
            .keyWithdraw,
            .keyUndo,
            .keyLookBack,
            .shortCorrect,
            .shortWithdraw,
            .shortUndo,
            .shortLookBack,
            .formCorrectTitle("A-3"),
            .formWithdrawTitle("A-3"),
            .formLookBackTitle,
            .lookBackHint,
            .confirmWithdraw("A-3 Drempels plaatsen"),
            .confirmUndo("A-3"),
            .confirmCloseMeeting("V-1"),
            .confirmYesNo,
            .nothingToUndo,
            .undone("A-3"),
            .selectToCorrect,
            .busyLookingBack,
            .shortYes,
            .shortNo,
            .chainHint,
            .formDuringItem("AP-3", "Verkeer Emerald"),
            .hintDue,
            .quickUnknownKind("x"),
            .quickUnknownKind(""),
            .quickNoWijk,
            .quickMissing("Eigenaar"),
            .quickUnknown("Thema", "vrkeer", ["verkeer", "groen"]),
            .quickWhich("Eigenaar", "gem"),
            .quickWhichHint,
            .quickPreviewHint,
            .quickSyntax,
            .quickNoneFits("Wijk"),
            .keyQuickEntry,
            .shortQuickEntry,
            .shortComplete,
            .confirmQuitLine,
            .shortReadLine,
            .confirmQuitAttendance,
            .confirmDiscardAttendance,
            .attendanceNoGuest("xyz"),
            .attendanceNothingChanged,
            .savedAttendance("V-3", 5, 1, 12),
            .attendanceTitle("V-3", "20-07-2009"),
            .attendancePresent(["Politie", "Wijkmanager"]),
            .attendanceResidents,
            .attendanceNotFilled,
            .attendanceUnsaved,
            .attendanceGuestMark,
            .attendanceGuestPrompt,
            .attendanceHint,
            .shortAttendanceSet,
            .shortAllPresent,
            .shortGuest,
            .savedAbout("Beoordeling van S-3", "doorgezet"),
            .subjectTriage("S-3"),
            .subjectFeedback("S-3"),
            .subjectAttendance("V-1"),
            .subjectResidents("V-1"),
            .subjectClosed("P-2"),
            .subjectLemon,
            .subjectAgendaOrder("V-1"),
            .subjectWijkKind("Emerald"),
            .subjectProposal("Emerald"),
            .savedMeetingOpened("V-1"),
            .savedItemStarted("AP-2", "Verkeer Emerald"),
            .savedItemEnded("AP-2", "besproken"),
            .confirmOpenFutureMeeting("V-7", "15-01-2030", "20-07-2009"),
            .exportFolder("~/kernteam"),
            .exportFileReplace("~/kernteam/kernteam-notulen-V-6.html"),
            .confirmReplaceFile("~/kernteam/kernteam-notulen-V-6.html"),
            .noItemUnderDiscussion,
            .severalItemsUnderDiscussion,
            .itemOfOtherMeeting("AP-3", "V-2"),
            .usedOfPlanned(12, 15),
            .minutesOutside,
            .minutesNotes,
            .minutesTriaged,
            .minutesSignalsIn,
            .minutesLevels,
            .minutesPresent,
            .minutesApologies,
            .minutesAbsent,
            .minutesNotTakenUp,
            .minutesUnderDiscussion,
            .minutesCost("€ 1.200,00"),
            .minutesStatus("vervallen"),
            .projectorNothingYet,
            .projectorDecision,
            .projectorAction,
            .projectorSignal,
            .projectorLevel,
            .projectorNote,
            .projectorDue("31-01-2010"),
            .headerMeetingOf("07-07-2009"),
            .chairOnly,
            .nextRequestSent,
            .nextRequested("19:42"),
            .keyNotes,
            .shortNotes,
            .notesSoFar(2, "Geen vragen."),
            .projectorDone(3),
            .projectorAgenda,
            .projectorMore(4),
            .shortRequestNext,
            .keyMoveUp,
            .keyMoveDown,
            .keyPageUp,
            .keyPageDown,
            .keyHome,
            .keyEnd,
            .keyMoveItemUp,
            .keyMoveItemDown,
            .keyTimeboxUp,
            .keyTimeboxDown,
            .helpHistorySection,
            .helpChainSection,
            .helpDashboardSection,
            .helpMinutesSection,
            .helpQuickSection,
            .helpAttendanceSection,
            .helpEverywhere,
            .keyBackToMain,
            .keyQuitAnywhere,
            .keyHelpHere,
            .keyHistoryChain,
            .keyHistoryFilter,
            .keyHistorySearch,
            .keyHistoryExport,
            .keyChainBack,
            .keyChainCorrect,
            .keyChainWithdraw,
            .keyDashNext,
            .keyDashPrev,
            .keyMinutesClose,
            .keyQuickRead,
            .keyQuickComplete,
            .keyQuickChoose,
            .keyQuickBack,
            .keyAttendancePresent,
            .keyAttendanceApologies,
            .keyAttendanceAbsent,
            .keyAttendanceCycle,
            .keyAttendanceRest,
            .keyAttendanceGuest,
            .keyAttendanceCount,
            .keyAttendanceSave,
            .keyFormHelp,
            .helpCloseSearch,
            .helpSearching("wijk"),
            .helpNoMatch("xyz"),
            .helpTitleFor("Geschiedenis"),
        ]
        all += PlanText.examples.map { Text.plan($0) }
        return all
    }

    /// A number per case (exhaustive switch, so a new case must be given one).
    public var exampleSlot: Int {
        switch self {
        case .appTitle: 0
        case .paneAgenda: 1
        case .paneSignals: 2
        case .paneActions: 3
        case .paneParticipation: 4
        case .headerKern: 5
        case .headerMeeting: 6
        case .headerNoMeeting: 7
        case .headerFilter: 8
        case .savedState: 9
        case .notSavedYet: 10
        case .readOnly: 11
        case .notSaved: 12
        case .emptyAgenda: 13
        case .emptySignals: 14
        case .emptyActions: 15
        case .emptyParticipation: 16
        case .emptyInitiatives: 17
        case .emptyProposals: 18
        case .emptyFeedbackOwed: 19
        case .emptyBudgets: 20
        case .emptyPriorities: 21
        case .listInitiatives: 22
        case .listProposals: 23
        case .listFeedbackOwed: 24
        case .listBudgets: 25
        case .listPriorities: 26
        case .keyView: 27
        case .keyTriage: 28
        case .keyFeedback: 29
        case .keyClosePriority: 30
        case .keyWijkKind: 31
        case .keyLadder: 32
        case .shortView: 33
        case .shortTriage: 34
        case .shortFeedback: 35
        case .shortClosePriority: 36
        case .shortLadder: 37
        case .routeLabel: 38
        case .outcomeLabel: 39
        case .ageDays: 40
        case .signalsCount: 41
        case .budgetLine: 42
        case .overBudget: 43
        case .priorityClosedMark: 44
        case .ladderAllowed: 45
        case .ladderNoRange: 46
        case .ladderOverride: 47
        case .ladderRepresentatives: 48
        case .ladderFeedback: 49
        case .noAddHere: 50
        case .triageHere: 51
        case .feedbackHere: 52
        case .closeHere: 53
        case .ladderHere: 54
        case .detailRoute: 55
        case .detailFeedback: 56
        case .detailOutcome: 57
        case .detailTurnaround: 58
        case .detailAllowed: 59
        case .detailSpent: 60
        case .terminalTooSmall: 61
        case .terminalTooSmallHint: 62
        case .helpTitle: 63
        case .helpClose: 64
        case .detailTitle: 65
        case .detailClose: 66
        case .filterTitle: 67
        case .filterAll: 68
        case .formTitle: 69
        case .formHint: 70
        case .formChoiceHint: 71
        case .formSaveFailed: 72
        case .confirmDiscardForm: 73
        case .confirmQuit: 74
        case .overdueMark: 75
        case .personErasedMark: 76
        case .withdrawnMark: 77
        case .minutesShort: 78
        case .agendaTotal: 79
        case .keyNextPane: 80
        case .keyPrevPane: 81
        case .keyPaneNumber: 82
        case .keyMove: 83
        case .keyPage: 84
        case .keyHomeEnd: 85
        case .keyOpen: 86
        case .keyAdd: 87
        case .keyDecision: 88
        case .keyMeeting: 89
        case .keyFilter: 90
        case .keyStatus: 91
        case .keyHelp: 92
        case .keyQuit: 93
        case .keyMouse: 94
        case .keyFormNext: 95
        case .keyFormPrev: 96
        case .keyFormSave: 97
        case .keyFormCancel: 98
        case .keyFormEdit: 99
        case .keyFormChoice: 100
        case .shortPane: 101
        case .shortSelect: 102
        case .shortDetails: 103
        case .shortNew: 104
        case .shortDecision: 105
        case .shortMeeting: 106
        case .shortStatus: 107
        case .shortFilter: 108
        case .shortHelp: 109
        case .shortQuit: 110
        case .shortSave: 111
        case .shortNextField: 112
        case .shortCancel: 113
        case .shortClose: 114
        case .shortChoose: 115
        case .chooseHint: 116
        case .ladderTitle: 117
        case .ladderChosen: 118
        case .helpFormSection: 119
        case .helpMainSection: 120
        case .fieldLabel: 121
        case .choiceNone: 122
        case .required: 123
        case .tooLong: 124
        case .unknownWijk: 125
        case .unknownKern: 126
        case .unknownOrganisation: 127
        case .unknownChoice: 128
        case .badDate: 129
        case .badAmount: 130
        case .badMinutes: 131
        case .unknownRecord: 132
        case .noMeeting: 133
        case .reasonRequiredToDrop: 134
        case .statusUnchanged: 135
        case .reasonRequiredOutOfScope: 136
        case .reasonRequiredNotExecutable: 137
        case .noProposal: 138
        case .priorityCap: 139
        case .priorityInBeheerWijk: 140
        case .alreadyClosed: 141
        case .wijkNotKern: 142
        case .decisionOtherKern: 143
        case .badYear: 144
        case .budgetExists: 145
        case .levelOutsideRange: 146
        case .saved: 147
        case .savedStatus: 148
        case .savedEntry: 149
        case .budgetDecisionText: 150
        case .meetingClosed: 151
        case .meetingAlreadyOpen: 152
        case .meetingNotOpen: 153
        case .meetingNotClosed: 154
        case .noNextItem: 155
        case .noPreviousItem: 156
        case .badCount: 157
        case .cannotMove: 158
        case .removedFromAgenda: 159
        case .badScore: 160
        case .minutesHeading: 161
        case .minutesResidents: 162
        case .minutesAttendance: 163
        case .minutesNone: 164
        case .minutesAgenda: 165
        case .minutesDecisions: 166
        case .minutesActions: 167
        case .minutesOwner: 168
        case .minutesDue: 169
        case .minutesInform: 170
        case .minutesFeedback: 171
        case .meetingPrepared: 172
        case .chainCreated: 173
        case .chainCorrected: 174
        case .chainWithdrawn: 175
        case .chainStatus: 176
        case .chainFeedback: 177
        case .historyTitle: 178
        case .historyAll: 179
        case .historyEmpty: 180
        case .historyNoMeeting: 181
        case .historyMeeting: 182
        case .historyHint: 183
        case .chainTitle: 184
        case .historyFilterTitle: 185
        case .historyCount: 186
        case .keyHistory: 187
        case .shortHistory: 188
        case .kindAll: 189
        case .exportWritten: 190
        case .exportFormatMismatch: 191
        case .exportNoMeeting: 192
        case .shortExport: 193
        case .minutesTitle: 194
        case .minutesCloseHint: 195
        case .meetingClosedCheckpoint: 196
        case .projectorReadOnly: 197
        case .projectorOn: 198
        case .projectorOff: 199
        case .hiddenPerson: 200
        case .revealHint: 201
        case .nowTitle: 202
        case .nowNone: 203
        case .phaseLabel: 205
        case .itemNumber: 206
        case .overPlanned: 207
        case .plannedOf: 208
        case .keyOpenMeeting: 209
        case .keyNextItem: 210
        case .keyPrevItem: 211
        case .keyEndItem: 212
        case .keyMoveItem: 213
        case .keyRemoveItem: 214
        case .keyTimebox: 215
        case .keyAttendance: 216
        case .keyResidents: 217
        case .keyMinutes: 218
        case .keyProjector: 219
        case .keyReveal: 220
        case .shortOpen: 221
        case .shortNext: 222
        case .shortMinutes: 223
        case .shortProjector: 224
        case .shortReveal: 225
        case .agendaLatePrefix: 226
        case .agendaActionPrefix: 227
        case .agendaSignalPrefix: 228
        case .agendaProposal: 229
        case .agendaInitiativeTriage: 230
        case .agendaInitiativeFeedback: 231
        case .agendaBudgetOver: 232
        case .logDamaged: 233
        case .logIOError: 234
        case .logLocked: 235
        case .tornTailMoved: 236
        case .verifyOK: 237
        case .verifyFailed: 238
        case .checkpointMismatch: 239
        case .checkpointMissing: 240
        case .checkpointOK: 241
        case .badCheckpoint: 242
        case .checkpointPrinted: 243
        case .demoCopy: 244
        case .cliNeedsTTY: 245
        case .warnNetworkFS: 246
        case .warnSyncFolder: 247
        case .warnConflictCopy: 248
        case .detailID: 249
        case .detailStatus: 250
        case .detailCreated: 251
        case .detailMeeting: 252
        case .detailChanges: 253
        case .detailWithdrawn: 254
        case .detailKind: 255
        case .exportMinutesTitle: 256
        case .exportResidents: 257
        case .exportCheckpoint: 258
        case .exportGenerated: 259
        case .exportPersonalNote: 260
        case .exportNotDiscussed: 261
        case .exportNumberColumn: 262
        case .exportMinutesColumn: 263
        case .exportFeedbackGiven: 264
        case .exportFeedbackPending: 265
        case .exportServedBy: 266
        case .exportPerson: 267
        case .exportCSVHeader: 268
        case .exportYes: 269
        case .exportNo: 270
        case .exportReportTitle: 271
        case .exportPeriod: 272
        case .exportKernLine: 273
        case .exportCombined: 274
        case .exportStateAsOf: 275
        case .exportWholeKern: 276
        case .exportWijkKind: 277
        case .exportActivePriorities: 278
        case .exportDecisionsInPeriod: 279
        case .exportActionsHeading: 280
        case .exportActionCounts: 281
        case .exportOverdueActions: 282
        case .exportInitiativesHeading: 283
        case .exportInitiativeCount: 284
        case .exportParticipationUsed: 285
        case .exportBudgetHeading: 286
        case .exportBudgetLine: 287
        case .exportFeedbackOwedHeading: 288
        case .exportWaitingSince: 289
        case .exportIndicators: 290
        case .exportInitiativeIndicator: 291
        case .exportLemonHeading: 292
        case .exportTrendColumn: 293
        case .exportTrend: 294
        case .exportNoDataFor: 295
        case .exportNewsletterTitle: 296
        case .exportNewsletterIntro: 297
        case .exportProgress: 298
        case .exportDoneReported: 299
        case .exportDiscussed: 300
        case .exportStarted: 301
        case .exportContacts: 302
        case .exportCalendarName: 303
        case .exportMeetingSummary: 304
        case .exportDeadlineSummary: 305
        case .exportFileExists: 306
        case .exportWriteFailed: 307
        case .exportLogMissing: 308
        case .exportBadPeriod: 309
        case .exportStandOn: 310
        case .exportInProgress: 311
        case .exportNoFolder: 312
        case .exportNoPermission: 313
        case .exportDiskFull: 314
        case .exportReadOnlyDisk: 315
        case .exportIsFolder: 316
        case .exportSystemError: 317
        case .cliAbstract: 318
        case .cliHelp: 319
        case .cliBadLanguage: 320
        case .cliUnknownRole: 321
        case .cliGenerateNeedsOut: 322
        case .cliGenerateNeedsCount: 323
        case .cliFileExistsChooseNew: 324
        case .cliNoDataFolder: 325
        case .cliCannotRead: 326
        case .cliBadReference: 327
        case .cliBadSettings: 328
        case .cliNoPersonalData: 329
        case .cliErased: 330
        case .cliAgendaTotal: 331
        case .cliAgendaNow: 332
        case .cliGenerating: 333
        case .cliVerifying: 373
        case .cliReading: 374
        case .logReplacedUnderneath: 334
        case .ioQuotaFull: 335
        case .ioDiskError: 336
        case .ioNoSuchFile: 337
        case .priorityActiveMark: 338
        case .chainItemStarted: 339
        case .keyDashboard: 340
        case .shortDashboard: 341
        case .shortPlace: 342
        case .dashboardTitle: 343
        case .dashboardWholeKern: 344
        case .dashboardHint: 345
        case .dashboardNoData: 346
        case .dashboardSignals: 347
        case .dashboardActions: 348
        case .dashboardInitiatives: 349
        case .dashboardBudget: 350
        case .dashboardLemon: 351
        case .dashboardNoLemon: 352
        case .dashboardNoBudget: 353
        case .dashboardQuarter: 354
        case .dashboardTotal: 355
        case .dashboardMedian: 356
        case .dashboardRemaining: 357
        case .dashboardAllocated: 358
        case .dashboardSpent: 359
        case .dashboardCount: 360
        case .dashboardStatusOpen: 361
        case .dashboardStatusLate: 362
        case .dashboardStatusDone: 363
        case .dashboardStatusDropped: 364
        case .dashboardThemeColumn: 365
        case .dashboardPlaceColumn: 366
        case .dashboardOutcomeColumn: 367
        case .dashboardNoteColumn: 368
        case .dashboardChartsHeading: 369
        case .dashboardChartLabel: 370
        case .dashboardScoreScale: 371
        case .meetingOtherKern: 372
        case .exportFormTitle: 375
        case .exportReportShort: 376
        case .exportPage: 377
        case .exportPageOf: 378
        case .dashboardMonth: 379
        case .dashboardSignalsOver: 380
        case .dashboardBudgetYears: 381
        case .alreadyWithdrawn: 403
        case .personalNotCorrectable: 404
        case .fieldNotCorrectable: 405
        case .nothingChanged: 406
        case .reasonRequiredToWithdraw: 407
        case .meetingHeldNotWithdrawable: 408
        case .meetingSealed: 409
        case .notCorrectableEntry: 382
        case .decisionOtherWijk: 383
        case .reopenDecisionInside: 384
        case .lemonExists: 385
        case .savedCorrection: 386
        case .savedWithdrawal: 387
        case .undoneReason: 388
        case .chainKindChanged: 389
        case .chainAttendance: 390
        case .chainResidents: 391
        case .chainEntryCorrected: 392
        case .chainEntryWithdrawn: 393
        case .historyKindChange: 394
        case .minutesWithdrawn: 395
        case .minutesWithdrawnLine: 396
        case .minutesReopened: 397
        case .minutesChangedAfterClose: 398
        case .minutesEarlierCheckpoint: 399
        case .standPer: 400
        case .cliBadToday: 401
        case .cliBadTarget: 402
        case .busySaving: 410
        case .busyPreparingMeeting: 411
        case .busyClosingMeeting: 412
        case .busyExporting: 413
        case .openingLog: 414
        case .cliParser: 415
        case .cliVersionLine: 416
        case .listOverrideMark: 417
        case .firstRunNoLog: 418
        case .logReadError: 419
        case .safety: 420
        case .keyCorrect: 438
        case .keyWithdraw: 439
        case .keyUndo: 440
        case .keyLookBack: 441
        case .shortCorrect: 442
        case .shortWithdraw: 443
        case .shortUndo: 421
        case .shortLookBack: 422
        case .formCorrectTitle: 423
        case .formWithdrawTitle: 424
        case .formLookBackTitle: 425
        case .lookBackHint: 426
        case .confirmWithdraw: 427
        case .confirmUndo: 428
        case .confirmCloseMeeting: 429
        case .confirmYesNo: 430
        case .nothingToUndo: 431
        case .undone: 432
        case .selectToCorrect: 433
        case .busyLookingBack: 434
        case .shortYes: 435
        case .shortNo: 436
        case .chainHint: 437
        case .dbUnreachable: 444
        case .dbRefused: 445
        case .dbReadOnlyRole: 446
        case .dbSchemaVersion: 447
        case .dbNoSchema: 448
        case .dbCommitUnknown: 449
        case .dbReconnected: 450
        case .dbInitDone: 451
        case .dbInitNeedsURI: 452
        case .copyDone: 453
        case .copyTargetNotEmpty: 454
        case .copyMismatch: 455
        case .copyPersonalKept: 456
        case .copySourceMissing: 457
        case .plan: 458
        case .formDuringItem: 460
        case .hintDue: 459
        case .quickUnknownKind: 474
        case .quickNoWijk: 461
        case .quickMissing: 462
        case .quickUnknown: 463
        case .quickWhich: 464
        case .quickWhichHint: 465
        case .quickPreviewHint: 466
        case .quickSyntax: 467
        case .quickNoneFits: 468
        case .keyQuickEntry: 469
        case .shortQuickEntry: 470
        case .shortComplete: 471
        case .confirmQuitLine: 472
        case .shortReadLine: 473
        case .confirmQuitAttendance: 490
        case .confirmDiscardAttendance: 475
        case .attendanceNoGuest: 476
        case .attendanceNothingChanged: 477
        case .savedAttendance: 478
        case .attendanceTitle: 479
        case .attendancePresent: 480
        case .attendanceResidents: 481
        case .attendanceNotFilled: 482
        case .attendanceUnsaved: 483
        case .attendanceGuestMark: 484
        case .attendanceGuestPrompt: 485
        case .attendanceHint: 486
        case .shortAttendanceSet: 487
        case .shortAllPresent: 488
        case .shortGuest: 489
        case .savedAbout: 491
        case .subjectTriage: 492
        case .subjectFeedback: 493
        case .subjectAttendance: 494
        case .subjectResidents: 495
        case .subjectClosed: 496
        case .subjectLemon: 497
        case .subjectAgendaOrder: 498
        case .subjectWijkKind: 499
        case .subjectProposal: 500
        case .savedMeetingOpened: 501
        case .savedItemStarted: 502
        case .savedItemEnded: 503
        case .confirmOpenFutureMeeting: 504
        case .exportFolder: 505
        case .exportFileReplace: 506
        case .confirmReplaceFile: 507
        case .noItemUnderDiscussion: 508
        case .severalItemsUnderDiscussion: 509
        case .itemOfOtherMeeting: 510
        case .usedOfPlanned: 511
        case .minutesOutside: 512
        case .minutesNotes: 513
        case .minutesTriaged: 514
        case .minutesSignalsIn: 515
        case .minutesLevels: 516
        case .minutesPresent: 517
        case .minutesApologies: 518
        case .minutesAbsent: 519
        case .minutesNotTakenUp: 520
        case .minutesUnderDiscussion: 521
        case .minutesCost: 522
        case .minutesStatus: 523
        case .projectorNothingYet: 524
        case .projectorDecision: 525
        case .projectorAction: 526
        case .projectorSignal: 527
        case .projectorLevel: 528
        case .projectorNote: 529
        case .projectorDue: 530
        case .headerMeetingOf: 204
        case .chairOnly: 531
        case .nextRequestSent: 532
        case .nextRequested: 533
        case .keyNotes: 534
        case .shortNotes: 535
        case .notesSoFar: 538
        case .projectorDone: 539
        case .projectorAgenda: 540
        case .projectorMore: 536
        case .shortRequestNext: 537
        case .keyMoveUp: 555
        case .keyMoveDown: 556
        case .keyPageUp: 557
        case .keyPageDown: 558
        case .keyHome: 559
        case .keyEnd: 560
        case .keyMoveItemUp: 561
        case .keyMoveItemDown: 562
        case .keyTimeboxUp: 563
        case .keyTimeboxDown: 564
        case .helpHistorySection: 565
        case .helpChainSection: 566
        case .helpDashboardSection: 567
        case .helpMinutesSection: 568
        case .helpQuickSection: 569
        case .helpAttendanceSection: 570
        case .helpEverywhere: 571
        case .keyBackToMain: 572
        case .keyQuitAnywhere: 573
        case .keyHelpHere: 574
        case .keyHistoryChain: 575
        case .keyHistoryFilter: 576
        case .keyHistorySearch: 577
        case .keyHistoryExport: 578
        case .keyChainBack: 579
        case .keyChainCorrect: 580
        case .keyChainWithdraw: 581
        case .keyDashNext: 582
        case .keyDashPrev: 583
        case .keyMinutesClose: 584
        case .keyQuickRead: 585
        case .keyQuickComplete: 586
        case .keyQuickChoose: 587
        case .keyQuickBack: 541
        case .keyAttendancePresent: 542
        case .keyAttendanceApologies: 543
        case .keyAttendanceAbsent: 544
        case .keyAttendanceCycle: 545
        case .keyAttendanceRest: 546
        case .keyAttendanceGuest: 547
        case .keyAttendanceCount: 548
        case .keyAttendanceSave: 549
        case .keyFormHelp: 550
        case .helpCloseSearch: 551
        case .helpSearching: 552
        case .helpNoMatch: 553
        case .helpTitleFor: 554
        }
    }
}
