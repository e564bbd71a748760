//! `maaraika generate` (hidden from the help): synthetic case lists for benchmarks and tests.
//!
//! A developer's tool, not the library's: the generator (`generate/lists.rs`) is the binary's own,
//! and `benches/hot.rs` and `tests/audit_stable.rs` include its file with `#[path]`.

mod lists;

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::file::Output;
use lists::{write_applications, write_cases, Dialect};
use maaraika::error::Result;

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// How many cases.
    rows: u64,
    /// The seed: the same seed gives the same file.
    seed: u64,
    /// As Finnish Excel saves it: `;`, a BOM, Finnish headers, d.m.yyyy dates, kyllä/ei, CRLF.
    #[arg(long)]
    finnish: bool,
    /// With --finnish: Windows-1252 without a BOM (Excel's plain "CSV").
    #[arg(long, requires = "finnish")]
    cp1252: bool,
    /// A list of social-assistance applications instead of a case list.
    #[arg(long)]
    applications: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: GenerateArgs, stdout: &mut dyn Write) -> Result<u8> {
    let dialect = match (args.finnish, args.cp1252) {
        (false, _) => Dialect::Iso,
        (true, false) => Dialect::FinnishUtf8,
        (true, true) => Dialect::FinnishCp1252,
    };
    let mut output = Output::new(args.output.as_deref(), stdout)?;
    if args.applications {
        write_applications(args.rows, args.seed, dialect, &mut output)?;
    } else {
        write_cases(args.rows, args.seed, dialect, &mut output)?;
    }
    output.finish(true)?;
    Ok(0)
}
