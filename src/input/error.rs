//! Why a file cannot be read at all ([`InputError`], exit code 2). Messages say what to do, and
//! name files, columns and lines but never a field value.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use super::column::Column;
use super::rows::{MAX_FIELDS, MAX_ROW_BYTES};

/// Why a file cannot be read at all (exit code 2). Messages say what to do, and name files,
/// columns and lines but never a field value.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file cannot be opened.
    #[error("cannot open {}: {}", .path.display(), open_reason(.source))]
    Open {
        /// The case list.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// Nothing in the file (0 bytes, or only a byte-order mark, blank lines or a `sep=` line).
    #[error("{} is empty: export the case list again with a header row", .path.display())]
    Empty {
        /// The case list.
        path: PathBuf,
    },
    /// The first row has no column names.
    #[error(
        "the first row of {} has no column names: export the case list again with a header row",
        .path.display()
    )]
    NoHeader {
        /// The case list.
        path: PathBuf,
    },
    /// Not a CSV file at all: an Excel workbook, or Excel's "Unicode text".
    #[error("{} is {}, not CSV: {}", .path.display(), .kind.what(), .kind.fix())]
    NotCsv {
        /// The case list.
        path: PathBuf,
        /// What the file is instead.
        kind: NotCsv,
    },
    /// A workbook that cannot be read: damaged, protected with a password, or with nothing on
    /// its sheet. `problem` says which, and the fix.
    #[error("{} {problem}", .path.display())]
    Workbook {
        /// The case list.
        path: PathBuf,
        /// What is wrong.
        problem: WorkbookProblem,
    },
    /// `--sheet NAME` names no sheet of the workbook.
    #[error(
        "{} has no sheet \"{sheet}\": its sheets are {}; choose one with --sheet NAME",
        .path.display(),
        quoted_list(.sheets)
    )]
    UnknownSheet {
        /// The case list.
        path: PathBuf,
        /// The sheet asked for.
        sheet: String,
        /// The sheets the workbook has.
        sheets: Vec<String>,
    },
    /// A required column is not in the header row.
    #[error("{}", missing_column_message(.path, .column, .found))]
    MissingColumn {
        /// The case list.
        path: PathBuf,
        /// The column.
        column: &'static str,
        /// The headers the file has.
        found: Vec<String>,
    },
    /// Two headers mean the same column, so which one to use is not known.
    #[error(
        "{}: the columns \"{first}\" and \"{second}\" both mean {column}: delete or rename one of \
         them, or choose one with --column {column}=HEADER",
        .path.display()
    )]
    DuplicateColumn {
        /// The case list.
        path: PathBuf,
        /// The column.
        column: &'static str,
        /// The first header that means it.
        first: String,
        /// The second header that means it.
        second: String,
    },
    /// `--column COLUMN=HEADER` names a header that is not in the file.
    #[error(
        "--column {column}={header}: {} has no column \"{header}\"; its columns are {}",
        .path.display(),
        quoted_list(.found)
    )]
    MappedColumnNotFound {
        /// The case list.
        path: PathBuf,
        /// The column.
        column: &'static str,
        /// The header asked for.
        header: String,
        /// The headers the file has.
        found: Vec<String>,
    },
    /// A quote opened in the header row, or one that runs on for [`MAX_ROW_BYTES`], is never
    /// closed.
    #[error(
        "line {line} of {} opens a quote (\") that is never closed: close it or remove it \
         (check that cell in Excel), then export again",
        .path.display()
    )]
    UnclosedQuote {
        /// The case list.
        path: PathBuf,
        /// The line.
        line: u64,
    },
    /// A header row with more than [`MAX_FIELDS`] columns: not a case list.
    #[error(
        "the header row of {} (line {line}) has more than {} columns, more than an Excel sheet \
         holds: this does not look like a case list; check that the file is the exported case \
         list, or give the delimiter with --delimiter",
        .path.display(),
        MAX_FIELDS
    )]
    TooManyColumns {
        /// The case list.
        path: PathBuf,
        /// The line.
        line: u64,
    },
    /// A row longer than [`MAX_ROW_BYTES`]: not a case list.
    #[error(
        "line {line} of {} is over {} MB long: this does not look like a case list; export it \
         again as CSV",
        .path.display(),
        MAX_ROW_BYTES / (1024 * 1024)
    )]
    RowTooLong {
        /// The case list.
        path: PathBuf,
        /// The line.
        line: u64,
    },
    /// Reading failed (a disk or network error, a pipe that broke).
    #[error("cannot read {} at line {line}: {source}", .path.display())]
    Read {
        /// The case list.
        path: PathBuf,
        /// The line.
        line: u64,
        /// Why.
        source: io::Error,
    },
}

/// What a file that is not CSV is instead ([`InputError::NotCsv`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCsv {
    /// A zip file: an .xlsx workbook, or another.
    Zip,
    /// An OLE2 file: an old .xls workbook.
    OldExcel,
    /// Text saved as UTF-32.
    Utf32,
    /// Text saved as UTF-16 (Excel's "Unicode text").
    Utf16,
    /// Not text at all (control characters in the first line).
    NotText,
}

impl NotCsv {
    /// What the file is, in English.
    pub fn what(self) -> &'static str {
        match self {
            NotCsv::Zip => "an Excel workbook (.xlsx) or another zip file",
            NotCsv::OldExcel => "an old Excel workbook (.xls)",
            NotCsv::Utf32 => "saved as UTF-32",
            NotCsv::Utf16 => "saved as UTF-16 (Excel's \"Unicode text\")",
            NotCsv::NotText => "not a text file (it has control characters)",
        }
    }

    /// How to make it readable, in English.
    pub fn fix(self) -> &'static str {
        match self {
            NotCsv::NotText => {
                "choose the CSV file exported from the client system, or save the list in \
                 Excel as \"CSV UTF-8 (comma delimited)\""
            }
            _ => "in Excel choose Save As and \"CSV UTF-8 (comma delimited)\" or \"CSV\"",
        }
    }
}

/// The fix for a file calamine cannot read.
pub(super) const RESAVE: &str =
    "open it in Excel or LibreOffice and save it again as .xlsx, or export the list as CSV";

/// More merged regions than this are refused: far more than any hand-kept list has, and each
/// costs memory whatever its cells.
pub(super) const MAX_MERGES: usize = 500_000;

/// What is wrong with a workbook that cannot be read ([`InputError::Workbook`]), as a value:
/// worded in English by its `Display`, in each language by `problem::input_error`. It travels
/// from the reading process by its [`WorkbookProblem::code`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// Encrypted with a password (an OLE2 file with `EncryptionInfo`).
    Encrypted,
    /// calamine found a password.
    Password,
    /// Damaged, or not a workbook.
    Damaged,
    /// More merged regions than are read.
    TooManyMerges,
    /// No worksheet at all.
    NoWorksheet,
    /// Rows out of order among many merged cells.
    RowsOutOfOrder,
    /// Merged cells claiming far more than the sheet holds.
    MergesTooLarge,
    /// Nothing on the sheet read: its name.
    EmptySheet(String),
}

impl std::fmt::Display for WorkbookProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkbookProblem::Encrypted => f.write_str(
                "is protected with a password: open it in Excel, remove the password (File, \
                 Info, Protect Workbook) or save it without a password, and give that file",
            ),
            WorkbookProblem::Password => f.write_str(
                "is protected with a password: open it in Excel and save it without a password, \
                 then give that file",
            ),
            WorkbookProblem::Damaged => write!(
                f,
                "cannot be read as a workbook: it is damaged or not a workbook; {RESAVE}"
            ),
            WorkbookProblem::TooManyMerges => write!(
                f,
                "cannot be read as a workbook: it has more than {} merged regions (damaged or \
                 crafted); {RESAVE}",
                MAX_MERGES
            ),
            WorkbookProblem::NoWorksheet => write!(f, "has no worksheet: {RESAVE}"),
            WorkbookProblem::RowsOutOfOrder => write!(
                f,
                "cannot be read as a workbook: its rows are out of order among many merged \
                 cells; {RESAVE}"
            ),
            WorkbookProblem::MergesTooLarge => write!(
                f,
                "cannot be read as a workbook: its merged cells claim far more than the sheet \
                 holds (damaged or crafted); {RESAVE}"
            ),
            WorkbookProblem::EmptySheet(name) => write!(
                f,
                "has nothing on the sheet \"{name}\": choose the sheet of the case list with \
                 --sheet NAME, or export the list again"
            ),
        }
    }
}

impl WorkbookProblem {
    /// The most merged regions read ([`WorkbookProblem::TooManyMerges`]).
    pub const MAX_MERGES: usize = MAX_MERGES;

    /// A stable key, with the sheet's name after a NUL for [`WorkbookProblem::EmptySheet`].
    pub fn code(&self) -> String {
        match self {
            WorkbookProblem::Encrypted => "encrypted".into(),
            WorkbookProblem::Password => "password".into(),
            WorkbookProblem::Damaged => "damaged".into(),
            WorkbookProblem::TooManyMerges => "too_many_merges".into(),
            WorkbookProblem::NoWorksheet => "no_worksheet".into(),
            WorkbookProblem::RowsOutOfOrder => "rows_out_of_order".into(),
            WorkbookProblem::MergesTooLarge => "merges_too_large".into(),
            WorkbookProblem::EmptySheet(name) => format!("empty_sheet\0{name}"),
        }
    }

    /// The problem of a [`WorkbookProblem::code`]; an unknown one is a damaged workbook.
    pub fn from_code(code: &str) -> WorkbookProblem {
        match code.split_once('\0') {
            Some(("empty_sheet", name)) => WorkbookProblem::EmptySheet(name.to_string()),
            _ => match code {
                "encrypted" => WorkbookProblem::Encrypted,
                "password" => WorkbookProblem::Password,
                "too_many_merges" => WorkbookProblem::TooManyMerges,
                "no_worksheet" => WorkbookProblem::NoWorksheet,
                "rows_out_of_order" => WorkbookProblem::RowsOutOfOrder,
                "merges_too_large" => WorkbookProblem::MergesTooLarge,
                _ => WorkbookProblem::Damaged,
            },
        }
    }
}

fn open_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "file not found: check the file name and folder".into(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file: give the CSV file in it".into(),
        io::ErrorKind::PermissionDenied => {
            "permission denied: ask for read access, or copy the file somewhere you can read it"
                .into()
        }
        _ => error.to_string(),
    }
}

/// A header fit for a terminal: control characters (a binary file's "header" has escape
/// sequences) as `?`, at most 60 characters, and no identity code (a file without a header row
/// has a client's data in its first line).
pub(super) fn shown_header(header: &str) -> Cow<'_, str> {
    const LONGEST: usize = 60;
    if crate::text::contains_hetu_like(header) {
        return Cow::Owned(shown_header(&crate::text::redact_hetus(header)).into_owned());
    }
    if header.chars().count() <= LONGEST && !header.chars().any(char::is_control) {
        return Cow::Borrowed(header);
    }
    let mut shown: String = header
        .chars()
        .take(LONGEST)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if header.chars().count() > LONGEST {
        shown.push('…');
    }
    Cow::Owned(shown)
}

/// Headers as `"A", "B", "C"`, at most 40 of them.
fn quoted_list(headers: &[String]) -> String {
    const SHOWN: usize = 40;
    let mut list = headers
        .iter()
        .take(SHOWN)
        .map(|header| format!("\"{}\"", shown_header(header)))
        .collect::<Vec<_>>()
        .join(", ");
    if headers.len() > SHOWN {
        list.push_str(&format!(" and {} more", headers.len() - SHOWN));
    }
    if list.is_empty() {
        list.push_str("none");
    }
    list
}

fn missing_column_message(path: &Path, column: &str, found: &[String]) -> String {
    let finnish = Column::from_name(column).map_or(column, |known| known.finnish_name());
    let mut message = format!(
        "{} has no {column} column. The columns found are {}. Rename the header of the column \
         that holds it to {finnish} (or {column}), or tell maaraika its name with \
         --column {column}=YOUR_HEADER",
        path.display(),
        quoted_list(found)
    );
    if found.len() == 1 {
        message.push_str(
            ". Only one column was found: if the columns are separated by another character, \
             give it with --delimiter (e.g. --delimiter ';')",
        );
    }
    message
}
