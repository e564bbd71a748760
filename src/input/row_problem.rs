//! A problem with one row ([`RowProblem`]): reported, and reading goes on with the next row.

use std::fmt;

use super::column::ColumnRef;
use super::error::InputError;
use crate::problem::Problem;

/// A problem with one row: reported, and reading goes on with the next row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// Physical line where the row starts.
    pub line: u64,
    /// The column the problem is in, when it is in one.
    pub column: Option<ColumnRef>,
    /// What is wrong, as a kind with its values; [`Problem::text`] words it in a language.
    pub problem: Problem,
}

impl fmt::Display for RowProblem {
    /// In English, with the column's key: for logs and tests; front ends name the place as the
    /// file does ([`crate::problem::Places`]) and word the problem in the reader's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(
                f,
                "line {}, column {}: {}",
                self.line,
                column.name(),
                self.problem
            ),
            None => write!(f, "line {}: {}", self.line, self.problem),
        }
    }
}

impl std::error::Error for RowProblem {}

/// Why `CaseReader::next_row` gave no row.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// This row cannot be read; the next ones can.
    #[error(transparent)]
    Row(RowProblem),
    /// Reading cannot go on (exit code 2).
    #[error(transparent)]
    Fatal(InputError),
}
