//! Running the real binary the way the integration tests need it, in one place.

pub mod browser;
// The synthetic lists of the `generate` example, a developer's tool: std and chrono only, its tests
// run here.
#[allow(dead_code)]
#[path = "../../examples/generate/lists.rs"]
pub mod generate;
// The crafted lists are compiled once, in `fuzz_checks` (the fuzz targets include that by path).
pub use crate::fuzz_checks::crafted;
pub mod server;
pub mod words;

use assert_cmd::Command;

/// A generated case list (`cargo run --example generate -- ROWS SEED`), as bytes.
pub fn generated_cases(rows: u64, seed: u64, dialect: generate::Dialect) -> Vec<u8> {
    let mut out = Vec::new();
    generate::write_cases(rows, seed, dialect, &mut out).unwrap();
    out
}

/// The `maaraika` binary with the locale variables cleared, so that `--lang` defaults to English
/// whatever the machine running the tests says, and without `COLUMNS`, so that tables are
/// fitted to the same width everywhere.
pub fn maaraika() -> Command {
    let mut cmd = Command::cargo_bin("maaraika").unwrap();
    cmd.env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS");
    cmd
}

/// The end of the notice a list command gives once for a list without a start-date column.
pub const NOT_STARTED_NOTICE: &str = "it is read as a list of matters not yet started.";

/// Standard error without the notice that a list without a start date is read as one of matters
/// not yet started (`tests/standing.rs` holds that notice; the tests of other messages need not
/// each repeat it).
pub fn without_not_started_notice(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|line| !line.ends_with(NOT_STARTED_NOTICE))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Runs `maaraika ARGS` with `stdin` as its standard input (empty: closed at once); returns the
/// exit code (-1 if killed by a signal), standard output and standard error.
pub fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let out = maaraika()
        .args(args)
        .write_stdin(stdin.to_vec())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `maaraika ARGS --format json`, which must succeed; its output parsed.
pub fn json(args: &[&str]) -> serde_json::Value {
    let out = maaraika()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs `maaraika ARGS` on a pseudo-terminal `columns` wide (util-linux `script`, with `stty`
/// setting the size), as a person at a terminal would, with `env` set and neither `COLUMNS` nor
/// a locale inherited. Returns the exit code and what the terminal showed (standard output and
/// standard error, both the terminal), with `\r\n` made `\n`. Fails if `script` is missing.
pub fn run_on_terminal(args: &[&str], columns: u16, env: &[(&str, &str)]) -> (i32, String) {
    let quote = |arg: &str| format!("'{}'", arg.replace('\'', r"'\''"));
    let bin = assert_cmd::cargo::cargo_bin("maaraika");
    // The variables are set by `env` after `stty`: the shell `script` starts would otherwise
    // set COLUMNS from the new size.
    let assignments: Vec<String> = env
        .iter()
        .map(|(n, v)| quote(&format!("{n}={v}")))
        .collect();
    let command = format!(
        "stty cols {columns} rows 50 2>/dev/null; exec env {} {} {}",
        assignments.join(" "),
        quote(bin.to_str().unwrap()),
        args.iter().map(|a| quote(a)).collect::<Vec<_>>().join(" ")
    );
    let mut script = std::process::Command::new("script");
    script
        .args(["-qec", &command, "/dev/null"])
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .stdin(std::process::Stdio::null());
    let out = script
        .output()
        .expect("util-linux `script` runs the binary on a pseudo-terminal");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
    )
}
