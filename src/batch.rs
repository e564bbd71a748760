//! A case list, row by row: each row decoded into a [`Case`] and evaluated, or reported with its
//! line, column and problem. Shared by `audit`, `overdue` and `summary`, which differ only in
//! what they do with each [`Item`].
//!
//! Rows in = rows evaluated + rows reported: nothing is dropped.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::calendar::Reading;
use crate::dates::{parse_date, parse_date_bytes};
use crate::evaluation::{evaluate, Case, CaseError, Evaluation, Person};
use crate::hetu::{looks_like_hetu, Hetu};
use crate::input::{parse_flag, CaseReader, Column, InputError, RawRow, ReadError, RowProblem};

/// One row's outcome.
pub enum Item<'a> {
    Evaluated(Evaluated<'a>),
    Invalid(Invalid<'a>),
}

/// A row that was evaluated.
pub struct Evaluated<'a> {
    pub line: u64,
    pub case_id: Cow<'a, str>,
    pub unit: Cow<'a, str>,
    /// The identity code as written, only kept when the user asked to see it.
    pub hetu: Option<Cow<'a, str>>,
    pub case: Case,
    pub evaluation: Evaluation,
}

/// A row that could not be evaluated, and why.
pub struct Invalid<'a> {
    pub problem: RowProblem,
    /// The case id and unit where they could be read (for summaries by unit).
    pub case_id: Cow<'a, str>,
    pub unit: Cow<'a, str>,
}

/// How to evaluate a list.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub as_of: NaiveDate,
    pub reading: Reading,
    pub show_hetu: bool,
}

/// What a case id or unit is shown as when it looks like an identity code and the user did not ask
/// to see identity codes.
pub const REDACTED: &str = "[henkilötunnus]";

/// A free-text field for output: unchanged, unless it looks like an identity code.
pub fn shown<'a>(text: Cow<'a, str>, show_hetu: bool) -> Cow<'a, str> {
    if !show_hetu && looks_like_hetu(&text) {
        Cow::Borrowed(REDACTED)
    } else {
        text
    }
}

/// Reads every row of `reader`, evaluates it, and hands each [`Item`] to `visit`, in input order.
/// Stops early only on a fatal input error or when `visit` fails.
pub fn run<E: From<InputError>>(
    reader: &mut CaseReader,
    settings: Settings,
    mut visit: impl FnMut(Item<'_>) -> Result<(), E>,
) -> Result<(), E> {
    while let Some(next) = reader.next_row() {
        let item = match next {
            Ok(row) => decode_and_evaluate(&row, settings),
            Err(ReadError::Row(problem)) => Item::Invalid(Invalid {
                problem,
                case_id: Cow::Borrowed(""),
                unit: Cow::Borrowed(""),
            }),
            Err(ReadError::Fatal(err)) => return Err(err.into()),
        };
        visit(item)?;
    }
    Ok(())
}

fn decode_and_evaluate<'a>(row: &RawRow<'a>, settings: Settings) -> Item<'a> {
    let text = |column| row.get(column).unwrap_or(Cow::Borrowed(""));
    let case_id = shown(text(Column::CaseId), settings.show_hetu);
    let unit = shown(text(Column::Unit), settings.show_hetu);
    let invalid = |problem: RowProblem| {
        Item::Invalid(Invalid {
            problem,
            case_id: case_id.clone(),
            unit: unit.clone(),
        })
    };
    let case = match decode(row) {
        Ok(case) => case,
        Err(problem) => return invalid(problem),
    };
    match evaluate(&case, settings.as_of, settings.reading) {
        Ok(evaluation) => Item::Evaluated(Evaluated {
            line: row.line(),
            hetu: settings.show_hetu.then(|| row.get(Column::Hetu)).flatten(),
            case_id,
            unit,
            case,
            evaluation,
        }),
        Err(err) => invalid(RowProblem {
            line: row.line(),
            column: column_of(&err).map(|c| c.name().to_string()),
            problem: err.to_string(),
        }),
    }
}

/// The column a case-level problem is best fixed in.
fn column_of(err: &CaseError) -> Option<Column> {
    Some(match err {
        CaseError::StartBeforePending { .. } => Column::StartedDate,
        CaseError::CompletionBeforePending { .. }
        | CaseError::CompletionBeforeStart { .. }
        | CaseError::CompletionWithoutStart => Column::CompletedDate,
        CaseError::BornAfterPending { .. } => Column::BirthDate,
        CaseError::ChildFlagForAdult { .. } | CaseError::Calendar(_) => return None,
    })
}

/// A problem with one column of a row.
fn problem(row: &RawRow, column: Column, problem: String) -> RowProblem {
    RowProblem {
        line: row.line(),
        column: Some(column.name().to_string()),
        problem,
    }
}

/// A value fit to quote in a message: never an identity code.
fn quoted(value: &str) -> String {
    if looks_like_hetu(value) {
        "the value".to_string()
    } else {
        let short: String = value.chars().take(40).collect();
        let more = if short.len() < value.len() { "…" } else { "" };
        format!("`{short}{more}`")
    }
}

/// A date cell. Dates are ASCII, so the raw bytes are parsed without decoding; only a cell they
/// do not parse as (Unicode spaces around it, or not a date) takes the text route, which also
/// gives the message.
fn date_column(row: &RawRow, column: Column) -> Result<Option<NaiveDate>, RowProblem> {
    match row.bytes(column) {
        None => return Ok(None),
        Some([]) => return Ok(None),
        Some(bytes) => {
            if let Ok(date) = parse_date_bytes(bytes) {
                return Ok(Some(date));
            }
        }
    }
    match row.get(column) {
        None => Ok(None),
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => parse_date(&text)
            .map(Some)
            .map_err(|e| problem(row, column, format!("{} {e}", quoted(&text)))),
    }
}

/// A yes/no cell. ASCII reads the same in every encoding, so nearly every cell needs no decoding.
fn flag_column(row: &RawRow, column: Column) -> Result<bool, RowProblem> {
    // The cells of nearly every export, with no further work.
    match row.bytes(column) {
        None | Some(b"" | b"0" | b"ei") => return Ok(false),
        Some(b"1") => return Ok(true),
        _ => {}
    }
    if let Some(Ok(text)) = row
        .bytes(column)
        .filter(|bytes| bytes.is_ascii())
        .map(std::str::from_utf8)
    {
        if let Ok(flag) = parse_flag(text) {
            return Ok(flag);
        }
    }
    match row.get(column) {
        None => Ok(false),
        Some(text) => {
            parse_flag(&text).map_err(|e| problem(row, column, format!("{} {e}", quoted(&text))))
        }
    }
}

/// Decodes a row into a case: every field checked, the first problem reported.
pub fn decode(row: &RawRow) -> Result<Case, RowProblem> {
    if row.field_count() < row.expected_fields() {
        return Err(RowProblem {
            line: row.line(),
            column: None,
            problem: format!(
                "has {} fields but the header has {}: check for a missing delimiter or a line break inside a value",
                row.field_count(),
                row.expected_fields()
            ),
        });
    }
    let pending = date_column(row, Column::PendingDate)?.ok_or_else(|| {
        problem(
            row,
            Column::PendingDate,
            "is empty: every case needs the date it became pending".into(),
        )
    })?;
    let birth = date_column(row, Column::BirthDate)?;
    let hetu = match row.get(Column::Hetu) {
        Some(text) if !text.is_empty() => {
            Some(Hetu::parse(&text).map_err(|e| problem(row, Column::Hetu, e.to_string()))?)
        }
        _ => None,
    };
    let age = match row.get(Column::Age) {
        Some(text) if !text.is_empty() => Some(
            text.parse::<u32>()
                .ok()
                .filter(|age| *age <= 130)
                .ok_or_else(|| {
                    problem(
                        row,
                        Column::Age,
                        format!("{} is not an age in whole years (0-130)", quoted(&text)),
                    )
                })?,
        ),
        _ => None,
    };
    let person = match (birth, hetu, age) {
        (Some(birth), Some(hetu), _) if birth != hetu.birth_date() => {
            return Err(problem(
                row,
                Column::BirthDate,
                "differs from the birth date in the identity code: check which is right".into(),
            ))
        }
        (_, Some(hetu), _) => Person::Hetu(hetu),
        (Some(birth), None, _) => Person::BirthDate(birth),
        (None, None, Some(age)) => Person::Age(age),
        (None, None, None) => Person::Unknown,
    };
    Ok(Case {
        pending,
        person,
        care_allowance: flag_column(row, Column::CareAllowance)?,
        disabled: flag_column(row, Column::Disabled)?,
        child_special_support: flag_column(row, Column::ChildSpecialSupport)?,
        child_welfare: flag_column(row, Column::ChildWelfare)?,
        urgent: flag_column(row, Column::Urgent)?,
        started: date_column(row, Column::StartedDate)?,
        completed: date_column(row, Column::CompletedDate)?,
    })
}
