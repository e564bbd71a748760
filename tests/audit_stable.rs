//! The audit's CSV output, byte for byte, against a plain reference route: each row read with the
//! csv crate's string records, decoded with the library's field parsers, evaluated one case at a
//! time with `evaluation::evaluate`, and written with the csv crate's own writer.
//!
//! The audit itself takes the fast route (byte records, fields decoded in place, hand-written
//! output); this guards that every optimisation of that route keeps the output identical, on
//! generated case lists in the three dialects and on a list with the harder cells (quotes, commas,
//! identity codes, ages, old cases, invalid rows). The law itself is guarded elsewhere
//! (`rules_law.rs`, `calendar_law.rs`, and `peer_crosscheck.rs` against an independent peer).

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use chrono::{Datelike, Duration, NaiveDate};
use maaraika::calendar::Reading;
use maaraika::dates::parse_date;
use maaraika::evaluation::{evaluate, Case, MilestoneOutcome, Note, Person, Status};
// The generator is a developer's tool (`cargo run --example generate`), not the library's.
use crate::common::generate::{write_cases, Dialect};
use maaraika::hetu::{century_signs, Hetu};
use maaraika::input::parse_flag;
use maaraika::rules::{Group, Groups};
use maaraika::text::looks_like_hetu;

const AS_OF: &str = "2026-11-23";

/// How the reference writes the output, as the audit's options ask.
#[derive(Clone, Copy)]
struct Options {
    reading: Reading,
    show_hetu: bool,
    /// `--excel --lang fi`.
    excel: bool,
}

const PLAIN: Options = Options {
    reading: Reading::Standard,
    show_hetu: false,
    excel: false,
};

/// The audit of `file` through the command line.
fn audit(file: &Path, options: Options, extra: &[&str]) -> (Vec<u8>, Option<i32>) {
    let mut command = Command::cargo_bin("maaraika").unwrap();
    command
        .arg("audit")
        .arg(file)
        .args(["--as-of", AS_OF, "--format", "csv", "--lang", "fi"])
        .args(extra);
    if options.reading == Reading::Conservative {
        command.arg("--conservative");
    }
    if options.show_hetu {
        command.arg("--show-hetu");
    }
    if options.excel {
        command.arg("--excel");
    }
    let out = command.output().unwrap();
    (out.stdout, out.status.code())
}

/// The file as text: UTF-8, or else Windows-1252; without a byte-order mark.
fn text_of(bytes: &[u8]) -> String {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    text.trim_start_matches('\u{feff}').to_owned()
}

/// A header as the reference knows it: English or Finnish, exactly as the generator and the
/// hand-made list write them.
fn column_name(header: &str) -> &str {
    match header {
        "Asiatunnus" => "case_id",
        "Yksikkö" => "unit",
        "Vireilletulopvm" => "pending_date",
        "Syntymäaika" => "birth_date",
        "Ylin hoitotuki" => "care_allowance",
        "Vammainen" => "disabled",
        "Erityistä tukea tarvitseva lapsi" => "child_special_support",
        "Kiireellinen" => "urgent",
        "Arviointi aloitettu" => "started_date",
        "Arviointi valmis" => "completed_date",
        other => other,
    }
}

/// One row decoded the plain way; `None` for a row the audit must report instead.
fn decode(get: &dyn Fn(&str) -> Option<String>) -> Option<Case> {
    let date = |name: &str| -> Result<Option<NaiveDate>, ()> {
        match get(name) {
            Some(text) if !text.is_empty() => parse_date(&text).map(Some).map_err(|_| ()),
            _ => Ok(None),
        }
    };
    let flag = |name: &str| -> Result<bool, ()> {
        get(name).map_or(Ok(false), |text| parse_flag(&text).map_err(|_| ()))
    };
    let pending = date("pending_date").ok()??;
    let birth = date("birth_date").ok()?;
    let hetu = match get("hetu") {
        Some(text) if !text.is_empty() => Some(Hetu::parse(&text).ok()?),
        _ => None,
    };
    let age = match get("age") {
        Some(text) if !text.is_empty() => Some(text.parse::<u32>().ok().filter(|a| *a <= 130)?),
        _ => None,
    };
    let person = match (birth, hetu, age) {
        (Some(birth), Some(hetu), _) if birth != hetu.birth_date() => return None,
        (_, Some(hetu), _) => Person::Hetu(hetu),
        (Some(birth), None, _) => Person::BirthDate(birth),
        (None, None, Some(age)) => Person::Age(age),
        (None, None, None) => Person::Unknown,
    };
    Some(Case {
        pending,
        person,
        care_allowance: flag("care_allowance").ok()?,
        disabled: flag("disabled").ok()?,
        child_special_support: flag("child_special_support").ok()?,
        child_welfare: flag("child_welfare").ok()?,
        urgent: flag("urgent").ok()?,
        started: date("started_date").ok()?,
        completed: date("completed_date").ok()?,
        ..Case::default()
    })
}

fn date_text(date: Option<NaiveDate>, excel: bool) -> String {
    match date {
        None => String::new(),
        Some(d) if excel => format!("{}.{}.{}", d.day(), d.month(), d.year()),
        Some(d) => d.format("%Y-%m-%d").to_string(),
    }
}

/// The Finnish words of `--excel --lang fi`, written out here rather than taken from the library.
fn group_fi(group: Group) -> &'static str {
    match group {
        Group::Urgent => "kiireellinen avun tarve",
        Group::Over75 => "yli 75-vuotias",
        Group::CareAllowance => "ylin hoitotuki",
        Group::Disabled => "vammainen henkilö",
        Group::ChildSpecialSupport => "erityistä tukea tarvitseva lapsi",
        Group::ChildWelfare => "lastensuojeluasia",
    }
}

fn note_text(note: Note, excel: bool) -> &'static str {
    match (note, excel) {
        (Note::TemporaryIdentityCode, false) => {
            "the identity code is a temporary one (individual number 900-999)"
        }
        (Note::TemporaryIdentityCode, true) => "henkilötunnus on tilapäinen (yksilönumero 900-999)",
        (Note::AgeUnknown, false) => {
            "no birth date, identity code or age: the over-75 group could not be checked"
        }
        (Note::AgeUnknown, true) => {
            "ei syntymäaikaa, henkilötunnusta eikä ikää: yli 75-vuotiaiden ryhmää ei voitu tarkistaa"
        }
        (Note::BeforeStatutoryDeadlines, false) => {
            "pending before 1.3.2006, when the 7-working-day rule began: no statutory day count"
        }
        (Note::BeforeStatutoryDeadlines, true) => {
            "vireille ennen 1.3.2006, jolloin 7 arkipäivän sääntö alkoi: ei lakisääteistä määräaikaa"
        }
        (Note::DateAfterAsOf, false) => {
            "a date of the case (pending, start or completion) is after the as-of date: check the dates"
        }
        (Note::DateAfterAsOf, true) => {
            "asian päivämäärä (vireilletulo, aloitus tai valmistuminen) on tilannepäivän jälkeen: \
             tarkista päivämäärät"
        }
    }
}

fn reading_text(reading: Reading, excel: bool) -> &'static str {
    match (reading, excel) {
        (Reading::Standard, false) => "standard",
        (Reading::Conservative, false) => "conservative",
        (Reading::Standard, true) => "tavanomainen",
        (Reading::Conservative, true) => "varovainen",
    }
}

fn groups_text(groups: Groups, excel: bool) -> String {
    let names: Vec<&str> = groups
        .iter()
        .map(|g| if excel { group_fi(g) } else { g.key() })
        .collect();
    match (names.is_empty(), excel) {
        // Spelt out: a lone `-` would start like a formula in a spreadsheet.
        (true, true) => "ei lakisääteistä ryhmää".into(),
        (true, false) => "none".into(),
        (false, true) => names.join(", "),
        (false, false) => names.join("|"),
    }
}

fn status_text(status: Status, excel: bool) -> &'static str {
    if !excel {
        return status.as_str();
    }
    match status {
        Status::Met => "ajoissa",
        Status::Late => "tehty myöhässä",
        Status::Due => "määräaika kulumassa",
        Status::Overdue => "määräaika ylittynyt",
        Status::None => "ei määräaikaa",
        Status::NotRecorded => "ei kirjattu",
    }
}

fn count(value: Option<i64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn outcome_fields(outcome: &MilestoneOutcome, excel: bool) -> Vec<String> {
    vec![
        date_text(outcome.deadline, excel),
        status_text(outcome.status, excel).into(),
        count(outcome.working_days_late),
        count(outcome.working_days_remaining),
        count(outcome.working_days_overdue),
    ]
}

/// The expected audit CSV of `bytes`, by the reference route.
fn reference(bytes: &[u8], options: Options) -> Vec<u8> {
    let text = text_of(bytes);
    let delimiter = if text.lines().next().unwrap_or_default().contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(|h| column_name(h.trim()).to_owned())
        .collect();
    let mut out = Vec::new();
    if options.excel {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut builder = csv::WriterBuilder::new();
    if options.excel {
        builder.delimiter(b';').terminator(csv::Terminator::CRLF);
    }
    let mut writer = builder.from_writer(out);
    let mut header: Vec<&str> = vec!["line", "case_id", "unit"];
    if options.show_hetu {
        header.push("hetu");
    }
    let plain = [
        "pending_date",
        "groups",
        "start_deadline",
        "start_status",
        "start_working_days_late",
        "start_working_days_remaining",
        "start_working_days_overdue",
        "completion_deadline",
        "completion_status",
        "completion_working_days_late",
        "completion_working_days_remaining",
        "completion_working_days_overdue",
        "elapsed_working_days",
        "age",
        "reading",
        "notes",
        "as_of",
    ];
    let finnish = [
        "vireilletulopäivä",
        "ryhmät",
        "aloitus viimeistään",
        "aloituksen tila",
        "aloitus myöhässä, arkipäiviä",
        "aloitukseen jäljellä, arkipäiviä",
        "aloituksen määräaika ylittynyt, arkipäiviä",
        "valmis viimeistään",
        "valmistumisen tila",
        "valmistui myöhässä, arkipäiviä",
        "valmistumiseen jäljellä, arkipäiviä",
        "valmistumisen määräaika ylittynyt, arkipäiviä",
        "kulunut, arkipäiviä",
        "ikä",
        "tulkinta",
        "huomautukset",
        "tilannepäivä",
    ];
    if options.excel {
        header = vec!["rivi", "asiatunnus", "yksikkö"];
        if options.show_hetu {
            header.push("henkilötunnus");
        }
        header.extend(finnish);
    } else {
        header.extend(plain);
    }
    writer.write_record(&header).unwrap();
    let as_of = parse_date(AS_OF).unwrap();
    let (mut newlines, mut counted) = (0, 0);
    for record in reader.records() {
        let record = record.unwrap();
        // The physical line where the record starts: line ends before its first byte, plus one
        // (the csv crate's position can be on the line end before the record).
        let bytes = text.as_bytes();
        let mut start = record.position().unwrap().byte() as usize;
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        newlines += bytes[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = start;
        let line = 1 + newlines;
        if record.len() < headers.len() {
            continue;
        }
        let get = |name: &str| -> Option<String> {
            let index = headers.iter().position(|h| h == name)?;
            Some(record.get(index)?.trim().to_owned())
        };
        let Some(case) = decode(&get) else { continue };
        let Ok(e) = evaluate(&case, as_of, options.reading) else {
            continue;
        };
        let shown = |name: &str| {
            let text = get(name).unwrap_or_default();
            if !options.show_hetu && looks_like_hetu(&text) {
                "[henkilötunnus]".to_owned()
            } else {
                text
            }
        };
        let mut row = vec![line.to_string(), shown("case_id"), shown("unit")];
        if options.show_hetu {
            row.push(get("hetu").unwrap_or_default());
        }
        row.push(date_text(Some(case.pending), options.excel));
        row.push(groups_text(e.groups, options.excel));
        row.extend(outcome_fields(&e.start, options.excel));
        row.extend(outcome_fields(&e.completion, options.excel));
        row.push(e.elapsed_working_days.to_string());
        row.push(count(e.age.map(i64::from)));
        row.push(reading_text(options.reading, options.excel).into());
        let notes: Vec<&str> = e
            .notes
            .iter()
            .map(|n| note_text(n, options.excel))
            .collect();
        row.push(notes.join("; "));
        row.push(date_text(Some(as_of), options.excel));
        writer.write_record(&row).unwrap();
    }
    writer.into_inner().unwrap()
}

fn generated(rows: u64, seed: u64, dialect: Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    write_cases(rows, seed, dialect, &mut out).unwrap();
    out
}

/// Where the two routes first differ, as two lines to compare.
fn first_difference(ours: &[u8], expected: &[u8]) -> String {
    let ours = String::from_utf8_lossy(ours);
    let expected = String::from_utf8_lossy(expected);
    ours.lines()
        .zip(expected.lines())
        .find(|(a, b)| a != b)
        .map(|(a, b)| format!("audit:     {a}\nreference: {b}"))
        .unwrap_or_else(|| "one output is a prefix of the other".into())
}

fn assert_same(file: &Path, options: Options, expected_code: i32) {
    let bytes = std::fs::read(file).unwrap();
    let (ours, code) = audit(file, options, &[]);
    assert_eq!(code, Some(expected_code));
    let expected = reference(&bytes, options);
    assert!(
        ours == expected,
        "{}: {}",
        file.display(),
        first_difference(&ours, &expected)
    );
}

#[test]
fn generated_lists_in_every_dialect_audit_as_the_reference_route() {
    let dir = tempfile::tempdir().unwrap();
    for (dialect, rows) in [
        (Dialect::Iso, 20_000),
        (Dialect::FinnishUtf8, 3_000),
        (Dialect::FinnishCp1252, 3_000),
    ] {
        let file = dir.path().join(format!("{dialect:?}.csv"));
        std::fs::write(&file, generated(rows, 5, dialect)).unwrap();
        assert_same(&file, PLAIN, 0);
    }
    let file = dir.path().join("Iso.csv");
    for options in [
        Options {
            reading: Reading::Conservative,
            ..PLAIN
        },
        Options {
            excel: true,
            ..PLAIN
        },
    ] {
        assert_same(&file, options, 0);
    }
}

/// A generated list made harder, row by row: quoted units with delimiters and quotes, case ids
/// that look like identity codes, identity codes (some temporary), ages, times of day, no-break
/// spaces around cells, cases from
/// before the statutory deadlines, child-welfare matters, and invalid rows of several kinds.
fn hard_list() -> Vec<u8> {
    let plain = String::from_utf8(generated(4_000, 9, Dialect::Iso)).unwrap();
    let mut out = String::from(
        "case_id,unit,hetu,age,pending_date,birth_date,care_allowance,disabled,\
         child_special_support,child_welfare,urgent,started_date,completed_date\n",
    );
    for (i, line) in plain.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let (mut id, mut unit) = (f[0].to_owned(), f[1].to_owned());
        let (mut pending, mut birth) = (f[2].to_owned(), f[3].to_owned());
        let (mut started, mut completed) = (f[8].to_owned(), f[9].to_owned());
        let (mut hetu, mut age, mut welfare) = (String::new(), String::new(), "0");
        let birth_date = parse_date(&birth).unwrap();
        match i % 40 {
            1 => unit = "\"Tiimi 3, Itä\"".into(),
            2 => unit = "\"Pieni \"\"A\"\" tiimi\"".into(),
            3 => id = "010594Y9032".into(),
            4 | 5 => {
                let individual = if i % 40 == 4 { 123 } else { 987 };
                let sign = century_signs(birth_date.year())[0];
                hetu = Hetu::format_code(birth_date, individual, sign).unwrap();
                if i % 80 == 4 {
                    birth.clear();
                }
            }
            6 => {
                age = (i % 101).to_string();
                birth.clear();
            }
            7 => birth.clear(),
            8 => pending = format!("{pending} 14:30"),
            9 => {
                pending = "2005-06-15".into();
                started.clear();
                completed.clear();
            }
            10 => welfare = if i % 3 == 0 { "kyllä" } else { "x" },
            11 => pending = "31.2.2026".into(),
            12 => started = "2020-01-01".into(),
            13 => age = "150".into(),
            14 => unit = " Kotihoito Itä ".into(),
            16 => pending = format!("\u{a0}{pending}\u{a0}"),
            17 => {
                welfare = if i % 3 == 0 {
                    "KYLLÄ\u{a0}"
                } else {
                    "\u{a0}x"
                }
            }
            15 => {
                if let Ok(d) = parse_date(&pending) {
                    pending = format!("{}.{}.{}", d.day(), d.month(), d.year());
                    let later = d + Duration::days(3);
                    started = format!("{:02}.{:02}.{}", later.day(), later.month(), later.year());
                    completed.clear();
                }
            }
            _ => {}
        }
        let flags = if i % 40 == 18 {
            ["maybe", f[5], f[6], f[7]]
        } else {
            [f[4], f[5], f[6], f[7]]
        };
        // A child-welfare flag only for a child, or the row is invalid (which is fine too).
        let welfare = if birth_date.year() >= 2010 {
            welfare
        } else {
            "0"
        };
        out.push_str(
            &[
                id.as_str(),
                &unit,
                &hetu,
                &age,
                &pending,
                &birth,
                flags[0],
                flags[1],
                flags[2],
                welfare,
                flags[3],
                &started,
                &completed,
            ]
            .join(","),
        );
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn a_hard_list_audits_as_the_reference_route() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hard.csv");
    std::fs::write(&file, hard_list()).unwrap();
    for options in [
        PLAIN,
        Options {
            show_hetu: true,
            ..PLAIN
        },
        Options {
            excel: true,
            reading: Reading::Conservative,
            ..PLAIN
        },
    ] {
        // Exit code 3: some rows are invalid, and they are left out of the output.
        assert_same(&file, options, 3);
    }
}
