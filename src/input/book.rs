//! What the workbook readers share, so that no two of them use each other: the .xlsx scanner
//! (`xlsx_sheet.rs`), calamine's side (`calamine_book.rs`, run in the reader process), the
//! reader process's protocol (`sandbox.rs`) and the renderer (`workbook.rs`) all speak of a
//! cell's [`Value`], a book's [`Source`], why it could not be opened ([`Failure`]), and the same
//! limits and fixes.

use std::path::PathBuf;
use std::sync::Arc;

use calamine::{Data, DataRef};

use super::error::{InputError, WorkbookProblem};
// The limits and fixes the messages name ([`WorkbookProblem`]), for the readers.
pub(super) use super::error::{MAX_MERGES, RESAVE};

/// Where the workbook comes from.
#[derive(Clone)]
pub(super) enum Source {
    Path(PathBuf),
    Bytes(Arc<Vec<u8>>),
}

/// Why the child could not open the sheet, as the reader process sends it.
pub(super) enum Failure {
    /// calamine's own words (never shown: they may quote the file).
    Damaged(String),
    /// `--sheet NAME` names no sheet: the name, and the sheets there are.
    UnknownSheet(String, Vec<String>),
    /// A problem in our words, sent by its code.
    Problem(WorkbookProblem),
}

impl Failure {
    pub(super) fn encode(&self) -> Vec<u8> {
        let code = match self {
            Failure::Problem(problem) => problem.code(),
            _ => String::new(),
        };
        let (kind, parts): (u8, Vec<&str>) = match self {
            Failure::Damaged(text) => (0, vec![text]),
            Failure::UnknownSheet(name, sheets) => (
                1,
                std::iter::once(name.as_str())
                    .chain(sheets.iter().map(String::as_str))
                    .collect(),
            ),
            Failure::Problem(_) => (2, vec![code.as_str()]),
        };
        let mut out = vec![kind];
        out.extend_from_slice(parts.join("\0").as_bytes());
        out
    }

    pub(super) fn decode(bytes: &[u8]) -> Failure {
        let text = String::from_utf8_lossy(bytes.get(1..).unwrap_or_default());
        let mut parts = text.split('\0').map(str::to_owned);
        match bytes.first() {
            Some(1) => {
                let name = parts.next().unwrap_or_default();
                Failure::UnknownSheet(name, parts.collect())
            }
            Some(2) => Failure::Problem(WorkbookProblem::from_code(&text)),
            _ => Failure::Damaged(text.into_owned()),
        }
    }

    pub(super) fn into_error(self, label: &str) -> InputError {
        match self {
            Failure::Damaged(text) => damaged(label, text),
            Failure::UnknownSheet(sheet, sheets) => InputError::UnknownSheet {
                path: PathBuf::from(label),
                sheet,
                sheets,
            },
            Failure::Problem(problem) => InputError::Workbook {
                path: PathBuf::from(label),
                problem,
            },
        }
    }
}

pub(super) fn workbook_error(label: &str, problem: WorkbookProblem) -> InputError {
    InputError::Workbook {
        path: PathBuf::from(label),
        problem,
    }
}

pub(super) fn damaged(label: &str, error: impl std::fmt::Display) -> InputError {
    let text = error.to_string();
    if text.contains("password") {
        return workbook_error(label, WorkbookProblem::Password);
    }
    // calamine's own words name zip records and XML tags: no help to the user, and they may
    // quote bytes of the file.
    workbook_error(label, WorkbookProblem::Damaged)
}

pub(super) fn too_many_merges(label: &str) -> InputError {
    workbook_error(label, WorkbookProblem::TooManyMerges)
}

/// A cell's value, whichever reader it came from.
#[derive(Debug, PartialEq)]
pub(super) enum Value<'a> {
    Empty,
    Text(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A date (and time) cell: year, month, day.
    Date(u16, u8, u8),
    Other(String),
}

impl<'a> Value<'a> {
    pub(super) fn from_ref(value: &'a DataRef<'_>) -> Value<'a> {
        match value {
            DataRef::Empty => Value::Empty,
            DataRef::String(text) => Value::Text(text),
            DataRef::SharedString(text) => Value::Text(text),
            DataRef::Int(n) => Value::Int(*n),
            DataRef::Float(f) => Value::Float(*f),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(dt) => date_time(dt),
            DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => Value::Text(text),
            DataRef::Error(e) => Value::Other(e.to_string()),
        }
    }

    pub(super) fn from_data(value: &'a Data) -> Value<'a> {
        match value {
            Data::Empty => Value::Empty,
            Data::String(text) => Value::Text(text),
            Data::Int(n) => Value::Int(*n),
            Data::Float(f) => Value::Float(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => date_time(dt),
            Data::DateTimeIso(text) | Data::DurationIso(text) => Value::Text(text),
            Data::Error(e) => Value::Other(e.to_string()),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as CSV field text (unquoted).
    pub(super) fn write(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Value::Empty => {}
            Value::Text(text) => out.push_str(text),
            Value::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    let _ = write!(out, "{}", *f as i64);
                } else {
                    let _ = write!(out, "{f}");
                }
            }
            Value::Bool(b) => out.push_str(if *b { "yes" } else { "no" }),
            // Written digit by digit: a sheet has a date in nearly every row.
            Value::Date(y, m, d) if *y < 10_000 => {
                let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
                let (y, m, d) = (*y, u16::from(*m), u16::from(*d));
                for c in [
                    digit(y / 1000),
                    digit(y / 100),
                    digit(y / 10),
                    digit(y),
                    '-',
                    digit(m / 10),
                    digit(m),
                    '-',
                    digit(d / 10),
                    digit(d),
                ] {
                    out.push(c);
                }
            }
            Value::Date(y, m, d) => {
                let _ = write!(out, "{y:04}-{m:02}-{d:02}");
            }
            Value::Other(text) => out.push_str(text),
        }
    }

    #[cfg(test)]
    pub(super) fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// An Excel serial day number as `yyyy-mm-dd`; a number outside Excel's dates as it is.
pub(super) fn serial_date(serial: f64, is_1904: bool, out: &mut String) {
    if !(1.0..2_958_466.0).contains(&serial) {
        return Value::Float(serial).write(out);
    }
    let value =
        calamine::ExcelDateTime::new(serial, calamine::ExcelDateTimeType::DateTime, is_1904);
    date_time(&value).write(out);
}

pub(super) fn date_time(value: &calamine::ExcelDateTime) -> Value<'static> {
    if value.is_duration() {
        return Value::Float(value.as_f64());
    }
    let (y, m, d, ..) = value.to_ymd_hms_milli();
    Value::Date(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_plainly() {
        let text = |v: Value| v.text();
        assert_eq!(text(Value::Float(79.0)), "79");
        assert_eq!(text(Value::Float(2.5)), "2.5");
        assert_eq!(text(Value::Int(1948)), "1948");
        assert_eq!(text(Value::Bool(true)), "yes");
        assert_eq!(text(Value::Date(2026, 3, 4)), "2026-03-04");
        assert_eq!(text(Value::Date(1955, 12, 31)), "1955-12-31");
        assert_eq!(text(Value::Date(900, 1, 9)), "0900-01-09");
        assert_eq!(text(Value::Date(10_000, 1, 1)), "10000-01-01");
    }
}
