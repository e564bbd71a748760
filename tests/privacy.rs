//! No personal identity code leaves the tool unless asked for: every command, every format and
//! every file it writes, over a case list with identity codes in every column (valid codes,
//! codes with typing errors, codes inside other text, and a file whose first row is data).
//! With `--show-hetu` the codes of the identity-code column do appear, and only there.

use std::path::Path;

mod common;

use chrono::NaiveDate;
use maaraika::hetu::{contains_hetu_like, Hetu};

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
