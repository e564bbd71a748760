//! Errors that end a command, and the exit codes they map to.
//!
//! Exit codes (documented in the README and `--help`, tested in `tests/cli_*.rs`):
//! - 0: done, every row fine;
//! - 1: `--fail-on-overdue` and something is overdue;
//! - 2: the command could not be done (bad arguments or values, unreadable input, unwritable output);
//! - 3: evaluated, but some rows were invalid (reported on stderr and with `--errors`);
//! - 128 + the signal (130, 143, 129): stopped by Ctrl-C, SIGTERM or SIGHUP (`cli/file.rs`).

use std::io;
use std::path::PathBuf;

use crate::labels::{Label, Lang};

/// Exit code: the command could not be done.
pub const EXIT_ERROR: u8 = 2;

/// What ended a command. Messages name the value and the fix, and never contain an identity code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value given on the command line is wrong: worded where it was found, in the
    /// language of the messages.
    #[error("{0}")]
    Usage(String),
    /// Reading an input file failed.
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Writing an output failed.
    #[error("cannot write {}: {}", .path.display(), write_reason(.source, Lang::En))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// An output file maaraika will not write (the case list itself, a read-only file, a
    /// link another user put in a shared folder).
    #[error("cannot write {}: {}", .path.display(), Lang::En.get(*.reason))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why it is refused, and what to do.
        reason: Label,
    },
    /// Writing to standard output failed (other than a closed pipe).
    #[error("{}", output_message(.0, Lang::En))]
    Output(#[from] io::Error),
    #[error(transparent)]
    /// A date outside the supported calendar.
    Calendar(#[from] crate::calendar::CalendarError),
    /// The case list cannot be read at all.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
}

/// Why an output file cannot be written, and what to do, in plain words in `lang`.
fn write_reason(error: &io::Error, lang: Lang) -> String {
    let error = innermost(error);
    let label = match error.kind() {
        io::ErrorKind::NotFound => Label::ErrWriteNoFolder,
        io::ErrorKind::NotADirectory => Label::ErrWriteNotAFolder,
        io::ErrorKind::PermissionDenied => Label::ErrWriteDenied,
        io::ErrorKind::ReadOnlyFilesystem => Label::ErrReadOnlyDisk,
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Label::ErrDiskFull,
        _ => return io_reason(error, lang),
    };
    lang.get(label).to_string()
}

/// An I/O error of no kind worded above: the system's own words (English), after a sentence
/// in `lang` saying so; in English the system's words alone.
fn io_reason(error: &io::Error, lang: Lang) -> String {
    if let Some(worded) = error.get_ref().and_then(|e| e.downcast_ref::<Worded>()) {
        return worded.0.clone();
    }
    match lang {
        Lang::En => error.to_string(),
        _ => lang.fill(Label::ErrSystemSays, &[&error.to_string()]),
    }
}

/// An I/O error's cause that maaraika itself words, in the language of the messages (a closed
/// standard output): shown as it is, not as the system's words.
#[derive(Debug)]
pub struct Worded(pub String);

impl std::fmt::Display for Worded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Worded {}

impl Error {
    /// What ended the command, in `lang`: what is wrong and how to fix it. Errors of the case
    /// list are worded by `problem::error_text`, which calls this for the rest.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Error::Read { path, source } => lang.fill(
                Label::ErrCannotRead,
                &[&path.display().to_string(), &read_reason(source, lang)],
            ),
            Error::Write { path, source } => lang.fill(
                Label::ErrCannotWrite,
                &[&path.display().to_string(), &write_reason(source, lang)],
            ),
            Error::Refused { path, reason } => lang.fill(
                Label::ErrCannotWrite,
                &[&path.display().to_string(), lang.get(*reason)],
            ),
            Error::Output(error) => output_message(error, lang),
            _ => self.to_string(),
        }
    }
}

/// Why a file cannot be read, in `lang`.
pub fn read_reason(error: &io::Error, lang: Lang) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => lang.get(Label::ErrNotFound).to_string(),
        io::ErrorKind::IsADirectory => lang.get(Label::ErrIsAFolder).to_string(),
        io::ErrorKind::PermissionDenied => lang.get(Label::ErrNoAccess).to_string(),
        _ => io_reason(error, lang),
    }
}

impl Error {
    /// True when the reader of standard output went away (`| head`): not an error to report.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if is_broken_pipe(e))
    }
}

/// Whether an I/O error is a closed pipe, also when it arrives wrapped (see [`innermost`]).
fn is_broken_pipe(error: &io::Error) -> bool {
    innermost(error).kind() == io::ErrorKind::BrokenPipe
}

/// The I/O error inside a wrapped one: the csv crate's error turned into an I/O error by `?`
/// has the kind `Other` and the real cause (a closed pipe, a full disk) inside.
fn innermost(error: &io::Error) -> &io::Error {
    let Some(inner) = error.get_ref() else {
        return error;
    };
    if let Some(csv) = inner.downcast_ref::<csv::Error>() {
        if let csv::ErrorKind::Io(io) = csv.kind() {
            return innermost(io);
        }
    }
    if let Some(file) = inner.downcast_ref::<FileWriteError>() {
        return innermost(&file.source);
    }
    match inner.downcast_ref::<io::Error>() {
        Some(io) => innermost(io),
        None => error,
    }
}

/// A failed write to an output file, as an I/O error's cause: the file's name travels with
/// the error through the writers (csv, JSON, tables) to the message.
#[derive(Debug)]
pub struct FileWriteError {
    /// The file that could not be written.
    pub path: PathBuf,
    /// Why.
    pub source: io::Error,
}

impl std::fmt::Display for FileWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl FileWriteError {
    /// `cannot write FILE: why`, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        lang.fill(
            Label::ErrCannotWrite,
            &[
                &self.path.display().to_string(),
                &write_reason(&self.source, lang),
            ],
        )
    }
}

impl std::error::Error for FileWriteError {}

impl FileWriteError {
    /// `source` with the file's name attached, keeping its kind.
    pub fn wrap(path: &std::path::Path, source: io::Error) -> io::Error {
        io::Error::new(
            source.kind(),
            FileWriteError {
                path: path.to_path_buf(),
                source,
            },
        )
    }
}

/// The message for a failed write of the output, in `lang`: naming the file where there is one.
fn output_message(error: &io::Error, lang: Lang) -> String {
    let mut current = error;
    while let Some(inner) = current.get_ref() {
        if let Some(file) = inner.downcast_ref::<FileWriteError>() {
            return file.text(lang);
        }
        if let Some(csv::ErrorKind::Io(io)) = inner.downcast_ref::<csv::Error>().map(|e| e.kind()) {
            current = io;
        } else if let Some(io) = inner.downcast_ref::<io::Error>() {
            current = io;
        } else {
            break;
        }
    }
    lang.fill(Label::ErrCannotWriteOutput, &[&write_reason(error, lang)])
}

/// The result of a command.
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
