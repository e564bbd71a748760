//! `examples/library_audit.rs`, a front end made of the library alone, counts what the command
//! line shows: the library hands back everything the CLI prints.

use crate::common;

use std::path::PathBuf;
use std::process::Command;

/// The example, built once per run by the cargo that runs the tests (a no-op after a whole
/// `cargo test`, which builds the examples; needed with `--test tests library_example::` alone, and so
/// that the binary tested is never an older build), from `target/…/examples/`, beside the `deps`
/// folder this test runs from.
fn example() -> Command {
    static BUILT: std::sync::OnceLock<()> = std::sync::OnceLock::new();
    BUILT.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        // Without the variables cargo sets for this test (CARGO_MANIFEST_DIR, CARGO_PKG_*, …):
        // build scripts that watch them (ring's) would see them change, and the next `cargo test`
        // would rebuild ring, rustls and the whole crate.
        for (name, _) in std::env::vars_os() {
            let name = name.to_string_lossy();
            if [
                "CARGO_MANIFEST_",
                "CARGO_PKG_",
                "CARGO_CRATE_",
                "CARGO_BIN_",
            ]
            .iter()
            .any(|prefix| name.starts_with(prefix))
                || name == "CARGO_PRIMARY_PACKAGE"
                || name == "CARGO_TARGET_TMPDIR"
            {
                build.env_remove(name.as_ref());
            }
        }
        let status = build
            .args([
                "build",
                "--quiet",
                "--example",
                "library_audit",
                "--manifest-path",
            ])
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
            .status()
            .unwrap();
        assert!(
            status.success(),
            "cargo build --example library_audit failed"
        );
    });
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path: PathBuf = dir
        .join("examples")
        .join(format!("library_audit{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} is missing", path.display());
    Command::new(path)
}

/// The example's line for a list, which must be exactly one line of JSON.
fn library_counts(file: &str, as_of: &str) -> String {
    let out = example().args([file, as_of]).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let line = stdout.trim_end().to_string();
    serde_json::from_str::<serde_json::Value>(&line).unwrap();
    line
}

/// What `maaraika audit` shows for a list: the cases it writes, the invalid rows it counts on
/// stderr, and the warnings it shows there (fewer than 100 of each kind in these lists).
fn cli_counts(file: &str, as_of: &str) -> String {
    let (code, stdout, stderr) =
        common::run(&["audit", file, "--as-of", as_of, "--format", "json"], b"");
    assert!(code == 0 || code == 3, "{stderr}");
    let cases: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let evaluated = cases.as_array().unwrap().len();
    let invalid = stderr
        .lines()
        .find_map(|line| {
            let (_, rest) = line.rsplit_once(": ")?;
            let (count, _) = rest.split_once(" row")?;
            count.parse::<usize>().ok()
        })
        .unwrap_or(0);
    assert_eq!(code == 3, invalid > 0, "{stderr}");
    let warnings = stderr.lines().filter(|l| l.contains(": warning: ")).count();
    format!("{{\"evaluated\": {evaluated}, \"invalid\": {invalid}, \"warnings\": {warnings}}}")
}

#[test]
fn the_library_example_counts_a_crafted_list_as_worked_out_by_hand() {
    // tests/data/warnings.csv as of 23.11.2026: lines 2, 4, 5 and 7 evaluated; line 3 (31.2.),
    // line 6 (started before pending) and line 8 (`x` as birth date) invalid; warnings: line 4
    // started 24.11., line 5 repeats the id of line 2, line 7 pending from 30.11. and repeating
    // the id of line 6.
    let expected = r#"{"evaluated": 4, "invalid": 3, "warnings": 4}"#;
    assert_eq!(
        library_counts("tests/data/warnings.csv", "23.11.2026"),
        expected
    );
    assert_eq!(
        cli_counts("tests/data/warnings.csv", "23.11.2026"),
        expected
    );
}

#[test]
fn the_library_example_counts_the_samples_as_the_command_does() {
    for (file, as_of) in [
        ("samples/cases.csv", "23.11.2026"),
        ("samples/cases-with-errors.csv", "2026-11-23"),
        // As of a day before nearly every date of the list: a warning for most rows.
        ("samples/cases-fi.csv", "1.1.2020"),
        ("samples/cases-fi.xlsx", "23.11.2026"),
        ("samples/cases-fi.xlsx", "1.1.2020"),
    ] {
        assert_eq!(
            library_counts(file, as_of),
            cli_counts(file, as_of),
            "{file}"
        );
    }
    // samples/cases-with-errors.csv holds 7 rows, 5 of them invalid.
    assert_eq!(
        library_counts("samples/cases-with-errors.csv", "23.11.2026"),
        r#"{"evaluated": 2, "invalid": 5, "warnings": 0}"#
    );
}

#[test]
fn the_library_example_refuses_bad_arguments_with_exit_code_2() {
    for args in [
        &[][..],
        &["samples/cases.csv"][..],
        &["samples/cases.csv", "31.2.2026"][..],
        &["samples/cases.csv", "1.1.3000"][..],
        &["samples/no-such-list.csv", "23.11.2026"][..],
        &["samples/cases.csv", "23.11.2026", "extra"][..],
    ] {
        let out = example().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}
