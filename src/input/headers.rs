//! Which [`Column`] a header means, and the words a flag column's cells may use.
//!
//! Client systems (Pegasos, Effica, Lifecare, Apotti) and hand-made Excel lists name the same
//! column in many ways: `Vireilletulopvm`, `Vireilletulopäivämäärä`, `Asia tullut vireille`,
//! `Saapumispäivä`, `Anhängiggjord`, `Pending date`. A header is read in two steps:
//!
//! 1. **Exact names** ([`NAMES`]): the canonical English name and the full Finnish and Swedish
//!    names, compared after [`normalize_header`].
//! 2. **Word stems** ([`RULES`]): an ordered table of (column, stems that must be there, stems that
//!    must not). The first rule that fits wins, so an ambiguous header resolves the same way every
//!    time: birth date before age (`Syntymäaika` holds `aika`), dates before flags, the case id
//!    last (`Lastensuojeluasia` is a child-welfare flag, not a case id). Exclusions keep out what
//!    only sounds alike: `Vireilletulotapa` (how, not when), `Aloitettava viimeistään` (a
//!    deadline), `Syntymävuosi` (a year, not a date), `Kiireellisyyden peruste` (a reason),
//!    `Asiakasnumero` (a client has several cases). Generic verbs (`alkanut`, `päättynyt`,
//!    `tehty`) mean the assessment only beside its name (`Arviointi alkanut`, not
//!    `Asiakkuus alkanut`). A header holding `;` `,` `|` or a tab is several headers read with
//!    the wrong delimiter, and is read by its full name only.
//!
//! A stem is found anywhere in the header's letters run together (`aloit` in
//! `Arvioinnin aloituspäivä`); a `=word` only as a whole word (`=ika` in `Asiakkaan ikä`, not in
//! `Syntymäaika`; `=id` in `Case ID`).
//!
//! When two headers mean one column, an exact name beats a stem match (`Yksikkö` is the unit,
//! `Yksikkökoodi` beside it is not used); two exact names, or two stem matches and no exact name,
//! are an error that names both.

use super::column::Column;

/// The key headers are compared by: lowercase, `ä`/`å` → `a`, `ö` → `o`, and only letters and
/// digits. Client systems and people write the same header in many ways (`Syntymä-aika`,
/// `syntymaaika`, `SYNTYMÄAIKA`, `Vireilletulo pvm.`, `Henkilötunnus (hetu)`); this makes the
/// same words equal.
pub fn normalize_header(header: &str) -> String {
    let mut key = String::with_capacity(header.len());
    for c in header.chars().filter(|c| c.is_alphanumeric()) {
        for lower in c.to_lowercase() {
            key.push(fold(lower));
        }
    }
    key
}

/// `ä`/`å` → `a`, `ö` → `o`: Finnish and Swedish letters as people type them without them.
pub(super) fn fold(c: char) -> char {
    match c {
        'ä' | 'å' | 'á' | 'à' | 'â' => 'a',
        'ö' | 'ø' | 'ó' => 'o',
        'é' | 'è' => 'e',
        'ü' => 'u',
        other => other,
    }
}

/// The words of a header, each normalised: split at anything not a letter or digit, and where a
/// lowercase letter is followed by an uppercase one (`caseId`, `AsiakasID`).
fn words(header: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in header.chars() {
        let boundary = !c.is_alphanumeric() || (previous_lower && c.is_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase();
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase().map(fold));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Every column with the header keys (already normalised) that name it exactly: the English name
/// first. Only full names that no other header of the same file would also be: an exact name
/// beats a stem match, but two exact names for one column are an error (so `Team`, `Hoitotuki`
/// and `Ärende` are read by their stems, and lose to `Unit`, `Ylin hoitotuki` and
/// `Ärendenummer` beside them).
pub(super) const NAMES: [(Column, &[&str]); Column::ALL.len()] = [
    (
        Column::CaseId,
        &["caseid", "asiatunnus", "tunnus", "id", "arendenummer"],
    ),
    (Column::Unit, &["unit", "yksikko", "tiimi", "enhet"]),
    (
        Column::PendingDate,
        &[
            "pendingdate",
            "vireilletulopvm",
            "vireilletulopaiva",
            "yhteydenottopvm",
            "saapumispvm",
            "anhangiggjord",
            "applicationdate",
            "hakemussaapunut",
            "ansokaninkommen",
        ],
    ),
    (
        Column::BirthDate,
        &["birthdate", "syntymaaika", "fodelsedatum"],
    ),
    (Column::Hetu, &["hetu", "henkilotunnus", "personbeteckning"]),
    (Column::Age, &["age", "ika", "alder"]),
    (
        Column::CareAllowance,
        &["careallowance", "ylinhoitotuki", "hogstavardbidrag"],
    ),
    (
        Column::Disabled,
        &["disabled", "vammainen", "funktionsnedsattning"],
    ),
    (
        Column::ChildSpecialSupport,
        &[
            "childspecialsupport",
            "erityistatukeatarvitsevalapsi",
            "erityinentuki",
            "barnibehovavsarskiltstod",
        ],
    ),
    (
        Column::ChildWelfare,
        &["childwelfare", "lastensuojelu", "barnskydd", "lasu"],
    ),
    (Column::Urgent, &["urgent", "kiireellinen", "bradskande"]),
    (
        Column::StartedDate,
        &[
            "starteddate",
            "arviointialoitettu",
            "aloitettu",
            "aloituspvm",
            "bedomningeninledd",
        ],
    ),
    (
        Column::CompletedDate,
        &[
            "completeddate",
            "arviointivalmis",
            "valmistunut",
            "bedomningenklar",
        ],
    ),
    (
        Column::DecisionDate,
        &[
            "decisiondate",
            "paatospvm",
            "paatospaiva",
            "paatostehty",
            "beslut",
            "beslutsdatum",
        ],
    ),
    (
        Column::ImplementedDate,
        &[
            "implementeddate",
            "palvelualkanut",
            "taytantoonpano",
            "taytantoonpanopvm",
            "tjansteninleddes",
            "verkstalld",
        ],
    ),
    (
        Column::OlderPerson,
        &["olderperson", "iakashenkilo", "iakas", "aldreperson"],
    ),
    (
        Column::InfoRequestedDate,
        &[
            "inforequesteddate",
            "lisaselvityspyynto",
            "lisaselvityspyyntopvm",
            "begaranomtillaggsutredning",
        ],
    ),
    (
        Column::InfoReceivedDate,
        &[
            "inforeceiveddate",
            "lisaselvityssaapunut",
            "taydennyssaapunut",
            "tillaggsutredninginkommen",
        ],
    ),
    (
        Column::InfoReplyDueDate,
        &["inforeplyduedate", "vastausaika", "svarstid"],
    ),
    (
        Column::MeetingRequestedDate,
        &[
            "meetingrequesteddate",
            "keskustelupyynto",
            "tapaamispyynto",
            "samtalbegart",
        ],
    ),
    (
        Column::MeetingDate,
        &[
            "meetingdate",
            "keskustelu",
            "tapaaminen",
            "samtal",
            "motesdatum",
        ],
    ),
    (
        Column::PaidDate,
        &[
            "paiddate",
            "maksupvm",
            "maksupaiva",
            "maksettu",
            "utbetalningsdatum",
            "utbetald",
        ],
    ),
];

/// One way of naming a column by word stems: every group in `all` must have a hit, nothing in
/// `not` may.
pub(super) struct Rule {
    pub(super) column: Column,
    all: &'static [&'static [&'static str]],
    not: &'static [&'static [&'static str]],
}

/// Words that make a header a note about the column rather than the column: a reason, a
/// description, a status. Checked for every rule.
const NOTES: &[&str] = &[
    "=syy",
    "osyy",
    "peruste",
    "kuvaus",
    "lisatie",
    "selite",
    "huom",
    "kommentti",
    "tila",
    "status",
    "=note",
    "=notes",
    "notering",
    "comment",
    "reason",
    "descr",
    "orsak",
    "beskriv",
    "anmark",
    "kommentar",
    "motiv",
];

/// What makes a header that sounds like a date column something else: how or by whom (a text),
/// or a deadline (maaraika's own output, `Aloitettava viimeistään`).
const NOT_A_DATE: &[&str] = &[
    "tapa",
    "kanava",
    "tyyppi",
    "laji",
    "ttaja",
    "tekija",
    "laatija",
    "kasittelija",
    "nimi",
    "name",
    "method",
    "channel",
    "type",
    "satt",
    "kanal",
    "typ",
    "handlaggare",
    "deadline",
    "maaraaika",
    "maaraika",
    "viim",
    "senast",
    "=due",
    "remaining",
    "overdue",
    "=late",
    "workingdays",
];

/// Words for the assessment, which the generic verbs (`alkanut`, `päättynyt`, `tehty`) need
/// beside them to mean its start or completion.
const ASSESSMENT: &[&str] = &["arvio", "bedom", "assess"];

/// What starts and ends besides the assessment: the client relationship, a service.
const NOT_THE_ASSESSMENT: &[&str] = &[
    "asiakkuu",
    "klientskap",
    "clientrelation",
    "palvelunalk",
    "palvelualk",
    "palvelupaat",
    "palvelunpaat",
    "tyosuhde",
];

/// What makes a header that sounds like a yes/no column a date or an amount.
const NOT_A_FLAG: &[&str] = &[
    "pvm", "paiva", "date", "datum", "maara", "summa", "=eur", "=euro", "euroa", "amount", "belopp",
];

/// What makes a header that sounds like a case id or unit a person or a way to reach one. A
/// client number (`Asiakasnumero`, `Klientnummer`) is not a case id: a client has several cases,
/// and the id is then repeated on rows that are not duplicates. `--column case_id=Asiakasnumero`
/// reads one as the case id all the same.
const NOT_AN_ID: &[&str] = &[
    "asiak",
    "klient",
    "client",
    "customer",
    "henkilo",
    "person",
    "kayttaja",
    "user",
    "tyontekija",
    "employee",
    "puhelin",
    "phone",
    "posti",
    "email",
    "osoite",
    "address",
    "adress",
    "vastaava",
    "esimies",
    "esihenkilo",
    "johtaja",
    "leader",
    "manager",
    "chef",
    "ansvarig",
    "arendetyp",
];

/// Social assistance: words for the request for more information (lisäselvitys,
/// täydennys; tilläggsutredning, komplettering). Not `täydentävä` (supplementary assistance)
/// nor `kompletterande`.
const MORE_INFORMATION: &[&str] = &[
    "lisasel",
    "taydenn",
    "tillaggsutred",
    "tillaggsuppgift",
    "kompletterin",
    "moreinfo",
    "additionalinfo",
    "completedappl",
    "furtherinfo",
    "inforeq",
    "inforec",
    "inforeply",
    "=info",
];

/// Social assistance: words for an answer or paper arriving.
const ARRIVED: &[&str] = &[
    "saapu",
    "saatu",
    "vastaanot",
    "received",
    "inkom",
    "mottag",
    "vastaus",
    "=reply",
    "svar",
];

/// Social assistance: words for the personal meeting (henkilökohtainen keskustelu; personligt
/// samtal).
const MEETING: &[&str] = &[
    "tapaami",
    "tapaamis",
    "keskustelu",
    "meeting",
    "=mote",
    "motes",
    "motet",
    "samtal",
];

/// The stems of each column, in the order they are tried (see the module's header).
pub(super) const RULES: &[Rule] = &[
    Rule {
        column: Column::Hetu,
        all: &[&[
            "hetu",
            "sotu",
            "henkilotun",
            "personbeteckn",
            "personnummer",
            "personnr",
            "=ssn",
            "socialsecurity",
            "identitycode",
            "personalid",
        ]],
        not: &[NOTES],
    },
    Rule {
        column: Column::BirthDate,
        all: &[&[
            "syntym", "syntyn", "syntpvm", "syntaika", "=synt", "birth", "=dob", "fodelse", "=fodd",
        ]],
        not: &[
            NOTES,
            &[
                "vuosi",
                "year",
                "fodelsear",
                "paikka",
                "place",
                "fodelseort",
                "kunta",
                "syntymamaa",
                "country",
                "fodelseland",
            ],
        ],
    },
    Rule {
        column: Column::Age,
        all: &[&["=ika", "=age", "=alder", "ikavuo"]],
        not: &[NOTES, &["ryhma", "group", "grupp", "luokka", "class"]],
    },
    // Social assistance: the request for more information and its answer, the meeting, the
    // payment. Before the pending date's stems: `Lisäselvitys saapunut` is the completed
    // application, not the arrival.
    Rule {
        column: Column::InfoReplyDueDate,
        all: &[
            MORE_INFORMATION,
            &[
                "vastausai",
                "vastaamisai",
                "maaraai",
                "due",
                "deadline",
                "svarstid",
                "senast",
                "viimeinen",
                "viimeist",
                "maarapaiv",
                "mennessa",
            ],
        ],
        not: &[NOTES],
    },
    Rule {
        column: Column::InfoReplyDueDate,
        all: &[&[
            "vastausai",
            "vastaamisai",
            "svarstid",
            "replydue",
            "replyby",
        ]],
        not: &[NOTES],
    },
    Rule {
        column: Column::InfoRequestedDate,
        all: &[
            MORE_INFORMATION,
            &[
                "pyyn", "pyyd", "pyyto", "pyyt", "pyys", "request", "begar", "lahetet", "=sent",
                "skickad",
            ],
        ],
        not: &[NOTES, ARRIVED],
    },
    Rule {
        column: Column::InfoReceivedDate,
        all: &[MORE_INFORMATION, ARRIVED],
        not: &[NOTES],
    },
    Rule {
        column: Column::MeetingRequestedDate,
        all: &[
            MEETING,
            &[
                "pyyn", "pyyd", "pyyt", "pyys", "request", "begar", "toive", "asked",
            ],
        ],
        not: &[NOTES],
    },
    Rule {
        column: Column::MeetingDate,
        all: &[MEETING],
        not: &[
            NOTES,
            &[
                "tyyppi", "laji", "paikka", "place", "type", "kanava", "channel",
            ],
        ],
    },
    Rule {
        column: Column::PaidDate,
        all: &[&[
            "maksettu",
            "maksupv",
            "maksupaiv",
            "maksatus",
            "=maksu",
            "paid",
            "payment",
            "utbetal",
            "betald",
        ]],
        not: &[
            NOTES,
            &[
                "sitoum", "summa", "maara", "amount", "belopp", "=eur", "euroa", "tapa", "method",
                "erapv", "erapaiv", "forfall",
            ],
        ],
    },
    Rule {
        column: Column::PendingDate,
        all: &[&[
            "vireil",
            "saapu",
            "yhteydenot",
            "pending",
            "received",
            "receipt",
            "referral",
            "anhangig",
            "inkomm",
            "inkomstdat",
            "inkomstdag",
            "=inkom",
            "kontakttagande",
            "kontaktdatum",
            "vastaanot",
            "tulopvm",
            "tulopaiva",
            "ankomst",
            "mottag",
        ]],
        not: &[NOTES, NOT_A_DATE],
    },
    // The decision and the service after it: a decision column is a date only with a word for
    // one (`Päätös` alone may hold its content, myönteinen or kielteinen).
    Rule {
        column: Column::DecisionDate,
        all: &[
            &["paatos", "paatok", "beslut", "decision", "decided"],
            &[
                "pvm", "paiva", "aika", "date", "datum", "dag", "tehty", "annettu", "fattat",
                "=made", "=on",
            ],
        ],
        not: &[NOTES, NOT_A_DATE],
    },
    Rule {
        column: Column::ImplementedDate,
        all: &[&[
            "taytantoonpan",
            "verkstall",
            "implement",
            "palvelualk",
            "palvelunalk",
            "palvelunjarjestaminenalk",
            "tjanstenin",
            "tjanstenbor",
            "servicestart",
            "servicebegan",
            "servicebegun",
        ]],
        not: &[NOTES, NOT_A_DATE],
    },
    Rule {
        column: Column::OlderPerson,
        all: &[&[
            "=iakas",
            "=iakkaan",
            "aldreperson",
            "olderperson",
            "elderly",
        ]],
        not: &[NOTES, NOT_A_FLAG],
    },
    Rule {
        column: Column::StartedDate,
        all: &[&[
            "aloit", "start", "inledd", "inledn", "paborj", "begun", "=began",
        ]],
        not: &[NOTES, NOT_A_DATE, NOT_THE_ASSESSMENT, &["aloitettava"]],
    },
    Rule {
        column: Column::StartedDate,
        all: &[
            &[
                "alkanut",
                "alkoi",
                "alkamis",
                "=alku",
                "alkupv",
                "alkupaiva",
            ],
            ASSESSMENT,
        ],
        not: &[NOTES, NOT_A_DATE, NOT_THE_ASSESSMENT],
    },
    Rule {
        column: Column::CompletedDate,
        all: &[&[
            "valmis", "complet", "finish", "klar", "slutfor", "avslut", "fardig",
        ]],
        not: &[
            NOTES,
            NOT_A_DATE,
            NOT_THE_ASSESSMENT,
            &["valmistel", "oklar", "deklar"],
        ],
    },
    Rule {
        column: Column::CompletedDate,
        all: &[
            &[
                "paattyn",
                "paattyi",
                "paattymis",
                "loppu",
                "tehty",
                "suoritettu",
                "gjord",
                "utford",
                "slutdatum",
                "=ended",
                "=end",
                "=done",
            ],
            ASSESSMENT,
        ],
        not: &[NOTES, NOT_A_DATE, NOT_THE_ASSESSMENT],
    },
    // The date of an application, referral or notification is the day the matter became pending.
    Rule {
        column: Column::PendingDate,
        all: &[
            &[
                "hakemu",
                "ilmoitu",
                "lahete",
                "application",
                "ansok",
                "anmal",
                "remiss",
            ],
            &[
                "pvm", "paiva", "aika", "date", "datum", "dag", "inkom", "jatetty",
            ],
        ],
        not: &[NOTES, NOT_A_DATE],
    },
    Rule {
        column: Column::Unit,
        all: &[&[
            "yksik",
            "tiimi",
            "toimipiste",
            "toimisto",
            "tyoryhma",
            "osasto",
            "palvelualue",
            "=alue",
            "=unit",
            "unitname",
            "team",
            "office",
            "department",
            "=dept",
            "enhet",
            "kontor",
            "avdelning",
            "verksamhet",
            "servicearea",
            "arbetsgrupp",
        ]],
        not: &[NOTES, NOT_AN_ID, NOT_A_FLAG],
    },
    Rule {
        column: Column::CareAllowance,
        all: &[&["hoitotu", "vardbidr", "careallow"]],
        not: &[NOTES, NOT_A_FLAG],
    },
    Rule {
        column: Column::Disabled,
        all: &[&[
            "vamma",
            "disab",
            "handicap",
            "funktionsnedsat",
            "funktionshind",
            "handikapp",
        ]],
        not: &[NOTES, NOT_A_FLAG, &["vammaistu", "vammaisetu"]],
    },
    Rule {
        column: Column::ChildSpecialSupport,
        all: &[
            &["erityi", "special", "sarskil"],
            &["tuk", "tue", "support", "stod", "need", "tarpe", "behov"],
            &[
                "lapsi", "lapse", "lasten", "=lapset", "barn", "child", "kid", "alaikai",
            ],
        ],
        not: &[NOTES, NOT_A_FLAG],
    },
    Rule {
        column: Column::ChildWelfare,
        all: &[&[
            "lastensuojel",
            "childwelfare",
            "childprotection",
            "barnskydd",
        ]],
        not: &[NOTES, NOT_A_FLAG, &["ilmoittaja", "tyontekija"]],
    },
    Rule {
        column: Column::Urgent,
        all: &[&["kiire", "urgen", "bradsk", "akuut", "=akut", "emergenc"]],
        not: &[NOTES, NOT_A_FLAG],
    },
    Rule {
        column: Column::CaseId,
        all: &[&[
            "asia",
            "tunnus",
            "tunniste",
            "caseid",
            "casenumber",
            "caseno",
            "casenr",
            "=case",
            "=reference",
            "=ref",
            "=id",
            "=nro",
            "=numero",
            "=nr",
            "=nummer",
            "arende",
            "diaari",
            "diarie",
            "=dnro",
            "=dnr",
        ]],
        not: &[NOTES, NOT_AN_ID, NOT_A_DATE, NOT_A_FLAG],
    },
];

/// How a header was read as a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderMatch {
    /// By one of the column's full names (`Vireilletulopvm`).
    Exact(Column),
    /// By the word stems of the column (`Vireilletulon päivämäärä`): worth telling the user.
    Stem(Column),
}

impl HeaderMatch {
    /// The column matched, however it was matched.
    pub fn column(self) -> Column {
        match self {
            HeaderMatch::Exact(column) | HeaderMatch::Stem(column) => column,
        }
    }
}

/// Headers longer than this (in bytes) are not read as any column.
const LONGEST_HEADER: usize = 200;

/// The column a header means, and how it was found; `None` for a header maaraika does not use.
/// Full names first, then the ordered table of word stems and exclusions in
/// `src/input/headers.rs`: the first column whose stems fit wins.
pub fn match_header(header: &str) -> Option<HeaderMatch> {
    // No name of a column is longer than a sentence, and a cell of data in the header row can
    // be megabytes: not worth comparing.
    if header.len() > LONGEST_HEADER {
        return None;
    }
    let key = normalize_header(header);
    if let Some(column) = from_key(&key) {
        return Some(HeaderMatch::Exact(column));
    }
    // Several headers run together: the file is read with the wrong delimiter, and a stem
    // match would hide that.
    if header.contains([';', ',', '\t', '|']) {
        return None;
    }
    let words = words(header);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // `Aloitettu by`, `Påbörjad av`, `Arviointi tehty (toimesta)`: who, not what or when.
    if let Some(&("by" | "av" | "toimesta")) = words.last() {
        return None;
    }
    RULES
        .iter()
        .find(|rule| rule.fits(&key, &words))
        .map(|rule| HeaderMatch::Stem(rule.column))
}

/// The column whose full names include `key` (normalised).
pub(super) fn from_key(key: &str) -> Option<Column> {
    NAMES
        .iter()
        .find(|(_, keys)| keys.contains(&key))
        .map(|(column, _)| *column)
}

impl Rule {
    pub(super) fn fits(&self, key: &str, words: &[&str]) -> bool {
        let hit = |pattern: &&str| match pattern.strip_prefix('=') {
            Some(word) => words.contains(&word),
            None => key.contains(pattern),
        };
        self.all.iter().all(|group| group.iter().any(hit))
            && !self.not.iter().any(|group| group.iter().any(hit))
    }
}

/// Whether a care-allowance header names only the allowance (`Hoitotuki`, `Vårdbidrag`, `Care
/// allowance level`) or all its levels (`Hoitotuki (ylin/korotettu/perus)`), so that its cells
/// must give the level, rather than the highest level (`Ylin hoitotuki`, `Högsta vårdbidrag`,
/// `care_allowance`), whose cells are yes or no.
pub fn names_care_allowance_level(header: &str) -> bool {
    let key = normalize_header(header);
    const HIGHEST: [&str; 7] = [
        "ylin", "ylim", "korkein", "korkeim", "hogst", "highest", "maximum",
    ];
    const LEVELS: [&str; 10] = [
        "taso",
        "level",
        "niva",
        "luokka",
        "korot",
        "perus",
        "forhoj",
        "grund",
        "basic",
        "increased",
    ];
    key != "careallowance"
        && (!HIGHEST.iter().any(|stem| key.contains(stem))
            || LEVELS.iter().any(|stem| key.contains(stem)))
}

impl Column {
    /// The column a header or a `--column` name means: by its full names, or by its word stems
    /// ([`match_header`]), so `Syntymäaika`, `SYNTYMÄ-AIKA`, `Syntymäpäivä` and `Födelsedatum`
    /// all mean the birth date.
    pub fn from_name(text: &str) -> Option<Column> {
        match_header(text).map(HeaderMatch::column)
    }
}

/// Parses `--column pending_date=Saapunut`, which makes any header mean a column (the header is
/// matched after [`normalize_header`] too). Lets a user read a file whose headers maaraika does
/// not know without editing the file.
pub fn parse_column_mapping(text: &str) -> Result<(Column, String), String> {
    let Some((name, header)) = text.split_once('=') else {
        return Err(format!(
            "--column needs COLUMN=HEADER, e.g. --column pending_date=Saapunut (got \"{text}\")"
        ));
    };
    let header = header.trim();
    let Some(column) = Column::from_name(name) else {
        return Err(format!(
            "--column: \"{}\" is not a column maaraika knows: use one of {}",
            name.trim(),
            Column::ALL.map(Column::name).join(", ")
        ));
    };
    if normalize_header(header).is_empty() {
        return Err(format!(
            "--column {}= needs the header of the column in your file after the =, e.g. --column {}=Saapunut",
            column.name(),
            column.name()
        ));
    }
    Ok((column, header.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_are_normalised_unique_and_in_column_order() {
        let mut seen = std::collections::HashSet::new();
        for (column, keys) in NAMES {
            assert_eq!(keys[0], normalize_header(column.name()));
            assert_eq!(Column::from_name(column.finnish_name()), Some(column));
            for key in keys {
                assert_eq!(*key, normalize_header(key));
                assert!(seen.insert(*key), "{key} twice");
            }
        }
        for (index, column) in Column::ALL.into_iter().enumerate() {
            assert_eq!(column.index(), index);
            assert_eq!(NAMES[index].0, column);
        }
    }

    #[test]
    fn words_split_at_punctuation_and_camel_case() {
        assert_eq!(words("Asiakkaan ikä (v)"), ["asiakkaan", "ika", "v"]);
        assert_eq!(words("caseId"), ["case", "id"]);
        assert_eq!(words("AsiakasID"), ["asiakas", "id"]);
        assert_eq!(words("DOB"), ["dob"]);
    }
}
