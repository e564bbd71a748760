//! The statutory chain on the real binary: `check --decision --implemented --older-person`, and the
//! `deadlines` list of the JSON outputs (issue 12 item 4, issue 13 items 3-6).

mod common;

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
