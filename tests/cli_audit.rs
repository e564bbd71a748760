//! `audit`, `overdue` and `summary` on the real binary: input dialects, exit codes, bad rows,
//! outputs. Expected values come from the hand-worked cases of samples/cases.csv (as of Monday
//! 23.11.2026), not from earlier runs of the code.

use std::path::{Path, PathBuf};

use crate::common;

const AS_OF: &str = "2026-11-23";

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    common::run(args, stdin.unwrap_or_default())
}

/// `COMMAND samples/NAME --as-of AS_OF EXTRA…`
fn on_sample(command: &str, name: &str, extra: &[&str]) -> (i32, String, String) {
    let file = sample(name);
    let mut args = vec![command, file.to_str().unwrap(), "--as-of", AS_OF];
    args.extend_from_slice(extra);
    run(&args, None)
}

fn audit_csv(file: &Path, extra: &[&str]) -> (i32, Vec<csv::StringRecord>, String) {
    let mut args = vec![
        "audit",
        file.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = run(&args, None);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (code, rows, stderr)
}

/// (case_id, groups, start_deadline, start_status, completion_deadline, completion_status)
fn key_columns(rows: &[csv::StringRecord]) -> Vec<[String; 6]> {
    rows.iter()
        .map(|r| [1, 4, 5, 6, 10, 11].map(|i| r[i].to_string()))
        .collect()
}

#[test]
fn the_iso_sample_gives_the_hand_worked_answers() {
    let (code, rows, stderr) = audit_csv(&sample("cases.csv"), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rows.len(), 20);
    let find = |id: &str| {
        key_columns(&rows)
            .into_iter()
            .find(|r| r[0] == id)
            .unwrap()
            .map(|s| s.to_string())
    };
    // Monday 2.11.2026 + 7 working days = Wednesday 11.11.2026; started 6.11: met.
    assert_eq!(
        find("SH-2026-0101"),
        ["SH-2026-0101", "over_75", "2026-11-11", "met", "", "none"]
    );
    // Thursday 5.11 + 7 = Monday 16.11, not started by 23.11: overdue.
    assert_eq!(find("SH-2026-0104")[3], "overdue");
    // Thursday 12.11 + 7 = Monday 23.11: due today.
    assert_eq!(
        find("SH-2026-0106")[2..4],
        ["2026-11-23".to_string(), "due".to_string()]
    );
    // 15.7.2026 + 3 months = Thursday 15.10.2026, not completed: overdue.
    assert_eq!(
        find("SH-2026-0108")[4..6],
        ["2026-10-15".to_string(), "overdue".to_string()]
    );
    // Midsummer Eve 19.6.2026 skipped: Monday 15.6 + 7 = Thursday 25.6; started 26.6: late.
    assert_eq!(
        find("SH-2026-0115")[2..4],
        ["2026-06-25".to_string(), "late".to_string()]
    );
    // 24.9.2026 + 3 months = Christmas Eve, moved to Monday 28.12.2026.
    assert_eq!(find("SH-2026-0120")[4], "2026-12-28");
    // Aged 77 in 2008, when the limit was 80: no statutory day count.
    assert_eq!(
        find("SH-2008-0119")[1..4],
        ["none".to_string(), "".to_string(), "none".to_string()]
    );
}

#[test]
fn the_conservative_reading_counts_christmas_eve() {
    let (_, rows, _) = audit_csv(&sample("cases.csv"), &["--conservative"]);
    let row = key_columns(&rows)
        .into_iter()
        .find(|r| r[0] == "SH-2025-0916")
        .unwrap();
    // Wednesday 17.12.2025 + 7 counting Christmas Eve = Tuesday 30.12.2025; started 31.12: late.
    assert_eq!(row[2..4], ["2025-12-30".to_string(), "late".to_string()]);
    let (_, rows, _) = audit_csv(&sample("cases.csv"), &[]);
    let row = key_columns(&rows)
        .into_iter()
        .find(|r| r[0] == "SH-2025-0916")
        .unwrap();
    assert_eq!(row[2..4], ["2025-12-31".to_string(), "met".to_string()]);
}

#[test]
fn finnish_and_swedish_excel_twins_audit_identically() {
    let iso = on_sample("audit", "cases.csv", &["--format", "csv"]);
    for twin in ["cases-fi.csv", "cases-fi-1252.csv", "cases-sv.csv"] {
        let fi = run(
            &[
                "audit",
                sample(twin).to_str().unwrap(),
                "--as-of",
                AS_OF,
                "--format",
                "csv",
            ],
            None,
        );
        assert_eq!(fi.0, 0, "{twin}: {}", fi.2);
        assert!(fi.2.is_empty(), "every column read by its name: {}", fi.2);
        assert_eq!(fi.1, iso.1, "{twin}");
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let input = std::fs::read(sample("cases-fi-1252.csv")).unwrap();
    let (code, stdout, _) = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        Some(&input),
    );
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 21);
}

#[test]
fn tab_delimited_and_column_override() {
    let input = "Tunnus\tSaapunut\tIkä\tAloitettu\nA-1\t23.11.2026\t80\t\n";
    let (code, stdout, stderr) = run(
        &[
            "audit",
            "-",
            "--as-of",
            AS_OF,
            "--format",
            "csv",
            "--column",
            "pending_date=Saapunut",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("A-1,,2026-11-23,over_75,2026-12-02,due"),
        "{stdout}"
    );
}

#[test]
fn bad_rows_are_reported_with_line_and_column_and_the_rest_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let errors = dir.path().join("errors.csv");
    let (code, rows, stderr) = audit_csv(
        &sample("cases-with-errors.csv"),
        &["--errors", errors.to_str().unwrap()],
    );
    assert_eq!(code, 3, "{stderr}");
    assert_eq!(rows.len(), 2, "rows in = 7 = 2 evaluated + 5 reported");
    assert!(
        stderr.contains("line 3, column 3 (pending_date): `31.2.2026` is not a real date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 4, column 5 (care_allowance): `maybe` is not yes or no"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 5, column 8 (started_date): the start date"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 6: has 6 fields but the header has 8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 7, column 3 (pending_date): is empty"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(errors).unwrap();
    assert_eq!(written.lines().count(), 6);
    assert!(written.starts_with("file,line,column,case_id,problem"));
}

#[test]
fn with_excel_the_errors_file_opens_in_columns_in_finnish_excel() {
    // The errors file is for the people who fix the rows: with --excel it is the same dialect as
    // the output (a BOM, `;`, CRLF, headers in --lang), which Finnish Excel splits into columns.
    let dir = tempfile::tempdir().unwrap();
    let errors = dir.path().join("virheet.csv");
    let out = dir.path().join("tulos.csv");
    let (code, _, stderr) = run(
        &[
            "audit",
            sample("cases-with-errors.csv").to_str().unwrap(),
            "--as-of",
            "2026-11-23",
            "--excel",
            "--lang",
            "fi",
            "--output",
            out.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 3, "{stderr}");
    let written = std::fs::read(&errors).unwrap();
    let text = std::str::from_utf8(&written).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("a BOM first");
    let lines: Vec<&str> = text.split_terminator("\r\n").collect();
    assert_eq!(lines[0], "tiedosto;rivi;sarake;asiatunnus;ongelma;koodi");
    // The five invalid rows of the sample, each with six cells.
    assert_eq!(lines.len(), 6, "{text}");
    assert!(lines[1].contains(";3;pending_date;"), "{}", lines[1]);
    // Without --excel the errors file stays plain CSV for programs.
    let (_, _, _) = run(
        &[
            "audit",
            sample("cases-with-errors.csv").to_str().unwrap(),
            "--as-of",
            "2026-11-23",
            "--output",
            out.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
        ],
        None,
    );
    let plain = std::fs::read_to_string(&errors).unwrap();
    assert!(
        plain.starts_with("file,line,column,case_id,problem,code\n"),
        "{plain}"
    );
}

#[test]
fn strict_turns_invalid_rows_into_exit_2_and_writes_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.csv");
    let (code, _, _) = on_sample(
        "audit",
        "cases-with-errors.csv",
        &["--strict", "--output", out.to_str().unwrap()],
    );
    assert_eq!(code, 2);
    assert!(!out.exists());
}

#[test]
fn fail_on_overdue_exits_1() {
    let (code, _, _) = on_sample(
        "audit",
        "cases.csv",
        &["--fail-on-overdue", "--format", "csv"],
    );
    assert_eq!(code, 1);
    let on_time =
        b"case_id,pending_date,age,started_date\nA,2026-11-02,80,2026-11-03\nB,2026-11-20,80,\n";
    let (code, _, _) = run(
        &[
            "audit",
            "-",
            "--as-of",
            AS_OF,
            "--fail-on-overdue",
            "--format",
            "csv",
        ],
        Some(on_time),
    );
    assert_eq!(code, 0, "one met, one due: nothing overdue");
}

#[test]
fn a_missing_required_column_names_it_and_lists_the_headers() {
    let (code, stdout, stderr) = run(
        &["audit", "-", "--as-of", AS_OF],
        Some(b"case_id;unit\nA;B\n"),
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("pending_date"), "{stderr}");
    assert!(
        stderr.contains("case_id") && stderr.contains("unit"),
        "{stderr}"
    );
}

#[test]
fn a_missing_or_empty_file_exits_2() {
    let (code, _, stderr) = run(&["audit", "no-such-file.csv"], None);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-file.csv"), "{stderr}");
    let (code, _, _) = run(&["audit", "-"], Some(b""));
    assert_eq!(code, 2);
}

#[test]
fn output_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.csv");
    let (code, stdout, _) = on_sample("audit", "cases.csv", &["--output", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 21);
    let (code, _, stderr) = run(
        &[
            "audit",
            sample("cases.csv").to_str().unwrap(),
            "--output",
            "/nonexistent-dir/audit.csv",
        ],
        None,
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("/nonexistent-dir/audit.csv"), "{stderr}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn json_output_is_an_array_of_cases() {
    let (code, stdout, _) = on_sample("audit", "cases.csv", &["--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let cases = v.as_array().unwrap();
    assert_eq!(cases.len(), 20);
    assert_eq!(cases[0]["case_id"], "SH-2026-0101");
    assert_eq!(cases[0]["start_status"], "met");
    assert_eq!(cases[0]["groups"], serde_json::json!(["over_75"]));
}

#[test]
fn identity_codes_appear_only_with_show_hetu() {
    let file = sample("cases.csv");
    for format in ["csv", "json", "table"] {
        let (_, stdout, stderr) = run(
            &[
                "audit",
                file.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "--format",
                format,
            ],
            None,
        );
        assert!(
            !stdout.contains("030531-912C") && !stderr.contains("030531-912C"),
            "{format}"
        );
    }
    let (_, stdout, _) = run(
        &[
            "audit",
            file.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "csv",
            "--show-hetu",
        ],
        None,
    );
    assert!(stdout.contains("030531-912C"));
}

#[test]
fn overdue_lists_the_most_overdue_first() {
    let (code, stdout, _) = on_sample("overdue", "cases.csv", &["--format", "csv"]);
    assert_eq!(code, 0);
    let ids: Vec<_> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    // 15.10 completion deadline: 27 working days overdue; 16.11 start deadline: 5.
    assert_eq!(ids, ["SH-2026-0108", "SH-2026-0104"]);
    let (_, stdout, _) = on_sample(
        "overdue",
        "cases.csv",
        &["--format", "csv", "--due-within", "2"],
    );
    let ids: Vec<_> = stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "SH-2026-0108",
            "SH-2026-0104",
            "SH-2026-0106",
            "SH-2026-0103"
        ]
    );
}

#[test]
fn overdue_for_excel_is_semicolons_bom_and_finnish_dates() {
    let (_, stdout, _) = on_sample("overdue", "cases.csv", &["--excel", "--lang", "fi"]);
    assert!(stdout.starts_with('\u{feff}'));
    assert!(stdout.contains("\r\n"));
    assert!(
        stdout.contains(";16.11.2026;määräaika ylittynyt;"),
        "{stdout}"
    );
}

#[test]
fn summary_counts_add_up_to_the_audit() {
    let (code, stdout, _) = on_sample("summary", "cases.csv", &["--format", "csv"]);
    assert_eq!(code, 0);
    let all = stdout.lines().find(|l| l.starts_with("all,")).unwrap();
    // 20 cases: met 7, late 3, due 5, overdue 1, none 4; on time 7 / (7 + 3 + 1) = 63.6 %.
    assert!(all.starts_with("all,20,7,3,5,1,4,63.6,"), "{all}");
    let (_, stdout, _) = on_sample(
        "summary",
        "cases.csv",
        &["--format", "csv", "--period", "1.4.2026..30.9.2026"],
    );
    let all = stdout.lines().find(|l| l.starts_with("all,")).unwrap();
    // Pending 1.4.-30.9.2026: SH-2026-0107, -0108, -0115, -0120.
    assert!(all.starts_with("all,4,"), "{all}");
}

#[test]
fn summary_by_unit_and_invalid_rows() {
    let (code, stdout, _) = on_sample(
        "summary",
        "cases-with-errors.csv",
        &["--format", "csv", "--by", "unit"],
    );
    assert_eq!(code, 3);
    assert!(stdout.starts_with("unit,group,cases"));
    let invalid: u64 = stdout
        .lines()
        .filter(|l| l.contains(",all,"))
        .map(|l| l.rsplit(',').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(invalid, 5);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("maaraika"))
        .args(["calendar", "holidays", "1955", "2199", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the reader went away, as with `| head`.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The tables people read, pinned whole (layout, labels, both languages). The values in them are
/// the hand-worked ones asserted above.
#[test]
fn tables_as_people_see_them() {
    let file = sample("cases.csv");
    let file = file.to_str().unwrap();
    let (_, overdue_en, _) = run(
        &[
            "overdue",
            file,
            "--as-of",
            AS_OF,
            "--due-within",
            "2",
            "--format",
            "table",
        ],
        None,
    );
    insta::assert_snapshot!("overdue_table_en", overdue_en);
    let (_, overdue_fi, _) = run(
        &[
            "overdue",
            file,
            "--as-of",
            AS_OF,
            "--due-within",
            "2",
            "--format",
            "table",
            "--lang",
            "fi",
        ],
        None,
    );
    insta::assert_snapshot!("overdue_table_fi", overdue_fi);
    let (_, summary, _) = run(
        &["summary", file, "--as-of", AS_OF, "--format", "table"],
        None,
    );
    insta::assert_snapshot!("summary_table_en", summary);
}

/// The as-of date given is the one date of the whole run: every row of the output carries it,
/// the working days are counted to it, the warning of a date after it names it, and the
/// tables that say their date (thl, the social-assistance summary) say it. Worked on a wall
/// calendar of December 2024: A-1, aged 80, pending Mon 2.12 and not started, was to be started
/// by the 7th working day after (3, 4, 5, 9, 10, 11, 12: Independence Day Fri 6.12 is not one),
/// Thu 12.12, and is over it by Fri 13 and Mon 16: 2 working days; A-3, pending Tue 10.12, is
/// due Thu 19.12 with 3 working days left (17, 18, 19); A-2 started on 20.12, after the date.
#[test]
fn an_as_of_date_given_is_used_by_every_output_of_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("december.csv");
    std::fs::write(
        &list,
        "case_id,pending_date,age,started_date\n\
         A-1,2.12.2024,80,\n\
         A-2,2.12.2024,80,20.12.2024\n\
         A-3,10.12.2024,80,\n",
    )
    .unwrap();
    let file = list.to_str().unwrap();
    let (code, stdout, stderr) = run(
        &["audit", file, "--as-of", "16.12.2024", "--format", "csv"],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let cell = |row: &csv::StringRecord, key: &str| {
        row[header.iter().position(|h| h == key).unwrap()].to_string()
    };
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|row| cell(row, "as_of") == "2024-12-16"));
    assert_eq!(cell(&rows[0], "start_working_days_overdue"), "2");
    assert_eq!(cell(&rows[2], "start_working_days_remaining"), "3");
    assert!(
        stderr.contains("20.12.2024 is after the as-of date 16.12.2024"),
        "{stderr}"
    );
    // thl and the social-assistance summary (whose command set its own as-of date apart) say
    // the day under their tables.
    let applications = dir.path().join("applications.csv");
    std::fs::write(
        &applications,
        "case_id,application_date,decision_date\nH-1,2.12.2024,\n",
    )
    .unwrap();
    let applications = applications.to_str().unwrap();
    for command in [
        &["thl", file, "--period", "1.12.2024..31.12.2024"][..],
        &["assistance", "summary", applications],
    ] {
        let mut args = command.to_vec();
        args.extend(["--as-of", "16.12.2024", "--format", "table", "--lang", "en"]);
        let (_, stdout, stderr) = run(&args, None);
        assert!(stdout.contains("As of 16.12.2024."), "{stdout}{stderr}");
    }
}

/// Without `--as-of` the run is judged as of today in Finland, one day for every row.
#[test]
fn without_as_of_every_row_is_judged_as_of_one_day_today_in_finland() {
    let before = maaraika::dates::today_in_finland();
    let (code, stdout, stderr) = run(
        &[
            "audit",
            sample("cases.csv").to_str().unwrap(),
            "--format",
            "csv",
        ],
        None,
    );
    let after = maaraika::dates::today_in_finland();
    assert!(code == 0 || code == 3, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "as_of")
        .unwrap();
    let days: std::collections::BTreeSet<String> = reader
        .records()
        .map(|row| row.unwrap()[at].to_string())
        .collect();
    assert_eq!(days.len(), 1, "{days:?}");
    let day = days.into_iter().next().unwrap();
    assert!(
        day == before.to_string() || day == after.to_string(),
        "{day}, today {before}"
    );
}
