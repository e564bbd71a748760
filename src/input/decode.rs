//! A row of a case list becomes a [`Case`] here ([`decode`]), or a [`RowProblem`] that names the
//! line, the column and what is wrong: every cell checked, the first problem reported. The
//! pipeline (`batch`) and the social-assistance reader decode their rows through these
//! functions, and keep a row's texts (case id, unit) as [`keep`] makes them fit to show.

use std::ops::Range;

use chrono::NaiveDate;

use super::cells::{flag_word, parse_care_level, parse_flag, CareLevel};
use super::column::{Column, ColumnRef};
use super::row::RawRow;
use super::row_problem::RowProblem;
use crate::calendar::{FIRST_DATE, LAST_DATE};
use crate::dates::{parse_date, parse_date_bytes, quick_date};
use crate::evaluation::{Case, CaseError, Person, Unrecorded};
use crate::hetu::Hetu;
use crate::problem::{Problem, Shown};
use crate::rules::Milestone;
use crate::text::{is_plain, may_hold_code};

/// Keeps the text of `column` (trimmed, decoded, as [`crate::text::shown`]: identity codes
/// redacted unless `show_hetu`, hidden characters as `?`) in `text`; where it is. Printable
/// ASCII without the start of a code, nearly every case id and unit, is kept as read.
pub(crate) fn keep(
    text: &mut Vec<u8>,
    row: &RawRow,
    column: Column,
    show_hetu: bool,
) -> Range<usize> {
    let start = text.len();
    match row.bytes(column) {
        Some(bytes) if is_plain(bytes) && (show_hetu || !may_hold_code(bytes)) => {
            text.extend_from_slice(bytes)
        }
        Some(_) => keep_shown(text, row, column, show_hetu),
        None => {}
    }
    start..text.len()
}

/// [`keep`] for text that needs decoding, or may hold a code or a hidden character.
#[cold]
#[inline(never)]
fn keep_shown(text: &mut Vec<u8>, row: &RawRow, column: Column, show_hetu: bool) {
    let decoded = row.get(column).unwrap_or_default();
    text.extend_from_slice(crate::text::shown(&decoded, show_hetu).as_bytes());
}

/// A problem with one column of a row.
pub(crate) fn problem(row: &RawRow, column: Column, problem: Problem) -> RowProblem {
    RowProblem {
        line: row.line(),
        column: Some(ColumnRef::Known(column)),
        problem,
    }
}

/// A date cell. Dates are ASCII, so the raw bytes are parsed without decoding; only a cell they
/// do not parse as (Unicode spaces around it, or not a date) takes the text route, which also
/// gives the message.
fn date_column(row: &RawRow, column: Column) -> Result<Option<NaiveDate>, RowProblem> {
    // A cell as read (nearly every one is a bare date, or empty), then trimmed.
    match row.bytes_as_read(column) {
        None | Some([]) => Ok(None),
        Some(bytes) => match quick_date(bytes) {
            Some(date) => Ok(Some(date)),
            None => date_trimmed(row, column),
        },
    }
}

/// [`date_column`] for a cell that is not a bare date in a common form: trimmed first.
#[inline(never)]
fn date_trimmed(row: &RawRow, column: Column) -> Result<Option<NaiveDate>, RowProblem> {
    match row.bytes(column) {
        None | Some([]) => Ok(None),
        Some(bytes) => match parse_date_bytes(bytes) {
            Ok(date) => Ok(Some(date)),
            Err(_) => date_from_text(row, column),
        },
    }
}

/// [`date_column`] for a cell that is not a date as it stands: decoded and trimmed as text.
#[cold]
#[inline(never)]
fn date_from_text(row: &RawRow, column: Column) -> Result<Option<NaiveDate>, RowProblem> {
    match row.get(column) {
        None => Ok(None),
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => parse_date(&text).map(Some).map_err(|error| {
            let value = Shown::of(&text);
            problem(row, column, Problem::Date { value, error })
        }),
    }
}

/// A date the calendar has to count with (pending, start, completion): within its years.
pub(crate) fn calendar_date_column(
    row: &RawRow,
    column: Column,
) -> Result<Option<NaiveDate>, RowProblem> {
    let date = date_column(row, column)?;
    match date {
        Some(date) if !(FIRST_DATE..=LAST_DATE).contains(&date) => {
            Err(outside_calendar(row, column, date))
        }
        _ => Ok(date),
    }
}

/// The problem of a date outside the calendar's years. Out of line, so that the check run for
/// every date does not carry the message's set-up.
#[cold]
#[inline(never)]
fn outside_calendar(row: &RawRow, column: Column, date: NaiveDate) -> RowProblem {
    problem(row, column, Problem::OutsideCalendar { date })
}

/// A yes/no cell. ASCII reads the same in every encoding, so nearly every cell needs no decoding.
pub(crate) fn flag_column(row: &RawRow, column: Column) -> Result<bool, RowProblem> {
    // The cells of nearly every export, as read, with no further work; then trimmed.
    match row.bytes_as_read(column) {
        None | Some(b"" | b"0" | b"ei") => Ok(false),
        Some(b"1") => Ok(true),
        Some(_) => flag_trimmed(row, column),
    }
}

/// [`flag_column`] for a cell that is not a bare common flag: trimmed first.
#[inline(never)]
fn flag_trimmed(row: &RawRow, column: Column) -> Result<bool, RowProblem> {
    match row.bytes(column) {
        None | Some(b"" | b"0" | b"ei") => Ok(false),
        Some(b"1") => Ok(true),
        Some(_) => flag_from_text(row, column),
    }
}

/// [`flag_column`] for the other ways of writing yes and no (also the column's own word,
/// `kiireellinen`/`ei kiireellinen`), and for what is neither.
#[cold]
#[inline(never)]
fn flag_from_text(row: &RawRow, column: Column) -> Result<bool, RowProblem> {
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
        Some(text) => parse_flag(&text).or_else(|_| {
            flag_word(column, &text).ok_or_else(|| {
                let value = Shown::of(&text);
                problem(row, column, Problem::Flag { value })
            })
        }),
    }
}

/// The care-allowance cell of a column that gives the level (`Hoitotuki`): whether it is the
/// highest, the level with its own deadline. A bare yes says nothing about the level and is
/// reported.
#[cold]
#[inline(never)]
fn care_level_column(row: &RawRow) -> Result<bool, RowProblem> {
    let column = Column::CareAllowance;
    match row.get(column) {
        None => Ok(false),
        Some(text) => match parse_care_level(&text) {
            Ok(level) => Ok(level == CareLevel::Highest),
            Err(error) => {
                let value = Shown::of(&text);
                Err(problem(row, column, Problem::CareLevel { value, error }))
            }
        },
    }
}

/// A row with fewer fields than the header, or values past it: the columns cannot be trusted.
pub(crate) fn check_width(row: &RawRow) -> Result<(), RowProblem> {
    if row.field_count() < row.expected_fields() {
        return Err(RowProblem {
            line: row.line(),
            column: None,
            problem: Problem::TooFewFields {
                found: row.field_count(),
                expected: row.expected_fields(),
            },
        });
    }
    if row.field_count() > row.expected_fields() && row.has_values_past_header() {
        return Err(RowProblem {
            line: row.line(),
            column: None,
            problem: Problem::TooManyFields {
                found: row.field_count(),
                expected: row.expected_fields(),
            },
        });
    }
    Ok(())
}

/// Decodes a row into a case: every field checked, the first problem reported.
pub fn decode(row: &RawRow) -> Result<Case, RowProblem> {
    check_width(row)?;
    let pending = calendar_date_column(row, Column::PendingDate)?
        .ok_or_else(|| problem(row, Column::PendingDate, Problem::PendingEmpty))?;
    let birth = date_column(row, Column::BirthDate)?;
    let hetu = match row.get(Column::Hetu) {
        Some(text) if !text.is_empty() => {
            Some(Hetu::parse(&text).map_err(|e| problem(row, Column::Hetu, Problem::Hetu(e)))?)
        }
        _ => None,
    };
    let age = match row.get(Column::Age) {
        // Whole years; an age over the oldest is refused as the case's validation refuses it
        // (`CaseError::AgeOutOfRange`), in the words every front end uses, whether or not a
        // birth date beside it is what the case is judged by.
        Some(text) if !text.is_empty() => {
            let age = text.trim().parse::<u32>().map_err(|_| {
                let value = Shown::of(&text);
                problem(row, Column::Age, Problem::Age { value })
            })?;
            if age > crate::evaluation::MAX_AGE {
                let error = CaseError::AgeOutOfRange { age };
                return Err(problem(row, Column::Age, Problem::Case(error)));
            }
            Some(age)
        }
        _ => None,
    };
    let person = match (birth, hetu, age) {
        (Some(birth), Some(hetu), _) if birth != hetu.birth_date() => {
            return Err(problem(row, Column::BirthDate, Problem::BirthDateDiffers))
        }
        (_, Some(hetu), _) => Person::Hetu(hetu),
        (Some(birth), None, _) => Person::BirthDate(birth),
        (None, None, Some(age)) => Person::Age(age),
        (None, None, None) => Person::Unknown,
    };
    // Most lists record no decision or service: their columns are then not looked for per row,
    // and their milestones are not judged (a list without a column cannot say it was met).
    let (has_decision, has_implemented) = (
        row.has(Column::DecisionDate),
        row.has(Column::ImplementedDate),
    );
    let (decision, implemented) = if has_decision || has_implemented {
        (
            calendar_date_column(row, Column::DecisionDate)?,
            calendar_date_column(row, Column::ImplementedDate)?,
        )
    } else {
        (None, None)
    };
    let mut unrecorded = Unrecorded::NONE;
    if !has_decision {
        unrecorded = unrecorded.with(Milestone::Decision);
    }
    if !has_implemented {
        unrecorded = unrecorded.with(Milestone::Implementation);
    }
    Ok(Case {
        pending,
        person,
        care_allowance: if row.care_allowance_is_level() {
            care_level_column(row)?
        } else {
            flag_column(row, Column::CareAllowance)?
        },
        disabled: flag_column(row, Column::Disabled)?,
        child_special_support: flag_column(row, Column::ChildSpecialSupport)?,
        child_welfare: flag_column(row, Column::ChildWelfare)?,
        urgent: flag_column(row, Column::Urgent)?,
        started: calendar_date_column(row, Column::StartedDate)?,
        completed: calendar_date_column(row, Column::CompletedDate)?,
        older_person: flag_column(row, Column::OlderPerson)?,
        decision,
        implemented,
        unrecorded,
    })
}
