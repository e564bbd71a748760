//! Evaluated cases written out: the flat record every output shares, the languages of labels,
//! and the CSV, JSON and table writers of `audit` and `overdue`.
//!
//! Column names and JSON keys are stable English for scripts. `--lang fi` translates what people
//! read: tables, text, and CSV written for Excel (`--excel`).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::batch::Evaluated;
use crate::calendar::Reading;
use crate::evaluation::{Evaluation, Note, Outcome, Status};
use crate::rules::{Group, Groups};

/// The language of labels for people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    En,
    Fi,
}

impl Lang {
    /// Finnish when LC_ALL, LC_MESSAGES or LANG (the first one set) starts with `fi`.
    pub fn from_env() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if value.to_ascii_lowercase().starts_with("fi") {
            Lang::Fi
        } else {
            Lang::En
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match self {
            Lang::En => status.as_str(),
            Lang::Fi => status.finnish(),
        }
    }

    pub fn group(self, group: Group) -> &'static str {
        match self {
            Lang::En => group.name_en(),
            Lang::Fi => group.name_fi(),
        }
    }

    /// The groups of a case for people: `aged over 75, disabled person`, or a dash.
    pub fn groups(self, groups: Groups) -> String {
        if groups.is_empty() {
            return "-".into();
        }
        groups
            .iter()
            .map(|g| self.group(g))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

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
            write_digits(y, 4, &mut buffer[0..]);
            buffer[4] = b'-';
            write_digits(m, 2, &mut buffer[5..]);
            buffer[7] = b'-';
            write_digits(d, 2, &mut buffer[8..]);
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

    /// The groups field: stable keys (`over_75|disabled`, `none`), or for Excel labels in `lang`.
    pub fn groups(self, groups: Groups) -> String {
        if self.excel {
            self.lang.groups(groups)
        } else {
            groups.joined("|")
        }
    }
}

/// Writes `value` as exactly `width` decimal digits (1, 2 or 4), zero-padded, two digits at a
/// time. Returns `width`.
fn write_digits(value: u32, width: usize, buffer: &mut [u8]) -> usize {
    const PAIRS: &[u8; 200] = b"\
        0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849\
        5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    let pair = |n: u32| {
        let i = (n % 100) as usize * 2;
        [PAIRS[i], PAIRS[i + 1]]
    };
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

/// The audit CSV columns, in order (`hetu` after `unit` only with `--show-hetu`).
pub const AUDIT_COLUMNS: [&str; 19] = [
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
];

/// Where evaluated cases go, one at a time, in any format.
pub trait CaseSink {
    fn case(&mut self, case: &Evaluated) -> io::Result<()>;
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// CSV records built in a reused buffer and written out in large blocks: the csv crate's
/// format (a field is quoted when it holds the delimiter, a quote, CR or LF; quotes inside are
/// doubled), without its per-field bookkeeping. An audit writes a million records, most of whose
/// fields are dates, numbers and fixed words.
///
/// The buffer is written like an array, not grown like a `Vec`: [`Record::reserve`] makes room
/// for a whole record once, and its fields are then copied in without a capacity check each,
/// most of them in blocks of a fixed size (a date is 10 bytes, a word one or more blocks of 16)
/// that compile to a few moves instead of a `memcpy` call. A block may run past the end of its
/// field into the room reserved: only `buf[..len]` is written out, and the next field overwrites
/// the rest.
///
/// Every field is followed by the delimiter; [`Record::end`] turns the last one into the
/// terminator.
struct Record {
    /// Records ended but not yet written out, the record being written, then room.
    buf: Vec<u8>,
    len: usize,
    delimiter: u8,
    /// The terminator (`\n` or `\r\n`) as a block, and its length.
    terminator: ([u8; 2], usize),
}

/// Records are written out once they fill this much of the buffer.
const BLOCK: usize = 1 << 16;

/// The most that the line number, the dates, the counts, the delimiters after them and the
/// terminator of one record take: 20 digits and a delimiter for a number (a `u64`, or an `i64`
/// with its sign), 10 bytes and a delimiter for a date, and a terminator of 2 bytes.
const NUMBERS_AND_DATES: usize = 21 + 3 * 11 + 8 * 21 + 2;

/// The most that a field of free text (a case id, a unit) takes: every byte a doubled quote,
/// the quotes around it, and the delimiter.
fn text_room(text: &[u8]) -> usize {
    2 * text.len() + 3
}

impl Record {
    fn new(delimiter: u8, terminator: &'static [u8], room: usize) -> Record {
        let mut block = [0; 2];
        block[..terminator.len()].copy_from_slice(terminator);
        Record {
            buf: vec![0; room],
            len: 0,
            delimiter,
            terminator: (block, terminator.len()),
        }
    }

    /// Makes room for `room` more bytes: call once per record, with room for all its fields.
    fn reserve(&mut self, room: usize) {
        if self.buf.len() < self.len + room {
            self.buf.resize(self.len + room, 0);
        }
    }

    /// The first `len` bytes of `block` (copied whole: the rest is overwritten later).
    fn put_block<const N: usize>(&mut self, block: &[u8; N], len: usize) {
        self.buf[self.len..self.len + N].copy_from_slice(block);
        self.len += len;
    }

    fn put_delimiter(&mut self) {
        self.buf[self.len] = self.delimiter;
        self.len += 1;
    }

    /// A field of free text, quoted where needed.
    fn put_text(&mut self, value: &[u8]) {
        let delimiter = self.delimiter;
        // Without short-circuiting, so that the compiler can check many bytes at once.
        let special = value.iter().fold(false, |found, &b| {
            found | (b == delimiter) | (b == b'"') | (b == b'\r') | (b == b'\n')
        });
        let mut at = self.len;
        if !special {
            self.buf[at..at + value.len()].copy_from_slice(value);
            at += value.len();
        } else {
            self.buf[at] = b'"';
            at += 1;
            for &byte in value {
                if byte == b'"' {
                    self.buf[at] = b'"';
                    at += 1;
                }
                self.buf[at] = byte;
                at += 1;
            }
            self.buf[at] = b'"';
            at += 1;
        }
        self.len = at;
        self.put_delimiter();
    }

    /// A field this module wrote itself and knows needs no quotes: a number.
    fn put_plain(&mut self, value: &[u8]) {
        self.buf[self.len..self.len + value.len()].copy_from_slice(value);
        self.len += value.len();
        self.put_delimiter();
    }

    /// A field written ahead of time, with its delimiter.
    fn put_field(&mut self, field: &Field) {
        let mut at = self.len;
        for block in &field.blocks {
            self.buf[at..at + 16].copy_from_slice(block);
            at += 16;
        }
        self.len += field.len;
    }

    /// A date in `style`, or an empty field.
    fn put_date(&mut self, style: CsvStyle, date: Option<NaiveDate>) {
        let mut digits = [0; 10];
        let len = style.date(date, &mut digits).len();
        self.put_block(&digits, len);
        self.put_delimiter();
    }

    /// A count, or an empty field.
    fn put_count(&mut self, value: Option<i64>, number: &mut itoa::Buffer) {
        match value {
            Some(n) => self.put_plain(number.format(n).as_bytes()),
            None => self.put_delimiter(),
        }
    }

    /// Ends the record; records are written out some 64 KiB at a time.
    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        // The delimiter after the last field becomes the terminator.
        self.len -= 1;
        let (block, len) = self.terminator;
        self.put_block(&block, len);
        if self.len >= BLOCK {
            self.write_out(out)?;
        }
        Ok(())
    }

    /// Writes out the records ended so far.
    fn write_out(&mut self, out: &mut impl Write) -> io::Result<()> {
        let result = out.write_all(&self.buf[..self.len]);
        self.len = 0;
        result
    }
}

/// A field written ahead of time (a status, a set of groups): quoted as needed and followed by
/// the delimiter, in blocks of 16 bytes, the last one padded with zeros.
#[derive(Clone, Debug)]
struct Field {
    blocks: Vec<[u8; 16]>,
    /// The length without the padding.
    len: usize,
}

impl Field {
    fn new(value: &str, delimiter: u8) -> Field {
        let mut record = Record::new(delimiter, b"", text_room(value.as_bytes()));
        record.put_text(value.as_bytes());
        let written = &record.buf[..record.len];
        let blocks = written
            .chunks(16)
            .map(|chunk| {
                let mut block = [0; 16];
                block[..chunk.len()].copy_from_slice(chunk);
                block
            })
            .collect();
        Field {
            blocks,
            len: written.len(),
        }
    }

    /// The room it takes in a record, padding included.
    fn room(&self) -> usize {
        16 * self.blocks.len()
    }
}

/// Audit rows as CSV.
pub struct CsvSink<W: Write> {
    out: W,
    record: Record,
    style: CsvStyle,
    show_hetu: bool,
    /// The status fields, in the order of the variants of [`Status`].
    statuses: [Field; 5],
    reading: Field,
    /// What every record takes at most, but for its free text, groups and notes.
    room: usize,
    /// The groups field and the notes field take few values (a set of six groups, of four notes):
    /// each value is written, quoted as needed, once, and copied from here afterwards.
    /// Indexed by the sets' bits.
    groups_fields: Vec<Option<Field>>,
    notes_fields: Vec<Option<Field>>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(mut out: W, style: CsvStyle, show_hetu: bool, reading: Reading) -> io::Result<Self> {
        let mut record = if style.excel {
            out.write_all("\u{feff}".as_bytes())?;
            Record::new(b';', b"\r\n", BLOCK + 4096)
        } else {
            Record::new(b',', b"\n", BLOCK + 4096)
        };
        for (i, column) in AUDIT_COLUMNS.iter().enumerate() {
            record.reserve(text_room(column.as_bytes()));
            record.put_text(column.as_bytes());
            if i == 2 && show_hetu {
                record.reserve(text_room(b"hetu"));
                record.put_text(b"hetu");
            }
        }
        record.end(&mut out)?;
        let delimiter = record.delimiter;
        let statuses = Status::ALL.map(|status| Field::new(style.status(status), delimiter));
        debug_assert!(Status::ALL
            .iter()
            .enumerate()
            .all(|(i, &s)| s as usize == i));
        let reading = Field::new(reading.as_str(), delimiter);
        let longest_status = statuses.iter().map(Field::room).max().unwrap_or(0);
        Ok(CsvSink {
            out,
            record,
            style,
            show_hetu,
            room: NUMBERS_AND_DATES + 2 * longest_status + reading.room(),
            statuses,
            reading,
            groups_fields: vec![None; 1 << Group::ALL.len()],
            notes_fields: vec![None; 1 << 4],
        })
    }

    /// The deadline, status and counts of one outcome.
    fn outcome(
        record: &mut Record,
        style: CsvStyle,
        statuses: &[Field; 5],
        outcome: &Outcome,
        number: &mut itoa::Buffer,
    ) {
        record.put_date(style, outcome.deadline);
        record.put_field(&statuses[outcome.status as usize]);
        record.put_count(outcome.working_days_late, number);
        record.put_count(outcome.working_days_remaining, number);
        record.put_count(outcome.working_days_overdue, number);
    }
}

impl<W: Write> CaseSink for CsvSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        let mut number = itoa::Buffer::new();
        let e = &case.evaluation;
        let (style, delimiter) = (self.style, self.record.delimiter);
        let groups = self.groups_fields[usize::from(e.groups.bits())]
            .get_or_insert_with(|| Field::new(&style.groups(e.groups), delimiter));
        let notes = self.notes_fields[usize::from(e.notes.bits())].get_or_insert_with(|| {
            let notes: Vec<_> = e.notes.iter().map(Note::text).collect();
            Field::new(&notes.join("; "), delimiter)
        });
        let hetu = match &case.hetu {
            Some(hetu) if self.show_hetu => Some(hetu.as_bytes()),
            _ if self.show_hetu => Some(&b""[..]),
            _ => None,
        };
        let record = &mut self.record;
        record.reserve(
            self.room
                + groups.room()
                + notes.room()
                + text_room(case.case_id.as_bytes())
                + text_room(case.unit.as_bytes())
                + hetu.map_or(0, text_room),
        );
        record.put_plain(number.format(case.line).as_bytes());
        record.put_text(case.case_id.as_bytes());
        record.put_text(case.unit.as_bytes());
        if let Some(hetu) = hetu {
            record.put_text(hetu);
        }
        record.put_date(style, Some(case.case.pending));
        record.put_field(groups);
        Self::outcome(record, style, &self.statuses, &e.start, &mut number);
        Self::outcome(record, style, &self.statuses, &e.completion, &mut number);
        record.put_plain(number.format(e.elapsed_working_days).as_bytes());
        record.put_count(e.age.map(i64::from), &mut number);
        record.put_field(&self.reading);
        record.put_field(notes);
        record.end(&mut self.out)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.record.write_out(&mut self.out)?;
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
        };
        serde_json::to_writer(&mut self.out, &record).map_err(io::Error::from)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Audit rows as a table for people (held until the end to size the columns).
pub struct TableSink<W: Write> {
    out: W,
    table: comfy_table::Table,
    lang: Lang,
}

impl<W: Write> TableSink<W> {
    pub fn new(out: W, lang: Lang) -> Self {
        let header: &[&str] = match lang {
            Lang::En => &[
                "line",
                "case",
                "unit",
                "groups",
                "start by",
                "start",
                "complete by",
                "completion",
                "working days",
            ],
            Lang::Fi => &[
                "rivi",
                "asia",
                "yksikkö",
                "ryhmät",
                "aloitus viim.",
                "aloitus",
                "valmis viim.",
                "valmistus",
                "arkipäiviä",
            ],
        };
        let mut table = new_table(header);
        // Only the unit and the groups may wrap: a case id or a date split over two lines misleads.
        keep_whole(&mut table, |column| column != 2 && column != 3);
        TableSink { out, table, lang }
    }
}

/// Free text (a case id, a unit) as a table cell for a terminal: at most 60 characters, and
/// control characters (an escape sequence from a damaged export) as `?`. A 5 MB cell would
/// take minutes to lay out and fill screens; CSV and JSON keep the whole value.
pub fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    const LONGEST: usize = 60;
    let long = text.len() > LONGEST && text.chars().nth(LONGEST).is_some();
    if !long && !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut cell: String = text
        .chars()
        .take(LONGEST)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if long {
        cell.push('…');
    }
    std::borrow::Cow::Owned(cell)
}

/// Keeps the chosen columns whole (never wrapped) when the table is fitted to the terminal; the
/// others wrap, but stay wide enough to read a word.
pub fn keep_whole(table: &mut comfy_table::Table, whole: impl Fn(usize) -> bool) {
    use comfy_table::{ColumnConstraint, Width};
    for (index, column) in table.column_iter_mut().enumerate() {
        column.set_constraint(if whole(index) {
            ColumnConstraint::ContentWidth
        } else {
            ColumnConstraint::LowerBoundary(Width::Fixed(18))
        });
    }
}

/// A new table in the house style.
pub fn new_table(header: &[&str]) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        // Wrapped to the terminal's width; unchanged when the output is not a terminal.
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(header);
    table
}

/// The working days that matter for a case, for people: `3 late`, `2 left`, `5 overdue`.
pub fn working_days_text(evaluation: &Evaluation, lang: Lang) -> String {
    let e = evaluation;
    let words = |en: &'static str, fi: &'static str| if lang == Lang::Fi { fi } else { en };
    let overdue = [
        e.start.working_days_overdue,
        e.completion.working_days_overdue,
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(n) = overdue {
        return format!("{n} {}", words("overdue", "yli"));
    }
    if let Some(n) = [
        e.start.working_days_remaining,
        e.completion.working_days_remaining,
    ]
    .into_iter()
    .flatten()
    .min()
    {
        return format!("{n} {}", words("left", "jäljellä"));
    }
    if let Some(n) = e.start.working_days_late.or(e.completion.working_days_late) {
        return format!("{n} {}", words("late", "myöhässä"));
    }
    format!("{} {}", e.elapsed_working_days, words("elapsed", "kulunut"))
}

impl<W: Write> CaseSink for TableSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        let e = &case.evaluation;
        let date = |d: Option<NaiveDate>| d.map(crate::dates::finnish).unwrap_or_default();
        self.table.add_row(vec![
            case.line.to_string(),
            cell_text(&case.case_id).into_owned(),
            cell_text(&case.unit).into_owned(),
            self.lang.groups(e.groups),
            date(e.start.deadline),
            self.lang.status(e.start.status).to_string(),
            date(e.completion.deadline),
            self.lang.status(e.completion.status).to_string(),
            working_days_text(e, self.lang),
        ]);
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        writeln!(self.out, "{}", self.table)?;
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
}
