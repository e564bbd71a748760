//! What `audit`, `overdue` and `summary` share: the case-list arguments, the run over the rows
//! with bad rows reported, and the exit code. The files they write are in `file.rs`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::file::{check_targets, AtomicFile, Output};
use super::{as_of_arg, stderr_line, Format, ReadingArg};
use maaraika::audit::{Audit, AuditFinding, AuditOutcome, Notice, Warning, MAX_IDS_COMPARED};
use maaraika::batch::{EvaluatedCase, Invalid};
use maaraika::dates::finnish;
use maaraika::error::{csv_io, Error, Result};
use maaraika::input::{
    parse_column_mapping, parse_delimiter, CaseReader, Column, ColumnRef, EncodingChoice,
    InputOptions,
};
use maaraika::labels::Label;
use maaraika::options::{Given, Options};
use maaraika::problem::{column_in_words, Places};
use maaraika::report::{CsvStyle, Lang};
use maaraika::text::{shown, spreadsheet_cell};

/// The arguments every case-list command takes.
#[derive(Args, Debug)]
pub struct ListArgs {
    /// The case list: CSV, or a workbook (.xlsx, .xls, .ods); `-` reads standard input.
    pub file: PathBuf,
    /// Judge as of this day [default: today in Finland].
    #[arg(long, value_parser = as_of_arg, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub reading: ReadingArg,
    /// The file's character encoding [default: auto, UTF-8 or Windows-1252 as found].
    #[arg(
        long,
        value_parser = super::choices::encoding(),
        default_value = "auto",
        hide_default_value = true,
        value_name = "ENCODING"
    )]
    pub encoding: EncodingChoice,
    /// The field delimiter: `,` `;` `tab` [default: found from the header line].
    #[arg(long, value_parser = parse_delimiter, value_name = "CHAR")]
    pub delimiter: Option<u8>,
    /// The sheet to read of a workbook (.xlsx, .xls, .ods) [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Map another header to a column, e.g. `--column pending_date=Saapunut` (repeatable).
    #[arg(long = "column", value_parser = parse_column_mapping, value_name = "COLUMN=HEADER")]
    pub columns: Vec<(Column, String)>,
    /// Also write the invalid rows, with line, column and problem, to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Treat invalid rows as a failure: exit code 2 instead of 3.
    #[arg(long)]
    pub strict: bool,
    /// Exit with code 1 when any case is overdue (for scheduled jobs).
    #[arg(long)]
    pub fail_on_overdue: bool,
    /// Show personal identity codes in the output (they are left out by default).
    #[arg(long)]
    pub show_hetu: bool,
    /// Language of tables and --excel CSV [default: from LC_ALL/LC_MESSAGES/LANG, else en].
    #[arg(long, value_parser = super::choices::lang(), value_name = "LANG")]
    pub lang: Option<Lang>,
}

impl ListArgs {
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }

    /// What the flags give the job: the as-of date if given, the reading, and what fails the run.
    pub fn given(&self) -> Given {
        Given {
            as_of: self.as_of,
            reading: self.reading.reading(),
            show_hetu: self.show_hetu,
            strict: self.strict,
            fail_on_overdue: self.fail_on_overdue,
        }
    }

    /// The job's options, resolved from the flags ([`Given::resolve`]: today in Finland when
    /// `--as-of` is not given). Called once per command; the value is handed to everything the
    /// command runs, so that every output of the job has the same as-of date.
    pub fn options(&self) -> Options {
        self.given().resolve()
    }

    /// Opens the case list, after checking the files the command will write (`out`, and
    /// `--errors`): none may be the case list itself. A list of assessments without a
    /// `started_date` column is said once to be of matters not yet started ([`Notice`]).
    pub fn open(&self, out: &OutputArgs) -> Result<CaseReader> {
        let reader = self.open_any(out)?;
        if let Some(notice) = Notice::of_columns(&reader) {
            tell(self, notice);
        }
        Ok(reader)
    }

    /// Opens the list as [`ListArgs::open`] does, without what only a list of assessments
    /// calls for: a list of social-assistance applications has no start of an assessment.
    pub fn open_any(&self, out: &OutputArgs) -> Result<CaseReader> {
        check_targets(&self.file, out.output.as_deref(), self.errors.as_deref())?;
        let options = InputOptions {
            encoding: self.encoding,
            delimiter: self.delimiter,
            columns: self.columns.clone(),
        };
        let reader = CaseReader::open_sheet(&self.file, &options, self.sheet.as_deref())?;
        self.tell_columns(&reader);
        Ok(reader)
    }

    /// One line naming the headers read by their word stems (`read: Syntymäpäivä → birth_date`),
    /// so the user can check them, and one naming the columns not used (`not used: Nimi`), so a
    /// column meant for a group but not recognised is seen. Full names read as expected need no
    /// word.
    ///
    /// In English a column read is named by its key, which `--column` takes; in Finnish and
    /// Swedish by its name in that language. The hint names the exact flag where it can: a
    /// list without a case id column gets `--column case_id=Asiakasnumero` for its first
    /// header not used.
    fn tell_columns(&self, reader: &CaseReader) {
        let lang = self.lang();
        let read: Vec<String> = reader
            .read_by_stem()
            .into_iter()
            .map(|(column, header)| {
                let level = if column == Column::CareAllowance && reader.care_allowance_is_level() {
                    lang.get(Label::HintLevel)
                } else {
                    ""
                };
                let name = column_in_words(column, lang);
                format!("{header} → {name}{level}")
            })
            .collect();
        if !read.is_empty() {
            let text = lang.fill(Label::HintRead, &[&read.join(", ")]);
            stderr_line(&format!("{}: {text}", self.label()));
        }
        const SHOWN: usize = 20;
        let unused = reader.unused_headers();
        if let Some(first) = unused.first() {
            let mut list = unused[..unused.len().min(SHOWN)].join(", ");
            if unused.len() > SHOWN {
                let more = (unused.len() - SHOWN).to_string();
                list.push_str(&lang.fill(Label::HintMore, &[&more]));
            }
            // Without a case id, the first header not used is most likely it.
            let flag = match reader.position_of(Column::CaseId) {
                None => format!("--column {}={first}", Column::CaseId.name()),
                Some(_) => lang.get(Label::HintColumnFlag).to_string(),
            };
            let text = lang.fill(Label::HintNotUsed, &[&list, &flag]);
            stderr_line(&format!("{}: {text}", self.label()));
        }
    }

    /// The file name as shown in messages.
    pub fn label(&self) -> String {
        if self.file == Path::new("-") {
            "<stdin>".into()
        } else {
            self.file.display().to_string()
        }
    }
}

/// The formats of the case-list commands: those of [`Format`], and an Excel workbook.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Readable text and tables, for people.
    #[value(alias = "text")]
    Table,
    /// JSON, for programs.
    Json,
    /// CSV with stable English column names, for spreadsheets and scripts.
    Csv,
    /// An Excel workbook (.xlsx) with a sheet per part, dates as dates: needs --output FILE.
    Xlsx,
}

/// Where and how a case-list command writes its answer.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, CSV otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    /// Write the output to this file instead of standard output (replaced only when complete).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV for Finnish Excel: `;`, a BOM, d.m.yyyy dates, decimal commas, labels in --lang.
    #[arg(long)]
    pub excel: bool,
}

impl OutputArgs {
    /// The format asked for, or a table for a person at a terminal and CSV for files and pipes.
    /// `--excel` is CSV: with another format it is refused.
    pub fn format(&self) -> Result<Format> {
        if let (true, Some(format @ (ListFormat::Json | ListFormat::Table | ListFormat::Xlsx))) =
            (self.excel, self.format)
        {
            let name = match format {
                ListFormat::Json => "json",
                ListFormat::Xlsx => "xlsx",
                _ => "table",
            };
            let lang = super::message_lang();
            return Err(Error::Usage(lang.fill(Label::UseExcelWithFormat, &[name])));
        }
        if self.xlsx() && self.output.is_none() {
            let lang = super::message_lang();
            return Err(Error::Usage(lang.get(Label::UseXlsxNeedsOutput).into()));
        }
        let to_terminal = self.output.is_none() && io::stdout().is_terminal();
        Ok(match self.format {
            Some(ListFormat::Table) => Format::Table,
            Some(ListFormat::Json) => Format::Json,
            // A workbook is written by its own route ([`OutputArgs::xlsx`]).
            Some(ListFormat::Csv | ListFormat::Xlsx) => Format::Csv,
            None if self.excel || !to_terminal => Format::Csv,
            None => Format::Table,
        })
    }

    /// `--format xlsx`: an Excel workbook (to `--output` only, see [`OutputArgs::format`]).
    pub fn xlsx(&self) -> bool {
        self.format == Some(ListFormat::Xlsx)
    }

    pub fn style(&self, lang: Lang) -> CsvStyle {
        CsvStyle {
            excel: self.excel,
            lang,
        }
    }

    pub fn open<'a>(&self, stdout: &'a mut dyn Write) -> Result<Output<'a>> {
        Output::new(self.output.as_deref(), stdout)
    }
}

/// Reports what the engine hands back as it comes: invalid rows on stderr and in the `--errors`
/// file if asked (with `--errors`, which lists them all, stderr shows the first
/// [`WARNINGS_SHOWN`]); warnings on stderr (never in `--errors`), the first [`WARNINGS_SHOWN`] of
/// each kind, the rest counted in one line at the end.
pub struct RowReporter {
    label: String,
    /// The language of the messages and of the `--errors` file's sentences.
    lang: Lang,
    /// Where things are in the file: columns by their headers, cells of a workbook's sheet.
    places: Places,
    /// The `--errors` file, written as the rows come (memory stays flat however many rows are
    /// invalid) and moved into place by [`RowReporter::finish`].
    errors: Option<csv::Writer<AtomicFile>>,
    reported: u64,
    /// Warnings shown so far: dates after the as-of date, repeated case ids.
    warned: [u64; 2],
}

impl RowReporter {
    /// The `--errors` file is written in `style`: with `--excel` CSV for Finnish Excel like the
    /// output (`;`, a BOM, CRLF, headers in `--lang`), so that it opens in columns. Its
    /// sentences are in `--lang`; its `code` column is the problem's stable key for programs.
    pub fn new(args: &ListArgs, reader: &CaseReader, style: CsvStyle) -> Result<Self> {
        let errors = match args.errors.as_deref() {
            Some(path) => {
                let mut writer = style.writer(AtomicFile::create(path)?)?;
                let header = [
                    ("file", Label::XlsFile),
                    ("line", Label::ColLine),
                    ("column", Label::XlsColumn),
                    ("case_id", Label::ColCaseId),
                    ("problem", Label::XlsProblem),
                    ("code", Label::XlsCode),
                ]
                .map(|(key, label)| style.header(key, label));
                writer.write_record(header).map_err(csv_io)?;
                Some(writer)
            }
            None => None,
        };
        Ok(RowReporter {
            label: args.label(),
            lang: args.lang(),
            places: Places::of(reader),
            errors,
            reported: 0,
            warned: [0; 2],
        })
    }

    pub fn report(&mut self, invalid: &Invalid) -> Result<()> {
        let p = &invalid.problem;
        let lang = self.lang;
        let problem = p.problem.text(lang);
        self.reported += 1;
        if self.errors.is_none() || self.reported <= WARNINGS_SHOWN {
            let place = self.places.place(p.line, p.column.as_ref(), lang);
            stderr_line(&format!("{} {place}: {problem}", self.label));
        }
        if let Some(writer) = &mut self.errors {
            // A file for people: never a code (whatever `--show-hetu` says), no hidden
            // characters, no cell a spreadsheet would run as a formula; the column as the
            // file names it.
            let cell = |text: &str| spreadsheet_cell(&shown(text, false)).into_owned();
            let column = p
                .column
                .as_ref()
                .map(|c| self.places.column_name(c, lang))
                .unwrap_or_default();
            writer
                .write_record([
                    cell(&self.label),
                    self.places.row(p.line).to_string(),
                    cell(&column),
                    cell(&invalid.case_id),
                    cell(&problem),
                    p.problem.code().to_string(),
                ])
                .map_err(csv_io)?;
        }
        Ok(())
    }

    /// Shows a warning, unless [`WARNINGS_SHOWN`] of its kind have been.
    fn warn(&mut self, warning: &Warning, as_of: NaiveDate) {
        let kind = match warning {
            Warning::DateAfterAsOf { .. } => 0,
            Warning::RepeatedId { .. } => 1,
        };
        self.warned[kind] += 1;
        if self.warned[kind] > WARNINGS_SHOWN {
            return;
        }
        let lang = self.lang;
        let place = match *warning {
            Warning::DateAfterAsOf { line, column, .. } => {
                self.places
                    .place(line, Some(&ColumnRef::Known(column)), lang)
            }
            // A repeated id is about the row: its line, in a workbook too.
            Warning::RepeatedId { line, .. } => lang.fill(Label::PlaceLine, &[&line.to_string()]),
        };
        stderr_line(&format!(
            "{} {place}: {}: {}",
            self.label,
            lang.get(Label::PlaceWarning),
            warning.text(as_of, lang)
        ));
    }

    /// The counts of warnings not shown one by one.
    fn finish_warnings(&self, outcome: &AuditOutcome, as_of: NaiveDate) {
        let (label, lang) = (&self.label, self.lang);
        let warnings = &outcome.warnings;
        let shown = WARNINGS_SHOWN.to_string();
        if warnings.ids_not_compared > 0 {
            let text = lang.fill(
                Label::MsgIdsNotCompared,
                &[
                    &MAX_IDS_COMPARED.to_string(),
                    &warnings.ids_not_compared.to_string(),
                ],
            );
            stderr_line(&format!("{label}: {text}"));
        }
        if warnings.date_after_as_of > WARNINGS_SHOWN {
            let text = lang.fill(
                Label::MsgDatesAfterAsOf,
                &[
                    &warnings.date_after_as_of.to_string(),
                    &finnish(as_of),
                    &shown,
                ],
            );
            stderr_line(&format!(
                "{label}: {}: {text}",
                lang.get(Label::PlaceWarning)
            ));
        }
        if warnings.repeated_id > WARNINGS_SHOWN {
            let text = lang.fill(
                Label::MsgRepeatedIds,
                &[&warnings.repeated_id.to_string(), &shown],
            );
            stderr_line(&format!(
                "{label}: {}: {text}",
                lang.get(Label::PlaceWarning)
            ));
        }
    }

    /// Writes the `--errors` file.
    pub fn finish(self) -> Result<()> {
        if let Some(writer) = self.errors {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.commit()?;
        }
        Ok(())
    }
}

/// Warnings of one kind shown at most this many times; the rest are counted in one line, so
/// that a wrong `--as-of` does not bury the invalid rows. Invalid rows too, when `--errors`
/// lists them all.
const WARNINGS_SHOWN: u64 = 100;

/// Runs a case list through the engine ([`maaraika::audit`]): each case to `visit`, each invalid
/// row to `on_invalid` and reported, each warning shown; returns what the run found. Every row
/// read is either visited or reported.
///
/// When `visit` fails (the output cannot be written: its reader went away, `| head`, or the
/// disk is full), the run ends at once without `--errors`. With `--errors`, the rest of the
/// list is still read, without visiting, so that the errors file lists every invalid row; the
/// output's error is returned once that file is in place. The `--errors` file is written in
/// `style` ([`RowReporter::new`]).
pub fn run_list(
    args: &ListArgs,
    options: &Options,
    reader: &mut CaseReader,
    mut visit: impl FnMut(&EvaluatedCase) -> Result<()>,
    mut on_invalid: impl FnMut(&Invalid),
    style: CsvStyle,
) -> Result<AuditOutcome> {
    let mut reporter = RowReporter::new(args, reader, style)?;
    let mut audit = Audit::new(*options);
    let mut output_failed = None;
    audit.run(reader, |found| -> Result<()> {
        match found {
            AuditFinding::Case(case) => {
                if output_failed.is_some() {
                    return Ok(());
                }
                match visit(case) {
                    Err(e) if reporter.errors.is_some() => {
                        output_failed = Some(e);
                        Ok(())
                    }
                    result => result,
                }
            }
            AuditFinding::Invalid(invalid) => {
                on_invalid(invalid);
                reporter.report(invalid)
            }
            AuditFinding::Warning(warning) => {
                reporter.warn(&warning, options.as_of);
                Ok(())
            }
        }
    })?;
    let outcome = audit.outcome();
    reporter.finish_warnings(&outcome, options.as_of);
    tell_not_recorded(args, &outcome);
    if outcome.tally.evaluated + outcome.tally.invalid == 0 {
        let text = reporter.lang.get(Label::MsgNoCases);
        stderr_line(&format!("{}: {text}", reporter.label));
    }
    reporter.finish()?;
    match output_failed {
        Some(error) => Err(error),
        None => Ok(outcome),
    }
}

/// Says once, for each milestone the list cannot judge, how many cases have its deadline and the
/// column that would let them be judged.
fn tell_not_recorded(args: &ListArgs, outcome: &AuditOutcome) {
    for notice in outcome.not_recorded.notices() {
        tell(args, notice);
    }
}

/// A notice about the whole list, on one line after the list's name: `cases.csv: note: …`.
fn tell(args: &ListArgs, notice: Notice) {
    let lang = args.lang();
    let note = lang.get(Label::PlaceNote);
    stderr_line(&format!("{}: {note}: {}", args.label(), notice.text(lang)));
}

/// The exit code of a finished run, decided by the engine ([`AuditOutcome::exit_code`]), after a
/// line counting the invalid rows.
pub fn exit_code(args: &ListArgs, options: &Options, outcome: &AuditOutcome) -> u8 {
    let tally = outcome.tally;
    if tally.invalid > 0 {
        let lang = args.lang();
        let label = match tally.invalid {
            1 => Label::MsgInvalidOne,
            _ => Label::MsgInvalidMany,
        };
        let listed = match &args.errors {
            Some(errors) if tally.invalid > WARNINGS_SHOWN => lang.fill(
                Label::MsgListedInFile,
                &[&WARNINGS_SHOWN.to_string(), &errors.display().to_string()],
            ),
            _ => lang.get(Label::MsgListedAbove).to_string(),
        };
        let text = lang.fill(
            label,
            &[
                &tally.invalid.to_string(),
                &listed,
                &tally.evaluated.to_string(),
            ],
        );
        stderr_line(&format!("{}: {text}", args.label()));
    }
    outcome.exit_code(options)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use maaraika::calendar::Reading;

    #[derive(Parser)]
    struct Command {
        #[command(flatten)]
        list: ListArgs,
    }

    fn given(args: &[&str]) -> Given {
        let argv = ["maaraika", "list.csv"].iter().chain(args);
        Command::try_parse_from(argv).unwrap().list.given()
    }

    /// The flags give the library what the web's fields give it (`web::api`'s test holds the
    /// fields `as_of=1.12.2026&reading=conservative` to the same [`Given`]); the one
    /// [`Given::resolve`] then makes the job's options for both.
    #[test]
    fn the_flags_give_what_the_web_fields_give() {
        assert_eq!(
            given(&["--as-of", "1.12.2026", "--conservative"]),
            Given::new(NaiveDate::from_ymd_opt(2026, 12, 1), Reading::Conservative)
        );
        assert_eq!(given(&[]), Given::new(None, Reading::Standard));
        let all = given(&["--show-hetu", "--strict", "--fail-on-overdue"]);
        assert!(all.show_hetu && all.strict && all.fail_on_overdue);
    }
}
