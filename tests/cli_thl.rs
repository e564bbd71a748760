//! `maaraika thl`, the national child-welfare report (issue 13 item 7), on a crafted list whose
//! counts are worked out by hand from a wall calendar (tests/data/thl_crafted.csv):
//!
//! Period 1.4.–30.9.2026, as of Thursday 8.10.2026, standard reading. 2026: Good Friday 3.4,
//! Easter Monday 6.4, Ascension Day 14.5, Midsummer Eve 19.6.
//!
//! | case | unit | pending | 7th working day | started | 7-day measure | completed | 3-month limit | 3-month measure |
//! |---|---|---|---|---|---|---|---|---|
//! | C1 child welfare | Itä | Wed 1.4 | Tue 14.4 (Easter skipped) | 14.4 | within | 1.7 | Wed 1.7 | within |
//! | C2 child welfare | Itä | Mon 4.5 | Wed 13.5 | 15.5 | late | — | | |
//! | C3 special support | Itä | Mon 15.6 | Thu 25.6 (Midsummer Eve skipped) | — | not started, overdue | — | | |
//! | C4 child welfare | Länsi | Wed 30.9 | Fri 9.10 | — | not started, within (as of 8.10) | — | | |
//! | C5 child welfare | Länsi | Tue 31.3 (before) | | | not counted | 3.7 | Tue 30.6 (no 31.6) | late |
//! | C6 special support | Länsi | Mon 5.1 (before) | | | not counted | 7.4 | Sun 5.4 → Easter Mon → Tue 7.4 | within |
//! | C7 aged 80 | Itä | 4.5 | | | no child group | | | |
//! | C8 child welfare | Itä | 1.10 (after) | | | not counted | | | |
//! | C9 child welfare | Länsi | Mon 1.6 | Wed 10.6 | 10.6 | within | 1.10 (after) | | not counted |
//! | C10 urgent child welfare | Länsi | Mon 7.9 | Wed 16.9 | 9.9 | within (the 7 days, not same-day) | — | | |
//! | C11 | Itä | 31.2.2026 | | | invalid row, reported | | | |

use crate::common;

use common::{maaraika, run};
use serde_json::{json, Value};

const LIST: &str = "tests/data/thl_crafted.csv";
const PERIOD: [&str; 4] = ["--period", "1.4.2026..30.9.2026", "--as-of", "8.10.2026"];

fn report(extra: &[&str]) -> Value {
    let (code, out, err) = run(
        &[&["thl", LIST], &PERIOD[..], &["--format", "json"], extra].concat(),
        b"",
    );
    assert_eq!(code, 3, "the one invalid row gives exit 3: {err}");
    assert!(
        err.contains("line 12"),
        "the invalid row is reported: {err}"
    );
    serde_json::from_str(&out).unwrap()
}

fn counts(v: &Value) -> Value {
    let keys = [
        "pending",
        "started_within",
        "started_late",
        "not_started_overdue",
        "not_started_within",
        "exceeded",
        "exceeded_pct",
        "completed",
        "completed_within",
        "completed_late",
        "completed_late_pct",
    ];
    Value::Object(
        keys.iter()
            .map(|k| (k.to_string(), v[*k].clone()))
            .collect(),
    )
}

#[test]
fn the_national_report_counts_the_crafted_list_as_worked_out_by_hand() {
    let v = report(&[]);
    assert_eq!(
        counts(&v),
        json!({
            "pending": 6, "started_within": 3, "started_late": 1, "not_started_overdue": 1,
            "not_started_within": 1, "exceeded": 2, "exceeded_pct": "33.3",
            "completed": 3, "completed_within": 2, "completed_late": 1, "completed_late_pct": "33.3"
        })
    );
    assert_eq!(v["from"], "2026-04-01");
    assert_eq!(v["to"], "2026-09-30");
    assert_eq!(v["as_of"], "2026-10-08");
    assert_eq!(v["reading"], "standard");
}

#[test]
fn by_unit_gives_one_report_per_unit_and_all() {
    let v = report(&["--by", "unit"]);
    assert_eq!(
        counts(&v["Itä"]),
        json!({
            "pending": 3, "started_within": 1, "started_late": 1, "not_started_overdue": 1,
            "not_started_within": 0, "exceeded": 2, "exceeded_pct": "66.7",
            "completed": 1, "completed_within": 1, "completed_late": 0, "completed_late_pct": "0.0"
        })
    );
    assert_eq!(
        counts(&v["Länsi"]),
        json!({
            "pending": 3, "started_within": 2, "started_late": 0, "not_started_overdue": 0,
            "not_started_within": 1, "exceeded": 0, "exceeded_pct": "0.0",
            "completed": 2, "completed_within": 1, "completed_late": 1, "completed_late_pct": "50.0"
        })
    );
    assert_eq!(counts(&v["all"]), counts(&report(&[])));
}

#[test]
fn in_the_conservative_reading_a_3_month_limit_on_easter_sunday_does_not_move() {
    // C6: 5.1 + 3 months = Sunday 5.4.2026 stays; completed Tuesday 7.4 is late.
    let v = report(&["--conservative"]);
    assert_eq!(v["completed_within"], 1);
    assert_eq!(v["completed_late"], 2);
    assert_eq!(v["completed_late_pct"], "66.7");
    assert_eq!(v["reading"], "conservative");
    // Midsummer Eve is a working day there: C3's limit is Wednesday 24.6, still overdue.
    assert_eq!(v["not_started_overdue"], 1);
}

#[test]
fn the_excel_report_is_in_finnish_with_dates_and_decimal_commas() {
    let out = maaraika()
        .args([&["thl", LIST], &PERIOD[..], &["--excel", "--lang", "fi"]].concat())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.contains("vireille;aloitettu ajassa"), "{header}");
    let row = lines.next().unwrap();
    assert!(row.starts_with("1.4.2026;30.9.2026;8.10.2026;"), "{row}");
    assert!(row.contains(";33,3;"), "{row}");
}

#[test]
fn help_names_the_two_collection_periods_and_when_they_are_due() {
    let (code, out, _) = run(&["thl", "--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("1.4.–30.9. (due 17.10.)"), "{out}");
    assert!(out.contains("1.10.–31.3. (due 17.4.)"), "{out}");
}

#[test]
fn the_report_tables_fit_80_columns_in_every_language() {
    for lang in ["fi", "sv", "en"] {
        let out = maaraika()
            .env("COLUMNS", "80")
            .args(
                [
                    &["thl", LIST],
                    &PERIOD[..],
                    &["--by", "unit", "--format", "table", "--lang", lang],
                ]
                .concat(),
            )
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("8.10.2026"),
            "the as-of date is printed: {text}"
        );
        assert!(
            text.contains("1.4.2026–30.9.2026"),
            "the period is printed: {text}"
        );
        for line in text.lines() {
            assert!(line.chars().count() <= 80, "{lang}: {line}");
        }
    }
}

#[test]
fn a_period_is_required_and_checked() {
    let (code, _, err) = run(&["thl", LIST], b"");
    assert_eq!(code, 2);
    assert!(err.contains("--period"), "{err}");
    let (code, _, err) = run(&["thl", LIST, "--period", "30.9.2026..1.4.2026"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("ends before it starts"), "{err}");
}

#[test]
fn a_unit_that_looks_like_a_formula_is_text_in_the_excel_report() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("cases.csv");
    std::fs::write(
        &list,
        "case_id,unit,pending_date,child_welfare\nC1,=1+1,2026-04-01,1\nC2,@SUM(1+1),2026-04-02,1\n",
    )
    .unwrap();
    let out = maaraika()
        .arg("thl")
        .arg(&list)
        .args([&PERIOD[..], &["--by", "unit", "--excel", "--lang", "fi"]].concat())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let cells: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(';').next().unwrap())
        .collect();
    assert_eq!(cells, ["'=1+1", "'@SUM(1+1)", "kaikki"], "{text}");
}
