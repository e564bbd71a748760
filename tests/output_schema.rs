//! One schema for every output (issue 12 item 2): each format of the real binary writes the
//! columns of `report::schema::SCHEMA` that belong to it, in the schema's order, under the
//! schema's key (for programs) or its label in `--lang` (for people).

use crate::common;

use std::fmt;
use std::path::Path;

use calamine::{open_workbook, Reader, Xlsx};
use common::maaraika;
use maaraika::labels::Lang;
use maaraika::report::schema::{columns, ColumnOptions, ReportFormat};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

const LANGS: [(Lang, &str); 3] = [(Lang::En, "en"), (Lang::Fi, "fi"), (Lang::Sv, "sv")];

/// A case list without, and one with, the decision and service columns.
const PLAIN_LIST: &str = "case_id,unit,pending_date,hetu,age,started_date\n\
    A-1,Kotihoito,2026-11-02,,80,2026-11-06\n\
    A-2,Vammaispalvelut,2026-10-01,,40,\n";
const CHAIN_LIST: &str = "case_id,unit,pending_date,age,disabled,decision_date,implemented_date\n\
    B-1,Vammaispalvelut,2024-10-01,40,1,2025-01-20,2025-02-10\n\
    B-2,Kotihoito,2026-06-01,82,0,2026-08-15,\n";

fn options(show_hetu: bool, chain: bool) -> ColumnOptions {
    ColumnOptions {
        show_hetu,
        chain,
        case_only: false,
        standing: false,
    }
}

fn keys(format: ReportFormat, options: ColumnOptions) -> Vec<String> {
    columns(format, options).map(|s| s.key.to_owned()).collect()
}

fn labels(format: ReportFormat, options: ColumnOptions, lang: Lang) -> Vec<String> {
    columns(format, options)
        .map(|s| lang.get(s.label).to_owned())
        .collect()
}

fn table_labels(options: ColumnOptions, lang: Lang) -> Vec<String> {
    columns(ReportFormat::Table, options)
        .map(|s| lang.get(s.table.expect("a table column").label).to_owned())
        .collect()
}

fn output(args: &[&str], list: &Path) -> String {
    let out = maaraika()
        .args(args)
        .arg(list)
        .args(["--as-of", "2026-11-23"])
        .env("COLUMNS", "400")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The first line of CSV output, split at `delimiter` (no header label holds it).
fn csv_header(text: &str, delimiter: char) -> Vec<String> {
    let first = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    first.split(delimiter).map(str::to_owned).collect()
}

/// The keys of a JSON object, in the order written.
struct OrderedKeys(Vec<String>);

impl<'de> Deserialize<'de> for OrderedKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = OrderedKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, IgnoredAny)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(OrderedKeys(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

fn lists() -> (tempfile::TempDir, [(std::path::PathBuf, bool); 2]) {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.csv");
    let chain = dir.path().join("chain.csv");
    std::fs::write(&plain, PLAIN_LIST).unwrap();
    std::fs::write(&chain, CHAIN_LIST).unwrap();
    (dir, [(plain, false), (chain, true)])
}

#[test]
fn the_audit_csv_has_the_schema_columns_by_key_and_for_excel_by_label() {
    let (_dir, lists) = lists();
    for (list, chain) in &lists {
        for show_hetu in [false, true] {
            let hetu: &[&str] = if show_hetu { &["--show-hetu"] } else { &[] };
            let options = options(show_hetu, *chain);
            let plain = output(&[&["audit", "--format", "csv"], hetu].concat(), list);
            assert_eq!(csv_header(&plain, ','), keys(ReportFormat::Csv, options));
            for (lang, code) in LANGS {
                let args = [
                    &["audit", "--format", "csv", "--excel", "--lang", code],
                    hetu,
                ]
                .concat();
                let excel = output(&args, list);
                assert_eq!(
                    csv_header(&excel, ';'),
                    labels(ReportFormat::Csv, options, lang),
                    "--excel --lang {code}"
                );
            }
        }
    }
}

#[test]
fn the_workbook_has_the_csv_columns_under_their_labels() {
    let (dir, lists) = lists();
    for (list, chain) in &lists {
        for (lang, code) in LANGS {
            let book = dir.path().join(format!("audit-{code}-{chain}.xlsx"));
            output(
                &[
                    "audit",
                    "--format",
                    "xlsx",
                    "--lang",
                    code,
                    "--output",
                    book.to_str().unwrap(),
                ],
                list,
            );
            let mut workbook: Xlsx<_> = open_workbook(&book).unwrap();
            let first = workbook.sheet_names()[0].clone();
            let sheet = workbook.worksheet_range(&first).unwrap();
            let header: Vec<String> = sheet
                .rows()
                .next()
                .unwrap()
                .iter()
                .map(|c| c.to_string())
                .collect();
            assert_eq!(
                header,
                labels(ReportFormat::Csv, options(false, *chain), lang),
                "--lang {code}"
            );
        }
    }
}

#[test]
fn the_audit_json_has_the_schema_keys_then_the_deadlines() {
    let (_dir, lists) = lists();
    for (list, chain) in &lists {
        for show_hetu in [false, true] {
            let hetu: &[&str] = if show_hetu { &["--show-hetu"] } else { &[] };
            let text = output(&[&["audit", "--format", "json"], hetu].concat(), list);
            let records: Vec<OrderedKeys> = serde_json::from_str(&text).unwrap();
            let mut expected = keys(ReportFormat::Json, options(show_hetu, *chain));
            // A list without an identity-code column has none to show: JSON leaves the key out.
            if !std::fs::read_to_string(list).unwrap().contains(",hetu,") {
                expected.retain(|k| k != "hetu");
            }
            expected.push("deadlines".into());
            for record in records {
                assert_eq!(record.0, expected);
            }
        }
    }
}

#[test]
fn the_table_has_the_schema_table_columns_under_their_labels() {
    let (_dir, lists) = lists();
    for (list, chain) in &lists {
        for (lang, code) in LANGS {
            let text = output(&["audit", "--format", "table", "--lang", code], list);
            let header: Vec<String> = text
                .lines()
                .next()
                .unwrap()
                .split("  ")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_owned)
                .collect();
            assert_eq!(
                header,
                table_labels(options(false, *chain), lang),
                "--lang {code}"
            );
        }
    }
}

#[test]
fn check_has_the_schema_case_columns_in_csv_and_json() {
    let case = ColumnOptions {
        case_only: true,
        ..ColumnOptions::default()
    };
    let args = [
        "check",
        "--pending",
        "18.12.2026",
        "--age",
        "78",
        "--as-of",
        "23.11.2026",
    ];
    let out = maaraika()
        .args(args)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv_header(&text, ','), keys(ReportFormat::CheckCsv, case));
    assert_eq!(text.lines().count(), 2, "a header and the case");
    let out = maaraika()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let answer: OrderedKeys = serde_json::from_slice(&out.stdout).unwrap();
    let record = keys(ReportFormat::Json, case);
    assert_eq!(answer.0[..record.len()], record[..]);
    assert_eq!(answer.0.last().map(String::as_str), Some("deadlines"));
}

#[test]
fn each_milestone_of_the_csv_has_its_deadline_status_and_working_days() {
    // The schema itself, against the column names the README and the scripts know.
    let all = keys(ReportFormat::Csv, options(true, true));
    let mut expected: Vec<String> = ["line", "case_id", "unit", "hetu", "pending_date", "groups"]
        .map(String::from)
        .to_vec();
    let outcome = |m: &str| {
        [
            "deadline",
            "status",
            "working_days_late",
            "working_days_remaining",
            "working_days_overdue",
        ]
        .map(|f| format!("{m}_{f}"))
    };
    expected.extend(outcome("start"));
    expected.extend(outcome("completion"));
    expected.extend(["elapsed_working_days", "age", "reading", "notes", "as_of"].map(String::from));
    expected.extend(outcome("decision"));
    expected.extend(outcome("implementation"));
    assert_eq!(all, expected);
}
