//! `maaraika audit`: every case of a list evaluated, in input order.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use super::Format;
use maaraika::error::{Error, Result};
use maaraika::input::CaseReader;
use maaraika::labels::Label;
use maaraika::options::Options;
use maaraika::report::{schema, CaseSink, CsvSink, CsvStyle, JsonSink, TableSink};

const EXAMPLES: &str = "\
Examples:
  maaraika audit cases.csv                         a table on screen
  maaraika audit cases.csv --output audit.csv      every case with its deadlines, as CSV
  maaraika audit export.csv --excel --output audit.csv   for Finnish Excel
  maaraika audit cases.csv --as-of 31.12.2026 --format json
  maaraika audit - < cases.csv                     from standard input

Input: CSV with a header row, delimiter , ; or tab, UTF-8 (with or without BOM) or Windows-1252;
or a workbook (.xlsx, .xls, .ods): the first sheet, or --sheet NAME.
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

/// A workbook a list command writes (`--format xlsx`).
pub struct Workbook {
    /// The case list it is made from, as messages name it ([`ListArgs::label`]).
    pub source: String,
    /// What it is: `audit`, `overdue`.
    pub title: &'static str,
    /// A case due within this many working days is marked as due soon.
    pub due_soon: u32,
    /// Also a sheet of the overdue and due-soon cases.
    pub overdue_sheet: bool,
    /// The folder of its file, where its temporary files are made.
    pub folder: Option<PathBuf>,
}

/// The sink for a format, or for `xlsx` a workbook. With `standing`, each case says where it
/// stands and why (the deadline that put it on the list, its date and working days), as the
/// overdue list does.
pub fn sink<'a, W: Write + 'a>(
    format: Format,
    out: W,
    style: CsvStyle,
    options: &Options,
    reader: &CaseReader,
    xlsx: Option<Workbook>,
    standing: bool,
) -> Result<Box<dyn CaseSink + 'a>> {
    let Options { as_of, reading, .. } = *options;
    let chain = reader.has_chain_columns();
    if let Some(workbook) = xlsx {
        let about = maaraika::xlsx::About {
            source: workbook.source,
            as_of,
            reading,
            lang: style.lang,
            title: workbook.title,
            folder: workbook.folder,
            places: maaraika::problem::Places::of(reader),
        };
        return Ok(Box::new(maaraika::xlsx::XlsxSink::new(
            out,
            about,
            options.show_hetu,
            workbook.due_soon,
            workbook.overdue_sheet,
            chain,
            standing,
        )?));
    }
    let columns = schema::ColumnOptions {
        show_hetu: options.show_hetu,
        chain,
        case_only: false,
        standing,
    };
    Ok(match format {
        Format::Csv => Box::new(CsvSink::with_options(out, style, columns, reading, as_of)?),
        Format::Json => Box::new(JsonSink::with_options(out, columns, reading)),
        Format::Table => Box::new(TableSink::new(out, style.lang, chain, reading)),
    })
}

/// The folder of the `--output` file, where a workbook's temporary files are made.
pub fn output_folder(out: &OutputArgs) -> Option<PathBuf> {
    out.output
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
}

/// In a workbook of the audit, a case due within this many working days is marked as due soon.
pub const DUE_SOON: u32 = 3;

pub fn run(args: AuditArgs, stdout: &mut dyn Write) -> Result<u8> {
    let format = args.out.format()?;
    let options = args.list.options();
    let mut reader = args.list.open(&args.out)?;
    let lang = args.list.lang();
    let style = args.out.style(lang);
    let mut output = args.out.open(stdout)?;
    let xlsx = args.out.xlsx().then(|| Workbook {
        source: args.list.label(),
        title: "audit",
        due_soon: DUE_SOON,
        overdue_sheet: true,
        folder: output_folder(&args.out),
    });
    let sink = std::cell::RefCell::new(sink(
        format,
        &mut output,
        style,
        &options,
        &reader,
        xlsx,
        false,
    )?);
    let mut counts = [0u64; 5];
    let mut invalid_failed = None;
    let listed = run_list(
        &args.list,
        &options,
        &mut reader,
        |case| {
            counts[case.evaluation.standing().status as usize] += 1;
            Ok(sink.borrow_mut().case(case)?)
        },
        |invalid| {
            if let Err(error) = sink.borrow_mut().invalid(invalid) {
                invalid_failed.get_or_insert(error);
            }
        },
        args.out.style(args.list.lang()),
    );
    let sink = sink.into_inner();
    let listed = match invalid_failed {
        Some(error) => listed.and(Err(error.into())),
        None => listed,
    };
    // Reading failed for good mid-way (a row over 16 MB, a read error): exit 2. The rows before
    // it are on standard output already; JSON is closed so that it stays valid. An `--output`
    // file is not kept.
    if let Err(error @ Error::Input(_)) = listed {
        sink.finish()?;
        output.finish(false)?;
        return Err(error);
    }
    let outcome = listed?;
    let tally = outcome.tally;
    sink.finish()?;
    let code = exit_code(&args.list, &options, &outcome);
    // Kept unless the run failed (`--strict` and an invalid row).
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    if std::io::stderr().is_terminal() {
        let [met, late, due, overdue, none] = counts.map(|n| n.to_string());
        let line = lang.fill(
            Label::AuditCounts,
            &[
                &tally.evaluated.to_string(),
                &met,
                &late,
                &due,
                &overdue,
                &none,
                &tally.invalid.to_string(),
            ],
        );
        super::stderr_line(&format!("{}: {line}", args.list.label()));
    }
    Ok(code)
}
