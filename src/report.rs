//! Evaluated cases written out: the flat record every output shares, the languages of labels,
//! and the CSV, JSON and table writers of `audit` and `overdue`.
//!
//! Column names and JSON keys are stable English for scripts. `--lang fi` translates what people
//! read: tables, text, and CSV written for Excel (`--excel`).

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::batch::Evaluated;
use crate::calendar::Reading;
use crate::evaluation::{DeadlineList, Evaluation, Note, Status};
use crate::labels::Label;
use crate::rules::{Group, Groups};
use crate::text::{spreadsheet_cell, starts_formula};

pub use crate::labels::Lang;

/// The flat record of one evaluated case: the keys of `check` and `audit` JSON.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub pending_date: NaiveDate,
    pub groups: Groups,
    pub start_deadline: Option<NaiveDate>,
    pub start_status: Status,
    pub start_working_days_late: Option<i64>,
    pub start_working_days_remaining: Option<i64>,
    pub start_working_days_overdue: Option<i64>,
    pub completion_deadline: Option<NaiveDate>,
    pub completion_status: Status,
    pub completion_working_days_late: Option<i64>,
    pub completion_working_days_remaining: Option<i64>,
    pub completion_working_days_overdue: Option<i64>,
    pub elapsed_working_days: i64,
    pub age: Option<u32>,
    pub reading: Reading,
    pub notes: Vec<&'static str>,
}

impl CaseRecord {
    pub fn new(pending: NaiveDate, evaluation: &Evaluation, reading: Reading) -> Self {
        let (start, completion) = (&evaluation.start, &evaluation.completion);
        CaseRecord {
            pending_date: pending,
            groups: evaluation.groups,
            start_deadline: start.deadline,
            start_status: start.status,
            start_working_days_late: start.working_days_late,
            start_working_days_remaining: start.working_days_remaining,
            start_working_days_overdue: start.working_days_overdue,
            completion_deadline: completion.deadline,
            completion_status: completion.status,
            completion_working_days_late: completion.working_days_late,
            completion_working_days_remaining: completion.working_days_remaining,
            completion_working_days_overdue: completion.working_days_overdue,
            elapsed_working_days: evaluation.elapsed_working_days,
            age: evaluation.age,
            reading,
            notes: evaluation.notes.iter().map(|n| n.text()).collect(),
        }
    }
}

/// How dates and fields are written in CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvStyle {
    /// Finnish Excel: `;`, a BOM, CRLF, `d.m.yyyy` dates, labels in `lang`.
    pub excel: bool,
    pub lang: Lang,
}

impl CsvStyle {
    pub fn writer<W: Write>(self, mut out: W) -> io::Result<csv::Writer<W>> {
        if self.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut builder = csv::WriterBuilder::new();
        if self.excel {
            builder.delimiter(b';').terminator(csv::Terminator::CRLF);
        }
        Ok(builder.from_writer(out))
    }

    /// A date as this style writes it, into `buffer`.
    pub fn date(self, date: Option<NaiveDate>, buffer: &mut [u8; 10]) -> &[u8] {
        let Some(date) = date else { return b"" };
        let (y, m, d) = (date.year().clamp(0, 9999) as u32, date.month(), date.day());
        if self.excel {
            let mut n = 0;
            for (value, width) in [(d, 2), (m, 2), (y, 4)] {
                if n > 0 {
                    buffer[n] = b'.';
                    n += 1;
                }
                let digits = if width == 4 || value >= 10 { width } else { 1 };
                n += write_digits(value, digits, &mut buffer[n..]);
            }
            &buffer[..n]
        } else {
            *buffer = iso_date(date);
            &buffer[..10]
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        if self.excel {
            self.lang.status(status)
        } else {
            status.as_str()
        }
    }

    /// The groups field: stable keys (`over_75|disabled`, `none`), or for Excel labels in `lang`
    /// (no group spelt out: a cell of a lone `-` would start like a formula).
    pub fn groups(self, groups: Groups) -> String {
        if self.excel && groups.is_empty() {
            self.lang.get(Label::NoGroup).to_owned()
        } else if self.excel {
            self.lang.groups(groups)
        } else {
            groups.joined("|")
        }
    }

    pub fn reading(self, reading: Reading) -> &'static str {
        if self.excel {
            self.lang.reading(reading)
        } else {
            reading.as_str()
        }
    }

    /// A column's name given with its label: its stable key, or for Excel the label in `lang`.
    pub fn header(self, key: &'static str, label: Label) -> &'static str {
        if self.excel {
            self.lang.get(label)
        } else {
            key
        }
    }

    /// Text from the input in one cell: as it is for programs; for Excel never a formula.
    pub fn cell(self, text: &str) -> Cow<'_, str> {
        if self.excel {
            spreadsheet_cell(text)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// A date as a field of its own.
    pub fn date_text(self, date: NaiveDate) -> String {
        let mut buffer = [0; 10];
        String::from_utf8_lossy(self.date(Some(date), &mut buffer)).into_owned()
    }

    /// A share in per cent: `50.0`, or for Excel with the decimal comma of `lang`; empty for none.
    pub fn share(self, share: Option<rust_decimal::Decimal>) -> String {
        let text = share.map(|p| p.to_string()).unwrap_or_default();
        if self.excel {
            self.lang.decimal(&text)
        } else {
            text
        }
    }

    pub fn note(self, note: Note) -> &'static str {
        if self.excel {
            self.lang.note(note)
        } else {
            note.text()
        }
    }

    /// A column's name: the stable key, or for Excel its label in `lang`.
    pub fn column(self, key: &'static str) -> &'static str {
        if !self.excel {
            return key;
        }
        let label = match key {
            "line" => Label::ColLine,
            "case_id" => Label::ColCaseId,
            "unit" => Label::ColUnit,
            "hetu" => Label::ColHetu,
            "pending_date" => Label::ColPendingDate,
            "groups" => Label::ColGroups,
            "start_deadline" => Label::ColStartDeadline,
            "start_status" => Label::ColStartStatus,
            "start_working_days_late" => Label::ColStartLate,
            "start_working_days_remaining" => Label::ColStartRemaining,
            "start_working_days_overdue" => Label::ColStartOverdue,
            "completion_deadline" => Label::ColCompletionDeadline,
            "completion_status" => Label::ColCompletionStatus,
            "completion_working_days_late" => Label::ColCompletionLate,
            "completion_working_days_remaining" => Label::ColCompletionRemaining,
            "completion_working_days_overdue" => Label::ColCompletionOverdue,
            "elapsed_working_days" => Label::ColElapsed,
            "age" => Label::ColAge,
            "reading" => Label::ColReading,
            "notes" => Label::ColNotes,
            "as_of" => Label::ColAsOf,
            "decision_deadline" => Label::ColDecisionDeadline,
            "decision_status" => Label::ColDecisionStatus,
            "decision_working_days_late" => Label::ColDecisionLate,
            "decision_working_days_remaining" => Label::ColDecisionRemaining,
            "decision_working_days_overdue" => Label::ColDecisionOverdue,
            "implementation_deadline" => Label::ColImplementationDeadline,
            "implementation_status" => Label::ColImplementationStatus,
            "implementation_working_days_late" => Label::ColImplementationLate,
            "implementation_working_days_remaining" => Label::ColImplementationRemaining,
            "implementation_working_days_overdue" => Label::ColImplementationOverdue,
            _ => return key,
        };
        self.lang.get(label)
    }
}

/// The two decimal digits of each number below 100.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

/// The two digits of `n % 100`.
fn pair(n: u64) -> [u8; 2] {
    DIGIT_PAIRS[(n % 100) as usize]
}

/// `yyyy-mm-dd`, two digits at a time.
fn iso_date(date: NaiveDate) -> [u8; 10] {
    let year = date.year().clamp(0, 9999) as u64;
    let [y1, y2] = pair(year / 100);
    let [y3, y4] = pair(year);
    let [m1, m2] = DIGIT_PAIRS[date.month() as usize];
    let [d1, d2] = DIGIT_PAIRS[date.day() as usize];
    [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
}

/// Writes `value` as exactly `width` decimal digits (1, 2 or 4), zero-padded, two digits at a
/// time. Returns `width`.
fn write_digits(value: u32, width: usize, buffer: &mut [u8]) -> usize {
    let value = u64::from(value);
    match width {
        1 => buffer[0] = b'0' + (value % 10) as u8,
        2 => buffer[..2].copy_from_slice(&pair(value)),
        _ => {
            buffer[..2].copy_from_slice(&pair(value / 100));
            buffer[2..4].copy_from_slice(&pair(value));
        }
    }
    width
}

/// `n`, below 100 000 000, as eight decimal digits, zero-padded, in the bytes of a word: the
/// first digit in the lowest byte, so that `to_le_bytes` gives the text.
///
/// All digits at once, without a loop or a table: the number is split into two lanes of 32 bits
/// (four digits each), those into four lanes of 16 bits (two digits each), those into eight of
/// 8 bits (one digit each). Each split divides every lane at once with one multiplication and a
/// shift (the division by a constant the compiler itself emits): no lane's product reaches the
/// lane above it, and what the shift moves down from a lane into the one below is masked off.
fn eight_digits(n: u64) -> u64 {
    debug_assert!(n < 100_000_000);
    let halves = (n / 10_000) | ((n % 10_000) << 32);
    // x / 100 = (x * 10_486) >> 20 for x below 10 000; the product stays below 2^27.
    let hundreds = ((halves * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let pairs = hundreds | ((halves - hundreds * 100) << 16);
    // x / 10 = (x * 103) >> 10 for x below 100; the product stays below 2^14.
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((pairs - tens * 10) << 8) | u64::from_le_bytes([b'0'; 8])
}

/// The audit CSV columns, in order (`hetu` after `unit` only with `--show-hetu`).
pub const AUDIT_COLUMNS: [&str; 20] = [
    "line",
    "case_id",
    "unit",
    "pending_date",
    "groups",
    "start_deadline",
    "start_status",
    "start_working_days_late",
    "start_working_days_remaining",
    "start_working_days_overdue",
    "completion_deadline",
    "completion_status",
    "completion_working_days_late",
    "completion_working_days_remaining",
    "completion_working_days_overdue",
    "elapsed_working_days",
    "age",
    "reading",
    "notes",
    "as_of",
];

/// The columns of the decision and the service after it, after [`AUDIT_COLUMNS`]: written when
/// the case list has a decision or service column (`decision_date`, `implemented_date`).
pub const CHAIN_COLUMNS: [&str; 10] = [
    "decision_deadline",
    "decision_status",
    "decision_working_days_late",
    "decision_working_days_remaining",
    "decision_working_days_overdue",
    "implementation_deadline",
    "implementation_status",
    "implementation_working_days_late",
    "implementation_working_days_remaining",
    "implementation_working_days_overdue",
];

/// Where evaluated cases go, one at a time, in any format.
pub trait CaseSink {
    fn case(&mut self, case: &Evaluated) -> io::Result<()>;
    /// A row that could not be evaluated: only a workbook lists them (on a sheet of their own);
    /// the other outputs leave them to the messages and `--errors`.
    fn invalid(&mut self, _invalid: &crate::batch::Invalid) -> io::Result<()> {
        Ok(())
    }
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// CSV records built in a reused buffer and written out in large blocks: the csv crate's
/// format (a field is quoted when it holds the delimiter, a quote, CR or LF; quotes inside are
/// doubled), without its per-field bookkeeping. An audit writes a million records, most of whose
/// fields are dates, numbers and fixed words.
struct Records {
    /// Records written but not yet written out, then room.
    buf: Vec<u8>,
    len: usize,
    delimiter: u8,
    /// The terminator (`\n` or `\r\n`) as a block, and its length.
    terminator: ([u8; 2], usize),
    /// CSV for people: free text that would start a formula is neutralised (see
    /// [`crate::text::spreadsheet_cell`]).
    for_people: bool,
}

/// Records are written out once they fill this much of the buffer. Writing a file costs the
/// kernel far more than writing to a pipe: 256 KiB at a time took the 1M-row audit to a file from
/// 0.212 s to 0.199 s (median of 9 alternating runs) against 64 KiB; 1 MiB gained nothing more.
const BLOCK: usize = 1 << 18;

impl Records {
    fn new(delimiter: u8, terminator: &'static [u8], for_people: bool) -> Records {
        let mut block = [0; 2];
        block[..terminator.len()].copy_from_slice(terminator);
        Records {
            buf: vec![0; BLOCK + 4096],
            len: 0,
            delimiter,
            terminator: (block, terminator.len()),
            for_people,
        }
    }

    /// Writes one record of at most `room` bytes (see [`RecordCursor`]), with the fields `fill` writes;
    /// records are written out some 64 KiB at a time.
    fn write(
        &mut self,
        room: usize,
        out: &mut impl Write,
        fill: impl FnOnce(&mut RecordCursor),
    ) -> io::Result<()> {
        if self.buf.len() < self.len + room {
            self.buf.resize(self.len + room, 0);
        }
        let mut fields =
            RecordCursor::new(&mut self.buf[self.len..self.len + room], self.delimiter);
        fields.for_people = self.for_people;
        fill(&mut fields);
        // The delimiter after the last field becomes the terminator.
        fields.at -= 1;
        let (block, len) = self.terminator;
        fields.block(&block, len);
        self.len += fields.at;
        if self.len >= BLOCK {
            self.write_out(out)?;
        }
        Ok(())
    }

    /// Writes out the records written so far.
    fn write_out(&mut self, out: &mut impl Write) -> io::Result<()> {
        let result = out.write_all(&self.buf[..self.len]);
        self.len = 0;
        result
    }
}

/// Writes the fields of one record into room reserved for the whole record at once: without a
/// capacity check per field, and with the position kept in a register rather than in the buffer's
/// length. Most fields are copied in blocks of a fixed size (a date is 10 bytes, a number 8, a
/// word one or more blocks of 16) that compile to a few moves instead of a `memcpy` call. A block
/// may run past the end of its field into the room: the next field overwrites the rest, and only
/// what lies before `at` is kept. Every field is followed by the delimiter.
///
/// The room must hold the largest record the fields can make (see [`NUMBERS_AND_DATES`],
/// [`text_room`] and [`Field::room`]); writing past it panics.
struct RecordCursor<'a> {
    room: &'a mut [u8],
    at: usize,
    delimiter: u8,
    /// Free text that would start a spreadsheet formula is neutralised.
    for_people: bool,
}

/// The most that the line number, the dates, the counts and the delimiters after them take in
/// one record: 20 digits and a delimiter for a number (a `u64`, or an `i64` with its sign),
/// 10 bytes and a delimiter for a date. Then the terminator, 2 bytes at most.
const NUMBERS_AND_DATES: usize = 21 + 3 * 11 + 8 * 21 + 2;

/// What a milestone of the chain adds to a record at most: a date and three counts, each with
/// its delimiter (its status is counted apart).
const CHAIN_DATE_AND_COUNTS: usize = 11 + 3 * 21;

/// The most that a field of free text (a case id, a unit) takes: every byte a doubled quote,
/// the quotes around it, the `'` that keeps it from starting a formula, and the delimiter.
fn text_room(text: &[u8]) -> usize {
    2 * text.len() + 4
}

impl<'a> RecordCursor<'a> {
    fn new(room: &'a mut [u8], delimiter: u8) -> RecordCursor<'a> {
        RecordCursor {
            room,
            at: 0,
            delimiter,
            for_people: false,
        }
    }

    /// The first `len` bytes of `block` (copied whole: the rest is overwritten later).
    #[inline(always)]
    fn block<const N: usize>(&mut self, block: &[u8; N], len: usize) {
        self.room[self.at..self.at + N].copy_from_slice(block);
        self.at += len;
    }

    /// Ends a field (an empty one, if nothing was written since the last).
    #[inline(always)]
    fn delimiter(&mut self) {
        self.room[self.at] = self.delimiter;
        self.at += 1;
    }

    /// A field written ahead of time, with its delimiter.
    #[inline(always)]
    fn field(&mut self, field: &Field) {
        self.block(&field.first, 0);
        for (i, block) in field.rest.iter().enumerate() {
            let at = self.at + 16 * (i + 1);
            self.room[at..at + 16].copy_from_slice(block);
        }
        self.at += field.len;
    }

    /// A field of free text, quoted where needed, and in CSV for people kept from starting a
    /// formula.
    #[inline(always)]
    fn text(&mut self, value: &[u8]) {
        if (self.for_people && starts_formula(value)) || !self.plain(value) {
            let (delimiter, for_people) = (self.delimiter, self.for_people);
            self.at += quoted(value, delimiter, for_people, &mut self.room[self.at..]);
        }
        self.delimiter();
    }

    /// Copies `value` as it is, unless it may need quotes; whether it did. Eight bytes at a time
    /// (a case id or a unit takes a few words), each word checked as it is copied: see
    /// [`may_need_quotes`].
    #[inline(always)]
    fn plain(&mut self, value: &[u8]) -> bool {
        let n = value.len();
        let out = &mut self.room[self.at..self.at + n];
        let mut found = 0;
        if let Some(last) = value.last_chunk::<8>() {
            // Whole words, then the last word (overlapping the one before, unless `n` is a
            // multiple of 8).
            let (words, _) = value.as_chunks::<8>();
            let (outs, _) = out.as_chunks_mut::<8>();
            for (&bytes, to) in words.iter().zip(outs) {
                let bytes = u64::from_le_bytes(bytes);
                found |= may_need_quotes(bytes, self.delimiter);
                *to = bytes.to_le_bytes();
            }
            found |= may_need_quotes(u64::from_le_bytes(*last), self.delimiter);
            out[n - 8..].copy_from_slice(last);
        } else {
            for (to, &byte) in out.iter_mut().zip(value) {
                // The byte alone, the others of the word set so that they cannot match.
                found |= may_need_quotes(u64::from(byte) | !0xff, self.delimiter);
                *to = byte;
            }
        }
        if found != 0 {
            return false;
        }
        self.at += n;
        true
    }

    /// A number: written here, in place, rather than formatted elsewhere and copied.
    #[inline(always)]
    fn number(&mut self, n: u64) {
        if n < 100 {
            // Most counts and ages: the pair of digits, less its leading zero below 10.
            let short = usize::from(n < 10);
            let pair = u16::from_le_bytes(DIGIT_PAIRS[n as usize]) >> (8 * short);
            self.block(&pair.to_le_bytes(), 2 - short);
        } else if n < 100_000_000 {
            // Line numbers and longer counts: all eight digits as one 8-byte block, moved past the
            // leading zeros (all but the last, for 0).
            let padded = eight_digits(n);
            let zeros = ((padded ^ u64::from_le_bytes([b'0'; 8])).trailing_zeros() / 8).min(7);
            self.block(&(padded >> (8 * zeros)).to_le_bytes(), 8 - zeros as usize);
        } else {
            let end = self.at + n.ilog10() as usize + 1;
            let mut rest = n;
            for digit in self.room[self.at..end].iter_mut().rev() {
                *digit = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            self.at = end;
        }
        self.delimiter();
    }

    #[inline(always)]
    fn signed(&mut self, n: i64) {
        if n < 0 {
            self.room[self.at] = b'-';
            self.at += 1;
        }
        self.number(n.unsigned_abs());
    }

    /// A count, or an empty field.
    #[inline(always)]
    fn count(&mut self, value: Option<i64>) {
        match value {
            Some(n) => self.signed(n),
            None => self.delimiter(),
        }
    }

    /// A date in `style`, or an empty field.
    #[inline(always)]
    fn date(&mut self, style: CsvStyle, date: Option<NaiveDate>) {
        if let Some(date) = date {
            if style.excel {
                let mut digits = [0; 10];
                let len = style.date(Some(date), &mut digits).len();
                self.block(&digits, len);
            } else {
                self.block(&iso_date(date), 10);
            }
        }
        self.delimiter();
    }
}

/// Writes `value` to `out`, quoted if it needs it; returns the length written. The slow path of
/// [`RecordCursor::text`], for the few values that hold a delimiter, a quote or a control
/// character, or in CSV for people start like a formula: out of line, and given the room rather
/// than the [`RecordCursor`], whose position can then stay in a register.
#[cold]
#[inline(never)]
fn quoted(value: &[u8], delimiter: u8, for_people: bool, out: &mut [u8]) -> usize {
    let cell;
    let value = match std::str::from_utf8(value) {
        Ok(text) if for_people && starts_formula(value) => {
            // Neutralised the OWASP way: a `'` in front, and the field quoted.
            cell = spreadsheet_cell(text);
            cell.as_bytes()
        }
        _ => value,
    };
    let special = |b: u8| b == delimiter || b == b'"' || b == b'\r' || b == b'\n';
    let neutralised = for_people && value.first() == Some(&b'\'');
    if !neutralised && !value.iter().any(|&b| special(b)) {
        out[..value.len()].copy_from_slice(value);
        return value.len();
    }
    let mut at = 0;
    out[at] = b'"';
    at += 1;
    for &byte in value {
        if byte == b'"' {
            out[at] = b'"';
            at += 1;
        }
        out[at] = byte;
        at += 1;
    }
    out[at] = b'"';
    at + 1
}

/// Non-zero when a byte of `word` may need quotes in a field: the delimiter, a quote, or a
/// control character up to CR (LF and CR among them; a tab too, which the slow path lets
/// through). All bytes at once: a byte below `limit` borrows when `limit` is subtracted from
/// it, which sets its high bit, and `& !word` keeps only high bits that were clear before. The
/// lowest byte that matches is always caught (bytes above it may be caught wrongly, which does
/// not matter here).
fn may_need_quotes(word: u64, delimiter: u8) -> u64 {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word;
    let equal = |byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    (equal(delimiter) | equal(b'"') | below(word, b'\r' + 1)) & HIGH_BITS
}

/// A field written ahead of time (a status, a set of groups): quoted as needed and followed by
/// the delimiter, in blocks of 16 bytes, the last one padded with zeros. Most fit in the first
/// block (`met,`, `none,`, or just the delimiter for no notes), which is kept apart so that
/// copying them needs no loop.
#[derive(Clone, Debug)]
struct Field {
    first: [u8; 16],
    rest: Vec<[u8; 16]>,
    /// The length without the padding.
    len: usize,
}

impl Field {
    fn new(value: &str, delimiter: u8) -> Field {
        let mut room = vec![0; text_room(value.as_bytes())];
        let mut fields = RecordCursor::new(&mut room, delimiter);
        fields.text(value.as_bytes());
        let len = fields.at;
        let mut blocks = room[..len].chunks(16).map(|chunk| {
            let mut block = [0; 16];
            block[..chunk.len()].copy_from_slice(chunk);
            block
        });
        Field {
            // There is at least the delimiter.
            first: blocks.next().unwrap_or_default(),
            rest: blocks.collect(),
            len,
        }
    }

    /// The room it takes in a record, padding included.
    fn room(&self) -> usize {
        16 * (1 + self.rest.len())
    }
}

/// Audit rows as CSV.
pub struct CsvSink<W: Write> {
    out: W,
    records: Records,
    style: CsvStyle,
    show_hetu: bool,
    /// The status fields, in the order of the variants of [`Status`].
    statuses: [Field; 5],
    reading: Field,
    /// The as-of date, the same on every record.
    as_of: Field,
    /// Whether the decision and implementation columns follow ([`CHAIN_COLUMNS`]).
    chain: bool,
    /// What every record takes at most, but for its free text, groups and notes.
    room: usize,
    /// The groups field and the notes field take few values (a set of six groups, of four notes):
    /// each value is written, quoted as needed, once, and copied from here afterwards.
    /// Indexed by the sets' bits.
    groups_fields: Vec<Option<Field>>,
    notes_fields: Vec<Option<Field>>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(
        mut out: W,
        style: CsvStyle,
        show_hetu: bool,
        chain: bool,
        reading: Reading,
        as_of: NaiveDate,
    ) -> io::Result<Self> {
        let mut records = if style.excel {
            out.write_all("\u{feff}".as_bytes())?;
            Records::new(b';', b"\r\n", true)
        } else {
            Records::new(b',', b"\n", false)
        };
        let mut header: Vec<&str> = AUDIT_COLUMNS.iter().map(|c| style.column(c)).collect();
        if show_hetu {
            header.insert(3, style.column("hetu"));
        }
        if chain {
            header.extend(CHAIN_COLUMNS.iter().map(|c| style.column(c)));
        }
        let room = header
            .iter()
            .map(|c| text_room(c.as_bytes()))
            .sum::<usize>()
            + 2;
        records.write(room, &mut out, |fields| {
            for column in header {
                fields.text(column.as_bytes());
            }
        })?;
        let delimiter = records.delimiter;
        let statuses = Status::ALL.map(|status| Field::new(style.status(status), delimiter));
        debug_assert!(Status::ALL
            .iter()
            .enumerate()
            .all(|(i, &s)| s as usize == i));
        let reading = Field::new(style.reading(reading), delimiter);
        let mut date = [0; 10];
        let as_of = Field::new(
            std::str::from_utf8(style.date(Some(as_of), &mut date)).unwrap_or_default(),
            delimiter,
        );
        let longest_status = statuses.iter().map(Field::room).max().unwrap_or(0);
        Ok(CsvSink {
            out,
            records,
            style,
            show_hetu,
            room: NUMBERS_AND_DATES
                + 2 * longest_status
                + reading.room()
                + as_of.room()
                + if chain {
                    2 * (CHAIN_DATE_AND_COUNTS + longest_status)
                } else {
                    0
                },
            chain,
            statuses,
            reading,
            as_of,
            groups_fields: vec![None; 1 << Group::ALL.len()],
            notes_fields: vec![None; 1 << 4],
        })
    }
}

impl<W: Write> CaseSink for CsvSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        let e = &case.evaluation;
        let (style, delimiter) = (self.style, self.records.delimiter);
        let groups = self.groups_fields[usize::from(e.groups.bits())]
            .get_or_insert_with(|| Field::new(&style.groups(e.groups), delimiter));
        let notes = self.notes_fields[usize::from(e.notes.bits())].get_or_insert_with(|| {
            let notes: Vec<_> = e.notes.iter().map(|n| style.note(n)).collect();
            Field::new(&notes.join("; "), delimiter)
        });
        let hetu = match &case.hetu {
            Some(hetu) if self.show_hetu => Some(hetu.as_bytes()),
            _ if self.show_hetu => Some(&b""[..]),
            _ => None,
        };
        let room = self.room
            + groups.room()
            + notes.room()
            + text_room(case.case_id.as_bytes())
            + text_room(case.unit.as_bytes())
            + hetu.map_or(0, text_room);
        let (statuses, reading, as_of) = (&self.statuses, &self.reading, &self.as_of);
        let chain = self.chain;
        self.records.write(room, &mut self.out, |fields| {
            fields.number(case.line);
            fields.text(case.case_id.as_bytes());
            fields.text(case.unit.as_bytes());
            if let Some(hetu) = hetu {
                fields.text(hetu);
            }
            fields.date(style, Some(case.case.pending));
            fields.field(groups);
            for outcome in [&e.start, &e.completion] {
                fields.date(style, outcome.deadline);
                fields.field(&statuses[outcome.status as usize]);
                fields.count(outcome.working_days_late);
                fields.count(outcome.working_days_remaining);
                fields.count(outcome.working_days_overdue);
            }
            fields.signed(e.elapsed_working_days);
            fields.count(e.age.map(i64::from));
            fields.field(reading);
            fields.field(notes);
            fields.field(as_of);
            if chain {
                for outcome in [&e.decision, &e.implementation] {
                    fields.date(style, outcome.deadline);
                    fields.field(&statuses[outcome.status as usize]);
                    fields.count(outcome.working_days_late);
                    fields.count(outcome.working_days_remaining);
                    fields.count(outcome.working_days_overdue);
                }
            }
        })
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.records.write_out(&mut self.out)?;
        self.out.flush()
    }
}

/// Audit rows as a JSON array, one object per case, streamed.
pub struct JsonSink<W: Write> {
    out: W,
    first: bool,
    show_hetu: bool,
    reading: Reading,
}

#[derive(Serialize)]
struct JsonCase<'a> {
    line: u64,
    case_id: &'a str,
    unit: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hetu: Option<&'a str>,
    #[serde(flatten)]
    record: CaseRecord,
    deadlines: DeadlineList<'a>,
}

impl<W: Write> JsonSink<W> {
    pub fn new(out: W, show_hetu: bool, reading: Reading) -> Self {
        JsonSink {
            out,
            first: true,
            show_hetu,
            reading,
        }
    }
}

impl<W: Write> CaseSink for JsonSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[\n  " } else { b",\n  " })?;
        self.first = false;
        let record = JsonCase {
            line: case.line,
            case_id: &case.case_id,
            unit: &case.unit,
            hetu: if self.show_hetu {
                case.hetu.as_deref()
            } else {
                None
            },
            record: CaseRecord::new(case.case.pending, &case.evaluation, self.reading),
            deadlines: DeadlineList(&case.evaluation),
        };
        serde_json::to_writer(&mut self.out, &record).map_err(io::Error::from)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Audit rows as a table for people: fitted to the terminal's width and written a row at a time
/// (a table of a million rows takes no more memory than one of ten).
pub struct TableSink<W: Write> {
    out: W,
    table: crate::table::Table,
    lang: Lang,
    started: bool,
    /// Whether the decision and the service have columns (the list records them).
    chain: bool,
}

impl<W: Write> TableSink<W> {
    /// A table fitted to the terminal; with `chain`, columns for the decision and the service.
    pub fn new(out: W, lang: Lang, chain: bool) -> Self {
        Self::with_width(out, lang, crate::table::terminal_width(), chain)
    }

    /// A table fitted to `width` columns.
    pub fn with_width(out: W, lang: Lang, width: usize, chain: bool) -> Self {
        use crate::table::Column;
        let statuses: Vec<&str> = Status::ALL.iter().map(|s| lang.status(*s)).collect();
        let groups: Vec<&str> = Group::ALL.iter().map(|g| lang.group(*g)).collect();
        let days: Vec<String> = [
            Label::DaysOverdue,
            Label::DaysLeft,
            Label::DaysLate,
            Label::DaysElapsed,
        ]
        .iter()
        .map(|l| format!("99999 {}", lang.get(*l)))
        .collect();
        let date = ["30.12.2026"];
        let mut columns = vec![
            // Up to 9 999 999 lines.
            Column::text(lang.get(Label::TabLine), 7, 7).right(),
            Column::text(lang.get(Label::TabCase), 12, 20),
            // Unit names are long compound words (`Seniorineuvonta`): kept whole, or left out.
            Column::text(lang.get(Label::TabUnit), 15, 24).leave_out(4),
            Column::new(lang.get(Label::TabGroups), groups).leave_out(2),
            Column::new(lang.get(Label::TabStartBy), date),
            Column::new(lang.get(Label::TabStart), statuses.iter().copied()),
            Column::new(lang.get(Label::TabCompleteBy), date).leave_out(1),
            Column::new(lang.get(Label::TabCompletion), statuses.iter().copied()).leave_out(3),
            Column::new(
                lang.get(Label::TabWorkingDays),
                days.iter().map(String::as_str),
            ),
        ];
        if chain {
            // Before the working days; in a narrow window they go after the others.
            let at = columns.len() - 1;
            columns.splice(
                at..at,
                [
                    Column::new(lang.get(Label::TabDecideBy), date).leave_out(5),
                    Column::new(lang.get(Label::TabDecision), statuses.iter().copied())
                        .leave_out(7),
                    Column::new(lang.get(Label::TabServiceBy), date).leave_out(6),
                    Column::new(lang.get(Label::TabService), statuses.iter().copied()).leave_out(8),
                ],
            );
        }
        TableSink {
            out,
            table: crate::table::Table::fit(columns, width, lang),
            lang,
            started: false,
            chain,
        }
    }
}

/// Free text (a case id, a unit) as a table cell for a terminal: at most 60 characters, and
/// hidden characters (an escape sequence from a damaged export) as `?`, as everywhere
/// ([`crate::text::visible`]). A 5 MB cell would take minutes to lay out and fill screens; CSV
/// and JSON keep the whole value.
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    const LONGEST: usize = 60;
    let long = text.len() > LONGEST && text.chars().nth(LONGEST).is_some();
    if !long {
        return crate::text::visible(text);
    }
    let cell: String = text.chars().take(LONGEST).collect();
    let mut cell = crate::text::visible(&cell).into_owned();
    cell.push('…');
    std::borrow::Cow::Owned(cell)
}

/// The working days that matter for a case, for people: `3 late`, `2 left`, `5 overdue`.
pub fn working_days_text(evaluation: &Evaluation, lang: Lang) -> String {
    let e = evaluation;
    let with = |n: i64, label: Label| format!("{n} {}", lang.get(label));
    let outcomes = crate::rules::Milestone::ALL.map(|m| e.outcome(m));
    if let Some(n) = outcomes.iter().filter_map(|o| o.working_days_overdue).max() {
        return with(n, Label::DaysOverdue);
    }
    if let Some(n) = outcomes
        .iter()
        .filter_map(|o| o.working_days_remaining)
        .min()
    {
        return with(n, Label::DaysLeft);
    }
    if let Some(n) = outcomes.iter().find_map(|o| o.working_days_late) {
        return with(n, Label::DaysLate);
    }
    with(e.elapsed_working_days, Label::DaysElapsed)
}

impl<W: Write> CaseSink for TableSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.table.header(&mut self.out)?;
        }
        let e = &case.evaluation;
        let date = |d: Option<NaiveDate>| d.map(crate::dates::finnish).unwrap_or_default();
        let mut cells = vec![
            case.line.to_string(),
            cell_text(&case.case_id).into_owned(),
            cell_text(&case.unit).into_owned(),
            self.lang.groups(e.groups),
            date(e.start.deadline),
            self.lang.status(e.start.status).to_string(),
            date(e.completion.deadline),
            self.lang.status(e.completion.status).to_string(),
        ];
        if self.chain {
            for outcome in [&e.decision, &e.implementation] {
                cells.push(date(outcome.deadline));
                cells.push(self.lang.status(outcome.status).to_string());
            }
        }
        cells.push(working_days_text(e, self.lang));
        self.table.row(&mut self.out, &cells)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        if !self.started {
            self.table.header(&mut self.out)?;
        }
        self.table.finish(&mut self.out)?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_csv_styles() {
        let date = NaiveDate::from_ymd_opt(2026, 2, 3);
        let mut buffer = [0u8; 10];
        let iso = CsvStyle {
            excel: false,
            lang: Lang::En,
        };
        let excel = CsvStyle {
            excel: true,
            lang: Lang::Fi,
        };
        assert_eq!(iso.date(date, &mut buffer), b"2026-02-03");
        assert_eq!(excel.date(date, &mut buffer), b"3.2.2026");
        let date = NaiveDate::from_ymd_opt(2026, 12, 24);
        assert_eq!(excel.date(date, &mut buffer), b"24.12.2026");
        assert_eq!(iso.date(None, &mut buffer), b"");
    }

    #[test]
    fn eight_digits_as_text() {
        let samples = (0..100_000)
            .chain((0..100_000_000).step_by(9_973))
            .chain(99_999_000..100_000_000);
        for n in samples {
            assert_eq!(eight_digits(n).to_le_bytes(), *format!("{n:08}").as_bytes());
        }
    }

    #[test]
    fn free_text_quoted_exactly_when_it_holds_a_delimiter_a_quote_or_a_line_break() {
        for delimiter in [b',', b';'] {
            let expected = |value: &[u8]| {
                let special = |b: &u8| [delimiter, b'"', b'\r', b'\n'].contains(b);
                let mut field = Vec::new();
                if value.iter().any(special) {
                    field.push(b'"');
                    for &b in value {
                        if b == b'"' {
                            field.push(b'"');
                        }
                        field.push(b);
                    }
                    field.push(b'"');
                } else {
                    field.extend_from_slice(value);
                }
                field.push(delimiter);
                field
            };
            // Every byte at every place of values up to three words long.
            let mut values = vec![Vec::new()];
            for len in 1..=24 {
                for at in 0..len {
                    for byte in 0..=255 {
                        let mut value = vec![b'a'; len];
                        value[at] = byte;
                        values.push(value);
                    }
                }
            }
            values.push("Kotihoito Itä; \"ylä\"".as_bytes().to_vec());
            for value in values {
                let mut room = vec![0; text_room(&value)];
                let mut fields = RecordCursor::new(&mut room, delimiter);
                fields.text(&value);
                let written = fields.at;
                assert_eq!(room[..written], expected(&value), "{value:?}");
            }
        }
    }

    #[test]
    fn numbers_in_records() {
        let mut records = Records::new(b',', b"\n", false);
        let numbers = [0, 7, 10, 99, 100, 12_345, 99_999_999, 100_000_000, u64::MAX];
        records
            .write(12 * 21, &mut io::sink(), |fields| {
                for n in numbers {
                    fields.number(n);
                }
                fields.signed(-1);
                fields.signed(i64::MIN);
            })
            .unwrap();
        assert_eq!(
            std::str::from_utf8(&records.buf[..records.len]).unwrap(),
            "0,7,10,99,100,12345,99999999,100000000,18446744073709551615,-1,-9223372036854775808\n"
        );
    }
}
