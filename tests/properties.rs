//! Properties of whole case lists, generated with valid and damaged rows in every dialect:
//! rows in = rows evaluated + rows reported (each row exactly once, by its line), the damaged
//! rows are the reported ones, and the summary's counts add up to the audit.

use std::collections::{BTreeMap, BTreeSet};

use crate::common;

use chrono::{Days, NaiveDate};
use maaraika::batch::{self, Item};
use maaraika::calendar::Reading;
use maaraika::input::{CaseReader, InputError, InputOptions};
use maaraika::options::Options;
use proptest::prelude::*;

const AS_OF: &str = "2026-11-23";

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

const COLUMNS: [&str; 12] = [
    "case_id",
    "unit",
    "pending_date",
    "age",
    "care_allowance",
    "disabled",
    "child_special_support",
    "child_welfare",
    "urgent",
    "started_date",
    "completed_date",
    "hetu",
];

/// How a row is damaged, if at all: each makes the row invalid, for a different reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Damage {
    None,
    ImpossibleDate,
    EmptyPending,
    TooFewFields,
    TooManyFields,
    BadFlag,
    StartBeforePending,
    CompletionBeforeStart,
    CompletionWithoutStart,
    BadAge,
    BadHetu,
    OutsideCalendar,
    ChildFlagForAdult,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        12 => Just(Damage::None),
        1 => Just(Damage::ImpossibleDate),
        1 => Just(Damage::EmptyPending),
        1 => Just(Damage::TooFewFields),
        1 => Just(Damage::TooManyFields),
        1 => Just(Damage::BadFlag),
        1 => Just(Damage::StartBeforePending),
        1 => Just(Damage::CompletionBeforeStart),
        1 => Just(Damage::CompletionWithoutStart),
        1 => Just(Damage::BadAge),
        1 => Just(Damage::BadHetu),
        1 => Just(Damage::OutsideCalendar),
        1 => Just(Damage::ChildFlagForAdult),
    ]
}

#[derive(Clone, Debug)]
struct Row {
    id: u8,
    unit: u8,
    pending: NaiveDate,
    age: Option<u8>,
    flags: [bool; 5],
    started: Option<u64>,
    completed: Option<u64>,
    finnish_dates: bool,
    damage: Damage,
}

fn row() -> impl Strategy<Value = Row> {
    (
        (0u8..40, 0u8..4, 0u64..1200, proptest::option::of(0u8..100)),
        proptest::array::uniform5(proptest::bool::weighted(0.2)),
        (
            proptest::option::of(0u64..40),
            proptest::option::of(0u64..120),
        ),
        any::<bool>(),
        damage(),
    )
        .prop_map(
            |((id, unit, day, age), flags, (started, completed), finnish_dates, damage)| Row {
                id,
                unit,
                pending: NaiveDate::from_ymd_opt(2024, 1, 1)
                    .unwrap()
                    .checked_add_days(Days::new(day))
                    .unwrap(),
                age,
                flags,
                started,
                completed: started.and(completed),
                finnish_dates,
                damage,
            },
        )
}

impl Row {
    fn date(&self, date: NaiveDate) -> String {
        if self.finnish_dates {
            maaraika::dates::finnish(date)
        } else {
            date.to_string()
        }
    }

    fn fields(&self) -> Vec<String> {
        let flag = |on: bool| if on { "1" } else { "" }.to_string();
        let age = self.age;
        let mut flags = self.flags;
        // Child flags only for children (or unknown age), unless that is the damage.
        if age.is_some_and(|a| a >= 18) {
            flags[2] = false;
            flags[3] = false;
        }
        let started = self.started.map(|d| self.pending + Days::new(d));
        let completed = self.completed.and_then(|d| Some(started? + Days::new(d)));
        let mut fields = vec![
            format!("K-{}", self.id),
            format!("Yksikkö {}", self.unit),
            self.date(self.pending),
            age.map(|a| a.to_string()).unwrap_or_default(),
            flag(flags[0]),
            flag(flags[1]),
            flag(flags[2]),
            flag(flags[3]),
            flag(flags[4]),
            started.map(|d| self.date(d)).unwrap_or_default(),
            completed.map(|d| self.date(d)).unwrap_or_default(),
            String::new(),
        ];
        match self.damage {
            Damage::None => {}
            Damage::ImpossibleDate => fields[2] = "31.4.2026".into(),
            Damage::EmptyPending => fields[2] = String::new(),
            Damage::TooFewFields => {
                fields.truncate(11);
            }
            Damage::TooManyFields => fields.push("Virtanen".into()),
            Damage::BadFlag => fields[6] = "ehkä".into(),
            Damage::StartBeforePending => {
                fields[9] = self.date(self.pending - Days::new(3));
                fields[10] = String::new();
            }
            Damage::CompletionBeforeStart => {
                let start = self.pending + Days::new(10);
                fields[9] = self.date(start);
                fields[10] = self.date(start - Days::new(1));
            }
            Damage::CompletionWithoutStart => {
                fields[9] = String::new();
                fields[10] = self.date(self.pending);
            }
            Damage::BadAge => fields[3] = "-3".into(),
            Damage::BadHetu => fields[11] = "010594Y9033".into(),
            Damage::OutsideCalendar => fields[2] = "1.1.1900".into(),
            Damage::ChildFlagForAdult => {
                fields[3] = "40".into();
                fields[7] = "1".into();
            }
        }
        fields
    }
}

#[derive(Clone, Debug)]
struct Dialect {
    delimiter: char,
    crlf: bool,
    bom: bool,
    quote_all: bool,
}

fn dialect() -> impl Strategy<Value = Dialect> {
    (
        prop_oneof![Just(','), Just(';'), Just('\t')],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(delimiter, crlf, bom, quote_all)| Dialect {
            delimiter,
            crlf,
            bom,
            quote_all,
        })
}

/// The file, and for each row its line and whether it is damaged.
fn file(rows: &[Row], dialect: &Dialect) -> (Vec<u8>, Vec<(u64, bool)>) {
    let end = if dialect.crlf { "\r\n" } else { "\n" };
    let line = |fields: Vec<String>| {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|f| {
                if dialect.quote_all {
                    format!("\"{f}\"")
                } else {
                    f
                }
            })
            .collect();
        format!("{}{end}", fields.join(&dialect.delimiter.to_string()))
    };
    let mut text = String::new();
    if dialect.bom {
        text.push('\u{feff}');
    }
    text.push_str(&line(COLUMNS.iter().map(|c| c.to_string()).collect()));
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        text.push_str(&line(row.fields()));
        lines.push((i as u64 + 2, row.damage != Damage::None));
    }
    (text.into_bytes(), lines)
}

fn maaraika(args: &[&str]) -> (i32, String, String) {
    common::run(args, b"")
}

fn records(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// In the library: each row of the file is one item, evaluated exactly when undamaged.
    #[test]
    fn every_row_is_evaluated_or_reported_in_the_library(
        rows in proptest::collection::vec(row(), 0..60),
        dialect in dialect(),
    ) {
        let (bytes, lines) = file(&rows, &dialect);
        let mut reader = CaseReader::from_reader(
            Box::new(std::io::Cursor::new(bytes)),
            "generated.csv",
            &InputOptions::default(),
        )
        .unwrap();
        let settings = Options::new(as_of(), Reading::Standard);
        let mut seen = Vec::new();
        batch::run(&mut reader, &settings, |item| -> Result<(), InputError> {
            seen.push(match item {
                Item::Evaluated(case) => (case.line, false),
                Item::Invalid(invalid) => (invalid.problem.line, true),
            });
            Ok(())
        })
        .unwrap();
        prop_assert_eq!(seen, lines);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On the real binary: the audit's rows and the --errors file's rows together are the input's
    /// rows, each once; the summary adds up to the audit, overall and per unit.
    #[test]
    fn rows_in_equal_rows_evaluated_plus_reported_and_the_summary_adds_up(
        rows in proptest::collection::vec(row(), 1..80),
        dialect in dialect(),
        conservative in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (bytes, lines) = file(&rows, &dialect);
        let input = dir.path().join("cases.csv");
        std::fs::write(&input, bytes).unwrap();
        let errors = dir.path().join("errors.csv");
        let input = input.to_str().unwrap();
        let mut common = vec![input, "--as-of", AS_OF, "--format", "csv"];
        if conservative {
            common.push("--conservative");
        }
        let damaged = lines.iter().filter(|(_, bad)| *bad).count();

        let mut args = vec!["audit"];
        args.extend(&common);
        args.extend(["--errors", errors.to_str().unwrap()]);
        let (code, stdout, stderr) = maaraika(&args);
        prop_assert_eq!(code, if damaged > 0 { 3 } else { 0 }, "{}", stderr);
        let audit = records(&stdout);
        let reported = records(&std::fs::read_to_string(&errors).unwrap());
        let mut found: Vec<(u64, bool)> = audit
            .iter()
            .map(|r| (r[0].parse().unwrap(), false))
            .chain(reported.iter().map(|r| (r[1].parse().unwrap(), true)))
            .collect();
        found.sort();
        prop_assert_eq!(&found, &lines);
        if damaged > 0 {
            let summary_line = format!(
                "{input}: {damaged} {} invalid (listed above), {} evaluated.",
                if damaged == 1 { "row" } else { "rows" },
                audit.len()
            );
            prop_assert!(stderr.lines().any(|l| l == summary_line), "{}", stderr);
        }

        // The audit's own counts: per group (and `all`, `no_group`), start and completion.
        let mut expected: BTreeMap<String, [u64; 11]> = BTreeMap::new();
        let statuses = ["met", "late", "due", "overdue", "none"];
        for r in &audit {
            let groups: Vec<&str> = if &r[4] == "none" { vec!["no_group"] } else { r[4].split('|').collect() };
            for key in groups.into_iter().chain(["all"]) {
                let counts = expected.entry(key.to_string()).or_default();
                counts[0] += 1;
                counts[1 + statuses.iter().position(|s| *s == &r[6]).unwrap()] += 1;
                counts[6 + statuses.iter().position(|s| *s == &r[11]).unwrap()] += 1;
            }
        }
        let mut args = vec!["summary"];
        args.extend(&common);
        let (code, stdout, _) = maaraika(&args);
        prop_assert_eq!(code, if damaged > 0 { 3 } else { 0 });
        for r in records(&stdout) {
            let counts: Vec<u64> = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
                .iter()
                .map(|&i| r[i].parse().unwrap())
                .collect();
            let want = expected.get(&r[0]).copied().unwrap_or_default();
            prop_assert_eq!(&counts[..], &want[..], "group {}", &r[0]);
            let invalid: u64 = r[14].parse().unwrap();
            prop_assert_eq!(invalid, if &r[0] == "all" { damaged as u64 } else { 0 });
        }

        // Per unit: the units' `all` rows add up to the whole.
        args.extend(["--by", "unit"]);
        let (_, stdout, _) = maaraika(&args);
        let mut cases = 0;
        let mut invalid = 0;
        let mut units = BTreeSet::new();
        for r in records(&stdout).iter().filter(|r| &r[1] == "all") {
            units.insert(r[0].to_string());
            cases += r[2].parse::<u64>().unwrap();
            invalid += r[15].parse::<u64>().unwrap();
        }
        prop_assert_eq!(cases, audit.len() as u64);
        prop_assert_eq!(invalid, damaged as u64);
        prop_assert!(units.len() <= 5, "{:?}", units);
    }
}
