//! Every word people read, in English, Finnish and Swedish: one table ([`Label`], [`words`]).
//!
//! Adding a word is one line of the `labels!` table below: its variant and its three languages.
//! Sentences carry their values as `{0}`, `{1}`, … so that each language puts them where its word
//! order wants them ([`Lang::fill`]). Stable English keys for programs (CSV column names, JSON keys and values)
//! are not here: they never change with the language.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{Holiday, HolidayKind, Reading};
use crate::evaluation::{Note, Status};
use crate::rules::{Group, Groups, Milestone};

/// Whose words name the groups of a case: the act in force on its pending date
/// ([`Lang::group_on`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wording {
    /// 1301/2014, from 1.4.2015: the act in force.
    Current,
    /// 710/1982 40 a § as 751/2008 has it, 1.1.2009 to 31.3.2015.
    Act2008,
    /// 710/1982 40 a § as 125/2006 has it, before 2009.
    Act2006,
}

/// The act whose words name the groups of a case pending since `pending`.
pub fn wording_of(pending: NaiveDate) -> Wording {
    use crate::rules::{AGE_75_DATE, CURRENT_ACT_DATE};
    if pending < AGE_75_DATE {
        Wording::Act2006
    } else if pending < CURRENT_ACT_DATE {
        Wording::Act2008
    } else {
        Wording::Current
    }
}

/// The language of what people read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Finnish (suomi).
    Fi,
    /// Swedish (svenska).
    Sv,
}

impl Note {
    /// The note in English (JSON and plain CSV); [`Lang::note`] in any language. Worded here,
    /// not in `evaluation`, which returns notes as data.
    pub fn text(self) -> &'static str {
        Lang::En.note(self)
    }
}

impl Lang {
    /// The language of the locale, as POSIX picks it: `LC_ALL`, else `LC_MESSAGES`, else `LANG`
    /// (the first one set and not empty).
    pub fn from_env() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        Lang::from_locale(&value)
    }

    /// `sv_FI.UTF-8` (any `sv…`) is Swedish, `fi_FI.UTF-8` Finnish, anything else English.
    pub fn from_locale(locale: &str) -> Lang {
        let language = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        match language.to_ascii_lowercase().as_str() {
            "fi" => Lang::Fi,
            "sv" => Lang::Sv,
            _ => Lang::En,
        }
    }

    const fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fi => 1,
            Lang::Sv => 2,
        }
    }

    /// A word or sentence in this language.
    pub const fn get(self, label: Label) -> &'static str {
        words(label)[self.index()]
    }

    /// A sentence with its values put in: `{0}` is the first of `values`, `{1}` the second…
    pub fn fill(self, label: Label, values: &[&str]) -> String {
        let template = self.get(label);
        let mut text = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            text.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            match after.split_once('}') {
                Some((digits, tail)) if digits.parse::<usize>().is_ok() => {
                    let index: usize = digits.parse().unwrap_or(0);
                    text.push_str(values.get(index).copied().unwrap_or(""));
                    rest = tail;
                }
                _ => {
                    text.push('{');
                    rest = after;
                }
            }
        }
        text.push_str(rest);
        text
    }

    /// A status as people read it.
    pub fn status(self, status: Status) -> &'static str {
        self.get(match status {
            Status::Met => Label::Met,
            Status::Late => Label::Late,
            Status::Due => Label::Due,
            Status::Overdue => Label::Overdue,
            Status::None => Label::NoDeadline,
            Status::NotRecorded => Label::NotRecorded,
        })
    }

    /// A milestone's short name, as the table's headers name it: `completion`, `valmistus`.
    pub fn milestone(self, milestone: Milestone) -> &'static str {
        self.get(match milestone {
            Milestone::Start => Label::TabStart,
            Milestone::Completion => Label::TabCompletion,
            Milestone::Decision => Label::TabDecision,
            Milestone::Implementation => Label::TabService,
        })
    }

    /// A group's name.
    pub fn group(self, group: Group) -> &'static str {
        self.get(match group {
            Group::Urgent => Label::Urgent,
            Group::Over75 => Label::Over75,
            Group::CareAllowance => Label::CareAllowance,
            Group::Disabled => Label::Disabled,
            Group::ChildSpecialSupport => Label::ChildSpecialSupport,
            Group::ChildWelfare => Label::ChildWelfare,
        })
    }

    /// A group's name as the act in force on `pending` words it: the older persons' group is
    /// `yli 75-vuotias` (över 75 år) under 1301/2014 from 1.4.2015, `75 vuotta täyttänyt`
    /// (som fyllt 75 år) under 710/1982 40 a § (751/2008) in 2009 to 3/2015, and `80 vuotta
    /// täyttänyt` (som fyllt 80 år) under 40 a § (125/2006) in 2006 to 2008.
    pub fn group_on(self, group: Group, pending: NaiveDate) -> &'static str {
        match (group, wording_of(pending)) {
            (Group::Over75, Wording::Act2006) => self.get(Label::Over80Act2006),
            (Group::Over75, Wording::Act2008) => self.get(Label::Over75Act2008),
            _ => self.group(group),
        }
    }

    /// The groups of a case pending since `pending` for people, each as the act in force then
    /// words it ([`Lang::group_on`]): `aged over 75, disabled person`, or a dash.
    pub fn groups(self, groups: Groups, pending: NaiveDate) -> String {
        if groups.is_empty() {
            return "-".into();
        }
        groups
            .iter()
            .map(|g| self.group_on(g, pending))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A note on a case.
    pub fn note(self, note: Note) -> &'static str {
        self.get(match note {
            Note::TemporaryIdentityCode => Label::NoteTemporaryIdentityCode,
            Note::AgeUnknown => Label::NoteAgeUnknown,
            Note::BeforeStatutoryDeadlines => Label::NoteBeforeStatutoryDeadlines,
            Note::DateAfterAsOf => Label::NoteDateAfterAsOf,
        })
    }

    /// The reading's name: `standard`, `tavanomainen`, `sedvanlig`.
    pub fn reading(self, reading: Reading) -> &'static str {
        self.get(match reading {
            Reading::Standard => Label::Standard,
            Reading::Conservative => Label::Conservative,
        })
    }

    /// The sentence every text output ends with: which reading it used.
    pub fn reading_line(self, reading: Reading) -> &'static str {
        self.get(match reading {
            Reading::Standard => Label::ReadingStandardLine,
            Reading::Conservative => Label::ReadingConservativeLine,
        })
    }

    /// A weekday's name.
    pub fn weekday(self, weekday: Weekday) -> &'static str {
        self.get(match weekday {
            Weekday::Mon => Label::Monday,
            Weekday::Tue => Label::Tuesday,
            Weekday::Wed => Label::Wednesday,
            Weekday::Thu => Label::Thursday,
            Weekday::Fri => Label::Friday,
            Weekday::Sat => Label::Saturday,
            Weekday::Sun => Label::Sunday,
        })
    }

    /// A weekday's short name: `Mon`, `ma`, `må`.
    pub fn weekday_short(self, weekday: Weekday) -> &'static str {
        self.get(match weekday {
            Weekday::Mon => Label::MondayShort,
            Weekday::Tue => Label::TuesdayShort,
            Weekday::Wed => Label::WednesdayShort,
            Weekday::Thu => Label::ThursdayShort,
            Weekday::Fri => Label::FridayShort,
            Weekday::Sat => Label::SaturdayShort,
            Weekday::Sun => Label::SundayShort,
        })
    }

    /// A month's name, `1` January to `12` December (out of range counts on from January):
    /// `January`, `tammikuu`, `januari`.
    pub fn month(self, month: u32) -> &'static str {
        const MONTHS: [Label; 12] = [
            Label::January,
            Label::February,
            Label::March,
            Label::April,
            Label::May,
            Label::June,
            Label::July,
            Label::August,
            Label::September,
            Label::October,
            Label::November,
            Label::December,
        ];
        self.get(MONTHS[(month as usize).saturating_sub(1) % 12])
    }

    /// A date as people read it: `Wednesday 2.12.2026`, `keskiviikko 2.12.2026`.
    pub fn long_date(self, date: NaiveDate) -> String {
        format!(
            "{} {}",
            self.weekday(date.weekday()),
            crate::dates::finnish(date)
        )
    }

    /// A date as the day something happens on: `Thursday 31.12.2026`, `torstaina 31.12.2026`.
    pub fn on_date(self, date: NaiveDate) -> String {
        let label = match date.weekday() {
            Weekday::Mon => Label::OnMonday,
            Weekday::Tue => Label::OnTuesday,
            Weekday::Wed => Label::OnWednesday,
            Weekday::Thu => Label::OnThursday,
            Weekday::Fri => Label::OnFriday,
            Weekday::Sat => Label::OnSaturday,
            Weekday::Sun => Label::OnSunday,
        };
        format!("{} {}", self.get(label), crate::dates::finnish(date))
    }

    /// A holiday's name in this language (from `holidays/finland.csv`).
    pub fn holiday(self, holiday: &Holiday) -> &'static str {
        match self {
            Lang::En => holiday.name_en,
            Lang::Fi => holiday.name_fi,
            Lang::Sv => holiday.name_sv,
        }
    }

    /// `holiday` or `eve`.
    pub fn holiday_kind(self, kind: HolidayKind) -> &'static str {
        self.get(match kind {
            HolidayKind::Holiday => Label::KindHoliday,
            HolidayKind::Eve => Label::KindEve,
        })
    }

    /// Yes or no.
    pub fn yes_no(self, value: bool) -> &'static str {
        self.get(if value { Label::Yes } else { Label::No })
    }

    /// `1 working day`, `2 working days`; `1 arkipäivä`, `2 arkipäivää`; `1 vardag`, `2 vardagar`.
    pub fn working_days(self, n: i64) -> String {
        let label = if n == 1 || n == -1 {
            Label::WorkingDay
        } else {
            Label::WorkingDays
        };
        format!("{n} {}", self.get(label))
    }

    /// An ordinal number: `7th`, `7.`, `7:e` (`1:a`, `2:a`, `21:a`, but `11:e`, `12:e`).
    pub fn ordinal(self, n: i64) -> String {
        let (last, last_two) = (n.rem_euclid(10), n.rem_euclid(100));
        match self {
            Lang::En => {
                let suffix = match (last, last_two) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
            Lang::Fi => format!("{n}."),
            Lang::Sv => {
                let suffix = match (last, last_two) {
                    (_, 11 | 12) => "e",
                    (1 | 2, _) => "a",
                    _ => "e",
                };
                format!("{n}:{suffix}")
            }
        }
    }

    /// A decimal number as written in this language: `50.0`, `50,0`.
    pub fn decimal(self, text: &str) -> String {
        match self {
            Lang::En => text.to_string(),
            Lang::Fi | Lang::Sv => text.replace('.', ","),
        }
    }
}

/// The text with its first letter in upper case (a sentence that starts with a weekday).
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The words of the statutes as `rules.rs` cites them in English, and in Finnish and Swedish:
/// the acts' names and the notes after them. Longer phrases first; section numbers and the
/// abbreviations `mom.` and `k.` stay as they are.
const STATUTE_PHRASES: [[&str; 3]; 25] = [
    // The social-assistance clocks (src/assistance/rules.rs), before the shorter phrases below
    // that their words contain.
    [
        "Social Assistance Act",
        "toimeentulotukilaki",
        "lagen om utkomststöd",
    ],
    [
        "by the 7th working day after the completed application arrived",
        "viimeistään 7. arkipäivänä täydennetyn hakemuksen saapumisesta",
        "senast den 7:e vardagen efter att den kompletterade ansökan kom in",
    ],
    [
        "by the 7th working day after the application arrived",
        "viimeistään 7. arkipäivänä hakemuksen saapumisesta",
        "senast den 7:e vardagen efter att ansökan kom in",
    ],
    [
        "urgent, the same or the next working day",
        "kiireellinen, samana tai seuraavana arkipäivänä",
        "brådskande, samma eller följande vardag",
    ],
    [
        "a request for more information by the 7th working day",
        "lisäselvityspyyntö viimeistään 7. arkipäivänä",
        "begäran om tilläggsutredning senast den 7:e vardagen",
    ],
    [
        "a meeting by the 7th working day after the client asked",
        "henkilökohtainen keskustelu viimeistään 7. arkipäivänä asiakkaan pyynnöstä",
        "personligt samtal senast den 7:e vardagen efter klientens begäran",
    ],
    [
        "carried out without delay, no day count",
        "toteutettava viipymättä, ei päivinä laskettua määräaikaa",
        "verkställs utan dröjsmål, ingen dagräkning",
    ],
    [
        "before 1.1.2008: no day count",
        "ennen 1.1.2008: ei päivinä laskettua määräaikaa",
        "före 1.1.2008: ingen dagräkning",
    ],
    [
        "decide within 3 months of the application; applications pending on 1.1.2025 keep that limit",
        "päätös 3 kuukauden kuluessa hakemuksesta; 1.1.2025 vireillä olleisiin hakemuksiin sovelletaan tätä määräaikaa",
        "beslut inom 3 månader från ansökan; ansökningar som var anhängiga 1.1.2025 behåller den tidsfristen",
    ],
    [
        "decide by the 7th working day whether an investigation is started",
        "päätös viimeistään 7. arkipäivänä, aloitetaanko selvitys",
        "beslut senast den 7:e vardagen om utredning inleds",
    ],
    [
        "urgent, without delay, no day count",
        "kiireellinen, viipymättä, ei päivinä laskettua määräaikaa",
        "brådskande, utan dröjsmål, ingen dagräkning",
    ],
    [
        "within 3 months of the matter becoming pending",
        "3 kuukauden kuluessa asian vireille tulosta",
        "inom 3 månader från att ärendet blev anhängigt",
    ],
    [
        "within 3 months of the decision",
        "3 kuukauden kuluessa päätöksestä",
        "inom 3 månader från beslutet",
    ],
    [
        "without undue delay, no day count",
        "ilman aiheetonta viivytystä, ei päivinä laskettua määräaikaa",
        "utan ogrundat dröjsmål, ingen dagräkning",
    ],
    [
        "without delay, no day count",
        "viipymättä, ei päivinä laskettua määräaikaa",
        "utan dröjsmål, ingen dagräkning",
    ],
    ["finished within 3 months", "valmis 3 kuukaudessa", "klar inom 3 månader"],
    ["aged 80 or more", "80 vuotta täyttäneet", "80 år eller äldre"],
    ["care allowance: Act", "hoitotuki: laki", "vårdbidrag: lag"],
    [
        "Older Persons Services Act",
        "vanhuspalvelulaki",
        "äldreomsorgslagen",
    ],
    [
        "Disability Services Act",
        "vammaispalvelulaki",
        "lagen om funktionshinderservice",
    ],
    ["Social Welfare Act", "sosiaalihuoltolaki", "socialvårdslagen"],
    ["Child Welfare Act", "lastensuojelulaki", "barnskyddslagen"],
    [") and ", ") ja ", ") och "],
    ["urgent", "kiireellinen", "brådskande"],
    ["Act ", "laki ", "lag "],
];

impl Lang {
    /// A statute as cited in this language: the acts' names and the notes translated
    /// (the table `STATUTE_PHRASES`), the numbers as they are, the first letter in upper case.
    pub fn statute(self, text: &str) -> String {
        if self == Lang::En {
            return text.to_string();
        }
        let mut text = text.to_string();
        for phrase in STATUTE_PHRASES {
            text = text.replace(phrase[0], phrase[self.index()]);
        }
        capitalised(&text)
    }
}

/// Defines [`Label`] and [`words`] from one table: a variant and its words in English, Finnish
/// and Swedish on one line, so that a word cannot be added to one and forgotten in the other. Each
/// variant's documentation is its English text.
macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident => [$en:literal, $fi:literal, $sv:literal $(,)?],)*) => {
        /// A word or sentence people read. Its words in the three languages are in [`words`];
        /// sentences carry their values as `{0}`, `{1}`, … ([`Lang::fill`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Label {
            $($(#[$doc])* #[doc = concat!("“", $en, "”")] $name,)*
        }

        /// Every label, in the order of the table (for tests that look for a word in every
        /// output).
        pub const ALL_LABELS: &[Label] = &[$(Label::$name,)*];

        /// The words of a label: English, Finnish, Swedish.
        pub const fn words(label: Label) -> [&'static str; 3] {
            match label {
                $(Label::$name => [$en, $fi, $sv],)*
            }
        }
    };
}

// `rustfmt` leaves macro input as written: keep one label to a line where it fits in 100 columns.
#[rustfmt::skip]
labels! {
    // Statuses.
    Met => ["met", "ajoissa", "i tid"],
    Late => ["late", "tehty myöhässä", "för sent"],
    Due => ["due", "määräaika kulumassa", "tidsfristen löper"],
    Overdue => ["overdue", "määräaika ylittynyt", "tidsfristen överskriden"],
    NoDeadline => ["none", "ei määräaikaa", "ingen tidsfrist"],
    /// A deadline the list cannot tell was met: it has no column for the milestone's date.
    NotRecorded => ["not recorded", "ei kirjattu", "inte registrerat"],
    // Groups, and the rows of the summary that are not groups.
    Urgent => ["urgent need", "kiireellinen avun tarve", "brådskande behov"],
    Over75 => ["aged over 75", "yli 75-vuotias", "över 75 år"],
    /// The older persons' group in 2009 to 3/2015 (710/1982 40 a §, 751/2008).
    Over75Act2008 => ["aged 75 or more", "75 vuotta täyttänyt", "som fyllt 75 år"],
    /// The older persons' group in 2006 to 2008 (710/1982 40 a §, 125/2006).
    Over80Act2006 => ["aged 80 or more", "80 vuotta täyttänyt", "som fyllt 80 år"],
    CareAllowance => ["highest care allowance", "ylin hoitotuki", "högsta vårdbidrag"],
    Disabled => ["disabled person", "vammainen henkilö", "person med funktionsnedsättning"],
    ChildSpecialSupport => [
        "child in need of special support",
        "erityistä tukea tarvitseva lapsi",
        "barn i behov av särskilt stöd",
    ],
    ChildWelfare => ["child-welfare matter", "lastensuojeluasia", "barnskyddsärende"],
    NoGroup => ["no statutory group", "ei lakisääteistä ryhmää", "ingen lagstadgad grupp"],
    All => ["all", "kaikki", "alla"],
    // Readings.
    Standard => ["standard", "tavanomainen", "sedvanlig"],
    Conservative => ["conservative", "varovainen", "försiktig"],
    ReadingStandardLine => [
        "Reading: standard (Christmas Eve and Midsummer Eve are not working days).",
        "Tulkinta: tavanomainen (jouluaatto ja juhannusaatto eivät ole arkipäiviä).",
        "Tolkning: sedvanlig (julafton och midsommarafton är inte vardagar).",
    ],
    ReadingConservativeLine => [
        "Reading: conservative (Christmas Eve and Midsummer Eve count as working days).",
        "Tulkinta: varovainen (jouluaatto ja juhannusaatto lasketaan arkipäiviksi).",
        "Tolkning: försiktig (julafton och midsommarafton räknas som vardagar).",
    ],
    // Notes on a case.
    NoteTemporaryIdentityCode => [
        "the identity code is a temporary one (individual number 900-999)",
        "henkilötunnus on tilapäinen (yksilönumero 900-999)",
        "personbeteckningen är tillfällig (individnummer 900-999)",
    ],
    NoteAgeUnknown => [
        "no birth date, identity code or age: the over-75 group could not be checked",
        "ei syntymäaikaa, henkilötunnusta eikä ikää: yli 75-vuotiaiden ryhmää ei voitu tarkistaa",
        "inget födelsedatum, ingen personbeteckning eller ålder: gruppen över 75 år kunde inte kontrolleras",
    ],
    NoteBeforeStatutoryDeadlines => [
        "pending before 1.3.2006, when the 7-working-day rule began: no statutory day count",
        "vireille ennen 1.3.2006, jolloin 7 arkipäivän sääntö alkoi: ei lakisääteistä määräaikaa",
        "anhängigt före 1.3.2006, då regeln om 7 vardagar började gälla: ingen lagstadgad tidsfrist",
    ],
    NoteDateAfterAsOf => [
        "a date of the case (pending, start or completion) is after the as-of date: check the dates",
        "asian päivämäärä (vireilletulo, aloitus tai valmistuminen) on tilannepäivän jälkeen: tarkista päivämäärät",
        "ett datum i ärendet (anhängigt, påbörjat eller slutfört) är efter lägesdatumet: kontrollera datumen",
    ],
    // Weekdays.
    Monday => ["Monday", "maanantai", "måndag"],
    Tuesday => ["Tuesday", "tiistai", "tisdag"],
    Wednesday => ["Wednesday", "keskiviikko", "onsdag"],
    Thursday => ["Thursday", "torstai", "torsdag"],
    Friday => ["Friday", "perjantai", "fredag"],
    Saturday => ["Saturday", "lauantai", "lördag"],
    Sunday => ["Sunday", "sunnuntai", "söndag"],
    // Weekdays as the day something happens on (`torstaina 31.12.2026`).
    OnMonday => ["Monday", "maanantaina", "måndag"],
    OnTuesday => ["Tuesday", "tiistaina", "tisdag"],
    OnWednesday => ["Wednesday", "keskiviikkona", "onsdag"],
    OnThursday => ["Thursday", "torstaina", "torsdag"],
    OnFriday => ["Friday", "perjantaina", "fredag"],
    OnSaturday => ["Saturday", "lauantaina", "lördag"],
    OnSunday => ["Sunday", "sunnuntaina", "söndag"],
    // Counts of working days.
    WorkingDay => ["working day", "arkipäivä", "vardag"],
    WorkingDays => ["working days", "arkipäivää", "vardagar"],
    /// In a table's working-days column: `27 overdue`, `2 left`, `3 late`, `5 elapsed`.
    DaysOverdue => ["overdue", "yli määräajan", "över tiden"],
    DaysLeft => ["left", "jäljellä", "kvar"],
    DaysLate => ["late", "myöhässä", "för sent"],
    DaysElapsed => ["elapsed", "kulunut", "har gått"],
    // The audit columns, for `--excel` and workbooks (the columns and their stable keys are in
    // `report::schema::SCHEMA`).
    ColLine => ["line", "rivi", "rad"],
    ColCaseId => ["case_id", "asiatunnus", "ärendenummer"],
    ColUnit => ["unit", "yksikkö", "enhet"],
    ColHetu => ["hetu", "henkilötunnus", "personbeteckning"],
    ColPendingDate => ["pending_date", "vireilletulopäivä", "anhängigt"],
    ColGroups => ["groups", "ryhmät", "grupper"],
    ColStartDeadline => ["start_deadline", "aloitus viimeistään", "påbörjas senast"],
    ColStartStatus => ["start_status", "aloituksen tila", "påbörjandets status"],
    ColStartLate => [
        "start_working_days_late",
        "aloitus myöhässä, arkipäiviä",
        "påbörjat för sent, vardagar",
    ],
    ColStartRemaining => [
        "start_working_days_remaining",
        "aloitukseen jäljellä, arkipäiviä",
        "kvar till påbörjande, vardagar",
    ],
    ColStartOverdue => [
        "start_working_days_overdue",
        "aloituksen määräaika ylittynyt, arkipäiviä",
        "påbörjandets tidsfrist överskriden, vardagar",
    ],
    ColCompletionDeadline => ["completion_deadline", "valmis viimeistään", "slutförs senast"],
    ColCompletionStatus => ["completion_status", "valmistumisen tila", "slutförandets status"],
    ColCompletionLate => [
        "completion_working_days_late",
        "valmistui myöhässä, arkipäiviä",
        "slutfört för sent, vardagar",
    ],
    ColCompletionRemaining => [
        "completion_working_days_remaining",
        "valmistumiseen jäljellä, arkipäiviä",
        "kvar till slutförande, vardagar",
    ],
    ColCompletionOverdue => [
        "completion_working_days_overdue",
        "valmistumisen määräaika ylittynyt, arkipäiviä",
        "slutförandets tidsfrist överskriden, vardagar",
    ],
    ColElapsed => ["elapsed_working_days", "kulunut, arkipäiviä", "vardagar som har gått"],
    ColAge => ["age", "ikä", "ålder"],
    ColReading => ["reading", "tulkinta", "tolkning"],
    ColNotes => ["notes", "huomautukset", "anmärkningar"],
    ColAsOf => ["as_of", "tilannepäivä", "lägesdatum"],
    ColDecisionDeadline => ["decision_deadline", "päätös viimeistään", "beslut senast"],
    ColDecisionStatus => ["decision_status", "päätöksen tila", "beslutets status"],
    ColDecisionLate => [
        "decision_working_days_late",
        "päätös myöhässä, arkipäiviä",
        "beslut för sent, vardagar",
    ],
    ColDecisionRemaining => [
        "decision_working_days_remaining",
        "päätökseen jäljellä, arkipäiviä",
        "kvar till beslut, vardagar",
    ],
    ColDecisionOverdue => [
        "decision_working_days_overdue",
        "päätöksen määräaika ylittynyt, arkipäiviä",
        "beslutets tidsfrist överskriden, vardagar",
    ],
    ColImplementationDeadline => [
        "implementation_deadline",
        "palvelu alkaa viimeistään",
        "tjänsten inleds senast",
    ],
    ColImplementationStatus => [
        "implementation_status",
        "palvelun alkamisen tila",
        "tjänstens inledande, status",
    ],
    ColImplementationLate => [
        "implementation_working_days_late",
        "palvelu alkoi myöhässä, arkipäiviä",
        "tjänsten inleddes för sent, vardagar",
    ],
    ColImplementationRemaining => [
        "implementation_working_days_remaining",
        "palvelun alkuun jäljellä, arkipäiviä",
        "kvar till tjänstens inledande, vardagar",
    ],
    ColImplementationOverdue => [
        "implementation_working_days_overdue",
        "palvelun alkamisen määräaika ylittynyt, arkipäiviä",
        "tjänstens tidsfrist överskriden, vardagar",
    ],
    // The audit and overdue table.
    TabLine => ["line", "rivi", "rad"],
    TabCase => ["case", "asia", "ärende"],
    TabUnit => ["unit", "yksikkö", "enhet"],
    TabGroups => ["groups", "ryhmät", "grupper"],
    TabStartBy => ["start by", "aloitus viim.", "påbörjas senast"],
    TabStart => ["start", "aloitus", "påbörjande"],
    TabCompleteBy => ["complete by", "valmis viim.", "klar senast"],
    TabCompletion => ["completion", "valmistuminen", "slutförande"],
    TabDecideBy => ["decide by", "päätös viim.", "beslut senast"],
    TabDecision => ["decision", "päätös", "beslut"],
    TabServiceBy => ["service by", "palvelu viim.", "tjänst senast"],
    TabService => ["service", "palvelu", "tjänst"],
    TabWorkingDays => ["working days", "arkipäiviä", "vardagar"],
    /// `{0}`: the age given; `{1}`: the oldest age.
    PrbAgeOutOfRange => [
        "the age {0} is not a whole number of years from 0 to {1}: check the age",
        "ikä {0} ei ole kokonaisia vuosia väliltä 0–{1}: tarkista ikä",
        "åldern {0} är inte ett helt antal år mellan 0 och {1}: kontrollera åldern",
    ],
    /// A notice about a whole list (`audit::Notice`), after the list's name and [`Label::PlaceNote`]
    /// on the command line, alone on the web page. `{0}`: how many cases; `{1}`: the
    /// milestone; `{2}`: the column.
    NoticeNotRecorded => [
        "{0} cases have a {1} deadline that is not judged: the list has no {2} column (add it to judge them).",
        "{0} asian määräaikaa ({1}) ei arvioida: listassa ei ole saraketta ”{2}” (lisää se, niin ne arvioidaan; sarakkeen nimen voi kertoa valitsimella --column {3}=OTSIKKO).",
        "ärenden där tidsfristen ({1}) inte bedöms: {0}. Listan har ingen kolumn ”{2}” (lägg till den för att bedöma dem; kolumnens namn kan anges med --column {3}=RUBRIK).",
    ],
    /// [`Label::NoticeNotRecorded`] for one case (English needs the singular; Finnish and Swedish
    /// are worded so that one form serves every count).
    NoticeNotRecordedOne => [
        "1 case has a {1} deadline that is not judged: the list has no {2} column (add it to judge it).",
        "{0} asian määräaikaa ({1}) ei arvioida: listassa ei ole saraketta ”{2}” (lisää se, niin ne arvioidaan; sarakkeen nimen voi kertoa valitsimella --column {3}=OTSIKKO).",
        "ärenden där tidsfristen ({1}) inte bedöms: {0}. Listan har ingen kolumn ”{2}” (lägg till den för att bedöma dem; kolumnens namn kan anges med --column {3}=RUBRIK).",
    ],
    NoticeNotStarted => [
        "the list has no started_date column: it is read as a list of matters not yet started.",
        "listassa ei ole saraketta ”arviointi aloitettu”: se luetaan listana asioista, joiden arviointia ei ole aloitettu (sarakkeen nimen voi kertoa valitsimella --column started_date=OTSIKKO).",
        "listan har ingen kolumn ”bedömningen påbörjad”: den läses som en lista över ärenden vars bedömning inte har påbörjats (kolumnens namn kan anges med --column started_date=RUBRIK).",
    ],
    // Why a case is on the overdue list: the deadline that put it there.
    ColReasonMilestone => ["reason", "syy", "orsak"],
    ColReasonStatus => ["reason status", "syyn tila", "orsakens status"],
    ColReasonDeadline => ["reason deadline", "syyn määräaika", "orsakens tidsfrist"],
    ColReasonWorkingDays => ["reason working days", "syyn arkipäivät", "orsakens vardagar"],
    /// `{0}`: the columns left out; `{1}`: the width.
    TabLeftOut => [
        "Left out to fit {1} columns: {0}. Every column: --format csv --output FILE, or a wider window.",
        "Jätetty pois, jotta taulukko mahtuu {1} merkin levyiseen ikkunaan: {0}. Kaikki sarakkeet: --format csv --output TIEDOSTO tai leveämpi ikkuna.",
        "Utelämnat för att tabellen ska rymmas i {1} tecken: {0}. Alla kolumner: --format csv --output FIL eller ett bredare fönster.",
    ],
    // The summary.
    SumGroup => ["group", "ryhmä", "grupp"],
    SumCases => ["cases", "asioita", "ärenden"],
    SumOnTimePct => ["on time %", "ajoissa %", "i tid %"],
    SumStartMet => ["met", "aloitus ajoissa", "påbörjat i tid"],
    SumStartLate => ["late", "aloitus tehty myöhässä", "påbörjat för sent"],
    SumStartDue => ["due", "aloituksen määräaika kulumassa", "påbörjandets tidsfrist löper"],
    SumStartOverdue => [
        "overdue",
        "aloituksen määräaika ylittynyt",
        "påbörjandets tidsfrist överskriden",
    ],
    SumStartNone => ["none", "aloitus ei määräaikaa", "påbörjande ingen tidsfrist"],
    SumStartOnTimePct => ["on_time_pct", "aloitus ajoissa %", "påbörjat i tid %"],
    SumCompletionMet => ["completion_met", "valmistuminen ajoissa", "slutfört i tid"],
    SumCompletionLate => ["completion_late", "valmistuminen tehty myöhässä", "slutfört för sent"],
    SumCompletionDue => [
        "completion_due",
        "valmistumisen määräaika kulumassa",
        "slutförandets tidsfrist löper",
    ],
    SumCompletionOverdue => [
        "completion_overdue",
        "valmistumisen määräaika ylittynyt",
        "slutförandets tidsfrist överskriden",
    ],
    SumCompletionNone => [
        "completion_none",
        "valmistuminen ei määräaikaa",
        "slutförande ingen tidsfrist",
    ],
    SumCompletionOnTimePct => [
        "completion_on_time_pct",
        "valmistuminen ajoissa %",
        "slutfört i tid %",
    ],
    SumInvalid => ["invalid", "virheellisiä", "felaktiga"],
    SumStartTitle => ["Start of the assessment", "Arvioinnin aloitus", "Påbörjande av bedömningen"],
    SumCompletionTitle => [
        "Completion of the assessment (children: within 3 months)",
        "Arvioinnin valmistuminen (lapset: 3 kuukaudessa)",
        "Slutförande av bedömningen (barn: inom 3 månader)",
    ],
    SumDecisionTitle => ["Decision", "Päätös", "Beslut"],
    SumImplementationTitle => [
        "The service begins (once decided)",
        "Palvelun alkaminen (päätöksen jälkeen)",
        "Tjänsten inleds (efter beslut)",
    ],
    SumDecisionMet => ["decision_met", "päätös ajoissa", "beslut i tid"],
    SumDecisionLate => ["decision_late", "päätös tehty myöhässä", "beslut för sent"],
    SumDecisionDue => ["decision_due", "päätöksen määräaika kulumassa", "beslutets tidsfrist löper"],
    SumDecisionOverdue => [
        "decision_overdue",
        "päätöksen määräaika ylittynyt",
        "beslutets tidsfrist överskriden",
    ],
    SumDecisionNone => ["decision_none", "päätös ei määräaikaa", "beslut ingen tidsfrist"],
    SumDecisionOnTimePct => ["decision_on_time_pct", "päätös ajoissa %", "beslut i tid %"],
    SumImplementationMet => [
        "implementation_met",
        "palvelu alkoi ajoissa",
        "tjänsten inleddes i tid",
    ],
    SumImplementationLate => [
        "implementation_late",
        "palvelu alkoi myöhässä",
        "tjänsten inleddes för sent",
    ],
    SumImplementationDue => [
        "implementation_due",
        "palvelun alkamisen määräaika kulumassa",
        "tjänstens tidsfrist löper",
    ],
    SumImplementationOverdue => [
        "implementation_overdue",
        "palvelun alkamisen määräaika ylittynyt",
        "tjänstens tidsfrist överskriden",
    ],
    SumImplementationNone => [
        "implementation_none",
        "palvelu ei määräaikaa",
        "tjänsten ingen tidsfrist",
    ],
    SumImplementationOnTimePct => [
        "implementation_on_time_pct",
        "palvelu alkoi ajoissa %",
        "tjänsten inleddes i tid %",
    ],
    /// `{0}`: the unit.
    SumUnitTitle => ["Unit: {0}", "Yksikkö: {0}", "Enhet: {0}"],
    /// `{0}`: the count.
    SumInvalidLine => [
        "Invalid rows (not evaluated): {0}.",
        "Virheellisiä rivejä (ei käsitelty): {0}.",
        "Felaktiga rader (inte behandlade): {0}.",
    ],
    /// `{0}`, `{1}`: the first and last pending date.
    SumPeriodLine => ["Pending {0} to {1}.", "Vireille {0}–{1}.", "Anhängiga {0}–{1}."],
    // The national child-welfare report (`thl`).
    /// `{0}`, `{1}`: the first and last day of the period.
    ThlStartTitle => [
        "7 working days: child-welfare and special-support matters that became pending {0}–{1}",
        "7 arkipäivää: {0}–{1} vireille tulleet lastensuojelu- ja erityisen tuen asiat",
        "7 vardagar: barnskydds- och stödärenden som blev anhängiga {0}–{1}",
    ],
    /// `{0}`, `{1}`: the first and last day of the period.
    ThlCompletionTitle => [
        "3 months: assessments completed {0}–{1}, whenever pending",
        "3 kuukautta: {0}–{1} valmistuneet palvelutarpeen arvioinnit",
        "3 månader: bedömningar slutförda {0}–{1}",
    ],
    /// `{0}`: the as-of date.
    ThlAsOfLine => ["As of {0}.", "Tilanne {0}.", "Läget {0}."],
    ThlPeriodFrom => ["from", "alkaen", "från"],
    ThlPeriodTo => ["to", "päättyen", "till"],
    ThlPending => ["pending", "vireille", "anhängiga"],
    ThlStartedWithin => ["started in time", "aloitettu ajassa", "påbörjade i tid"],
    ThlStartedLate => ["started late", "aloitettu myöhässä", "påbörjade sent"],
    ThlNotStartedOverdue => ["not started, overdue", "aloittamatta, määräaika ylittynyt", "inte påbörjade, tidsfristen överskriden"],
    ThlNotStartedWithin => ["not started, due", "aloittamatta, määräaika kulumassa", "inte påbörjade, tidsfristen löper"],
    ThlExceeded => ["exceeded", "ylittyneet", "överskridna"],
    ThlExceededPct => ["exceeded %", "ylittyneet %", "överskridna %"],
    ThlCompleted => ["completed", "valmistuneet", "slutförda"],
    ThlCompletedWithin => ["within 3 months", "3 kuukaudessa", "inom 3 månader"],
    ThlCompletedLate => ["over 3 months", "yli 3 kuukautta", "över 3 månader"],
    ThlCompletedLatePct => ["over 3 months %", "yli 3 kuukautta %", "över 3 månader %"],
    // Social assistance (toimeentulotuki; utkomststöd), `maaraika assistance` and its web tab.
    AsTitle => ["Social assistance", "Toimeentulotuki", "Utkomststöd"],
    AsKinds => [
        "supplementary and preventive social assistance",
        "täydentävä ja ehkäisevä toimeentulotuki",
        "kompletterande och förebyggande utkomststöd",
    ],
    AsDecision => ["decision", "päätös", "beslut"],
    AsInfoRequest => ["request for more information", "lisäselvityspyyntö", "begäran om tilläggsutredning"],
    AsInfoReceived => ["completed application arrived", "täydennys saapunut", "kompletteringen inkommen"],
    AsInfoReplyDue => ["time given to reply", "vastausaika päättyy", "svarstiden går ut"],
    AsMeeting => ["personal meeting", "henkilökohtainen keskustelu", "personligt samtal"],
    AsMeetingRequested => ["meeting asked for", "keskustelua pyydetty", "samtal begärt"],
    AsPayment => ["payment", "maksu", "utbetalning"],
    AsApplicationDate => ["application arrived", "hakemus saapunut", "ansökan inkommen"],
    AsUrgent => ["urgent", "kiireellinen", "brådskande"],
    AsArrived => ["counted from", "laskenta alkaa", "räknas från"],
    AsDeadline => ["by", "viimeistään", "senast"],
    AsStatus => ["status", "tila", "status"],
    AsDaysOver => ["working days over", "arkipäiviä yli", "arbetsdagar över"],
    AsDaysLeft => ["working days left", "arkipäiviä jäljellä", "arbetsdagar kvar"],
    AsElapsed => ["working days elapsed", "arkipäiviä kulunut", "arbetsdagar förflutna"],
    AsNotRecorded => ["not recorded", "ei kirjattu", "inte registrerad"],
    AsMilestone => ["milestone", "vaihe", "skede"],
    AsApplications => ["applications", "hakemukset", "ansökningar"],
    AsOverLimit => ["over the limit", "yli määräajan", "över tidsfristen"],
    AsInfoRequests => ["requests for more information", "lisäselvityspyynnöt", "begäranden om tilläggsutredning"],
    AsInfoRequestsOverLimit => ["requests past 7 working days", "pyyntö yli 7 arkipäivää", "begäran efter 7 arbetsdagar"],
    AsMeetingsRequested => ["meetings asked for", "keskustelupyynnöt", "begärda samtal"],
    AsMeetingsOverLimit => ["meetings past 7 working days", "keskustelu yli 7 arkipäivää", "samtal efter 7 arbetsdagar"],
    AsMonth => ["month", "kuukausi", "månad"],
    AsCountedBy => ["counted by", "laskentaperuste", "räknat efter"],
    AsArrivalMonth => ["the month the application arrived", "hakemuksen saapumiskuukausi", "den månad ansökan inkom"],
    AsDecisionMonth => ["the month of the decision", "päätöskuukausi", "beslutsmånaden"],
    AsThlTitle => [
        "Social assistance processing times, {0}; counted by {1}",
        "Toimeentulotuen käsittelyajat, {0}; laskentaperuste: {1}",
        "Handläggningstider för utkomststöd, {0}; räknat efter {1}",
    ],
    AsIntro => [
        "The counties' processing deadlines of supplementary and preventive social assistance (Social Assistance Act 1412/1997): the decision by the 7th working day after the application arrived (urgent: the same or the next working day), a request for more information by the 7th working day and a new 7-working-day clock from the completed application, a meeting by the 7th working day after the client asked, the payment without delay.",
        "Hyvinvointialueen täydentävän ja ehkäisevän toimeentulotuen käsittelyajat (toimeentulotukilaki 1412/1997): päätös viimeistään 7. arkipäivänä hakemuksen saapumisesta (kiireellinen: samana tai seuraavana arkipäivänä), lisäselvityspyyntö viimeistään 7. arkipäivänä ja uusi 7 arkipäivän aika täydennyksen saapumisesta, henkilökohtainen keskustelu viimeistään 7. arkipäivänä pyynnöstä, maksu viivytyksettä.",
        "Välfärdsområdets handläggningstider för kompletterande och förebyggande utkomststöd (lagen om utkomststöd 1412/1997): beslut senast den 7 vardagen efter att ansökan inkom (brådskande: samma eller följande vardag), begäran om tilläggsutredning senast den 7 vardagen och en ny tidsfrist på 7 vardagar från kompletteringen, personligt samtal senast den 7 vardagen efter begäran, utbetalning utan dröjsmål.",
    ],
    AsOneTitle => ["One application", "Yksi hakemus", "En ansökan"],
    AsListTitle => ["A list of applications", "Hakemuslista", "En lista med ansökningar"],
    AsFileHint => [
        "CSV or workbook with a header row: application_date (Saapumispäivä), and any of urgent, decision_date, info_requested_date, info_received_date, info_reply_due_date, meeting_requested_date, meeting_date, paid_date, case_id, unit.",
        "CSV tai työkirja, jossa otsikkorivi: saapumispäivä (application_date) ja mitkä tahansa näistä: kiireellinen, päätöspvm, lisäselvityspyyntö, täydennys saapunut, vastausaika, keskustelupyyntö, keskustelu, maksupäivä, asiatunnus, yksikkö.",
        "CSV eller arbetsbok med rubrikrad: ankomstdag (application_date) och någon av: brådskande, beslutsdatum, begäran om tilläggsutredning, kompletteringen inkommen, svarstid, samtal begärt, samtal, utbetald, ärendenummer, enhet.",
    ],
    AsDaysNote => [
        "Working days: +N past the deadline, N left before it; (N) elapsed where there is no day count.",
        "Arkipäivät: +N yli määräajan, N jäljellä; (N) kulunut, kun määräaikaa ei ole.",
        "Arbetsdagar: +N över tidsfristen, N kvar; (N) förflutna där ingen tidsfrist finns.",
    ],
    AsOverdueApplications => ["applications overdue", "ylittyneitä hakemuksia", "ansökningar över tidsfristen"],
    AsPressing => ["Applications overdue or due", "Ylittyneet ja avoimet hakemukset", "Ansökningar över eller inom tidsfristen"],
    // The holidays table.
    HolDate => ["date", "päivä", "datum"],
    HolWeekday => ["weekday", "viikonpäivä", "veckodag"],
    HolName => ["holiday", "pyhä", "helgdag"],
    HolNameFi => ["pyhä", "pyhä", "pyhä"],
    HolKind => ["kind", "laji", "typ"],
    HolWorkingDay => ["working day", "arkipäivä", "vardag"],
    KindHoliday => ["holiday", "pyhäpäivä", "helgdag"],
    KindEve => ["eve", "aatto", "afton"],
    Yes => ["yes", "kyllä", "ja"],
    No => ["no", "ei", "nej"],
    // `calendar` text.
    /// `{0}` the result, `{1}` the ordinal, `{2}` the date counted from.
    CalAddAfter => [
        "{0} is the {1} working day after {2}.",
        "{0} on {1} arkipäivä päivän {2} jälkeen.",
        "{0} är den {1} vardagen efter {2}.",
    ],
    CalAddBefore => [
        "{0} is the {1} working day before {2}.",
        "{0} on {1} arkipäivä ennen päivää {2}.",
        "{0} är den {1} vardagen före {2}.",
    ],
    /// `{0}`: the date.
    CalAddZero => [
        "{0}: 0 working days from a date is the date itself.",
        "{0}: 0 arkipäivää päivästä on päivä itse.",
        "{0}: 0 vardagar från ett datum är datumet självt.",
    ],
    /// `{0}`: the holidays, or [`Label::NoneSkipped`].
    CalSkipped => [
        "Holidays and eves skipped: {0}",
        "Ohitetut pyhät ja aatot: {0}",
        "Helgdagar och aftnar som hoppades över: {0}",
    ],
    NoneSkipped => ["none", "ei yhtään", "inga"],
    /// `{0}` the working days, `{1}` from, `{2}` to.
    CalCount => [
        "{0} after {1} up to and including {2}.",
        "{0} päivän {1} jälkeen päivään {2} asti (se mukaan luettuna).",
        "{0} efter {1} till och med {2}.",
    ],
    /// `{0}`: the date; `{1}`: why not, or nothing.
    CalIsWorking => ["{0} is a working day{1}.", "{0} on arkipäivä{1}.", "{0} är en vardag{1}."],
    CalIsNotWorking => [
        "{0} is not a working day{1}.",
        "{0} ei ole arkipäivä{1}.",
        "{0} är inte en vardag{1}.",
    ],
    /// `{0}`: the holidays.
    CalBecause => [": {0}", ": {0}", ": {0}"],
    CalWeekend => [" (weekend)", " (viikonloppu)", " (veckoslut)"],
    // `check` text.
    /// `{0}` pending date, `{1}` as-of date.
    ChkPending => [
        "Pending since {0}, judged as of {1}.",
        "Vireillä {0} alkaen, tilanne päivänä {1}.",
        "Anhängigt sedan {0}, bedömt per {1}.",
    ],
    /// `{0}`: the age.
    ChkAge => [
        "Age on the pending date: {0}.",
        "Ikä vireilletulopäivänä: {0}.",
        "Ålder den dag ärendet blev anhängigt: {0}.",
    ],
    ChkAgeUnknown => ["Age: not given.", "Ikä: ei annettu.", "Ålder: inte angiven."],
    ChkGroups => ["Groups:", "Ryhmät:", "Grupper:"],
    /// `{0}`: the statute.
    ChkNoGroups => [
        "Groups: none with a statutory day count ({0}).",
        "Ryhmät: ei ryhmää, jolla on lakisääteinen määräaika ({0}).",
        "Grupper: ingen grupp med lagstadgad tidsfrist ({0}).",
    ],
    /// `{0}` group, `{1}` the start rule, `{2}` completion, `{3}` statute.
    ChkRule => [
        "  - {0}: start {1}{2}. {3}",
        "  - {0}: aloitettava {1}{2}. {3}",
        "  - {0}: påbörjas {1}{2}. {3}",
    ],
    ChkStartSameDay => [
        "on the pending date",
        "vireilletulopäivänä",
        "samma dag som ärendet blev anhängigt",
    ],
    /// `{0}`: the ordinal.
    ChkStartByDay => [
        "by the {0} working day",
        "viimeistään {0} arkipäivänä",
        "senast den {0} vardagen",
    ],
    /// `{0}`: months.
    ChkCompleteWithin => [
        ", complete within {0} months",
        ", valmis {0} kuukaudessa",
        ", slutförd inom {0} månader",
    ],
    /// `{0}`: months.
    ChkStartWithinMonths => ["within {0} months", "{0} kuukauden kuluessa", "inom {0} månader"],
    ChkDecision => ["Decision", "Päätös", "Beslut"],
    ChkServiceBegins => ["Service begins", "Palvelu alkaa", "Tjänsten inleds"],
    /// `{0}`: the milestone.
    ChkAfterDecision => [
        "{0}: counted once a decision is recorded (--decision).",
        "{0}: lasketaan, kun päätöspäivä on annettu (--decision).",
        "{0}: räknas när beslutsdagen är angiven (--decision).",
    ],
    /// `{0}`: the working days.
    ChkElapsedUpToIt => [
        "  Working days passed up to it: {0}.",
        "  Arkipäiviä kului siihen mennessä: {0}.",
        "  Vardagar som gick fram till dess: {0}.",
    ],
    ChkStart => ["Start", "Aloitus", "Påbörjande"],
    ChkCompletion => ["Completion", "Valmistuminen", "Slutförande"],
    /// `{0}` the deadline (`Lang::on_date`), `{1}` where it stands.
    ChkStartBy => ["Start by {0}: {1}.", "Aloitettava viimeistään {0}: {1}.", "Påbörjas senast {0}: {1}."],
    ChkCompletionBy => [
        "Completion by {0}: {1}.",
        "Valmistuttava viimeistään {0}: {1}.",
        "Slutförs senast {0}: {1}.",
    ],
    ChkDecisionBy => ["Decision by {0}: {1}.", "Päätettävä viimeistään {0}: {1}.", "Beslut senast {0}: {1}."],
    ChkServiceBy => [
        "Service begins by {0}: {1}.",
        "Palvelun alettava viimeistään {0}: {1}.",
        "Tjänsten inleds senast {0}: {1}.",
    ],
    /// `{0}` Start or Completion, `{1}` done (below) or nothing.
    ChkNoDeadline => [
        "{0}: no statutory deadline{1}.",
        "{0}: ei lakisääteistä määräaikaa{1}.",
        "{0}: ingen lagstadgad tidsfrist{1}.",
    ],
    /// `{0}`: the date.
    ChkDone => [" (done {0})", " (tehty {0})", " (gjort {0})"],
    /// `{0}`: the date it was done.
    ChkMet => ["MET, done {0}", "AJOISSA, tehty {0}", "I TID, gjort {0}"],
    /// `{0}` the date it was done, `{1}` the working days.
    ChkLate => [
        "LATE, done {0}, {1} after the deadline",
        "TEHTY MYÖHÄSSÄ {0}, {1} määräajan jälkeen",
        "FÖR SENT, gjort {0}, {1} efter tidsfristen",
    ],
    ChkDueToday => ["DUE TODAY", "MÄÄRÄAIKA PÄÄTTYY TÄNÄÄN", "TIDSFRISTEN GÅR UT I DAG"],
    /// `{0}`: the working days.
    ChkDue => ["DUE, {0} left", "MÄÄRÄAIKA KULUMASSA, {0} jäljellä", "TIDSFRISTEN LÖPER, {0} kvar"],
    ChkOverdue => [
        "OVERDUE by {0} (not done)",
        "MÄÄRÄAIKA YLITTYNYT {0} (ei tehty)",
        "TIDSFRISTEN ÖVERSKRIDEN med {0} (inte gjort)",
    ],
    /// `{0}`: the holidays.
    ChkSkipped => [
        "  holidays and eves skipped: {0}",
        "  ohitetut pyhät ja aatot: {0}",
        "  helgdagar och aftnar som hoppades över: {0}",
    ],
    /// `{0}`: the working days.
    ChkElapsedSoFar => [
        "  Working days passed so far: {0}.",
        "  Arkipäiviä kulunut tähän mennessä: {0}.",
        "  Vardagar som gått hittills: {0}.",
    ],
    ChkElapsedToStart => [
        "  Working days passed up to the start: {0}.",
        "  Arkipäiviä kului aloitukseen mennessä: {0}.",
        "  Vardagar som gick fram till påbörjandet: {0}.",
    ],
    /// `{0}`: the note.
    ChkNote => ["Note: {0}.", "Huom: {0}.", "Obs: {0}."],
    /// `{0}`: the other reading.
    ChkOtherSame => [
        "The {0} reading gives the same dates.",
        "Toinen tulkinta ({0}) antaa samat päivät.",
        "Den andra tolkningen ({0}) ger samma datum.",
    ],
    /// `{0}` the other reading, `{1}` its dates.
    ChkOtherDiffers => [
        "The {0} reading gives other dates: {1}.",
        "Toinen tulkinta ({0}) antaa muut päivät: {1}.",
        "Den andra tolkningen ({0}) ger andra datum: {1}.",
    ],
    /// `{0}` date, `{1}` status.
    ChkOtherStart => [
        "start by {0} ({1})",
        "aloitettava viimeistään {0} ({1})",
        "påbörjas senast {0} ({1})",
    ],
    /// A decision deadline `check` cannot judge without the decision's date.
    ChkGiveDecision => [
        "not judged: give --decision to judge the decision",
        "ei arvioitu: anna --decision, niin päätös arvioidaan",
        "inte bedömt: ange --decision för att bedöma beslutet",
    ],
    ChkOtherDecision => [
        "decide by {0} ({1})",
        "päätettävä viimeistään {0} ({1})",
        "beslut senast {0} ({1})",
    ],
    ChkOtherService => [
        "service to begin by {0} ({1})",
        "palvelun alettava viimeistään {0} ({1})",
        "tjänsten ska inledas senast {0} ({1})",
    ],
    ChkOtherCompletion => [
        "complete by {0} ({1})",
        "valmistuttava viimeistään {0} ({1})",
        "slutförs senast {0} ({1})",
    ],
    // The closing line of `audit` on a terminal.
    /// `{0}` cases, `{1}` met, `{2}` late, `{3}` due, `{4}` overdue, `{5}` no deadline,
    /// `{6}` invalid.
    AuditCounts => [
        "{0} cases: {1} met, {2} late, {3} due, {4} overdue, {5} no deadline; {6} invalid rows.",
        "{0} asiaa: {1} ajoissa, {2} tehty myöhässä, {3} määräaika kulumassa, {4} määräaika ylittynyt, {5} ei määräaikaa; {6} virheellistä riviä.",
        "{0} ärenden: {1} i tid, {2} för sent, {3} tidsfristen löper, {4} tidsfristen överskriden, {5} ingen tidsfrist; {6} felaktiga rader.",
    ],
    // Workbooks (`--format xlsx`): the sheets and what is on them.
    XlsCases => ["cases", "asiat", "ärenden"],
    XlsOverdue => ["overdue and due soon", "myöhässä ja pian", "försenade och snart"],
    XlsSummary => ["summary", "yhteenveto", "sammandrag"],
    XlsInvalid => ["invalid rows", "virheelliset rivit", "felaktiga rader"],
    XlsFile => ["file", "tiedosto", "fil"],
    XlsEvaluated => ["cases evaluated", "käsiteltyjä asioita", "behandlade ärenden"],
    XlsColumn => ["column", "sarake", "kolumn"],
    XlsProblem => ["problem", "ongelma", "problem"],
    XlsStatus => ["status", "tila", "status"],
    // The web page (`maaraika serve`).
    WebApp => ["Määräaika", "Määräaika", "Määräaika"],
    WebTagline => [
        "Statutory deadlines of service-need assessments, in Finnish working days",
        "Palvelutarpeen arvioinnin lakisääteiset määräajat arkipäivinä",
        "Lagstadgade tidsfrister för bedömning av servicebehov i vardagar",
    ],
    WebNavLabel => ["Main menu", "Päävalikko", "Huvudmeny"],
    WebNavCheck => ["One case", "Yksi asia", "Ett ärende"],
    WebNavAudit => ["Case list", "Asialuettelo", "Ärendelista"],
    WebNavCalendar => ["Calendar", "Kalenteri", "Kalender"],
    WebLangLabel => ["Language", "Kieli", "Språk"],
    WebPrivacy => [
        "The data is processed on this machine only and nothing is stored. An identity code is never shown or logged.",
        "Tiedot käsitellään vain tällä koneella eikä mitään tallenneta. Henkilötunnusta ei näytetä eikä kirjata mihinkään.",
        "Uppgifterna behandlas endast på den här datorn och ingenting sparas. Personbeteckningen visas eller loggas aldrig.",
    ],
    WebDateHint => ["e.g. 23.11.2026", "esim. 23.11.2026", "t.ex. 23.11.2026"],
    WebOptional => ["optional", "vapaaehtoinen", "frivillig"],
    // Check one case.
    WebCheckTitle => ["Check one case", "Tarkista yksi asia", "Kontrollera ett ärende"],
    WebCheckIntro => [
        "By when must the assessment start, and is it late?",
        "Mihin mennessä arviointi on aloitettava ja onko määräaika ylittynyt?",
        "När ska bedömningen påbörjas, och har tidsfristen överskridits?",
    ],
    WebPending => ["Pending date", "Vireilletulopäivä", "Datum då ärendet blev anhängigt"],
    WebPendingHint => [
        "the day the matter became pending, e.g. 23.11.2026",
        "päivä, jona asia tuli vireille, esim. 23.11.2026",
        "dagen då ärendet blev anhängigt, t.ex. 23.11.2026",
    ],
    WebPerson => ["Person", "Henkilö", "Person"],
    WebPersonHint => [
        "Give one: birth date, identity code or age.",
        "Anna yksi: syntymäaika, henkilötunnus tai ikä.",
        "Ange en: födelsedatum, personbeteckning eller ålder.",
    ],
    WebBirthDate => ["Birth date", "Syntymäaika", "Födelsedatum"],
    WebHetu => ["Identity code (henkilötunnus)", "Henkilötunnus", "Personbeteckning"],
    WebHetuHint => [
        "used for the birth date only; never shown or stored",
        "käytetään vain syntymäajan laskemiseen; ei näytetä eikä tallenneta",
        "används bara för födelsedatumet; visas eller sparas inte",
    ],
    WebAge => [
        "Age on the pending date (years)",
        "Ikä vireilletulopäivänä (vuotta)",
        "Ålder den dag ärendet blev anhängigt (år)",
    ],
    WebGroups => ["Groups", "Ryhmät", "Grupper"],
    WebUrgent => ["Urgent need", "Kiireellinen avun tarve", "Brådskande behov"],
    WebCareAllowance => ["Highest care allowance", "Ylin hoitotuki", "Högsta vårdbidrag"],
    WebDisabled => ["Disabled person", "Vammainen henkilö", "Person med funktionsnedsättning"],
    WebChildSpecialSupport => [
        "Child in need of special support",
        "Erityistä tukea tarvitseva lapsi",
        "Barn i behov av särskilt stöd",
    ],
    WebChildWelfare => ["Child-welfare matter", "Lastensuojeluasia", "Barnskyddsärende"],
    WebOlderPerson => [
        "Older person (the service begins within 3 months of the decision)",
        "Iäkäs henkilö (palvelun aloitus 3 kuukauden kuluessa päätöksestä)",
        "Äldre person (tjänsten ska inledas inom 3 månader efter beslutet)",
    ],
    WebDecision => ["Decision made", "Päätös tehty", "Beslut fattat"],
    WebImplemented => ["Service began", "Palvelu alkanut", "Tjänsten inledd"],
    WebImplementationMilestone => ["Service begins", "Palvelun alkaminen", "Tjänsten inleds"],
    WebAfterDecision => [
        "counted once a decision is recorded",
        "lasketaan, kun päätös on kirjattu",
        "räknas när beslutet har registrerats",
    ],
    WebDone => ["Recorded dates", "Kirjatut päivät", "Registrerade datum"],
    WebStarted => ["Assessment started", "Arviointi aloitettu", "Bedömningen påbörjad"],
    WebCompleted => ["Assessment completed", "Arviointi valmis", "Bedömningen klar"],
    WebAsOf => ["As of", "Tilanne päivänä", "Läget den"],
    WebAsOfHint => ["today when left empty", "oletus tänään", "i dag om inget anges"],
    WebReading => ["Reading", "Tulkinta", "Tolkning"],
    WebReadingStandard => [
        "Standard: Christmas Eve and Midsummer Eve are not working days",
        "Tavanomainen: jouluaatto ja juhannusaatto eivät ole arkipäiviä",
        "Sedvanlig: julafton och midsommarafton är inte vardagar",
    ],
    WebReadingConservative => [
        "Conservative: Christmas Eve and Midsummer Eve count as working days",
        "Varovainen: jouluaatto ja juhannusaatto lasketaan arkipäiviksi",
        "Försiktig: julafton och midsommarafton räknas som vardagar",
    ],
    WebCheckButton => ["Check", "Tarkista", "Kontrollera"],
    WebResult => ["Result", "Tulos", "Resultat"],
    WebStart => ["Start", "Aloitus", "Påbörjande"],
    WebDeadline => ["Deadline", "Määräaika", "Tidsfrist"],
    WebStatus => ["Status", "Tila", "Status"],
    WebWorkingDays => ["Working days", "Arkipäiviä", "Vardagar"],
    WebNoDeadline => [
        "no statutory deadline",
        "ei lakisääteistä määräaikaa",
        "ingen lagstadgad tidsfrist",
    ],
    WebStatute => ["Statute", "Säännös", "Bestämmelse"],
    WebNoGroup => [
        "No group with a day count: the assessment without delay (Social Welfare Act 36 § 2 mom.).",
        "Ei ryhmää, jolla on päivämääräinen määräaika: arviointi viipymättä (SHL 36 § 2 mom.).",
        "Ingen grupp med en tidsfrist i dagar: bedömningen utan dröjsmål (SVL 36 § 2 mom.).",
    ],
    WebAgeOnPending => [
        "Age on the pending date",
        "Ikä vireilletulopäivänä",
        "Ålder den dag ärendet blev anhängigt",
    ],
    WebOtherReading => [
        "The other reading gives other dates",
        "Toinen tulkinta antaa muut päivät",
        "Den andra tolkningen ger andra datum",
    ],
    WebSameInOtherReading => [
        "The other reading gives the same dates.",
        "Toinen tulkinta antaa samat päivät.",
        "Den andra tolkningen ger samma datum.",
    ],
    WebNotes => ["Notes", "Huomiot", "Anmärkningar"],
    WebCalendarCaption => [
        "Working days counted from the pending date to the start deadline",
        "Arkipäivien laskenta vireilletulosta aloituksen määräaikaan",
        "Vardagarna från den dag ärendet blev anhängigt till tidsfristen för påbörjandet",
    ],
    WebLegendPending => [
        "pending date (not counted)",
        "vireilletulopäivä (ei lasketa)",
        "dagen då ärendet blev anhängigt (räknas inte)",
    ],
    WebLegendCounted => ["working day counted", "laskettu arkipäivä", "räknad vardag"],
    WebLegendSkipped => [
        "weekend, holiday or eve (skipped)",
        "viikonloppu, pyhä tai aatto (ohitetaan)",
        "veckoslut, helgdag eller afton (hoppas över)",
    ],
    WebLegendDeadline => ["deadline", "määräaika", "tidsfrist"],
    WebHetuUsed => [
        "The identity code was used for the birth date; it is not shown.",
        "Henkilötunnusta käytettiin syntymäajan laskemiseen; sitä ei näytetä.",
        "Personbeteckningen användes för födelsedatumet; den visas inte.",
    ],
    WebErrorTitle => ["Check the details", "Tarkista tiedot", "Kontrollera uppgifterna"],
    // Audit a list.
    WebAuditTitle => ["Audit a case list", "Tarkista asialuettelo", "Kontrollera en ärendelista"],
    WebAuditIntro => [
        "Upload a CSV file or an Excel workbook exported from the client information system or Excel. The file is not stored: it is processed in memory and dropped.",
        "Lataa asiakastietojärjestelmästä tai Excelistä viety CSV-tiedosto tai Excel-työkirja. Tiedostoa ei tallenneta: se käsitellään muistissa ja hylätään.",
        "Ladda upp en CSV-fil eller en Excel-arbetsbok som exporterats från klientdatasystemet eller Excel. Filen sparas inte: den behandlas i minnet och kastas.",
    ],
    WebFile => [
        "Case list (CSV or workbook)",
        "Asialuettelo (CSV tai työkirja)",
        "Ärendelista (CSV eller arbetsbok)",
    ],
    WebFileHint => [
        "headers in Finnish, Swedish or English, delimiter , ; or tab",
        "sarakkeiden otsikot suomeksi, ruotsiksi tai englanniksi, erotin , ; tai sarkain",
        "kolumnrubriker på finska, svenska eller engelska, avgränsare , ; eller tabb",
    ],
    WebAuditButton => ["Audit the list", "Tarkista lista", "Kontrollera listan"],
    WebDownloadCsv => [
        "Download the audit (CSV)",
        "Tallenna tulos (CSV)",
        "Spara resultatet (CSV)",
    ],
    WebDownloadExcel => [
        "Download the audit (Excel CSV)",
        "Tallenna tulos (Excel CSV)",
        "Spara resultatet (Excel CSV)",
    ],
    WebDownloadNote => [
        "These buttons audit the chosen file straight into a file; after an audit, its result also has links that save it without choosing the file again.",
        "Nämä painikkeet tallentavat valitun tiedoston tarkistuksen suoraan tiedostoksi; tarkistuksen jälkeen tuloksessa on myös linkit, jotka tallentavat sen valitsematta tiedostoa uudelleen.",
        "Knapparna sparar resultatet för den valda filen direkt som en fil; efter en kontroll har resultatet också länkar som sparar det utan att filen väljs på nytt.",
    ],
    WebDownloadReady => [
        "This list's audit, ready to save:",
        "Tämän listan tarkistuksen tulos tallennettavaksi:",
        "Resultatet för den här listan, klart att spara:",
    ],
    WebCaseIdMissing => [
        "No case id column was found in the list, so its cases are shown without ids. Choose the column that holds the case id in the form above and audit the list again.",
        "Listasta ei löytynyt asiatunnuksen saraketta, joten asiat näytetään ilman tunnuksia. Valitse yllä olevasta lomakkeesta sarake, jossa asiatunnus on, ja tarkista lista uudelleen.",
        "Listan har ingen kolumn för ärendenummer, så ärendena visas utan nummer. Välj kolumnen med ärendenumret i formuläret ovan och kontrollera listan på nytt.",
    ],
    WebCaseIdColumn => ["Case id column", "Asiatunnuksen sarake", "Kolumn för ärendenummer"],
    WebRows => ["Rows", "Rivejä", "Rader"],
    WebEvaluated => ["Evaluated", "Käsitelty", "Behandlade"],
    WebInvalid => ["Invalid", "Virheellisiä", "Felaktiga"],
    WebOverdueCases => [
        "Overdue, most overdue first",
        "Määräaika ylittynyt, eniten ylittyneet ensin",
        "Tidsfristen överskriden, mest överskridna först",
    ],
    WebDueCases => [
        "Due, nearest deadlines first",
        "Määräaika kulumassa, lähimmät määräajat ensin",
        "Tidsfristen löper, närmaste tidsfrister först",
    ],
    WebInvalidRows => ["Invalid rows", "Virheelliset rivit", "Felaktiga rader"],
    WebWarningRows => ["Rows to check", "Tarkistettavat rivit", "Rader att kontrollera"],
    WebWarningsIntro => [
        "Evaluated, but worth a second look: a date after the as-of date, or a case id seen before.",
        "Käsitelty, mutta kannattaa tarkistaa: päivämäärä tilannepäivän jälkeen tai asianumero, joka on jo listassa.",
        "Behandlade, men värda en extra kontroll: ett datum efter lägesdagen eller ett ärendenummer som redan finns i listan.",
    ],
    WebFirstListed => [
        "Only the first 1,000 are listed.",
        "Vain 1 000 ensimmäistä on listattu.",
        "Endast de första 1 000 visas.",
    ],
    WebLine => ["Line", "Rivi", "Rad"],
    WebCaseId => ["Case", "Asia", "Ärende"],
    WebUnit => ["Unit", "Yksikkö", "Enhet"],
    WebColumn => ["Column", "Sarake", "Kolumn"],
    WebProblem => ["Problem", "Ongelma", "Problem"],
    WebMoreListed => [
        "More rows: download the audit to see them all.",
        "Lisää rivejä: tallenna tulos nähdäksesi kaikki.",
        "Fler rader: spara resultatet för att se alla.",
    ],
    WebNoneOverdue => ["No overdue cases.", "Ei ylittyneitä asioita.", "Inga överskridna ärenden."],
    WebStartStatuses => ["Start", "Aloitus", "Påbörjande"],
    WebByGroup => ["By group", "Ryhmittäin", "Per grupp"],
    WebByGroupHint => [
        "Each case once in each of its groups, by the status of its most pressing deadline (overdue, then due, late, met, none).",
        "Kukin asia kerran kussakin ryhmässään, kiireellisimmän määräaikansa tilan mukaan (määräaika ylittynyt, määräaika kulumassa, tehty myöhässä, ajoissa, ei määräaikaa).",
        "Varje ärende en gång i varje grupp det hör till, enligt status för dess mest brådskande tidsfrist (tidsfristen överskriden, tidsfristen löper, för sent, i tid, ingen tidsfrist).",
    ],
    WebGroup => ["Group", "Ryhmä", "Grupp"],
    WebNoGroupShort => ["no group", "ei ryhmää", "ingen grupp"],
    // Calendar.
    WebCalendarTitle => ["Calendar", "Kalenteri", "Kalender"],
    WebYear => ["Year", "Vuosi", "År"],
    WebShow => ["Show", "Näytä", "Visa"],
    WebHolidaysOf => ["Holidays and eves", "Pyhät ja aatot", "Helgdagar och aftnar"],
    WebDate => ["Date", "Päivä", "Datum"],
    WebHoliday => ["Holiday", "Pyhä", "Helgdag"],
    WebWorkingDay => ["Working day", "Arkipäivä", "Vardag"],
    WebCounterTitle => ["Working-day counter", "Arkipäivälaskuri", "Vardagsräknare"],
    WebFrom => ["From (not counted)", "Alkaen (ei lasketa)", "Från (räknas inte)"],
    WebTo => ["To (counted)", "Päättyen (lasketaan)", "Till (räknas)"],
    WebCountButton => ["Count", "Laske", "Räkna"],
    WebAddDays => ["Working days", "Arkipäiviä", "Vardagar"],
    WebAddDaysField => [
        "Working days to add to From (the N-th working day after it)",
        "Lisättävät arkipäivät (N:s arkipäivä Alkaen-päivän jälkeen)",
        "Vardagar att lägga till (den N:te vardagen efter Från-dagen)",
    ],
    WebSkippedDays => ["Holidays and eves skipped", "Ohitetut pyhät ja aatot", "Helgdagar och aftnar som hoppades över"],
    WebAddResult => ["is working day number", "on arkipäivä numero", "är vardag nummer"],
    // Any page.
    WebNotFound => ["No such page", "Sivua ei löydy", "Sidan finns inte"],
    /// The link that skips the menu, for keyboards and screen readers.
    WebSkip => ["Skip to content", "Siirry sisältöön", "Hoppa till innehållet"],
    /// Each language's name in itself, for the language switch.
    WebLangOwnName => ["In English", "Suomeksi", "På svenska"],
    // What is wrong with a row (`problem::Problem`): `{0}` is the value quoted where there is one.
    PrbTheValue => ["the value", "arvo", "värdet"],
    /// `{0}`: the character's code point.
    PrbHiddenCharacter => [
        " (the cell holds an invisible character, shown as {0}: delete it or type the value again)",
        " (solussa on näkymätön merkki, tässä {0}: poista se tai kirjoita arvo uudelleen)",
        " (cellen innehåller ett osynligt tecken, här {0}: ta bort det eller skriv värdet på nytt)",
    ],
    /// `{0}` fields in the row, `{1}` in the header.
    PrbTooFewFields => [
        "has {0} fields but the header has {1}: check for a missing delimiter or a line break inside a value",
        "rivillä on {0} kenttää, otsikkorivillä {1}: tarkista, puuttuuko erotin tai onko arvon sisällä rivinvaihto",
        "raden har {0} fält men rubrikraden {1}: kontrollera om en avgränsare saknas eller om ett värde innehåller en radbrytning",
    ],
    PrbTooManyFields => [
        "has {0} fields but the header has {1}: a value probably holds the delimiter without quotes around it, so the columns after it moved; put that value in quotes or remove the extra delimiter",
        "rivillä on {0} kenttää, otsikkorivillä {1}: jossakin arvossa on luultavasti erotin ilman lainausmerkkejä, joten sen jälkeiset sarakkeet siirtyivät; lisää arvon ympärille lainausmerkit tai poista ylimääräinen erotin",
        "raden har {0} fält men rubrikraden {1}: ett värde innehåller troligen avgränsaren utan citattecken, så kolumnerna efter det flyttades; sätt citattecken kring värdet eller ta bort den extra avgränsaren",
    ],
    /// `{0}` the most fields read, `{1}` fields in the header.
    PrbOverMaxFields => [
        "has more than {0} fields (more than an Excel sheet holds) but the header has {1}: check the delimiter, or export the list again",
        "rivillä on yli {0} kenttää (enemmän kuin Excel-taulukkoon mahtuu), otsikkorivillä {1}: tarkista erotin tai vie lista uudelleen",
        "raden har över {0} fält (fler än ett Excel-blad rymmer) men rubrikraden {1}: kontrollera avgränsaren eller exportera listan på nytt",
    ],
    /// `{0}` the line it opened on, `{1}` where it closed, `{2}` the lines read as one, `{3}` why.
    PrbStrayQuote => [
        "a quote (\") opened in this column on line {0} {1}, so {2} read as one row{3}: check the cell for a stray \", then export again",
        "tässä sarakkeessa rivillä {0} alkava lainausmerkki (\") {1}, joten {2} yhdeksi riviksi{3}: tarkista, onko solussa ylimääräinen \", ja vie lista uudelleen",
        "ett citattecken (\") som börjar i den här kolumnen på rad {0} {1}, så {2} som en rad{3}: kontrollera om cellen har ett överflödigt \" och exportera listan på nytt",
    ],
    PrbQuoteClosesOn => ["closes only on line {0}", "päättyy vasta rivillä {0}", "slutar först på rad {0}"],
    PrbQuoteNeverClosed => ["is never closed", "ei pääty lainkaan", "slutar aldrig"],
    PrbQuoteOneLine => ["line {0} was", "rivi {0} luettiin", "lästes rad {0}"],
    PrbQuoteOneLineToEnd => [
        "line {0} (to the end of the file) was",
        "rivi {0} (tiedoston loppuun) luettiin",
        "lästes rad {0} (till slutet av filen)",
    ],
    /// `{0}` first, `{1}` last, `{2}` how many.
    PrbQuoteLines => [
        "lines {0}–{1} ({2} lines) were",
        "rivit {0}–{1} ({2} riviä) luettiin",
        "lästes raderna {0}–{1} ({2} rader)",
    ],
    PrbQuoteLinesToEnd => [
        "lines {0}–{1} ({2} lines, to the end of the file) were",
        "rivit {0}–{1} ({2} riviä, tiedoston loppuun) luettiin",
        "lästes raderna {0}–{1} ({2} rader, till slutet av filen)",
    ],
    /// `{0}`: the column as the file names it.
    PrbQuoteLineBreakIn => [
        ", and a line break does not belong in {0}",
        ", eikä sarakkeessa {0} voi olla rivinvaihtoa",
        ", och kolumnen {0} kan inte ha en radbrytning",
    ],
    PrbQuoteRowInside => [
        ", and line {0} looks like a row of its own",
        ", ja rivi {0} näyttää omalta riviltään",
        ", och rad {0} ser ut som en egen rad",
    ],
    PrbNotUtf8 => [
        "is not valid UTF-8: save the file as CSV UTF-8, or use --encoding windows-1252",
        "ei ole kelvollista UTF-8-tekstiä: tallenna tiedosto muodossa CSV UTF-8 tai käytä valitsinta --encoding windows-1252",
        "är inte giltig UTF-8-text: spara filen som CSV UTF-8 eller använd --encoding windows-1252",
    ],
    PrbPendingEmpty => [
        "is empty: every case needs the date it became pending",
        "on tyhjä: jokaiselle asialle tarvitaan vireilletulopäivä",
        "är tom: varje ärende behöver datum då det blev anhängigt",
    ],
    PrbArrivalEmpty => [
        "is empty: every application needs the day it arrived",
        "on tyhjä: jokaiselle hakemukselle tarvitaan sen saapumispäivä",
        "är tom: varje ansökan behöver den dag då den inkom",
    ],
    /// `{0}` the later date, `{1}` its name, `{2}` the date it cannot precede, `{3}` that one's.
    PrbApplicationBefore => [
        "{0} ({1}) is before {2} ({3}): check both dates",
        "{0} ({1}) on aiempi kuin {2} ({3}): tarkista molemmat päivämäärät",
        "{0} ({1}) är tidigare än {2} ({3}): kontrollera båda datumen",
    ],
    /// `{0}` the date recorded, `{1}` the date it needs.
    PrbApplicationWithout => [
        "there is a date for \"{0}\" but none for \"{1}\": add the missing date, or remove the other",
        "kohdassa \"{0}\" on päivämäärä, mutta kohdassa \"{1}\" ei ole: lisää puuttuva päivämäärä tai poista toinen",
        "det finns ett datum för \"{0}\" men inget för \"{1}\": lägg till det datum som saknas eller ta bort det andra",
    ],
    PrbDateEmpty => ["{0} is empty", "{0} on tyhjä", "{0} är tomt"],
    PrbDateFormat => [
        "{0} is not a date: write it as 23.11.2026 or 2026-11-23",
        "{0} ei ole päivämäärä: kirjoita se muodossa 23.11.2026 tai 2026-11-23",
        "{0} är inte ett datum: skriv det som 23.11.2026 eller 2026-11-23",
    ],
    PrbDateShortYear => [
        "{0} has a two-digit year: write the year with four digits, e.g. 23.11.2026",
        "{0}: vuosi on kaksinumeroinen; kirjoita vuosi neljällä numerolla, esim. 23.11.2026",
        "{0}: året har två siffror; skriv året med fyra siffror, t.ex. 23.11.2026",
    ],
    /// `{0}` the value, `{1}` the month's name, `{2}` the year, `{3}` the day.
    PrbDateImpossible => [
        "{0} is not a real date: {1} {2} has no day {3}",
        "{0} ei ole oikea päivämäärä: {1}ssa {2} ei ole {3}. päivää",
        "{0} är inte ett riktigt datum: {1} {2} har ingen dag {3}",
    ],
    PrbDateTime => [
        "{0} has a time of day that is not one: write e.g. 23.11.2026 14:30, or the date alone",
        "{0}: kellonaika ei ole kelvollinen; kirjoita esim. 23.11.2026 14:30 tai pelkkä päivämäärä",
        "{0}: klockslaget är inte giltigt; skriv t.ex. 23.11.2026 14:30 eller bara datumet",
    ],
    /// `{0}` the value, `{1}` the year, `{2}` the first year read.
    PrbDateYear => [
        "{0} has the year {1}, which cannot be right: check the year (dates from {2} on are read)",
        "{0}: vuosi {1} ei voi olla oikein; tarkista vuosi (päivämäärät vuodesta {2} alkaen luetaan)",
        "{0}: året {1} kan inte stämma; kontrollera året (datum från och med år {2} läses)",
    ],
    /// `{0}` the date, `{1}` and `{2}` the first and last year.
    PrbOutsideCalendar => [
        "{0} is outside the years maaraika's calendar covers ({1}-{2}): check the year",
        "{0} on maaraikan kalenterin vuosien ({1}–{2}) ulkopuolella: tarkista vuosi",
        "{0} ligger utanför åren som maaraikas kalender täcker ({1}–{2}): kontrollera året",
    ],
    /// `{0}` the value, `{1}` the oldest age.
    PrbAge => [
        "{0} is not an age in whole years (0-{1})",
        "{0} ei ole ikä kokonaisina vuosina (0–{1})",
        "{0} är inte en ålder i hela år (0–{1})",
    ],
    PrbFlag => [
        "{0} is not yes or no: write 1/0, kyllä/ei, ja/nej, k/e, x or leave it empty",
        "{0} ei ole kyllä tai ei: kirjoita 1/0, kyllä/ei, ja/nej, k/e, x tai jätä tyhjäksi",
        "{0} är inte ja eller nej: skriv 1/0, kyllä/ei, ja/nej, k/e, x eller lämna tomt",
    ],
    PrbCareLevelBareYes => [
        "{0} says the client has a care allowance but not its level: write ylin, korotettu or perus (högsta, förhöjt, grund; or 3, 2, 1; only the highest has its own deadline), or name the column \"Ylin hoitotuki\" if it says yes or no to the highest level",
        "{0} kertoo, että asiakkaalla on hoitotuki, mutta ei sen tasoa: kirjoita ylin, korotettu tai perus (högsta, förhöjt, grund; tai 3, 2, 1; vain ylimmällä on oma määräaikansa), tai nimeä sarake \"Ylin hoitotuki\", jos se kertoo kyllä tai ei ylimmästä tasosta",
        "{0} säger att klienten har vårdbidrag men inte dess nivå: skriv högsta, förhöjt eller grund (ylin, korotettu, perus; eller 3, 2, 1; bara det högsta har en egen tidsfrist), eller döp kolumnen till \"Högsta vårdbidrag\" om den säger ja eller nej till den högsta nivån",
    ],
    PrbCareLevelUnknown => [
        "{0} is not a care allowance level: write ylin, korotettu or perus (högsta, förhöjt, grund; or 3, 2, 1), or leave it empty (or ei/0) for none",
        "{0} ei ole hoitotuen taso: kirjoita ylin, korotettu tai perus (högsta, förhöjt, grund; tai 3, 2, 1), tai jätä tyhjäksi (tai ei/0), jos tukea ei ole",
        "{0} är inte en nivå av vårdbidrag: skriv högsta, förhöjt eller grund (ylin, korotettu, perus; eller 3, 2, 1), eller lämna tomt (eller nej/0) om det inte finns något",
    ],
    PrbBirthDateDiffers => [
        "differs from the birth date in the identity code: check which is right",
        "eroaa henkilötunnuksen syntymäajasta: tarkista, kumpi on oikein",
        "skiljer sig från födelsedatumet i personbeteckningen: kontrollera vilket som är rätt",
    ],
    PrbNoCharacters => ["no characters", "ei yhtään merkkiä", "inga tecken"],
    PrbOneCharacter => ["1 character", "1 merkki", "1 tecken"],
    PrbCharacters => ["{0} characters", "{0} merkkiä", "{0} tecken"],
    PrbHetuLength => [
        "the identity code has {0}; a personal identity code has 11 (DDMMYYCZZZQ)",
        "henkilötunnuksessa on {0}; henkilötunnuksessa on 11 merkkiä (PPKKVVYNNNT)",
        "personbeteckningen har {0}; en personbeteckning har 11 tecken (DDMMÅÅCNNNK)",
    ],
    PrbHetuDateDigits => [
        "the identity code's first six characters must be digits (the birth date DDMMYY)",
        "henkilötunnuksen kuuden ensimmäisen merkin on oltava numeroita (syntymäaika PPKKVV)",
        "personbeteckningens sex första tecken ska vara siffror (födelsedatumet DDMMÅÅ)",
    ],
    /// `{0}` the day, `{1}` the month.
    PrbHetuImpossibleDate => [
        "the identity code's date part is not a real date (day {0} of month {1})",
        "henkilötunnuksen syntymäaikaosa ei ole oikea päivämäärä (päivä {0}, kuukausi {1})",
        "personbeteckningens datumdel är inte ett riktigt datum (dag {0} i månad {1})",
    ],
    PrbHetuCenturySign => [
        "the identity code's century sign `{0}` is not one of + - Y X W V U A B C D E F",
        "henkilötunnuksen välimerkki `{0}` ei ole mikään merkeistä + - Y X W V U A B C D E F",
        "personbeteckningens skiljetecken `{0}` är inte något av + - Y X W V U A B C D E F",
    ],
    PrbHetuIndividualNumber => [
        "the identity code's individual number must be three digits",
        "henkilötunnuksen yksilönumeron on oltava kolme numeroa",
        "personbeteckningens individnummer ska vara tre siffror",
    ],
    PrbHetuCheckCharacter => [
        "the identity code's check character does not match its digits: check for a typing error",
        "henkilötunnuksen tarkistusmerkki ei täsmää numeroihin: tarkista kirjoitusvirhe",
        "personbeteckningens kontrolltecken stämmer inte med siffrorna: kontrollera om det finns ett skrivfel",
    ],
    /// `{0}` and `{1}`: the two dates.
    PrbStartBeforePending => [
        "the start date {0} is before the pending date {1}: check both dates",
        "aloituspäivä {0} on ennen vireilletulopäivää {1}: tarkista molemmat päivämäärät",
        "datumet för påbörjandet {0} är före datum då ärendet blev anhängigt {1}: kontrollera båda datumen",
    ],
    PrbCompletionBeforePending => [
        "the completion date {0} is before the pending date {1}: check both dates",
        "valmistumispäivä {0} on ennen vireilletulopäivää {1}: tarkista molemmat päivämäärät",
        "datumet för slutförandet {0} är före datum då ärendet blev anhängigt {1}: kontrollera båda datumen",
    ],
    PrbCompletionBeforeStart => [
        "the completion date {0} is before the start date {1}: check both dates",
        "valmistumispäivä {0} on ennen aloituspäivää {1}: tarkista molemmat päivämäärät",
        "datumet för slutförandet {0} är före datumet för påbörjandet {1}: kontrollera båda datumen",
    ],
    PrbCompletionWithoutStart => [
        "there is a completion date but no start date: add the date the assessment started",
        "valmistumispäivä on, mutta aloituspäivä puuttuu: lisää arvioinnin aloituspäivä",
        "det finns ett datum för slutförandet men inget för påbörjandet: lägg till datumet då bedömningen påbörjades",
    ],
    PrbDecisionBeforePending => [
        "the decision date {0} is before the pending date {1}: check both dates",
        "päätöspäivä {0} on ennen vireilletulopäivää {1}: tarkista molemmat päivämäärät",
        "beslutsdatumet {0} är före datum då ärendet blev anhängigt {1}: kontrollera båda datumen",
    ],
    PrbImplementedBeforeDecision => [
        "the service began on {0}, before the decision date {1}: check both dates",
        "palvelu alkoi {0}, ennen päätöspäivää {1}: tarkista molemmat päivämäärät",
        "tjänsten inleddes {0}, före beslutsdatumet {1}: kontrollera båda datumen",
    ],
    PrbImplementedWithoutDecision => [
        "there is a date the service began but no decision date: add the date of the decision",
        "palvelun alkamispäivä on, mutta päätöspäivä puuttuu: lisää päätöksen päivämäärä",
        "det finns ett datum då tjänsten inleddes men inget beslutsdatum: lägg till beslutets datum",
    ],
    PrbBornAfterPending => [
        "the birth date {0} is after the pending date {1}: check both dates",
        "syntymäaika {0} on vireilletulopäivän {1} jälkeen: tarkista molemmat päivämäärät",
        "födelsedatumet {0} är efter datum då ärendet blev anhängigt {1}: kontrollera båda datumen",
    ],
    /// `{0}`: the age.
    PrbChildFlagForAdult => [
        "the case is marked as a child's, but the person is {0} on the pending date: check the birth date or age, and the child flags",
        "asia on merkitty lapsen asiaksi, mutta henkilö on vireilletulopäivänä {0}-vuotias: tarkista syntymäaika tai ikä sekä lasta koskevat merkinnät",
        "ärendet är markerat som ett barns, men personen är {0} år den dag ärendet blev anhängigt: kontrollera födelsedatumet eller åldern och barnmarkeringarna",
    ],
    /// `{0}` the date, `{1}` and `{2}` the calendar's first and last day.
    PrbCalendarDate => [
        "{0} is outside the supported calendar {1} to {2}",
        "{0} on kalenterin ulkopuolella ({1}–{2})",
        "{0} ligger utanför kalendern ({1}–{2})",
    ],
    /// `{0}` working days, `{1}` from, `{2}` and `{3}` the calendar's first and last day.
    PrbCalendarCount => [
        "counting {0} working days from {1} goes past the supported calendar {2} to {3}",
        "{0} arkipäivän laskeminen päivästä {1} menee kalenterin ({2}–{3}) ulkopuolelle",
        "att räkna {0} vardagar från {1} går utanför kalendern ({2}–{3})",
    ],
    /// `{0}` the year, `{1}` and `{2}` the calendar's first and last year.
    PrbCalendarYear => [
        "year {0} is outside the supported calendar {1}-{2}",
        "vuosi {0} on kalenterin ({1}–{2}) ulkopuolella",
        "året {0} ligger utanför kalendern ({1}–{2})",
    ],
    // Warnings on a row that is evaluated all the same (`audit::Warning`).
    /// `{0}` the date, `{1}` the as-of date.
    PrbDateAfterAsOf => [
        "{0} is after the as-of date {1}; the case is evaluated as recorded: check the date, or give the right --as-of",
        "{0} on tilannepäivän {1} jälkeen; asia käsitellään kirjatuin tiedoin: tarkista päivämäärä tai anna oikea --as-of",
        "{0} är efter lägesdatumet {1}; ärendet behandlas som det är registrerat: kontrollera datumet eller ange rätt --as-of",
    ],
    /// `{0}` the case id as shown, `{1}` the line it was first on.
    PrbRepeatedId => [
        "the case id `{0}` is also on line {1}; both rows are evaluated: check whether the case is listed twice",
        "asiatunnus `{0}` on myös rivillä {1}; molemmat rivit käsitellään: tarkista, onko asia listattu kahdesti",
        "ärendenumret `{0}` finns också på rad {1}; båda raderna behandlas: kontrollera om ärendet finns två gånger i listan",
    ],
    // Where a problem is: `line 4, column 3 (Arviointi aloitettu)`.
    /// `{0}`: the line.
    PlaceLine => ["line {0}", "rivi {0}", "rad {0}"],
    /// `{0}` the line, `{1}` the column's position, `{2}` the column as the file names it.
    PlaceLineColumn => ["line {0}, column {1} ({2})", "rivi {0}, sarake {1} ({2})", "rad {0}, kolumn {1} ({2})"],
    /// `{0}` the line, `{1}` the column as the file names it.
    PlaceLineNamed => ["line {0}, column {1}", "rivi {0}, sarake {1}", "rad {0}, kolumn {1}"],
    /// `{0}` the sheet, `{1}` the row.
    PlaceSheetRow => ["{0} row {1}", "{0} rivi {1}", "{0} rad {1}"],
    PlaceWarning => ["warning", "varoitus", "varning"],
    PlaceNote => ["note", "huom", "obs"],
    XlsCode => ["code", "koodi", "kod"],
    // The closing lines of a list command on standard error.
    /// `{0}` the ids compared, `{1}` the rows not compared.
    MsgIdsNotCompared => [
        "note: repeated case ids were looked for among the first {0} different ids only; {1} later rows were not compared",
        "huom: toistuvia asiatunnuksia etsittiin vain {0} ensimmäisen eri tunnuksen joukosta; {1} myöhempää riviä jäi vertaamatta",
        "obs: upprepade ärendenummer söktes bara bland de {0} första olika numren; {1} senare rader jämfördes inte",
    ],
    /// `{0}` the rows, `{1}` the as-of date, `{2}` how many were listed.
    MsgDatesAfterAsOf => [
        "{0} rows have a date after the as-of date {1} (the first {2} are listed above); all of them are evaluated",
        "{0} rivillä on päivämäärä tilannepäivän {1} jälkeen ({2} ensimmäistä on lueteltu yllä); kaikki käsitellään",
        "{0} rader har ett datum efter lägesdatumet {1} (de {2} första visas ovan); alla behandlas",
    ],
    /// `{0}` the rows, `{1}` how many were listed.
    MsgRepeatedIds => [
        "{0} rows repeat a case id of an earlier row (the first {1} are listed above); all of them are evaluated",
        "{0} riviä toistaa aiemman rivin asiatunnusta ({1} ensimmäistä on lueteltu yllä); kaikki käsitellään",
        "{0} rader upprepar ett ärendenummer från en tidigare rad (de {1} första visas ovan); alla behandlas",
    ],
    MsgNoCases => [
        "no cases: the file has a header row but no rows under it",
        "ei asioita: tiedostossa on otsikkorivi mutta ei rivejä sen alla",
        "inga ärenden: filen har en rubrikrad men inga rader under den",
    ],
    /// `{0}` the invalid rows, `{1}` where they are listed, `{2}` rows evaluated.
    MsgInvalidOne => [
        "{0} row invalid ({1}), {2} evaluated.",
        "{0} rivi virheellinen ({1}), {2} käsitelty.",
        "{0} rad felaktig ({1}), {2} behandlade.",
    ],
    MsgInvalidMany => [
        "{0} rows invalid ({1}), {2} evaluated.",
        "{0} riviä virheellisiä ({1}), {2} käsitelty.",
        "{0} rader felaktiga ({1}), {2} behandlade.",
    ],
    MsgListedAbove => ["listed above", "lueteltu yllä", "visas ovan"],
    /// `{0}` how many are listed above, `{1}` the `--errors` file.
    MsgListedInFile => [
        "the first {0} listed above, all of them in {1}",
        "{0} ensimmäistä lueteltu yllä, kaikki tiedostossa {1}",
        "de {0} första visas ovan, alla i {1}",
    ],
    // What a list command says about the columns it read.
    /// `{0}`: the headers read by their word stems, each `header → column`.
    HintRead => ["read: {0}", "luettu: {0}", "läst: {0}"],
    HintLevel => [" (the level: ylin/korotettu/perus)", " (taso: ylin/korotettu/perus)", " (nivån: högsta/förhöjt/grund)"],
    /// `{0}`: how many more.
    HintMore => [" and {0} more", " ja {0} muuta", " och {0} till"],
    /// `{0}` the headers not used, `{1}` the flag that reads one.
    HintNotUsed => [
        "not used: {0} (to read one, {1})",
        "ei käytetty: {0} (sarakkeen saa luettua valitsimella {1})",
        "används inte: {0} (en kolumn läses med {1})",
    ],
    HintColumnFlag => ["--column COLUMN=HEADER", "--column SARAKE=OTSIKKO", "--column KOLUMN=RUBRIK"],
    // Why a command could not be done.
    MsgError => ["error", "virhe", "fel"],
    /// `{0}` the option, `{1}` what is wrong with its value.
    MsgInvalidValue => [
        "invalid value for {0}: {1}",
        "virheellinen arvo valitsimelle {0}: {1}",
        "ogiltigt värde för {0}: {1}",
    ],
    /// `{0}` the file, `{1}` the column, `{2}` the headers found, `{3}` its Finnish header,
    /// `{4}` its key.
    ErrMissingColumn => [
        "{0} has no {1} column. The columns found are {2}. Rename the header of the column that holds it to {3} (or {4}), or tell maaraika its name with --column {4}=YOUR_HEADER",
        "tiedostossa {0} ei ole saraketta {1}. Löydetyt sarakkeet: {2}. Nimeä sen sisältävän sarakkeen otsikoksi {3} tai kerro sarakkeen nimi valitsimella --column {4}=OTSIKKO",
        "filen {0} har ingen kolumn {1}. Kolumnerna som hittades: {2}. Byt rubriken på kolumnen som innehåller den till {3} eller ange kolumnens namn med --column {4}=RUBRIK",
    ],
    ErrOneColumnFound => [
        ". Only one column was found: if the columns are separated by another character, give it with --delimiter (e.g. --delimiter ';')",
        ". Vain yksi sarake löytyi: jos sarakkeet on erotettu toisella merkillä, anna se valitsimella --delimiter (esim. --delimiter ';')",
        ". Bara en kolumn hittades: om kolumnerna skiljs åt av ett annat tecken, ange det med --delimiter (t.ex. --delimiter ';')",
    ],
    /// `{0}`: the file.
    ErrEmptyFile => [
        "{0} is empty: export the case list again with a header row",
        "{0} on tyhjä: vie asialuettelo uudelleen otsikkorivin kanssa",
        "{0} är tom: exportera ärendelistan på nytt med en rubrikrad",
    ],
    ErrNoHeader => [
        "the first row of {0} has no column names: export the case list again with a header row",
        "tiedoston {0} ensimmäisellä rivillä ei ole sarakkeiden nimiä: vie asialuettelo uudelleen otsikkorivin kanssa",
        "första raden i {0} har inga kolumnnamn: exportera ärendelistan på nytt med en rubrikrad",
    ],
    /// `{0}` the file, `{1}` why.
    ErrCannotOpen => ["cannot open {0}: {1}", "tiedostoa {0} ei voi avata: {1}", "filen {0} kan inte öppnas: {1}"],
    ErrNotFound => [
        "file not found: check the file name and folder",
        "tiedostoa ei löydy: tarkista tiedoston nimi ja kansio",
        "filen hittas inte: kontrollera filnamnet och mappen",
    ],
    ErrIsAFolder => [
        "it is a folder, not a file: give the CSV file in it",
        "se on kansio eikä tiedosto: anna kansiossa oleva CSV-tiedosto",
        "det är en mapp, inte en fil: ange CSV-filen i den",
    ],
    ErrNoAccess => [
        "permission denied: ask for read access, or copy the file somewhere you can read it",
        "ei lukuoikeutta: pyydä lukuoikeus tai kopioi tiedosto paikkaan, josta voit lukea sen",
        "åtkomst nekad: be om läsrätt eller kopiera filen till en plats där du kan läsa den",
    ],
    /// `{0}` the file, `{1}` the sheet asked for, `{2}` the sheets.
    ErrUnknownSheet => [
        "{0} has no sheet \"{1}\": its sheets are {2}; choose one with --sheet NAME",
        "työkirjassa {0} ei ole taulukkoa \"{1}\": sen taulukot ovat {2}; valitse yksi valitsimella --sheet NIMI",
        "arbetsboken {0} har inget blad \"{1}\": dess blad är {2}; välj ett med --sheet NAMN",
    ],
    /// `{0}` the file, `{1}` and `{2}` the headers, `{3}` the column, `{4}` its key.
    ErrDuplicateColumn => [
        "{0}: the columns \"{1}\" and \"{2}\" both mean {4}: delete or rename one of them, or choose one with --column {4}=HEADER",
        "{0}: sarakkeet \"{1}\" ja \"{2}\" tarkoittavat kumpikin saraketta {3}: poista tai nimeä toinen uudelleen tai valitse toinen valitsimella --column {4}=OTSIKKO",
        "{0}: kolumnerna \"{1}\" och \"{2}\" betyder båda kolumnen {3}: ta bort eller byt namn på den ena eller välj en med --column {4}=RUBRIK",
    ],
    /// `{0}` the column's key, `{1}` the header asked for, `{2}` the file, `{3}` its headers.
    ErrMappedColumnNotFound => [
        "--column {0}={1}: {2} has no column \"{1}\"; its columns are {3}",
        "--column {0}={1}: tiedostossa {2} ei ole saraketta \"{1}\"; sen sarakkeet ovat {3}",
        "--column {0}={1}: filen {2} har ingen kolumn \"{1}\"; dess kolumner är {3}",
    ],
    /// `{0}` the line, `{1}` the file.
    ErrUnclosedQuote => [
        "line {0} of {1} opens a quote (\") that is never closed: close it or remove it (check that cell in Excel), then export again",
        "tiedoston {1} rivillä {0} alkaa lainausmerkki (\"), joka ei pääty: lisää loppumerkki tai poista se (tarkista solu Excelissä) ja vie lista uudelleen",
        "på rad {0} i {1} börjar ett citattecken (\") som aldrig slutar: avsluta eller ta bort det (kontrollera cellen i Excel) och exportera listan på nytt",
    ],
    /// `{0}` the file, `{1}` the line.
    ErrTooManyColumns => [
        "the header row of {0} (line {1}) has more columns than an Excel sheet holds: this does not look like a case list; check that the file is the exported case list, or give the delimiter with --delimiter",
        "tiedoston {0} otsikkorivillä (rivi {1}) on enemmän sarakkeita kuin Excel-taulukkoon mahtuu: tämä ei näytä asialuettelolta; tarkista, että tiedosto on viety asialuettelo, tai anna erotin valitsimella --delimiter",
        "rubrikraden i {0} (rad {1}) har fler kolumner än ett Excel-blad rymmer: det här ser inte ut som en ärendelista; kontrollera att filen är den exporterade ärendelistan eller ange avgränsaren med --delimiter",
    ],
    /// `{0}` the line, `{1}` the file.
    ErrRowTooLong => [
        "line {0} of {1} is too long: this does not look like a case list; export it again as CSV",
        "tiedoston {1} rivi {0} on liian pitkä: tämä ei näytä asialuettelolta; vie se uudelleen CSV-muodossa",
        "rad {0} i {1} är för lång: det här ser inte ut som en ärendelista; exportera den på nytt som CSV",
    ],
    // The web server's refusals of a request or upload (`web::Failure`), each naming the field.
    /// `{0}` the largest upload.
    WebTooLarge => [
        "the upload is larger than this server takes ({0}): split the list, or start the server with a larger --max-upload",
        "ladattu tiedosto on suurempi kuin tämä palvelin ottaa vastaan ({0}): jaa lista osiin tai käynnistä palvelin suuremmalla --max-upload-arvolla",
        "den uppladdade filen är större än den här servern tar emot ({0}): dela upp listan eller starta servern med ett större värde för --max-upload",
    ],
    WebStalled => [
        "the upload stalled: nothing arrived for 30 seconds",
        "lataus pysähtyi: mitään ei saapunut 30 sekuntiin; yritä uudelleen",
        "uppladdningen avstannade: inget kom fram på 30 sekunder; försök igen",
    ],
    /// `{0}` why, in the words of the web library (English).
    WebUploadUnread => [
        "the upload could not be read: {0}",
        "ladattua tiedostoa ei voitu lukea; yritä uudelleen (palvelimen ilmoitus englanniksi: {0})",
        "den uppladdade filen kunde inte läsas; försök igen (serverns meddelande på engelska: {0})",
    ],
    /// `{0}` why, in the words of the web library (English).
    WebFormUnread => [
        "the form could not be read: {0}",
        "lomaketta ei voitu lukea; lähetä se uudelleen (palvelimen ilmoitus englanniksi: {0})",
        "formuläret kunde inte läsas; skicka det igen (serverns meddelande på engelska: {0})",
    ],
    WebFormLost => [
        "the form could not be read",
        "lomaketta ei voitu lukea: lähetä se uudelleen",
        "formuläret kunde inte läsas: skicka det igen",
    ],
    /// `{0}` the most text fields, `{1}` their longest, in bytes.
    WebTooManyFields => [
        "the form has too many or too long fields: at most {0} text fields of {1} bytes of UTF-8 before the file",
        "lomakkeessa on liian monta tai liian pitkiä kenttiä: enintään {0} tekstikenttää, kukin enintään {1} tavua UTF-8-tekstiä, ennen tiedostoa",
        "formuläret har för många eller för långa fält: högst {0} textfält med högst {1} byte UTF-8-text var före filen",
    ],
    WebNoFile => [
        "the form has no file: choose the case list (a CSV file) to upload in a field named `file`",
        "lomakkeessa ei ole tiedostoa: valitse ladattava asialuettelo (CSV-tiedosto tai Excel-työkirja)",
        "formuläret har ingen fil: välj ärendelistan som ska laddas upp (en CSV-fil eller en Excel-arbetsbok)",
    ],
    /// `{0}` the field, `{1}` what is wrong with it.
    WebFieldValue => ["{0}: {1}", "{0}: {1}", "{0}: {1}"],
    /// `{0}` the value.
    WebNotAReading => [
        "`{0}` is not a reading: write standard or conservative",
        "`{0}` ei ole tulkinta: kirjoita standard (tavanomainen) tai conservative (varovainen)",
        "`{0}` är ingen tolkning: skriv standard (sedvanlig) eller conservative (försiktig)",
    ],
    WebNoSuchAddress => [
        "no such page or API call",
        "sivua tai API-kutsua ei ole: tarkista osoite",
        "sidan eller API-anropet finns inte: kontrollera adressen",
    ],
    /// `{0}` the method.
    WebMethodNotAllowed => [
        "{0} is not allowed here",
        "{0} ei ole sallittu tässä osoitteessa",
        "{0} är inte tillåtet på den här adressen",
    ],
    WebAuditStopped => [
        "the audit stopped unexpectedly",
        "listan käsittely keskeytyi odottamatta: yritä uudelleen",
        "behandlingen av listan avbröts oväntat: försök igen",
    ],
    WebUploadedList => ["the uploaded list", "ladattu lista", "den uppladdade listan"],
    // The command line's own errors (`Error::Usage`), each naming the flag to change.
    /// `{0}` the flag, `{1}` the file.
    UseOutputIsStdin => [
        "{0} {1} is the file standard input is read from: writing it would replace the case list; give another file name",
        "{0} {1} on tiedosto, josta vakiosyöte luetaan: sen kirjoittaminen korvaisi asialuettelon; anna toinen tiedoston nimi",
        "{0} {1} är filen som standard in läses från: att skriva den skulle ersätta ärendelistan; ange ett annat filnamn",
    ],
    /// `{0}` the flag, `{1}` the file, `{2}` the case list.
    UseOutputIsInput => [
        "{0} {1} is the case list being read ({2}): writing it would replace the case list; give another file name",
        "{0} {1} on luettava asialuettelo ({2}): sen kirjoittaminen korvaisi asialuettelon; anna toinen tiedoston nimi",
        "{0} {1} är ärendelistan som läses ({2}): att skriva den skulle ersätta ärendelistan; ange ett annat filnamn",
    ],
    /// `{0}` and `{2}` the flags, `{1}` and `{3}` their files.
    UseSameFile => [
        "{0} {1} and {2} {3} name the same file: give each its own file name",
        "{0} {1} ja {2} {3} ovat sama tiedosto: anna kummallekin oma tiedoston nimi",
        "{0} {1} och {2} {3} är samma fil: ge var och en ett eget filnamn",
    ],
    /// `{0}` the case list.
    UseStdoutIsInput => [
        "standard output goes to the case list being read ({0}): the case list would be overwritten; send the output to another file",
        "vakiotuloste ohjautuu luettavaan asialuetteloon ({0}): asialuettelo kirjoitettaisiin yli; ohjaa tuloste toiseen tiedostoon",
        "standard ut går till ärendelistan som läses ({0}): ärendelistan skulle skrivas över; skicka resultatet till en annan fil",
    ],
    UseStdoutClosed => [
        "standard output is closed: send it to a file (> FILE or --output FILE), or to /dev/null to discard it",
        "vakiotuloste on suljettu: ohjaa se tiedostoon (> TIEDOSTO tai --output TIEDOSTO) tai laitteeseen /dev/null, jos tulosta ei tarvita",
        "standard ut är stängd: skicka den till en fil (> FIL eller --output FIL) eller till /dev/null om resultatet inte behövs",
    ],
    UseStderrIsGiven => [
        "standard error goes to a file this command was given (2>> or 2<> FILE): its messages would be written into it; send them to another file",
        "virhetuloste ohjautuu tiedostoon, joka annettiin tälle komennolle (2>> tai 2<> TIEDOSTO): viestit kirjoitettaisiin siihen; ohjaa ne toiseen tiedostoon",
        "standard fel går till en fil som kommandot fick (2>> eller 2<> FIL): meddelandena skulle skrivas i den; skicka dem till en annan fil",
    ],
    /// `{0}` the other format.
    UseExcelWithFormat => [
        "--excel writes CSV for Excel and cannot be combined with --format {0}: leave out one of them",
        "--excel kirjoittaa CSV:tä Exceliin eikä sitä voi käyttää yhdessä valitsimen --format {0} kanssa: jätä toinen pois",
        "--excel skriver CSV för Excel och kan inte kombineras med --format {0}: utelämna den ena",
    ],
    UseXlsxNeedsOutput => [
        "--format xlsx writes an Excel workbook, which is no text for a terminal or a pipe: name the file with --output FILE.xlsx",
        "--format xlsx kirjoittaa Excel-työkirjan, joka ei ole tekstiä päätteelle tai putkeen: anna tiedoston nimi valitsimella --output TIEDOSTO.xlsx",
        "--format xlsx skriver en Excel-arbetsbok, som inte är text för en terminal eller ett rör: ange filens namn med --output FIL.xlsx",
    ],
    /// `{0}` the list, `{1}` the line, `{2}` the unit column's header, `{3}` the most units.
    UseTooManyUnits => [
        "{0} line {1}: the unit column ({2}) has more than {3} different values, which does not look like units or teams: check that it is the right column (or name it with --column unit=HEADER), or leave out --by unit",
        "{0} rivi {1}: yksikkösarakkeessa ({2}) on yli {3} eri arvoa, mikä ei näytä yksiköiltä tai tiimeiltä: tarkista, että sarake on oikea (tai nimeä se valitsimella --column unit=OTSIKKO), tai jätä --by unit pois",
        "{0} rad {1}: enhetskolumnen ({2}) har fler än {3} olika värden, vilket inte ser ut som enheter eller team: kontrollera att det är rätt kolumn (eller ange den med --column unit=RUBRIK) eller utelämna --by unit",
    ],
    UseTwoCountings => [
        "--by arrival-month and --by decision-month are two readings of one count: choose one",
        "--by arrival-month ja --by decision-month ovat saman luvun kaksi laskentatapaa: valitse toinen",
        "--by arrival-month och --by decision-month är två sätt att räkna samma tal: välj det ena",
    ],
    /// `{0}` the command asked for, `{1}` the commands.
    UseNoSuchCommand => [
        "there is no command `{0}`: give one of {1}",
        "komentoa `{0}` ei ole: anna jokin näistä: {1}",
        "kommandot `{0}` finns inte: ange ett av {1}",
    ],
    /// `{0}` the value.
    UseNotAPeriod => [
        "`{0}` is not a period: write FROM..TO, e.g. 1.4.2026..30.9.2026",
        "`{0}` ei ole ajanjakso: kirjoita ALKU..LOPPU, esim. 1.4.2026..30.9.2026",
        "`{0}` är ingen period: skriv FRÅN..TILL, t.ex. 1.4.2026..30.9.2026",
    ],
    /// `{0}` the period.
    UsePeriodBackwards => [
        "the period {0} ends before it starts",
        "ajanjakso {0} päättyy ennen kuin se alkaa: kirjoita ensin alkupäivä",
        "perioden {0} slutar innan den börjar: skriv startdatumet först",
    ],
    /// `{0}` the value.
    UseNotAMonth => [
        "`{0}` is not a month: write YYYY-MM, e.g. 2026-04 for April 2026",
        "`{0}` ei ole kuukausi: kirjoita VVVV-KK, esim. 2026-04 (huhtikuu 2026)",
        "`{0}` är ingen månad: skriv ÅÅÅÅ-MM, t.ex. 2026-04 för april 2026",
    ],
    /// `{0}` the value.
    UseNotADelimiter => [
        "--delimiter \"{0}\" is not one maaraika reads: use , ; tab or |",
        "--delimiter \"{0}\" ei ole erotin, jonka maaraika lukee: käytä merkkiä , ; | tai sanaa tab",
        "--delimiter \"{0}\" är ingen avgränsare som maaraika läser: använd , ; | eller ordet tab",
    ],
    /// `{0}` the value.
    UseColumnForm => [
        "--column needs COLUMN=HEADER, e.g. --column pending_date=Saapunut (got \"{0}\")",
        "--column tarvitsee muodon SARAKE=OTSIKKO, esim. --column pending_date=Saapunut (annettu \"{0}\")",
        "--column behöver formen KOLUMN=RUBRIK, t.ex. --column pending_date=Inkommen (angivet \"{0}\")",
    ],
    /// `{0}` the name given, `{1}` the names maaraika knows.
    UseColumnUnknown => [
        "\"{0}\" is not a column maaraika knows: use one of {1}",
        "\"{0}\" ei ole sarake, jonka maaraika tuntee: käytä jotakin näistä: {1}",
        "\"{0}\" är ingen kolumn som maaraika känner till: använd en av {1}",
    ],
    /// `{0}` the column's key.
    UseColumnNoHeader => [
        "--column {0}= needs the header of the column in your file after the =, e.g. --column {0}=Saapunut",
        "--column {0}= tarvitsee =-merkin jälkeen tiedostosi sarakkeen otsikon, esim. --column {0}=Saapunut",
        "--column {0}= behöver rubriken på kolumnen i din fil efter =, t.ex. --column {0}=Inkommen",
    ],
    /// `{0}` the value.
    UseNotAWholeNumber => [
        "`{0}` is not a whole number",
        "`{0}` ei ole kokonaisluku: kirjoita esim. 3",
        "`{0}` är inget heltal: skriv t.ex. 3",
    ],
    /// `{0}` the value, `{1}` the values there are.
    UseNotOneOf => [
        "`{0}` is not one of {1}",
        "`{0}` ei ole mikään sallituista arvoista: {1}",
        "`{0}` är inte ett av de tillåtna värdena: {1}",
    ],
    /// `{0}` the options missing.
    UseMissing => [
        "the following required arguments were not provided: {0}",
        "komennosta puuttuu pakollinen valitsin: {0}",
        "kommandot saknar ett obligatoriskt alternativ: {0}",
    ],
    /// `{0}` the option given, `{1}` the one it cannot go with.
    UseConflict => [
        "{0} cannot be used with {1}",
        "valitsinta {0} ei voi käyttää yhdessä valitsimen {1} kanssa: jätä toinen pois",
        "{0} kan inte användas tillsammans med {1}: utelämna det ena",
    ],
    /// `{0}` the argument given.
    UseUnknownArgument => [
        "unexpected argument {0}",
        "tuntematon valitsin tai arvo {0}",
        "okänt alternativ eller värde {0}",
    ],
    /// `{0}` the command: where its options are listed.
    UseSeeHelp => [
        "see {0} --help",
        "valitsimet: {0} --help",
        "alternativen: {0} --help",
    ],
    /// `{0}` the suggestion.
    UseDidYouMean => ["tip: {0}", "vihje: {0}", "tips: {0}"],
    /// `{0}` the file, `{1}` what it is, `{2}` how to fix it.
    ErrNotCsv => ["{0} is {1}, not CSV: {2}", "{0} ei ole CSV-tiedosto vaan {1}: {2}", "{0} är {1}, inte CSV: {2}"],
    NotCsvZip => [
        "an Excel workbook (.xlsx) or another zip file",
        "Excel-työkirja (.xlsx) tai muu zip-tiedosto",
        "en Excel-arbetsbok (.xlsx) eller en annan zip-fil",
    ],
    NotCsvOldExcel => ["an old Excel workbook (.xls)", "vanha Excel-työkirja (.xls)", "en gammal Excel-arbetsbok (.xls)"],
    NotCsvUtf32 => ["saved as UTF-32", "UTF-32-muotoinen tekstitiedosto", "sparad som UTF-32"],
    NotCsvUtf16 => [
        "saved as UTF-16 (Excel's \"Unicode text\")",
        "UTF-16-muotoinen tekstitiedosto (Excelin \"Unicode-teksti\")",
        "sparad som UTF-16 (Excels \"Unicode-text\")",
    ],
    NotCsvNotText => [
        "not a text file (it has control characters)",
        "jokin muu kuin tekstitiedosto (siinä on ohjausmerkkejä)",
        "ingen textfil (den har styrtecken)",
    ],
    NotCsvSaveAs => [
        "in Excel choose Save As and \"CSV UTF-8 (comma delimited)\" or \"CSV\"",
        "valitse Excelissä Tallenna nimellä ja \"CSV UTF-8 (pilkuin erotettu)\" tai \"CSV\"",
        "välj Spara som i Excel och \"CSV UTF-8 (kommaavgränsad)\" eller \"CSV\"",
    ],
    NotCsvChooseCsv => [
        "choose the CSV file exported from the client system, or save the list in Excel as \"CSV UTF-8 (comma delimited)\"",
        "valitse asiakastietojärjestelmästä viety CSV-tiedosto tai tallenna lista Excelissä muodossa \"CSV UTF-8 (pilkuin erotettu)\"",
        "välj CSV-filen som exporterats från klientdatasystemet eller spara listan i Excel som \"CSV UTF-8 (kommaavgränsad)\"",
    ],
    /// `{0}` the workbook, `{1}` what is wrong and what to do.
    ErrWorkbook => ["{0} {1}", "työkirjaa {0} ei voi lukea: {1}", "arbetsboken {0} kan inte läsas: {1}"],
    WbResave => [
        "open it in Excel or LibreOffice and save it again as .xlsx, or export the list as CSV",
        "avaa se Excelissä tai LibreOfficessa ja tallenna se uudelleen .xlsx-muodossa tai vie lista CSV-tiedostona",
        "öppna den i Excel eller LibreOffice och spara den på nytt som .xlsx eller exportera listan som CSV",
    ],
    WbEncrypted => [
        "is protected with a password: open it in Excel, remove the password (File, Info, Protect Workbook) or save it without a password, and give that file",
        "se on suojattu salasanalla: avaa se Excelissä, poista salasana (Tiedosto, Tiedot, Suojaa työkirja) tai tallenna se ilman salasanaa ja anna se tiedosto",
        "den är skyddad med lösenord: öppna den i Excel, ta bort lösenordet (Arkiv, Info, Skydda arbetsbok) eller spara den utan lösenord och ange den filen",
    ],
    WbPassword => [
        "is protected with a password: open it in Excel and save it without a password, then give that file",
        "se on suojattu salasanalla: avaa se Excelissä ja tallenna se ilman salasanaa, ja anna sitten se tiedosto",
        "den är skyddad med lösenord: öppna den i Excel och spara den utan lösenord och ange sedan den filen",
    ],
    /// `{0}` what to do.
    WbDamaged => [
        "cannot be read as a workbook: it is damaged or not a workbook; {0}",
        "se on vahingoittunut tai ei ole työkirja; {0}",
        "den är skadad eller ingen arbetsbok; {0}",
    ],
    /// `{0}` the most merged regions read, `{1}` what to do.
    WbTooManyMerges => [
        "cannot be read as a workbook: it has more than {0} merged regions (damaged or crafted); {1}",
        "siinä on yli {0} yhdistettyä solualuetta (vahingoittunut tai tahallaan tehty); {1}",
        "den har fler än {0} sammanfogade områden (skadad eller avsiktligt gjord); {1}",
    ],
    /// `{0}` what to do.
    WbNoWorksheet => [
        "has no worksheet: {0}",
        "siinä ei ole yhtään taulukkoa; {0}",
        "den har inget kalkylblad; {0}",
    ],
    /// `{0}` what to do.
    WbRowsOutOfOrder => [
        "cannot be read as a workbook: its rows are out of order among many merged cells; {0}",
        "sen rivit ovat epäjärjestyksessä monien yhdistettyjen solujen kohdalla; {0}",
        "dess rader är i fel ordning bland många sammanfogade celler; {0}",
    ],
    /// `{0}` what to do.
    WbMergesTooLarge => [
        "cannot be read as a workbook: its merged cells claim far more than the sheet holds (damaged or crafted); {0}",
        "sen yhdistetyt solut kattavat paljon enemmän kuin taulukossa on (vahingoittunut tai tahallaan tehty); {0}",
        "dess sammanfogade celler täcker mycket mer än bladet innehåller (skadad eller avsiktligt gjord); {0}",
    ],
    /// `{0}` the sheet.
    WbEmptySheet => [
        "has nothing on the sheet \"{0}\": choose the sheet of the case list with --sheet NAME, or export the list again",
        "taulukossa \"{0}\" ei ole mitään: valitse asialuettelon taulukko valitsimella --sheet NIMI tai vie lista uudelleen",
        "bladet \"{0}\" är tomt: välj ärendelistans blad med --sheet NAMN eller exportera listan på nytt",
    ],
    /// `{0}` the file, `{1}` the line, `{2}` why.
    ErrReadAtLine => [
        "cannot read {0} at line {1}: {2}",
        "tiedostoa {0} ei voi lukea rivin {1} kohdalta: {2}",
        "filen {0} kan inte läsas vid rad {1}: {2}",
    ],
    /// `{0}` the file, `{1}` why.
    ErrCannotRead => ["cannot read {0}: {1}", "tiedostoa {0} ei voi lukea: {1}", "filen {0} kan inte läsas: {1}"],
    /// `{0}` the file, `{1}` why and what to do.
    ErrCannotWrite => ["cannot write {0}: {1}", "tiedostoa {0} ei voi kirjoittaa: {1}", "filen {0} kan inte skrivas: {1}"],
    /// `{0}` why and what to do.
    ErrCannotWriteOutput => [
        "cannot write the output: {0}",
        "tulosta ei voi kirjoittaa: {0}",
        "resultatet kan inte skrivas: {0}",
    ],
    /// `{0}`: the operating system's own words (English).
    ErrSystemSays => [
        "{0}",
        "käyttöjärjestelmän ilmoitus (englanniksi): {0}",
        "operativsystemets meddelande (på engelska): {0}",
    ],
    ErrWriteNoFolder => [
        "the folder does not exist: check the path, or create the folder first",
        "kansiota ei ole: tarkista polku tai luo kansio ensin",
        "mappen finns inte: kontrollera sökvägen eller skapa mappen först",
    ],
    ErrWriteNotAFolder => [
        "a part of the path is a file, not a folder: check the path",
        "osa polusta on tiedosto eikä kansio: tarkista polku",
        "en del av sökvägen är en fil, inte en mapp: kontrollera sökvägen",
    ],
    ErrWriteDenied => [
        "permission denied: choose a folder you can write to, or ask for write access",
        "ei kirjoitusoikeutta: valitse kansio, johon voit kirjoittaa, tai pyydä kirjoitusoikeus",
        "åtkomst nekad: välj en mapp som du kan skriva i eller be om skrivrätt",
    ],
    ErrReadOnlyDisk => [
        "the disk is read-only: choose another place for the file",
        "levylle voi vain lukea: valitse tiedostolle toinen paikka",
        "disken är skrivskyddad: välj en annan plats för filen",
    ],
    ErrDiskFull => [
        "the disk is full: free some space or choose another place for the file",
        "levy on täynnä: vapauta tilaa tai valitse tiedostolle toinen paikka",
        "disken är full: frigör utrymme eller välj en annan plats för filen",
    ],
    ErrForeignLink => [
        "the path goes through a symbolic link owned by another user in a folder everyone may write to (like /tmp), and such a link could point anywhere: give the path of the real file or folder",
        "polku kulkee toisen käyttäjän symbolisen linkin kautta kansiossa, johon kaikki voivat kirjoittaa (kuten /tmp), ja sellainen linkki voi osoittaa minne tahansa: anna todellisen tiedoston tai kansion polku",
        "sökvägen går via en symbolisk länk som ägs av en annan användare i en mapp där alla får skriva (som /tmp), och en sådan länk kan peka vart som helst: ange sökvägen till den verkliga filen eller mappen",
    ],
    ErrOutputIsFolder => [
        "it is a directory: give a file name",
        "se on kansio: anna tiedoston nimi",
        "det är en mapp: ange ett filnamn",
    ],
    ErrLinkLoop => [
        "too many levels of symbolic links (a link that leads back to itself): give the path of the real file",
        "liian monta symbolista linkkiä peräkkäin (linkki johtaa takaisin itseensä): anna todellisen tiedoston polku",
        "för många nivåer av symboliska länkar (en länk som leder tillbaka till sig själv): ange sökvägen till den verkliga filen",
    ],
    ErrReadOnlyFile => [
        "permission denied: the file is read-only (no one may write it): give another file name, or make it writable first (chmod u+w)",
        "ei kirjoitusoikeutta: tiedosto on vain luku -tilassa (kukaan ei voi kirjoittaa siihen): anna toinen tiedoston nimi tai salli kirjoitus ensin (chmod u+w)",
        "åtkomst nekad: filen är skrivskyddad (ingen får skriva i den): ange ett annat filnamn eller gör den skrivbar först (chmod u+w)",
    ],
    ErrNotYourFile => [
        "permission denied: you may not write this file: give another file name, or ask its owner for write access",
        "ei kirjoitusoikeutta: et voi kirjoittaa tähän tiedostoon: anna toinen tiedoston nimi tai pyydä sen omistajalta kirjoitusoikeus",
        "åtkomst nekad: du får inte skriva i den här filen: ange ett annat filnamn eller be dess ägare om skrivrätt",
    ],
    ErrPendingRequired => [
        "pending: the day the matter became pending is required (23.11.2026 or 2026-11-23)",
        "Vireilletulopäivä puuttuu: anna päivä, jona asia tuli vireille (23.11.2026 tai 2026-11-23)",
        "Datum då ärendet blev anhängigt saknas: ange dagen då ärendet blev anhängigt (23.11.2026 eller 2026-11-23)",
    ],
    ErrOnePerson => [
        "give only one of birth_date, hetu and age",
        "anna vain yksi: syntymäaika, henkilötunnus tai ikä",
        "ange bara en: födelsedatum, personbeteckning eller ålder",
    ],
    // Weekdays short, for the calendar's columns and the holidays' dates.
    MondayShort => ["Mon", "ma", "må"],
    TuesdayShort => ["Tue", "ti", "ti"],
    WednesdayShort => ["Wed", "ke", "on"],
    ThursdayShort => ["Thu", "to", "to"],
    FridayShort => ["Fri", "pe", "fr"],
    SaturdayShort => ["Sat", "la", "lö"],
    SundayShort => ["Sun", "su", "sö"],
    // Months, for the calendar's captions (English as `dates::month_name_en` has them).
    January => ["January", "tammikuu", "januari"],
    February => ["February", "helmikuu", "februari"],
    March => ["March", "maaliskuu", "mars"],
    April => ["April", "huhtikuu", "april"],
    May => ["May", "toukokuu", "maj"],
    June => ["June", "kesäkuu", "juni"],
    July => ["July", "heinäkuu", "juli"],
    August => ["August", "elokuu", "augusti"],
    September => ["September", "syyskuu", "september"],
    October => ["October", "lokakuu", "oktober"],
    November => ["November", "marraskuu", "november"],
    December => ["December", "joulukuu", "december"],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_the_language() {
        assert_eq!(Lang::from_locale("sv_FI.UTF-8"), Lang::Sv);
        assert_eq!(Lang::from_locale("sv_SE"), Lang::Sv);
        assert_eq!(Lang::from_locale("fi_FI.UTF-8"), Lang::Fi);
        assert_eq!(Lang::from_locale("fi"), Lang::Fi);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("fil_PH"), Lang::En);
        assert_eq!(Lang::from_locale(""), Lang::En);
    }

    #[test]
    fn values_go_where_each_language_puts_them() {
        assert_eq!(
            Lang::Fi.fill(Label::CalAddAfter, &["a", "7.", "b"]),
            "a on 7. arkipäivä päivän b jälkeen."
        );
        assert_eq!(Lang::En.fill(Label::SumUnitTitle, &["{1}"]), "Unit: {1}");
    }

    #[test]
    fn plurals_and_ordinals() {
        assert_eq!(Lang::En.working_days(1), "1 working day");
        assert_eq!(Lang::En.working_days(0), "0 working days");
        assert_eq!(Lang::Fi.working_days(1), "1 arkipäivä");
        assert_eq!(Lang::Fi.working_days(2), "2 arkipäivää");
        assert_eq!(Lang::Sv.working_days(1), "1 vardag");
        assert_eq!(Lang::Sv.working_days(2), "2 vardagar");
        let sv: Vec<_> = [1, 2, 3, 7, 11, 12, 21, 22, 101]
            .map(|n| Lang::Sv.ordinal(n))
            .into();
        assert_eq!(
            sv,
            ["1:a", "2:a", "3:e", "7:e", "11:e", "12:e", "21:a", "22:a", "101:a"]
        );
        assert_eq!(Lang::En.ordinal(12), "12th");
        assert_eq!(Lang::Fi.ordinal(7), "7.");
    }

    #[test]
    fn every_statute_reads_without_english_in_finnish_and_swedish() {
        use crate::rules::{DECISION_WITHOUT_DAY_COUNT, EVERYONE_ELSE, RULES, SERVICE_RULES};
        let mut statutes = vec![EVERYONE_ELSE, DECISION_WITHOUT_DAY_COUNT];
        for rule in RULES {
            statutes.push(rule.statute);
            statutes.extend(rule.limits.iter().filter_map(|l| l.statute));
        }
        statutes.extend(SERVICE_RULES.iter().map(|r| r.statute));
        statutes.extend(
            crate::assistance::rules::ASSISTANCE_RULES
                .iter()
                .map(|r| r.statute),
        );
        statutes.push(crate::assistance::rules::BEFORE_DAY_COUNT);
        let english = [
            "Assistance",
            "by",
            "after",
            "request",
            "information",
            "meeting",
            "client",
            "asked",
            "carried",
            "out",
            "next",
            "working",
            "application",
            "arrived",
            "before",
            "Act",
            "within",
            "the",
            "decide",
            "delay",
            "months",
            "urgent",
            "aged",
            "care",
            "and",
            "of",
            "day",
            "whether",
            "or",
            "more",
            "no",
            "count",
            "Welfare",
            "Services",
        ];
        for lang in [Lang::Fi, Lang::Sv] {
            for statute in &statutes {
                let text = lang.statute(statute);
                let words: Vec<&str> = text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                for word in english {
                    assert!(!words.contains(&word), "{lang:?}: {word} in {text}");
                }
            }
        }
    }

    /// One word per concept: the command line, the workbooks and the web page call a thing
    /// by the same word in each language (the reading, the milestones, the groups, the
    /// statuses, invalid rows, rows evaluated).
    #[test]
    fn every_front_end_calls_a_concept_by_the_same_word() {
        let same = |lang: Lang, a: Label, b: Label| {
            let (a_text, b_text) = (lang.get(a).to_lowercase(), lang.get(b).to_lowercase());
            assert!(
                b_text.contains(&a_text),
                "{lang:?}: {a:?} `{a_text}` is not in {b:?} `{b_text}`"
            );
        };
        for lang in [Lang::En, Lang::Fi, Lang::Sv] {
            // The reading: `check`'s and every table's last line, the web form, the CSV column.
            same(lang, Label::Standard, Label::ReadingStandardLine);
            same(lang, Label::Standard, Label::WebReadingStandard);
            same(lang, Label::Conservative, Label::ReadingConservativeLine);
            same(lang, Label::Conservative, Label::WebReadingConservative);
            // The milestones: the table's column, `check`, the web page's rows and headings.
            for label in [Label::ChkStart, Label::WebStart, Label::WebStartStatuses] {
                same(lang, Label::TabStart, label);
            }
            same(lang, Label::TabCompletion, Label::ChkCompletion);
            // The groups: every case output and `check`, and the web form's boxes.
            for (group, web) in [
                (Label::Urgent, Label::WebUrgent),
                (Label::CareAllowance, Label::WebCareAllowance),
                (Label::Disabled, Label::WebDisabled),
                (Label::ChildSpecialSupport, Label::WebChildSpecialSupport),
                (Label::ChildWelfare, Label::WebChildWelfare),
            ] {
                same(lang, group, web);
            }
            // The statuses: the web's lists and the hint of its chart say them as the columns do.
            same(lang, Label::Overdue, Label::WebOverdueCases);
            same(lang, Label::Due, Label::WebDueCases);
            for status in Status::ALL {
                assert!(
                    lang.get(Label::WebByGroupHint)
                        .contains(lang.status(status)),
                    "{lang:?}: {status:?}"
                );
            }
            // Invalid rows and rows evaluated: the summary, the workbook, the web page.
            same(lang, Label::XlsInvalid, Label::WebInvalidRows);
            // Inflected in Finnish (`virheellisiä`, `virheelliset`): the stem is the word.
            let stem = |label: Label| -> String {
                lang.get(label).to_lowercase().chars().take(8).collect()
            };
            for (a, b) in [
                (Label::SumInvalid, Label::XlsInvalid),
                (Label::WebInvalid, Label::XlsInvalid),
                (Label::WebEvaluated, Label::XlsEvaluated),
            ] {
                assert!(
                    lang.get(b).to_lowercase().contains(&stem(a)),
                    "{lang:?}: {a:?} and {b:?}"
                );
            }
        }
    }

    /// 1301/2014 36 § 2 mom. 1 k. (from 1.4.2015): `yli 75-vuotias`, sv `över 75 år`;
    /// 710/1982 40 a § as amended by 751/2008 (2009 to 3/2015): `75 vuotta täyttänyt`, sv `som
    /// fyllt 75 år`; as amended by 125/2006 (3/2006 to 2008): `80 vuotta täyttänyt`.
    #[test]
    fn the_older_persons_group_is_named_as_the_act_in_force_names_it() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let cases = [
            (d(2015, 4, 1), "yli 75-vuotias", "över 75 år"),
            (d(2015, 3, 31), "75 vuotta täyttänyt", "som fyllt 75 år"),
            (d(2009, 1, 1), "75 vuotta täyttänyt", "som fyllt 75 år"),
            (d(2008, 12, 31), "80 vuotta täyttänyt", "som fyllt 80 år"),
            (d(2006, 3, 1), "80 vuotta täyttänyt", "som fyllt 80 år"),
        ];
        for (pending, fi, sv) in cases {
            assert_eq!(Lang::Fi.group_on(Group::Over75, pending), fi, "{pending}");
            assert_eq!(Lang::Sv.group_on(Group::Over75, pending), sv, "{pending}");
        }
        assert_eq!(
            Lang::Fi.group_on(Group::Disabled, d(2010, 1, 1)),
            "vammainen henkilö"
        );
    }

    #[test]
    fn the_english_month_names_are_the_ones_messages_use() {
        for month in 1..=12 {
            assert_eq!(Lang::En.month(month), crate::dates::month_name_en(month));
        }
    }

    #[test]
    fn every_label_has_a_word_in_every_language() {
        // The statuses, groups and notes, which every output shows.
        for lang in [Lang::En, Lang::Fi, Lang::Sv] {
            for status in Status::ALL {
                assert!(!lang.status(status).is_empty());
            }
            for group in Group::ALL {
                assert!(!lang.group(group).is_empty());
            }
        }
    }
}
