//! `maaraika calendar` on the real binary: what a user sees, and the exit codes.

use crate::common;

use common::{json, maaraika};
use predicates::prelude::*;

#[test]
fn add_gives_the_7th_working_day_as_json() {
    let v = json(&["calendar", "add", "2026-11-23", "7"]);
    assert_eq!(v["date"], "2026-12-02");
    assert_eq!(v["reading"], "standard");
}

#[test]
fn add_accepts_finnish_dates_and_names_the_skipped_holidays() {
    maaraika()
        .args(["calendar", "add", "17.12.2024", "7", "--format", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Tuesday 31.12.2024"))
        .stdout(predicate::str::contains("Christmas Eve (jouluaatto"))
        .stdout(predicate::str::contains("St Stephen's Day"));
}

#[test]
fn conservative_reading_counts_christmas_eve() {
    let v = json(&["calendar", "add", "17.12.2024", "7", "--conservative"]);
    assert_eq!(v["date"], "2024-12-30");
    assert_eq!(v["reading"], "conservative");
}

#[test]
fn count_gives_working_days() {
    let v = json(&["calendar", "count", "2026-11-23", "2026-12-02"]);
    assert_eq!(v["working_days"], 7);
    let v = json(&[
        "calendar",
        "count",
        "16.6.2025",
        "26.6.2025",
        "--conservative",
    ]);
    assert_eq!(v["working_days"], 8);
}

#[test]
fn is_working_explains_christmas_eve() {
    let v = json(&["calendar", "is-working", "2026-12-24"]);
    assert_eq!(v["working_day"], false);
    assert_eq!(v["holidays"][0]["name_fi"], "jouluaatto");
    let v = json(&["calendar", "is-working", "24.12.2026", "--conservative"]);
    assert_eq!(v["working_day"], true);
}

#[test]
fn holidays_csv_lists_every_holiday_and_eve_of_the_years() {
    let out = maaraika()
        .args(["calendar", "holidays", "2026", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("date,weekday,name_fi,name_en,name_sv,kind,working_day")
    );
    let rows: Vec<_> = lines.collect();
    assert_eq!(rows.len(), 15, "{rows:?}");
    assert!(
        rows.contains(&"2026-06-19,Friday,juhannusaatto,Midsummer Eve,midsommarafton,eve,false")
    );
    assert!(rows.contains(
        &"2026-12-06,Sunday,itsenäisyyspäivä,Independence Day,självständighetsdagen,holiday,false"
    ));

    let out = maaraika()
        .args(["calendar", "holidays", "1955", "2099", "--format", "csv"])
        .output()
        .unwrap();
    // One per line; 2008 has Ascension Day and May Day on 1 May, the golden file joins them.
    let rows = String::from_utf8(out.stdout).unwrap().lines().count() - 1;
    assert_eq!(rows, 145 * 15);
}

#[test]
fn a_date_outside_the_calendar_names_the_range_and_exits_2() {
    maaraika()
        .args(["calendar", "add", "1950-01-01", "7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1955-01-01 to 2199-12-31"));
    maaraika()
        .args(["calendar", "holidays", "2300"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1955-2199"));
}

#[test]
fn an_impossible_date_is_named_and_exits_2() {
    maaraika()
        .args(["calendar", "is-working", "31.2.2026"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`31.2.2026` is not a real date"));
}

#[test]
fn negative_counts_go_back() {
    let v = json(&["calendar", "add", "2.12.2026", "-7"]);
    assert_eq!(v["date"], "2026-11-23");
}

#[test]
fn help_has_examples() {
    for sub in ["add", "count", "is-working", "holidays"] {
        maaraika()
            .args(["calendar", sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
}
