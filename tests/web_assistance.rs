//! The social-assistance tab and API of `maaraika serve`: the same answers as
//! `maaraika assistance`, matching the OpenAPI document; the page in three languages.
#![cfg(unix)]

use crate::common;

use common::server::Server;
use serde_json::Value;

fn validate_keys(doc: &Value, schema_name: &str, value: &Value) {
    // Every key of the answer is in the document's schema.
    let properties = doc["components"]["schemas"][schema_name]["properties"]
        .as_object()
        .unwrap();
    for key in value.as_object().unwrap().keys() {
        assert!(
            properties.contains_key(key),
            "{schema_name}: {key} not in the document"
        );
    }
}

#[test]
fn the_check_api_gives_the_new_clock_after_a_request_and_both_readings() {
    let server = Server::start(&[]);
    // Arrived Tue 3.3.2026, request Mon 9.3, completed Fri 20.3: decide by Tue 31.3 (worked by
    // hand in tests/assistance_law.rs).
    let answer = server.post_json(
        "/api/assistance/check",
        r#"{"application_date": "3.3.2026", "info_requested_date": "9.3.2026", "info_received_date": "20.3.2026", "as_of": "25.3.2026"}"#,
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let j = answer.json();
    assert_eq!(j["deadlines"][0]["milestone"], "decision");
    assert_eq!(j["deadlines"][0]["deadline"], "2026-03-31");
    assert_eq!(j["deadlines"][0]["status"], "due");
    assert_eq!(j["deadlines"][1]["status"], "met");
    assert_eq!(j["other_reading"], Value::Null, "no eve in March");
    // Midsummer: Wed 17.6.2026, standard Mon 29.6, conservative Fri 26.6.
    let answer = server.post_json(
        "/api/assistance/check",
        r#"{"application_date": "17.6.2026", "as_of": "17.6.2026"}"#,
    );
    let j = answer.json();
    assert_eq!(j["deadlines"][0]["deadline"], "2026-06-29");
    assert_eq!(j["other_reading"]["reading"], "conservative");
    assert_eq!(j["other_reading"]["deadlines"][0]["deadline"], "2026-06-26");
    let doc = server.get("/api/openapi.json").json();
    validate_keys(&doc, "AssistanceAnswer", &j);
}

#[test]
fn the_check_api_refuses_an_impossible_chain_with_400() {
    let server = Server::start(&[]);
    let answer = server.post_json(
        "/api/assistance/check",
        r#"{"application_date": "3.3.2026", "decision_date": "2.3.2026"}"#,
    );
    assert_eq!(answer.status, 400);
    assert!(answer.json()["error"]
        .as_str()
        .unwrap()
        .contains("decision_date"));
    let answer = server.post_json("/api/assistance/check", r#"{"urgent": true}"#);
    assert_eq!(answer.status, 400);
}

#[test]
fn the_audit_api_answers_as_the_command_does() {
    let server = Server::start(&[]);
    for file in ["samples/applications-en.csv", "samples/applications-fi.csv"] {
        let csv = std::fs::read(file).unwrap();
        let answer = server.request(
            "POST",
            "/api/assistance/audit?as_of=30.4.2026",
            &[("Content-Type", "text/csv")],
            &csv,
        );
        assert_eq!(answer.status, 200, "{}", answer.text());
        let j = answer.json();
        assert_eq!(j["counts"]["evaluated"], 10, "{file}");
        assert_eq!(j["counts"]["invalid"], 0);
        // A6 (decision and meeting) is the only overdue application as of 30.4.2026.
        assert_eq!(j["counts"]["overdue"], 1);
        let command = common::json(&["assistance", "audit", file, "--as-of", "2026-04-30"]);
        assert_eq!(j["applications"], command, "{file}");
        let doc = server.get("/api/openapi.json").json();
        validate_keys(&doc, "AssistanceList", &j);
    }
}

#[test]
fn the_tab_is_in_three_languages_and_checks_one_application() {
    let server = Server::start(&[]);
    for (lang, word) in [
        ("fi", "Toimeentulotuki"),
        ("sv", "Utkomststöd"),
        ("en", "Social assistance"),
    ] {
        let page = server.get(&format!("/assistance?lang={lang}"));
        assert_eq!(page.status, 200);
        assert!(page.text().contains(word), "{lang}");
        assert!(
            server.get(&format!("/?lang={lang}")).text().contains(word),
            "the tab in the navigation"
        );
    }
    let answer = server.request(
        "POST",
        "/assistance",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"lang=en&application_date=7.3.2026&as_of=9.3.2026",
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    // Saturday 7.3.2026 arrives on Monday 9.3; the 7th working day is Wednesday 18.3.
    assert!(answer.text().contains("18.3.2026"), "{}", answer.text());
    // The statutes in the page's language, as the assessment's are.
    for (lang, act, english) in [
        (
            "fi",
            "Toimeentulotukilaki 1412/1997",
            "Social Assistance Act",
        ),
        (
            "sv",
            "Lagen om utkomststöd 1412/1997",
            "Social Assistance Act",
        ),
    ] {
        let body = format!("lang={lang}&application_date=7.3.2026&as_of=9.3.2026");
        let answer = server.request(
            "POST",
            "/assistance",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            body.as_bytes(),
        );
        let text = answer.text();
        assert!(text.contains(act), "{lang}: {text}");
        assert!(!text.contains(english), "{lang}: {text}");
    }
}
