//! The statutory chain on the real binary: `check --decision --implemented --older-person`, and the
//! `deadlines` list of the JSON outputs (issue 12 item 4, issue 13 items 3-6).

use crate::common;

use common::{json, run};
use serde_json::Value;

fn milestone<'a>(answer: &'a Value, name: &str) -> &'a Value {
    answer["deadlines"]
        .as_array()
        .expect("a deadlines list")
        .iter()
        .find(|d| d["milestone"] == name)
        .unwrap_or_else(|| panic!("no {name} in {answer}"))
}

#[test]
fn check_json_lists_every_milestone_beside_the_old_keys() {
    let answer = json(&[
        "check",
        "--pending",
        "1.10.2024",
        "--disabled",
        "--decision",
        "20.1.2025",
        "--implemented",
        "10.2.2025",
        "--as-of",
        "1.12.2026",
    ]);
    for key in [
        "start_deadline",
        "start_status",
        "completion_deadline",
        "completion_status",
    ] {
        assert!(answer.get(key).is_some(), "{key} stays");
    }
    let names: Vec<&str> = answer["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["milestone"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["start", "completion", "decision", "implementation"]);
    // Tuesday 1.10.2024 + 3 months = Wednesday 1.1.2025, New Year's Day: Thursday 2.1.2025.
    // Decided Monday 20.1.2025: Fri 3, Mon 6 is Epiphany, Tue 7 ... Mon 20 = 11 working days late.
    let decision = milestone(&answer, "decision");
    assert_eq!(decision["deadline"], "2025-01-02");
    assert_eq!(decision["status"], "late");
    assert_eq!(decision["working_days_late"], 11);
    assert!(decision["statute"]
        .as_str()
        .unwrap()
        .contains("380/1987, 3 a § 3 mom."));
    let start = milestone(&answer, "start");
    assert_eq!(start["deadline"], answer["start_deadline"]);
    assert_eq!(start["status"], answer["start_status"]);
    let service = milestone(&answer, "implementation");
    assert_eq!(service["deadline"], "2025-01-02");
    assert_eq!(service["status"], "late");
}

#[test]
fn check_text_explains_the_decision_and_the_service_with_their_statutes() {
    let (code, out, err) = run(
        &[
            "check",
            "--pending",
            "1.6.2026",
            "--age",
            "82",
            "--older-person",
            "--decision",
            "15.8.2026",
            "--as-of",
            "20.8.2026",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Decision: no statutory deadline"), "{out}");
    assert!(out.contains("45 § 1 mom."), "{out}");
    // 45 § 2 mom.: Monday 1.6.2026 + 3 months = Tuesday 1.9.2026, before 18 §'s 16.11.2026.
    assert!(out.contains("by Tuesday 1.9.2026"), "{out}");
    assert!(
        out.contains("45 § 2 mom.") && out.contains("980/2012, 18 §"),
        "{out}"
    );
}

#[test]
fn a_service_before_the_decision_is_refused_naming_both_dates() {
    let (code, out, err) = run(
        &[
            "check",
            "--pending",
            "1.6.2026",
            "--decision",
            "10.6.2026",
            "--implemented",
            "9.6.2026",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("9.6.2026") && err.contains("10.6.2026"),
        "{err}"
    );
}

#[test]
fn audit_json_gives_each_case_its_deadlines_list() {
    let answer = json(&["audit", "samples/cases.csv", "--as-of", "23.11.2026"]);
    let cases = answer.as_array().expect("an array of cases");
    assert!(!cases.is_empty());
    for case in cases {
        let start = milestone(case, "start");
        assert_eq!(start["deadline"], case["start_deadline"]);
        assert_eq!(start["status"], case["start_status"]);
        let completion = milestone(case, "completion");
        assert_eq!(completion["deadline"], case["completion_deadline"]);
        assert_eq!(completion["status"], case["completion_status"]);
    }
}

const CHAIN_LIST: &str = "\
Asiatunnus;Vireilletulopvm;Vammainen;Päätöspvm;Palvelu alkanut;Iäkäs henkilö
A;1.10.2024;kyllä;20.1.2025;10.2.2025;ei
B;1.6.2026;ei;15.8.2026;;kyllä
C;1.6.2026;ei;;;ei
";

fn csv_records(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
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

#[test]
fn a_case_list_with_decision_and_service_columns_audits_every_milestone() {
    let (code, out, err) = run(
        &["audit", "-", "--as-of", "23.11.2026", "--format", "csv"],
        CHAIN_LIST.as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("not used"),
        "the chain's columns are read: {err}"
    );
    let rows = csv_records(&out);
    // A: decision due Thursday 2.1.2025 (1.1.2025 is New Year's Day), decided 20.1.2025: late by
    // 11 working days; the service was due by the same day (45 § 2 mom.), began 10.2.2025.
    assert_eq!(rows[0]["decision_deadline"], "2025-01-02");
    assert_eq!(rows[0]["decision_status"], "late");
    assert_eq!(rows[0]["decision_working_days_late"], "11");
    assert_eq!(rows[0]["implementation_status"], "late");
    // B: an older person decided Saturday 15.8.2026: 45 § gives Tuesday 1.9.2026, earlier than
    // 18 §'s; not begun by 23.11.2026, so overdue.
    assert_eq!(rows[1]["decision_status"], "none");
    assert_eq!(rows[1]["implementation_deadline"], "2026-09-01");
    assert_eq!(rows[1]["implementation_status"], "overdue");
    // C: no decision yet: no service deadline.
    assert_eq!(rows[2]["implementation_status"], "none");
}

#[test]
fn a_list_without_decision_columns_keeps_the_audit_columns_as_they_were() {
    let (code, out, _) = run(
        &["audit", "samples/cases.csv", "--as-of", "23.11.2026"],
        b"",
    );
    assert_eq!(code, 0);
    let header = out.lines().next().unwrap();
    assert!(header.ends_with(",notes,as_of"), "{header}");
}

#[test]
fn the_morning_list_names_a_case_whose_service_is_overdue() {
    let (code, out, err) = run(
        &["overdue", "-", "--as-of", "23.11.2026", "--format", "csv"],
        CHAIN_LIST.as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    let rows = csv_records(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r["case_id"].as_str()).collect();
    // A's start is overdue; B's start has no deadline but its service is overdue; C has nothing.
    assert_eq!(ids, ["A", "B"]);
}

#[test]
fn a_service_begun_before_its_decision_is_an_invalid_row_in_the_decision_columns() {
    let list =
        "case_id,pending_date,decision_date,implemented_date\nA,2026-06-01,2026-06-10,2026-06-09\n";
    let (code, _, err) = run(&["audit", "-", "--as-of", "23.11.2026"], list.as_bytes());
    assert_eq!(code, 3);
    assert!(
        err.contains("implemented_date") && err.contains("9.6.2026"),
        "{err}"
    );
}

#[test]
fn decision_service_and_older_person_headers_are_read_in_finnish_swedish_and_english() {
    use maaraika::input::Column::{self, DecisionDate, ImplementedDate, OlderPerson};
    let cases: [(&str, Option<Column>); 16] = [
        ("Päätöspvm", Some(DecisionDate)),
        ("Päätös tehty", Some(DecisionDate)),
        ("Palvelupäätös pvm", Some(DecisionDate)),
        ("Päätöksen päivämäärä", Some(DecisionDate)),
        ("Beslut", Some(DecisionDate)),
        ("Beslutsdatum", Some(DecisionDate)),
        ("Decision date", Some(DecisionDate)),
        ("Palvelu alkanut", Some(ImplementedDate)),
        ("Täytäntöönpano", Some(ImplementedDate)),
        ("Tjänsten inleddes", Some(ImplementedDate)),
        ("Verkställd", Some(ImplementedDate)),
        ("Iäkäs henkilö", Some(OlderPerson)),
        ("Äldre person", Some(OlderPerson)),
        ("Older person", Some(OlderPerson)),
        // What a decision said, not when: not a date column.
        ("Päätös", None),
        ("Päätöksen peruste", None),
    ];
    for (header, column) in cases {
        assert_eq!(Column::from_name(header), column, "{header}");
    }
}

#[test]
fn the_summary_counts_the_decision_and_the_service_when_the_list_records_them() {
    let (code, out, err) = run(
        &["summary", "-", "--as-of", "23.11.2026", "--format", "json"],
        CHAIN_LIST.as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    let rows: Value = serde_json::from_str(&out).unwrap();
    let all = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group"] == "all")
        .unwrap();
    // A: decided late, service begun late; B: no decision limit, service overdue; C: neither.
    assert_eq!(all["decision_late"], 1);
    assert_eq!(all["decision_none"], 2);
    assert_eq!(all["decision_on_time_pct"], "0.0");
    assert_eq!(all["implementation_late"], 1);
    assert_eq!(all["implementation_overdue"], 1);
    assert_eq!(all["implementation_none"], 1);
    // A list without the chain's columns keeps the summary's columns as they were.
    let (_, plain, _) = run(
        &["summary", "samples/cases.csv", "--as-of", "23.11.2026"],
        b"",
    );
    assert!(
        plain.lines().next().unwrap().ends_with(",invalid"),
        "{plain}"
    );
    let (_, table, _) = run(
        &[
            "summary",
            "-",
            "--as-of",
            "23.11.2026",
            "--format",
            "table",
            "--lang",
            "fi",
        ],
        CHAIN_LIST.as_bytes(),
    );
    assert!(
        table.contains("Päätös") && table.contains("Palvelun alkaminen"),
        "{table}"
    );
}

#[test]
fn the_audit_table_shows_the_decision_and_the_service_when_the_list_records_them() {
    let out = common::maaraika()
        .env("COLUMNS", "200")
        .args(["audit", "-", "--as-of", "23.11.2026", "--format", "table"])
        .write_stdin(CHAIN_LIST.as_bytes().to_vec())
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("decide by") && header.contains("service by"),
        "{table}"
    );
    // B: the service was due by Tuesday 1.9.2026, and is overdue.
    let b = table.lines().find(|l| l.contains(" B ")).unwrap();
    assert!(b.contains("1.9.2026") && b.contains("overdue"), "{table}");
    let plain = common::maaraika()
        .env("COLUMNS", "200")
        .args([
            "audit",
            "samples/cases.csv",
            "--as-of",
            "23.11.2026",
            "--format",
            "table",
        ])
        .output()
        .unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(
        !plain.lines().next().unwrap().contains("decide by"),
        "{plain}"
    );
}
