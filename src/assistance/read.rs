//! A list of applications, read like a case list ([`crate::input`]: CSV or workbook, Finnish
//! Excel dialects, headers by stem in Finnish, Swedish and English), each row decoded into an
//! [`Application`] and evaluated, or reported with its line, column and problem. Rows in = rows
//! evaluated + rows reported: nothing is dropped.
//!
//! The arrival date is the case list's pending-date column (`application_date`, `Saapumispäivä`,
//! `Hakemus saapunut`, `Inkommen`); the others are columns of their own.

use std::borrow::Cow;

use super::evaluation::{
    evaluate_application, names, Application, ApplicationError, AssistanceEvaluation,
    RecordedMilestones,
};
use crate::batch::{pipeline, Invalid, ReadRow, Rows, Tally};
use crate::input::decode::{calendar_date_column, check_width, flag_column, problem};
use crate::input::{CaseReader, Column, ColumnRef, InputError, RawRow, RowProblem};
use crate::options::Options;
use crate::problem::Problem;
use crate::text::may_hold_code;
use crate::text::{is_plain, shown};

/// An application read and evaluated.
pub struct EvaluatedApplication<'a> {
    /// The line it starts on.
    pub line: u64,
    /// The case id as every output shows it ([`crate::text::shown`]).
    pub case_id: Cow<'a, str>,
    /// The unit as shown.
    pub unit: Cow<'a, str>,
    /// The application as recorded.
    pub application: Application,
    /// Its evaluation.
    pub evaluation: AssistanceEvaluation,
}

/// What a run hands back, row by row.
pub enum AssistanceFinding<'r, 'a> {
    /// An application evaluated.
    Application(&'r EvaluatedApplication<'a>),
    /// A row that could not be.
    Invalid(&'r Invalid<'a>),
}

/// The milestones a list records: those whose column it has. A list without a payment column
/// gives no payment verdicts (`not_recorded`).
pub fn recorded(reader: &CaseReader) -> RecordedMilestones {
    RecordedMilestones {
        decision: reader.has_column(Column::DecisionDate),
        info_request: reader.has_column(Column::InfoRequestedDate),
        meeting: reader.has_column(Column::MeetingRequestedDate),
        payment: reader.has_column(Column::PaidDate),
    }
}

/// Decodes a row into an application: every field checked, the first problem reported.
pub fn decode(row: &RawRow) -> Result<Application, RowProblem> {
    check_width(row)?;
    let arrival = calendar_date_column(row, Column::PendingDate)?
        .ok_or_else(|| problem(row, Column::PendingDate, Problem::ArrivalEmpty))?;
    let date = |column| calendar_date_column(row, column);
    Ok(Application {
        arrival,
        urgent: flag_column(row, Column::Urgent)?,
        decision: date(Column::DecisionDate)?,
        info_requested: date(Column::InfoRequestedDate)?,
        info_received: date(Column::InfoReceivedDate)?,
        info_reply_due: date(Column::InfoReplyDueDate)?,
        meeting_requested: date(Column::MeetingRequestedDate)?,
        meeting: date(Column::MeetingDate)?,
        paid: date(Column::PaidDate)?,
    })
}

/// The column a date of [`names`] is read from.
pub fn column_of(name: &str) -> Column {
    match name {
        names::DECISION => Column::DecisionDate,
        names::REQUESTED => Column::InfoRequestedDate,
        names::RECEIVED => Column::InfoReceivedDate,
        names::REPLY_DUE => Column::InfoReplyDueDate,
        names::MEETING_REQUESTED => Column::MeetingRequestedDate,
        names::MEETING => Column::MeetingDate,
        names::PAID => Column::PaidDate,
        _ => Column::PendingDate,
    }
}

/// The row problem of dates that cannot all be true.
fn chain_problem(row: &RawRow, error: ApplicationError) -> RowProblem {
    RowProblem {
        line: row.line(),
        column: error.column().map(|name| ColumnRef::Known(column_of(name))),
        problem: Problem::Application(error),
    }
}

/// A case id or unit as every output shows it ([`crate::text::shown`]): printable ASCII that
/// cannot hold a code (nearly every one) as read, anything else made safe to show.
fn text<'a>(row: &RawRow<'a>, column: Column, show_hetu: bool) -> Cow<'a, str> {
    match row.bytes(column) {
        None => Cow::Borrowed(""),
        Some(bytes) if is_plain(bytes) && (show_hetu || !may_hold_code(bytes)) => {
            match std::str::from_utf8(bytes) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
            }
        }
        Some(_) => Cow::Owned(shown(&row.get(column).unwrap_or_default(), show_hetu).into_owned()),
    }
}

/// The units of a run as shown, each made once: a list has a handful, and most are not plain
/// ASCII (`Itä`, `Länsi`).
#[derive(Default)]
struct Units(Vec<(Vec<u8>, String)>);

impl Units {
    /// The unit of `row` as shown.
    fn get<'c>(&'c mut self, row: &RawRow<'c>, show_hetu: bool) -> Cow<'c, str> {
        let Some(bytes) = row.bytes(Column::Unit) else {
            return Cow::Borrowed("");
        };
        if is_plain(bytes) {
            return text(row, Column::Unit, show_hetu);
        }
        let index = match self.0.iter().position(|(raw, _)| raw == bytes) {
            Some(index) => index,
            None if self.0.len() < 64 => {
                let shown = text(row, Column::Unit, show_hetu).into_owned();
                self.0.push((bytes.to_vec(), shown));
                self.0.len() - 1
            }
            None => return text(row, Column::Unit, show_hetu),
        };
        Cow::Borrowed(&self.0[index].1)
    }
}

/// Reads every row of `reader`, evaluates it as of the options' date and reading, and hands
/// each to `visit`, in input order. Returns the counts; stops early only on a fatal input error
/// or when `visit` fails.
///
/// Two threads share the work, as in [`crate::batch::run`] and through the same pipeline: one
/// reads the rows into chunks of records, the calling one decodes, evaluates and visits them.
/// Chunks come back empty to be reused, so memory does not grow with the file.
pub fn run<E: From<InputError>>(
    reader: &mut CaseReader,
    options: &Options,
    mut visit: impl FnMut(AssistanceFinding<'_, '_>) -> Result<(), E>,
) -> Result<Tally, E> {
    let recorded = recorded(reader);
    let layout = reader.layout().clone();
    let mut tally = Tally::default();
    let mut units = Units::default();
    pipeline(
        reader,
        |_: &mut Rows| {},
        |rows: &mut Rows| -> Result<(), E> {
            for read in &rows.read {
                let (line, record) = match read {
                    ReadRow::Row { line, record } => (*line, *record),
                    ReadRow::Problem(problem) => {
                        tally.invalid += 1;
                        visit(AssistanceFinding::Invalid(&Invalid {
                            problem: problem.clone(),
                            case_id: Cow::Borrowed(""),
                            unit: Cow::Borrowed(""),
                        }))?;
                        continue;
                    }
                };
                let row = layout.row(&rows.records[record], line);
                visit_row(&row, recorded, options, &mut units, &mut tally, &mut visit)?;
            }
            Ok(())
        },
    )?;
    Ok(tally)
}

/// One row decoded, evaluated and visited.
fn visit_row<E>(
    row: &RawRow,
    recorded: RecordedMilestones,
    options: &Options,
    units: &mut Units,
    tally: &mut Tally,
    visit: &mut impl FnMut(AssistanceFinding<'_, '_>) -> Result<(), E>,
) -> Result<(), E> {
    let case_id = text(row, Column::CaseId, options.show_hetu);
    let evaluated = decode(row).and_then(|application| {
        evaluate_application(&application, recorded, options.as_of, options.reading)
            .map(|evaluation| (application, evaluation))
            .map_err(|error| chain_problem(row, error))
    });
    let unit = units.get(row, options.show_hetu);
    match evaluated {
        Ok((application, evaluation)) => {
            tally.evaluated += 1;
            tally.overdue += u64::from(evaluation.is_overdue());
            visit(AssistanceFinding::Application(&EvaluatedApplication {
                line: row.line(),
                case_id,
                unit,
                application,
                evaluation,
            }))
        }
        Err(problem) => {
            tally.invalid += 1;
            visit(AssistanceFinding::Invalid(&Invalid {
                problem,
                case_id,
                unit,
            }))
        }
    }
}

/// Where an application stands: the milestone that matters most now, and its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ApplicationStanding {
    /// The milestone.
    pub milestone: super::AssistanceMilestone,
    /// Its status.
    pub status: crate::evaluation::Status,
}

impl ApplicationStanding {
    /// The standing of an evaluation ([`AssistanceEvaluation::standing`]), if any milestone has
    /// a deadline.
    pub fn of(evaluation: &AssistanceEvaluation) -> Option<ApplicationStanding> {
        let verdict = evaluation.standing()?;
        Some(ApplicationStanding {
            milestone: verdict.milestone,
            status: verdict.status()?,
        })
    }
}

/// One application as JSON (`assistance audit --format json`, the web API): its facts, where it
/// stands, and its `deadlines`.
#[derive(Debug, serde::Serialize)]
pub struct Record<'a> {
    /// The line it starts on.
    pub line: u64,
    /// The case id as shown.
    pub case_id: &'a str,
    /// The unit as shown.
    pub unit: &'a str,
    /// The day it arrived.
    pub application_date: chrono::NaiveDate,
    /// The day counting starts from (a weekend arrival: the next working day).
    pub arrived: chrono::NaiveDate,
    /// Urgent.
    pub urgent: bool,
    /// The reading.
    pub reading: crate::calendar::Reading,
    /// The milestone that matters most now.
    pub standing: Option<ApplicationStanding>,
    /// Each milestone: decision, info request, meeting, payment.
    pub deadlines: &'a [super::Verdict; 4],
}

impl<'a> Record<'a> {
    /// The record of an evaluated application.
    pub fn of(a: &'a EvaluatedApplication, reading: crate::calendar::Reading) -> Record<'a> {
        Record {
            line: a.line,
            case_id: &a.case_id,
            unit: &a.unit,
            application_date: a.application.arrival,
            arrived: a.evaluation.arrived,
            urgent: a.application.urgent,
            reading,
            standing: ApplicationStanding::of(&a.evaluation),
            deadlines: &a.evaluation.verdicts,
        }
    }
}
