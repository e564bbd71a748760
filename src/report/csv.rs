//! The audit as CSV: plain for programs (stable English keys, ISO dates) or for people
//! (`--excel`: Finnish Excel's `;`, a byte-order mark, CRLF, `d.m.yyyy`, labels in `--lang`,
//! cells kept from starting a formula). Columns, headers and cells come from the [`schema`];
//! [`CsvSink`] writes them fast (`csv_fast`), [`write_plain`] the plain way, and a test
//! holds the two to the same bytes.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;

use super::csv_fast::{
    self, Field, RecordCursor, Records, DATE_ROOM, NUMBER_ROOM, TERMINATOR_ROOM,
};
use super::csv_style::CsvStyle;
use super::schema::{
    self, ColumnOptions, ReportColumn, ReportFormat, ReportValue, Row, Spec, SCHEMA,
};
use super::sink::CaseSink;
use crate::batch::EvaluatedCase;
use crate::calendar::Reading;
use crate::evaluation::Status;
use crate::rules::Group;
use crate::text::{spreadsheet_cell, starts_formula};

/// Every status a field may hold, in the order of the variants of [`Status`].
const STATUSES: [Status; 6] = [
    Status::Met,
    Status::Late,
    Status::Due,
    Status::Overdue,
    Status::None,
    Status::NotRecorded,
];

/// Audit rows as CSV, written fast: each record straight into reserved room, the fields that
/// take few values (statuses, groups, notes, the reading, the as-of date) written once and
/// copied, and the columns of the [`schema`] written as straight code (see `write_record`).
pub struct CsvSink<W: Write> {
    out: W,
    records: Records,
    style: CsvStyle,
    show_hetu: bool,
    chain: bool,
    /// Where each case stands and why, after the other columns ([`schema::Part::Standing`]).
    standing: bool,
    reading: Reading,
    as_of: NaiveDate,
    /// The status fields, in the order of the variants of [`Status`].
    statuses: [Field; 6],
    reading_field: Field,
    /// The as-of date, the same on every record.
    as_of_field: Field,
    /// What every record takes at most, but for its free text, groups and notes.
    room: usize,
    /// The groups field and the notes field take few values (a set of six groups, of four notes):
    /// each value is written, quoted as needed, once, and copied from here afterwards.
    /// Indexed by the wording of the names (`labels::Wording`) and the sets' bits.
    groups_fields: Vec<Option<Field>>,
    notes_fields: Vec<Option<Field>>,
}

impl<W: Write> CsvSink<W> {
    /// Writes the header; `show_hetu`: the identity code's column; `chain`: the list records the
    /// decision or the service, so their columns follow; `reading` and `as_of`: the run's.
    pub fn new(
        out: W,
        style: CsvStyle,
        show_hetu: bool,
        chain: bool,
        reading: Reading,
        as_of: NaiveDate,
    ) -> io::Result<Self> {
        let options = ColumnOptions {
            show_hetu,
            chain,
            ..ColumnOptions::default()
        };
        Self::with_options(out, style, options, reading, as_of)
    }

    /// [`CsvSink::new`] with the columns of `options` (`case_only` is not for a list).
    pub fn with_options(
        mut out: W,
        style: CsvStyle,
        options: ColumnOptions,
        reading: Reading,
        as_of: NaiveDate,
    ) -> io::Result<Self> {
        let ColumnOptions {
            show_hetu,
            chain,
            standing,
            ..
        } = options;
        let options = ColumnOptions {
            case_only: false,
            ..options
        };
        let mut records = if style.excel {
            out.write_all("\u{feff}".as_bytes())?;
            Records::new(b';', b"\r\n", true)
        } else {
            Records::new(b',', b"\n", false)
        };
        let specs: Vec<&Spec> = schema::columns(ReportFormat::Csv, options).collect();
        let header: Vec<&str> = specs.iter().map(|s| style.header(s.key, s.label)).collect();
        let room = header
            .iter()
            .map(|c| csv_fast::text_room(c.as_bytes()))
            .sum::<usize>()
            + TERMINATOR_ROOM;
        records.write(room, &mut out, |fields| {
            for column in header {
                fields.text(column.as_bytes());
            }
        })?;
        let delimiter = records.delimiter();
        let statuses = STATUSES.map(|status| Field::new(style.status(status), delimiter));
        debug_assert!(STATUSES.iter().enumerate().all(|(i, &s)| s as usize == i));
        let reading_field = Field::new(style.reading(reading), delimiter);
        let as_of_field = Field::new(&style.date_text(as_of), delimiter);
        // A field of a fixed size or of a few values takes at most the widest of them; free
        // text, groups and notes are counted per record.
        let widest = [
            NUMBER_ROOM,
            DATE_ROOM,
            reading_field.room(),
            as_of_field.room(),
        ]
        .into_iter()
        .chain(statuses.iter().map(Field::room))
        .max()
        .unwrap_or(0);
        Ok(CsvSink {
            out,
            records,
            style,
            show_hetu,
            chain,
            standing,
            reading,
            as_of,
            statuses,
            reading_field,
            as_of_field,
            room: specs.len() * widest + TERMINATOR_ROOM,
            groups_fields: vec![None; 3 << Group::ALL.len()],
            notes_fields: vec![None; 1 << 4],
        })
    }
}

/// The fields of a record written ahead of time.
struct Written<'a> {
    style: CsvStyle,
    statuses: &'a [Field; 6],
    reading: &'a Field,
    as_of: &'a Field,
    groups: &'a Field,
    notes: &'a Field,
}

/// The column `I` of the schema, if CSV writes it with the identity code (`HETU`) and the
/// chain's columns (`CHAIN`) or not. Everything about the column is known when this is
/// compiled, so each column of [`write_record`] is the code of its own kind only: no loop over
/// the columns, no dispatch per cell.
#[inline(always)]
fn write_column<const I: usize, const HETU: bool, const CHAIN: bool>(
    fields: &mut RecordCursor,
    row: &Row,
    written: &Written,
) {
    let column = const {
        // The standing's columns come last and are written after these (see `CsvSink::case`).
        let options = ColumnOptions {
            show_hetu: HETU,
            chain: CHAIN,
            case_only: false,
            standing: false,
        };
        if I < SCHEMA.len() && SCHEMA[I].written(ReportFormat::Csv, options) {
            Some(SCHEMA[I].column)
        } else {
            None
        }
    };
    match column {
        None => {}
        // The same on every record: written once.
        Some(ReportColumn::AsOf) => fields.field(written.as_of),
        Some(column) => match column.value(row) {
            ReportValue::Number(n) => fields.number(n),
            ReportValue::Text(text) => fields.text(text.unwrap_or_default().as_bytes()),
            ReportValue::Date(date) => fields.date(written.style.excel, date),
            ReportValue::Status(status) => fields.field(&written.statuses[status as usize]),
            ReportValue::Count(n) => fields.count(n),
            ReportValue::Groups(..) => fields.field(written.groups),
            ReportValue::Notes(_) => fields.field(written.notes),
            ReportValue::Reading(_) => fields.field(written.reading),
            ReportValue::Days(_, n, _) => fields.signed(n),
            ReportValue::Milestone(m) => fields.text(written.style.milestone(m).as_bytes()),
        },
    }
}

/// The columns of where a case stands and why ([`schema::Part::Standing`]), the last ones of a
/// record: written the plain way, as the lists that have them are short.
fn write_standing(fields: &mut RecordCursor, row: &Row, written: &Written) {
    let options = ColumnOptions {
        standing: true,
        ..ColumnOptions::default()
    };
    for spec in SCHEMA
        .iter()
        .filter(|s| s.part == schema::Part::Standing && s.written(ReportFormat::Csv, options))
    {
        match spec.value(row) {
            ReportValue::Status(status) => fields.field(&written.statuses[status as usize]),
            ReportValue::Date(date) => fields.date(written.style.excel, date),
            ReportValue::Count(n) => fields.count(n),
            ReportValue::Milestone(m) => fields.text(written.style.milestone(m).as_bytes()),
            value => fields.text(written.style.value(value).as_bytes()),
        }
    }
}

/// Room for this many columns in [`write_record`].
const MOST_COLUMNS: usize = 48;
const _: () = assert!(SCHEMA.len() <= MOST_COLUMNS, "write_record: add indices");

/// One record: every column of the [`SCHEMA`] in order, each as code of its own
/// ([`write_column`]).
#[inline(always)]
fn write_record<const HETU: bool, const CHAIN: bool>(
    fields: &mut RecordCursor,
    row: &Row,
    written: &Written,
) {
    macro_rules! columns {
        ($($i:literal)*) => {
            $(write_column::<$i, HETU, CHAIN>(fields, row, written);)*
        };
    }
    columns!(
        0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
        24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47
    );
}

impl<W: Write> CaseSink for CsvSink<W> {
    fn case(&mut self, case: &EvaluatedCase) -> io::Result<()> {
        let row = Row::new(case, self.reading, Some(self.as_of));
        let e = &case.evaluation;
        let (style, delimiter) = (self.style, self.records.delimiter());
        // One field per set of groups and wording of their names (see `Lang::group_on`).
        let wording = crate::labels::wording_of(case.case.pending) as usize;
        let groups = self.groups_fields
            [(wording << Group::ALL.len()) | usize::from(e.groups.bits())]
        .get_or_insert_with(|| Field::new(&style.groups(e.groups, case.case.pending), delimiter));
        let notes = self.notes_fields[usize::from(e.notes.bits())]
            .get_or_insert_with(|| Field::new(&style.notes(e.notes), delimiter));
        let text_room = |text: &str| csv_fast::text_room(text.as_bytes());
        // Every text a row holds, whichever columns show it.
        let room = self.room
            + groups.room()
            + notes.room()
            + text_room(row.case_id)
            + text_room(row.unit)
            + row.hetu.map_or(0, text_room)
            // The standing's milestone, a word of at most 20 bytes.
            + if self.standing { text_room("implementation_status") } else { 0 };
        let written = Written {
            style,
            statuses: &self.statuses,
            reading: &self.reading_field,
            as_of: &self.as_of_field,
            groups,
            notes,
        };
        let out = &mut self.out;
        if self.standing {
            // A list picked by where cases stand: short, so written without the fast paths.
            let (show_hetu, chain) = (self.show_hetu, self.chain);
            return self.records.write(room, out, |fields| {
                match (show_hetu, chain) {
                    (false, false) => write_record::<false, false>(fields, &row, &written),
                    (true, false) => write_record::<true, false>(fields, &row, &written),
                    (false, true) => write_record::<false, true>(fields, &row, &written),
                    (true, true) => write_record::<true, true>(fields, &row, &written),
                }
                write_standing(fields, &row, &written);
            });
        }
        match (self.show_hetu, self.chain) {
            (false, false) => self.records.write(room, out, |fields| {
                write_record::<false, false>(fields, &row, &written)
            }),
            (true, false) => self.records.write(room, out, |fields| {
                write_record::<true, false>(fields, &row, &written)
            }),
            (false, true) => self.records.write(room, out, |fields| {
                write_record::<false, true>(fields, &row, &written)
            }),
            (true, true) => self.records.write(room, out, |fields| {
                write_record::<true, true>(fields, &row, &written)
            }),
        }
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.records.write_out(&mut self.out)?;
        self.out.flush()
    }
}

/// Writes `rows` as CSV in `style` with the columns of `format`, the plain way: each cell made
/// as text ([`CsvStyle::value`]) and quoted as the csv crate quotes (a field holding the
/// delimiter, a quote, CR or LF), in CSV for people also a field kept from starting a formula.
/// What [`CsvSink`] writes fast is held to this; `check --format csv` writes its one case so.
pub fn write_plain<'a>(
    mut out: impl Write,
    style: CsvStyle,
    format: ReportFormat,
    options: ColumnOptions,
    rows: impl IntoIterator<Item = Row<'a>>,
) -> io::Result<()> {
    let specs: Vec<&Spec> = schema::columns(format, options).collect();
    let (delimiter, terminator) = if style.excel {
        out.write_all("\u{feff}".as_bytes())?;
        (";", "\r\n")
    } else {
        (",", "\n")
    };
    let record = |cells: &mut dyn Iterator<Item = Cow<str>>| {
        let fields: Vec<String> = cells
            .map(|cell| plain_field(&cell, style, delimiter))
            .collect();
        fields.join(delimiter) + terminator
    };
    let mut header = specs
        .iter()
        .map(|s| Cow::Borrowed(style.header(s.key, s.label)));
    out.write_all(record(&mut header).as_bytes())?;
    for row in rows {
        let mut cells = specs.iter().map(|s| style.value(s.value(&row)));
        out.write_all(record(&mut cells).as_bytes())?;
    }
    out.flush()
}

/// One field of plain CSV: quoted when it holds the delimiter, a quote, CR or LF (quotes inside
/// doubled); for people, text that would start a formula gets a `'` in front and quotes.
fn plain_field(text: &str, style: CsvStyle, delimiter: &str) -> String {
    let formula = style.excel && starts_formula(text.as_bytes());
    let text = if formula {
        spreadsheet_cell(text)
    } else {
        Cow::Borrowed(text)
    };
    let special = |c: char| delimiter.contains(c) || matches!(c, '"' | '\r' | '\n');
    if formula || text.contains(special) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use chrono::Datelike;

    use crate::evaluation::{evaluate, Case, Person, Unrecorded};
    use crate::labels::Lang;
    use crate::rules::Milestone;

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
        let first = NaiveDate::from_ymd_opt(1955, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();
        for date in first.iter_days().take_while(|d| *d <= last) {
            let expected = format!("{}.{}.{}", date.day(), date.month(), date.year());
            assert_eq!(excel.date(Some(date), &mut buffer), expected.as_bytes());
        }
    }

    /// Cases of every kind: each group, done or not, early and late, with a decision and a
    /// service or not, under case ids and units that need quotes, start like a formula, are empty
    /// or long, or hold control characters.
    fn cases(as_of: NaiveDate, reading: Reading) -> Vec<EvaluatedCase<'static>> {
        let texts = [
            "",
            "a",
            "SH-2026-0101",
            "Kotihoito Itä",
            "x,y",
            "x;y",
            "q\"uote\"",
            "=1+1",
            "-2+3",
            "-5",
            "+3,5",
            "@SUM(A1)",
            "'kept",
            "line\nbreak",
            "cr\rhere",
            "tab\there",
            "\tstarts with a tab",
            "bell\u{7}",
            "exactly sixteen!",
            "a unit name well over sixteen bytes long, Seniorineuvonta",
            "Kotihoito Itä; \"ylä\"",
        ];
        let date = |d: i64| as_of - chrono::Duration::days(d);
        let mut cases = Vec::new();
        let mut line = 1;
        for (i, pending_ago) in [0i64, 3, 9, 40, 120, 400, 7000].into_iter().enumerate() {
            for variant in 0..12u32 {
                let pending = date(pending_ago);
                let done = |d: i64| (pending_ago >= d).then(|| date(pending_ago - d));
                let case = Case {
                    pending,
                    person: match variant % 4 {
                        0 => Person::Age(80),
                        1 => Person::Unknown,
                        2 => Person::Age(10),
                        _ => Person::BirthDate(date(365 * 30)),
                    },
                    care_allowance: variant == 5,
                    disabled: variant % 3 == 0,
                    child_special_support: variant == 2 || variant == 6,
                    child_welfare: variant == 10,
                    urgent: variant == 7,
                    started: if variant % 2 == 0 { done(5) } else { None },
                    completed: if variant == 2 { done(30) } else { None },
                    older_person: variant == 8,
                    decision: if variant >= 8 { done(20) } else { None },
                    implemented: if variant == 9 { done(35) } else { None },
                    // Lists without the chain's columns, or with only the decision's.
                    unrecorded: match variant {
                        0 | 3 => Unrecorded::NONE.with(Milestone::Decision),
                        4 | 8 => Unrecorded::NONE.with(Milestone::Implementation),
                        _ => Unrecorded::NONE,
                    },
                };
                let Ok(evaluation) = evaluate(&case, as_of, reading) else {
                    continue;
                };
                line += 1 + i as u64 * 1_234_567;
                let k = cases.len();
                cases.push(EvaluatedCase {
                    line,
                    case_id: Cow::Borrowed(texts[k % texts.len()]),
                    unit: Cow::Borrowed(texts[(k * 7 + 3) % texts.len()]),
                    hetu: (k % 3 != 0).then(|| Cow::Borrowed(texts[(k * 5 + 1) % texts.len()])),
                    case,
                    evaluation,
                });
            }
        }
        cases
    }

    #[test]
    fn the_fast_writer_writes_what_the_plain_writer_writes() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let styles = CsvStyle::EVERY;
        for reading in [Reading::Standard, Reading::Conservative] {
            let cases = cases(as_of, reading);
            assert!(cases.len() > 50);
            for style in styles {
                for (show_hetu, chain, standing) in [
                    (false, false, false),
                    (true, false, false),
                    (false, true, false),
                    (true, true, false),
                    (false, false, true),
                    (true, true, true),
                ] {
                    let options = ColumnOptions {
                        show_hetu,
                        chain,
                        case_only: false,
                        standing,
                    };
                    let mut fast = Vec::new();
                    let mut sink = Box::new(
                        CsvSink::with_options(&mut fast, style, options, reading, as_of).unwrap(),
                    );
                    for case in &cases {
                        sink.case(case).unwrap();
                    }
                    sink.finish().unwrap();
                    let mut plain = Vec::new();
                    let rows = cases.iter().map(|c| Row::new(c, reading, Some(as_of)));
                    write_plain(&mut plain, style, ReportFormat::Csv, options, rows).unwrap();
                    assert_eq!(
                        String::from_utf8_lossy(&fast),
                        String::from_utf8_lossy(&plain),
                        "{style:?}, --show-hetu {show_hetu}, chain {chain}, standing {standing}"
                    );
                }
            }
        }
    }
}
