//! One data row of a case list ([`RawRow`]) and where a file's columns are ([`RowLayout`]).

use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use super::column::Column;
use super::rows::Fields;
use super::sniff::{decode, EncodingChoice};

/// Where a file's columns are and how its fields are decoded: what turns a record of the file
/// into a [`RawRow`]. Cheap to clone; clones share what they find out about the encoding.
#[derive(Clone, Debug)]
pub struct RowLayout {
    pub(super) columns: [Option<usize>; Column::ALL.len()],
    /// The care-allowance column gives the level (`Hoitotuki`), not yes/no for the highest
    /// (`Ylin hoitotuki`): see [`names_care_allowance_level`].
    pub(super) care_allowance_level: bool,
    pub(super) encoding: EncodingChoice,
    /// How many fields a row should have: the header's width.
    pub(super) expected: usize,
    /// Under `Auto`: whether any header or field read so far needed Windows-1252.
    pub(super) cp1252_seen: Arc<AtomicBool>,
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

/// One data row, borrowed from the reader until the next call of `CaseReader::next_row` (or
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
    /// `CaseReader::care_allowance_is_level`.
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
