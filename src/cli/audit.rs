//! `maaraika audit`: every case of a list evaluated, in input order.

use std::io::Write;

use clap::Args;

use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use super::Format;
use crate::error::{Error, Result};
use crate::report::{CaseSink, CsvSink, CsvStyle, JsonSink, TableSink};

const EXAMPLES: &str = "\
Examples:
  maaraika audit cases.csv                         a table on screen
  maaraika audit cases.csv --output audit.csv      every case with its deadlines, as CSV
  maaraika audit export.csv --excel --output audit.csv   for Finnish Excel
  maaraika audit cases.csv --as-of 31.12.2026 --format json
  maaraika audit - < cases.csv                     from standard input

Input: CSV with a header row, delimiter , ; or tab, UTF-8 (with or without BOM) or Windows-1252.
Headers in English or Finnish (Vireilletulopvm, Syntymäaika, Henkilötunnus, Kiireellinen, ...).
Invalid rows are listed on stderr with line, column and problem; the rest is evaluated.
A date after --as-of or a case id already seen on an earlier row is a warning on stderr: the row
is still evaluated and the exit code does not change.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct AuditArgs {
    #[command(flatten)]
    pub list: ListArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The sink for a format.
pub fn sink<'a, W: Write + 'a>(
    format: Format,
    out: W,
    style: CsvStyle,
    list: &ListArgs,
) -> Result<Box<dyn CaseSink + 'a>> {
    let reading = list.reading.reading();
    Ok(match format {
        Format::Csv => Box::new(CsvSink::new(out, style, list.show_hetu, reading)?),
        Format::Json => Box::new(JsonSink::new(out, list.show_hetu, reading)),
        Format::Table => Box::new(TableSink::new(out, style.lang)),
    })
}

pub fn run(args: AuditArgs, stdout: &mut dyn Write) -> Result<u8> {
    let mut reader = args.list.open(&args.out)?;
    let style = args.out.style(args.list.lang());
    let mut output = args.out.open(stdout)?;
    let mut sink = sink(args.out.format(), &mut output, style, &args.list)?;
    let listed = run_list(&args.list, &mut reader, |case| Ok(sink.case(case)?), |_| {});
    // Reading failed for good mid-way (a row over 16 MB, a read error): exit 2. The rows before
    // it are on standard output already; JSON is closed so that it stays valid. An `--output`
    // file is not kept.
    if let Err(error @ Error::Input(_)) = listed {
        sink.finish()?;
        output.finish(false)?;
        return Err(error);
    }
    let tally = listed?;
    sink.finish()?;
    let code = exit_code(&args.list, tally);
    output.finish(!(args.list.strict && tally.invalid > 0))?;
    Ok(code)
}
