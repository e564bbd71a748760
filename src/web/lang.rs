//! The languages of the pages: Finnish by default, Swedish and English switchable. The words of
//! the pages are here, one struct per language, so that a missing translation does not compile.

use axum::http::HeaderMap;

use crate::evaluation::Status;
use crate::labels::Lang;
use crate::rules::Group;

/// A language of the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    Fi,
    Sv,
    En,
}

impl UiLang {
    pub const ALL: [UiLang; 3] = [UiLang::Fi, UiLang::Sv, UiLang::En];

    pub fn code(self) -> &'static str {
        match self {
            UiLang::Fi => "fi",
            UiLang::Sv => "sv",
            UiLang::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            UiLang::Fi => "Suomeksi",
            UiLang::Sv => "På svenska",
            UiLang::En => "In English",
        }
    }

    pub fn from_code(code: &str) -> Option<UiLang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fi" => Some(UiLang::Fi),
            "sv" => Some(UiLang::Sv),
            "en" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The language asked for (`?lang=`, a form field), else the browser's first choice among
    /// ours (`Accept-Language`, by weight), else Finnish.
    pub fn choose(asked: Option<&str>, headers: &HeaderMap) -> UiLang {
        if let Some(lang) = asked.and_then(UiLang::from_code) {
            return lang;
        }
        let accept = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mut best: Option<(f32, usize, UiLang)> = None;
        for (index, part) in accept.split(',').enumerate().take(20) {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(UiLang::from_code) else {
                continue;
            };
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((w, i, _)) => weight > w || (weight == w && index < i),
            };
            if better {
                best = Some((weight, index, lang));
            }
        }
        best.map_or(UiLang::Fi, |(_, _, lang)| lang)
    }

    /// The library's language of the same name: its one label table has the words the
    /// command line uses too (statuses, groups, notes, holidays, Excel CSV).
    pub fn labels(self) -> Lang {
        match self {
            UiLang::Fi => Lang::Fi,
            UiLang::Sv => Lang::Sv,
            UiLang::En => Lang::En,
        }
    }

    pub fn t(self) -> &'static Texts {
        match self {
            UiLang::Fi => &FI,
            UiLang::Sv => &SV,
            UiLang::En => &EN,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        self.labels().status(status)
    }

    pub fn group(self, group: Group) -> &'static str {
        self.labels().group(group)
    }

    pub fn weekday_short(self, index: usize) -> &'static str {
        const FI: [&str; 7] = ["ma", "ti", "ke", "to", "pe", "la", "su"];
        const SV: [&str; 7] = ["må", "ti", "on", "to", "fr", "lö", "sö"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let names = match self {
            UiLang::Fi => &FI,
            UiLang::Sv => &SV,
            UiLang::En => &EN,
        };
        names[index % 7]
    }

    pub fn month(self, month: u32) -> &'static str {
        const FI: [&str; 12] = [
            "tammikuu",
            "helmikuu",
            "maaliskuu",
            "huhtikuu",
            "toukokuu",
            "kesäkuu",
            "heinäkuu",
            "elokuu",
            "syyskuu",
            "lokakuu",
            "marraskuu",
            "joulukuu",
        ];
        const SV: [&str; 12] = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let index = (month as usize).saturating_sub(1) % 12;
        match self {
            UiLang::Fi => FI[index],
            UiLang::Sv => SV[index],
            UiLang::En => crate::dates::month_name_en(month),
        }
    }
}

/// The words of the pages in one language.
pub struct Texts {
    pub app: &'static str,
    pub tagline: &'static str,
    pub nav_label: &'static str,
    pub nav_check: &'static str,
    pub nav_audit: &'static str,
    pub nav_calendar: &'static str,
    pub lang_label: &'static str,
    pub privacy: &'static str,
    pub date_hint: &'static str,
    pub optional: &'static str,
    // Check one case.
    pub check_title: &'static str,
    pub check_intro: &'static str,
    pub pending: &'static str,
    pub pending_hint: &'static str,
    pub person: &'static str,
    pub person_hint: &'static str,
    pub birth_date: &'static str,
    pub hetu: &'static str,
    pub hetu_hint: &'static str,
    pub age: &'static str,
    pub groups: &'static str,
    pub urgent: &'static str,
    pub care_allowance: &'static str,
    pub disabled: &'static str,
    pub child_special_support: &'static str,
    pub child_welfare: &'static str,
    pub older_person: &'static str,
    pub decision: &'static str,
    pub implemented: &'static str,
    pub decision_milestone: &'static str,
    pub implementation_milestone: &'static str,
    pub after_decision: &'static str,
    pub done: &'static str,
    pub started: &'static str,
    pub completed: &'static str,
    pub as_of: &'static str,
    pub as_of_hint: &'static str,
    pub reading: &'static str,
    pub reading_standard: &'static str,
    pub reading_conservative: &'static str,
    pub check_button: &'static str,
    pub result: &'static str,
    pub start: &'static str,
    pub completion: &'static str,
    pub deadline: &'static str,
    pub status: &'static str,
    pub working_days: &'static str,
    pub no_deadline: &'static str,
    pub days_left: &'static str,
    pub days_late: &'static str,
    pub days_overdue: &'static str,
    pub elapsed: &'static str,
    pub statute: &'static str,
    pub no_group: &'static str,
    pub age_on_pending: &'static str,
    pub other_reading: &'static str,
    pub same_in_other_reading: &'static str,
    pub notes: &'static str,
    pub calendar_caption: &'static str,
    pub legend_pending: &'static str,
    pub legend_counted: &'static str,
    pub legend_skipped: &'static str,
    pub legend_deadline: &'static str,
    pub hetu_used: &'static str,
    pub error_title: &'static str,
    // Audit a list.
    pub audit_title: &'static str,
    pub audit_intro: &'static str,
    pub file: &'static str,
    pub file_hint: &'static str,
    pub audit_button: &'static str,
    pub download_csv: &'static str,
    pub download_excel: &'static str,
    pub download_note: &'static str,
    pub rows: &'static str,
    pub evaluated: &'static str,
    pub invalid: &'static str,
    pub overdue_cases: &'static str,
    pub due_cases: &'static str,
    pub invalid_rows: &'static str,
    pub line: &'static str,
    pub case_id: &'static str,
    pub unit: &'static str,
    pub column: &'static str,
    pub problem: &'static str,
    pub more_listed: &'static str,
    pub none_overdue: &'static str,
    pub start_statuses: &'static str,
    pub completion_statuses: &'static str,
    pub by_group: &'static str,
    pub by_group_hint: &'static str,
    pub group: &'static str,
    pub no_group_short: &'static str,
    // Calendar.
    pub calendar_title: &'static str,
    pub year: &'static str,
    pub show: &'static str,
    pub holidays_of: &'static str,
    pub date: &'static str,
    pub holiday: &'static str,
    pub working_day: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub counter_title: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub count_button: &'static str,
    pub count_result: &'static str,
    pub add_title: &'static str,
    pub add_days: &'static str,
    pub add_result: &'static str,
    // Statuses.
    pub not_found: &'static str,
}

pub static FI: Texts = Texts {
    app: "Määräaika",
    tagline: "Palvelutarpeen arvioinnin lakisääteiset määräajat arkipäivinä",
    nav_label: "Päävalikko",
    nav_check: "Yksi asia",
    nav_audit: "Asialista",
    nav_calendar: "Kalenteri",
    lang_label: "Kieli",
    privacy: "Tiedot käsitellään vain tällä koneella eikä mitään tallenneta. Henkilötunnusta ei näytetä eikä kirjata mihinkään.",
    date_hint: "esim. 23.11.2026",
    optional: "vapaaehtoinen",
    check_title: "Tarkista yksi asia",
    check_intro: "Mihin mennessä arviointi on aloitettava ja onko määräaika ylittynyt?",
    pending: "Vireilletulopäivä",
    pending_hint: "päivä, jona asia tuli vireille, esim. 23.11.2026",
    person: "Henkilö",
    person_hint: "Anna yksi: syntymäaika, henkilötunnus tai ikä.",
    birth_date: "Syntymäaika",
    hetu: "Henkilötunnus",
    hetu_hint: "käytetään vain syntymäajan laskemiseen; ei näytetä eikä tallenneta",
    age: "Ikä vireilletulopäivänä (vuotta)",
    groups: "Ryhmät",
    urgent: "Kiireellinen tarve",
    care_allowance: "Ylin hoitotuki",
    disabled: "Vammainen henkilö",
    child_special_support: "Erityistä tukea tarvitseva lapsi",
    child_welfare: "Lastensuojeluasia",
    older_person: "Iäkäs henkilö (palvelun aloitus 3 kuukauden kuluessa päätöksestä)",
    decision: "Päätös tehty",
    implemented: "Palvelu alkanut",
    decision_milestone: "Päätös",
    implementation_milestone: "Palvelun alkaminen",
    after_decision: "lasketaan, kun päätös on kirjattu",
    done: "Kirjatut päivät",
    started: "Arviointi aloitettu",
    completed: "Arviointi valmis",
    as_of: "Tilanne päivänä",
    as_of_hint: "oletus tänään",
    reading: "Tulkinta",
    reading_standard: "Tavallinen: jouluaatto ja juhannusaatto eivät ole arkipäiviä",
    reading_conservative: "Varovainen: jouluaatto ja juhannusaatto lasketaan arkipäiviksi",
    check_button: "Tarkista",
    result: "Tulos",
    start: "Aloitus",
    completion: "Valmistuminen",
    deadline: "Määräaika",
    status: "Tila",
    working_days: "Arkipäiviä",
    no_deadline: "ei lakisääteistä määräaikaa",
    days_left: "jäljellä",
    days_late: "myöhässä",
    days_overdue: "yli määräajan",
    elapsed: "kulunut",
    statute: "Säännös",
    no_group: "Ei ryhmää, jolla on päivämääräinen määräaika: arviointi viipymättä (SHL 36 § 2 mom.).",
    age_on_pending: "Ikä vireilletulopäivänä",
    other_reading: "Toinen tulkinta antaa muut päivät",
    same_in_other_reading: "Toinen tulkinta antaa samat päivät.",
    notes: "Huomiot",
    calendar_caption: "Arkipäivien laskenta vireilletulosta aloituksen määräaikaan",
    legend_pending: "vireilletulopäivä (ei lasketa)",
    legend_counted: "laskettu arkipäivä",
    legend_skipped: "viikonloppu, pyhä tai aatto (ohitetaan)",
    legend_deadline: "määräaika",
    hetu_used: "Henkilötunnusta käytettiin syntymäajan laskemiseen; sitä ei näytetä.",
    error_title: "Tarkista tiedot",
    audit_title: "Tarkista asialista",
    audit_intro: "Lataa asiakastietojärjestelmästä tai Excelistä viety CSV-tiedosto tai Excel-työkirja. Tiedostoa ei tallenneta: se käsitellään muistissa ja hylätään.",
    file: "Asialista (CSV tai työkirja)",
    file_hint: "sarakkeet suomeksi tai englanniksi, erotin , ; tai sarkain",
    audit_button: "Tarkista lista",
    download_csv: "Lataa tulos (CSV)",
    download_excel: "Lataa tulos (Excel CSV)",
    download_note: "Lataus käsittelee valitun tiedoston uudelleen.",
    rows: "Rivejä",
    evaluated: "Arvioitu",
    invalid: "Virheellisiä",
    overdue_cases: "Ylittyneet, eniten ylittyneet ensin",
    due_cases: "Avoinna, lähimmät määräajat ensin",
    invalid_rows: "Virheelliset rivit",
    line: "Rivi",
    case_id: "Asia",
    unit: "Yksikkö",
    column: "Sarake",
    problem: "Ongelma",
    more_listed: "Lisää rivejä: lataa tulos nähdäksesi kaikki.",
    none_overdue: "Ei ylittyneitä asioita.",
    start_statuses: "Aloitus",
    completion_statuses: "Valmistuminen",
    by_group: "Ryhmittäin",
    by_group_hint: "Kukin asia kerran kussakin ryhmässään, kiireellisimmän määräaikansa tilan mukaan (myöhässä, avoinna, myöhästyi, ajallaan, ei määräaikaa).",
    group: "Ryhmä",
    no_group_short: "ei ryhmää",
    calendar_title: "Kalenteri",
    year: "Vuosi",
    show: "Näytä",
    holidays_of: "Pyhät ja aatot",
    date: "Päivä",
    holiday: "Pyhä",
    working_day: "Arkipäivä",
    yes: "kyllä",
    no: "ei",
    counter_title: "Arkipäivälaskuri",
    from: "Alkaen (ei lasketa)",
    to: "Päättyen (lasketaan)",
    count_button: "Laske",
    count_result: "arkipäivää",
    add_title: "N:s arkipäivä",
    add_days: "Arkipäiviä",
    add_result: "on arkipäivä numero",
    not_found: "Sivua ei löydy",
};

pub static SV: Texts = Texts {
    app: "Määräaika",
    tagline: "Lagstadgade tidsfrister för bedömning av servicebehov i vardagar",
    nav_label: "Huvudmeny",
    nav_check: "Ett ärende",
    nav_audit: "Ärendelista",
    nav_calendar: "Kalender",
    lang_label: "Språk",
    privacy: "Uppgifterna behandlas endast på den här datorn och ingenting sparas. Personbeteckningen visas eller loggas aldrig.",
    date_hint: "t.ex. 23.11.2026",
    optional: "frivillig",
    check_title: "Kontrollera ett ärende",
    check_intro: "När ska bedömningen inledas, och har tidsfristen överskridits?",
    pending: "Anhängig dag",
    pending_hint: "dagen då ärendet blev anhängigt, t.ex. 23.11.2026",
    person: "Person",
    person_hint: "Ange en: födelsedatum, personbeteckning eller ålder.",
    birth_date: "Födelsedatum",
    hetu: "Personbeteckning",
    hetu_hint: "används bara för födelsedatumet; visas eller sparas inte",
    age: "Ålder den anhängiga dagen (år)",
    groups: "Grupper",
    urgent: "Brådskande behov",
    care_allowance: "Högsta vårdbidraget",
    disabled: "Person med funktionsnedsättning",
    child_special_support: "Barn i behov av särskilt stöd",
    child_welfare: "Barnskyddsärende",
    older_person: "Äldre person (tjänsten ska inledas inom 3 månader efter beslutet)",
    decision: "Beslut fattat",
    implemented: "Tjänsten inledd",
    decision_milestone: "Beslut",
    implementation_milestone: "Tjänsten inleds",
    after_decision: "räknas när beslutet har registrerats",
    done: "Registrerade datum",
    started: "Bedömningen inledd",
    completed: "Bedömningen klar",
    as_of: "Läget den",
    as_of_hint: "i dag om inget anges",
    reading: "Tolkning",
    reading_standard: "Normal: julafton och midsommarafton är inte vardagar",
    reading_conservative: "Försiktig: julafton och midsommarafton räknas som vardagar",
    check_button: "Kontrollera",
    result: "Resultat",
    start: "Inledning",
    completion: "Slutförande",
    deadline: "Tidsfrist",
    status: "Läge",
    working_days: "Vardagar",
    no_deadline: "ingen lagstadgad tidsfrist",
    days_left: "kvar",
    days_late: "för sent",
    days_overdue: "över tiden",
    elapsed: "har gått",
    statute: "Bestämmelse",
    no_group: "Ingen grupp med en tidsfrist i dagar: bedömningen utan dröjsmål (SVL 36 § 2 mom.).",
    age_on_pending: "Ålder den anhängiga dagen",
    other_reading: "Den andra tolkningen ger andra datum",
    same_in_other_reading: "Den andra tolkningen ger samma datum.",
    notes: "Anmärkningar",
    calendar_caption: "Vardagarna från anhängig dag till tidsfristen för inledningen",
    legend_pending: "anhängig dag (räknas inte)",
    legend_counted: "räknad vardag",
    legend_skipped: "veckoslut, helgdag eller afton (hoppas över)",
    legend_deadline: "tidsfrist",
    hetu_used: "Personbeteckningen användes för födelsedatumet; den visas inte.",
    error_title: "Kontrollera uppgifterna",
    audit_title: "Kontrollera en ärendelista",
    audit_intro: "Ladda upp en CSV-fil eller en Excel-arbetsbok som exporterats från klientdatasystemet eller Excel. Filen sparas inte: den behandlas i minnet och kastas.",
    file: "Ärendelista (CSV eller arbetsbok)",
    file_hint: "kolumner på finska eller engelska, avgränsare , ; eller tabb",
    audit_button: "Kontrollera listan",
    download_csv: "Ladda ner resultatet (CSV)",
    download_excel: "Ladda ner resultatet (Excel CSV)",
    download_note: "Nedladdningen behandlar den valda filen på nytt.",
    rows: "Rader",
    evaluated: "Bedömda",
    invalid: "Felaktiga",
    overdue_cases: "Överskridna, mest överskridna först",
    due_cases: "Öppna, närmaste tidsfrister först",
    invalid_rows: "Felaktiga rader",
    line: "Rad",
    case_id: "Ärende",
    unit: "Enhet",
    column: "Kolumn",
    problem: "Problem",
    more_listed: "Fler rader: ladda ner resultatet för att se alla.",
    none_overdue: "Inga överskridna ärenden.",
    start_statuses: "Inledning",
    completion_statuses: "Slutförande",
    by_group: "Per grupp",
    by_group_hint: "Varje ärende en gång i varje grupp det hör till, enligt status för dess mest brådskande tidsfrist (försenad, öppen, sen, i tid, ingen tidsfrist).",
    group: "Grupp",
    no_group_short: "ingen grupp",
    calendar_title: "Kalender",
    year: "År",
    show: "Visa",
    holidays_of: "Helgdagar och aftnar",
    date: "Datum",
    holiday: "Helgdag",
    working_day: "Vardag",
    yes: "ja",
    no: "nej",
    counter_title: "Vardagsräknare",
    from: "Från (räknas inte)",
    to: "Till (räknas)",
    count_button: "Räkna",
    count_result: "vardagar",
    add_title: "Den N:te vardagen",
    add_days: "Vardagar",
    add_result: "är vardag nummer",
    not_found: "Sidan finns inte",
};

pub static EN: Texts = Texts {
    app: "Määräaika",
    tagline: "Statutory deadlines of service-need assessments, in Finnish working days",
    nav_label: "Main menu",
    nav_check: "One case",
    nav_audit: "Case list",
    nav_calendar: "Calendar",
    lang_label: "Language",
    privacy: "The data is processed on this machine only and nothing is stored. An identity code is never shown or logged.",
    date_hint: "e.g. 23.11.2026",
    optional: "optional",
    check_title: "Check one case",
    check_intro: "By when must the assessment start, and is it late?",
    pending: "Pending date",
    pending_hint: "the day the matter became pending, e.g. 23.11.2026",
    person: "Person",
    person_hint: "Give one: birth date, identity code or age.",
    birth_date: "Birth date",
    hetu: "Identity code (henkilötunnus)",
    hetu_hint: "used for the birth date only; never shown or stored",
    age: "Age on the pending date (years)",
    groups: "Groups",
    urgent: "Urgent need",
    care_allowance: "Highest care allowance",
    disabled: "Disabled person",
    child_special_support: "Child in need of special support",
    child_welfare: "Child-welfare matter",
    older_person: "Older person (the service begins within 3 months of the decision)",
    decision: "Decision made",
    implemented: "Service began",
    decision_milestone: "Decision",
    implementation_milestone: "Service begins",
    after_decision: "counted once a decision is recorded",
    done: "Recorded dates",
    started: "Assessment started",
    completed: "Assessment completed",
    as_of: "As of",
    as_of_hint: "today when left empty",
    reading: "Reading",
    reading_standard: "Standard: Christmas Eve and Midsummer Eve are not working days",
    reading_conservative: "Conservative: Christmas Eve and Midsummer Eve count as working days",
    check_button: "Check",
    result: "Result",
    start: "Start",
    completion: "Completion",
    deadline: "Deadline",
    status: "Status",
    working_days: "Working days",
    no_deadline: "no statutory deadline",
    days_left: "left",
    days_late: "late",
    days_overdue: "overdue",
    elapsed: "passed",
    statute: "Statute",
    no_group: "No group with a day count: the assessment without delay (Social Welfare Act 36 § 2 mom.).",
    age_on_pending: "Age on the pending date",
    other_reading: "The other reading gives other dates",
    same_in_other_reading: "The other reading gives the same dates.",
    notes: "Notes",
    calendar_caption: "Working days counted from the pending date to the start deadline",
    legend_pending: "pending date (not counted)",
    legend_counted: "working day counted",
    legend_skipped: "weekend, holiday or eve (skipped)",
    legend_deadline: "deadline",
    hetu_used: "The identity code was used for the birth date; it is not shown.",
    error_title: "Check the details",
    audit_title: "Audit a case list",
    audit_intro: "Upload a CSV file or an Excel workbook exported from the client information system or Excel. The file is not stored: it is processed in memory and dropped.",
    file: "Case list (CSV or workbook)",
    file_hint: "headers in Finnish or English, delimiter , ; or tab",
    audit_button: "Audit the list",
    download_csv: "Download the audit (CSV)",
    download_excel: "Download the audit (Excel CSV)",
    download_note: "A download processes the chosen file again.",
    rows: "Rows",
    evaluated: "Evaluated",
    invalid: "Invalid",
    overdue_cases: "Overdue, most overdue first",
    due_cases: "Due, nearest deadlines first",
    invalid_rows: "Invalid rows",
    line: "Line",
    case_id: "Case",
    unit: "Unit",
    column: "Column",
    problem: "Problem",
    more_listed: "More rows: download the audit to see them all.",
    none_overdue: "No overdue cases.",
    start_statuses: "Start",
    completion_statuses: "Completion",
    by_group: "By group",
    by_group_hint: "Each case once in each of its groups, by the status of its most pressing deadline (overdue, then due, late, met, no deadline).",
    group: "Group",
    no_group_short: "no group",
    calendar_title: "Calendar",
    year: "Year",
    show: "Show",
    holidays_of: "Holidays and eves",
    date: "Date",
    holiday: "Holiday",
    working_day: "Working day",
    yes: "yes",
    no: "no",
    counter_title: "Working-day counter",
    from: "From (not counted)",
    to: "To (counted)",
    count_button: "Count",
    count_result: "working days",
    add_title: "The N-th working day",
    add_days: "Working days",
    add_result: "is working day number",
    not_found: "No such page",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_the_page_language_by_weight() {
        let headers = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(axum::http::header::ACCEPT_LANGUAGE, value.parse().unwrap());
            headers
        };
        assert_eq!(UiLang::choose(None, &HeaderMap::new()), UiLang::Fi);
        assert_eq!(
            UiLang::choose(None, &headers("sv-FI,sv;q=0.9,en;q=0.5")),
            UiLang::Sv
        );
        assert_eq!(
            UiLang::choose(None, &headers("de,en-GB;q=0.8,fi;q=0.9")),
            UiLang::Fi
        );
        assert_eq!(UiLang::choose(None, &headers("de")), UiLang::Fi);
        assert_eq!(UiLang::choose(Some("en"), &headers("sv")), UiLang::En);
        assert_eq!(UiLang::choose(Some("xx"), &headers("sv")), UiLang::Sv);
    }
}
