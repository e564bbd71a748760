//! A developer's tool: writes a synthetic case list (or a list of social-assistance applications)
//! for benchmarks and tests, deterministic for a seed.
//!
//! ```text
//! cargo run --release --example generate -- ROWS SEED [--finnish [--cp1252]] [--applications] [--output FILE]
//! ```
//!
//! - `--finnish`: as Finnish Excel saves it: `;`, a BOM, Finnish headers, d.m.yyyy dates,
//!   kyllä/ei, CRLF; `--cp1252` with it: Windows-1252 without a BOM (Excel's plain "CSV").
//! - `--applications`: a list of social-assistance applications instead of a case list.
//! - `--output FILE` (`-o`): write to FILE instead of standard output.
//!
//! Not the library's and not a command of `maaraika`: the generator (`lists.rs`, std and chrono
//! only) is shared by this example, `benches/hot.rs` and the integration tests (`tests/common`),
//! which include its file with `#[path]`.

mod lists;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use lists::{write_applications, write_cases, Dialect};

const USAGE: &str =
    "usage: generate ROWS SEED [--finnish [--cp1252]] [--applications] [--output FILE]";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("generate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut numbers = Vec::new();
    let (mut finnish, mut cp1252, mut applications, mut output) = (false, false, false, None);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--finnish" => finnish = true,
            "--cp1252" => cp1252 = true,
            "--applications" => applications = true,
            "--output" | "-o" => output = Some(args.next().ok_or(USAGE)?),
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ => numbers.push(
                arg.parse::<u64>()
                    .map_err(|_| format!("{arg:?}: {USAGE}"))?,
            ),
        }
    }
    let [rows, seed] = numbers[..] else {
        return Err(USAGE.into());
    };
    if cp1252 && !finnish {
        return Err("--cp1252 goes with --finnish".into());
    }
    let dialect = match (finnish, cp1252) {
        (false, _) => Dialect::Iso,
        (true, false) => Dialect::FinnishUtf8,
        (true, true) => Dialect::FinnishCp1252,
    };
    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let written = if applications {
        write_applications(rows, seed, dialect, &mut out)
    } else {
        write_cases(rows, seed, dialect, &mut out)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write: {e}"))
}
