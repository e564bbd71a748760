//! Reading case lists as staff export them from client systems, mostly through Finnish Excel.
//!
//! What arrives: `;`-separated (Finnish Excel), sometimes `,` or tab; UTF-8 with a byte-order
//! mark ("CSV UTF-8"), or Windows-1252 without one (Excel's plain "CSV" on Finnish Windows);
//! Finnish headers (`Vireilletulopvm`, `Syntymäaika`, …); sometimes Excel's `sep=;` first line,
//! empty `;;;;` rows, CRLF line ends and quoted cells with line breaks.
//!
//! - Headers are matched to [`Column`]s by [`match_header`]: by full names and then by word stems, in
//!   English, Finnish and Swedish (case, spaces and `ä`/`ö`/`å` do not matter), or by
//!   `--column COLUMN=HEADER` ([`parse_column_mapping`]). Only `pending_date` is required; the
//!   columns not used are listed ([`CaseReader::unused_headers`]) for the user to see.
//! - The delimiter is sniffed from the header line unless given ([`parse_delimiter`]).
//! - The encoding is decided per field under [`EncodingChoice::Auto`]: valid UTF-8 is UTF-8,
//!   anything else is Windows-1252, which never needs a replacement character.
//! - Reading streams (`rows.rs`): a fixed-size buffer and reused [`Fields`]; a field that is
//!   valid UTF-8 is handed out borrowed. Memory does not grow with the number of rows, and one row
//!   may not exceed [`MAX_ROW_BYTES`] (a quote that is never closed would otherwise swallow the
//!   rest of the file into memory). Lines without quotes, nearly all of them, are split
//!   directly; the others go through the csv crate's parser, so both read the same.
//! - Line numbers are physical lines of the file (the header is line 1, a skipped `sep=;` line
//!   counts), so a user can find the row in an editor.
//!
//! Case lists are confidential: no error produced here contains a field value. Column names,
//! line numbers and the user's own command-line arguments are fine.

mod headers;
mod rows;
pub mod sandbox;
mod workbook;
mod xlsx_sheet;

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use encoding_rs::WINDOWS_1252;

pub use headers::{
    flag_word, match_header, names_care_allowance_level, normalize_header, parse_care_level,
    CareLevel, CareLevelError, HeaderMatch,
};
pub use rows::Fields;
use rows::{Failure, QuotedLines, RecordAt, Rows};

use crate::problem::{Problem, QuoteWhy};
pub use workbook::{column_letters, SheetPlaces};

/// Longest row (in bytes) read before giving up: far above any real case list row (an Excel cell
/// holds at most 32,767 characters), low enough that junk cannot fill the memory.
pub const MAX_ROW_BYTES: u64 = 16 * 1024 * 1024;

/// Most fields a record is read with: an Excel sheet has at most 16,384 columns. A header with
/// more is not one of a case list; a row with more is reported.
pub const MAX_FIELDS: usize = 16_384;

/// The UTF-8 byte-order mark that Excel's "CSV UTF-8" writes first.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns maaraika understands.
///
/// Everything downstream asks for a column by this enum, never by a header text, so that the
/// many ways a client system names a column are handled here and only here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The case's identifier, to find the case in the client system.
    CaseId,
    /// The team or unit, to split a report.
    Unit,
    /// When the matter became pending: where every deadline counts from (required).
    PendingDate,
    /// The client's birth date, for the age groups of the statute.
    BirthDate,
    /// The personal identity code (henkilötunnus), which holds the birth date.
    Hetu,
    /// The client's age in years, for the age groups.
    Age,
    /// Receives the highest care allowance (ylin hoitotuki): a group with its own deadline.
    CareAllowance,
    /// A disabled person (vammainen): a group with its own deadline.
    Disabled,
    /// A child in need of special support: a group with its own deadline.
    ChildSpecialSupport,
    /// A child-welfare matter (lastensuojelu): a group with its own deadline.
    ChildWelfare,
    /// Urgent need (kiireellinen): a group with its own deadline.
    Urgent,
    /// When the assessment started.
    StartedDate,
    /// When the assessment was completed.
    CompletedDate,
    /// When the decision on the application was made (päätös).
    DecisionDate,
    /// When the service granted began (palvelu alkanut, täytäntöönpano).
    ImplementedDate,
    /// An older person (iäkäs henkilö, 980/2012 3 §): the service follows within 3 months of the
    /// decision.
    OlderPerson,
    /// Social assistance: when a request for more information (lisäselvitys) was sent.
    InfoRequestedDate,
    /// Social assistance: when the completed application arrived.
    InfoReceivedDate,
    /// Social assistance: the last day of the time given to reply to the request.
    InfoReplyDueDate,
    /// Social assistance: when the client asked for a personal meeting.
    MeetingRequestedDate,
    /// Social assistance: the day of the meeting.
    MeetingDate,
    /// Social assistance: when the assistance was paid.
    PaidDate,
}

impl Column {
    /// Every column, in the order of the enum (for help texts and loops).
    pub const ALL: [Column; 22] = [
        Column::CaseId,
        Column::Unit,
        Column::PendingDate,
        Column::BirthDate,
        Column::Hetu,
        Column::Age,
        Column::CareAllowance,
        Column::Disabled,
        Column::ChildSpecialSupport,
        Column::ChildWelfare,
        Column::Urgent,
        Column::StartedDate,
        Column::CompletedDate,
        Column::DecisionDate,
        Column::ImplementedDate,
        Column::OlderPerson,
        Column::InfoRequestedDate,
        Column::InfoReceivedDate,
        Column::InfoReplyDueDate,
        Column::MeetingRequestedDate,
        Column::MeetingDate,
        Column::PaidDate,
    ];

    /// The canonical English name: what `--column` and the messages use.
    pub fn name(self) -> &'static str {
        match self {
            Column::CaseId => "case_id",
            Column::Unit => "unit",
            Column::PendingDate => "pending_date",
            Column::BirthDate => "birth_date",
            Column::Hetu => "hetu",
            Column::Age => "age",
            Column::CareAllowance => "care_allowance",
            Column::Disabled => "disabled",
            Column::ChildSpecialSupport => "child_special_support",
            Column::ChildWelfare => "child_welfare",
            Column::Urgent => "urgent",
            Column::StartedDate => "started_date",
            Column::CompletedDate => "completed_date",
            Column::DecisionDate => "decision_date",
            Column::ImplementedDate => "implemented_date",
            Column::OlderPerson => "older_person",
            Column::InfoRequestedDate => "info_requested_date",
            Column::InfoReceivedDate => "info_received_date",
            Column::InfoReplyDueDate => "info_reply_due_date",
            Column::MeetingRequestedDate => "meeting_requested_date",
            Column::MeetingDate => "meeting_date",
            Column::PaidDate => "paid_date",
        }
    }

    /// A Finnish header that means this column, as Finnish Excel exports write it: for messages
    /// that tell a user what to call a column.
    pub fn finnish_name(self) -> &'static str {
        match self {
            Column::CaseId => "Asiatunnus",
            Column::Unit => "Yksikkö",
            Column::PendingDate => "Vireilletulopvm",
            Column::BirthDate => "Syntymäaika",
            Column::Hetu => "Henkilötunnus",
            Column::Age => "Ikä",
            Column::CareAllowance => "Ylin hoitotuki",
            Column::Disabled => "Vammainen",
            Column::ChildSpecialSupport => "Erityistä tukea tarvitseva lapsi",
            Column::ChildWelfare => "Lastensuojelu",
            Column::Urgent => "Kiireellinen",
            Column::StartedDate => "Arviointi aloitettu",
            Column::CompletedDate => "Arviointi valmis",
            Column::DecisionDate => "Päätöspvm",
            Column::ImplementedDate => "Palvelu alkanut",
            Column::OlderPerson => "Iäkäs henkilö",
            Column::InfoRequestedDate => "Lisäselvityspyyntö",
            Column::InfoReceivedDate => "Täydennys saapunut",
            Column::InfoReplyDueDate => "Vastausaika",
            Column::MeetingRequestedDate => "Keskustelupyyntö",
            Column::MeetingDate => "Keskustelu",
            Column::PaidDate => "Maksupäivä",
        }
    }

    /// The column a header or a `--column` name means: by its full names, or by its word stems
    /// ([`match_header`]), so `Syntymäaika`, `SYNTYMÄ-AIKA`, `Syntymäpäivä` and `Födelsedatum`
    /// all mean the birth date.
    pub fn from_name(text: &str) -> Option<Column> {
        match_header(text).map(HeaderMatch::column)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How the bytes of the file are turned into text (`--encoding`).
///
/// `Auto` is right for nearly every file; the explicit choices exist for the rare file where
/// guessing per field is not wanted. The command line spells them `auto`, `utf-8` and `windows-1252` (`src/cli/choices.rs`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    /// Each field that is valid UTF-8 is UTF-8, any other is Windows-1252.
    #[default]
    Auto,
    /// UTF-8 only: anything else is reported as a row problem.
    Utf8,
    /// Windows-1252 (Excel's plain "CSV" on Finnish Windows).
    Windows1252,
}

/// How to read an input file: the command-line options that concern reading.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// `--encoding`.
    pub encoding: EncodingChoice,
    /// `--delimiter`; `None` to take it from a `sep=` line or sniff it from the header line.
    pub delimiter: Option<u8>,
    /// `--column COLUMN=HEADER`: headers that mean a column, overriding the built-in names.
    pub columns: Vec<(Column, String)>,
}

/// Parses `--column pending_date=Saapunut`, which makes any header mean a column (the header is
/// matched after [`normalize_header`] too). Lets a user read a file whose headers maaraika does
/// not know without editing the file.
pub fn parse_column_mapping(text: &str) -> Result<(Column, String), String> {
    let Some((name, header)) = text.split_once('=') else {
        return Err(format!(
            "--column needs COLUMN=HEADER, e.g. --column pending_date=Saapunut (got \"{text}\")"
        ));
    };
    let header = header.trim();
    let Some(column) = Column::from_name(name) else {
        return Err(format!(
            "--column: \"{}\" is not a column maaraika knows: use one of {}",
            name.trim(),
            Column::ALL.map(Column::name).join(", ")
        ));
    };
    if normalize_header(header).is_empty() {
        return Err(format!(
            "--column {}= needs the header of the column in your file after the =, e.g. --column {}=Saapunut",
            column.name(),
            column.name()
        ));
    }
    Ok((column, header.to_owned()))
}

/// Parses `--delimiter`: `,` `;` `|`, or a tab as `tab`, `\t` or the character itself. Tab is
/// spelled out because a tab is hard to type on a command line.
pub fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "|" => Ok(b'|'),
        "\t" | "\\t" => Ok(b'\t'),
        _ if text.eq_ignore_ascii_case("tab") => Ok(b'\t'),
        _ => Err(format!(
            "--delimiter \"{text}\" is not one maaraika reads: use , ; tab or |"
        )),
    }
}

/// Why a text is not a yes/no flag. Quotes no value: the caller adds the line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("is not yes or no: write 1/0, kyllä/ei, ja/nej, k/e, x or leave it empty")]
pub struct FlagError;

/// Parses a yes/no cell: 1/0, true/false, yes/no, kyllä/ei (also kylla), k/e, Swedish ja/nej
/// and j/n, x/empty, y/n, Excel's TRUE/FALSE in Finnish (tosi/epätosi) and Swedish
/// (sant/falskt), in any case, surrounding spaces ignored; empty is no. Excel users mark
/// flags in all these ways. (A column's own word, `kiireellinen`/`ei kiireellinen`, is
/// [`flag_word`].)
pub fn parse_flag(text: &str) -> Result<bool, FlagError> {
    // Runs for several cells of every row: lowercase into a small buffer, then compare bytes.
    let text = text.trim().as_bytes();
    let mut buffer = [0u8; 8];
    if text.len() > buffer.len() {
        return Err(FlagError);
    }
    let lower = &mut buffer[..text.len()];
    for (slot, byte) in lower.iter_mut().zip(text) {
        *slot = byte.to_ascii_lowercase();
    }
    // The only non-ASCII letter of the words: `Ä` (C3 84) is `ä` (C3 A4), at the end of
    // `KYLLÄ` and third in `EPÄTOSI`.
    if let [.., 0xC3, last @ 0x84] = lower {
        *last = 0xA4;
    }
    if let [b'e', b'p', 0xC3, third @ 0x84, ..] = lower {
        *third = 0xA4;
    }
    match &*lower {
        b"" | b"0" | b"false" | b"no" | b"n" | b"ei" | b"e" | b"nej" | b"ej"
        | b"ep\xC3\xA4tosi" | b"epatosi" | b"falskt" => Ok(false),
        b"1" | b"true" | b"yes" | b"y" | b"kyll\xC3\xA4" | b"kylla" | b"k" | b"x" | b"ja"
        | b"j" | b"tosi" | b"sant" => Ok(true),
        _ => Err(FlagError),
    }
}

/// The oldest age accepted: older than anyone has lived, so a larger number is a typing error
/// (defined with the case's validation, [`crate::evaluation::CaseError::AgeOutOfRange`]).
pub use crate::evaluation::MAX_AGE;

/// Why a text is not an age. Quotes no value: the caller adds where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("must be a whole number of years from 0 to {MAX_AGE}")]
pub struct AgeError;

/// Parses an age in whole years, 0 to [`MAX_AGE`], surrounding spaces ignored: the age column
/// and `check --age` follow this one rule.
pub fn parse_age(text: &str) -> Result<u32, AgeError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|age| *age <= MAX_AGE)
        .ok_or(AgeError)
}

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

/// The column of a [`RowProblem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// A value maaraika read from one of its columns and found wrong: named by the column's key
    /// (`started_date`); where it is in the file, [`CaseReader::position_of`].
    Known(Column),
    /// A cell that could not be read as it stands (a stray quote, bytes that are not UTF-8), in
    /// any column: named by the file's header (shortened, codes redacted).
    Header {
        /// The field's place in the row, 0 = the first.
        index: usize,
        /// The header as shown in messages.
        header: String,
    },
}

impl ColumnRef {
    /// The column as the `--errors` file and the JSON API name it: a known column's key, else
    /// the header.
    pub fn name(&self) -> &str {
        match self {
            ColumnRef::Known(column) => column.name(),
            ColumnRef::Header { header, .. } => header,
        }
    }
}

impl std::error::Error for RowProblem {}

/// Why [`CaseReader::next_row`] gave no row.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// This row cannot be read; the next ones can.
    #[error(transparent)]
    Row(RowProblem),
    /// Reading cannot go on (exit code 2).
    #[error(transparent)]
    Fatal(InputError),
}

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
    #[error("{} is {what}, not CSV: {fix}", .path.display())]
    NotCsv {
        /// The case list.
        path: PathBuf,
        /// What the file is instead.
        what: &'static str,
        /// How to make it readable.
        fix: &'static str,
    },
    /// A workbook that cannot be read: damaged, protected with a password, or with nothing on
    /// its sheet. `problem` says which, and the fix.
    #[error("{} {problem}", .path.display())]
    Workbook {
        /// The case list.
        path: PathBuf,
        /// What is wrong.
        problem: String,
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
fn shown_header(header: &str) -> Cow<'_, str> {
    const LONGEST: usize = 60;
    if crate::hetu::contains_hetu_like(header) {
        return Cow::Owned(shown_header(&crate::hetu::redact_hetus(header)).into_owned());
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

/// A streaming reader of a case list: the header row is read and matched on opening, then
/// [`CaseReader::next_row`] hands out one row at a time, borrowing its fields.
/// ([`CaseReader::read_into`] reads into a record of the caller's, which [`RowLayout::row`]
/// turns into the same row, on any thread.)
pub struct CaseReader {
    rows: Rows,
    /// The record [`CaseReader::next_row`] reads into (taken out while it reads).
    record: Option<Fields>,
    headers: Vec<String>,
    layout: RowLayout,
    /// Columns found by their word stems rather than a full name.
    by_stem: [bool; Column::ALL.len()],
    delimiter: u8,
    path: PathBuf,
    done: bool,
    /// For a workbook: its sheet, and where each line of the text rendered from it is there.
    sheet: Option<Arc<SheetPlaces>>,
}

/// Where a file's columns are and how its fields are decoded: what turns a record of the file
/// into a [`RawRow`]. Cheap to clone; clones share what they find out about the encoding.
#[derive(Clone, Debug)]
pub struct RowLayout {
    columns: [Option<usize>; Column::ALL.len()],
    /// The care-allowance column gives the level (`Hoitotuki`), not yes/no for the highest
    /// (`Ylin hoitotuki`): see [`names_care_allowance_level`].
    care_allowance_level: bool,
    encoding: EncodingChoice,
    /// How many fields a row should have: the header's width.
    expected: usize,
    /// Under `Auto`: whether any header or field read so far needed Windows-1252.
    cp1252_seen: Arc<AtomicBool>,
}

impl RowLayout {
    /// The row in `record`, which starts on physical line `line`.
    pub fn row<'a>(&'a self, record: &'a Fields, line: u64) -> RawRow<'a> {
        RawRow {
            record,
            layout: self,
            line,
        }
    }
}

impl fmt::Debug for CaseReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseReader")
            .field("path", &self.path)
            .field("headers", &self.headers)
            .field("delimiter", &char::from(self.delimiter))
            .field("encoding", &self.encoding())
            .finish_non_exhaustive()
    }
}

impl CaseReader {
    /// Opens a case list; `path` "-" means standard input. Reads the header row and matches it
    /// to columns. Errors here are fatal (exit code 2).
    pub fn open(path: &Path, options: &InputOptions) -> Result<CaseReader, InputError> {
        CaseReader::open_sheet(path, options, None)
    }

    /// [`CaseReader::open`], where a workbook is read from the sheet `sheet` (the first
    /// worksheet when `None`). A workbook is known by its content, whatever its name.
    pub fn open_sheet(
        path: &Path,
        options: &InputOptions,
        sheet: Option<&str>,
    ) -> Result<CaseReader, InputError> {
        if path.as_os_str() == "-" {
            return CaseReader::from_reader_sheet(Box::new(io::stdin()), "<stdin>", options, sheet);
        }
        let open_error = |source| InputError::Open {
            path: path.to_path_buf(),
            source,
        };
        // On Linux a folder opens fine and only fails on reading: say what it is up front.
        if std::fs::metadata(path).map_err(open_error)?.is_dir() {
            return Err(open_error(io::ErrorKind::IsADirectory.into()));
        }
        let mut file = std::fs::File::open(path).map_err(open_error)?;
        let label = path.display().to_string();
        let mut start = [0u8; 4];
        if file.read_exact(&mut start).is_ok() && workbook::is_workbook(&start) {
            let rendered = workbook::open_file(path, &label, sheet, &options.columns)?;
            return CaseReader::from_workbook(rendered, &label, options);
        }
        let file = std::fs::File::open(path).map_err(open_error)?;
        CaseReader::from_reader(Box::new(file), &label, options)
    }

    /// [`CaseReader::from_reader`], where a workbook (known by its first bytes) is read whole
    /// and its sheet `sheet` read.
    pub fn from_reader_sheet(
        reader: Box<dyn Read + Send>,
        label: &str,
        options: &InputOptions,
        sheet: Option<&str>,
    ) -> Result<CaseReader, InputError> {
        let mut input = BufReader::new(reader);
        let start = input.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
        if !workbook::is_workbook(&start) {
            return CaseReader::from_reader(Box::new(input), label, options);
        }
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Read {
                path: PathBuf::from(label),
                line: 1,
                source,
            })?;
        let rendered = workbook::open_bytes(bytes, label, sheet, &options.columns)?;
        CaseReader::from_workbook(rendered, label, options)
    }

    /// The reader of the CSV text a workbook's sheet is rendered as.
    fn from_workbook(
        rendered: workbook::Rendered,
        label: &str,
        options: &InputOptions,
    ) -> Result<CaseReader, InputError> {
        let options = InputOptions {
            encoding: EncodingChoice::Utf8,
            delimiter: Some(b','),
            columns: options.columns.clone(),
        };
        let mut reader = CaseReader::from_reader(rendered.text, label, &options)?;
        reader.sheet = Some(rendered.places);
        Ok(reader)
    }

    /// For a workbook: its sheet, and where the lines of the rows are there.
    pub fn sheet_places(&self) -> Option<Arc<SheetPlaces>> {
        self.sheet.clone()
    }

    /// Reads a case list from any reader (standard input, tests); `label` names it in messages.
    pub fn from_reader(
        reader: Box<dyn Read + Send>,
        label: &str,
        options: &InputOptions,
    ) -> Result<CaseReader, InputError> {
        let path = PathBuf::from(label);
        let mut input = BufReader::new(reader);
        let prefix = read_prefix(&mut input, &path)?;
        let delimiter = options
            .delimiter
            .or(prefix.sep)
            .unwrap_or_else(|| sniff_delimiter(&prefix.header_line));
        // A byte-order mark after a `sep=` line too (the csv crate's parser drops one there).
        let mut header_line = prefix.header_line;
        if header_line.starts_with(UTF8_BOM) {
            header_line.drain(..UTF8_BOM.len());
        }
        let header_line = io::Cursor::new(header_line);
        let rows = Rows::new(
            Box::new(header_line.chain(input)),
            delimiter,
            prefix.skipped_lines + 1,
        );
        let mut reader = CaseReader {
            rows,
            record: None,
            headers: Vec::new(),
            layout: RowLayout {
                columns: [None; Column::ALL.len()],
                care_allowance_level: false,
                encoding: options.encoding,
                expected: 0,
                cp1252_seen: Arc::new(AtomicBool::new(false)),
            },
            by_stem: [false; Column::ALL.len()],
            delimiter,
            path,
            done: false,
            sheet: None,
        };
        let mut record = Fields::default();
        match reader.rows.read(&mut record) {
            Ok(Some(header))
                if reader
                    .rows
                    .quoted_lines()
                    .iter()
                    .any(|quote| quote.closed.is_none()) =>
            {
                return Err(InputError::UnclosedQuote {
                    path: reader.path,
                    line: header.line,
                })
            }
            Ok(Some(header)) if header.too_many_fields => {
                return Err(InputError::TooManyColumns {
                    path: reader.path,
                    line: header.line,
                })
            }
            Ok(Some(_)) => {}
            Ok(None) => return Err(InputError::Empty { path: reader.path }),
            Err(failure) => return Err(reader.fatal(failure)),
        }
        let layout = &mut reader.layout;
        reader.headers = record
            .iter()
            .map(|field| decode(field, layout.encoding, &layout.cp1252_seen).into_owned())
            .collect();
        if reader.headers.iter().all(|header| header.is_empty()) {
            return Err(InputError::NoHeader { path: reader.path });
        }
        let matched = match_columns(&reader.headers, &options.columns, &reader.path)?;
        layout.columns = matched.columns;
        layout.care_allowance_level = matched.columns[Column::CareAllowance.index()]
            .is_some_and(|index| names_care_allowance_level(&reader.headers[index]));
        reader.by_stem = matched.by_stem;
        layout.expected = reader.headers.len();
        reader.record = Some(record);
        Ok(reader)
    }

    /// The header row as found in the file (decoded, byte-order mark and surrounding spaces
    /// removed), for messages that list what the file has.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Whether the file has a column, so callers can decide once which rules can be checked.
    pub fn has_column(&self, column: Column) -> bool {
        self.layout.columns[column.index()].is_some()
    }

    /// Whether the list records what follows the assessment (a decision or service column), so
    /// that an audit writes the decision and implementation columns.
    pub fn has_chain_columns(&self) -> bool {
        self.has_column(Column::DecisionDate) || self.has_column(Column::ImplementedDate)
    }

    /// The file's header for a column, to name the column the way the user sees it.
    pub fn header_of(&self, column: Column) -> Option<&str> {
        self.layout.columns[column.index()].map(|index| self.headers[index].as_str())
    }

    /// The place of a column in the file's rows (0 = the first), when the file has it.
    pub fn position_of(&self, column: Column) -> Option<usize> {
        self.layout.columns[column.index()]
    }

    /// Whether the care-allowance column gives the level (a header like `Hoitotuki`, which names
    /// only the allowance) rather than yes/no for the highest level (`Ylin hoitotuki`).
    pub fn care_allowance_is_level(&self) -> bool {
        self.layout.care_allowance_level
    }

    /// The columns read by their word stems rather than a full name (`Syntymäpäivä` as
    /// `birth_date`), and a care-allowance column read as the level, with their headers as fit to
    /// show, in the file's order: worth telling the user, who can check that each was read as
    /// meant.
    pub fn read_by_stem(&self) -> Vec<(Column, Cow<'_, str>)> {
        Column::ALL
            .into_iter()
            .filter(|&column| {
                self.by_stem[column.index()]
                    || (column == Column::CareAllowance && self.care_allowance_is_level())
            })
            .filter_map(|column| Some((self.layout.columns[column.index()]?, column)))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .map(|(index, column)| (column, shown_header(&self.headers[index])))
            .collect()
    }

    /// The headers of the columns maaraika does not read, each once, in file order and as fit to
    /// show (empty headers left out): so that a column meant for a group but not recognised is
    /// seen, not silently ignored.
    pub fn unused_headers(&self) -> Vec<Cow<'_, str>> {
        let used: Vec<usize> = self.layout.columns.iter().flatten().copied().collect();
        let mut seen = std::collections::HashSet::new();
        self.headers
            .iter()
            .enumerate()
            .filter(|(index, header)| {
                !used.contains(index) && !header.is_empty() && seen.insert(header.as_str())
            })
            .map(|(_, header)| shown_header(header))
            .collect()
    }

    /// The delimiter in use (given, from a `sep=` line, or sniffed).
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// "UTF-8" or "Windows-1252": as chosen, or under `Auto` as detected so far (Windows-1252
    /// once any header or field read was not UTF-8).
    pub fn encoding(&self) -> &'static str {
        match self.layout.encoding {
            EncodingChoice::Windows1252 => "Windows-1252",
            EncodingChoice::Auto if self.layout.cp1252_seen.load(Ordering::Relaxed) => {
                "Windows-1252"
            }
            _ => "UTF-8",
        }
    }

    /// The next data row; `None` at the end. Blank lines and rows of empty cells (Excel's `;;;;`)
    /// are skipped. `Err` for an unreadable row (a quote never closed, invalid UTF-8 under
    /// `--encoding utf-8`, an I/O error): a [`ReadError::Row`] if reading can go on, or a
    /// [`ReadError::Fatal`] after which there are no more rows.
    pub fn next_row(&mut self) -> Option<Result<RawRow<'_>, ReadError>> {
        let mut record = self.record.take().unwrap_or_default();
        let read = self.read_into(&mut record);
        let record = self.record.insert(record);
        match read? {
            Ok(line) => Some(Ok(self.layout.row(record, line))),
            Err(error) => Some(Err(error)),
        }
    }

    /// [`CaseReader::next_row`] into `record`: the line where the row starts, for
    /// [`RowLayout::row`] (with the layout of [`CaseReader::layout`]).
    pub fn read_into(&mut self, record: &mut Fields) -> Option<Result<u64, ReadError>> {
        if self.done {
            return None;
        }
        let line = loop {
            let read = match self.rows.read(record) {
                Ok(Some(read)) => read,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(failure) => {
                    self.done = true;
                    return Some(Err(ReadError::Fatal(self.fatal(failure))));
                }
            };
            // A workbook's rows by the sheet's own row numbers (a row number given twice, or
            // beyond a sheet's rows, has no line of its own in the rendered text).
            let line = match &self.sheet {
                Some(sheet) => sheet.row(read.line),
                None => read.line,
            };
            if read.too_many_fields {
                return Some(Err(ReadError::Row(RowProblem {
                    line,
                    column: None,
                    problem: Problem::OverMaxFields {
                        max: MAX_FIELDS,
                        expected: self.layout.expected,
                    },
                })));
            }
            if !self.rows.quoted_lines().is_empty() {
                if let Some(problem) = self.stray_quote(record, read) {
                    return Some(Err(ReadError::Row(problem)));
                }
            }
            // Every cell blank: all the row's bytes are ASCII spaces (what `trim_ascii` removes).
            // A real row fails at its first byte.
            if record
                .iter()
                .all(|field| field.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            if self.layout.encoding == EncodingChoice::Utf8 {
                if let Some(problem) = self.invalid_utf8(record, line) {
                    return Some(Err(ReadError::Row(problem)));
                }
            }
            break line;
        };
        Some(Ok(line))
    }

    /// How the rows of this file are decoded, for [`RowLayout::row`].
    pub fn layout(&self) -> &RowLayout {
        &self.layout
    }

    /// A quoted value of `record` that runs over lines where no line break belongs, reported with
    /// the lines the row covers: a quote never closed; a value over lines in a column of dates,
    /// flags, ages or identity codes; or one that holds lines that look like rows of their own.
    /// Each is nearly always a stray `"` that made the lines after it one value. A line break in
    /// a text (Excel's Alt+Enter in a notes, unit or case id cell) is fine.
    #[cold]
    #[inline(never)]
    fn stray_quote(&self, record: &Fields, read: RecordAt) -> Option<RowProblem> {
        let quoted = self.rows.quoted_lines();
        let column_at = |field: usize| {
            Column::ALL
                .into_iter()
                .find(|column| self.layout.columns[column.index()] == Some(field))
        };
        let (quote, why) = match quoted.iter().find(|quote| quote.closed.is_none()) {
            Some(quote) => (quote, QuoteWhy::Plain),
            None => quoted.iter().find_map(|quote| {
                let why = match column_at(quote.field) {
                    Some(column) if !matches!(column, Column::CaseId | Column::Unit) => {
                        // The column as the file names it.
                        let header = self.headers.get(quote.field).map_or(column.name(), |h| h);
                        QuoteWhy::LineBreakIn(shown_header(header).into_owned())
                    }
                    _ => QuoteWhy::RowInside(self.row_inside(record, quote)?),
                };
                Some((quote, why))
            })?,
        };
        let (first, last) = (read.line, read.last_line.max(quote.opened));
        let column = match column_at(quote.field) {
            Some(column) => Some(ColumnRef::Known(column)),
            None => self
                .headers
                .get(quote.field)
                .map(|header| ColumnRef::Header {
                    index: quote.field,
                    header: shown_header(header).into_owned(),
                }),
        };
        Some(RowProblem {
            line: read.line,
            column,
            problem: Problem::StrayQuote {
                opened: quote.opened,
                closed: quote.closed,
                first,
                last,
                why,
            },
        })
    }

    /// The first line inside a quoted value, after its first, that looks like a row: as many
    /// fields as the header and a date where a date column (pending, start, completion, birth)
    /// goes. The line the quote closes on goes on with the record's fields after the value; it
    /// counts only when the value's part of it holds a delimiter too (else it is what a real
    /// multi-line value ends with).
    fn row_inside(&self, record: &Fields, quote: &QuotedLines) -> Option<u64> {
        let dates = [
            Column::PendingDate,
            Column::StartedDate,
            Column::CompletedDate,
            Column::BirthDate,
        ]
        .map(|column| self.layout.columns[column.index()]);
        let looks_like_row = |fields: &mut dyn Iterator<Item = &[u8]>| {
            let mut count = 0;
            let mut date = false;
            for field in fields {
                date |= dates.contains(&Some(count))
                    && crate::dates::parse_date_bytes(field.trim_ascii()).is_ok();
                count += 1;
            }
            date && count >= self.layout.expected
        };
        let mut lines = value_lines(record.get(quote.field)?).peekable();
        lines.next();
        let mut line = quote.opened;
        while let Some(text) = lines.next() {
            line += 1;
            let split = text.split(|&byte| byte == self.delimiter);
            let row = if lines.peek().is_none() {
                text.contains(&self.delimiter)
                    && looks_like_row(&mut split.chain(record.iter().skip(quote.field + 1)))
            } else {
                looks_like_row(&mut { split })
            };
            if row {
                return Some(line);
            }
        }
        None
    }

    /// Under `--encoding utf-8`: the first known column of `record` that is not UTF-8.
    fn invalid_utf8(&self, record: &Fields, line: u64) -> Option<RowProblem> {
        let index = self
            .layout
            .columns
            .iter()
            .flatten()
            .copied()
            .find(|&index| {
                record
                    .get(index)
                    .is_some_and(|field| std::str::from_utf8(field).is_err())
            })?;
        Some(RowProblem {
            line,
            column: Some(ColumnRef::Header {
                index,
                header: self.headers[index].clone(),
            }),
            problem: Problem::NotUtf8,
        })
    }

    /// The fatal error for a failed read.
    fn fatal(&self, failure: Failure) -> InputError {
        let path = self.path.clone();
        match failure {
            Failure::Quote { line } => InputError::UnclosedQuote { path, line },
            Failure::Row { line } => InputError::RowTooLong { path, line },
            // A workbook that fails part way (its reader process ended, or it claims more than
            // it holds) says so itself.
            Failure::Io { source, .. }
                if source
                    .get_ref()
                    .is_some_and(|inner| inner.downcast_ref::<InputError>().is_some()) =>
            {
                match source
                    .into_inner()
                    .map(|inner| inner.downcast::<InputError>())
                {
                    Some(Ok(inner)) => *inner,
                    _ => InputError::Read {
                        path,
                        line: 0,
                        source: io::ErrorKind::InvalidData.into(),
                    },
                }
            }
            Failure::Io { line, source } => InputError::Read { path, line, source },
        }
    }
}

/// The lines of a value, split at CRLF, CR or LF.
fn value_lines(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let text = rest?;
        let Some(at) = memchr::memchr2(b'\r', b'\n', text) else {
            rest = None;
            return Some(text);
        };
        let crlf = text[at] == b'\r' && text.get(at + 1) == Some(&b'\n');
        rest = Some(&text[at + 1 + usize::from(crlf)..]);
        Some(&text[..at])
    })
}

/// One data row, borrowed from the reader until the next call of [`CaseReader::next_row`] (or
/// from the record given to [`RowLayout::row`]).
pub struct RawRow<'a> {
    record: &'a Fields,
    layout: &'a RowLayout,
    line: u64,
}

/// Shows where the row is, never its values (a debug print must not leak a case).
impl fmt::Debug for RawRow<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawRow")
            .field("line", &self.line)
            .field("fields", &self.record.len())
            .finish_non_exhaustive()
    }
}

impl<'a> RawRow<'a> {
    /// The 1-based physical line where the row starts (the header is line 1, a skipped `sep=;`
    /// line counts): what a user finds in an editor.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// How many fields the row has, to report rows that are too short or too long.
    pub fn field_count(&self) -> usize {
        self.record.len()
    }

    /// Whether a field past the header's width has a value: the row is wider than the header
    /// not only because of trailing delimiters (Excel's `a;b;;`).
    pub fn has_values_past_header(&self) -> bool {
        self.record
            .iter()
            .skip(self.layout.expected)
            .any(|field| !field.trim_ascii().is_empty())
    }

    /// How many fields a row should have: the header's width.
    pub fn expected_fields(&self) -> usize {
        self.layout.expected
    }

    /// The trimmed, decoded value of a column: `None` if the file has no such column or the row
    /// is too short, `Some("")` when the cell is empty. Borrowed when the bytes are UTF-8.
    pub fn get(&self, column: Column) -> Option<Cow<'a, str>> {
        let bytes = self.bytes(column)?;
        Some(decode(
            bytes,
            self.layout.encoding,
            &self.layout.cp1252_seen,
        ))
    }

    /// Whether the care-allowance column gives the level: see
    /// [`CaseReader::care_allowance_is_level`].
    pub fn care_allowance_is_level(&self) -> bool {
        self.layout.care_allowance_level
    }

    /// The raw bytes of a column, ASCII spaces trimmed, for parsers that work on bytes (dates,
    /// numbers) and need no decoding. `None` as for [`RawRow::get`].
    /// Whether the list has `column` at all: a look-up in the layout, for columns most lists
    /// lack.
    pub fn has(&self, column: Column) -> bool {
        self.layout.columns[column.index()].is_some()
    }

    /// The raw bytes of `column`, where the list has it.
    pub fn bytes(&self, column: Column) -> Option<&'a [u8]> {
        Some(self.bytes_as_read(column)?.trim_ascii())
    }

    /// The raw bytes of `column` as read, spaces and all: for a first look at cells nearly
    /// always written bare, which saves trimming them; anything else goes on to
    /// [`RawRow::bytes`].
    #[inline]
    pub fn bytes_as_read(&self, column: Column) -> Option<&'a [u8]> {
        let index = self.layout.columns[column.index()]?;
        self.record.get(index)
    }
}

/// A field as text, trimmed. Under `Auto`, notes when Windows-1252 was needed.
fn decode<'a>(bytes: &'a [u8], encoding: EncodingChoice, cp1252_seen: &AtomicBool) -> Cow<'a, str> {
    let bytes = bytes.trim_ascii();
    // ASCII (nearly every case id and unit) is the same text in every encoding, and needs no
    // trimming of Unicode spaces: checking that is much quicker than validating UTF-8.
    if bytes.is_ascii() {
        // ASCII bytes are valid UTF-8: this cannot fail, and validating short ASCII is cheap.
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Cow::Borrowed(text);
        }
    }
    let text = match encoding {
        EncodingChoice::Utf8 => String::from_utf8_lossy(bytes),
        EncodingChoice::Windows1252 => WINDOWS_1252.decode_without_bom_handling(bytes).0,
        EncodingChoice::Auto => match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => {
                cp1252_seen.store(true, Ordering::Relaxed);
                WINDOWS_1252.decode_without_bom_handling(bytes).0
            }
        },
    };
    // Unicode spaces too: Excel leaves no-break spaces around pasted values, and a byte-order
    // mark or zero-width space comes along with text copied from elsewhere. Those are not
    // ASCII, so a text with ASCII at both ends (nearly every one) is already trimmed.
    let bytes = text.as_bytes();
    if bytes.first().is_none_or(u8::is_ascii) && bytes.last().is_none_or(u8::is_ascii) {
        return text;
    }
    let blank = |c: char| c.is_whitespace() || (!c.is_ascii() && crate::text::is_hidden(c));
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim_matches(blank)),
        Cow::Owned(text) if text.trim_matches(blank).len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim_matches(blank).to_owned()),
    }
}

/// Where each column is in the header row, and how it was found.
#[derive(Clone, Debug)]
struct Matched {
    /// The header index of each column.
    columns: [Option<usize>; Column::ALL.len()],
    /// Columns found by their word stems rather than a full name: told to the user.
    by_stem: [bool; Column::ALL.len()],
}

/// Header indexes per column: `--column` mappings first, then full names, then word stems (see
/// [`headers`]). A full name beats a stem match; two of the same kind for one column are an
/// error that names both.
fn match_columns(
    headers: &[String],
    mappings: &[(Column, String)],
    path: &Path,
) -> Result<Matched, InputError> {
    // For `--column` only: without it, a megabyte "header" (a file without a header row) is
    // not worth normalising.
    let keys: Vec<String> = match mappings {
        [] => Vec::new(),
        _ => headers
            .iter()
            .map(|header| normalize_header(header))
            .collect(),
    };
    let mut matched = Matched {
        columns: [None; Column::ALL.len()],
        by_stem: [false; Column::ALL.len()],
    };
    let mut mapped = [false; Column::ALL.len()];
    let mut taken = vec![false; headers.len()];
    // A later mapping of the same column replaces an earlier one.
    for (position, (column, _)) in mappings.iter().enumerate() {
        if mappings[position + 1..]
            .iter()
            .any(|(later, _)| later == column)
        {
            continue;
        }
        let (column, header) = &mappings[position];
        let key = normalize_header(header);
        let mut matches = (0..headers.len()).filter(|&index| keys[index] == key);
        let Some(first) = matches.next() else {
            return Err(InputError::MappedColumnNotFound {
                path: path.to_path_buf(),
                column: column.name(),
                header: header.clone(),
                found: headers.to_vec(),
            });
        };
        if let Some(second) = matches.next() {
            return Err(duplicate(path, *column, headers, first, second));
        }
        matched.columns[column.index()] = Some(first);
        mapped[column.index()] = true;
        taken[first] = true;
    }
    let found: Vec<Option<HeaderMatch>> = headers
        .iter()
        .enumerate()
        .map(|(index, header)| (!taken[index]).then(|| match_header(header)).flatten())
        .collect();
    for column in Column::ALL.into_iter().filter(|c| !mapped[c.index()]) {
        for exact in [true, false] {
            let mut matches = (0..headers.len()).filter(|&index| {
                found[index]
                    == Some(if exact {
                        HeaderMatch::Exact(column)
                    } else {
                        HeaderMatch::Stem(column)
                    })
            });
            let Some(first) = matches.next() else {
                continue;
            };
            if let Some(second) = matches.next() {
                return Err(duplicate(path, column, headers, first, second));
            }
            matched.columns[column.index()] = Some(first);
            matched.by_stem[column.index()] = !exact;
            break;
        }
    }
    if matched.columns[Column::PendingDate.index()].is_none() {
        return Err(InputError::MissingColumn {
            path: path.to_path_buf(),
            column: Column::PendingDate.name(),
            found: headers.to_vec(),
        });
    }
    Ok(matched)
}

fn duplicate(
    path: &Path,
    column: Column,
    headers: &[String],
    first: usize,
    second: usize,
) -> InputError {
    InputError::DuplicateColumn {
        path: path.to_path_buf(),
        column: column.name(),
        first: headers[first].clone(),
        second: headers[second].clone(),
    }
}

/// What comes before the header row.
struct Prefix {
    /// The header's first physical line, byte-order mark removed (it goes back in front of the
    /// rest of the input).
    header_line: Vec<u8>,
    /// Lines skipped before it: blank lines and a `sep=` line.
    skipped_lines: u64,
    /// The delimiter a `sep=` line gave.
    sep: Option<u8>,
}

/// Reads up to the header's first line: checks for files that are not CSV, removes a byte-order
/// mark, skips blank lines and Excel's `sep=;` line.
fn read_prefix(
    input: &mut BufReader<Box<dyn Read + Send>>,
    path: &Path,
) -> Result<Prefix, InputError> {
    let mut line = Vec::new();
    let mut skipped_lines = 0;
    let mut sep = None;
    let mut first = true;
    loop {
        line.clear();
        input
            .by_ref()
            .take(MAX_ROW_BYTES)
            .read_until(b'\n', &mut line)
            .map_err(|source| InputError::Read {
                path: path.to_path_buf(),
                line: skipped_lines + 1,
                source,
            })?;
        if line.is_empty() {
            return Err(InputError::Empty {
                path: path.to_path_buf(),
            });
        }
        let mut content = line.as_slice();
        if first {
            first = false;
            if let Some((what, fix)) = not_csv(content) {
                return Err(InputError::NotCsv {
                    path: path.to_path_buf(),
                    what,
                    fix,
                });
            }
            content = content.strip_prefix(UTF8_BOM).unwrap_or(content);
        }
        let whole_line = content.ends_with(b"\n");
        if content.trim_ascii().is_empty() {
            skipped_lines += u64::from(whole_line);
            continue;
        }
        if sep.is_none() {
            if let Some(delimiter) = sep_line(content) {
                sep = Some(delimiter);
                skipped_lines += u64::from(whole_line);
                continue;
            }
        }
        let start = line.len() - content.len();
        line.drain(..start);
        return Ok(Prefix {
            header_line: line,
            skipped_lines,
            sep,
        });
    }
}

/// Files staff may pick by mistake, recognised by their first bytes.
fn not_csv(start: &[u8]) -> Option<(&'static str, &'static str)> {
    const SAVE_AS: &str = "in Excel choose Save As and \"CSV UTF-8 (comma delimited)\" or \"CSV\"";
    if start.starts_with(b"PK\x03\x04") {
        Some(("an Excel workbook (.xlsx) or another zip file", SAVE_AS))
    } else if start.starts_with(b"\xD0\xCF\x11\xE0") {
        Some(("an old Excel workbook (.xls)", SAVE_AS))
    } else if let Some(what) = wide_encoding(start) {
        Some((what, SAVE_AS))
    } else if start.contains(&0)
        || start
            .iter()
            .filter(|&&byte| byte.is_ascii_control() && !matches!(byte, b'\t' | b'\r' | b'\n'))
            .nth(2)
            .is_some()
    {
        // No text export has a NUL or several control characters in its header line (a stray
        // one or two are shown as `?` in the message about the headers instead).
        Some((
            "not a text file (it has control characters)",
            "choose the CSV file exported from the client system, or save the list in Excel as \
             \"CSV UTF-8 (comma delimited)\"",
        ))
    } else {
        None
    }
}

/// UTF-32 or UTF-16 (Excel's "Unicode text"), by the byte-order mark (UTF-32's `FF FE 00 00`
/// begins with UTF-16's `FF FE`, so it is looked for first) or, without one, by the zero bytes
/// that ASCII text has in fixed places in them.
fn wide_encoding(start: &[u8]) -> Option<&'static str> {
    const UTF32: &str = "saved as UTF-32";
    const UTF16: &str = "saved as UTF-16 (Excel's \"Unicode text\")";
    if start.starts_with(b"\xFF\xFE\0\0") || start.starts_with(b"\0\0\xFE\xFF") {
        return Some(UTF32);
    }
    if start.starts_with(b"\xFF\xFE") || start.starts_with(b"\xFE\xFF") {
        return Some(UTF16);
    }
    // Whether every unit of `width` bytes of the start holds its one ASCII byte at `at`.
    let ascii_in = |width: usize, at: usize| {
        let units = start.chunks_exact(width);
        units.len() >= 2
            && units.into_iter().all(|unit| {
                unit.iter()
                    .enumerate()
                    .all(|(index, &byte)| (index == at) == (byte != 0))
            })
    };
    if ascii_in(4, 0) || ascii_in(4, 3) {
        Some(UTF32)
    } else if ascii_in(2, 0) || ascii_in(2, 1) {
        Some(UTF16)
    } else {
        None
    }
}

/// The delimiter of Excel's `sep=;` hint line (also `"sep=;"` and `sep=;;;;` as re-saved by Excel).
fn sep_line(line: &[u8]) -> Option<u8> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (quoted, line) = match line.strip_prefix(b"\"") {
        Some(rest) => (true, rest),
        None => (false, line),
    };
    if line.len() < 5 || !line[..4].eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let delimiter = line[4];
    let mut rest = &line[5..];
    if quoted {
        rest = rest.strip_prefix(b"\"")?;
    }
    let usable = !matches!(delimiter, b'"' | b'\r' | b'\n');
    (usable && rest.iter().all(|&byte| byte == delimiter)).then_some(delimiter)
}

/// The most frequent of `;`, `,` and tab outside double quotes; ties go to `;`, then `,`.
fn sniff_delimiter(line: &[u8]) -> u8 {
    let (mut semicolons, mut commas, mut tabs) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &byte in line {
        match byte {
            b'"' => quoted = !quoted,
            _ if quoted => {}
            b';' => semicolons += 1,
            b',' => commas += 1,
            b'\t' => tabs += 1,
            _ => {}
        }
    }
    if semicolons >= commas && semicolons >= tabs {
        b';'
    } else if commas >= tabs {
        b','
    } else {
        b'\t'
    }
}
