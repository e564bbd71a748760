//! Damaged and unusual case lists on the real binary: for each, the exact exit code and the
//! message a user sees (file, line, column, the problem, the fix). Exit codes: 0 done, 2 the run
//! could not be done, 3 done but some rows invalid (README, "Exit codes").

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use crate::common;

const AS_OF: &str = "23.11.2026";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let (code, stdout, stderr) = common::run(args, stdin.unwrap_or_default());
    // Most of these lists have no start date; the notice that says so once is held by
    // `tests/standing.rs`, not by each of these.
    let run = Run {
        code,
        stdout,
        stderr: common::without_not_started_notice(&stderr),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "a panic: {}",
        run.stderr
    );
    run
}

/// `audit FILE --as-of 23.11.2026 --format csv` on `content` written to `name` in `dir`.
fn audit_file(dir: &Path, name: &str, content: &[u8], extra: &[&str]) -> Run {
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    let mut args = vec![
        "audit",
        path.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "csv",
    ];
    args.extend_from_slice(extra);
    run(&args, None)
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The stderr lines that start with the file's path, with the path replaced by `FILE`.
fn messages(run: &Run, dir: &Path, name: &str) -> Vec<String> {
    let path = dir.join(name).display().to_string();
    run.stderr
        .lines()
        .map(|line| line.replace(&path, "FILE"))
        .collect()
}

/// The case ids of the audit's CSV output, in order.
fn ids(run: &Run) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    reader
        .records()
        .map(|record| record.unwrap()[1].to_string())
        .collect()
}

#[test]
fn an_empty_file_exits_2_and_asks_for_a_header_row() {
    let dir = dir();
    for content in [&b""[..], b"\xEF\xBB\xBF", b"\r\n\r\n", b"sep=;\r\n"] {
        let run = audit_file(dir.path(), "empty.csv", content, &[]);
        assert_eq!(run.code, 2, "{content:?}");
        assert!(run.stdout.is_empty());
        assert_eq!(
            messages(&run, dir.path(), "empty.csv"),
            ["maaraika: error: FILE is empty: export the case list again with a header row"]
        );
    }
}

#[test]
fn a_header_without_rows_is_done_with_a_note() {
    let dir = dir();
    let run = audit_file(dir.path(), "h.csv", b"case_id;pending_date\r\n", &[]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1, "the CSV header only");
    assert_eq!(
        messages(&run, dir.path(), "h.csv"),
        ["FILE: no cases: the file has a header row but no rows under it"]
    );
}

#[test]
fn a_missing_required_column_exits_2_naming_it_the_headers_and_the_fix() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "m.csv",
        b"case_id,Pvm,age\nA,1.11.2026,80\n",
        &[],
    );
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    assert_eq!(
        messages(&run, dir.path(), "m.csv"),
        [
            "maaraika: error: FILE has no pending_date column. The columns found are \"case_id\", \
             \"Pvm\", \"age\". Rename the header of the column that holds it to \
             Vireilletulopvm (or pending_date), or tell maaraika its name with \
             --column pending_date=YOUR_HEADER"
        ]
    );
    let fixed = audit_file(
        dir.path(),
        "m.csv",
        b"case_id,Pvm,age\nA,1.11.2026,80\n",
        &["--column", "pending_date=Pvm"],
    );
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
}

#[test]
fn unknown_extra_columns_are_named_once_and_ignored() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "x.csv",
        b"Huomiot,case_id,pending_date,Sukunimi,age,\nsee notes,A,2.11.2026,Virtanen,80,\n",
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        messages(&run, dir.path(), "x.csv"),
        ["FILE: not used: Huomiot, Sukunimi (to read one, --column COLUMN=HEADER)"]
    );
    assert_eq!(ids(&run), ["A"]);
    assert!(
        !run.stdout.contains("Virtanen"),
        "unknown columns are not echoed"
    );
}

#[test]
fn ragged_rows_are_reported_and_trailing_delimiters_are_fine() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "r.csv",
        b"case_id,pending_date,age\n\
          A,2.11.2026,80\n\
          B,2.11.2026\n\
          C,Virtanen, Matti,2.11.2026,80\n\
          D,2.11.2026,80,,\n",
        &[],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A", "D"]);
    assert_eq!(
        messages(&run, dir.path(), "r.csv"),
        [
            "FILE line 3: has 2 fields but the header has 3: check for a missing delimiter or a \
             line break inside a value",
            "FILE line 4: has 5 fields but the header has 3: a value probably holds the \
             delimiter without quotes around it, so the columns after it moved; put that value \
             in quotes or remove the extra delimiter",
            "FILE: 2 rows invalid (listed above), 2 evaluated.",
        ]
    );
}

#[test]
fn a_quote_that_never_closes_reports_the_row_and_keeps_the_rows_before_it() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "q.csv",
        b"case_id,pending_date,age\nA,2.11.2026,80\nB,\"2.11.2026,80\nC,3.11.2026,80\n",
        &[],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A"]);
    assert_eq!(
        messages(&run, dir.path(), "q.csv"),
        [
            "FILE line 3, column 2 (pending_date): a quote (\") opened in this column on line 3 \
             is never closed, so lines 3–4 (2 lines, to the end of the file) were read as one \
             row: check the cell for a stray \", then export again",
            "FILE: 1 row invalid (listed above), 1 evaluated.",
        ]
    );
    let header = audit_file(dir.path(), "qh.csv", b"case_id,\"pending_date\nA,1\n", &[]);
    assert_eq!(header.code, 2);
    assert_eq!(
        messages(&header, dir.path(), "qh.csv"),
        [
            "maaraika: error: line 1 of FILE opens a quote (\") that is never closed: close it \
             or remove it (check that cell in Excel), then export again"
        ]
    );
}

#[test]
fn a_stray_quote_that_swallows_rows_reports_them_with_their_lines() {
    let dir = dir();
    // A quote opened in the notes of line 2 and a stray one on line 5 made lines 2-5 one value.
    let run = audit_file(
        dir.path(),
        "s.csv",
        b"case_id,pending_date,notes,age\n\
          A,2.11.2026,\"soitti,80\n\
          B,2.11.2026,,80\n\
          C,3.11.2026,,80\n\
          D,4.11.2026,\"tulee,80\n\
          E,5.11.2026,,80\n",
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(ids(&run), ["E"]);
    assert_eq!(
        messages(&run, dir.path(), "s.csv"),
        [
            "FILE: not used: notes (to read one, --column COLUMN=HEADER)",
            "FILE line 2, column 3 (notes): a quote (\") opened in this column on line 2 closes only \
             on line 5, so lines 2–5 (4 lines) were read as one row, and line 3 looks like a row \
             of its own: check the cell for a stray \", then export again",
            "FILE: 1 row invalid (listed above), 1 evaluated.",
        ]
    );
    // Finnish Excel: `;`, CRLF, the stray quote in the unit column, the swallowed rows found by
    // the line the quote closes on alone.
    let run = audit_file(
        dir.path(),
        "f.csv",
        b"Asiatunnus;Yksikk\xc3\xb6;Vireilletulopvm;Ik\xc3\xa4\r\n\
          A;\"Koti;2.11.2026;80\r\n\
          B;Koti\";2.11.2026;80\r\n\
          C;Koti;3.11.2026;80\r\n",
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(ids(&run), ["C"]);
    assert_eq!(
        messages(&run, dir.path(), "f.csv")[0],
        "FILE line 2, column 2 (Yksikkö): a quote (\") opened in this column on line 2 \
         closes only on line 3, so lines 2–3 (2 lines) were read as one row, and line 3 looks \
         like a row of its own: check the cell for a stray \", then export again"
    );
    // A swallowed row found by another date column, its pending date being unreadable.
    let run = audit_file(
        dir.path(),
        "o.csv",
        b"case_id;notes;pending_date;started_date\n\
          A;\"soitti;2.11.2026;\n\
          B;;2.11.;3.11.2026\n\
          C;\";4.11.2026;\n\
          D;;5.11.2026;\n",
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(ids(&run), ["D"]);
    assert!(
        messages(&run, dir.path(), "o.csv")[1].ends_with(
            "so lines 2–4 (3 lines) were read as one row, and line 3 looks like a row of its \
             own: check the cell for a stray \", then export again"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_quote_over_lines_in_a_date_or_flag_column_is_reported_with_its_lines() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "d.csv",
        b"case_id,pending_date,urgent\n\
          A,\"2.11.2026\n\nB\",1\n\
          C,3.11.2026,\"x\r\n\"\n\
          D,3.11.2026,\n",
        &[],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(ids(&run), ["D"]);
    assert_eq!(
        messages(&run, dir.path(), "d.csv")[..2],
        [
            "FILE line 2, column 2 (pending_date): a quote (\") opened in this column on line 2 \
             closes only on line 4, so lines 2–4 (3 lines) were read as one row, and a line \
             break does not belong in pending_date: check the cell for a stray \", then export \
             again",
            "FILE line 5, column 3 (urgent): a quote (\") opened in this column on line 5 closes \
             only on line 6, so lines 5–6 (2 lines) were read as one row, and a line break does \
             not belong in urgent: check the cell for a stray \", then export again",
        ]
    );
}

#[test]
fn a_line_break_in_a_notes_cell_reads_as_one_valid_row() {
    let dir = dir();
    // Excel's Alt+Enter: LF inside the quoted cell, CRLF at the ends of rows; a note may hold
    // the delimiter, dates and quotes.
    let run = audit_file(
        dir.path(),
        "n.csv",
        b"case_id;unit;pending_date;notes;age\r\n\
          A;Koti;2.11.2026;\"Soitti 1.11.2026; pyysi\nkotik\xc3\xa4ynti\xc3\xa4\n\n\"\"kiire\"\"\";80\r\n\
          B;\"Koti\nIt\xc3\xa4\";3.11.2026;\"a\r\nb; 4.11.2026; c\";80\r\n\
          C;Koti;4.11.2026;;80\r\n",
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        messages(&run, dir.path(), "n.csv"),
        ["FILE: not used: notes (to read one, --column COLUMN=HEADER)"]
    );
    assert_eq!(ids(&run), ["A", "B", "C"]);
    let lines: Vec<String> = csv::Reader::from_reader(run.stdout.as_bytes())
        .records()
        .map(|record| record.unwrap()[0].to_string())
        .collect();
    assert_eq!(lines, ["2", "6", "9"]);
}

#[test]
fn a_5_mb_field_is_read_and_never_echoed_whole() {
    let dir = dir();
    let big = "x".repeat(5 * 1024 * 1024);
    let content = format!(
        "case_id,pending_date,notes,age\nA,2.11.2026,{big},80\nB,{big},,80\nC,3.11.2026,,80\n"
    );
    let run = audit_file(dir.path(), "big.csv", content.as_bytes(), &[]);
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A", "C"]);
    let lines = messages(&run, dir.path(), "big.csv");
    assert_eq!(
        lines[0],
        "FILE: not used: notes (to read one, --column COLUMN=HEADER)"
    );
    assert_eq!(
        lines[1],
        format!(
            "FILE line 3, column 2 (pending_date): `{}…` is not a date: write it as 23.11.2026 \
             or 2026-11-23",
            "x".repeat(40)
        )
    );
    assert!(run.stderr.len() < 1000);
}

#[test]
fn a_row_over_16_mb_ends_the_run_with_exit_2_and_no_output_file() {
    let dir = dir();
    let out = dir.path().join("audit.csv");
    let huge = "x".repeat(17 * 1024 * 1024);
    let content = format!("case_id,pending_date\nA,2.11.2026\nB,{huge}\n");
    let run = audit_file(
        dir.path(),
        "huge.csv",
        content.as_bytes(),
        &["--output", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        messages(&run, dir.path(), "huge.csv"),
        [
            "maaraika: error: line 3 of FILE is over 16 MB long: this does not look like a case \
             list; export it again as CSV"
        ]
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the input"
    );
}

#[test]
fn a_row_over_16_mb_on_standard_output_ends_with_exit_2_after_the_rows_before_it_and_valid_json() {
    let huge = "x".repeat(17 * 1024 * 1024);
    // A row too long, and a quote that runs on too long.
    for bad in [format!("B,{huge}\n"), format!("B,\"{huge}\n")] {
        let content = format!(
            "case_id,pending_date,age\nA,2.11.2026,80\nX,1.11.2026,x\n{bad}C,3.11.2026,80\n"
        );
        for command in ["audit", "overdue", "summary"] {
            let run = run(
                &[command, "-", "--as-of", AS_OF, "--format", "json"],
                Some(content.as_bytes()),
            );
            assert_eq!(run.code, 2, "{command}: {}", run.stderr);
            let last = run.stderr.lines().last().unwrap();
            assert!(
                last.starts_with("maaraika: error: line 4 of <stdin> "),
                "{last}"
            );
            if command == "audit" {
                let json: serde_json::Value =
                    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
                        panic!("{e}: {}", &run.stdout[..run.stdout.len().min(200)])
                    });
                let ids: Vec<&str> = json
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|case| case["case_id"].as_str().unwrap())
                    .collect();
                assert_eq!(ids, ["A"]);
            } else {
                assert_eq!(run.stdout, "", "{command} writes nothing");
            }
        }
        let csv = run(
            &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
            Some(content.as_bytes()),
        );
        assert_eq!(csv.code, 2);
        assert_eq!(ids(&csv), ["A"]);
    }
}

/// Deterministic junk bytes (a linear congruential generator).
fn junk(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

#[test]
fn binary_junk_is_not_a_text_file() {
    let dir = dir();
    for seed in 0..20 {
        let run = audit_file(dir.path(), "junk.bin", &junk(seed, 4096), &[]);
        assert_eq!(run.code, 2, "seed {seed}: {}", run.stderr);
        assert!(run.stdout.is_empty());
        let lines = messages(&run, dir.path(), "junk.bin");
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].starts_with("maaraika: error: FILE "), "{lines:?}");
        assert!(!lines[0].chars().any(char::is_control), "{lines:?}");
    }
    let run = audit_file(dir.path(), "zip.csv", b"PK\x03\x04\x14\x00junk", &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        messages(&run, dir.path(), "zip.csv"),
        [
            "maaraika: error: FILE cannot be read as a workbook: it is damaged or not a \
             workbook; open it in Excel or LibreOffice and save it again as .xlsx, or export the \
             list as CSV"
        ]
    );
    let run = audit_file(dir.path(), "nul.csv", b"case_id\0,pending_date\n", &[]);
    assert_eq!(
        messages(&run, dir.path(), "nul.csv"),
        [
            "maaraika: error: FILE is not a text file (it has control characters), not CSV: \
             choose the CSV file exported from the client system, or save the list in Excel as \
             \"CSV UTF-8 (comma delimited)\""
        ]
    );
}

#[test]
fn utf16_and_utf32_files_are_named_as_they_are_with_or_without_a_byte_order_mark() {
    let dir = dir();
    let text = "Vireilletulopvm;Yksikkö\r\n1.1.2026;Itä\r\n";
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32le: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let utf32be: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_be_bytes())
        .collect();
    let with = |bom: &[u8], body: &[u8]| [bom, body].concat();
    for (content, what) in [
        (
            with(b"\xFF\xFE", &utf16le),
            "UTF-16 (Excel's \"Unicode text\")",
        ),
        (
            with(b"\xFE\xFF", &utf16be),
            "UTF-16 (Excel's \"Unicode text\")",
        ),
        (utf16le.clone(), "UTF-16 (Excel's \"Unicode text\")"),
        (utf16be.clone(), "UTF-16 (Excel's \"Unicode text\")"),
        (with(b"\xFF\xFE\0\0", &utf32le), "UTF-32"),
        (with(b"\0\0\xFE\xFF", &utf32be), "UTF-32"),
        (utf32le.clone(), "UTF-32"),
        (utf32be.clone(), "UTF-32"),
    ] {
        let run = audit_file(dir.path(), "wide.csv", &content, &[]);
        assert_eq!(run.code, 2, "{what}");
        assert!(run.stdout.is_empty());
        assert_eq!(
            messages(&run, dir.path(), "wide.csv"),
            [format!(
                "maaraika: error: FILE is saved as {what}, not CSV: in Excel choose Save As and \
                 \"CSV UTF-8 (comma delimited)\" or \"CSV\""
            )],
            "{content:x?}"
        );
    }
}

#[test]
fn junk_rows_under_a_good_header_are_reported_one_by_one() {
    let dir = dir();
    let mut content = b"case_id,pending_date,age\nA,2.11.2026,80\n".to_vec();
    content.extend(junk(7, 20_000));
    content.extend(b"\nZ,3.11.2026,80\n");
    let run = audit_file(dir.path(), "tail.csv", &content, &[]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let evaluated = ids(&run).len() as u64;
    let last = run.stderr.lines().last().unwrap();
    let invalid: u64 = last
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{last}"));
    assert!(
        last.ends_with(&format!("invalid (listed above), {evaluated} evaluated.")),
        "{last}"
    );
    assert!(invalid >= 1);
    assert_eq!(ids(&run).first().map(String::as_str), Some("A"));
}

#[test]
fn impossible_dates_and_dates_outside_the_calendar_name_the_column_and_the_fix() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "d.csv",
        b"case_id,pending_date,started_date,birth_date\n\
          A,31.2.2026,,\n\
          B,1.1.1900,,\n\
          C,2.11.2026,1.1.2300,\n\
          D,23.11.0026,,\n\
          E,2.11.2026,,30.2.1950\n\
          F,2.11.2026,,\n",
        &[],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["F"]);
    assert_eq!(
        messages(&run, dir.path(), "d.csv"),
        [
            "FILE line 2, column 2 (pending_date): `31.2.2026` is not a real date: February 2026 \
             has no day 31",
            "FILE line 3, column 2 (pending_date): 1.1.1900 is outside the years maaraika's \
             calendar covers (1955-2199): check the year",
            "FILE line 4, column 3 (started_date): 1.1.2300 is outside the years maaraika's \
             calendar covers (1955-2199): check the year",
            "FILE line 5, column 2 (pending_date): `23.11.0026` has the year 0026, which cannot \
             be right: check the year (dates from 1800 on are read)",
            "FILE line 6, column 4 (birth_date): `30.2.1950` is not a real date: February 1950 \
             has no day 30",
            "FILE: 5 rows invalid (listed above), 1 evaluated.",
        ]
    );
}

#[test]
fn invisible_characters_around_a_value_are_ignored_and_one_inside_is_named() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "bom.csv",
        "case_id,pending_date,urgent,age\n\
         A,\u{feff}2.11.2026,1,80\n\
         B,2.11.2026\u{200b},\u{feff}k\u{2060},\u{feff}80\n\
         C,2.11\u{feff}.2026,0,80\n\
         D,2.11.2026,1\u{200b}1,80\n"
            .as_bytes(),
        &[],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A", "B"]);
    assert_eq!(
        messages(&run, dir.path(), "bom.csv"),
        [
            "FILE line 4, column 2 (pending_date): `2.11<U+FEFF>.2026` is not a date: write it \
             as 23.11.2026 or 2026-11-23 (the cell holds an invisible character, shown as \
             <U+FEFF>: delete it or type the value again)",
            "FILE line 5, column 3 (urgent): `1<U+200B>1` is not yes or no: write 1/0, \
             kyllä/ei, ja/nej, k/e, x or leave it empty (the cell holds an invisible character, \
             shown as <U+200B>: delete it or type the value again)",
            "FILE: 2 rows invalid (listed above), 2 evaluated.",
        ]
    );
}

#[test]
fn an_as_of_date_outside_the_calendar_is_a_bad_argument() {
    let run = run(
        &["audit", "-", "--as-of", "1.1.2300"],
        Some(b"case_id,pending_date\nA,2.11.2026\n"),
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim_end(),
        "maaraika: error: invalid value '1.1.2300' for '--as-of <DATE>': 1.1.2300 is outside the \
         calendar maaraika covers, 1.1.1955 to 31.12.2199: check the year"
    );
}

#[test]
fn a_start_before_the_pending_date_and_a_completion_before_the_start_are_reported() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "o.csv",
        b"case_id,pending_date,started_date,completed_date,child_welfare,age\n\
          A,10.11.2026,5.11.2026,,1,10\n\
          B,2.11.2026,5.11.2026,4.11.2026,1,10\n\
          C,2.11.2026,,4.11.2026,1,10\n\
          D,2.11.2026,5.11.2026,6.11.2026,1,10\n",
        &[],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["D"]);
    assert_eq!(
        messages(&run, dir.path(), "o.csv"),
        [
            "FILE line 2, column 3 (started_date): the start date 5.11.2026 is before the \
             pending date 10.11.2026: check both dates",
            "FILE line 3, column 4 (completed_date): the completion date 4.11.2026 is before \
             the start date 5.11.2026: check both dates",
            "FILE line 4, column 4 (completed_date): there is a completion date but no start \
             date: add the date the assessment started",
            "FILE: 3 rows invalid (listed above), 1 evaluated.",
        ]
    );
}

#[test]
fn dates_after_the_as_of_date_are_warned_about_and_still_evaluated() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "f.csv",
        b"case_id,pending_date,started_date,age\n\
          A,30.11.2026,,80\n\
          B,2.11.2026,3.12.2026,80\n\
          C,2.11.2026,3.11.2026,80\n",
        &[],
    );
    assert_eq!(run.code, 0, "a warning does not change the exit code");
    assert_eq!(ids(&run), ["A", "B", "C"]);
    assert_eq!(
        messages(&run, dir.path(), "f.csv"),
        [
            "FILE line 2, column 2 (pending_date): warning: 30.11.2026 is after the as-of date \
             23.11.2026; the case is evaluated as recorded: check the date, or give the right \
             --as-of",
            "FILE line 3, column 3 (started_date): warning: 3.12.2026 is after the as-of date \
             23.11.2026; the case is evaluated as recorded: check the date, or give the right \
             --as-of",
        ]
    );
    // Pending 30.11 + 7 working days = 9.12, not started: due, with the note in the output.
    assert!(
        run.stdout
            .contains("2,A,,2026-11-30,over_75,2026-12-09,due,"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("is after the as-of date"));
}

#[test]
fn many_warnings_are_capped_with_a_count() {
    let mut content = String::from("case_id,pending_date\n");
    for i in 0..150 {
        content.push_str(&format!("K{i},1.12.2026\n"));
    }
    let run = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        Some(content.as_bytes()),
    );
    assert_eq!(run.code, 0);
    assert_eq!(ids(&run).len(), 150);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 101);
    assert_eq!(
        lines[100],
        "<stdin>: warning: 150 rows have a date after the as-of date 23.11.2026 (the first 100 \
         are listed above); all of them are evaluated"
    );
}

#[test]
fn with_an_errors_file_stderr_lists_the_first_100_invalid_rows_and_the_file_all_of_them() {
    let dir = dir();
    let errors = dir.path().join("errors.csv");
    let mut content = String::from("case_id,pending_date\nA,2.11.2026\n");
    for i in 0..250 {
        content.push_str(&format!("K{i},x\n"));
    }
    let run = audit_file(
        dir.path(),
        "many.csv",
        content.as_bytes(),
        &["--errors", errors.to_str().unwrap()],
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A"]);
    let lines = messages(&run, dir.path(), "many.csv");
    assert_eq!(lines.len(), 101, "{lines:?}");
    assert_eq!(
        lines[99],
        "FILE line 102, column 2 (pending_date): `x` is not a date: write it as 23.11.2026 or \
         2026-11-23"
    );
    assert_eq!(
        lines[100],
        format!(
            "FILE: 250 rows invalid (the first 100 listed above, all of them in {}), 1 \
             evaluated.",
            errors.display()
        )
    );
    let listed: Vec<String> = csv::Reader::from_path(&errors)
        .unwrap()
        .records()
        .map(|record| record.unwrap()[1].to_string())
        .collect();
    assert_eq!(
        listed,
        (3..253).map(|line| line.to_string()).collect::<Vec<_>>()
    );
    // Without --errors, stderr is the only list: every row is on it.
    let run = audit_file(dir.path(), "many.csv", content.as_bytes(), &[]);
    assert_eq!(run.stderr.lines().count(), 251);
}

#[test]
fn a_header_of_delimiters_is_not_a_case_list_and_a_row_of_them_is_reported() {
    let dir = dir();
    for header in [
        format!("pending_date{}\n", ";".repeat(16 * 1024 * 1024 - 100)),
        format!("pending_date{}\n", ",".repeat(20_000)),
    ] {
        let run = audit_file(
            dir.path(),
            "h.csv",
            format!("{header}1.1.2026\n").as_bytes(),
            &[],
        );
        assert_eq!(run.code, 2);
        assert!(run.stdout.is_empty());
        assert_eq!(
            messages(&run, dir.path(), "h.csv"),
            [
                "maaraika: error: the header row of FILE (line 1) has more than 16384 columns, \
                 more than an Excel sheet holds: this does not look like a case list; check that \
                 the file is the exported case list, or give the delimiter with --delimiter"
            ]
        );
    }
    let content = format!(
        "case_id,pending_date\nA,2.11.2026\nB,2.11.2026{}\nC,3.11.2026\n",
        ",".repeat(5 * 1024 * 1024)
    );
    let run = audit_file(dir.path(), "r.csv", content.as_bytes(), &[]);
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A", "C"]);
    assert_eq!(
        messages(&run, dir.path(), "r.csv")[0],
        "FILE line 3: has more than 16384 fields (more than an Excel sheet holds) but the header \
         has 2: check the delimiter, or export the list again"
    );
}

#[test]
fn summary_by_unit_of_a_column_with_over_1000_different_values_exits_2() {
    let mut content = String::from("case_id;unit;pending_date\n");
    for i in 0..1_000 {
        content.push_str(&format!("K{i};Unit {i};2.11.2026\n"));
    }
    let by_unit = [
        "summary", "-", "--as-of", AS_OF, "--by", "unit", "--format", "csv",
    ];
    let run_ok = run(&by_unit, Some(content.as_bytes()));
    assert_eq!(run_ok.code, 0, "{}", run_ok.stderr);
    assert_eq!(run_ok.stdout.lines().count(), 1 + 8 * 1_000);
    content.push_str("K1000;Unit 1000;x\n");
    let invalid = run(&by_unit, Some(content.as_bytes()));
    content.push_str("K1001;Unit 1001;2.11.2026\n");
    let evaluated = run(&by_unit, Some(content.as_bytes()));
    for (run, line) in [(invalid, 1_002), (evaluated, 1_003)] {
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stdout.is_empty());
        assert_eq!(
            run.stderr.lines().last().unwrap(),
            format!(
                "maaraika: error: <stdin> line {line}: the unit column (unit) has more than 1000 \
                 different values, which does not look like units or teams: check that it \
                 is the right column (or name it with --column unit=HEADER), or leave out --by \
                 unit"
            )
        );
    }
    // Without --by unit the same list is counted.
    let all = run(
        &["summary", "-", "--as-of", AS_OF, "--format", "csv"],
        Some(content.as_bytes()),
    );
    assert_eq!(all.code, 3, "{}", all.stderr);
}

#[test]
fn duplicate_case_ids_are_warned_about_and_both_rows_evaluated() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "dup.csv",
        b"case_id;pending_date;age\r\n\
          SH-1;2.11.2026;80\r\n\
          SH-2;3.11.2026;80\r\n\
          SH-1;4.11.2026;80\r\n\
          ;4.11.2026;80\r\n\
          ;4.11.2026;80\r\n\
          SH-1;31.2.2026;80\r\n",
        &[],
    );
    assert_eq!(run.code, 3, "the invalid row, not the duplicates");
    assert_eq!(ids(&run), ["SH-1", "SH-2", "SH-1", "", ""]);
    assert_eq!(
        messages(&run, dir.path(), "dup.csv"),
        [
            "FILE line 4: warning: the case id `SH-1` is also on line 2; both rows are \
             evaluated: check whether the case is listed twice",
            "FILE line 7: warning: the case id `SH-1` is also on line 2; both rows are \
             evaluated: check whether the case is listed twice",
            "FILE line 7, column 2 (pending_date): `31.2.2026` is not a real date: February \
             2026 has no day 31",
            "FILE: 1 row invalid (listed above), 5 evaluated.",
        ]
    );
    let clean = audit_file(
        dir.path(),
        "dup2.csv",
        b"case_id,pending_date\nA,2.11.2026\nA,2.11.2026\n",
        &[],
    );
    assert_eq!(clean.code, 0, "duplicates alone: exit 0");
}

#[test]
fn mixed_date_formats_in_one_column_are_all_read() {
    let dir = dir();
    let run = audit_file(
        dir.path(),
        "mix.csv",
        b"case_id,pending_date,age\n\
          A,2026-11-02,80\n\
          B,2.11.2026,80\n\
          C,02.11.2026,80\n\
          D,2026-11-02T09:15:00,80\n\
          E,2.11.2026 klo 9.15,80\n\
          F,2026-11-2,80\n",
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let pending: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[3].to_string())
        .collect();
    assert_eq!(pending, ["2026-11-02"; 6]);
}

#[test]
fn a_folder_and_a_missing_file_exit_2_with_what_to_do() {
    let dir = dir();
    let folder = dir.path().to_str().unwrap();
    let run1 = run(&["audit", folder, "--as-of", AS_OF], None);
    assert_eq!(run1.code, 2);
    assert_eq!(
        run1.stderr.trim_end(),
        format!(
            "maaraika: error: cannot open {folder}: it is a folder, not a file: give the CSV \
             file in it"
        )
    );
    let missing = dir.path().join("no-such.csv");
    let missing = missing.to_str().unwrap();
    let run2 = run(&["summary", missing, "--as-of", AS_OF], None);
    assert_eq!(run2.code, 2);
    assert_eq!(
        run2.stderr.trim_end(),
        format!(
            "maaraika: error: cannot open {missing}: file not found: check the file name and \
             folder"
        )
    );
}

const GOOD: &[u8] = b"case_id,pending_date,age\nA,2.11.2026,80\nB,20.11.2026,80\n";

#[test]
fn an_unwritable_output_exits_2_and_leaves_nothing_behind() {
    let dir = dir();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, GOOD).unwrap();
    let input = input.to_str().unwrap();
    // A path under a regular file cannot be created, even by root.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let target = blocker.join("audit.csv");
    let target = target.to_str().unwrap();
    for command in ["audit", "overdue", "summary"] {
        let run1 = run(
            &[command, input, "--as-of", AS_OF, "--output", target],
            None,
        );
        assert_eq!(run1.code, 2, "{command}");
        assert!(run1.stdout.is_empty());
        assert!(
            run1.stderr
                .starts_with(&format!("maaraika: error: cannot write {target}: ")),
            "{}",
            run1.stderr
        );
        let run2 = run(
            &[command, input, "--as-of", AS_OF, "--errors", target],
            None,
        );
        assert_eq!(run2.code, 2, "{command}");
    }
    let run3 = run(
        &[
            "audit",
            input,
            "--as-of",
            AS_OF,
            "--output",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run3.code, 2);
    assert!(run3.stderr.contains("it is a directory: give a file name"));
    let mut left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    left.sort();
    assert_eq!(left.len(), 2, "no temporary files: {left:?}");
}

#[test]
fn a_failed_run_keeps_the_previous_output_file_whole() {
    let dir = dir();
    let out = dir.path().join("audit.csv");
    std::fs::write(&out, "yesterday's audit\n").unwrap();
    let mut content = b"case_id,pending_date\nA,2.11.2026\nB,\"".to_vec();
    content.extend(vec![b'x'; 17 * 1024 * 1024]);
    let run = audit_file(
        dir.path(),
        "in.csv",
        &content,
        &["--output", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 2);
    assert!(run
        .stderr
        .contains("opens a quote (\") that is never closed"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "yesterday's audit\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn standard_input_is_read_and_named_in_messages() {
    let run = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        Some(b"case_id,pending_date\nA,2.11.2026\nB,31.2.2026\n"),
    );
    assert_eq!(run.code, 3);
    assert_eq!(ids(&run), ["A"]);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>(),
        [
            "<stdin> line 3, column 2 (pending_date): `31.2.2026` is not a real date: February \
             2026 has no day 31",
            "<stdin>: 1 row invalid (listed above), 1 evaluated.",
        ]
    );
    let empty = run_empty_stdin();
    assert_eq!(empty.code, 2);
    assert_eq!(
        empty.stderr.trim_end(),
        "maaraika: error: <stdin> is empty: export the case list again with a header row"
    );
}

fn run_empty_stdin() -> Run {
    run(&["overdue", "-", "--as-of", AS_OF], Some(b""))
}

fn big_list() -> Vec<u8> {
    let mut content = b"case_id,pending_date,age\n".to_vec();
    for i in 0..20_000 {
        content.extend(format!("K{i},2.11.2026,80\nbad{i},31.2.2026,80\n").as_bytes());
    }
    content
}

/// Runs `audit - --format csv` on a large list with stdout and/or stderr read only briefly.
fn closed_pipes(close_stdout: bool, close_stderr: bool) -> (Option<i32>, Vec<u8>) {
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("maaraika"))
        .args(["audit", "-", "--as-of", AS_OF, "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&big_list());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    // Both pipes are read at once, each on its own thread: a process may fill either first.
    let errors = std::thread::spawn(move || {
        let mut first = [0u8; 64];
        stderr.read_exact(&mut first).unwrap();
        let mut rest = Vec::new();
        if !close_stderr {
            stderr.read_to_end(&mut rest).unwrap();
        }
        rest
    });
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    if close_stdout {
        drop(stdout);
    } else {
        std::io::copy(&mut stdout, &mut std::io::sink()).unwrap();
    }
    let rest = errors.join().unwrap();
    let status = child.wait().unwrap();
    writer.join().unwrap();
    (status.code(), rest)
}

#[test]
fn a_closed_output_pipe_ends_quietly_and_a_closed_error_pipe_does_not_panic() {
    // `| head`: the reader of the output went away: quiet, exit 0.
    let (code, stderr) = closed_pipes(true, false);
    assert_eq!(code, Some(0));
    assert!(
        !String::from_utf8_lossy(&stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    // `2>&1 | head`: messages cannot be shown any more; the run still finishes (exit 3: some
    // rows invalid), without a panic (exit 101).
    let (code, _) = closed_pipes(false, true);
    assert_eq!(code, Some(3));
}

#[test]
fn every_command_help_has_examples() {
    for command in [
        &["calendar"][..],
        &["calendar", "add"],
        &["calendar", "count"],
        &["calendar", "is-working"],
        &["calendar", "holidays"],
        &["check"],
        &["audit"],
        &["overdue"],
        &["summary"],
        &[],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let run = run(&args, None);
        assert_eq!(run.code, 0, "{command:?}");
        let examples = run
            .stdout
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{command:?} has no examples: {}", run.stdout));
        let shown = format!("  maaraika {}", command.join(" "));
        assert!(
            examples
                .lines()
                .any(|line| line.starts_with(shown.trim_end())),
            "{command:?}: {examples}"
        );
    }
}

#[cfg(unix)]
#[test]
fn devices_are_written_to_not_replaced_and_a_full_disk_is_named() {
    use std::os::unix::fs::FileTypeExt;
    let dir = dir();
    let input = dir.path().join("in.csv");
    std::fs::write(&input, GOOD).unwrap();
    let input = input.to_str().unwrap();
    let is_device =
        |path: &str| std::fs::metadata(path).is_ok_and(|m| m.file_type().is_char_device());
    if !is_device("/dev/null") || !is_device("/dev/full") {
        return;
    }
    // As root a rename over /dev/null would succeed and leave a regular file there.
    let run1 = run(
        &["audit", input, "--as-of", AS_OF, "--output", "/dev/null"],
        None,
    );
    assert_eq!(run1.code, 0, "{}", run1.stderr);
    assert!(is_device("/dev/null"));
    let run2 = run(
        &["summary", input, "--as-of", AS_OF, "--output", "/dev/full"],
        None,
    );
    assert_eq!(run2.code, 2);
    assert!(is_device("/dev/full"));
    assert_eq!(
        run2.stderr.trim_end(),
        "maaraika: error: cannot write /dev/full: the disk is full: free some space or choose \
         another place for the file"
    );
    for format in ["csv", "json", "table"] {
        let out = Std::new(assert_cmd::cargo::cargo_bin("maaraika"))
            .args(["audit", input, "--as-of", AS_OF, "--format", format])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            common::without_not_started_notice(&String::from_utf8_lossy(&out.stderr)).trim_end(),
            "maaraika: error: cannot write the output: the disk is full: free some space or \
             choose another place for the file"
        );
    }
    // A symbolic link: the file it points to gets the output, the link stays a link.
    let real = dir.path().join("real.csv");
    std::fs::write(&real, "old\n").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let run3 = run(
        &[
            "audit",
            input,
            "--as-of",
            AS_OF,
            "--output",
            link.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(run3.code, 0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap().lines().count(), 3);
}

#[test]
fn escape_sequences_and_line_breaks_in_values_stay_out_of_the_terminal() {
    let input = b"case_id,pending_date\n\"\x1b[31mred\",2.11.2026\nB,\"1.1\n.2026\"\n";
    let run1 = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "table"],
        Some(input),
    );
    assert_eq!(run1.code, 3);
    assert!(!run1.stdout.contains('\x1b'), "{}", run1.stdout);
    assert!(run1.stdout.contains("?[31mred"), "{}", run1.stdout);
    assert_eq!(
        run1.stderr.lines().next().unwrap(),
        "<stdin> line 3, column 2 (pending_date): a quote (\") opened in this column on line 3 \
         closes only on line 4, so lines 3–4 (2 lines) were read as one row, and a line break \
         does not belong in pending_date: check the cell for a stray \", then export again"
    );
}

#[test]
fn a_5_mb_case_id_makes_a_short_table_cell() {
    let big = "x".repeat(5 * 1024 * 1024);
    let input = format!("case_id,unit,pending_date,age\n{big},{big},2.11.2026,80\n");
    let started = std::time::Instant::now();
    for args in [
        &["audit", "-", "--as-of", AS_OF, "--format", "table"][..],
        &[
            "summary", "-", "--as-of", AS_OF, "--format", "table", "--by", "unit",
        ],
    ] {
        let run = run(args, Some(input.as_bytes()));
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout.len() < 20_000,
            "{args:?}: {} bytes",
            run.stdout.len()
        );
        // Each of the two cells cut at 60 characters (and wrapped in its column).
        assert!(run.stdout.contains('…'), "{}", run.stdout);
        assert!(run.stdout.matches('x').count() <= 2 * 60, "{}", run.stdout);
    }
    // Laying out a 5 MB cell took minutes.
    assert!(started.elapsed().as_secs() < 60);
    let csv = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        Some(input.as_bytes()),
    );
    assert!(csv.stdout.contains(&big), "CSV keeps the whole value");
}
