//! The CSV writer's speed: records built in room reserved once and written out in blocks of a
//! fixed size, numbers and dates written two digits (or eight) at a time, free text checked for
//! characters that need quotes a word at a time. Each trick is held by a test to the plain
//! definition it stands for (below, and the plain writer of `csv` for whole records).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::text::{spreadsheet_cell, starts_formula};

/// The two decimal digits of each number below 100.
pub(super) const DIGIT_PAIRS: [[u8; 2]; 100] = {
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
pub(super) fn iso_date(date: NaiveDate) -> [u8; 10] {
    let year = date.year().clamp(0, 9999) as u64;
    let [y1, y2] = pair(year / 100);
    let [y3, y4] = pair(year);
    let [m1, m2] = DIGIT_PAIRS[date.month() as usize];
    let [d1, d2] = DIGIT_PAIRS[date.day() as usize];
    [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
}

/// Writes `value` as exactly `width` decimal digits (1, 2 or 4), zero-padded, two digits at a
/// time. Returns `width`.
pub(super) fn write_digits(value: u32, width: usize, buffer: &mut [u8]) -> usize {
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

/// `d.m.yyyy` (Finnish Excel's dates: day and month without a leading zero), into `buffer`;
/// returns its length.
pub(super) fn finnish_date(date: NaiveDate, buffer: &mut [u8; 10]) -> usize {
    let (y, m, d) = (date.year().clamp(0, 9999) as u32, date.month(), date.day());
    let mut n = 0;
    for (value, width) in [(d, 2), (m, 2), (y, 4)] {
        if n > 0 {
            buffer[n] = b'.';
            n += 1;
        }
        let digits = if width == 4 || value >= 10 { width } else { 1 };
        n += write_digits(value, digits, &mut buffer[n..]);
    }
    n
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

/// CSV records built in a reused buffer and written out in large blocks: the csv crate's
/// format (a field is quoted when it holds the delimiter, a quote, CR or LF; quotes inside are
/// doubled), without its per-field bookkeeping. An audit writes a million records, most of whose
/// fields are dates, numbers and fixed words.
pub(super) struct Records {
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
    pub(super) fn new(delimiter: u8, terminator: &'static [u8], for_people: bool) -> Records {
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
    pub(super) fn write(
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

    pub(super) fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Writes out the records written so far.
    pub(super) fn write_out(&mut self, out: &mut impl Write) -> io::Result<()> {
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
/// The room must hold the largest record the fields can make (see [`NUMBER_ROOM`],
/// [`DATE_ROOM`], [`text_room`] and [`Field::room`]); writing past it panics.
pub(super) struct RecordCursor<'a> {
    room: &'a mut [u8],
    at: usize,
    delimiter: u8,
    /// Free text that would start a spreadsheet formula is neutralised.
    for_people: bool,
}

/// The most that a number takes with its delimiter: 20 digits (a `u64`, or an `i64` with its
/// sign) and the delimiter.
pub(super) const NUMBER_ROOM: usize = 21;

/// The most that a date takes with its delimiter.
pub(super) const DATE_ROOM: usize = 11;

/// The most that the terminator takes.
pub(super) const TERMINATOR_ROOM: usize = 2;

/// The most that a field of free text (a case id, a unit) takes: every byte a doubled quote,
/// the quotes around it, the `'` that keeps it from starting a formula, and the delimiter.
pub(super) fn text_room(text: &[u8]) -> usize {
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
    pub(super) fn field(&mut self, field: &Field) {
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
    pub(super) fn text(&mut self, value: &[u8]) {
        if (self.for_people && starts_formula(value)) || !self.plain(value) {
            let (delimiter, for_people) = (self.delimiter, self.for_people);
            self.at += quoted(value, delimiter, for_people, &mut self.room[self.at..]);
        }
        self.delimiter();
    }

    /// Free text from the input as the csv crate writes it (quoted only when it holds the
    /// delimiter, a quote, CR or LF), in CSV for people with a `'` in front of text that would
    /// start a formula ([`spreadsheet_cell`]) but no quotes for that alone: the cells of
    /// the social-assistance tables (`grid_csv`), whose plain twin is the csv crate.
    #[inline(always)]
    pub(super) fn crate_cell(&mut self, value: &str) {
        if self.for_people && starts_formula(value.as_bytes()) {
            let cell = spreadsheet_cell(value);
            let delimiter = self.delimiter;
            self.at += quoted(cell.as_bytes(), delimiter, false, &mut self.room[self.at..]);
            self.delimiter();
        } else {
            self.crate_word(value);
        }
    }

    /// A word (a header, a status) as the csv crate writes it: quoted only when it holds the
    /// delimiter, a quote, CR or LF, never changed for people.
    #[inline(always)]
    pub(super) fn crate_word(&mut self, value: &str) {
        if !self.plain(value.as_bytes()) {
            let delimiter = self.delimiter;
            self.at += quoted(
                value.as_bytes(),
                delimiter,
                false,
                &mut self.room[self.at..],
            );
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
    pub(super) fn number(&mut self, n: u64) {
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
    pub(super) fn signed(&mut self, n: i64) {
        if n < 0 {
            self.room[self.at] = b'-';
            self.at += 1;
        }
        self.number(n.unsigned_abs());
    }

    /// A count, or an empty field.
    #[inline(always)]
    pub(super) fn count(&mut self, value: Option<i64>) {
        match value {
            Some(n) => self.signed(n),
            None => self.delimiter(),
        }
    }

    /// A date, `d.m.yyyy` for Excel (`excel`) or ISO, or an empty field.
    #[inline(always)]
    pub(super) fn date(&mut self, excel: bool, date: Option<NaiveDate>) {
        if let Some(date) = date {
            if excel {
                let mut digits = [0; 10];
                let len = finnish_date(date, &mut digits);
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
pub(super) struct Field {
    first: [u8; 16],
    rest: Vec<[u8; 16]>,
    /// The length without the padding.
    len: usize,
}

impl Field {
    pub(super) fn new(value: &str, delimiter: u8) -> Field {
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
    pub(super) fn room(&self) -> usize {
        16 * (1 + self.rest.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_two_digits_at_a_time_as_chrono_writes_them() {
        let first = NaiveDate::from_ymd_opt(1955, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2199, 12, 31).unwrap();
        for date in first.iter_days().take_while(|d| *d <= last) {
            assert_eq!(
                iso_date(date),
                *date.format("%Y-%m-%d").to_string().as_bytes()
            );
        }
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
