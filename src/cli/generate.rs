//! `maaraika generate` (hidden from the help): synthetic case lists for benchmarks and tests.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::file::Output;
use maaraika::error::Result;
use maaraika::generate::{write_applications, write_cases, Dialect};

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
