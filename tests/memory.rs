//! Peak memory (max RSS) of whole runs over a million rows: each stays within 64 MB, however
//! the rows are damaged (README, "Performance" and "Damaged input"). Measured with GNU time
//! (`/usr/bin/time`, Debian's `time` package), which CI installs: ignored by a plain
//! `cargo test` (the runs take minutes in a debug build), and failing when GNU time is missing.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use common::crafted;

/// The promise: 64 MB.
const LIMIT_KB: u64 = 64 * 1024;
const ROWS: usize = 1_000_000;
const AS_OF: &str = "23.11.2026";

/// A folder for the generated lists, kept for the whole test run.
fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

/// A million generated cases (the `generate` example's lists), written once.
fn generated() -> &'static str {
    static LIST: OnceLock<String> = OnceLock::new();
    LIST.get_or_init(|| {
        let list = crate::common::generated_cases(ROWS as u64, 1, Default::default());
        String::from_utf8(list).unwrap()
    })
}

/// The generated list with `change` applied to the fields of every row, written to `name`.
fn list(name: &str, change: impl Fn(usize, &mut Vec<String>)) -> PathBuf {
    let mut lines = generated().lines();
    let mut text = String::with_capacity(generated().len() + ROWS * 8);
    text.push_str(lines.next().unwrap());
    text.push('\n');
    for (i, line) in lines.enumerate() {
        let mut fields: Vec<String> = line.split(',').map(str::to_owned).collect();
        change(i, &mut fields);
        text.push_str(&fields.join(","));
        text.push('\n');
    }
    let path = folder().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs maaraika with `args` under GNU time, output to /dev/null: the exit code and the peak
/// memory in KB.
fn peak_kb(args: &[&str]) -> (i32, u64) {
    let time = Path::new("/usr/bin/time");
    assert!(
        time.exists(),
        "GNU time is needed to measure memory: apt-get install time"
    );
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let report = folder().join(format!("time-{run}.txt"));
    let status = Command::new(time)
        .args(["-f", "%M", "-o"])
        .arg(&report)
        .arg(env!("CARGO_BIN_EXE_maaraika"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    let text = std::fs::read_to_string(&report).unwrap();
    let kb = text
        .lines()
        .last()
        .and_then(|line| line.trim().parse().ok())
        .unwrap_or_else(|| panic!("no figure from GNU time: {text}"));
    (status.code().unwrap_or(-1), kb)
}

fn within_limit(args: &[&str], code: i32) {
    let (exit, kb) = peak_kb(args);
    eprintln!("{} {}: {kb} KB", args[0], args[2..].join(" "));
    assert_eq!(exit, code, "{args:?}");
    assert!(
        kb <= LIMIT_KB,
        "{args:?}: {kb} KB at its peak, over {LIMIT_KB}"
    );
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn an_audit_of_a_million_rows_stays_within_64_mb_in_every_format() {
    let path = list("cases.csv", |_, _| {});
    let path = path.to_str().unwrap();
    for format in ["csv", "json", "table"] {
        within_limit(&["audit", path, "--as-of", AS_OF, "--format", format], 0);
    }
    within_limit(&["summary", path, "--as-of", AS_OF, "--by", "unit"], 0);
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn a_million_invalid_rows_with_an_errors_file_stay_within_64_mb() {
    let path = list("invalid.csv", |_, fields| fields[2] = "x".into());
    let errors = folder().join("errors.csv");
    within_limit(
        &[
            "audit",
            path.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--errors",
            errors.to_str().unwrap(),
        ],
        3,
    );
    let listed = std::fs::read_to_string(&errors).unwrap().lines().count();
    assert_eq!(listed, ROWS + 1, "every invalid row, and the header");
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn summary_by_unit_of_a_million_different_units_ends_within_64_mb() {
    let path = list("units.csv", |i, fields| fields[1] = format!("Unit {i}"));
    let path = path.to_str().unwrap();
    within_limit(&["summary", path, "--as-of", AS_OF, "--by", "unit"], 2);
    // Up to the limit of 1,000 units, in every format.
    let path = list("units1000.csv", |i, fields| {
        fields[1] = format!("Unit {}", i % 1000)
    });
    let path = path.to_str().unwrap();
    for format in ["csv", "json", "table"] {
        let args = [
            "summary", path, "--as-of", AS_OF, "--by", "unit", "--format", format,
        ];
        within_limit(&args, 0);
    }
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn a_16_mb_header_of_delimiters_ends_within_64_mb() {
    for delimiter in [";", ",", "\t"] {
        let path = folder().join("header.csv");
        let header = delimiter.repeat(16 * 1024 * 1024 - 100);
        std::fs::write(&path, format!("pending_date{header}\n1.1.2026\n")).unwrap();
        within_limit(&["audit", path.to_str().unwrap(), "--as-of", AS_OF], 2);
    }
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn a_workbook_of_200000_cases_is_written_within_64_mb_and_leaves_no_temporary_file() {
    const CASES: usize = 200_000;
    let text: String = generated()
        .lines()
        .take(CASES + 1)
        .flat_map(|line| [line, "\n"])
        .collect();
    let path = folder().join("cases200k.csv");
    std::fs::write(&path, text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let workbook = out.path().join("audit.xlsx");
    let args = [
        "audit",
        path.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "--output",
        workbook.to_str().unwrap(),
    ];
    within_limit(&args, 0);
    let bytes = std::fs::read(&workbook).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a workbook was written");
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["audit.xlsx"],
        "only the workbook is left in its folder"
    );
}

#[test]
#[ignore = "memory measurement, run by CI"]
fn overdue_lists_a_million_overdue_cases_with_long_ids_within_64_mb() {
    // Every case overdue: a person of 90, no start, pending in 2025 or earlier; ids of 55
    // characters. Holding the listed cases to sort them took 255 MB.
    let path = list("overdue.csv", |_, fields| {
        fields[0] = format!(
            "ASIAKASPROSESSI-SOSIAALIHUOLTO-2026-{}-ARVIOINTI",
            fields[0]
        );
        fields[2] = fields[2].replace("2026-", "2025-");
        fields[3] = "1935-05-05".into();
        fields[6] = "0".into();
        fields[8] = String::new();
        fields[9] = String::new();
    });
    let path = path.to_str().unwrap();
    // To standard output (the sorted cases kept in a file in $TMPDIR), and to a file (kept
    // in its folder).
    within_limit(&["overdue", path, "--as-of", AS_OF], 0);
    let out = tempfile::tempdir().unwrap();
    let listed = out.path().join("overdue-list.csv");
    let args = [
        "overdue",
        path,
        "--as-of",
        AS_OF,
        "--output",
        listed.to_str().unwrap(),
    ];
    within_limit(&args, 0);
    let text = std::fs::read_to_string(&listed).unwrap();
    assert_eq!(text.lines().count(), ROWS + 1, "every case, and the header");
    let left: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(
        left,
        ["overdue-list.csv"],
        "only the list is left in its folder"
    );
}

/// Every class of crafted workbook (issue 20; the files are `tests/common/crafted.rs`'s and
/// `tests/data`'s): read or refused within 64 MB, and in seconds (the release binary takes
/// under 2 s for each: README, "Damaged input"). Before, these took 262 MB to 5.7 GB.
#[test]
#[ignore = "memory measurement, run by CI"]
fn each_crafted_workbook_is_read_or_refused_within_64_mb() {
    let data = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data")
                .join(name),
        )
        .unwrap()
    };
    let classes: Vec<(&str, Vec<u8>, &[i32])> = vec![
        ("jump.xlsx", crafted::row_jump(), &[0]),
        ("wide-merge.xlsx", crafted::wide_merge(100_000), &[2]),
        ("comment.xlsx", crafted::merge_in_comment(300_000), &[0]),
        ("merges.xlsx", crafted::many_merges(150_000), &[0]),
        ("string.xlsx", crafted::huge_shared_string(256 << 20), &[2]),
        (
            "repeats.ods",
            crafted::ods_repeats(1_000_000_000, 16_384),
            &[2],
        ),
        ("record.xlsb", crafted::xlsb_huge_record(), &[2]),
        ("abort.xls", data("abort.xls"), &[2]),
        ("panic.xlsb", data("panic.xlsb"), &[2]),
    ];
    for (name, bytes, codes) in classes {
        let path = folder().join(name);
        std::fs::write(&path, bytes).unwrap();
        let started = std::time::Instant::now();
        let (exit, kb) = peak_kb(&["audit", path.to_str().unwrap(), "--as-of", AS_OF]);
        let took = started.elapsed();
        eprintln!("{name}: exit {exit}, {kb} KB, {took:?}");
        assert!(codes.contains(&exit), "{name}: exit {exit}");
        assert!(
            kb <= LIMIT_KB,
            "{name}: {kb} KB at its peak, over {LIMIT_KB}"
        );
        // A debug build on a shared machine: generous; the point is seconds, not minutes.
        assert!(
            took < std::time::Duration::from_secs(30),
            "{name}: {took:?}"
        );
    }
}
