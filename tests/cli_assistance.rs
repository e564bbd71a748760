//! `maaraika assistance` on the real binary: the hand-worked list of samples/applications-en.csv
//! and its Finnish Excel twin samples/applications-fi.csv (other header words, `;`, a BOM,
//! d.m.yyyy, kyllä/ei, CRLF), both readings, the month's figures, bad rows, formats.
//!
//! The expected values were worked from a wall calendar of 2025–2026 (Easter 3.–6.4.2026, May Day
//! Friday 1.5.2026, Midsummer Eve Friday 19.6.2026, Christmas 24.–26.12.2025, New Year's Day and
//! Epiphany 1.1. and 6.1.2026), never from the code's output:
//!
//! | id  | arrived (counted from)  | deadline of the decision            | as of 30.4.2026    |
//! |-----|-------------------------|-------------------------------------|--------------------|
//! | A1  | Wed 1.4                 | Tue 14.4 (Thu 2; Tue 7 … Tue 14)    | decided 14.4: met  |
//! | A2  | Good Friday 3.4 → Tue 7.4 | Thu 16.4                          | decided 17.4: late 1 |
//! | A3  | Wed 8.4, urgent         | Thu 9.4 (the next working day)      | decided 9.4: met   |
//! | A4  | Mon 13.4; request Tue 21.4 (by Wed 22.4: met); completed Fri 24.4 | Wed 6.5 (Mon 27 … Thu 30, Mon 4.5 … Wed 6.5) | due, 3 left |
//! | A5  | Wed 1.4; request Wed 15.4 (by Tue 14.4: late 1); no reply by Wed 22.4 | Mon 4.5 | due, 1 left |
//! | A6  | Thu 16.4; meeting asked Fri 17.4 | Mon 27.4; meeting by Tue 28.4 | both overdue (3 and 2) |
//! | A7  | Tue 31.3                | Mon 13.4                            | decided 15.4: late 2 |
//! | A8  | Mon 20.4; meeting asked 20.4, held 29.4; paid Fri 24.4 | Wed 29.4; meeting Wed 29.4 | met, met; paid 2 working days after |
//! | A9  | Wed 17.6.2026           | standard Mon 29.6; conservative Fri 26.6 | decided 29.6: met / late 1 |
//! | A10 | Mon 22.12.2025          | standard Wed 7.1.2026; conservative Mon 5.1 | decided 7.1: met / late 1 |

use std::path::{Path, PathBuf};

use crate::common;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    common::run(args, b"")
}

/// The two spellings of the same list.
const SPELLINGS: [&str; 2] = ["applications-en.csv", "applications-fi.csv"];

/// `assistance audit` as plain CSV: each row by its header.
fn audit(
    name: &str,
    as_of: &str,
    extra: &[&str],
) -> Vec<std::collections::HashMap<String, String>> {
    let file = sample(name);
    let mut args = vec![
        "assistance",
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        as_of,
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn row<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    id: &str,
) -> &'a std::collections::HashMap<String, String> {
    rows.iter().find(|r| r["case_id"] == id).unwrap()
}

#[test]
fn the_decision_by_the_7th_working_day_in_both_spellings() {
    for name in SPELLINGS {
        let rows = audit(name, "2026-04-30", &[]);
        assert_eq!(rows.len(), 10, "{name}");
        let expect = [
            ("A1", "2026-04-14", "met", ""),
            ("A2", "2026-04-16", "late", "1"),
            ("A3", "2026-04-09", "met", ""),
            ("A4", "2026-05-06", "due", ""),
            ("A5", "2026-05-04", "due", ""),
            ("A6", "2026-04-27", "overdue", "3"),
            ("A7", "2026-04-13", "late", "2"),
            ("A8", "2026-04-29", "met", ""),
        ];
        for (id, deadline, status, over) in expect {
            let r = row(&rows, id);
            assert_eq!(r["decision_deadline"], deadline, "{name} {id}");
            assert_eq!(r["decision_status"], status, "{name} {id}");
            assert_eq!(r["decision_working_days_over"], over, "{name} {id}");
        }
        assert_eq!(
            row(&rows, "A2")["arrived"],
            "2026-04-07",
            "{name}: Good Friday"
        );
        assert_eq!(row(&rows, "A4")["decision_working_days_left"], "3");
        assert_eq!(row(&rows, "A5")["decision_working_days_left"], "1");
    }
}

#[test]
fn the_request_for_more_information_by_the_7th_working_day() {
    for name in SPELLINGS {
        let rows = audit(name, "2026-04-30", &[]);
        assert_eq!(row(&rows, "A4")["info_request_deadline"], "2026-04-22");
        assert_eq!(row(&rows, "A4")["info_request_status"], "met");
        assert_eq!(row(&rows, "A5")["info_request_deadline"], "2026-04-14");
        assert_eq!(row(&rows, "A5")["info_request_status"], "late");
        assert_eq!(row(&rows, "A5")["info_request_working_days_over"], "1");
        assert_eq!(row(&rows, "A1")["info_request_status"], "none");
    }
}

#[test]
fn the_meeting_by_the_7th_working_day_after_the_client_asked() {
    for name in SPELLINGS {
        let rows = audit(name, "2026-04-30", &[]);
        assert_eq!(row(&rows, "A6")["meeting_deadline"], "2026-04-28");
        assert_eq!(row(&rows, "A6")["meeting_status"], "overdue");
        assert_eq!(row(&rows, "A6")["meeting_working_days_over"], "2");
        assert_eq!(row(&rows, "A8")["meeting_status"], "met");
    }
}

#[test]
fn payment_without_delay_shows_the_working_days_elapsed() {
    for name in SPELLINGS {
        let rows = audit(name, "2026-04-30", &[]);
        // Decided Wed 22.4, paid Fri 24.4: two working days.
        assert_eq!(row(&rows, "A8")["payment_status"], "none");
        assert_eq!(row(&rows, "A8")["payment_elapsed_working_days"], "2");
        // Decided Tue 14.4, not paid as of Thu 30.4: 15, 16, 17, 20–24, 27–30 = 12.
        assert_eq!(row(&rows, "A1")["payment_elapsed_working_days"], "12");
    }
}

#[test]
fn both_readings_differ_on_the_eves() {
    for name in SPELLINGS {
        let standard = audit(name, "2026-06-30", &[]);
        let conservative = audit(name, "2026-06-30", &["--conservative"]);
        assert_eq!(row(&standard, "A9")["decision_deadline"], "2026-06-29");
        assert_eq!(row(&standard, "A9")["decision_status"], "met");
        assert_eq!(row(&conservative, "A9")["decision_deadline"], "2026-06-26");
        assert_eq!(row(&conservative, "A9")["decision_status"], "late");
        assert_eq!(row(&conservative, "A9")["decision_working_days_over"], "1");
        assert_eq!(row(&standard, "A10")["decision_deadline"], "2026-01-07");
        assert_eq!(row(&conservative, "A10")["decision_deadline"], "2026-01-05");
        assert_eq!(row(&conservative, "A10")["decision_status"], "late");
        assert_eq!(row(&conservative, "A10")["reading"], "conservative");
    }
}

fn thl(name: &str, as_of: &str, extra: &[&str]) -> serde_json::Value {
    let file = sample(name);
    let mut args = vec![
        "assistance",
        "thl",
        file.to_str().unwrap(),
        "--month",
        "2026-04",
        "--as-of",
        as_of,
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn the_month_s_figures_by_arrival_month() {
    for name in SPELLINGS {
        let j = thl(name, "2026-04-30", &[]);
        assert_eq!(j["counted_by"], "arrival_month");
        // April arrivals: A1–A6 and A8 (A7 arrived in March).
        let expect = [
            ("applications", 7),
            ("urgent", 1),
            ("over_limit", 2),
            ("info_requests", 2),
            ("info_requests_over_limit", 1),
            ("meetings_requested", 2),
            ("meetings_over_limit", 1),
        ];
        for (key, n) in expect {
            assert_eq!(j[key], n, "{name} {key}");
        }
        assert_eq!(j["over_limit_pct"], "28.6", "2 of 7");
        assert_eq!(j["urgent_pct"], "14.3", "1 of 7");
        assert_eq!(j["info_requests_over_limit_pct"], "50.0");
        assert_eq!(j["meetings_over_limit_pct"], "50.0");
    }
}

#[test]
fn undecided_past_the_limit_at_the_as_of_date_is_over_it() {
    // As of 31.5.2026 A4 (6.5) and A5 (4.5) are past their limits too.
    let j = thl("applications-en.csv", "2026-05-31", &[]);
    assert_eq!(j["over_limit"], 4);
    assert_eq!(j["over_limit_pct"], "57.1");
}

#[test]
fn the_month_s_figures_by_decision_month() {
    let j = thl(
        "applications-en.csv",
        "2026-04-30",
        &["--by", "decision-month"],
    );
    assert_eq!(j["counted_by"], "decision_month");
    // Decided in April: A1, A2, A3, A7, A8; late: A2, A7.
    assert_eq!(j["applications"], 5);
    assert_eq!(j["urgent"], 1);
    assert_eq!(j["over_limit"], 2);
    assert_eq!(j["over_limit_pct"], "40.0");
    assert_eq!(j["info_requests"], 0);
}

#[test]
fn the_month_s_figures_per_unit_with_all() {
    let j = thl("applications-fi.csv", "2026-04-30", &["--by", "unit"]);
    let units = j["units"].as_array().unwrap();
    let ita = units.iter().find(|u| u["unit"] == "Itä").unwrap();
    let lansi = units.iter().find(|u| u["unit"] == "Länsi").unwrap();
    // Itä: A1, A2, A5, A8; Länsi: A3, A4, A6.
    assert_eq!(ita["applications"], 4);
    assert_eq!(ita["over_limit"], 1);
    assert_eq!(lansi["applications"], 3);
    assert_eq!(lansi["urgent"], 1);
    assert_eq!(lansi["meetings_over_limit"], 1);
    assert_eq!(j["all"]["applications"], 7);
}

#[test]
fn the_month_s_figures_in_finnish_excel_csv() {
    let file = sample("applications-fi.csv");
    let (code, stdout, _) = run(&[
        "assistance",
        "thl",
        file.to_str().unwrap(),
        "--month",
        "2026-04",
        "--as-of",
        "30.4.2026",
        "--excel",
        "--lang",
        "fi",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with('\u{feff}'));
    let line = stdout.lines().nth(1).unwrap();
    assert!(
        line.starts_with("2026-04;hakemuksen saapumiskuukausi;7;1;14,3;2;28,6;"),
        "{line}"
    );
}

#[test]
fn json_has_a_deadlines_list_per_application() {
    let file = sample("applications-en.csv");
    let (code, stdout, _) = run(&[
        "assistance",
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        "2026-04-30",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let a6 = j
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["case_id"] == "A6")
        .unwrap();
    let deadlines = a6["deadlines"].as_array().unwrap();
    let keys: Vec<&str> = deadlines
        .iter()
        .map(|d| d["milestone"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["decision", "info_request", "meeting", "payment"]);
    assert_eq!(deadlines[0]["deadline"], "2026-04-27");
    assert_eq!(deadlines[0]["status"], "overdue");
    assert_eq!(deadlines[0]["working_days_overdue"], 3);
    assert!(deadlines[0]["statute"]
        .as_str()
        .unwrap()
        .contains("14 a § 1 mom. (1023/2022)"));
    assert_eq!(deadlines[2]["status"], "overdue");
    assert_eq!(a6["standing"]["milestone"], "decision");
    assert_eq!(a6["standing"]["status"], "overdue");
}

#[test]
fn a_list_without_the_payment_and_meeting_columns_gives_no_verdict_on_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.csv");
    std::fs::write(
        &file,
        "case_id,application_date,decision_date\nB1,2026-03-03,2026-03-12\n",
    )
    .unwrap();
    let (code, stdout, _) = run(&[
        "assistance",
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        "2026-03-30",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let get = |key: &str| {
        record
            .get(headers.iter().position(|h| h == key).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(get("decision_status"), "met");
    assert_eq!(get("payment_status"), "not_recorded");
    assert_eq!(get("meeting_status"), "not_recorded");
    assert_eq!(get("info_request_status"), "not_recorded");
}

#[test]
fn impossible_chains_are_invalid_rows_reported_with_their_cell_and_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.csv");
    std::fs::write(
        &file,
        "case_id,application_date,decision_date,info_requested_date,info_received_date\n\
         B1,2026-03-03,2026-03-02,,\n\
         B2,2026-03-03,,2026-03-09,2026-03-06\n\
         B3,2026-03-03,2026-03-12,,\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "assistance",
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        "2026-03-30",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        stderr.contains("line 2, column 3 (decision_date)"),
        "{stderr}"
    );
    // The dates named as the pages name them, not by their keys.
    assert!(
        stderr.contains("2.3.2026 (decision) is before 3.3.2026 (application arrived)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 3, column 5 (info_received_date)"),
        "{stderr}"
    );
    assert_eq!(stdout.lines().count(), 2, "the header and B3");
}

#[test]
fn no_identity_code_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.csv");
    std::fs::write(&file, "case_id,application_date\n131052-308T,2026-03-03\n").unwrap();
    for format in ["csv", "json", "table"] {
        let (code, stdout, stderr) = run(&[
            "assistance",
            "audit",
            file.to_str().unwrap(),
            "--as-of",
            "2026-03-30",
            "--format",
            format,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(
            !stdout.contains("131052-308T") && !stderr.contains("131052-308T"),
            "{format}"
        );
    }
}

#[test]
fn overdue_lists_the_most_overdue_first() {
    let file = sample("applications-en.csv");
    let (code, stdout, _) = run(&[
        "assistance",
        "overdue",
        file.to_str().unwrap(),
        "--as-of",
        "2026-04-30",
        "--format",
        "csv",
        "--due-within",
        "1",
        "--fail-on-overdue",
    ]);
    assert_eq!(code, 1, "--fail-on-overdue with A6 overdue");
    let ids: Vec<&str> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    // A6 overdue; then A5 due with 1 working day left (A4 has 3).
    assert_eq!(ids, ["A6", "A5"]);
}

#[test]
fn the_workbook_is_written_and_the_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("thl.xlsx");
    let file = sample("applications-fi.csv");
    let (code, _, stderr) = run(&[
        "assistance",
        "thl",
        file.to_str().unwrap(),
        "--month",
        "2026-04",
        "--as-of",
        "30.4.2026",
        "--format",
        "xlsx",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let input = dir.path().join("a.csv");
    std::fs::copy(sample("applications-en.csv"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let (code, _, _) = run(&[
        "assistance",
        "audit",
        input.to_str().unwrap(),
        "--output",
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn other_header_words_in_finnish_swedish_and_english_are_read() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "Asianumero;Toimipiste;Hakemuksen saapumispäivä;Kiireellinen hakemus;Päätöksen päivämäärä;\
         Lisäselvityspyyntö lähetetty;Täydennetty hakemus saapunut;Täydennettävä viimeistään;\
         Asiakas pyysi tapaamista;Tapaamisaika;Maksatuspäivä",
        "Ärendenummer;Enhet;Ansökan inkommen;Brådskande;Beslutsdatum;Tilläggsutredning begärd;\
         Tilläggsutredning inkommen;Svarstid;Samtal begärt;Samtal;Utbetald",
        "Case;Team;Application received;Urgent;Decided on;Info requested;Completed application \
         received;Reply due;Meeting requested;Meeting held;Paid",
    ] {
        let file = dir.path().join("a.csv");
        // A5 of the samples (request late, no reply by 22.4), with a meeting asked for.
        let row = "A5;Itä;1.4.2026;ei;;15.4.2026;;22.4.2026;2.4.2026;14.4.2026;";
        std::fs::write(&file, format!("{header}\n{row}\n")).unwrap();
        let (code, stdout, stderr) = run(&[
            "assistance",
            "audit",
            file.to_str().unwrap(),
            "--as-of",
            "2026-04-30",
            "--format",
            "json",
        ]);
        assert_eq!(code, 0, "{header}: {stderr}");
        assert!(!stderr.contains("not used"), "{header}: {stderr}");
        let j: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let d = &j[0]["deadlines"];
        assert_eq!(d[0]["deadline"], "2026-05-04", "{header}");
        assert_eq!(d[1]["status"], "late", "{header}");
        // Asked Thu 2.4, past Good Friday and Easter Monday: Tue 7 (1), Wed 8, Thu 9, Fri 10,
        // Mon 13, Tue 14, Wed 15.4 (7); held 14.4: met.
        assert_eq!(d[2]["deadline"], "2026-04-15", "{header}");
        assert_eq!(d[2]["status"], "met", "{header}");
    }
}

#[test]
fn a_date_after_the_as_of_date_is_a_warning_and_the_application_is_evaluated() {
    let file = sample("applications-en.csv");
    // As of 20.4.2026: A8 arrived that day but was decided 22.4, A7's decision of 15.4 is
    // before it; A9 and A10's later dates are after it.
    let (code, stdout, stderr) = run(&[
        "assistance",
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        "2026-04-20",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "warnings do not change the exit code");
    assert!(
        stderr.contains("line 9: warning: the date 22.4.2026 is after the as-of date 20.4.2026"),
        "{stderr}"
    );
    assert_eq!(stdout.lines().count(), 11, "every application evaluated");
}

#[test]
fn a_list_without_the_arrival_column_is_told_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.csv");
    std::fs::write(&file, "case_id,decision_date\nB1,2026-03-12\n").unwrap();
    let (code, _, stderr) = run(&["assistance", "audit", file.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("has no application_date column"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--column application_date=YOUR_HEADER"),
        "{stderr}"
    );
}

/// A list of applications has no assessment to start: it is never said to be "a list of matters
/// not yet started" (the notice of an assessment list without `started_date`), in any language.
#[test]
fn an_application_list_is_not_told_it_lacks_an_assessment_start() {
    for (name, lang) in [
        ("applications-en.csv", "en"),
        ("applications-fi.csv", "fi"),
        ("applications-fi.csv", "sv"),
    ] {
        let file = sample(name);
        let (code, _, err) = run(&[
            "assistance",
            "audit",
            file.to_str().unwrap(),
            "--as-of",
            "2026-11-23",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{err}");
        for assessment_words in [
            "started_date",
            "not yet started",
            "arviointi aloitettu",
            "bedömningen påbörjad",
        ] {
            assert!(!err.contains(assessment_words), "{lang}: {err}");
        }
    }
}
