//! A list of applications, read like a case list ([`crate::input`]: CSV or workbook, Finnish
//! Excel dialects, headers by stem in Finnish, Swedish and English), each row decoded into an
//! [`Application`] and evaluated, or reported with its line, column and problem. Rows in = rows
//! evaluated + rows reported: nothing is dropped.
//!
//! The arrival date is the case list's pending-date column (`application_date`, `Saapumispäivä`,
//! `Hakemus saapunut`, `Inkommen`); the others are columns of their own.

use std::borrow::Cow;

use super::evaluation::{
    evaluate_application, names, Application, ApplicationError, AssistanceEvaluation, Recorded,
};
use crate::batch::{
    calendar_date_column, check_width, flag_column, problem, Invalid, Settings, Tally,
};
use crate::input::{CaseReader, Column, ColumnRef, InputError, RawRow, ReadError, RowProblem};
use crate::text::shown;

/// An application read and evaluated.
pub struct Evaluated<'a> {
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
pub enum Found<'r, 'a> {
    /// An application evaluated.
    Application(&'r Evaluated<'a>),
    /// A row that could not be.
    Invalid(&'r Invalid<'a>),
}

/// The milestones a list records: those whose column it has. A list without a payment column
/// gives no payment verdicts (`not_recorded`).
pub fn recorded(reader: &CaseReader) -> Recorded {
    Recorded {
        decision: reader.has_column(Column::DecisionDate),
        info_request: reader.has_column(Column::InfoRequestedDate),
        meeting: reader.has_column(Column::MeetingRequestedDate),
        payment: reader.has_column(Column::PaidDate),
    }
}

/// Decodes a row into an application: every field checked, the first problem reported.
pub fn decode(row: &RawRow) -> Result<Application, RowProblem> {
    check_width(row)?;
    let arrival = calendar_date_column(row, Column::PendingDate)?.ok_or_else(|| {
        problem(
            row,
            Column::PendingDate,
            "is empty: every application needs the day it arrived".into(),
        )
    })?;
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
        problem: error.to_string(),
    }
}

/// Reads every row of `reader`, evaluates it as of the settings' date and reading, and hands
/// each to `visit`, in input order. Returns the counts; stops early only on a fatal input error
/// or when `visit` fails.
pub fn run<E: From<InputError>>(
    reader: &mut CaseReader,
    settings: Settings,
    mut visit: impl FnMut(Found<'_, '_>) -> Result<(), E>,
) -> Result<Tally, E> {
    let recorded = recorded(reader);
    let mut tally = Tally::default();
    while let Some(next) = reader.next_row() {
        let row = match next {
            Ok(row) => row,
            Err(ReadError::Fatal(error)) => return Err(error.into()),
            Err(ReadError::Row(problem)) => {
                tally.invalid += 1;
                let invalid = Invalid {
                    problem,
                    case_id: Cow::Borrowed(""),
                    unit: Cow::Borrowed(""),
                };
                visit(Found::Invalid(&invalid))?;
                continue;
            }
        };
        let text = |column| match row.get(column) {
            Some(Cow::Borrowed(text)) => shown(text, settings.show_hetu),
            Some(Cow::Owned(text)) => Cow::Owned(shown(&text, settings.show_hetu).into_owned()),
            None => Cow::Borrowed(""),
        };
        let (case_id, unit) = (text(Column::CaseId), text(Column::Unit));
        let evaluated = decode(&row).and_then(|application| {
            evaluate_application(&application, recorded, settings.as_of, settings.reading)
                .map(|evaluation| (application, evaluation))
                .map_err(|error| chain_problem(&row, error))
        });
        match evaluated {
            Ok((application, evaluation)) => {
                tally.evaluated += 1;
                tally.overdue += u64::from(evaluation.is_overdue());
                visit(Found::Application(&Evaluated {
                    line: row.line(),
                    case_id,
                    unit,
                    application,
                    evaluation,
                }))?;
            }
            Err(problem) => {
                tally.invalid += 1;
                visit(Found::Invalid(&Invalid {
                    problem,
                    case_id,
                    unit,
                }))?;
            }
        }
    }
    Ok(tally)
}
