//! The law's last corrections (issue 19), on the real binary and the web server: a matter in no
//! group pending before 1.4.2015 cites no act that was not yet in force; the other reading is
//! compared on every milestone; an urgent service's "without delay" is no day count.
#![cfg(unix)]

use crate::common;

use common::server::Server;
use serde_json::Value;

fn check_json(args: &[&str]) -> Value {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    common::json(&all)
}

#[test]
fn a_matter_in_no_group_pending_before_1_4_2015_cites_no_act_then_not_in_force() {
    // 1301/2014 took effect on 1.4.2015: its 36 § 2 mom. and 45 § 1 mom. are cited from then
    // on, not for a matter pending in 2010 (nor 2005, before any day count).
    for pending in ["1.6.2010", "1.6.2005"] {
        let json = check_json(&["--pending", pending, "--age", "50", "--as-of", "1.12.2015"]);
        for deadline in json["deadlines"].as_array().unwrap() {
            let statute = deadline["statute"].as_str().unwrap();
            assert!(!statute.contains("1301/2014"), "{pending}: {deadline}");
        }
    }
    let json = check_json(&[
        "--pending",
        "1.4.2015",
        "--age",
        "50",
        "--as-of",
        "1.12.2015",
    ]);
    assert!(json["deadlines"][0]["statute"]
        .as_str()
        .unwrap()
        .starts_with("Social Welfare Act 1301/2014, 36 § 2 mom."));
}

#[test]
fn the_other_reading_is_compared_on_every_milestone() {
    // Pending Thursday 24.9.2020, a disabled person's application (3 months to decide,
    // 380/1987 3 a §), decided 1.10.2020, the service to begin within 3 months of the pending
    // date (1301/2014 45 § 2 mom.): both limits end on Thursday 24.12.2020, Christmas Eve. In
    // the standard reading the eve is no working day and a limit ending on it moves (150/1930
    // 5 §) past Christmas Day, Boxing Day and the Sunday to Monday 28.12.2020; in the
    // conservative one it stays on the eve. Comparing the start and completion only said "the
    // same dates".
    let args = [
        "--pending",
        "24.9.2020",
        "--age",
        "50",
        "--disabled",
        "--decision",
        "1.10.2020",
        "--as-of",
        "1.10.2020",
    ];
    let json = check_json(&args);
    let other = &json["other_reading"];
    assert_eq!(other["reading"], "conservative", "{json}");
    assert_eq!(json["deadlines"][2]["deadline"], "2020-12-28");
    assert_eq!(json["deadlines"][3]["deadline"], "2020-12-28");
    assert_eq!(other["decision_deadline"], "2020-12-24");
    assert_eq!(other["implementation_deadline"], "2020-12-24");
    let mut text_args = vec!["check"];
    text_args.extend_from_slice(&args);
    text_args.extend_from_slice(&["--format", "table", "--lang", "en"]);
    let (_, text, _) = common::run(&text_args, b"");
    assert!(!text.contains("gives the same dates"), "{text}");
    assert!(
        text.contains("decide by Thursday 24.12.2020")
            && text.contains("service to begin by Thursday 24.12.2020"),
        "{text}"
    );
    // The web API says the same.
    let server = Server::start(&[]);
    let reply = server.request(
        "POST",
        "/api/check",
        &[("Content-Type", "application/json")],
        br#"{"pending":"24.9.2020","age":50,"disabled":true,"decision":"1.10.2020","as_of":"1.10.2020"}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["other_reading"], json["other_reading"]);
}

#[test]
fn an_urgent_service_without_delay_has_no_day_count_but_the_days_since_the_decision() {
    // Urgent, decided Tuesday 3.11.2026, the service begun Wednesday 4.11: "without delay"
    // (45 § 2 mom.) is no day count, so no deadline and no lateness, and 1 working day since
    // the decision.
    let args = [
        "--pending",
        "2.11.2026",
        "--age",
        "50",
        "--urgent",
        "--started",
        "2.11.2026",
        "--decision",
        "3.11.2026",
        "--as-of",
        "23.11.2026",
    ];
    let json = check_json(&[&args[..], &["--implemented", "4.11.2026"][..]].concat());
    let service = &json["deadlines"][3];
    assert_eq!(service["milestone"], "implementation");
    assert_eq!(service["status"], "none", "{service}");
    assert_eq!(service["deadline"], Value::Null);
    assert_eq!(service["working_days_late"], Value::Null);
    assert_eq!(service["elapsed_working_days"], 1);
    assert!(service["statute"]
        .as_str()
        .unwrap()
        .contains("without delay, no day count"));
    // Not begun: the working days since the decision up to Monday 23.11.2026, 14 (4-6, 9-13,
    // 16-20 and 23.11).
    let json = check_json(&args);
    assert_eq!(json["deadlines"][3]["status"], "none");
    assert_eq!(json["deadlines"][3]["elapsed_working_days"], 14);
}
