//! Errors that end a command, and the exit codes they map to.
//!
//! Exit codes (documented in the README and `--help`, tested in `tests/cli_*.rs`):
//! - 0: done, every row fine;
//! - 1: `--fail-on-overdue` and something is overdue;
//! - 2: the command could not be done (bad arguments or values, unreadable input, unwritable output);
//! - 3: evaluated, but some rows were invalid (reported on stderr and with `--errors`).

use std::io;
use std::path::PathBuf;

/// Exit code: the command could not be done.
pub const EXIT_ERROR: u8 = 2;

/// What ended a command. Messages name the value and the fix, and never contain an identity code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given on the command line is wrong.
    #[error("{0}")]
    Usage(String),
    /// Reading an input file failed.
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: io::Error },
    /// Writing an output failed.
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    /// Writing to standard output failed (other than a closed pipe).
    #[error("cannot write the output: {0}")]
    Output(#[from] io::Error),
    #[error(transparent)]
    Calendar(#[from] crate::calendar::CalendarError),
    /// The case list cannot be read at all.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
}

impl Error {
    /// True when the reader of standard output went away (`| head`): not an error to report.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if is_broken_pipe(e))
    }
}

/// Whether an I/O error is a closed pipe, also when it arrives wrapped: the csv crate's error
/// turned into an I/O error by `?` has the kind `Other` and the closed pipe inside.
fn is_broken_pipe(error: &io::Error) -> bool {
    if error.kind() == io::ErrorKind::BrokenPipe {
        return true;
    }
    let Some(inner) = error.get_ref() else {
        return false;
    };
    if let Some(csv) = inner.downcast_ref::<csv::Error>() {
        return matches!(csv.kind(), csv::ErrorKind::Io(io) if is_broken_pipe(io));
    }
    inner
        .downcast_ref::<io::Error>()
        .is_some_and(is_broken_pipe)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A CSV writer's error as an I/O error that keeps its kind, so that a closed pipe stays
/// recognisable (csv's own conversion turns every error into `Other`).
pub fn csv_io(err: csv::Error) -> io::Error {
    if matches!(err.kind(), csv::ErrorKind::Io(_)) {
        if let csv::ErrorKind::Io(io) = err.into_kind() {
            return io;
        }
        unreachable!("checked above")
    }
    io::Error::other(err)
}
