//! The quick route of [`Rows`]: nearly every line of an export is a whole record without
//! quotes, and such a line is split at the delimiter straight from the read buffer, several
//! times cheaper than csv-core's parser. The plain version the tests hold it to is that parser
//! ([`Rows::parse`]), which reads every record when the quick route is switched off.
//!
//! What it buys (README, "Performance"): measured on the 1M audit against the parser for
//! every line, and [`split`] eight bytes at a time against [`split_plain`], a byte at a time.

use super::{Failure, Fields, Rows};

/// Longest line split by the quick route; a longer one (or one not yet ended this far) goes
/// through the parser, which reads on in pieces instead of holding the whole line.
pub(super) const QUICK_LINE_BYTES: usize = 1024 * 1024;

impl Rows {
    /// The quick route: when the record is one line of at most [`QUICK_LINE_BYTES`] with no
    /// quote and no CR before its line end, splits it at the delimiter. False, having taken
    /// nothing, when the record needs the parser.
    pub(super) fn quick(&mut self, fields: &mut Fields) -> Result<bool, Failure> {
        #[cfg(test)]
        if tests::PARSER_ONLY.get() {
            return Ok(false);
        }
        let line_end = loop {
            let from = self.searched.max(self.start);
            if let Some(at) = memchr::memchr(b'\n', &self.buffer[from..self.end]) {
                break from + at;
            }
            self.searched = self.end;
            if self.end - self.start > QUICK_LINE_BYTES {
                return Ok(false);
            }
            if !self.fill()? {
                break self.end;
            }
        };
        let mut content = &self.buffer[self.start..line_end];
        let mut breaks = u64::from(line_end < self.end);
        if let Some(rest) = content.strip_suffix(b"\r") {
            content = rest;
            // A lone CR at the very end of the input ends a line too.
            breaks = 1;
        }
        if memchr::memchr2(b'"', b'\r', content).is_some() {
            return Ok(false);
        }
        fields.clear();
        fields.bytes.extend_from_slice(content);
        split(content, self.delimiter, &mut fields.spans);
        self.lines.line += breaks;
        self.lines.after_cr = false;
        self.start = (line_end + 1).min(self.end);
        Ok(true)
    }
}

/// The spans of the fields of `line` (no quotes in it), which `delimiter` separates: what
/// [`split_plain`] finds, eight bytes at a time. In a word of the line XORed with the delimiter
/// in every byte, the delimiter's bytes are the zero bytes, and every zero byte (exactly those)
/// gets its high bit set by `!((x & 0x7F…) + 0x7F… | x) & 0x80…`.
fn split(line: &[u8], delimiter: u8, spans: &mut Vec<(u32, u32)>) {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let splat = u64::from(delimiter) * 0x0101_0101_0101_0101;
    let mut field_start = 0u32;
    let (words, rest) = line.as_chunks::<8>();
    let mut base = 0u32;
    for word in words {
        let x = u64::from_le_bytes(*word) ^ splat;
        let mut zeros = !(((x & LOW7) + LOW7) | x) & HIGH;
        while zeros != 0 {
            let at = base + zeros.trailing_zeros() / 8;
            spans.push((field_start, at));
            field_start = at + 1;
            zeros &= zeros - 1;
        }
        base += 8;
    }
    for (i, &byte) in rest.iter().enumerate() {
        if byte == delimiter {
            let at = base + i as u32;
            spans.push((field_start, at));
            field_start = at + 1;
        }
    }
    spans.push((field_start, line.len() as u32));
}

/// [`split`] a byte at a time: the plain version the tests compare it with.
#[cfg(test)]
fn split_plain(line: &[u8], delimiter: u8, spans: &mut Vec<(u32, u32)>) {
    let mut field_start = 0u32;
    for (i, &byte) in line.iter().enumerate() {
        if byte == delimiter {
            spans.push((field_start, i as u32));
            field_start = i as u32 + 1;
        }
    }
    spans.push((field_start, line.len() as u32));
}

#[cfg(test)]
mod tests {
    use super::super::tests::read_all;
    use super::*;
    use proptest::prelude::*;
    use std::cell::Cell;

    thread_local! {
        /// Switches the quick route off on this thread: every record goes through the parser.
        pub(super) static PARSER_ONLY: Cell<bool> = const { Cell::new(false) };
    }

    #[test]
    fn split_plain_splits_at_every_delimiter() {
        let mut spans = Vec::new();
        split_plain(b"a;;bc;", b';', &mut spans);
        assert_eq!(spans, [(0, 1), (2, 2), (3, 5), (6, 6)]);
    }

    proptest! {
        #[test]
        fn split_is_split_plain(
            line in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b';'), Just(b','), Just(0u8), Just(0x80u8), Just(0xFFu8), Just(b';' ^ 0x80)],
                0..40,
            ),
            delimiter in prop_oneof![Just(b';'), Just(b',')],
        ) {
            let (mut quick, mut plain) = (Vec::new(), Vec::new());
            split(&line, delimiter, &mut quick);
            split_plain(&line, delimiter, &mut plain);
            prop_assert_eq!(quick, plain);
        }

        #[test]
        fn the_quick_route_reads_what_the_parser_reads(
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
            let quick = read_all(&data, delimiter, step);
            PARSER_ONLY.set(true);
            let plain = read_all(&data, delimiter, step);
            PARSER_ONLY.set(false);
            prop_assert_eq!(quick, plain);
        }
    }
}
