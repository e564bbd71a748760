//! One validation for a case, whatever the front end: the command line's flags, a list's rows,
//! the web form and `POST /api/check` refuse the same cases in the same words
//! (`evaluation::validate`, its reasons the values of `CaseError`).
#![cfg(unix)]

use crate::common;

use common::run;
use common::server::Server;

/// Each impossible case as `check` flags, as a list row (`case_id,pending_date,age,
/// child_welfare,started_date,completed_date,decision_date,implemented_date`) and as API JSON,
/// with the words all three say.
const CASES: [(&[&str], &str, &str, &str); 4] = [
    (
        &["--pending", "2.11.2026", "--age", "500"],
        "A,2.11.2026,500,0,,,,",
        r#"{"pending":"2.11.2026","age":500}"#,
        "the age 500 is not a whole number of years from 0 to 130: check the age",
    ),
    (
        &["--pending", "2.11.2026", "--age", "40", "--child-welfare"],
        "A,2.11.2026,40,1,,,,",
        r#"{"pending":"2.11.2026","age":40,"child_welfare":true}"#,
        "the case is marked as a child's, but the person is 40 on the pending date: check the \
         birth date or age, and the child flags",
    ),
    (
        &[
            "--pending",
            "2.11.2026",
            "--age",
            "40",
            "--completed",
            "5.11.2026",
        ],
        "A,2.11.2026,40,0,,5.11.2026,,",
        r#"{"pending":"2.11.2026","age":40,"completed":"5.11.2026"}"#,
        "there is a completion date but no start date: add the date the assessment started",
    ),
    (
        &[
            "--pending",
            "2.11.2026",
            "--age",
            "40",
            "--decision",
            "10.11.2026",
            "--implemented",
            "9.11.2026",
        ],
        "A,2.11.2026,40,0,,,10.11.2026,9.11.2026",
        r#"{"pending":"2.11.2026","age":40,"decision":"10.11.2026","implemented":"9.11.2026"}"#,
        "the service began on 9.11.2026, before the decision date 10.11.2026: check both dates",
    ),
];

#[test]
fn the_command_line_a_list_and_the_api_refuse_the_same_case_in_the_same_words() {
    let server = Server::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    for (flags, row, body, words) in CASES {
        let mut args = vec!["check"];
        args.extend_from_slice(flags);
        let (code, _, err) = run(&args, b"");
        assert_eq!(code, 2, "{flags:?}: {err}");
        assert!(err.contains(words), "{flags:?}: {err}");

        let list = dir.path().join("list.csv");
        std::fs::write(
            &list,
            format!(
                "case_id,pending_date,age,child_welfare,started_date,completed_date,\
                 decision_date,implemented_date\n{row}\n"
            ),
        )
        .unwrap();
        let (code, _, err) = run(
            &["audit", list.to_str().unwrap(), "--as-of", "23.11.2026"],
            b"",
        );
        assert_eq!(code, 3, "{row}: {err}");
        assert!(err.contains(words), "{row}: {err}");

        let reply = server.request(
            "POST",
            "/api/check",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        assert_eq!(reply.status, 400, "{body}: {}", reply.text());
        assert!(reply.text().contains(words), "{body}: {}", reply.text());
    }
}

#[test]
fn the_web_form_refuses_an_impossible_age_as_the_command_line_does() {
    let server = Server::start(&[]);
    let page = server.request(
        "POST",
        "/check",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"lang=en&pending=2.11.2026&age=500&as_of=23.11.2026",
    );
    assert_eq!(page.status, 400, "{}", page.text());
    assert!(
        page.text()
            .contains("the age 500 is not a whole number of years from 0 to 130"),
        "{}",
        page.text()
    );
}

#[test]
fn an_impossible_case_is_worded_in_finnish_and_swedish_too() {
    use maaraika::evaluation::CaseError;
    use maaraika::labels::Lang;
    use maaraika::problem::case_error;
    let error = CaseError::AgeOutOfRange { age: 500 };
    assert_eq!(
        case_error(&error, Lang::Fi),
        "ikä 500 ei ole kokonaisia vuosia väliltä 0–130: tarkista ikä"
    );
    assert_eq!(
        case_error(&error, Lang::Sv),
        "åldern 500 är inte ett helt antal år mellan 0 och 130: kontrollera åldern"
    );
    assert_eq!(error.to_string(), case_error(&error, Lang::En));
}
