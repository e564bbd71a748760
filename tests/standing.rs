//! Where a case stands, one answer everywhere: the milestone that matters most now (overdue
//! before due before late before met), with its deadline and working days, taken from the
//! library by the overdue list and its order, the closing count, `--fail-on-overdue`, the web
//! page and the API; every row of the overdue list saying which deadline put it there; and a
//! milestone judged only where the list can record it.
//!
//! The list: each milestone alone makes one case overdue, as of Monday 16.12.2024. Worked by
//! hand on a 2024 wall calendar (Independence Day, Friday 6.12.2024, is the only weekday
//! holiday in the span):
//!
//! - S-1, aged 80, pending Mon 2.12.2024, not started: the 7th working day after it is
//!   Thu 12.12 (3, 4, 5, 9, 10, 11, 12); over it by 13 and 16.12: **start, 2 working days**.
//! - C-1, a child in need of special support, pending Wed 4.9.2024, started 5.9 (the start's
//!   deadline 13.9 met), not completed: 3 months, Wed 4.12.2024; over it by 5, 9–13 and
//!   16.12: **completion, 7 working days**.
//! - D-1, a disabled person, pending Mon 2.9.2024 (the old Disability Services Act's 3 months
//!   to decide), started 4.9 (deadline 11.9 met), no decision: Mon 2.12.2024; over it by 3, 4,
//!   5, 9–13 and 16.12: **decision, 9 working days**.
//! - I-1, aged 50 in no group (no start or decision deadline), pending Mon 9.9.2024, decided
//!   15.10, the service not begun: 3 months of the pending date (Social Welfare Act 45 §
//!   2 mom.), Mon 9.12.2024; over it by 10–13 and 16.12: **service, 5 working days**.
//! - N-1, aged 80, pending 2.12.2024, started 3.12: met, nothing overdue.
#![cfg(unix)]

use crate::common;

use common::server::Server;
use common::{maaraika, run, run_on_terminal};
use serde_json::Value;

const AS_OF: &str = "16.12.2024";

const HEADER: &str = "case_id,unit,pending_date,age,disabled,child_special_support,\
                      started_date,completed_date,decision_date,implemented_date";
const S: &str = "S-1,Seniorineuvonta,2.12.2024,80,0,0,,,,";
const C: &str = "C-1,Lapsiperheet,4.9.2024,10,0,1,5.9.2024,,,";
const D: &str = "D-1,Vammaispalvelut,2.9.2024,40,1,0,4.9.2024,,,";
const I: &str = "I-1,Aikuissosiaalityo,9.9.2024,50,0,0,,,15.10.2024,";
const N: &str = "N-1,Seniorineuvonta,2.12.2024,80,0,0,3.12.2024,,,";

fn list(rows: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// The list without its last `n` columns (and their cells).
fn without_columns(text: &str, n: usize) -> String {
    text.lines()
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            cells[..cells.len() - n].join(",") + "\n"
        })
        .collect()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// The overdue list as CSV: each row's case id and its reason columns.
fn overdue_reasons(file: &str, extra: &[&str]) -> (i32, Vec<[String; 5]>) {
    let mut args = vec!["overdue", file, "--as-of", AS_OF, "--format", "csv"];
    args.extend_from_slice(extra);
    let (code, out, err) = run(&args, b"");
    assert!(code == 0 || code == 1, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
    };
    let columns = [
        at("case_id"),
        at("reason_milestone"),
        at("reason_status"),
        at("reason_deadline"),
        at("reason_working_days"),
    ];
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            columns.map(|c| r[c].to_owned())
        })
        .collect();
    (code, rows)
}

fn reason(id: &str, milestone: &str, deadline: &str, days: &str) -> [String; 5] {
    [id, milestone, "overdue", deadline, days].map(str::to_owned)
}

#[test]
fn each_milestone_alone_puts_a_case_on_the_overdue_list_with_its_reason_most_days_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "each.csv", &list(&[S, C, D, I, N]));
    let (code, rows) = overdue_reasons(&file, &["--fail-on-overdue"]);
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        [
            reason("D-1", "decision", "2024-12-02", "9"),
            reason("C-1", "completion", "2024-12-04", "7"),
            reason("I-1", "implementation", "2024-12-09", "5"),
            reason("S-1", "start", "2024-12-12", "2"),
        ]
    );
}

#[test]
fn fail_on_overdue_and_the_exit_code_follow_where_each_case_stands() {
    let dir = tempfile::tempdir().unwrap();
    // Each milestone alone fails the run; the case whose service alone was overdue used to be
    // counted "0 overdue" by the closing line while failing it.
    for (name, row) in [
        ("start", S),
        ("completion", C),
        ("decision", D),
        ("service", I),
    ] {
        let file = write(&dir, &format!("{name}.csv"), &list(&[row]));
        for command in ["audit", "overdue"] {
            let (code, _, err) = run(
                &[command, &file, "--as-of", AS_OF, "--fail-on-overdue"],
                b"",
            );
            assert_eq!(code, 1, "{command} {name}: {err}");
        }
    }
    // None overdue: nothing listed, exit 0.
    let file = write(&dir, "none.csv", &list(&[N]));
    let (code, rows) = overdue_reasons(&file, &["--fail-on-overdue"]);
    assert_eq!((code, rows.len()), (0, 0));
    let (code, _, _) = run(
        &["audit", &file, "--as-of", AS_OF, "--fail-on-overdue"],
        b"",
    );
    assert_eq!(code, 0);
}

#[test]
fn a_list_without_the_decision_and_service_columns_judges_neither() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "assessments.csv",
        &without_columns(&list(&[S, C, D, I, N]), 2),
    );
    // Only the start and the completion can be judged: D-1's decision and I-1's service are not
    // on the list.
    let (code, rows) = overdue_reasons(&file, &["--fail-on-overdue"]);
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        [
            reason("C-1", "completion", "2024-12-04", "7"),
            reason("S-1", "start", "2024-12-12", "2"),
        ]
    );
    // In JSON the decision says so, with its deadline still given.
    let json: Value =
        serde_json::from_str(&run(&["audit", &file, "--as-of", AS_OF, "--format", "json"], b"").1)
            .unwrap();
    let decision = &json[2]["deadlines"][2];
    assert_eq!(json[2]["case_id"], "D-1");
    assert_eq!(decision["milestone"], "decision");
    assert_eq!(decision["status"], "not_recorded");
    assert_eq!(decision["deadline"], "2024-12-02");
    assert_eq!(decision["working_days_overdue"], Value::Null);
    // A list with the decision's column but not the service's: the decision judged, the
    // service not.
    let file = write(
        &dir,
        "decisions.csv",
        &without_columns(&list(&[S, C, D, I, N]), 1),
    );
    let (_, rows) = overdue_reasons(&file, &[]);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["D-1", "C-1", "S-1"]);
}

#[test]
fn the_closing_line_counts_the_cases_where_they_stand() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.csv");
    for (text, expected) in [
        (
            list(&[S, C, D, I, N]),
            "5 cases: 1 met, 0 late, 0 due, 4 overdue, 0 no deadline; 0 invalid rows.",
        ),
        // Without the chain's columns: D-1 stands met on its start, I-1 (in no group, not
        // started) has no deadline left to judge.
        (
            without_columns(&list(&[S, C, D, I, N]), 2),
            "5 cases: 2 met, 0 late, 0 due, 2 overdue, 1 no deadline; 0 invalid rows.",
        ),
    ] {
        let file = write(&dir, "list.csv", &text);
        let (code, shown) = run_on_terminal(
            &[
                "audit",
                &file,
                "--as-of",
                AS_OF,
                "--output",
                output.to_str().unwrap(),
            ],
            200,
            &[],
        );
        assert_eq!(code, 0, "{shown}");
        assert!(shown.trim_end().ends_with(expected), "{expected}\n{shown}");
    }
}

#[test]
fn a_narrow_overdue_table_keeps_the_reason_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "each.csv", &list(&[S, C, D, I, N]));
    for (lang, reasons) in [
        (
            "fi",
            [
                "päätös 9 yli määräajan",
                "valmistuminen 7 yli määräajan",
                "palvelu 5 yli määräajan",
                "aloitus 2 yli määräajan",
            ],
        ),
        (
            "sv",
            [
                "beslut 9 över tiden",
                "slutförande 7 över tiden",
                "tjänst 5 över tiden",
                "påbörjande 2 över tiden",
            ],
        ),
        (
            "en",
            [
                "decision 9 overdue",
                "completion 7 overdue",
                "service 5 overdue",
                "start 2 overdue",
            ],
        ),
    ] {
        let out = maaraika()
            .args(["overdue", &file, "--as-of", AS_OF, "--format", "table"])
            .args(["--lang", lang])
            .env("COLUMNS", "80")
            .output()
            .unwrap();
        let table = String::from_utf8(out.stdout).unwrap();
        // The rows of the four, in order (a long status may wrap onto a line of its own).
        let rows: Vec<&str> = table
            .lines()
            .filter(|l| ["D-1", "C-1", "I-1", "S-1"].iter().any(|id| l.contains(id)))
            .collect();
        assert_eq!(rows.len(), 4, "{table}");
        for (row, reason) in rows.iter().zip(reasons) {
            assert!(
                row.trim_end().ends_with(reason),
                "{lang}: {reason}\n{table}"
            );
        }
        assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    }
}

#[test]
fn the_excel_overdue_list_names_the_reason_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "each.csv", &list(&[S, C, D, I, N]));
    let (_, out, _) = run(
        &[
            "overdue", &file, "--as-of", AS_OF, "--excel", "--lang", "fi",
        ],
        b"",
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].ends_with(";syy;syyn tila;syyn määräaika;syyn arkipäivät"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].ends_with(";päätös;määräaika ylittynyt;2.12.2024;9"),
        "{}",
        lines[1]
    );
}

#[test]
fn the_web_page_and_the_api_count_and_list_where_cases_stand() {
    let server = Server::start(&[]);
    let csv = list(&[S, C, D, I, N]);
    let answer = server.request(
        "POST",
        "/api/audit?as_of=16.12.2024",
        &[("Content-Type", "text/csv")],
        csv.as_bytes(),
    );
    assert_eq!(answer.status, 200, "{}", answer.text());
    let json = answer.json();
    let counts = &json["counts"];
    assert_eq!(counts["overdue"], 4);
    assert_eq!(counts["cases"]["overdue"], 4);
    assert_eq!(counts["cases"]["met"], 1);
    let (content_type, body) = common::server::multipart(
        &[("lang", "en"), ("as_of", "16.12.2024")],
        "each.csv",
        csv.as_bytes(),
    );
    let page = server.request("POST", "/audit", &[("Content-Type", &content_type)], &body);
    assert_eq!(page.status, 200);
    let text = page.text();
    // The overdue card counts the four; the list gives each one's deadline, most days first.
    assert!(
        text.contains("<span class=\"big\">4</span><span>overdue</span>"),
        "{text}"
    );
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} not on the page"))
    };
    let order = [
        at("decision 2.12.2024"),
        at("completion 4.12.2024"),
        at("service 9.12.2024"),
        at("start 12.12.2024"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn the_run_says_once_which_column_would_let_a_milestone_be_judged() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "assessments.csv",
        &without_columns(&list(&[S, C, D, I, N, D]), 2),
    );
    let (_, _, err) = run(&["overdue", &file, "--as-of", AS_OF], b"");
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("decision_date"))
        .collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(
        notes[0].contains("2 cases have a decision deadline that is not judged"),
        "{err}"
    );
    // With the column there is nothing to say.
    let file = write(&dir, "each.csv", &list(&[S, C, D, I, N]));
    let (_, _, err) = run(&["overdue", &file, "--as-of", AS_OF], b"");
    assert!(!err.contains("not judged"), "{err}");
}

/// One case not judged is one case (not "1 cases"); in Finnish and Swedish the missing column is
/// named in the language (as the web page's fields name it) and its key only in the flag that
/// would read it.
#[test]
fn the_not_judged_notice_counts_one_case_in_the_singular_and_names_the_column_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "one.csv", &without_columns(&list(&[D]), 2));
    let (_, _, err) = run(&["overdue", &file, "--as-of", AS_OF], b"");
    assert!(
        err.contains("1 case has a decision deadline that is not judged"),
        "{err}"
    );
    for (lang, column) in [("fi", "”päätös tehty”"), ("sv", "”beslut fattat”")] {
        let (_, _, err) = run(&["overdue", &file, "--as-of", AS_OF, "--lang", lang], b"");
        let note = err
            .lines()
            .find(|l| l.contains(column))
            .unwrap_or_else(|| panic!("{err}"));
        assert_eq!(note.matches("decision_date").count(), 1, "{note}");
        assert!(note.contains("--column decision_date="), "{note}");
    }
}

#[test]
fn a_list_without_a_start_date_is_said_once_to_be_of_matters_not_yet_started() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        &dir,
        "new.csv",
        "case_id,pending_date,age\nA-1,2.12.2024,80\nA-2,3.12.2024,81\n",
    );
    let (code, out, err) = run(&["overdue", &file, "--as-of", AS_OF], b"");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err.matches("it is read as a list of matters not yet started")
            .count(),
        1,
        "{err}"
    );
    // Not started: A-1's start was due by 12.12.2024.
    assert!(out.contains("A-1"), "{out}");
}

#[test]
fn check_judges_a_decision_only_when_given_and_says_what_it_needs() {
    // D-1 by hand: a disabled person's application pending 2.9.2024, to be decided by
    // Monday 2.12.2024 (3 months). Without --decision nothing says whether it was decided.
    let args = [
        "check",
        "--pending",
        "2.9.2024",
        "--age",
        "40",
        "--disabled",
        "--started",
        "4.9.2024",
        "--as-of",
        AS_OF,
    ];
    let (code, text, err) = run(&[&args[..], &["--lang", "en"][..]].concat(), b"");
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains(
            "Decision by Monday 2.12.2024: not judged: give --decision to judge the decision."
        ),
        "{text}"
    );
    let json = common::json(&args);
    assert_eq!(json["deadlines"][2]["status"], "not_recorded");
    assert_eq!(json["deadlines"][2]["deadline"], "2024-12-02");
    // Given, it is judged: decided 5.12.2024, 3 working days late (3, 4, 5.12).
    let json = common::json(&[&args[..], &["--decision", "5.12.2024"][..]].concat());
    assert_eq!(json["deadlines"][2]["status"], "late");
    assert_eq!(json["deadlines"][2]["working_days_late"], 3);
}

/// The web says what the command line says once about a list, in the same words: a list
/// without `started_date` is of matters not yet started, and a list without `decision_date`
/// leaves the two disabled persons' decisions (due 2.12.2024, 3 months from 2.9.2024) unjudged.
/// The API gives each notice a stable code with the column and the cases; the page says each
/// once, in the page's language.
#[test]
fn the_web_page_and_the_api_say_the_command_lines_notices_about_a_list() {
    let csv = "case_id,pending_date,age,disabled\n\
               D-1,2.9.2024,40,1\n\
               D-2,2.9.2024,40,1\n\
               A-1,2.12.2024,80,0\n";
    let dir = tempfile::tempdir().unwrap();
    let file = write(&dir, "new.csv", csv);
    let server = Server::start(&[]);
    for (lang, note) in [("en", "note"), ("fi", "huom"), ("sv", "obs")] {
        let (_, _, err) = run(
            &[
                "audit", &file, "--as-of", AS_OF, "--lang", lang, "--format", "csv",
            ],
            b"",
        );
        let prefix = format!("{file}: {note}: ");
        let said: Vec<&str> = err
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .collect();
        assert_eq!(said.len(), 2, "{err}");
        let answer = server.request(
            "POST",
            &format!("/api/audit?as_of={AS_OF}&lang={lang}"),
            &[("Content-Type", "text/csv")],
            csv.as_bytes(),
        );
        assert_eq!(answer.status, 200, "{}", answer.text());
        let json = answer.json();
        let texts: Vec<&str> = json["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["text"].as_str().unwrap())
            .collect();
        assert_eq!(texts, said, "{lang}");
        let (content_type, body) = common::server::multipart(
            &[("lang", lang), ("as_of", AS_OF)],
            "new.csv",
            csv.as_bytes(),
        );
        let page = server.request("POST", "/audit", &[("Content-Type", &content_type)], &body);
        assert_eq!(page.status, 200);
        let page = page.text();
        for text in &said {
            assert_eq!(page.matches(text).count(), 1, "{lang}: {text}\n{page}");
        }
    }
    let answer = server.request(
        "POST",
        &format!("/api/audit?as_of={AS_OF}"),
        &[("Content-Type", "text/csv")],
        csv.as_bytes(),
    );
    let notices = &answer.json()["notices"];
    let codes =
        |n: &Value| [&n["code"], &n["milestone"], &n["column"], &n["cases"]].map(|v| v.to_string());
    assert_eq!(
        codes(&notices[0]),
        ["\"not_started\"", "null", "\"started_date\"", "null"]
    );
    assert_eq!(
        codes(&notices[1]),
        ["\"not_recorded\"", "\"decision\"", "\"decision_date\"", "2"]
    );
    assert_eq!(notices.as_array().unwrap().len(), 2);
    // A list with every column leaves nothing to say.
    let answer = server.request(
        "POST",
        &format!("/api/audit?as_of={AS_OF}"),
        &[("Content-Type", "text/csv")],
        list(&[S, C, D, I, N]).as_bytes(),
    );
    assert_eq!(answer.json()["notices"], serde_json::json!([]));
}
