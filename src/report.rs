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

/// An optional count as a CSV field.
fn count_field(value: Option<i64>, buffer: &mut itoa::Buffer) -> &[u8] {
    match value {
        Some(n) => buffer.format(n).as_bytes(),
        None => b"",
    }
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
struct Record {
    line: Vec<u8>,
    /// Scratch space for a field put together from parts (groups, notes).
    field: Vec<u8>,
    delimiter: u8,
    terminator: &'static [u8],
    empty: bool,
}

impl Record {
    fn new(delimiter: u8, terminator: &'static [u8]) -> Record {
        Record {
            line: Vec::with_capacity((1 << 16) + 1024),
            field: Vec::with_capacity(256),
            delimiter,
            terminator,
            empty: true,
        }
    }

    /// A field, quoted where needed.
    fn push(&mut self, value: &[u8]) {
        let delimiter = self.delimiter;
        // Without short-circuiting, so that the compiler can check many bytes at once.
        let special = value.iter().fold(false, |found, &b| {
            found | (b == delimiter) | (b == b'"') | (b == b'\r') | (b == b'\n')
        });
        if !special {
            return self.push_plain(value);
        }
        self.start_field();
        self.line.push(b'"');
        for &byte in value {
            if byte == b'"' {
                self.line.push(b'"');
            }
            self.line.push(byte);
        }
        self.line.push(b'"');
    }

    /// A field this module wrote itself and knows needs no quotes: a date, a number, a status.
    fn push_plain(&mut self, value: &[u8]) {
        debug_assert!(!value
            .iter()
            .any(|&b| b == self.delimiter || b == b'"' || b == b'\r' || b == b'\n'));
        self.start_field();
        // Many fields are empty (counts that do not apply): no copy at all then.
        if !value.is_empty() {
            self.line.extend_from_slice(value);
        }
    }

    /// A field already quoted as needed (by another `Record` with the same delimiter).
    fn push_quoted(&mut self, field: &[u8]) {
        self.start_field();
        self.line.extend_from_slice(field);
    }

    fn start_field(&mut self) {
        if !self.empty {
            self.line.push(self.delimiter);
        }
        self.empty = false;
    }

    /// A field joined from `parts` with `separator`.
    fn push_joined<'a>(&mut self, parts: impl Iterator<Item = &'a str>, separator: &str) {
        let mut field = std::mem::take(&mut self.field);
        field.clear();
        for (i, part) in parts.enumerate() {
            if i > 0 {
                field.extend_from_slice(separator.as_bytes());
            }
            field.extend_from_slice(part.as_bytes());
        }
        self.push(&field);
        self.field = field;
    }

    /// Ends the record; records are written out some 64 KiB at a time.
    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.line.extend_from_slice(self.terminator);
        self.empty = true;
        if self.line.len() >= 1 << 16 {
            self.write_out(out)?;
        }
        Ok(())
    }

    /// Writes out the records ended so far.
    fn write_out(&mut self, out: &mut impl Write) -> io::Result<()> {
        let result = out.write_all(&self.line);
        self.line.clear();
        result
    }
}

/// Audit rows as CSV.
pub struct CsvSink<W: Write> {
    out: W,
    record: Record,
    style: CsvStyle,
    show_hetu: bool,
    reading: Reading,
    /// The groups field and the notes field take few values (a set of six groups, of four notes):
    /// each value is written, quoted as needed, once, and copied from here afterwards.
    /// Indexed by the sets' bits.
    groups_fields: Vec<Option<Vec<u8>>>,
    notes_fields: Vec<Option<Vec<u8>>>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(mut out: W, style: CsvStyle, show_hetu: bool, reading: Reading) -> io::Result<Self> {
        let mut record = if style.excel {
            out.write_all("\u{feff}".as_bytes())?;
            Record::new(b';', b"\r\n")
        } else {
            Record::new(b',', b"\n")
        };
        for (i, column) in AUDIT_COLUMNS.iter().enumerate() {
            record.push(column.as_bytes());
            if i == 2 && show_hetu {
                record.push(b"hetu");
            }
        }
        record.end(&mut out)?;
        Ok(CsvSink {
            out,
            record,
            style,
            show_hetu,
            reading,
            groups_fields: vec![None; 1 << Group::ALL.len()],
            notes_fields: vec![None; 1 << 4],
        })
    }

    fn outcome(&mut self, outcome: &Outcome) {
        let mut date = [0u8; 10];
        let mut number = itoa::Buffer::new();
        let record = &mut self.record;
        record.push_plain(self.style.date(outcome.deadline, &mut date));
        record.push_plain(self.style.status(outcome.status).as_bytes());
        for value in [
            outcome.working_days_late,
            outcome.working_days_remaining,
            outcome.working_days_overdue,
        ] {
            record.push_plain(count_field(value, &mut number));
        }
    }
}

impl<W: Write> CaseSink for CsvSink<W> {
    fn case(&mut self, case: &Evaluated) -> io::Result<()> {
        let mut number = itoa::Buffer::new();
        let mut date = [0u8; 10];
        let e = &case.evaluation;
        let record = &mut self.record;
        record.push_plain(number.format(case.line).as_bytes());
        record.push(case.case_id.as_bytes());
        record.push(case.unit.as_bytes());
        if self.show_hetu {
            record.push(case.hetu.as_deref().unwrap_or_default().as_bytes());
        }
        record.push_plain(self.style.date(Some(case.case.pending), &mut date));
        let style = self.style;
        let groups = self.groups_fields[usize::from(e.groups.bits())].get_or_insert_with(|| {
            let mut field = Record::new(record.delimiter, b"");
            field.push(style.groups(e.groups).as_bytes());
            field.line
        });
        record.push_quoted(groups);
        self.outcome(&e.start);
        self.outcome(&e.completion);
        let record = &mut self.record;
        record.push_plain(number.format(e.elapsed_working_days).as_bytes());
        record.push_plain(count_field(e.age.map(i64::from), &mut number));
        record.push_plain(self.reading.as_str().as_bytes());
        let notes = self.notes_fields[usize::from(e.notes.bits())].get_or_insert_with(|| {
            let mut field = Record::new(record.delimiter, b"");
            field.push_joined(e.notes.iter().map(Note::text), "; ");
            field.line
        });
        record.push_quoted(notes);
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
