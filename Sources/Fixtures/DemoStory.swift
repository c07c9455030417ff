import Foundation
import KernteamDomain
import KernteamLog
import KernteamCodec
import KernteamSession

/// A hand-written demo log: the first half year of the kernteam Delfgauw in the 2009 pilot, six
/// monthly meetings with their agenda, signals, actions, decisions, priorities and participation
/// levels, plus one correction and one withdrawal. It also shows the policy rules at work: signals
/// triaged to a route (one outside the scope, with a reason), citizen initiatives with each of the
/// three outcomes (and one still waiting past its term), wijk budgets allocated by decision that the
/// actions' costs count against, feedback to residents (some still owed), representatives and a
/// feedback plan with the participation levels, one deliberate deviation from the ladder, and a
/// recurring theme proposed as wijkaanpak, accepted once and dismissed once. All people are fictional.
///
/// Every timestamp is fixed (UTC, evening meetings), so the file is byte-identical on every run.
public enum DemoStory {
    /// Writes the demo log to `path` (must not exist yet), reference data first.
    public static func write(to path: String, reference: ReferenceData) throws {
        if FileManager.default.fileExists(atPath: path) {
            throw LogError.io(operation: "create", code: EEXIST)
        }
        let genesis = StoryWriter.utc(2, 10, 18, 0)
        // No random identity: the file must be the same on every run; it is identified by the hash
        // of its first line, as logs made before identities were.
        let session = try Session.open(path: path, reference: reference, role: .voorzitter, readOnly: false,
                                       clock: { genesis }, newIdentity: false)
        // Fixed references, so the demo's side store is the same on every run.
        var personNumber = 0
        session.makePersonRef = {
            personNumber += 1
            return "pd-demo\(personNumber < 10 ? "0" : "")\(personNumber)"
        }
        let w = StoryWriter(session: session)
        try meeting1(w)
        try meeting2(w)
        try meeting3(w)
        try meeting4(w)
        try meeting5(w)
        try meeting6(w)
        try stuurgroep(w)
        try w.closeOpenMeeting()
    }

    private static let oud = "Oud Delfgauw"
    private static let emerald = "Emerald"
    private static let polder = "Zuidpolder/Noordpolder"

    // MARK: - February: start of the pilot

    private static func meeting1(_ w: StoryWriter) throws {
        try w.meeting(2, 10)
        let opening = try w.agenda("Opening, kennismaking en rolverdeling kernteam", wijk: nil, minutes: 15)
        let lemonItem = try w.agenda("Uitkomsten Lemon 2008 per wijk", wijk: nil, minutes: 30)
        let visieItem = try w.agenda("Gebiedsvisie Oud Delfgauw: hoe sluiten we aan?", wijk: oud, minutes: 25)
        let hardItem = try w.agenda("Meldingen over hardrijden en parkeren in Emerald", wijk: emerald, minutes: 20)
        let afsprakenItem = try w.agenda("Werkafspraken: signalenlijst en verslag", wijk: nil, minutes: 10)
        try w.attend(present: ["Wijkmanager", "Politie", "Jongerenwerk", "Vestia", "SWOP", "Gemeente beheer", "Gemeente beleid"],
                     apologies: ["Bewonersvereniging"], residents: 2)
        try w.take(opening, notes: [
            "De wijkmanager zit het kernteam voor; de secretaris legt signalen, acties en besluiten tijdens de vergadering vast.",
            "Iedere partner stelt zich voor en noemt wat hij in Delfgauw ziet. Vestia is de corporatie aan tafel; Rondom Wonen heeft hier geen bezit.",
        ])

        w.pause(15)
        try w.take(lemonItem, notes: [
            "Oud Delfgauw scoort lager dan in 2006 op verkeer, spelen en overlast; Emerald vooral op verkeer en vervuiling. De Zuidpolder blijft stabiel.",
            "De uitkomsten gaan de wijkanalyse in; het kernteam neemt de drie opvallendste signalen op.",
        ])
        // The Lemon scores behind this item (2006 and 2008), so trends show in the dashboard and report.
        for (wijk, theme, s2006, s2008) in [(oud, Theme.verkeer, 610, 540), (oud, .spelen, 630, 570), (oud, .overlast, 680, 620),
                                            (emerald, .verkeer, 650, 580), (emerald, .wonen, 700, 630), (emerald, .spelen, 690, 700),
                                            (polder, .veiligheid, 740, 720)] {
            try w.lemon(wijk, theme, year: 2006, score: s2006)
            try w.lemon(wijk, theme, year: 2008, score: s2008)
        }
        let lemonOud = try w.signal(oud, .verkeer, .lemon, on: (1, 20),
            "Lemon 2008: bewoners van Oud Delfgauw ergeren zich het meest aan drukte op de weg en aan de parkeerdruk in de smalle straten.")
        let lemonSpelen = try w.signal(oud, .spelen, .lemon, on: (1, 20),
            "Lemon 2008: ouders vinden dat er te weinig speelplekken zijn voor kinderen onder de 12; de plekken die er zijn liggen ver weg en zijn vaak smerig.")
        let lemonEmerald = try w.signal(emerald, .wonen, .lemon, on: (1, 20),
            "Lemon 2008: Emerald scoort overwegend gemiddeld, maar laag op vervuiling: overvolle afvalbakken en containers, veel hondenpoep.")
        // The Lemon outcomes go into the analysis: the kernteam takes them up.
        try w.triage(lemonOud, .kernteam)
        try w.triage(lemonSpelen, .kernteam)
        try w.triage(lemonEmerald, .kernteam)

        // The kern/wijkenplan: one for the kern, four years, made in the plan's order (beleidsplan 1.2).
        w.pause(5)
        let plan = try w.plan(2009, 2012)
        try w.decision(nil,
            "Het kernteam maakt het kern/wijkenplan Delfgauw 2009–2012. Eerst de wijkschouw en de uitkomsten van Lemon, dan de kern/wijkenanalyse samen met bewoners; analyse en prioriteiten gaan in juli naar de stuurgroep.",
            about: [plan])
        w.state.plan = plan

        w.pause(5)
        try w.take(visieItem, notes: [
            "De bewonersvereniging werkt al aan een dorpsvisie. Het kernteam wil daar niet naast maar mee werken.",
        ])
        let gebiedsvisie = try w.participation(oud, topic: "Gebiedsvisie Oud Delfgauw", work: .wijkvisie, phase: .planvorming,
            level: .coproduceren, controversial: false,
            reason: "De bewonersvereniging schreef mee aan de dorpsvisie; de vervolgstap zoeken we samen en de partners binden zich aan de uitkomst.",
            representatives: "Bestuur van de bewonersvereniging en vijf bewoners uit verschillende straten, jong en oud",
            feedbackPlan: "Verslag van elke avond in het blad van de bewonersvereniging; inloopavond voor wie niet meedoet")
        try w.decision(oud,
            "De gebiedsvisie Oud Delfgauw wordt in coproductie met bewoners uitgewerkt: de bewonersvereniging bepaalt samen met gemeente en partners de agenda en de oplossingen.",
            about: [gebiedsvisie])
        let startavond = try w.action(oud, "Startbijeenkomst gebiedsvisie voorbereiden met het bestuur van de bewonersvereniging",
            owner: "Bewonersvereniging", person: "Joke Zwinkels", due: (3, 15),
            result: "Datum, uitnodiging en opzet van een eerste avond voor alle bewoners van Oud Delfgauw",
            inform: "Aankondiging in het blad van de bewonersvereniging en in de Telstar")

        w.pause(10)
        try w.take(hardItem, notes: [
            "Meldingen over hardrijden komen vooral uit Emerald-Zuid, rond de school. De politie meet eerst, daarna kiezen we maatregelen.",
        ])
        let snel = try w.signal(emerald, .verkeer, .bewoner, on: (1, 27),
            "Auto's rijden 's ochtends veel te hard door Emerald-Zuid, juist waar de kinderen naar school fietsen.",
            buurt: "Emerald-Zuid", reporter: "Zoë de Vries", contact: "06-24817365")
        let stoep = try w.signal(emerald, .verkeer, .meldpunt, on: (2, 3),
            "Meldpunt Wijkbeheer: drie meldingen in een week van auto's die half op de stoep staan bij de basisschool; kinderwagens en rolstoelen moeten de rijbaan op.",
            buurt: "Emerald-Centrum")
        let meting = try w.action(emerald, "Snelheidsmeting en controles in Emerald-Zuid tijdens de ochtendspits",
            owner: "Politie", person: "wijkagent Ruud Bakker", due: (3, 31),
            result: "Cijfers over snelheid en tijdstippen, als basis voor een gericht voorstel",
            inform: "Terugkoppeling aan de melder en een bericht in de wijkkrant", serves: [snel])

        w.pause(10)
        try w.take(afsprakenItem, notes: [
            "Signalen komen via de wijkmanager binnen en staan elke vergadering op de lijst; het verslag gaat binnen een week naar alle partners.",
        ])
        let analyse = try w.action(nil, "Wijkanalyse Delfgauw opstellen uit Lemon, politiemonitor, schouw en signalen",
            owner: "Gemeente beleid", person: "Marieke Verhoeven", due: (4, 30),
            result: "Concept-analyse per wijk als eerste hoofdstuk van het kern/wijkenplan",
            inform: "Nieuwsbrief voor professionals; concept naar de stuurgroep")

        w.state.startavond = startavond
        w.state.meting = meting
        w.state.analyse = analyse
        w.state.lemonEmerald = lemonEmerald
        w.state.snel = snel
        w.state.stoep = stoep
    }

    // MARK: - Between February and March

    private static func between1and2(_ w: StoryWriter) throws {
        try w.at(2, 18, 9, 40)
        w.state.singel = try w.signal(emerald, .verkeer, .bewoner, on: (2, 17),
            "Bezoekers zetten 's avonds hun auto op het gras langs de singel in Emerald-Noord, omdat de parkeerplaatsen vol staan. Het gras is een modderbak.",
            buurt: "Emerald-Noord", reporter: "Henk van der Linden", contact: "06-31552908")
        try w.at(2, 19, 14, 5)
        w.state.dubbel = try w.signal(emerald, .verkeer, .meldpunt, on: (2, 18),
            "Via Meldpunt Wijkbeheer: geparkeerde auto's op het gras langs de singel, Emerald-Noord.",
            buurt: "Emerald-Noord")
        try w.at(2, 23, 8, 55)
        w.state.hangplek = try w.signal(oud, .overlast, .politie, on: (2, 21),
            "Vrijdag- en zaterdagavond geluidsoverlast en twee vernielde bankjes bij het speelveldje in het dorpscentrum; groep van acht à tien jongeren.",
            buurt: "Dorpscentrum")
        try w.at(2, 25, 10, 20)
        w.state.tuinafval = try w.signal(polder, .wonen, .meldpunt, on: (2, 24),
            "Tuinafval en bouwpuin gestort naast het fietspad door de Noordpolder. Meldpunt heeft het dezelfde week laten ruimen; afgehandeld.",
            buurt: "Noordpolder")
        try w.at(3, 2, 13, 10)
        // The typo "spellen" is left in on purpose: the March meeting corrects it.
        w.state.hondenpoep = try w.signal(emerald, .wonen, .bewoner, on: (3, 1),
            "Veel hondenpoep op het grasveld waar de kinderen spellen. Graag een uitlaatstrook en meer afvalbakken met zakjes.",
            buurt: "Emerald-Centrum", reporter: "René Hoogendoorn", contact: "06-47120395")
    }

    // MARK: - March

    private static func meeting2(_ w: StoryWriter) throws {
        try between1and2(w)
        try w.meeting(3, 10)
        let actielijst2 = try w.agenda("Actielijst vorige vergadering", wijk: nil, minutes: 10)
        let jongeren2 = try w.agenda("Jongeren bij het speelveldje in het dorpscentrum", wijk: oud, minutes: 25)
        let parkeren2 = try w.agenda("Parkeren en hardrijden in Emerald: een terugkerend thema", wijk: emerald, minutes: 25)
        let honden2 = try w.agenda("Hondenpoep en afvalbakken Emerald", wijk: emerald, minutes: 15)
        let schouw2 = try w.agenda("Voorbereiding wijkschouw 4 april", wijk: nil, minutes: 10)
        let budget2 = try w.agenda("Wijkbudgetten 2009", wijk: nil, minutes: 10)
        try w.attend(present: ["Wijkmanager", "Politie", "Jongerenwerk", "Vestia", "SWOP", "Gemeente beheer", "Gemeente beleid",
                               "Bewonersvereniging"], residents: 4)
        try w.take(actielijst2, notes: [
            "De startavond voor de gebiedsvisie staat; de snelheidsmeting in Emerald-Zuid loopt.",
        ])

        w.pause(1)
        try w.status(w.state.startavond, .gereed)
        try w.status(w.state.meting, .bezig)
        try w.withdraw(w.state.dubbel,
            "Dubbel: dezelfde situatie als \(w.state.singel), een dag later via het Meldpunt binnengekomen.")
        try w.correct(w.state.hondenpoep,
            ["text": "Veel hondenpoep op het grasveld waar de kinderen spelen. Graag een uitlaatstrook en meer afvalbakken met zakjes."],
            reason: "Typfout in de signaaltekst hersteld (spellen → spelen).")
        try w.triage(w.state.hangplek, .kernteam)
        try w.triage(w.state.tuinafval, .opgelost)
        try w.triage(w.state.hondenpoep, .kernteam)

        w.pause(8)
        try w.take(jongeren2, notes: [
            "Omwonenden klagen over lawaai en vernielingen in het weekend. Jongerenwerk kent de groep en ziet vooral verveling, geen kwade wil.",
            "Afgesproken: eerst met de jongeren zelf praten; de politie houdt tot dan extra toezicht.",
        ])
        let groep = try w.signal(oud, .jongeren, .jongerenwerk, on: (3, 5),
            "Jongerenwerk kent de groep bij het speelveldje: vooral 14- tot 17-jarigen uit Delfgauw zelf. Ze zeggen dat er in het dorp geen plek voor hen is.",
            buurt: "Dorpscentrum")
        try w.triage(groep, .kernteam)
        let gesprek = try w.action(oud, "In gesprek met de jongeren uit het dorpscentrum over een eigen ontmoetingsplek",
            owner: "Jongerenwerk", person: "Sander Koster", due: (4, 30),
            result: "Een voorstel van de jongeren zelf: waar, wanneer en met welke afspraken",
            inform: "Omwonenden krijgen een brief van de wijkmanager", serves: [w.state.hangplek, groep])
        let toezicht = try w.action(oud, "Extra toezicht op vrijdag- en zaterdagavond rond het dorpscentrum",
            owner: "Politie", person: "wijkagent Ruud Bakker", due: (5, 31),
            result: "Minder meldingen van geluidsoverlast en vernielingen",
            inform: "Melders en omwonenden via de wijkmanager", serves: [w.state.hangplek])
        try w.decision(oud,
            "Eerst praten met de jongeren zelf, daarna pas maatregelen. Tot die tijd houdt de politie op weekendavonden extra toezicht.",
            about: [gesprek, toezicht, w.state.hangplek])

        w.pause(10)
        try w.take(parkeren2, notes: [
            "Het programma stelt verkeer in Emerald voor als thema voor de wijkaanpak: vijf signalen in korte tijd. Het kernteam neemt het over.",
        ])
        // The program noticed that traffic keeps coming back in Emerald; the chair accepts the proposal,
        // which routes those signals to the wijkaanpak.
        try w.decideProposal(emerald, .verkeer, accepted: true,
            reason: "Verkeer en parkeren komen steeds terug in Emerald: het wordt een thema van de wijkaanpak.")
        // Priorities follow the analysis (beleidsplan 1.2): the theme goes into the analysis first.
        try w.decision(emerald,
            "Verkeer en parkeren in Emerald worden een thema van de wijkaanpak. De wijkmanager neemt het mee in de kern/wijkenanalyse als voorstel voor een prioriteit.",
            about: [w.state.snel, w.state.stoep, w.state.singel])

        w.pause(8)
        try w.take(honden2, notes: [
            "Bewoners wijzen zelf de plekken aan voor de nieuwe afvalbakken; Gemeente beheer plaatst ze voor half mei.",
        ])
        w.state.bakken = try w.action(emerald, "Extra afvalbakken en twee hondentoiletten plaatsen in Emerald-Centrum",
            owner: "Gemeente beheer", person: "Erik Boogaard", due: (5, 15),
            result: "Zes afvalbakken met zakjesautomaat en twee hondentoiletten op plekken die bewoners aanwijzen",
            cost: 385_000, inform: "Bewonersbrief Emerald-Centrum en website van de gemeente",
            serves: [w.state.lemonEmerald, w.state.hondenpoep])
        w.state.gesprek = gesprek
        w.state.toezicht = toezicht
        w.state.groep = groep

        w.pause(4)
        try w.take(schouw2, notes: [
            "De wijkschouw van 4 april loopt langs Oud Delfgauw en Emerald; bewoners van de bewonersvereniging lopen mee.",
        ])
        w.pause(4)
        try w.take(budget2, notes: [
            "De wijkbudgetten zijn voor kleine extra's die de gewone budgetten niet dekken; de wijkmanager legt er verantwoording over af.",
        ])
        // Budgets are the stuurgroep's to allocate (beleidsplan 1.2, 2.3); the kernteam hears of it here.
        let budgetten = try w.decision(by: .stuurgroep, on: (3, 5), nil,
            "De stuurgroep kent uit het budget voor wijkgericht werken Emerald € 15.000 en Oud Delfgauw € 10.000 toe voor 2009. De wijkmanager beheert de wijkbudgetten en legt er verantwoording over af aan kernteam en stuurgroep.",
            about: nil)
        try w.budget(emerald, cents: 1_500_000, decision: budgetten)
        try w.budget(oud, cents: 1_000_000, decision: budgetten)
    }

    // MARK: - Between March and April

    private static func between2and3(_ w: StoryWriter) throws {
        try w.at(3, 20, 16, 10)
        w.state.straatfeest = try w.initiative(emerald, on: (3, 20),
            "Buren uit Emerald-Centrum willen op zaterdag 12 september een straatfeest houden en vragen een bijdrage voor tafels, een springkussen en een buurtbarbecue.",
            initiator: "Fatima El Amrani", contact: "06-22840917")
        try w.at(3, 27, 11, 0)
        w.state.uitslag = try w.signal(emerald, .verkeer, .politie, on: (3, 26),
            "Uitslag snelheidsmeting Emerald-Zuid: vier op de tien auto's rijdt harder dan 30 km/u, het drukst tussen half acht en half negen.",
            buurt: "Emerald-Zuid")
        try w.at(3, 31, 15, 45)
        w.state.verlichting = try w.signal(polder, .veiligheid, .bewoner, on: (3, 30),
            "De fietsroute door de Zuidpolder is 's avonds aardedonker. Ouders maken zich zorgen over scholieren die in de winter laat thuiskomen.",
            buurt: "Zuidpolder", reporter: "Kees Vermeulen", contact: "06-58263140")
        try w.at(4, 2, 10, 30)
        w.state.ouderen = try w.signal(oud, .ouderen, .swop, on: (4, 1),
            "Ouderen uit Oud Delfgauw missen een plek om elkaar overdag te treffen; de voorzieningen in Emerald zijn voor hen te ver lopen.")
    }

    // MARK: - April: wijkschouw and a play area

    private static func meeting3(_ w: StoryWriter) throws {
        try between2and3(w)
        try w.meeting(4, 14)
        let actielijst3 = try w.agenda("Actielijst", wijk: nil, minutes: 10)
        let schouw3 = try w.agenda("Bevindingen wijkschouw van 4 april", wijk: nil, minutes: 25)
        let meting3 = try w.agenda("Uitslag snelheidsmeting Emerald-Zuid", wijk: emerald, minutes: 20)
        let speel3 = try w.agenda("Speelplek Emerald-Zuid: initiatief van ouders", wijk: emerald, minutes: 20)
        let ouderen3 = try w.agenda("Ontmoetingsplek voor ouderen in Oud Delfgauw", wijk: oud, minutes: 15)
        try w.attend(present: ["Wijkmanager", "Politie", "Jongerenwerk", "SWOP", "Gemeente beheer", "Gemeente beleid", "Bewonersvereniging"],
                     apologies: ["Vestia"], residents: 3)
        try w.take(actielijst3, notes: [
            "De snelheidsmeting is klaar; het gesprek met de jongeren is begonnen. De melder over hardrijden heeft een brief gekregen.",
        ])

        w.pause(1)
        try w.status(w.state.meting, .gereed)
        try w.status(w.state.gesprek, .bezig)
        try w.feedback(w.state.snel, "Brief aan de melder met de uitslag van de snelheidsmeting en wat het kernteam ermee doet")
        try w.triage(w.state.uitslag, .wijkaanpak)
        try w.triage(w.state.verlichting, .kernteam)
        try w.triage(w.state.ouderen, .kernteam)

        w.pause(6)
        try w.take(schouw3, notes: [
            "Drie bevindingen van de schouw: een kapot klimtoestel, te hoge struiken aan de Oude Laan en geparkeerde auto's op hoeken in Emerald-Noord.",
        ])
        let schouwSpeel = try w.signal(emerald, .spelen, .schouw, on: (4, 4),
            "Wijkschouw: op de speelplek aan de rand van Emerald-Zuid is het klimtoestel kapot en er is niets voor kleuters.",
            buurt: "Emerald-Zuid")
        let struiken = try w.signal(oud, .groen, .schouw, on: (4, 4),
            "Wijkschouw: de struiken langs het pad aan de Oude Laan zijn zo hoog dat het daar 's avonds onoverzichtelijk en onprettig is. Doorgezet naar het snoeiprogramma.",
            buurt: "Oude Laan")
        let hoeken = try w.signal(emerald, .verkeer, .schouw, on: (4, 4),
            "Wijkschouw: in Emerald-Noord staan 's avonds auto's op hoeken en in bochten geparkeerd; vuilniswagen en hulpdiensten komen er lastig langs.",
            buurt: "Emerald-Noord")
        try w.triage(schouwSpeel, .kernteam)
        try w.triage(struiken, .opgelost)
        try w.triage(hoeken, .wijkaanpak)
        // With the schouw done and the Lemon outcomes in, the plan moves on to the analysis.
        try w.decision(nil,
            "De wijkschouw en de Lemon-uitkomsten zijn besproken. De kern/wijkenanalyse begint; bewoners geven hun commentaar op het concept in mei.",
            about: [w.state.plan, w.state.analyse])
        try w.planPhase(w.state.plan, .analyse, on: (4, 14))

        w.pause(5)
        try w.take(meting3, notes: [
            "Vier op de tien auto's rijden te hard, vooral tussen half acht en half negen. Het wordt onderdeel van het verkeersplan Emerald.",
        ])
        w.pause(7)
        try w.take(speel3, notes: [
            "Een groep ouders wil de speelplek zelf opnieuw inrichten. Het kernteam laat het ontwerp aan hen, binnen de veiligheidseisen.",
        ])
        let initiatief = try w.signal(emerald, .spelen, .bewoner, on: (4, 8),
            "Een groep ouders uit Emerald-Zuid wil de speelplek zelf opnieuw inrichten: zij maken een ontwerp en organiseren een opknapdag met de buurt.",
            buurt: "Emerald-Zuid", reporter: "Anouk 't Hart", contact: "06-19036472")
        try w.triage(initiatief, .kernteam)
        let toestel = try w.action(emerald, "Kapot klimtoestel speelplek Emerald-Zuid weghalen en de plek laten keuren",
            owner: "Gemeente beheer", person: "Erik Boogaard", due: (4, 30),
            result: "Veilige speelplek in afwachting van de nieuwe inrichting", cost: 65_000,
            inform: "Bordje op de speelplek; ouders via de werkgroep", serves: [schouwSpeel])
        let speelplek = try w.participation(emerald, topic: "Speelplek Emerald-Zuid", work: .leefbaarheidsplan, phase: .uitvoering,
            level: .delegeren, controversial: false,
            reason: "Het initiatief komt van de ouders; de gemeente geeft budget en veiligheidseisen mee als kader.",
            representatives: "Werkgroep van zes ouders uit Emerald-Zuid",
            feedbackPlan: "Flyer in de buurt voor en na de opknapdag; verslag aan het kernteam")
        let begeleiding = try w.action(emerald, "Werkgroep ouders begeleiden bij ontwerp en opknapdag speelplek Emerald-Zuid",
            owner: "Wijkmanager", person: "Ingrid van Leeuwen", due: (9, 30),
            result: "Vernieuwde speelplek met toestellen voor kleuters, ontworpen en mee opgeknapt door de buurt",
            cost: 750_000, wijkbudget: true, inform: "Werkgroep verspreidt een flyer in de buurt; verslag aan het kernteam",
            serves: [schouwSpeel, initiatief])
        try w.decision(emerald,
            "De herinrichting van de speelplek Emerald-Zuid wordt overgelaten aan de werkgroep van ouders, binnen de veiligheidseisen en een budget van ten hoogste € 7.500 uit het wijkbudget.",
            about: [speelplek, initiatief, begeleiding])

        w.pause(10)
        try w.take(ouderen3, notes: [
            "SWOP hoort van ouderen dat de voorzieningen in Emerald te ver weg zijn. Eerst uitzoeken hoe groot de behoefte is.",
            "Het straatfeest in Emerald-Centrum kan direct door; de buren regelen het zelf.",
        ])
        let ouderenplek = try w.action(oud, "Nagaan welke behoefte ouderen in Oud Delfgauw hebben aan een ontmoetingsplek, en waar",
            owner: "SWOP", person: "Truus Ammerlaan", due: (6, 30),
            result: "Korte notitie: wie, hoe vaak, welke ruimte komt in aanmerking",
            inform: "Via de ouderenbond en de SWOP-nieuwsbrief", serves: [w.state.ouderen])

        w.pause(8)
        try w.initiativeOutcome(w.state.straatfeest, .direct)
        try w.feedback(w.state.straatfeest, "Gebeld door de wijkmanager: het kernteam draagt bij uit het wijkbudget; de buren regelen het feest zelf")

        w.state.toestel = toestel
        w.state.begeleiding = begeleiding
        w.state.ouderenplek = ouderenplek
    }

    // MARK: - Between April and May

    private static func between3and4(_ w: StoryWriter) throws {
        try w.at(4, 22, 19, 30)
        w.state.bollen = try w.initiative(oud, on: (4, 22),
            "Bewoners van de Oude Laan willen de kale groenstrook zelf beplanten met bloembollen en er een bijenhotel neerzetten; ze vragen plantgoed en hulp bij het spitten.",
            initiator: "Jan-Willem de Graaf", contact: "015-2574410")
        try w.at(4, 28, 11, 45)
        w.state.paspoort = try w.signal(oud, .ouderen, .bewoner, on: (4, 27),
            "Een bewoner vraagt hulp: zijn moeder kan niet meer naar het gemeentehuis om haar paspoort te verlengen.",
            reporter: "Wim Kuijpers", contact: "015-2561834")
        try w.at(5, 5, 12, 15)
        w.state.vracht = try w.signal(emerald, .verkeer, .bewoner, on: (5, 4),
            "Vrachtwagens van bedrijventerrein Ruyven rijden door de woonstraten van Emerald-Noord in plaats van over de hoofdroute.",
            buurt: "Ruyven", reporter: "Mustafa Özdemir", contact: "06-70445218")
    }

    // MARK: - May: the analysis and the traffic plan

    private static func meeting4(_ w: StoryWriter) throws {
        try between3and4(w)
        try w.meeting(5, 12)
        let actielijst4 = try w.agenda("Actielijst", wijk: nil, minutes: 10)
        let analyse4 = try w.agenda("Concept-wijkanalyse Delfgauw", wijk: nil, minutes: 30)
        let verkeer4 = try w.agenda("Verkeersplan Emerald: hoe betrekken we bewoners?", wijk: emerald, minutes: 25)
        let licht4 = try w.agenda("Verlichting fietsroute Zuidpolder", wijk: polder, minutes: 15)
        let nieuws4 = try w.agenda("Nieuwsbrief en kernkrant", wijk: nil, minutes: 10)
        try w.attend(present: ["Wijkmanager", "Politie", "Jongerenwerk", "Vestia", "SWOP", "Gemeente beheer", "Gemeente beleid"],
                     apologies: ["Bewonersvereniging"], absent: ["Opbouwwerk"], residents: 1)
        try w.take(actielijst4, notes: [
            "Klimtoestel weggehaald en extra toezicht afgerond. De paspoortvraag hoort niet bij wijkgericht werken: doorverwezen naar Burgerzaken.",
        ])

        w.pause(1)
        try w.status(w.state.analyse, .gereed)
        try w.status(w.state.toezicht, .gereed)
        try w.status(w.state.toestel, .gereed)
        try w.status(w.state.bakken, .bezig)
        try w.triage(w.state.vracht, .wijkaanpak)
        try w.triage(w.state.paspoort, .buitenScope,
            reason: "Een individuele vraag, geen zaak van de gedeelde woonomgeving; doorverwezen naar de thuisservice van Burgerzaken.")
        try w.feedback(w.state.paspoort, "Gebeld door de wijkmanager: Burgerzaken komt aan huis voor de paspoortaanvraag")
        try w.initiativeOutcome(w.state.bollen, .inplannen)

        w.pause(8)
        try w.take(analyse4, notes: [
            "De concept-analyse beschrijft per wijk wat Lemon, schouw, politiemonitor en signalen laten zien. Partners sturen aanvullingen voor 1 juni.",
        ])
        // The concept analysis, put to residents, yields Emerald's priorities (beleidsplan 1.2).
        w.pause(12)
        let verkeer = try w.priority(emerald, .verkeer,
            "Verkeer en parkeren planmatig aanpakken: te weinig parkeerplaatsen, foutparkeren, sluipverkeer en te hard rijden.",
            period: "2009–2010",
            involvement: "Lemon 2008, de wijkschouw van 4 april met bewoners en het commentaar van de bewonersvereniging op de concept-analyse")
        let schoon = try w.priority(emerald, .wonen,
            "Een schone woonomgeving: afvalbakken en containers op tijd geleegd, minder hondenpoep.",
            period: "2009–2010",
            involvement: "Meldingen en signalen van bewoners; besproken op de wijkschouw van 4 april")
        try w.decision(emerald,
            "Verkeer en vervuiling zijn de prioriteiten van de wijkaanpak Emerald in de concept-analyse; de wijkmanager werkt ze uit voor het plan van aanpak.",
            about: [verkeer, schoon, w.state.snel, w.state.stoep, w.state.singel])
        w.state.verkeerPrio = verkeer

        w.pause(10)
        try w.take(verkeer4, notes: [
            "Het verkeersplan blijft een plan van de gemeente, maar bewoners bepalen mee waar de knelpunten zitten. Eerst een bewonersavond.",
        ])
        let verkeersplan = try w.participation(emerald, topic: "Verkeersplan Emerald (parkeren en snelheid)", work: .gemeentelijkPlan,
            phase: .planvorming, level: .participeren, controversial: false,
            reason: "Het plan blijft van de gemeente, maar de agenda stellen we samen op en voorstellen van bewoners tellen volledig mee.",
            representatives: "Bezoekers van de bewonersavond, met per buurt twee vaste contactpersonen",
            feedbackPlan: "Verslag en uitkomsten op de website van de gemeente en in de kernkrant")
        w.state.avond = try w.action(emerald, "Bewonersavond over het verkeersplan Emerald organiseren",
            owner: "Gemeente beleid", person: "Marieke Verhoeven", due: (6, 25),
            result: "Knelpunten en ideeën van bewoners per buurt op een rij",
            cost: 120_000, wijkbudget: true, inform: "Huis-aan-huisuitnodiging in Emerald; verslag op de website van de gemeente",
            serves: [w.state.snel, w.state.stoep, w.state.singel, w.state.uitslag, w.state.vracht])
        w.state.verkeersplan = verkeersplan

        w.pause(15)
        try w.take(licht4, notes: [
            "Ouders maken zich zorgen over de donkere fietsroute. Gemeente beheer onderzoekt lantaarnpalen; de polder blijft een beheerwijk.",
        ])
        w.state.lantaarns = try w.action(polder, "Extra lantaarnpalen langs de fietsroute door de Zuidpolder",
            owner: "Gemeente beheer", person: "Erik Boogaard", due: (10, 1),
            result: "Verlichte fietsroute voor scholieren", cost: 1_800_000,
            inform: "Melder en ouders via de school", serves: [w.state.verlichting])
        try w.decision(polder,
            "Zuidpolder/Noordpolder blijft een beheerwijk: er komt geen plan van aanpak; gemeente en partners stemmen alleen hun onderhoudsplannen af.",
            about: [w.state.verlichting])
        // Regular maintenance does not involve residents, unless it raises involvement: a deliberate deviation.
        try w.participation(polder, topic: "Opruimdag langs het fietspad in de Noordpolder", work: .beheer, phase: .uitvoering,
            level: .coproduceren, controversial: false,
            reason: "Een gezamenlijke opruimdag met de buurt vergroot de betrokkenheid; de gemeente zorgt voor materiaal en afvoer.",
            representatives: "Drie gezinnen uit de Noordpolder die het storten meldden",
            feedbackPlan: "Foto's en een bedankje op het prikbord van de basisschool")
        w.pause(5)
        try w.take(nieuws4, notes: [
            "De nieuwsbrief voor professionals gaat na elke vergadering rond; de kernkrant krijgt in juni een stuk over de bewonersavond verkeer.",
        ])
    }

    // MARK: - Between May and June

    private static func between4and5(_ w: StoryWriter) throws {
        try w.at(5, 20, 20, 0)
        w.state.camper = try w.initiative(emerald, on: (5, 20),
            "Een bewoner wil op het grasveld langs de singel in Emerald-Noord een vaste parkeerplek voor zijn camper laten aanleggen.",
            initiator: "Ruud Verbeek", contact: "06-55310762")
        try w.at(5, 30, 10, 5)
        w.state.graffiti = try w.signal(oud, .overlast, .politie, on: (5, 29),
            "Sinds het extra toezicht veel minder meldingen van lawaai in het dorpscentrum. Wel nieuwe graffiti op het bushokje.",
            buurt: "Dorpscentrum")
        try w.at(6, 2, 9, 30)
        w.state.container = try w.signal(emerald, .wonen, .meldpunt, on: (6, 1),
            "De ondergrondse container in Emerald-Noord was drie weekenden achter elkaar vol; bewoners zetten hun zakken ernaast.",
            buurt: "Emerald-Noord")
    }

    // MARK: - June: the young people's proposal

    private static func meeting5(_ w: StoryWriter) throws {
        try between4and5(w)
        try w.meeting(6, 9)
        let actielijst5 = try w.agenda("Actielijst", wijk: nil, minutes: 10)
        let jongeren5 = try w.agenda("Voorstel van de jongeren voor een eigen plek", wijk: oud, minutes: 25)
        let speel5 = try w.agenda("Stand van zaken speelplek Emerald-Zuid", wijk: emerald, minutes: 15)
        let containers5 = try w.agenda("Volle containers en portieken in Emerald-Noord", wijk: emerald, minutes: 15)
        let rapportage5 = try w.agenda("Voortgangsrapportage aan de stuurgroep voorbereiden", wijk: nil, minutes: 20)
        let rondvraag5 = try w.agenda("Rondvraag", wijk: nil, minutes: 5)
        try w.attend(present: ["Wijkmanager", "Politie", "Jongerenwerk", "Vestia", "Opbouwwerk", "SWOP", "Gemeente beheer",
                               "Bewonersvereniging"], apologies: ["Gemeente beleid"], residents: 6)
        try w.take(actielijst5, notes: [
            "De lantaarnpalen vervallen: de provincie legt het fietspad in 2010 opnieuw aan, met verlichting. De melder is gebeld.",
            "Een vaste camperplek op het grasveld aan de singel kan niet; de initiatiefnemer krijgt een brief met een alternatief.",
        ])

        w.pause(1)
        try w.status(w.state.gesprek, .gereed)
        try w.status(w.state.begeleiding, .bezig)
        try w.status(w.state.lantaarns, .vervallen,
            reason: "De provincie legt het fietspad in 2010 opnieuw aan, inclusief verlichting. Nu lantaarnpalen plaatsen is dubbel geld; de melder is gebeld.")
        try w.feedback(w.state.verlichting, "Gebeld door de wijkmanager: de verlichting komt mee met het nieuwe fietspad in 2010")
        try w.triage(w.state.graffiti, .opgelost)
        try w.initiativeOutcome(w.state.camper, .nietUitvoerbaar,
            reason: "Het grasveld is openbaar groen en juist daar klagen bewoners over auto's op het gras; een vaste plek voor één camper past niet in het verkeersplan.")
        try w.feedback(w.state.camper, "Brief van de wijkmanager met de reden, en de camperstalling aan de Noordeindseweg als alternatief")

        w.pause(12)
        try w.take(jongeren5, notes: [
            "Vier jongeren presenteren zelf hun voorstel: een overdekte plek met een bank, weg van de huizen. Omwonenden willen eerst weten waar.",
            "Beide groepen praten mee; het kernteam weegt af en legt uit waarom.",
        ])
        let jongerenplek = try w.participation(oud, topic: "Ontmoetingsplek jongeren dorpscentrum", work: .leefbaarheidsplan,
            phase: .planvorming, level: .participeren, controversial: true,
            reason: "Omwonenden en jongeren denken er verschillend over; beide groepen praten mee, het kernteam weegt af en legt uit waarom.",
            representatives: "Vier jongeren uit de groep en drie omwonenden van het dorpscentrum",
            feedbackPlan: "Brief aan alle adressen rond het dorpscentrum; de jongeren vertellen het zelf in het jongerencentrum")
        let jeugd = try w.priority(oud, .jongeren,
            "Overlast rond het dorpscentrum terugdringen door samen met de jongeren en de omwonenden een eigen plek voor de jeugd te vinden.",
            period: "2009",
            involvement: "Het voorstel komt van de jongeren zelf; omwonenden praten mee (participatieniveau participeren)")
        let omwonenden = try w.action(oud, "Omwonenden en jongeren samen laten kiezen uit twee mogelijke plekken",
            owner: "Opbouwwerk", person: "Yvonne Kwakernaak", due: (9, 15),
            result: "Een plek waar jongeren welkom zijn en omwonenden mee kunnen leven, met afspraken over tijden",
            inform: "Buurtbijeenkomst en een brief aan alle adressen rond het dorpscentrum",
            serves: [w.state.hangplek, w.state.groep])
        try w.decision(oud,
            "Het kernteam steunt het voorstel van de jongeren voor een eigen ontmoetingsplek. Welke plek het wordt, besluiten we pas na overleg met de omwonenden.",
            about: [jeugd, jongerenplek, w.state.gesprek, omwonenden])

        w.pause(8)
        try w.take(speel5, notes: [
            "De werkgroep van ouders heeft een ontwerp; de opknapdag is gepland in september.",
        ])
        w.pause(12)
        try w.take(containers5, notes: [
            "Vestia laat de portieken schoonmaken en schrijft de huurders aan over afval; de gemeente leegt de container vaker in het weekend.",
        ])
        w.state.vestia = try w.action(emerald, "Portieken en bergingen in de Vestia-complexen van Emerald-Noord schoonmaken; huurders informeren over afval",
            owner: "Vestia", person: "Bas Hoekstra", due: (8, 31),
            result: "Schone portieken en minder zakken naast de container",
            inform: "Huurdersbrief van Vestia", serves: [w.state.container])
        w.state.omwonenden = omwonenden
        w.pause(10)
        try w.take(rapportage5, notes: [
            "De wijkmanager schrijft de voortgangsrapportage over het eerste halfjaar; partners leveren hun stand voor 1 juli.",
        ])
        w.pause(5)
        try w.take(rondvraag5, notes: ["Geen vragen."])
    }

    // MARK: - Between June and July

    private static func between5and6(_ w: StoryWriter) throws {
        // Young people moved on from the dorpscentrum turn up elsewhere in the kern (beleidsplan 1.2:
        // "dan verplaatsen de jongeren zich naar een andere buurt/wijk"): a kern-wide proposal.
        try w.at(6, 11, 10, 40)
        try w.signal(emerald, .overlast, .politie, on: (6, 10),
            "Sinds een paar weken 's avonds een groep jongeren met brommers bij het winkelcentrum in Emerald-Centrum; klachten over lawaai en zwerfafval.",
            buurt: "Emerald-Centrum")
        try w.at(6, 15, 9, 50)
        try w.initiative(polder, on: (6, 12),
            "Ouders uit de Zuidpolder willen na de zomer een 'fietsbus' organiseren: elke ochtend samen onder begeleiding over de donkere fietsroute naar school.",
            initiator: "Esther Hoogerwerf", contact: "06-81924406")
        try w.at(6, 23, 14, 20)
        try w.signal(polder, .overlast, .bewoner, on: (6, 22),
            "Jongeren hangen 's avonds bij het bruggetje over de vaart langs het fietspad in de Zuidpolder; fietsers voelen zich er niet op hun gemak.",
            buurt: "Zuidpolder", reporter: "Gerda Vlasblom", contact: "06-30871245")
    }

    // MARK: - July: before the summer

    private static func meeting6(_ w: StoryWriter) throws {
        try between5and6(w)
        try w.meeting(7, 7)
        let actielijst6 = try w.agenda("Actielijst en stand van zaken voor de zomer", wijk: nil, minutes: 15)
        let avond6 = try w.agenda("Terugkoppeling bewonersavond verkeer Emerald", wijk: emerald, minutes: 25)
        let vracht6 = try w.agenda("Vrachtverkeer van Ruyven door Emerald-Noord", wijk: emerald, minutes: 15)
        let rapportage6 = try w.agenda("Voortgangsrapportage stuurgroep vaststellen", wijk: nil, minutes: 15)
        let planning6 = try w.agenda("Planning na de zomer", wijk: nil, minutes: 10)
        try w.attend(present: ["Wijkmanager", "Politie", "Vestia", "SWOP", "Gemeente beheer", "Gemeente beleid", "Bewonersvereniging"],
                     apologies: ["Jongerenwerk"], residents: 5)
        try w.take(actielijst6, notes: [
            "De afvalbakken en hondentoiletten in Emerald-Centrum staan er; de bewoners hebben een brief gehad.",
        ])

        w.pause(1)
        try w.status(w.state.avond, .gereed)
        try w.status(w.state.bakken, .gereed)
        try w.status(w.state.omwonenden, .bezig)
        try w.feedback(w.state.hondenpoep, "Bewonersbrief Emerald-Centrum: de afvalbakken en hondentoiletten staan er")

        w.pause(12)
        try w.take(avond6, notes: [
            "Ruim veertig bewoners kwamen naar de bewonersavond. Ze vragen drempels in Emerald-Zuid en een verbod op vrachtwagens in de woonstraten.",
            "De gemeente werkt drie varianten uit; bewoners kiezen in een tweede avond mee.",
        ])
        let wensen = try w.signal(emerald, .verkeer, .bewoner, on: (6, 25),
            "Bewonersavond verkeer (ruim 40 bezoekers): men vraagt om drempels in Emerald-Zuid en een verbod op vrachtwagens in de woonstraten.",
            buurt: "Emerald-Zuid")
        let varianten = try w.action(emerald, "Drie varianten voor snelheidsremmende maatregelen en een vrachtwagenroute uitwerken",
            owner: "Gemeente beleid", person: "Marieke Verhoeven", due: (2010, 1, 31),
            result: "Varianten met kosten, waaruit bewoners in een tweede avond kiezen",
            inform: "Tweede bewonersavond; kernkrant van december",
            serves: [wensen, w.state.vracht, w.state.uitslag])
        try w.triage(wensen, .wijkaanpak)
        // Play comes back across the kern (Lemon in Oud Delfgauw, the schouw and the parents in Emerald); the
        // program proposes a kern-wide approach, which the kernteam does not take up.
        try w.decideProposal(nil, .spelen, accepted: false,
            reason: "Spelen pakken we per wijk aan: in Emerald-Zuid met de werkgroep van ouders, in Oud Delfgauw in de gebiedsvisie. Een aanpak voor de hele kern voegt nu niets toe.")
        try w.decision(emerald,
            "De gemeente werkt drie varianten uit voor het afremmen van verkeer in Emerald-Zuid en een route voor vrachtverkeer van Ruyven; bewoners kiezen in het najaar mee.",
            about: [w.state.verkeersplan, w.state.verkeerPrio, wensen, varianten])

        w.pause(5)
        try w.take(vracht6, notes: [
            "Het vrachtverkeer van Ruyven gaat mee in de varianten: een vaste route over de hoofdweg en borden bij de ingang van het bedrijventerrein.",
        ])
        w.pause(10)
        try w.take(rapportage6, notes: [
            "De rapportage laat zien dat de meeste acties op tijd zijn afgerond; de ontmoetingsplek voor ouderen loopt achter.",
        ])
        try w.decision(nil,
            "De voortgangsrapportage over het eerste halfjaar van de pilot, met de concept-wijkanalyse als bijlage, gaat ongewijzigd naar de stuurgroep.",
            about: [w.state.analyse])
        w.pause(8)
        try w.take(planning6, notes: [
            "Na de zomer: de tweede bewonersavond verkeer, de opknapdag van de speelplek en de keuze voor de plek van de jongeren.",
        ])
    }

    // MARK: - July: the stuurgroep adopts the analysis and the priorities

    /// "Juli 2009: Vaststellen kern/wijkenanalyse en prioriteiten door stuurgroep + voortgangsrapportage"
    /// (beleidsplan 2.3, Planning). The stuurgroep meets outside the kernteam; the secretary records its
    /// decision, and the plan enters the phase of its priorities.
    private static func stuurgroep(_ w: StoryWriter) throws {
        try w.at(7, 15, 8, 45)
        let adopted = try w.decision(by: .stuurgroep, on: (7, 14), nil,
            "De stuurgroep stelt de kern/wijkenanalyse Delfgauw en de prioriteiten vast (Emerald: verkeer en parkeren, een schone woonomgeving; Oud Delfgauw: een plek voor de jeugd) en neemt de voortgangsrapportage over het eerste halfjaar van de pilot in ontvangst. Het kernteam maakt na de zomer het plan van aanpak.",
            about: [w.state.plan])
        try w.planPhase(w.state.plan, .prioriteiten, on: (7, 14), decision: adopted)
    }
}

/// Appends the story's entries with fixed timestamps, advancing a private clock a few minutes per
/// entry. Ids come from the folded state right before each append.
private final class StoryWriter {
    /// Ids the story needs again in later months.
    struct Remembered {
        var startavond = RecordID(.action, 0), meting = RecordID(.action, 0), analyse = RecordID(.action, 0)
        var gesprek = RecordID(.action, 0), toezicht = RecordID(.action, 0), bakken = RecordID(.action, 0)
        var toestel = RecordID(.action, 0), begeleiding = RecordID(.action, 0), ouderenplek = RecordID(.action, 0)
        var avond = RecordID(.action, 0), lantaarns = RecordID(.action, 0), vestia = RecordID(.action, 0)
        var omwonenden = RecordID(.action, 0)
        var lemonEmerald = RecordID(.signal, 0), snel = RecordID(.signal, 0), stoep = RecordID(.signal, 0)
        var singel = RecordID(.signal, 0), dubbel = RecordID(.signal, 0), hangplek = RecordID(.signal, 0)
        var hondenpoep = RecordID(.signal, 0), groep = RecordID(.signal, 0), uitslag = RecordID(.signal, 0)
        var verlichting = RecordID(.signal, 0), ouderen = RecordID(.signal, 0), vracht = RecordID(.signal, 0)
        var container = RecordID(.signal, 0), tuinafval = RecordID(.signal, 0), paspoort = RecordID(.signal, 0)
        var graffiti = RecordID(.signal, 0)
        var straatfeest = RecordID(.initiative, 0), bollen = RecordID(.initiative, 0), camper = RecordID(.initiative, 0)
        var verkeerPrio = RecordID(.priority, 0)
        var plan = RecordID(.plan, 0)
        var verkeersplan = RecordID(.participation, 0)
    }

    static let kern = "Delfgauw"
    static let year = 2009

    let session: Session
    var state = Remembered()
    /// Current time of the story, in minutes since 1970-01-01 UTC.
    private var minute = 0
    /// The meeting entries are linked to; nil between meetings.
    private var meetingID: RecordID?

    init(session: Session) {
        self.session = session
    }

    static func day(_ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }

    static func utc(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(Self.day(month, day).ordinal * 86_400 + hour * 3_600 + minute * 60))
    }

    /// The meeting opened this evening and not yet closed.
    private var openMeeting: RecordID?

    /// The agenda item under discussion; what is recorded now belongs to it.
    private var currentItem: RecordID?

    /// Closes the evening's meeting (with the checkpoint of the line before), as the chair does at the end;
    /// the item still under discussion ends first.
    func closeOpenMeeting() throws {
        guard let id = openMeeting else { return }
        // The last item takes a few minutes more before the chair closes.
        if let item = currentItem {
            minute += 6
            try emit(.agendaItemEnded(AgendaItemEnded(ref: item, outcome: .besproken)), as: .voorzitter)
        }
        currentItem = nil
        openMeeting = nil
        try emit(.meetingClosed(MeetingClosed(ref: id, checkpointSeq: session.log.headSeq, checkpointHash: session.log.headHash)),
                 as: .voorzitter)
    }

    /// Sets the clock to a daytime moment between meetings (UTC); entries are not linked to a meeting.
    /// A meeting still open is closed first, at the end of its evening.
    func at(_ month: Int, _ day: Int, _ hour: Int, _ minute: Int) throws {
        try closeOpenMeeting()
        self.minute = Self.day(month, day).ordinal * 1_440 + hour * 60 + minute
        meetingID = nil
        currentItem = nil
    }

    /// Lets time pass in the meeting, as discussion goes on.
    func pause(_ minutes: Int) { minute += minutes }

    private func emit(_ event: Event, as role: Role, person: (name: String?, contact: String?)? = nil) throws {
        session.role = role
        try session.append(underItem(event), timestamp: Date(timeIntervalSince1970: TimeInterval(minute * 60)), person: person)
        minute += 1
    }

    /// A record made during the meeting belongs to the item under discussion.
    private func underItem(_ event: Event) -> Event {
        guard let item = currentItem else { return event }
        switch event {
        case .signalRecorded(var e) where e.meeting != nil: e.item = item; return .signalRecorded(e)
        case .actionCreated(var e) where e.meeting != nil: e.item = item; return .actionCreated(e)
        case .decisionTaken(var e) where e.meeting != nil: e.item = item; return .decisionTaken(e)
        case .participationSet(var e) where e.meeting != nil: e.item = item; return .participationSet(e)
        case .initiativeRecorded(var e) where e.meeting != nil: e.item = item; return .initiativeRecorded(e)
        default: return event
        }
    }

    /// Who came: the organisations present, those that sent apologies, those absent, and the residents.
    func attend(present: [String], apologies: [String] = [], absent: [String] = [], residents: Int) throws {
        for (orgs, status) in [(present, AttendanceStatus.aanwezig), (apologies, .afgemeld), (absent, .afwezig)] {
            for org in orgs { try emit(.attendanceRecorded(AttendanceRecorded(meeting: meetingID!, org: org, status: status)), as: .secretaris) }
        }
        try emit(.residentsCounted(ResidentsCounted(meeting: meetingID!, count: residents)), as: .secretaris)
    }

    /// The chair moves on to an agenda item (the one before ends as `outcome`), and the secretary notes
    /// what is said about it.
    func take(_ item: RecordID, after outcome: ItemOutcome = .besproken, notes: [String]) throws {
        try emit(.agendaItemStarted(AgendaItemStarted(ref: item, ended: currentItem, outcome: currentItem == nil ? nil : outcome)),
                 as: .voorzitter)
        currentItem = item
        for text in notes { try note(text) }
    }

    /// A note of what was discussed under the item now under discussion.
    func note(_ text: String) throws {
        guard let item = currentItem, let added = session.state.agenda[item]?.value else { return }
        try emit(.noteAdded(NoteAdded(id: session.state.nextID(.note), meeting: meetingID!, item: item, kern: added.kern, wijk: added.wijk,
                                      text: text)), as: .secretaris)
    }

    /// The story's current day (UTC), for triage and feedback dates.
    private var today: Day { Day(ordinal: minute / 1_440) }

    // MARK: Entries

    /// Opens the month's meeting at 19:15 Dutch time (CET in winter, CEST from April).
    func meeting(_ month: Int, _ day: Int) throws {
        let utcHour = (4...10).contains(month) ? 17 : 18
        try at(month, day, utcHour, 15)
        let id = session.state.nextID(.meeting)
        try emit(.meetingHeld(MeetingHeld(id: id, kern: Self.kern, date: Self.day(month, day), length: 120)), as: .voorzitter)
        try emit(.meetingOpened(MeetingOpened(ref: id)), as: .voorzitter)
        meetingID = id
        openMeeting = id
        minute -= 1
    }

    func lemon(_ wijk: String, _ theme: Theme, year: Int, score: Int) throws {
        try emit(.lemonScored(LemonScored(kern: Self.kern, wijk: wijk, theme: theme, year: year, score: score)), as: .secretaris)
        minute -= 1
    }

    @discardableResult
    func agenda(_ title: String, wijk: String?, minutes: Int) throws -> RecordID {
        let id = session.state.nextID(.agendaItem)
        try emit(.agendaItemAdded(AgendaItemAdded(id: id, meeting: meetingID!, title: title, kern: Self.kern, wijk: wijk,
                                                  minutes: minutes)), as: .voorzitter)
        minute -= 1
        return id
    }

    @discardableResult
    func signal(_ wijk: String?, _ theme: Theme, _ source: SignalSource, on date: (Int, Int), _ text: String,
                buurt: String? = nil, reporter: String? = nil, contact: String? = nil) throws -> RecordID {
        let id = session.state.nextID(.signal)
        try emit(.signalRecorded(SignalRecorded(id: id, kern: Self.kern, wijk: wijk, theme: theme, source: source, text: text,
                                                date: Self.day(date.0, date.1), buurt: buurt, meeting: meetingID)),
                     as: .secretaris, person: reporter == nil && contact == nil ? nil : (reporter, contact))
        return id
    }

    /// An action; `wijkbudget` charges its cost to the wijkbudget (extras only: regular maintenance is
    /// paid from the regular budgets and only recorded).
    func action(_ wijk: String?, _ title: String, owner: String, person: String, due: (Int, Int), result: String,
                cost: Int? = nil, wijkbudget: Bool = false, inform: String, serves: [RecordID]? = nil) throws -> RecordID {
        try action(wijk, title, owner: owner, person: person, due: (Self.year, due.0, due.1), result: result, cost: cost,
                   wijkbudget: wijkbudget, inform: inform, serves: serves)
    }

    func action(_ wijk: String?, _ title: String, owner: String, person: String, due: (Int, Int, Int), result: String,
                cost: Int? = nil, wijkbudget: Bool = false, inform: String, serves: [RecordID]? = nil) throws -> RecordID {
        precondition(session.state.reference.organisation(named: owner)?.name == owner, "unknown owner \(owner)")
        let id = session.state.nextID(.action)
        try emit(.actionCreated(ActionCreated(id: id, kern: Self.kern, wijk: wijk, title: title, owner: owner, person: person,
                                              due: Day(year: due.0, month: due.1, day: due.2)!, result: result,
                                              cost: cost.map { Money(cents: $0) }, inform: inform, meeting: meetingID,
                                              serves: serves, wijkbudget: wijkbudget)), as: .secretaris)
        return id
    }

    func status(_ ref: RecordID, _ status: ActionStatus, reason: String? = nil) throws {
        try emit(.actionStatusChanged(ActionStatusChanged(ref: ref, status: status, reason: reason)), as: .secretaris)
    }

    @discardableResult
    func decision(_ wijk: String?, _ text: String, about: [RecordID]?) throws -> RecordID {
        let id = session.state.nextID(.decision)
        try emit(.decisionTaken(DecisionTaken(id: id, kern: Self.kern, wijk: wijk, text: text, meeting: meetingID,
                                              about: about)), as: .secretaris)
        return id
    }

    /// A decision of another body (the stuurgroep), taken on `date` outside the kernteam's meetings.
    @discardableResult
    func decision(by body: DecisionBody, on date: (Int, Int), _ wijk: String?, _ text: String, about: [RecordID]?) throws -> RecordID {
        let id = session.state.nextID(.decision)
        try emit(.decisionTaken(DecisionTaken(id: id, kern: Self.kern, wijk: wijk, text: text, meeting: nil, about: about,
                                              body: body, date: Self.day(date.0, date.1))), as: .secretaris)
        return id
    }

    /// A priority, checked against the plan's rules exactly as the validator checks one: the kern's plan
    /// past the schouw, the period within the plan's.
    func priority(_ wijk: String?, _ theme: Theme, _ text: String, period: String? = nil, involvement: String) throws -> RecordID {
        let id = session.state.nextID(.priority)
        let plan = session.state.currentPlan(kern: Self.kern, on: today)
        precondition(plan.map { $0.phase != .schouw } ?? true, "priorities follow the analysis")
        let span = period.flatMap(YearSpan.init) ?? plan.map { YearSpan(first: $0.created.startYear, last: $0.created.endYear) }
        precondition(plan == nil || span.map { $0.first >= plan!.created.startYear && $0.last <= plan!.created.endYear } == true,
                     "a priority's period lies within its plan's")
        try emit(.prioritySet(PrioritySet(id: id, kern: Self.kern, wijk: wijk, theme: theme, text: text, period: span?.text ?? period,
                                          meeting: meetingID, plan: plan?.created.id, involvement: involvement)), as: .voorzitter)
        return id
    }

    /// The kern/wijkenplan for the story's kern.
    func plan(_ first: Int, _ last: Int) throws -> RecordID {
        let id = session.state.nextID(.plan)
        try emit(.planCreated(PlanCreated(id: id, kern: Self.kern, startYear: first, endYear: last)), as: .voorzitter)
        return id
    }

    /// The plan moves to the next phase on `date`; `prioriteiten` names the stuurgroep's decision.
    func planPhase(_ plan: RecordID, _ phase: PlanPhase, on date: (Int, Int), decision: RecordID? = nil) throws {
        let current = session.state.plans[plan]!.value
        precondition(phase == current.phase.next, "one phase at a time")
        precondition(phase != .prioriteiten || decision.flatMap { session.state.decisions[$0]?.value.takenBy } == .stuurgroep,
                     "the stuurgroep adopts the analysis and the priorities")
        try emit(.planPhaseSet(PlanPhaseSet(ref: plan, phase: phase, decision: decision, date: Self.day(date.0, date.1))), as: .voorzitter)
    }

    @discardableResult
    func participation(_ wijk: String?, topic: String, work: WorkKind, phase: Phase, level: ParticipationLevel,
                       controversial: Bool, reason: String, representatives: String? = nil, feedbackPlan: String? = nil) throws -> RecordID {
        let id = session.state.nextID(.participation)
        // Outside the plan's range only as a deliberate deviation, exactly as the validator marks it.
        let inRange = ParticipationRules.allowed(work: work, phase: phase, controversial: controversial)?.contains(level) ?? false
        try emit(.participationSet(ParticipationSet(id: id, kern: Self.kern, wijk: wijk, topic: topic, work: work, phase: phase,
                                                    level: level, controversial: controversial, reason: reason,
                                                    meeting: meetingID, override: inRange ? nil : true,
                                                    representatives: representatives, feedbackPlan: feedbackPlan)), as: .voorzitter)
        return id
    }

    // MARK: Policy entries

    /// The route a signal takes after triage, decided today.
    func triage(_ ref: RecordID, _ route: SignalRoute, reason: String? = nil) throws {
        precondition(route != .buitenScope || reason != nil, "buiten-scope needs a reason")
        try emit(.signalTriaged(SignalTriaged(ref: ref, route: route, reason: reason, date: today)), as: .secretaris)
    }

    /// Accepts or dismisses the open recurrence proposal for a theme in a wijk, with exactly the
    /// signals the program proposes right now.
    func decideProposal(_ wijk: String?, _ theme: Theme, accepted: Bool, reason: String) throws {
        let proposal = session.state.recurrenceProposals(settings: Settings()).first { $0.wijk == wijk && $0.theme == theme }
        guard let proposal else { preconditionFailure("no open proposal for \(theme.rawValue) in \(wijk ?? Self.kern)") }
        try emit(.proposalDecided(ProposalDecided(kern: proposal.kern, wijk: proposal.wijk, theme: theme, signals: proposal.signals,
                                                  accepted: accepted, reason: reason, meeting: meetingID)), as: .voorzitter)
    }

    @discardableResult
    func initiative(_ wijk: String?, on date: (Int, Int), _ text: String, initiator: String, contact: String) throws -> RecordID {
        let id = session.state.nextID(.initiative)
        try emit(.initiativeRecorded(InitiativeRecorded(id: id, kern: Self.kern, wijk: wijk, text: text, date: Self.day(date.0, date.1),
                                                        meeting: meetingID)),
                 as: .secretaris, person: (initiator, contact))
        return id
    }

    func initiativeOutcome(_ ref: RecordID, _ outcome: InitiativeOutcome, reason: String? = nil) throws {
        precondition(outcome != .nietUitvoerbaar || reason != nil, "niet-uitvoerbaar needs a reason")
        try emit(.initiativeTriaged(InitiativeTriaged(ref: ref, outcome: outcome, reason: reason, date: today)), as: .secretaris)
    }

    /// A wijk budget for the story's year, allocated by a recorded decision.
    func budget(_ wijk: String?, cents: Int, decision: RecordID) throws {
        let id = session.state.nextID(.budget)
        try emit(.budgetAllocated(BudgetAllocated(id: id, kern: Self.kern, wijk: wijk, year: Self.year, amount: Money(cents: cents),
                                                  decision: decision)), as: .secretaris)
    }

    /// Feedback to the residents behind a signal or initiative, given today.
    func feedback(_ ref: RecordID, _ how: String) throws {
        try emit(.feedbackGiven(FeedbackGiven(ref: ref, how: how, date: today)), as: .secretaris)
    }

    func correct(_ ref: RecordID, _ fields: [String: String], reason: String) throws {
        try emit(.entryCorrected(EntryCorrected(ref: ref, fields: fields, reason: reason)), as: .secretaris)
    }

    func withdraw(_ ref: RecordID, _ reason: String) throws {
        try emit(.entryWithdrawn(EntryWithdrawn(ref: ref, reason: reason)), as: .secretaris)
    }
}
