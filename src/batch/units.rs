//! The units of a chunk of rows, each kept once: a list names a handful of units over and over,
//! and a unit that is not plain ASCII (`Kotihoito Itä`) would otherwise be decoded and made safe
//! to show ([`crate::text::shown`]) on every row. Later rows of the chunk point to the text kept
//! for the first. The plain version the tests hold it to is [`keep`] on every row.
//!
//! What it buys (README, "Performance"): measured on the 1M audit against [`keep`] per row.

use std::ops::Range;

use crate::input::decode::keep;
use crate::input::{Column, RawRow};

/// Units remembered per chunk; a list with more distinct units keeps the rest row by row.
const UNITS_PER_CHUNK: usize = 16;

/// The units kept in a chunk's text, by the bytes they were read as.
#[derive(Default)]
pub(super) struct Units(Vec<(Vec<u8>, Range<usize>)>);

impl Units {
    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    /// [`keep`] for the unit: a unit already kept in this chunk is not kept again.
    pub(super) fn keep(
        &mut self,
        text: &mut Vec<u8>,
        row: &RawRow,
        show_hetu: bool,
    ) -> Range<usize> {
        let Some(read) = row.bytes(Column::Unit) else {
            return text.len()..text.len();
        };
        if let Some((_, kept)) = self.0.iter().find(|(seen, _)| seen.as_slice() == read) {
            return kept.clone();
        }
        let kept = keep(text, row, Column::Unit, show_hetu);
        if self.0.len() < UNITS_PER_CHUNK {
            self.0.push((read.to_vec(), kept.clone()));
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{CaseReader, Fields, InputOptions};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_unit_kept_once_reads_as_kept_on_every_row(
            units in proptest::collection::vec(0usize..24, 1..80),
            show_hetu: bool,
        ) {
            // More kinds than a chunk remembers: ASCII, not ASCII, spaces around, Windows-1252,
            // a code, a hidden character.
            let unit = |i: usize| -> Vec<u8> {
                match i % 6 {
                    0 => format!("Unit {i}").into_bytes(),
                    1 => format!("Yksikkö {i}").into_bytes(),
                    2 => format!(" Kotihoito Itä {i} ").into_bytes(),
                    3 => encoding_rs::WINDOWS_1252.encode(&format!("Äänekoski {i}")).0.into_owned(),
                    4 => format!("Tiimi 010594Y9032 {i}").into_bytes(),
                    _ => format!("Tiimi\u{200b}{i}").into_bytes(),
                }
            };
            let mut file = b"case_id;unit;pending_date\n".to_vec();
            for (row, &i) in units.iter().enumerate() {
                file.extend_from_slice(format!("C{row};").as_bytes());
                file.extend_from_slice(&unit(i));
                file.extend_from_slice(b";2026-01-05\n");
            }
            let mut reader = CaseReader::from_reader(
                Box::new(std::io::Cursor::new(file)),
                "test",
                &InputOptions::default(),
            )
            .unwrap();
            let layout = reader.layout().clone();
            let (mut once, mut every) = (Vec::new(), Vec::new());
            let mut kept = Units::default();
            let mut fields = Fields::default();
            while let Some(line) = reader.read_into(&mut fields) {
                let row = layout.row(&fields, line.unwrap());
                let from_once = kept.keep(&mut once, &row, show_hetu);
                let from_every = keep(&mut every, &row, Column::Unit, show_hetu);
                prop_assert_eq!(&once[from_once], &every[from_every]);
            }
        }
    }
}
