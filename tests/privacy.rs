//! No personal identity code leaves the tool unless asked for: every command, every format and
//! every file it writes, over a case list with identity codes in every column (valid codes,
//! codes with typing errors, codes inside other text, and a file whose first row is data).
//! With `--show-hetu` the codes of the identity-code column do appear, and only there.

use std::path::Path;

use crate::common;

use chrono::NaiveDate;
use maaraika::hetu::Hetu;
use maaraika::text::contains_hetu_like;

const AS_OF: &str = "23.11.2026";

/// Valid codes of people born between 1930 and 2024, from the library's own formatter.
fn codes(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let birth = NaiveDate::from_ymd_opt(
                1930 + (i as i32 * 7) % 95,
                1 + (i as u32 % 12),
                1 + (i as u32 * 5) % 28,
            )
            .unwrap();
            let signs = maaraika::hetu::century_signs(chrono::Datelike::year(&birth));
            let sign = signs[i % signs.len()];
            Hetu::format_code(birth, (i as u16 * 37 + 2) % 1000, sign).unwrap()
        })
        .collect()
}

/// Every code that may appear in the file, as written there.
struct Fixture {
    dir: tempfile::TempDir,
    codes: Vec<String>,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let codes = codes(40);
        let c = |i: usize| codes[i % codes.len()].clone();
        let mut file = String::from(
            "case_id;unit;pending_date;hetu;birth_date;age;urgent;child_welfare;started_date;\
             completed_date;Huomiot\n",
        );
        let mut row = |fields: [String; 11]| {
            file.push_str(&fields.join(";"));
            file.push('\n');
        };
        for i in 0..10 {
            // Valid rows: the code in the hetu column and, as free text, in case id and unit.
            row([
                c(i),
                format!("Tiimi {}", c(i + 1)),
                "2.11.2026".into(),
                c(i),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                c(i + 2),
            ]);
        }
        for i in 10..20 {
            // Codes where other values belong: every column reports or ignores them.
            let bad = c(i);
            row([
                format!("x{bad}"),
                bad.to_lowercase(),
                if i == 10 {
                    bad.clone()
                } else {
                    "2.11.2026".into()
                },
                if i == 11 {
                    format!("{}X", &bad[..10])
                } else {
                    String::new()
                },
                if i == 12 { bad.clone() } else { String::new() },
                if i == 13 { bad.clone() } else { String::new() },
                if i == 14 {
                    format!("kyllä {bad}")
                } else {
                    String::new()
                },
                if i == 15 { bad.clone() } else { String::new() },
                if i == 16 {
                    format!("2.11.2026 {bad}")
                } else {
                    String::new()
                },
                if i == 17 { bad.clone() } else { String::new() },
                bad.clone(),
            ]);
        }
        // A code with a wrong check character, and one with an impossible date.
        row([
            "K-1".into(),
            "U".into(),
            "2.11.2026".into(),
            "010594Y9033".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        row([
            "K-2".into(),
            "U".into(),
            "2.11.2026".into(),
            "310294-123X".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
        // A duplicate and a short row, both with codes.
        file.push_str(&format!("{};U;1.12.2026\n", c(3)));
        std::fs::write(dir.path().join("cases.csv"), file).unwrap();
        // A file without a header row: its first line (taken for headers) is a client's data.
        std::fs::write(
            dir.path().join("noheader.csv"),
            format!("{};2.11.2026;{}\n{};3.11.2026;x\n", c(0), c(1), c(2)),
        )
        .unwrap();
        let mut all = codes.clone();
        all.extend(["010594Y9033".into(), "310294-123X".into()]);
        let lower: Vec<String> = all.iter().map(|code| code.to_lowercase()).collect();
        all.extend(lower);
        Fixture { dir, codes: all }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_str().unwrap().to_string()
    }

    /// Runs maaraika; returns the exit code and everything it showed or wrote, as text.
    fn run(&self, args: &[&str]) -> (i32, String) {
        for name in ["out.csv", "errors.csv"] {
            let _ = std::fs::remove_file(self.dir.path().join(name));
        }
        let (code, stdout, stderr) = common::run(args, b"");
        let mut seen = stdout;
        seen.push_str(&stderr);
        for name in ["out.csv", "errors.csv"] {
            if let Ok(bytes) = std::fs::read(self.dir.path().join(name)) {
                seen.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        assert!(!seen.contains("panicked"), "{args:?}: {seen}");
        (code, seen)
    }

    fn assert_no_code(&self, args: &[&str]) -> String {
        let (code, seen) = self.run(args);
        assert!(matches!(code, 0..=3), "{args:?}: exit {code}: {seen}");
        for hetu in &self.codes {
            assert!(
                !seen.contains(hetu.as_str()),
                "{args:?} shows {hetu}:\n{seen}"
            );
        }
        for line in seen.lines() {
            assert!(!contains_hetu_like(line), "{args:?}: {line}");
        }
        seen
    }
}

#[test]
fn no_command_shows_an_identity_code_unless_asked() {
    let f = Fixture::new();
    let cases = f.path("cases.csv");
    let out = f.path("out.csv");
    let errors = f.path("errors.csv");
    let list: &[&str] = &["--as-of", AS_OF, "--output", &out, "--errors", &errors];
    for command in ["audit", "overdue", "summary"] {
        for extra in [
            &["--format", "csv"][..],
            &["--format", "json"],
            &["--format", "table"],
            &["--excel", "--lang", "fi"],
            &["--format", "table", "--lang", "fi"],
        ] {
            let mut args = vec![command, cases.as_str()];
            args.extend_from_slice(list);
            args.extend_from_slice(extra);
            if command == "summary" {
                args.extend(["--by", "unit"]);
            }
            if command == "overdue" {
                args.extend(["--due-within", "30"]);
            }
            f.assert_no_code(&args);
            // The same to standard output, and with --strict.
            let mut args = vec![command, cases.as_str(), "--as-of", AS_OF, "--strict"];
            args.extend_from_slice(extra);
            f.assert_no_code(&args);
        }
        f.assert_no_code(&[command, &f.path("noheader.csv"), "--as-of", AS_OF]);
        f.assert_no_code(&[command, &cases, "--as-of", AS_OF, "--delimiter", ","]);
    }
    let seen = f.assert_no_code(&["audit", &cases, "--as-of", AS_OF, "--format", "csv"]);
    assert!(seen.contains("[henkilötunnus]"), "{seen}");
}

#[test]
fn the_check_and_calendar_commands_do_not_repeat_a_code_given_to_them() {
    let f = Fixture::new();
    let code = f.codes[5].clone();
    for args in [
        vec![
            "check",
            "--pending",
            "2.11.2026",
            "--hetu",
            &code,
            "--as-of",
            AS_OF,
        ],
        vec![
            "check",
            "--pending",
            "2.11.2026",
            "--hetu",
            &code,
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        vec!["check", "--pending", "2.11.2026", "--hetu", "010594Y9033"],
        vec!["check", "--pending", &code],
        vec!["check", "--pending", "2.11.2026", "--age", &code],
        vec!["check", "--pending", "2.11.2026", "--birth-date", &code],
        vec!["check", "--pending", "2.11.2026", &code],
        vec!["calendar", "add", &code, "7"],
        vec!["calendar", "is-working", &code],
        vec!["calendar", "holidays", &code],
        vec!["audit", &code],
        vec!["audit", "-", "--column", &format!("pending_date={code}")],
        vec!["audit", "-", "--as-of", &code],
    ] {
        let (_, seen) = f.run(&args);
        assert!(!seen.contains(code.as_str()), "{args:?}: {seen}");
        assert!(!seen.contains("010594Y9033"), "{args:?}: {seen}");
    }
}

#[test]
fn show_hetu_shows_the_codes_of_the_identity_code_column() {
    let f = Fixture::new();
    let (code, seen) = f.run(&[
        "audit",
        &f.path("cases.csv"),
        "--as-of",
        AS_OF,
        "--format",
        "csv",
        "--show-hetu",
    ]);
    assert_eq!(code, 3);
    for hetu in &f.codes[..10] {
        assert!(seen.contains(hetu.as_str()), "{hetu}");
    }
}

#[test]
fn the_errors_file_holds_no_code_even_with_show_hetu_in_its_messages() {
    let f = Fixture::new();
    let errors = f.path("errors.csv");
    let (_, _) = f.run(&[
        "audit",
        &f.path("cases.csv"),
        "--as-of",
        AS_OF,
        "--errors",
        &errors,
        "--show-hetu",
    ]);
    let written = std::fs::read_to_string(Path::new(&errors)).unwrap();
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        let problem = &record[4];
        assert!(!contains_hetu_like(problem), "{problem}");
    }
}

/// Every command in every format over `cases` (with `--output` and `--errors` files in `dir`),
/// and `extra` arguments: what each run wrote to stdout, stderr and each file, by name.
fn every_output(dir: &Path, cases: &str, extra: &[&str]) -> Vec<(String, String)> {
    let out = dir.join("every-out.csv");
    let errors = dir.join("every-errors.csv");
    let mut seen = Vec::new();
    for command in ["audit", "overdue", "summary", "thl"] {
        for format in [
            &["--format", "csv"][..],
            &["--format", "json"],
            &["--format", "table"],
            &["--excel", "--lang", "fi"],
            &["--excel", "--lang", "en"],
        ] {
            for to_file in [false, true] {
                let _ = std::fs::remove_file(&out);
                let _ = std::fs::remove_file(&errors);
                let mut args = vec![command, cases, "--as-of", AS_OF];
                args.extend_from_slice(format);
                args.extend_from_slice(extra);
                if to_file {
                    args.extend([
                        "--output",
                        out.to_str().unwrap(),
                        "--errors",
                        errors.to_str().unwrap(),
                    ]);
                }
                match command {
                    "summary" => args.extend(["--by", "unit"]),
                    "thl" => args.extend(["--by", "unit", "--period", "1.1.2026..31.12.2026"]),
                    "overdue" => args.extend(["--due-within", "60"]),
                    _ => {}
                }
                let (code, stdout, stderr) = common::run(&args, b"");
                let label = args.join(" ");
                assert!(matches!(code, 0 | 3), "{label}: exit {code}: {stderr}");
                seen.push((format!("{label}: stdout"), stdout));
                seen.push((format!("{label}: stderr"), stderr));
                for file in [&out, &errors] {
                    if let Ok(bytes) = std::fs::read(file) {
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        seen.push((format!("{label}: {}", file.display()), text));
                    }
                }
            }
        }
    }
    seen
}

/// The runs of 7 characters of `code` (in either case) found in `text`.
fn parts_of_code_in(text: &str, code: &str) -> Vec<String> {
    let text = text.to_uppercase();
    let chars: Vec<char> = code.to_uppercase().chars().collect();
    chars
        .windows(7)
        .map(|part| part.iter().collect::<String>())
        .filter(|part| text.contains(part.as_str()))
        .collect()
}

/// Real codes next to text shaped like a code, in every free-text column and in columns that
/// quote their value in messages.
#[test]
fn no_seven_characters_of_a_real_code_survive_next_to_code_shaped_text() {
    let dir = tempfile::tempdir().unwrap();
    let real = codes(12);
    // Each real code with something code-shaped run into it, in front or behind.
    let written = [
        "231126-1010594Y9032".to_string(),
        "010594Y903020516C903K".to_string(),
        format!("231126-10{}", real[0]),
        format!("{}{}", real[1], real[2]),
        format!("x{}020516C903K y", real[3]),
        format!("101010-1{}", real[4].to_lowercase()),
        format!("{}-9999{}", &real[5][..6], real[5]),
        format!("Matti 111111A11{}", real[6]),
        format!("{}{}", real[7], &real[8][..9]),
        format!("311299-99{}0", real[9]),
    ];
    let mut file = String::from("case_id;unit;pending_date;age;started_date\n");
    for (i, text) in written.iter().enumerate() {
        file.push_str(&format!("{text};{text};2.11.2026;80;\n"));
        // The same text where a date belongs, so that a message quotes it.
        file.push_str(&format!("K-{i};U;2.11.2026;80;{text}\n"));
    }
    let cases = dir.path().join("cases.csv");
    std::fs::write(&cases, &file).unwrap();
    let mut all_codes = real.clone();
    all_codes.extend(["010594Y9032".to_string(), "020516C903K".to_string()]);
    // The codes written whole (the one cut short after another code is not one).
    all_codes.retain(|code| file.to_uppercase().contains(code.as_str()));
    assert_eq!(all_codes.len(), 11);
    for extra in [&[][..], &["--show-hetu"]] {
        for (label, text) in every_output(dir.path(), cases.to_str().unwrap(), extra) {
            // With --show-hetu the audit shows case ids and units as written; messages and the
            // errors file never show a code.
            let must_hide = extra.is_empty()
                || label.ends_with("stderr")
                || label.ends_with("every-errors.csv");
            if !must_hide {
                continue;
            }
            for code in &all_codes {
                let parts = parts_of_code_in(&text, code);
                assert!(
                    parts.is_empty(),
                    "{label}: {} runs of 7 characters of a code survive",
                    parts.len()
                );
            }
        }
    }
}

/// Characters that show nothing, or that a terminal acts on, and a combining accent, put inside
/// codes.
const HIDING: [&str; 13] = [
    "\u{301}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{ad}",
    "\u{2060}",
    "\u{feff}",
    "\u{0}",
    "\u{1b}[31m",
    "\u{1b}[0m",
    "\u{202e}",
    "\u{7f}",
    "\u{9b}1m",
];

#[test]
fn a_code_with_an_invisible_or_control_character_inside_is_still_redacted() {
    let dir = tempfile::tempdir().unwrap();
    let real = codes(HIDING.len());
    let mut file = String::from("case_id;unit;pending_date;age;started_date\n");
    let mut hidden_codes = Vec::new();
    for (i, (code, hiding)) in real.iter().zip(HIDING).enumerate() {
        let at = 1 + i % 10;
        let hidden = format!("{}{hiding}{}", &code[..at], &code[at..]);
        // Twice inside a code: the other place too.
        let twice = format!("{}{hiding}{}", &code[..at / 2 + 1], &hidden[at / 2 + 1..]);
        file.push_str(&format!("{hidden};Tiimi {twice};2.11.2026;80;\n"));
        file.push_str(&format!("K-{i};U;2.11.2026;80;{hidden}\n"));
        hidden_codes.push(hidden);
    }
    let cases = dir.path().join("cases.csv");
    std::fs::write(&cases, file).unwrap();
    for (label, text) in every_output(dir.path(), cases.to_str().unwrap(), &[]) {
        // What the hidden characters may have become, taken out again.
        let mut bare = text.replace('?', "");
        for hiding in HIDING {
            bare = bare.replace(hiding, "");
            bare = bare.replace(&hiding.chars().skip(1).collect::<String>(), "");
        }
        for code in &real {
            let parts = parts_of_code_in(&bare, code);
            assert!(
                parts.is_empty(),
                "{label}: {} runs of 7 characters of a code survive",
                parts.len()
            );
        }
    }
    // A code with a hidden character given on the command line (where a NUL cannot be).
    for hidden in hidden_codes.iter().filter(|code| !code.contains('\0')) {
        for args in [
            vec!["check", "--pending", hidden.as_str()],
            vec!["check", "--pending", "2.11.2026", "--hetu", hidden],
            vec!["calendar", "is-working", hidden],
        ] {
            let (_, stdout, stderr) = common::run(&args, b"");
            let bare = format!("{stdout}{stderr}").replace('?', "");
            for code in &real {
                assert!(parts_of_code_in(&bare, code).is_empty(), "{args:?}");
            }
        }
    }
}

/// A control character, an escape sequence or an invisible character, as a person reading the
/// output could not see it (or a terminal would act on it).
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
}

#[test]
fn no_control_or_invisible_character_of_the_input_reaches_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let dirty = [
        "A\u{0}1",
        "\u{1b}[31mred\u{1b}[0m",
        "\u{1b}]0;title\u{7}",
        "bell\u{7}",
        "C1\u{9b}2J\u{85}",
        "del\u{7f}",
        "bidi\u{202e}kcab\u{202c}",
        "iso\u{2066}late\u{2069}",
        "zero\u{200b}width\u{200d}",
        "soft\u{ad}hyphen",
        "b\u{feff}om",
        "tab\there",
        "back\u{8}space",
    ];
    let mut file = String::from("case_id;unit;pending_date;age;child_welfare\n");
    for (i, text) in dirty.iter().enumerate() {
        file.push_str(&format!("{text};{text};2.11.2026;80;\n"));
        // And in a column that is quoted in a message.
        file.push_str(&format!("K-{i};U;2.11.2026;80;{text}\n"));
    }
    // A line break inside a quoted case id and unit.
    file.push_str("\"two\nlines\";\"Koti\r\nhoito\";2.11.2026;80;\n");
    let cases = dir.path().join("cases.csv");
    std::fs::write(&cases, file).unwrap();
    for extra in [&[][..], &["--show-hetu"]] {
        for (label, text) in every_output(dir.path(), cases.to_str().unwrap(), extra) {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            if text.is_empty() {
                continue;
            }
            if label.contains("--format json") && label.ends_with("stdout")
                || label.contains("--format json") && label.ends_with("every-out.csv")
            {
                let json: serde_json::Value =
                    serde_json::from_str(text).unwrap_or_else(|e| panic!("{label}: not JSON: {e}"));
                assert!(!format!("{json}").contains("\\u"), "{label}: {json}");
                continue;
            }
            let csv = label.contains("csv") && !label.ends_with("stderr")
                || label.ends_with("every-errors.csv");
            if csv && !label.contains("--format table") || label.ends_with("every-errors.csv") {
                let delimiter = if text.starts_with("line;") || text.starts_with("unit;") {
                    b';'
                } else {
                    b','
                };
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.as_bytes());
                for record in reader.records() {
                    let record = record.unwrap();
                    for field in record.iter() {
                        assert!(
                            !field.chars().any(is_hidden),
                            "{label}: a field holds a hidden character: {field:?}"
                        );
                    }
                }
                continue;
            }
            for line in text.lines() {
                assert!(
                    !line.chars().any(is_hidden),
                    "{label}: a line holds a hidden character: {line:?}"
                );
            }
        }
    }
}

#[test]
fn messages_and_the_errors_file_never_show_a_code_even_with_show_hetu() {
    let dir = tempfile::tempdir().unwrap();
    let real = codes(4);
    // Long case ids ending in a code, each on two rows: the repeated-id warning quotes them.
    let long = |code: &str| format!("{}{code}", "x".repeat(33));
    let mut file = String::from("case_id;unit;pending_date;age\n");
    for code in &real {
        file.push_str(&format!("{};U;2.11.2026;80\n", long(code)));
        file.push_str(&format!("{};U;2.11.2026;80\n", long(code)));
        // Invalid rows with a code in the case id: the errors file lists their case ids.
        file.push_str(&format!("{code};U;2.11.2026;800\n"));
        file.push_str(&format!("{};U;31.2.2026;80\n", long(code)));
        // The same with a zero-width space inside the code.
        let hidden = format!("{}\u{200b}{}", &code[..4], &code[4..]);
        file.push_str(&format!("{};U;2.11.2026;80\n", long(&hidden)));
        file.push_str(&format!("{};U;2.11.2026;80\n", long(&hidden)));
        file.push_str(&format!("{hidden};U;2.11.2026;800\n"));
    }
    let cases = dir.path().join("cases.csv");
    std::fs::write(&cases, file).unwrap();
    let errors = dir.path().join("errors.csv");
    for command in ["audit", "overdue", "summary"] {
        let _ = std::fs::remove_file(&errors);
        let (code, stdout, stderr) = common::run(
            &[
                command,
                cases.to_str().unwrap(),
                "--as-of",
                AS_OF,
                "--show-hetu",
                "--errors",
                errors.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(code, 3, "{stderr}");
        assert!(
            stderr.contains("also on line"),
            "the repeated ids are warned about"
        );
        let errors_file = std::fs::read_to_string(&errors).unwrap();
        assert_eq!(errors_file.lines().count(), 1 + 3 * real.len());
        for hetu in &real {
            for (what, text) in [("stderr", &stderr), ("the errors file", &errors_file)] {
                let parts = parts_of_code_in(&text.replace('?', ""), hetu);
                assert!(parts.is_empty(), "{command}: {what} shows part of a code");
            }
            if command == "audit" {
                assert!(
                    stdout.contains(hetu.as_str()),
                    "--show-hetu shows the case ids as written"
                );
            }
        }
    }
}

#[test]
fn no_control_character_from_the_command_line_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("cases.csv");
    std::fs::write(&cases, "case_id,pending_date\nA,2.11.2026\n").unwrap();
    let cases = cases.to_str().unwrap();
    let escape = "\u{1b}[31mred\u{1b}]0;title\u{7}\u{202e}x\u{200b}";
    let missing = format!("/nonexistent/{escape}.csv");
    let column = format!("pending_date={escape}");
    for args in [
        vec!["audit", cases, "--bogus", escape],
        vec!["audit", cases, "--as-of", escape],
        vec!["audit", &missing],
        vec!["audit", cases, "--column", &column],
        vec!["audit", cases, "--delimiter", escape],
        vec!["check", "--pending", escape],
        vec!["calendar", "add", escape, "7"],
        vec![escape],
    ] {
        let (code, stdout, stderr) = common::run(&args, b"");
        assert_eq!(code, 2, "{args:?}: {stderr}");
        for line in stdout.lines().chain(stderr.lines()) {
            assert!(
                !line.chars().any(is_hidden),
                "{args:?}: a line holds a hidden character: {line:?}"
            );
        }
    }
}

/// A case list named after people (its folder and its file each after a valid code from
/// DOMAIN.md) written as a workbook by every command: no part of the workbook (its properties
/// `docProps/core.xml` and `custom.xml`, the sheets, their names) and no message holds the code
/// or any 7 characters of it.
#[test]
fn no_identity_code_in_the_case_lists_name_reaches_a_workbook_or_a_message() {
    use std::io::Read;
    let codes = ["010594Y9032", "020516C903K"];
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join(format!("asiakas {}", codes[0]));
    std::fs::create_dir(&folder).unwrap();
    let input = folder.join(format!("{}_hakemukset.csv", codes[1]));
    let mut cases = std::fs::read_to_string("samples/cases.csv").unwrap();
    // An invalid row, so that a message names the file.
    cases.push_str("SH-2026-BAD,Kotihoito Itä,31.2.2026,,,0,0,0,0,0,,\n");
    std::fs::write(&input, cases).unwrap();
    let input = input.to_str().unwrap();
    let out = dir.path().join("out.xlsx");
    for command in ["audit", "overdue", "summary", "thl"] {
        let _ = std::fs::remove_file(&out);
        let mut args = vec![command, input, "--as-of", AS_OF, "--format", "xlsx"];
        args.extend(["--output", out.to_str().unwrap()]);
        match command {
            "summary" => args.extend(["--by", "unit"]),
            "thl" => args.extend(["--by", "unit", "--period", "1.1.2026..31.12.2026"]),
            "overdue" => args.extend(["--due-within", "60"]),
            _ => {}
        }
        let (code, stdout, stderr) = common::run(&args, b"");
        assert_eq!(code, 3, "{command}: the invalid row: {stderr}");
        assert!(stderr.contains("_hakemukset.csv"), "{command}: {stderr}");
        let mut seen = vec![
            ("stdout".to_string(), stdout),
            ("stderr".to_string(), stderr),
        ];
        let file = std::fs::File::open(&out).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut properties = 0;
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            let name = part.name().unwrap().to_string();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if name == "docProps/core.xml" || name == "docProps/custom.xml" {
                // Redacted, not left out: the file read is still named.
                assert!(text.contains("hakemukset.csv"), "{command}: {name}: {text}");
                properties += 1;
            }
            seen.push((format!("the name of part {name}"), name.clone()));
            seen.push((format!("part {name}"), text));
        }
        assert_eq!(
            properties, 2,
            "{command}: core.xml and custom.xml are there"
        );
        for (what, text) in &seen {
            for code in codes {
                let parts = parts_of_code_in(text, code);
                assert!(
                    parts.is_empty(),
                    "{command}: {what} holds {parts:?} of {code}"
                );
            }
        }
    }
}
