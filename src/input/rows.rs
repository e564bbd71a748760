//! The records of a CSV file, with the physical line each starts on.
//!
//! Nearly every line of an export is a whole record with no quotes: for those the fields are
//! found by splitting the line at the delimiter, straight from the read buffer, which is several
//! times cheaper than a general CSV parser (the quick route, in `rows/quick.rs`, which the tests
//! hold to the parser). A line with a quote, or a lone CR inside it, goes
//! through csv-core's parser (the one the csv crate uses), from where the line starts, so every
//! record reads exactly as the csv crate reads it: `"` quotes, doubled quotes inside them, CR, LF
//! or CRLF ending a record, empty lines skipped. A test holds the two routes to the csv crate on
//! arbitrary input.
//!
//! Line numbers are physical lines (what an editor shows): a CR, an LF or a CRLF ends a line,
//! also inside a quoted cell. Memory stays bounded: the buffer grows only to hold one unquoted
//! line, and a record may not exceed [`MAX_ROW_BYTES`].

use std::io::{self, Read};

mod quick;

/// Longest row (in bytes) read before giving up: far above any real case list row (an Excel cell
/// holds at most 32,767 characters), low enough that junk cannot fill the memory.
pub const MAX_ROW_BYTES: u64 = 16 * 1024 * 1024;

/// Most fields a record is read with: an Excel sheet has at most 16,384 columns. A header with
/// more is not one of a case list; a row with more is reported.
pub const MAX_FIELDS: usize = 16_384;

/// Read buffer size: large enough that reading costs few system calls.
const BUFFER_BYTES: usize = 64 * 1024;

/// The fields of one record: their bytes (unquoted, quotes undoubled) and where each lies.
/// Reused from record to record, so reading allocates nothing once it has grown to size.
#[derive(Clone, Debug)]
pub struct Fields {
    bytes: Vec<u8>,
    /// Start and end of each field in `bytes`.
    spans: Vec<(u32, u32)>,
}

/// Room for a usual row from the start, rather than growing to it a few bytes at a time.
impl Default for Fields {
    fn default() -> Fields {
        Fields {
            bytes: Vec::with_capacity(256),
            spans: Vec::with_capacity(24),
        }
    }
}

impl Fields {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no fields (never, for a record read).
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Field `index`, if the record has so many.
    pub fn get(&self, index: usize) -> Option<&[u8]> {
        let &(start, end) = self.spans.get(index)?;
        self.bytes.get(start as usize..end as usize)
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.spans
            .iter()
            .map(|&(start, end)| &self.bytes[start as usize..end as usize])
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.spans.clear();
    }

    /// Makes the fields past [`MAX_FIELDS`] part of the last one, and gives back their room.
    #[cold]
    fn merge_past_limit(&mut self) {
        let end = self.spans.last().map_or(0, |span| span.1);
        self.spans.truncate(MAX_FIELDS);
        if let Some(last) = self.spans.last_mut() {
            last.1 = end;
        }
        self.spans.shrink_to(MAX_FIELDS);
    }
}

/// Where the parser's rules are, byte by byte: csv-core's states with `"` quotes, doubled
/// quotes, and CR, LF or CRLF ending a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    StartRecord,
    StartField,
    InField,
    InQuoted,
    /// After a `"` inside a quoted field: a second `"` is a literal quote, anything else ends
    /// the quoted part.
    QuoteInQuoted,
}

/// A quoted value of a record that runs over lines, or that the end of the input left open:
/// what a stray quote looks like, for the reader (`reader.rs`) to judge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedLines {
    /// The field (0-based) the value is in.
    pub field: usize,
    /// The line its quote opened on.
    pub opened: u64,
    /// The line its quote closed on; `None` if the input ended first.
    pub closed: Option<u64>,
}

/// Counts physical lines in the bytes the parser takes, following its states to know where a
/// quote opened, in which field, and where it closed.
#[derive(Clone, Copy, Debug)]
struct Lines {
    state: Scan,
    /// The physical line of the next byte.
    line: u64,
    /// The last byte was a CR (so an LF now ends no further line).
    after_cr: bool,
    /// Where the last quote opened.
    quote_line: u64,
    /// The field of the record the next byte is in.
    field: usize,
    /// The field the last quote opened in.
    quote_field: usize,
    /// The value of the last quote holds a line break.
    quote_broke: bool,
    /// The line of the last `"` in a quoted value (the closing one, once the value ends).
    close_line: u64,
    /// The line of the last byte taken that is not a line break.
    last_line: u64,
}

impl Lines {
    /// A line break byte (CR or LF) between records.
    #[inline(always)]
    fn blank(&mut self, byte: u8) {
        self.line += u64::from(byte == b'\r' || !self.after_cr);
        self.after_cr = byte == b'\r';
    }

    /// The state after the first byte of a field (csv-core checks quote, delimiter, then end of
    /// record, in this order).
    fn field_start(&mut self, byte: u8, delimiter: u8) -> Scan {
        if byte == b'"' {
            self.quote_line = self.line;
            self.quote_field = self.field;
            self.quote_broke = false;
            Scan::InQuoted
        } else if byte == delimiter {
            self.field += 1;
            Scan::StartField
        } else if byte == b'\r' || byte == b'\n' {
            self.field = 0;
            Scan::StartRecord
        } else {
            Scan::InField
        }
    }

    /// Follows `bytes`, taken by the parser, one at a time; a quoted value that ran over lines
    /// goes into `quoted` when it ends.
    fn scan(&mut self, bytes: &[u8], delimiter: u8, quoted: &mut Vec<QuotedLines>) {
        for &byte in bytes {
            // A line ends with CRLF, LF, or a lone CR (old Mac files; editors show a new line).
            let is_break = byte == b'\r' || byte == b'\n';
            let line_break = byte == b'\r' || (byte == b'\n' && !self.after_cr);
            self.after_cr = byte == b'\r';
            if !is_break {
                self.last_line = self.line;
            }
            if self.state == Scan::QuoteInQuoted && byte != b'"' {
                self.quote_ended(quoted);
            }
            self.state = match self.state {
                Scan::StartRecord if is_break => Scan::StartRecord,
                Scan::StartRecord | Scan::StartField => self.field_start(byte, delimiter),
                Scan::InField | Scan::QuoteInQuoted if byte == delimiter => {
                    self.field += 1;
                    Scan::StartField
                }
                Scan::InField | Scan::QuoteInQuoted if is_break => {
                    self.field = 0;
                    Scan::StartRecord
                }
                Scan::QuoteInQuoted if byte == b'"' => Scan::InQuoted,
                Scan::InField | Scan::QuoteInQuoted => Scan::InField,
                Scan::InQuoted if byte == b'"' => {
                    self.close_line = self.line;
                    Scan::QuoteInQuoted
                }
                Scan::InQuoted => {
                    self.quote_broke |= is_break;
                    Scan::InQuoted
                }
            };
            self.line += u64::from(line_break);
        }
    }

    /// The quoted value of the last quote has ended (its closing quote is followed by something
    /// other than a second quote, or by the end of the record).
    fn quote_ended(&mut self, quoted: &mut Vec<QuotedLines>) {
        if self.quote_broke {
            quoted.push(QuotedLines {
                field: self.quote_field,
                opened: self.quote_line,
                closed: Some(self.close_line),
            });
            self.quote_broke = false;
        }
    }

    /// The parser has ended a record: at the end of the input, inside a quote or just after one.
    fn record_ended(&mut self, quoted: &mut Vec<QuotedLines>) {
        match self.state {
            Scan::QuoteInQuoted => self.quote_ended(quoted),
            Scan::InQuoted => quoted.push(QuotedLines {
                field: self.quote_field,
                opened: self.quote_line,
                closed: None,
            }),
            _ => {}
        }
        // The parser is now past this record: the LF of its CRLF is taken as a blank line end.
        self.state = Scan::StartRecord;
        self.field = 0;
        self.quote_broke = false;
    }
}

/// Why reading stopped for good.
#[derive(Debug)]
pub enum Failure {
    /// A quote opened on this line runs on for over [`MAX_ROW_BYTES`].
    Quote { line: u64 },
    /// A record starting on this line is over [`MAX_ROW_BYTES`].
    Row { line: u64 },
    /// The input could not be read at this line.
    Io { line: u64, source: io::Error },
}

/// A record read: the lines it starts and ends on (the same unless a quoted value holds line
/// breaks; then [`Rows::quoted_lines`] says where).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordAt {
    pub line: u64,
    pub last_line: u64,
    /// The record has more than [`MAX_FIELDS`] fields: those past the limit were read as part
    /// of the last one, so that a line of delimiters cannot fill the memory with empty fields.
    pub too_many_fields: bool,
}

/// The records of an input, one at a time.
pub struct Rows {
    inner: Box<dyn Read + Send>,
    /// The bytes read and not yet taken are `buffer[start..end]`.
    buffer: Vec<u8>,
    start: usize,
    end: usize,
    /// `buffer[start..searched]` is known to hold no LF.
    searched: usize,
    eof: bool,
    delimiter: u8,
    parser: csv_core::Reader,
    /// Field ends from the parser (the quoted route).
    ends: Vec<usize>,
    lines: Lines,
    /// The quoted values of the last record that run over lines or are never closed.
    quoted: Vec<QuotedLines>,
}

impl Rows {
    /// Records of `inner`, whose first byte is on physical line `first_line`.
    pub fn new(inner: Box<dyn Read + Send>, delimiter: u8, first_line: u64) -> Rows {
        Rows {
            inner,
            buffer: vec![0; BUFFER_BYTES],
            start: 0,
            end: 0,
            searched: 0,
            eof: false,
            delimiter,
            parser: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .quoting(true)
                .double_quote(true)
                .build(),
            ends: vec![0; 64],
            lines: Lines {
                state: Scan::StartRecord,
                line: first_line,
                after_cr: false,
                quote_line: first_line,
                field: 0,
                quote_field: 0,
                quote_broke: false,
                close_line: first_line,
                last_line: first_line,
            },
            quoted: Vec::new(),
        }
    }

    /// The quoted values of the record read last that run over lines, or that the end of the
    /// input left open (the record then holds everything from there on), in order.
    pub fn quoted_lines(&self) -> &[QuotedLines] {
        &self.quoted
    }

    /// Reads the next record into `fields`; `None` at the end of the input. After an `Err`
    /// there are no more records.
    pub fn read(&mut self, fields: &mut Fields) -> Result<Option<RecordAt>, Failure> {
        // Line ends between records: blank lines, and the LF of a CRLF the parser ended at CR.
        loop {
            while let Some(&byte) = self.buffer[..self.end].get(self.start) {
                if byte != b'\r' && byte != b'\n' {
                    break;
                }
                self.lines.blank(byte);
                self.start += 1;
            }
            if self.start < self.end {
                break;
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
        let line = self.lines.line;
        if !self.quoted.is_empty() {
            self.quoted.clear();
        }
        if self.quick(fields)? {
            let too_many_fields = fields.spans.len() > MAX_FIELDS;
            if too_many_fields {
                fields.merge_past_limit();
            }
            return Ok(Some(RecordAt {
                line,
                last_line: line,
                too_many_fields,
            }));
        }
        self.parse(fields, line)
    }

    /// The parser's route, for a record with quotes (or a lone CR) or a very long line: fed
    /// from the buffer and refilled until it ends a record.
    fn parse(&mut self, fields: &mut Fields, line: u64) -> Result<Option<RecordAt>, Failure> {
        fields.clear();
        // The parser writes into the bytes as they are: give them a length (not more than a
        // normal row needs, in case an earlier row was huge).
        fields.bytes.shrink_to(BUFFER_BYTES);
        fields.bytes.resize(fields.bytes.capacity().max(256), 0);
        let (mut written, mut ended, mut taken) = (0, 0, 0usize);
        let mut too_many_fields = false;
        loop {
            let input = &self.buffer[self.start..self.end];
            let (result, nin, nout, nend) = self.parser.read_record(
                input,
                &mut fields.bytes[written..],
                &mut self.ends[ended..],
            );
            self.lines
                .scan(&input[..nin], self.delimiter, &mut self.quoted);
            self.start += nin;
            written += nout;
            ended += nend;
            taken += nin;
            if taken as u64 > MAX_ROW_BYTES {
                return Err(match self.lines.state {
                    Scan::InQuoted => Failure::Quote {
                        line: self.lines.quote_line,
                    },
                    _ => Failure::Row { line },
                });
            }
            match result {
                csv_core::ReadRecordResult::InputEmpty => {
                    self.fill()?;
                }
                csv_core::ReadRecordResult::OutputFull => {
                    fields.bytes.resize(fields.bytes.len() * 2, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull if ended >= MAX_FIELDS => {
                    // The next field's end replaces the last one: the fields past the limit
                    // become part of the last field.
                    too_many_fields = true;
                    ended = MAX_FIELDS - 1;
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    self.ends.resize((self.ends.len() * 2).min(MAX_FIELDS), 0);
                }
                csv_core::ReadRecordResult::Record => break,
                csv_core::ReadRecordResult::End => return Ok(None),
            }
        }
        fields.bytes.truncate(written);
        let mut field_start = 0;
        for &end in &self.ends[..ended] {
            fields.spans.push((field_start, end as u32));
            field_start = end as u32;
        }
        self.lines.record_ended(&mut self.quoted);
        Ok(Some(RecordAt {
            line,
            last_line: self.lines.last_line.max(line),
            too_many_fields,
        }))
    }

    /// Reads more input after what is left; false at the end of the input.
    fn fill(&mut self) -> Result<bool, Failure> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buffer.copy_within(self.start..self.end, 0);
            self.searched -= self.start.min(self.searched);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buffer.len() {
            // A line longer than the buffer (up to quick::QUICK_LINE_BYTES).
            self.buffer.resize(self.buffer.len() * 2, 0);
        }
        loop {
            match self.inner.read(&mut self.buffer[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(read) => {
                    self.end += read;
                    return Ok(true);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(source) => {
                    self.eof = true;
                    return Err(Failure::Io {
                        line: self.lines.line,
                        source,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A reader that hands out at most `step` bytes per read, to cut records anywhere.
    pub(super) struct Trickle {
        pub(super) data: Vec<u8>,
        pub(super) at: usize,
        pub(super) step: usize,
    }

    impl Read for Trickle {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buffer.len()).min(self.data.len() - self.at);
            buffer[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    pub(super) type Record = (u64, Vec<Vec<u8>>, Option<u64>);

    pub(super) fn read_all(data: &[u8], delimiter: u8, step: usize) -> Vec<Record> {
        let input = Trickle {
            data: data.to_vec(),
            at: 0,
            step,
        };
        let mut rows = Rows::new(Box::new(input), delimiter, 1);
        let mut fields = Fields::default();
        let mut records = Vec::new();
        while let Some(read) = rows.read(&mut fields).unwrap() {
            let values = fields.iter().map(<[u8]>::to_vec).collect();
            let unclosed = rows.quoted_lines().iter().find(|q| q.closed.is_none());
            records.push((read.line, values, unclosed.map(|q| q.opened)));
        }
        records
    }

    /// The same input through the csv crate, the reference: its records, each with the line
    /// computed from the record's byte offset (line breaks before it, blank lines skipped).
    fn csv_crate(data: &[u8], delimiter: u8) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(data);
        let mut record = csv::ByteRecord::new();
        let mut records = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let offset = record.position().unwrap().byte() as usize;
            let blank = data[offset..]
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            let start = offset + blank;
            let line = 1
                + (0..start)
                    .filter(|&i| {
                        data[i] == b'\r' || (data[i] == b'\n' && (i == 0 || data[i - 1] != b'\r'))
                    })
                    .count() as u64;
            records.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        records
    }

    #[test]
    fn lines_follow_crlf_blank_lines_and_quotes() {
        let records = read_all(b"h;i\r\n\r\na;\"b\r\nc\"\r\n\n\nd\r\"e", b';', 4);
        let lines: Vec<u64> = records.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 3, 7, 8]);
        assert_eq!(records[1].1, [b"a".to_vec(), b"b\r\nc".to_vec()]);
        assert_eq!(records[3], (8, vec![b"e".to_vec()], Some(8)));
    }

    #[test]
    fn quoted_values_over_lines_are_told_with_their_field_and_lines() {
        let data = b"a;\"b\r\nc\"\"\r\nd\";\"e\"\r\n\"x\";y;\"z\n\n\"\"\"\n\"q\nr\"\n\"s;t\n";
        for step in [1, 3, 100] {
            let input = Trickle {
                data: data.to_vec(),
                at: 0,
                step,
            };
            let mut rows = Rows::new(Box::new(input), b';', 1);
            let mut fields = Fields::default();
            let mut seen = Vec::new();
            while let Some(read) = rows.read(&mut fields).unwrap() {
                seen.push((read.line, read.last_line, rows.quoted_lines().to_vec()));
            }
            let quoted = |field, opened, closed| QuotedLines {
                field,
                opened,
                closed,
            };
            assert_eq!(
                seen,
                [
                    (1, 3, vec![quoted(1, 1, Some(3))]),
                    (4, 6, vec![quoted(2, 4, Some(6))]),
                    (7, 8, vec![quoted(0, 7, Some(8))]),
                    (9, 9, vec![quoted(0, 9, None)]),
                ],
                "step {step}"
            );
        }
    }

    #[test]
    fn fields_past_the_limit_are_read_as_part_of_the_last_one_on_both_routes() {
        let many = ";".repeat(MAX_FIELDS + 5);
        // The quick route, the parser's (a quote), and a line too long for the quick route.
        let long = format!("a{}", ";x".repeat(quick::QUICK_LINE_BYTES));
        for line in [format!("a{many}b"), format!("\"a\"{many}b"), long] {
            let data = format!("{line}\nc;d\n");
            let mut rows = Rows::new(Box::new(io::Cursor::new(data.into_bytes())), b';', 1);
            let mut fields = Fields::default();
            let read = rows.read(&mut fields).unwrap().unwrap();
            assert!(read.too_many_fields);
            assert_eq!(fields.len(), MAX_FIELDS);
            assert_eq!(fields.get(0), Some(&b"a"[..]));
            assert!(fields.spans.capacity() <= 2 * MAX_FIELDS);
            let read = rows.read(&mut fields).unwrap().unwrap();
            assert_eq!(
                (read.line, read.too_many_fields, fields.len()),
                (2, false, 2)
            );
        }
    }

    #[test]
    fn a_last_line_without_its_line_end_is_a_record() {
        assert_eq!(
            read_all(b"a,b\nc,d", b',', 100),
            [
                (1, vec![b"a".to_vec(), b"b".to_vec()], None),
                (2, vec![b"c".to_vec(), b"d".to_vec()], None)
            ]
        );
    }

    /// What reading fails with after a first record `first`, when more than [`MAX_ROW_BYTES`]
    /// follow.
    fn overflow_after(first: &[u8]) -> Failure {
        let mut data = first.to_vec();
        data.extend(std::iter::repeat_n(b'x', MAX_ROW_BYTES as usize + 10));
        let mut rows = Rows::new(Box::new(io::Cursor::new(data)), b',', 1);
        let mut fields = Fields::default();
        assert!(rows.read(&mut fields).unwrap().is_some());
        rows.read(&mut fields).expect_err("a row over the limit")
    }

    #[test]
    fn a_row_over_the_limit_stops_reading_with_its_line() {
        assert!(matches!(overflow_after(b"a\n"), Failure::Row { line: 2 }));
    }

    #[test]
    fn a_quote_over_the_limit_stops_reading_where_it_opened() {
        assert!(matches!(
            overflow_after(b"a\n\n\""),
            Failure::Quote { line: 3 }
        ));
    }

    proptest! {
        #[test]
        fn records_and_lines_agree_with_the_csv_crate(
            data in proptest::collection::vec(
                prop_oneof![
                    6 => Just(b'a'), 2 => Just(b';'), 2 => Just(b','), 1 => Just(b'"'),
                    1 => Just(b'\r'), 2 => Just(b'\n'), 1 => Just(b' ')
                ],
                0..300,
            ),
            delimiter in prop_oneof![Just(b';'), Just(b',')],
            step in 1usize..80,
        ) {
            let ours = read_all(&data, delimiter, step);
            let reference = csv_crate(&data, delimiter);
            let ours_without_quotes: Vec<(u64, Vec<Vec<u8>>)> =
                ours.iter().map(|(line, fields, _)| (*line, fields.clone())).collect();
            prop_assert_eq!(ours_without_quotes, reference);
            // Only the last record can be cut short by the end of the input.
            prop_assert!(ours.iter().rev().skip(1).all(|record| record.2.is_none()));
        }
    }
}
