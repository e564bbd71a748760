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
//!
//! One concept a file: `column.rs` (the columns and their names), `headers.rs` (which column a
//! header means), `sniff.rs` (encoding, byte-order mark, delimiter), `rows.rs` (records of a
//! CSV file), `reader.rs` (the [`CaseReader`]), `row.rs` (a [`RawRow`] and its [`RowLayout`]),
//! `cells.rs` (what one cell means), `error.rs` and `row_problem.rs` (what cannot be read), and
//! `workbook.rs`, `xlsx_sheet.rs`, `calamine_book.rs`, [`sandbox`] and what they share, `book.rs`,
//! for workbooks.

pub(crate) mod book;
mod calamine_book;
pub(crate) mod cells;
pub(crate) mod column;
pub(crate) mod decode;
pub(crate) mod error;
pub(crate) mod headers;
pub(crate) mod reader;
pub(crate) mod row;
pub(crate) mod row_problem;
pub(crate) mod rows;
pub mod sandbox;
pub(crate) mod sniff;
pub(crate) mod workbook;
mod xlsx_sheet;

pub use cells::{
    flag_word, parse_age, parse_care_level, parse_flag, AgeError, CareLevel, CareLevelError,
    FlagError, MAX_AGE,
};
pub use column::{Column, ColumnRef};
pub use decode::decode;
pub use error::{InputError, NotCsv, WorkbookProblem};
pub use headers::{
    match_header, names_care_allowance_level, normalize_header, parse_column_mapping, HeaderMatch,
};
pub use reader::{CaseReader, InputOptions};
pub use row::{RawRow, RowLayout};
pub use row_problem::{ReadError, RowProblem};
pub use rows::{Fields, MAX_FIELDS, MAX_ROW_BYTES};
pub use sniff::{parse_delimiter, EncodingChoice};
pub use workbook::{column_letters, SheetPlaces};
