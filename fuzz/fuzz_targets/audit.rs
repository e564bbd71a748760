//! A whole small file through what `audit` does (reader, rows, CSV/JSON/table output), with the
//! reading options taken from the first byte: never a panic, and no identity code of the input
//! in any output or message.
#![no_main]

use std::io::Cursor;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use maaraika::batch::{self, Item, Settings};
use maaraika::calendar::Reading;
use maaraika::input::{CaseReader, EncodingChoice, InputError, InputOptions};
use maaraika::report::{CaseSink, CsvSink, CsvStyle, JsonSink, Lang, TableSink};

/// The identity-code-like runs of the input (six digits, a century sign, three digits and a
/// letter or digit, with a plausible day and month): none may come out.
fn codes_in(data: &[u8]) -> Vec<Vec<u8>> {
    data.windows(11)
        .filter(|w| {
            let two = |i: usize| u32::from(w[i] - b'0') * 10 + u32::from(w[i + 1] - b'0');
            w[..6].iter().all(u8::is_ascii_digit)
                && b"+-YXWVUABCDEFyxwvuabcdef".contains(&w[6])
                && w[7..10].iter().all(u8::is_ascii_digit)
                && w[10].is_ascii_alphanumeric()
                && (1..=31).contains(&two(0))
                && (1..=12).contains(&two(2))
        })
        .map(<[u8]>::to_vec)
        .collect()
}

fn assert_no_code(codes: &[Vec<u8>], out: &[u8], what: &str) {
    for code in codes {
        assert!(
            !out.windows(code.len()).any(|w| w == code.as_slice()),
            "{what} repeats {}",
            String::from_utf8_lossy(code)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&options, file)) = data.split_first() else {
        return;
    };
    let input = InputOptions {
        encoding: match options % 3 {
            0 => EncodingChoice::Auto,
            1 => EncodingChoice::Utf8,
            _ => EncodingChoice::Windows1252,
        },
        delimiter: match (options / 3) % 4 {
            0 => None,
            1 => Some(b','),
            2 => Some(b';'),
            _ => Some(b'\t'),
        },
        columns: Vec::new(),
    };
    let codes = codes_in(file);
    let mut reader =
        match CaseReader::from_reader(Box::new(Cursor::new(file.to_vec())), "f.csv", &input) {
            Ok(reader) => reader,
            Err(error) => {
                assert_no_code(&codes, error.to_string().as_bytes(), "an input error");
                return;
            }
        };
    let settings = Settings {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        reading: if options & 0x40 == 0 {
            Reading::Standard
        } else {
            Reading::Conservative
        },
        show_hetu: false,
    };
    let style = CsvStyle {
        excel: options & 0x80 != 0,
        lang: if options & 0x20 == 0 {
            Lang::En
        } else {
            Lang::Fi
        },
    };
    let mut csv_out = Vec::new();
    let mut json_out = Vec::new();
    let mut table_out = Vec::new();
    let mut messages = Vec::new();
    {
        let mut sinks: Vec<Box<dyn CaseSink + '_>> = vec![
            Box::new(CsvSink::new(&mut csv_out, style, false, settings.reading).unwrap()),
            Box::new(JsonSink::new(&mut json_out, false, settings.reading)),
            Box::new(TableSink::new(&mut table_out, style.lang)),
        ];
        let result = batch::run(&mut reader, settings, |item| -> Result<(), InputError> {
            match item {
                Item::Evaluated(case) => {
                    for sink in &mut sinks {
                        sink.case(&case).unwrap();
                    }
                }
                Item::Invalid(invalid) => {
                    messages.extend_from_slice(invalid.problem.to_string().as_bytes());
                    messages.extend_from_slice(invalid.case_id.as_bytes());
                    messages.extend_from_slice(invalid.unit.as_bytes());
                    messages.push(b'\n');
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            messages.extend_from_slice(error.to_string().as_bytes());
        }
        for sink in sinks {
            sink.finish().unwrap();
        }
    }
    assert_no_code(&codes, &csv_out, "the CSV output");
    assert_no_code(&codes, &json_out, "the JSON output");
    assert_no_code(&codes, &table_out, "the table");
    assert_no_code(&codes, &messages, "a message");
});
