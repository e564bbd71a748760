//! `maaraika assistance`: social assistance (toimeentulotuki; utkomststöd). A list of
//! applications audited against the counties' clocks (`audit`, `overdue`, `summary`), and the
//! month's figures of the national collection (`thl`). The rules are `maaraika::assistance`.
//!
//! Every table here is a [`Grid`]: its columns (a stable key and the words in `--lang`) and rows
//! of typed cells, written as CSV (plain or `--excel`), a table or a workbook by one writer each;
//! JSON is each command's own.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use serde::Serialize;

use super::audit::output_folder;
use super::file::Output;
use super::list::{exit_code, ListArgs, OutputArgs, RowReporter};
use super::summary::{too_many_units, unit_counts};
use super::{stderr_line, write_json, Format};
use maaraika::assistance::read::{self, AssistanceFinding, EvaluatedApplication, Record};
use maaraika::assistance::thl::{CountedBy, Month, MonthCounts};
use maaraika::assistance::AssistanceMilestone;
use maaraika::audit::{AuditOutcome, WarningCounts};
use maaraika::calendar::Reading;
use maaraika::dates::finnish;
use maaraika::error::{csv_io, Error, Result};
use maaraika::evaluation::Status;
use maaraika::input::{Column as InputColumn, InputError};
use maaraika::labels::{Label, Lang};
use maaraika::options::Options;
use maaraika::report::CsvStyle;
use maaraika::statistics::percent;
use maaraika::terminal::{terminal_width, FittedColumn, Table};

const EXAMPLES: &str = "\
Social assistance (toimeentulotuki, utkomststöd): the counties' processing deadlines of
supplementary and preventive assistance under the Social Assistance Act 1412/1997.

Examples:
  maaraika assistance audit applications.csv              every application, deadlines and status
  maaraika assistance overdue applications.csv --due-within 2
  maaraika assistance summary applications.csv --by unit
  maaraika assistance thl applications.csv --month 2026-04 --by unit --excel --output thl.csv

Columns (headers in English, Finnish or Swedish, read by their word stems): case_id, unit,
application_date (the day it arrived; also Saapumispäivä, Hakemus saapunut, Inkommen), urgent,
decision_date, info_requested_date (Lisäselvityspyyntö), info_received_date (the completed
application), info_reply_due_date (the time given to reply), meeting_requested_date,
meeting_date, paid_date. A milestone whose column the list lacks is `not_recorded`.";

#[derive(Subcommand, Debug)]
pub enum AssistanceCommand {
    /// Every application of a list, with its deadlines and status.
    #[command(after_help = EXAMPLES)]
    Audit(AssistanceAuditArgs),
    /// The applications past a deadline, most overdue first (and those due soon).
    #[command(after_help = EXAMPLES)]
    Overdue(AssistanceOverdueArgs),
    /// Counts per milestone (and unit): met, late, due, overdue, none, not recorded.
    #[command(after_help = EXAMPLES)]
    Summary(AssistanceSummaryArgs),
    /// The month's figures as the national collection publishes them (April and October).
    #[command(after_help = THL_EXAMPLES)]
    Thl(AssistanceThlArgs),
}

#[derive(Args, Debug)]
pub struct AssistanceAuditArgs {
    #[command(flatten)]
    pub list: ListArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Args, Debug)]
pub struct AssistanceOverdueArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Also list the applications due within this many working days (0: due today).
    #[arg(long, value_name = "N")]
    pub due_within: Option<u32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Args, Debug)]
pub struct AssistanceSummaryArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Break the counts down further.
    #[arg(long, value_enum)]
    pub by: Option<SummaryBy>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryBy {
    /// One set of rows per unit (yksikkö).
    Unit,
}

const THL_EXAMPLES: &str = "\
The national institute collects the counties' social-assistance processing times for the months
of April and October (1412/1997 27 c §), due by the end of the next month.

Examples:
  maaraika assistance thl applications.csv --month 2026-04 --as-of 31.5.2026
  maaraika assistance thl applications.csv --month 2026-10 --by unit --format xlsx -o thl.xlsx
  maaraika assistance thl applications.csv --month 2026-04 --by decision-month

Counted by the month the application arrived (the likelier reading; --by decision-month for the
other): applications, urgent, over_limit (decided after the limit, or undecided with it past at
the as-of date), info_requests, info_requests_over_limit (a request sent after the 7th working
day), meetings_requested, meetings_over_limit; shares in per cent to one decimal: urgent,
over_limit and info_requests of applications, info_requests_over_limit of info_requests,
meetings_over_limit of meetings_requested.";

#[derive(Args, Debug)]
pub struct AssistanceThlArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// The month, YYYY-MM (the collection asks for April and October).
    #[arg(long, value_parser = Month::parse, value_name = "YYYY-MM")]
    pub month: Month,
    /// A row per unit (`unit`), and which date puts an application in the month
    /// (`arrival-month`, the default, or `decision-month`); repeatable.
    #[arg(long, value_enum)]
    pub by: Vec<ThlBy>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThlBy {
    /// A row per unit, and `all`.
    Unit,
    /// Applications by the month they arrived (the default).
    ArrivalMonth,
    /// Applications by the month they were decided.
    DecisionMonth,
}

pub fn run(command: AssistanceCommand, stdout: &mut dyn Write) -> Result<u8> {
    match command {
        AssistanceCommand::Audit(args) => audit(args, stdout),
        AssistanceCommand::Overdue(args) => overdue(args, stdout),
        AssistanceCommand::Summary(args) => summary(args, stdout),
        AssistanceCommand::Thl(args) => thl(args, stdout),
    }
}

/// Opens a list of applications: a list without the arrival column is told so in the words of
/// an application list.
fn open(list: &ListArgs, out: &OutputArgs) -> Result<maaraika::input::CaseReader> {
    list.open_any(out).map_err(|error| match error {
        Error::Input(InputError::MissingColumn { path, found, .. }) => {
            Error::Input(InputError::MissingColumn {
                path,
                column: "application_date",
                found,
            })
        }
        error => error,
    })
}

/// Warnings of a date after the as-of date shown at most this many times.
const WARNINGS_SHOWN: u64 = 100;

/// Runs a list of applications: each evaluated one to `visit`, each invalid row reported (on
/// stderr and in `--errors`), a date after the as-of date warned about (the application is
/// evaluated as recorded: the as-of date may be the mistake); returns what the run found, for
/// the exit code.
fn run_applications(
    list: &ListArgs,
    options: &Options,
    reader: &mut maaraika::input::CaseReader,
    style: CsvStyle,
    mut visit: impl FnMut(&EvaluatedApplication) -> Result<()>,
) -> Result<AuditOutcome> {
    let mut reporter = RowReporter::new(list, reader, style)?;
    let as_of = options.as_of;
    let label = list.label();
    let mut warnings = WarningCounts::default();
    let tally = read::run(reader, options, |found| -> Result<()> {
        match found {
            AssistanceFinding::Application(application) => {
                if let Some(date) = application.application.first_date_after(as_of) {
                    warnings.date_after_as_of += 1;
                    if warnings.date_after_as_of <= WARNINGS_SHOWN {
                        stderr_line(&format!(
                            "{label} line {}: warning: the date {} is after the as-of date {}: \
                             the application is evaluated as recorded; check the date, or \
                             --as-of",
                            application.line,
                            finnish(date),
                            finnish(as_of)
                        ));
                    }
                }
                visit(application)
            }
            AssistanceFinding::Invalid(invalid) => reporter.report(invalid),
        }
    })?;
    if warnings.date_after_as_of > WARNINGS_SHOWN {
        stderr_line(&format!(
            "{label}: warning: {} rows have a date after the as-of date {} (the first \
             {WARNINGS_SHOWN} are listed above); all of them are evaluated",
            warnings.date_after_as_of,
            finnish(as_of)
        ));
    }
    if tally.evaluated + tally.invalid == 0 {
        stderr_line(&format!(
            "{label}: no applications: the file has a header row but no rows under it"
        ));
    }
    reporter.finish()?;
    Ok(AuditOutcome {
        tally,
        warnings,
        ..AuditOutcome::default()
    })
}

/// A cell of a [`Grid`] row.
#[derive(Clone, Debug)]
enum Cell<'a> {
    /// Text from the input (made safe to show as it was read).
    Text(Cow<'a, str>),
    Date(Option<NaiveDate>),
    Count(Option<i64>),
    Pct(Option<Decimal>),
    /// A word: its stable key, and its words in `--lang`.
    Word(&'static str, &'static str),
}

impl Cell<'_> {
    /// The cell for the fast CSV writer: what [`Grid::write_csv`] writes of it.
    fn grid(&self, style: CsvStyle) -> maaraika::report::GridCell<'_> {
        use maaraika::report::GridCell;
        match self {
            Cell::Text(text) => GridCell::Text(text),
            Cell::Date(day) => GridCell::Date(*day),
            Cell::Count(n) => GridCell::Count(*n),
            Cell::Pct(share) => GridCell::Share(*share),
            Cell::Word(key, word) => GridCell::Word(if style.excel { word } else { key }),
        }
    }

    /// The cell with its text owned, to be kept.
    fn owned(self) -> Cell<'static> {
        match self {
            Cell::Text(text) => Cell::Text(Cow::Owned(text.into_owned())),
            Cell::Date(day) => Cell::Date(day),
            Cell::Count(n) => Cell::Count(n),
            Cell::Pct(share) => Cell::Pct(share),
            Cell::Word(key, word) => Cell::Word(key, word),
        }
    }
}

/// The columns of a table: stable keys, and their words in `--lang`.
struct Grid {
    keys: Vec<&'static str>,
    words: Vec<String>,
}

impl Grid {
    fn new(columns: &[(&'static str, String)]) -> Grid {
        Grid {
            keys: columns.iter().map(|(key, _)| *key).collect(),
            words: columns.iter().map(|(_, words)| words.clone()).collect(),
        }
    }

    fn csv_header(&self, style: CsvStyle) -> Vec<&str> {
        if style.excel {
            self.words.iter().map(String::as_str).collect()
        } else {
            self.keys.clone()
        }
    }

    /// Writes one row as a CSV record in `style`, with nothing allocated for dates and counts.
    fn write_csv<W: Write>(
        writer: &mut csv::Writer<W>,
        cells: &[Cell],
        style: CsvStyle,
    ) -> csv::Result<()> {
        let mut date = [0u8; 10];
        let mut number = [0u8; 24];
        for cell in cells {
            match cell {
                Cell::Text(text) => writer.write_field(style.cell(text).as_bytes())?,
                Cell::Date(day) => writer.write_field(style.date(*day, &mut date))?,
                Cell::Count(None) => writer.write_field(b"")?,
                Cell::Count(Some(n)) => {
                    let mut cursor = std::io::Cursor::new(&mut number[..]);
                    write!(cursor, "{n}")?;
                    let end = cursor.position() as usize;
                    writer.write_field(&number[..end])?
                }
                Cell::Pct(share) => writer.write_field(style.share(*share).as_bytes())?,
                Cell::Word(key, word) => {
                    writer.write_field(if style.excel { word } else { key })?
                }
            }
        }
        writer.write_record(None::<&[u8]>)
    }

    /// The rows as a table fitted to the terminal, in `lang`.
    fn write_table(&self, out: &mut dyn Write, rows: &[Vec<Cell>], lang: Lang) -> Result<()> {
        let texts: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Cell::Text(text) => maaraika::report::cell_text(text).into_owned(),
                        Cell::Date(date) => date.map(finnish).unwrap_or_default(),
                        Cell::Count(n) => n.map(|n| n.to_string()).unwrap_or_default(),
                        Cell::Pct(p) => p.map(|p| lang.decimal(&p.to_string())).unwrap_or_default(),
                        Cell::Word(_, word) => word.to_string(),
                    })
                    .collect()
            })
            .collect();
        let columns = self
            .words
            .iter()
            .enumerate()
            .map(|(i, header)| {
                let column = FittedColumn::new(header, texts.iter().map(|row| row[i].as_str()));
                match rows.first().map(|row| &row[i]) {
                    Some(Cell::Count(_) | Cell::Pct(_)) => column.right(),
                    _ => column,
                }
            })
            .collect();
        let table = Table::fit(columns, terminal_width(), lang);
        table.header(out)?;
        for row in &texts {
            table.row(out, row)?;
        }
        table.finish(out)?;
        Ok(())
    }

    /// The rows as a workbook of one sheet named `sheet`.
    fn write_xlsx(
        &self,
        out: &mut dyn Write,
        rows: &[Vec<Cell>],
        about: &maaraika::xlsx::About,
        sheet: &str,
    ) -> Result<()> {
        use maaraika::xlsx::Cell as X;
        let cells: Vec<Vec<X>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| match cell {
                        Cell::Text(text) => X::Text(text),
                        Cell::Date(Some(date)) => X::Date(*date),
                        Cell::Count(Some(n)) => X::Number(*n as f64),
                        Cell::Pct(p) => X::Percent(*p),
                        Cell::Word(_, word) => X::Text(word),
                        Cell::Date(None) | Cell::Count(None) => X::Empty,
                    })
                    .collect()
            })
            .collect();
        let headers: Vec<&str> = self.words.iter().map(String::as_str).collect();
        maaraika::xlsx::table_workbook(out, about, sheet, &headers, &cells, &[])?;
        Ok(())
    }
}

fn about(
    list: &ListArgs,
    options: &Options,
    out: &OutputArgs,
    lang: Lang,
    title: &'static str,
) -> maaraika::xlsx::About {
    maaraika::xlsx::About {
        source: list.label(),
        as_of: options.as_of,
        reading: options.reading,
        lang,
        title,
        folder: output_folder(out),
        places: maaraika::problem::Places::default(),
    }
}

/// The label of a milestone.
fn milestone_label(milestone: AssistanceMilestone) -> Label {
    match milestone {
        AssistanceMilestone::Decision => Label::AsDecision,
        AssistanceMilestone::InfoRequest => Label::AsInfoRequest,
        AssistanceMilestone::Meeting => Label::AsMeeting,
        AssistanceMilestone::Payment => Label::AsPayment,
    }
}

/// A status as a word: its key and its words; `not_recorded` for a milestone the list lacks.
fn status_word(status: Option<Status>, lang: Lang) -> Cell<'static> {
    match status {
        Some(status) => Cell::Word(status.as_str(), lang.status(status)),
        None => Cell::Word("not_recorded", lang.get(Label::AsNotRecorded)),
    }
}

/// The parts of a milestone's columns in the audit: key suffix, label.
const PARTS: [(Part, Label); 4] = [
    (Part::Deadline, Label::AsDeadline),
    (Part::Status, Label::AsStatus),
    (Part::DaysOver, Label::AsDaysOver),
    (Part::DaysLeft, Label::AsDaysLeft),
];

/// A part of a milestone's columns in the audit.
#[derive(Clone, Copy)]
enum Part {
    Deadline,
    Status,
    DaysOver,
    DaysLeft,
}

/// The audit's columns: the application, then each milestone's deadline, status and working
/// days, then the working days elapsed to the decision and to the payment.
fn audit_grid(lang: Lang) -> Grid {
    let mut columns: Vec<(&'static str, String)> = vec![
        ("case_id", lang.get(Label::ColCaseId).into()),
        ("unit", lang.get(Label::ColUnit).into()),
        (
            "application_date",
            lang.get(Label::AsApplicationDate).into(),
        ),
        ("urgent", lang.get(Label::AsUrgent).into()),
        ("arrived", lang.get(Label::AsArrived).into()),
    ];
    for milestone in AssistanceMilestone::ALL {
        for (part, label) in PARTS {
            let Some(key) = audit_key(milestone, part) else {
                continue;
            };
            let words = format!(
                "{}: {}",
                lang.get(milestone_label(milestone)),
                lang.get(label)
            );
            columns.push((key, words));
        }
    }
    for (key, milestone) in [
        (
            "decision_elapsed_working_days",
            AssistanceMilestone::Decision,
        ),
        ("payment_elapsed_working_days", AssistanceMilestone::Payment),
    ] {
        let words = format!(
            "{}: {}",
            lang.get(milestone_label(milestone)),
            lang.get(Label::AsElapsed)
        );
        columns.push((key, words));
    }
    columns.push(("reading", lang.get(Label::ColReading).into()));
    Grid::new(&columns)
}

/// The key of a milestone's column, where the milestone has it: the payment has no deadline,
/// the request no working days left (it is never due).
fn audit_key(milestone: AssistanceMilestone, part: Part) -> Option<&'static str> {
    use AssistanceMilestone::{Decision, InfoRequest, Meeting, Payment};
    use Part::{DaysLeft, DaysOver, Deadline, Status};
    Some(match (milestone, part) {
        (Decision, Deadline) => "decision_deadline",
        (Decision, Status) => "decision_status",
        (Decision, DaysOver) => "decision_working_days_over",
        (Decision, DaysLeft) => "decision_working_days_left",
        (InfoRequest, Deadline) => "info_request_deadline",
        (InfoRequest, Status) => "info_request_status",
        (InfoRequest, DaysOver) => "info_request_working_days_over",
        (Meeting, Deadline) => "meeting_deadline",
        (Meeting, Status) => "meeting_status",
        (Meeting, DaysOver) => "meeting_working_days_over",
        (Meeting, DaysLeft) => "meeting_working_days_left",
        (Payment, Status) => "payment_status",
        _ => return None,
    })
}

/// The number of columns of [`audit_grid`].
const AUDIT_COLUMNS: usize = 20;

/// An evaluated application as a row of [`audit_grid`].
fn audit_row<'a>(a: &'a EvaluatedApplication, lang: Lang, reading: Reading) -> Vec<Cell<'a>> {
    let e = &a.evaluation;
    let mut row = Vec::with_capacity(AUDIT_COLUMNS);
    row.extend([
        Cell::Text(Cow::Borrowed(&a.case_id)),
        Cell::Text(Cow::Borrowed(&a.unit)),
        Cell::Date(Some(a.application.arrival)),
        Cell::Word(
            if a.application.urgent { "1" } else { "0" },
            lang.yes_no(a.application.urgent),
        ),
        Cell::Date(Some(e.arrived)),
    ]);
    for milestone in AssistanceMilestone::ALL {
        let verdict = e.verdict(milestone);
        let outcome = verdict.outcome;
        for (part, _) in PARTS {
            if audit_key(milestone, part).is_none() {
                continue;
            }
            row.push(match part {
                Part::Deadline => Cell::Date(verdict.deadline()),
                Part::Status => status_word(verdict.status(), lang),
                Part::DaysOver => Cell::Count(
                    outcome.and_then(|o| o.working_days_late.or(o.working_days_overdue)),
                ),
                Part::DaysLeft => Cell::Count(outcome.and_then(|o| o.working_days_remaining)),
            });
        }
    }
    row.push(Cell::Count(
        e.verdict(AssistanceMilestone::Decision)
            .elapsed_working_days,
    ));
    row.push(Cell::Count(
        e.verdict(AssistanceMilestone::Payment).elapsed_working_days,
    ));
    row.push(Cell::Word(reading.as_str(), lang.reading(reading)));
    debug_assert_eq!(row.len(), AUDIT_COLUMNS);
    row
}

/// Where the rows of the audit and the overdue list go as they come: CSV and JSON streamed; a
/// table and a workbook collected and written at the end.
struct RowSink<'a> {
    style: CsvStyle,
    reading: Reading,
    grid: Grid,
    dest: Dest<'a>,
}

enum Dest<'a> {
    /// Written fast ([`maaraika::report::GridCsv`]; its plain twin is [`Grid::write_csv`]).
    Csv(Box<maaraika::report::GridCsv<Output<'a>>>),
    /// The output, and the rows written so far.
    Json(Output<'a>, u64),
    /// The output, whether a workbook, and the rows.
    Collect(Output<'a>, bool, Vec<Vec<Cell<'static>>>),
}

impl<'a> RowSink<'a> {
    fn new(
        format: Format,
        xlsx: bool,
        style: CsvStyle,
        reading: Reading,
        mut out: Output<'a>,
    ) -> Result<RowSink<'a>> {
        let grid = audit_grid(style.lang);
        let dest = match format {
            _ if xlsx => Dest::Collect(out, true, Vec::new()),
            Format::Csv => Dest::Csv(Box::new(maaraika::report::GridCsv::new(
                out,
                style,
                &grid.csv_header(style),
            )?)),
            Format::Json => {
                out.write_all(b"[")?;
                Dest::Json(out, 0)
            }
            Format::Table => Dest::Collect(out, false, Vec::new()),
        };
        Ok(RowSink {
            style,
            reading,
            grid,
            dest,
        })
    }

    fn add(&mut self, a: &EvaluatedApplication) -> Result<()> {
        match &mut self.dest {
            Dest::Json(out, rows) => {
                out.write_all(if *rows == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *out, &Record::of(a, self.reading))
                    .map_err(std::io::Error::from)?;
                *rows += 1;
            }
            Dest::Csv(writer) => {
                let row = audit_row(a, self.style.lang, self.reading);
                writer.row(row.iter().map(|cell| cell.grid(self.style)))?;
            }
            Dest::Collect(_, _, rows) => rows.push(
                audit_row(a, self.style.lang, self.reading)
                    .into_iter()
                    .map(Cell::owned)
                    .collect(),
            ),
        }
        Ok(())
    }

    /// Writes what is left (the closing bracket; the table or workbook unless `failed`) and
    /// hands the output back.
    fn finish(self, about: &maaraika::xlsx::About, failed: bool) -> Result<Output<'a>> {
        Ok(match self.dest {
            Dest::Json(mut out, rows) => {
                out.write_all(if rows == 0 { b"]\n" } else { b"\n]\n" })?;
                out
            }
            Dest::Csv(writer) => writer.finish()?,
            Dest::Collect(out, _, _) if failed => out,
            Dest::Collect(mut out, true, rows) => {
                self.grid
                    .write_xlsx(&mut out, &rows, about, "Toimeentulotuki")?;
                out
            }
            Dest::Collect(mut out, false, rows) => {
                self.grid.write_table(&mut out, &rows, self.style.lang)?;
                writeln!(out, "{}", self.style.lang.reading_line(self.reading))?;
                out
            }
        })
    }
}

fn audit(args: AssistanceAuditArgs, stdout: &mut dyn Write) -> Result<u8> {
    let options = args.list.options();
    let format = args.out.format()?;
    let mut reader = open(&args.list, &args.out)?;
    let lang = args.list.lang();
    let style = args.out.style(lang);
    let reading = options.reading;
    let about = about(&args.list, &options, &args.out, lang, "assistance audit");
    let output = args.out.open(stdout)?;
    let mut sink = RowSink::new(format, args.out.xlsx(), style, reading, output)?;
    let listed = run_applications(&args.list, &options, &mut reader, style, |a| sink.add(a));
    finish_rows(sink, listed, &args.list, &options, &about)
}

/// Ends a run that wrote rows: the rows collected written, the output kept unless the run failed.
fn finish_rows(
    sink: RowSink,
    listed: Result<AuditOutcome>,
    list: &ListArgs,
    options: &Options,
    about: &maaraika::xlsx::About,
) -> Result<u8> {
    // Reading failed for good mid-way: the rows before it are out, JSON is closed, an `--output`
    // file is not kept.
    if let Err(error @ Error::Input(_)) = listed {
        sink.finish(about, true)?.finish(false)?;
        return Err(error);
    }
    let outcome = listed?;
    let output = sink.finish(about, false)?;
    let code = exit_code(list, options, &outcome);
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}

/// How urgent an application is for the overdue list: overdue (the most overdue first), then
/// due within `due_within` working days (the soonest first); `None` for the rest.
fn urgency(a: &EvaluatedApplication, due_within: Option<u32>) -> Option<(u8, i64)> {
    let verdicts = &a.evaluation.verdicts;
    let overdue = verdicts
        .iter()
        .filter_map(|v| v.outcome)
        .filter(|o| o.status == Status::Overdue)
        .filter_map(|o| o.working_days_overdue)
        .max();
    if let Some(days) = overdue {
        return Some((0, -days));
    }
    let limit = i64::from(due_within?);
    verdicts
        .iter()
        .filter_map(|v| v.outcome)
        .filter(|o| o.status == Status::Due)
        .filter_map(|o| o.working_days_remaining)
        .filter(|days| *days <= limit)
        .min()
        .map(|days| (1, days))
}

fn overdue(args: AssistanceOverdueArgs, stdout: &mut dyn Write) -> Result<u8> {
    let options = args.list.options();
    let format = args.out.format()?;
    let mut reader = open(&args.list, &args.out)?;
    let lang = args.list.lang();
    let style = args.out.style(lang);
    let reading = options.reading;
    let about = about(&args.list, &options, &args.out, lang, "assistance overdue");
    // Kept until sorted: the texts and the evaluation, some 300 bytes an application.
    let mut kept: Vec<((u8, i64), EvaluatedApplication<'static>)> = Vec::new();
    let listed = run_applications(&args.list, &options, &mut reader, style, |a| {
        if let Some(rank) = urgency(a, args.due_within) {
            kept.push((
                rank,
                EvaluatedApplication {
                    line: a.line,
                    case_id: Cow::Owned(a.case_id.to_string()),
                    unit: Cow::Owned(a.unit.to_string()),
                    application: a.application,
                    evaluation: a.evaluation,
                },
            ));
        }
        Ok(())
    });
    kept.sort_by_key(|(rank, a)| (*rank, a.line));
    let output = args.out.open(stdout)?;
    let mut sink = RowSink::new(format, args.out.xlsx(), style, reading, output)?;
    if listed.is_ok() {
        for (_, a) in &kept {
            sink.add(a)?;
        }
    }
    finish_rows(sink, listed, &args.list, &options, &about)
}

/// The statuses of the summary, in its order; the last is `not_recorded`.
const SUMMARY_STATUSES: [Option<Status>; 6] = [
    Some(Status::Met),
    Some(Status::Late),
    Some(Status::Due),
    Some(Status::Overdue),
    Some(Status::None),
    None,
];

/// Counts per milestone and status (in the order of [`SUMMARY_STATUSES`]).
type MilestoneCounts = [[u64; 6]; 4];

fn summary(args: AssistanceSummaryArgs, stdout: &mut dyn Write) -> Result<u8> {
    let options = args.list.options();
    let format = args.out.format()?;
    let mut reader = open(&args.list, &args.out)?;
    let lang = args.list.lang();
    let style = args.out.style(lang);
    let by_unit = args.by == Some(SummaryBy::Unit);
    let unit_header = reader.header_of(InputColumn::Unit).map(str::to_owned);
    let mut units: BTreeMap<String, MilestoneCounts> = BTreeMap::new();
    let outcome = run_applications(&args.list, &options, &mut reader, style, |a| {
        let Some(counts) = unit_counts(&mut units, by_unit, &a.unit) else {
            return Err(too_many_units(
                &args.list.label(),
                unit_header.as_deref(),
                a.line,
            ));
        };
        for (m, verdict) in a.evaluation.verdicts.iter().enumerate() {
            let status = verdict.status();
            let index = SUMMARY_STATUSES
                .iter()
                .position(|s| *s == status)
                .unwrap_or(5);
            counts[m][index] += 1;
        }
        Ok(())
    })?;
    let mut all = MilestoneCounts::default();
    for counts in units.values() {
        for (m, row) in counts.iter().enumerate() {
            for (i, n) in row.iter().enumerate() {
                all[m][i] += n;
            }
        }
    }
    let mut rows: Vec<(Option<&str>, &MilestoneCounts)> = Vec::new();
    if by_unit {
        rows.extend(units.iter().map(|(unit, c)| (Some(unit.as_str()), c)));
    }
    rows.push((None, &all));
    let mut columns: Vec<(&'static str, String)> = Vec::new();
    if by_unit {
        columns.push(("unit", lang.get(Label::ColUnit).into()));
    }
    columns.push(("milestone", lang.get(Label::AsMilestone).into()));
    for status in SUMMARY_STATUSES {
        columns.push(match status {
            Some(status) => (status.as_str(), lang.status(status).into()),
            None => ("not_recorded", lang.get(Label::AsNotRecorded).into()),
        });
    }
    columns.push((
        "over_limit_pct",
        format!("{} %", lang.get(Label::AsOverLimit)),
    ));
    let grid = Grid::new(&columns);
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .flat_map(|(unit, counts)| {
            AssistanceMilestone::ALL.into_iter().map(move |milestone| {
                let c = counts[milestone as usize];
                let mut row = Vec::new();
                if by_unit {
                    row.push(match unit {
                        Some(unit) => Cell::Text(Cow::Borrowed(unit)),
                        None => Cell::Word("all", lang.get(Label::All)),
                    });
                }
                row.push(Cell::Word(
                    milestone.key(),
                    lang.get(milestone_label(milestone)),
                ));
                row.extend(c.iter().map(|n| Cell::Count(Some(*n as i64))));
                // Late and overdue of the applications with a deadline (met, late, due, overdue).
                row.push(Cell::Pct(percent(c[1] + c[3], c[0] + c[1] + c[2] + c[3])));
                row
            })
        })
        .collect();
    let about = about(&args.list, &options, &args.out, lang, "assistance summary");
    let mut output = args.out.open(stdout)?;
    write_grid(
        &mut output,
        &grid,
        &cells,
        format,
        args.out.xlsx(),
        style,
        &about,
        || {
            #[derive(Serialize)]
            struct Counts {
                unit: Option<String>,
                milestone: AssistanceMilestone,
                counts: BTreeMap<&'static str, u64>,
            }
            rows.iter()
                .flat_map(|(unit, counts)| {
                    AssistanceMilestone::ALL
                        .into_iter()
                        .map(move |milestone| Counts {
                            unit: unit
                                .map(str::to_owned)
                                .or_else(|| by_unit.then(|| "all".into())),
                            milestone,
                            counts: SUMMARY_STATUSES
                                .iter()
                                .zip(counts[milestone as usize])
                                .map(|(s, n)| (s.map_or("not_recorded", Status::as_str), n))
                                .collect(),
                        })
                })
                .collect::<Vec<_>>()
        },
    )?;
    if format == Format::Table && !args.out.xlsx() {
        writeln!(
            output,
            "{}",
            lang.fill(Label::ThlAsOfLine, &[&finnish(options.as_of)])
        )?;
        writeln!(output, "{}", lang.reading_line(options.reading))?;
    }
    let code = exit_code(&args.list, &options, &outcome);
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}

/// A table of counts in the format asked for; JSON is what `json` makes.
#[allow(clippy::too_many_arguments)]
fn write_grid<T: Serialize>(
    out: &mut dyn Write,
    grid: &Grid,
    rows: &[Vec<Cell>],
    format: Format,
    xlsx: bool,
    style: CsvStyle,
    about: &maaraika::xlsx::About,
    json: impl FnOnce() -> T,
) -> Result<()> {
    match format {
        _ if xlsx => grid.write_xlsx(out, rows, about, "Toimeentulotuki")?,
        Format::Json => write_json(out, &json())?,
        Format::Table => grid.write_table(out, rows, style.lang)?,
        Format::Csv => {
            let mut writer = style.writer(out)?;
            writer
                .write_record(grid.csv_header(style))
                .map_err(csv_io)?;
            for row in rows {
                Grid::write_csv(&mut writer, row, style).map_err(csv_io)?;
            }
            writer.flush()?;
        }
    }
    Ok(())
}

/// The month's figures as JSON: the month, the reading of it, the as-of date and the counts.
#[derive(Serialize)]
struct MonthReport {
    month: Month,
    counted_by: CountedBy,
    as_of: NaiveDate,
    reading: Reading,
    #[serde(flatten)]
    counts: MonthCounts,
}

/// The month's figures broken down by unit: `units` and `all`.
#[derive(Serialize)]
struct UnitsReport {
    month: Month,
    counted_by: CountedBy,
    as_of: NaiveDate,
    reading: Reading,
    units: Vec<UnitCounts>,
    all: MonthCounts,
}

#[derive(Serialize)]
struct UnitCounts {
    unit: String,
    #[serde(flatten)]
    counts: MonthCounts,
}

/// The columns of the month's figures after the unit: (key, label, a share after it?).
const THL_COLUMNS: [(&str, Label, Option<&str>); 7] = [
    ("applications", Label::AsApplications, None),
    ("urgent", Label::AsUrgent, Some("urgent_pct")),
    ("over_limit", Label::AsOverLimit, Some("over_limit_pct")),
    (
        "info_requests",
        Label::AsInfoRequests,
        Some("info_requests_pct"),
    ),
    (
        "info_requests_over_limit",
        Label::AsInfoRequestsOverLimit,
        Some("info_requests_over_limit_pct"),
    ),
    ("meetings_requested", Label::AsMeetingsRequested, None),
    (
        "meetings_over_limit",
        Label::AsMeetingsOverLimit,
        Some("meetings_over_limit_pct"),
    ),
];

fn thl(args: AssistanceThlArgs, stdout: &mut dyn Write) -> Result<u8> {
    let options = args.list.options();
    let format = args.out.format()?;
    let mut reader = open(&args.list, &args.out)?;
    let lang = args.list.lang();
    let style = args.out.style(lang);
    let by_unit = args.by.contains(&ThlBy::Unit);
    let counted_by = match (
        args.by.contains(&ThlBy::ArrivalMonth),
        args.by.contains(&ThlBy::DecisionMonth),
    ) {
        (true, true) => {
            return Err(Error::Usage(
                lang.get(maaraika::labels::Label::UseTwoCountings).into(),
            ))
        }
        (_, true) => CountedBy::DecisionMonth,
        _ => CountedBy::ArrivalMonth,
    };
    let month = args.month;
    let unit_header = reader.header_of(InputColumn::Unit).map(str::to_owned);
    let units: RefCell<BTreeMap<String, MonthCounts>> = RefCell::new(BTreeMap::new());
    let outcome = run_applications(&args.list, &options, &mut reader, style, |a| {
        let mut units = units.borrow_mut();
        let Some(counts) = unit_counts(&mut units, by_unit, &a.unit) else {
            return Err(too_many_units(
                &args.list.label(),
                unit_header.as_deref(),
                a.line,
            ));
        };
        counts.add(&a.application, &a.evaluation, month, counted_by);
        Ok(())
    })?;
    let units = units.into_inner();
    let mut all = MonthCounts::default();
    for counts in units.values() {
        all.merge(counts);
    }
    let mut rows: Vec<(Option<&str>, &MonthCounts)> = Vec::new();
    if by_unit {
        rows.extend(units.iter().map(|(unit, c)| (Some(unit.as_str()), c)));
    }
    rows.push((None, &all));
    let mut columns: Vec<(&'static str, String)> = Vec::new();
    if by_unit {
        columns.push(("unit", lang.get(Label::ColUnit).into()));
    }
    columns.push(("month", lang.get(Label::AsMonth).into()));
    columns.push(("counted_by", lang.get(Label::AsCountedBy).into()));
    for (key, label, share) in THL_COLUMNS {
        columns.push((key, lang.get(label).into()));
        if let Some(share) = share {
            columns.push((share, format!("{} %", lang.get(label))));
        }
    }
    columns.push(("as_of", lang.get(Label::ColAsOf).into()));
    columns.push(("reading", lang.get(Label::ColReading).into()));
    let grid = Grid::new(&columns);
    let counted_word = match counted_by {
        CountedBy::ArrivalMonth => Label::AsArrivalMonth,
        CountedBy::DecisionMonth => Label::AsDecisionMonth,
    };
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|(unit, c)| {
            let mut row = Vec::new();
            if by_unit {
                row.push(match unit {
                    Some(unit) => Cell::Text(Cow::Borrowed(unit)),
                    None => Cell::Word("all", lang.get(Label::All)),
                });
            }
            row.push(Cell::Text(Cow::Owned(month.to_string())));
            row.push(Cell::Word(counted_by.key(), lang.get(counted_word)));
            let shares = [
                None,
                Some(c.urgent_pct),
                Some(c.over_limit_pct),
                Some(c.info_requests_pct),
                Some(c.info_requests_over_limit_pct),
                None,
                Some(c.meetings_over_limit_pct),
            ];
            for (n, share) in c.counts().into_iter().zip(shares) {
                row.push(Cell::Count(Some(n as i64)));
                if let Some(share) = share {
                    row.push(Cell::Pct(share));
                }
            }
            row.push(Cell::Date(Some(options.as_of)));
            row.push(Cell::Word(
                options.reading.as_str(),
                lang.reading(options.reading),
            ));
            row
        })
        .collect();
    let about = about(&args.list, &options, &args.out, lang, "assistance thl");
    let mut output = args.out.open(stdout)?;
    if format == Format::Table && !args.out.xlsx() {
        let title = lang.fill(
            Label::AsThlTitle,
            &[&month.to_string(), lang.get(counted_word)],
        );
        writeln!(output, "{title}")?;
    }
    let report = |counts: MonthCounts| MonthReport {
        month,
        counted_by,
        as_of: options.as_of,
        reading: options.reading,
        counts,
    };
    match format {
        Format::Json if !args.out.xlsx() && by_unit => write_json(
            &mut output,
            &UnitsReport {
                month,
                counted_by,
                as_of: options.as_of,
                reading: options.reading,
                units: units
                    .iter()
                    .map(|(unit, counts)| UnitCounts {
                        unit: unit.clone(),
                        counts: *counts,
                    })
                    .collect(),
                all,
            },
        )?,
        _ => write_grid(
            &mut output,
            &grid,
            &cells,
            format,
            args.out.xlsx(),
            style,
            &about,
            || report(all),
        )?,
    }
    if format == Format::Table && !args.out.xlsx() {
        writeln!(
            output,
            "{}",
            lang.fill(Label::ThlAsOfLine, &[&finnish(options.as_of)])
        )?;
        writeln!(output, "{}", lang.reading_line(options.reading))?;
    }
    let code = exit_code(&args.list, &options, &outcome);
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}
