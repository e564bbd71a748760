//! The checks of the fuzz targets in `fuzz/`, in one place: the targets call them on what the
//! fuzzer makes, and `tests/fuzz_regressions.rs` on the seed corpora, the crashes found, and
//! random input (proptest), so that `cargo test` keeps them compiling and passing on stable.

use std::io::Cursor;

#[path = "../common/crafted.rs"]
pub mod crafted;

use chrono::NaiveDate;
use maaraika::batch::{self, Item};
use maaraika::calendar::Reading;
use maaraika::dates::{finnish, parse_date, parse_date_bytes};
use maaraika::hetu::Hetu;
use maaraika::input::{CaseReader, EncodingChoice, InputError, InputOptions};
use maaraika::options::Options;
use maaraika::report::{CaseSink, CsvSink, CsvStyle, JsonSink, Lang, TableSink};
use maaraika::text::{contains_hetu_like, looks_like_hetu, redact_hetus};

/// The header the row target puts above each row: every column.
pub const ROW_HEADER: &[u8] =
    b"case_id,unit,pending_date,birth_date,hetu,age,care_allowance,disabled,\
child_special_support,child_welfare,urgent,started_date,completed_date\n";

/// The date target: no panic; a date read is read back the same from both forms it is
/// written in.
pub fn check_date(data: &[u8]) {
    let parsed = parse_date_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        assert_eq!(parse_date(text), parsed);
    }
    if let Ok(date) = parsed {
        assert_eq!(parse_date(&finnish(date)), Ok(date), "{date}");
        assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
    }
}

/// The hetu target: a valid code round-trips; an error never holds the code; redacted text
/// holds no code, nor 7 characters of a valid code.
pub fn check_hetu(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Hetu::parse(&text) {
        Ok(hetu) => {
            assert!(looks_like_hetu(&text));
            assert_eq!(Hetu::parse(&hetu.to_code_string()), Ok(hetu));
            assert_eq!(format!("{hetu:?}"), "Hetu(<redacted>)");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!contains_hetu_like(&message), "{message}");
            if looks_like_hetu(&text) {
                let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
                assert!(!message.contains(&trimmed[..6]), "{message}");
            }
        }
    }
    let redacted = redact_hetus(&text);
    assert!(!contains_hetu_like(&redacted));
    // No 7 characters of a valid code anywhere in the text are left, whatever is next to it
    // (unless the text around the code holds them on its own).
    let bytes = text.as_bytes();
    for start in 0..bytes.len().saturating_sub(10) {
        let Ok(code) = std::str::from_utf8(&bytes[start..start + 11]) else {
            continue;
        };
        if !code.is_ascii() || code.trim() != code || Hetu::parse(code).is_err() {
            continue;
        }
        let (before, after) = (&text[..start], &text[start + 11..]);
        for part in code.as_bytes().windows(7) {
            let part = std::str::from_utf8(part).unwrap();
            if !before.contains(part) && !after.contains(part) {
                assert!(!redacted.contains(part), "7 characters of a code are left");
            }
        }
    }
}

/// The identity-code-like runs of some bytes (with a plausible day and month).
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

/// The audit target: the first byte chooses the reading options, the rest is the file. No
/// panic, and no identity code of the input in any output or message.
pub fn check_audit(data: &[u8]) {
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
    let settings = Options::new(
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        if options & 0x40 == 0 {
            Reading::Standard
        } else {
            Reading::Conservative
        },
    );
    let style = CsvStyle {
        excel: options & 0x80 != 0,
        lang: if options & 0x20 == 0 {
            Lang::En
        } else {
            Lang::Fi
        },
    };
    let chain = reader.has_chain_columns();
    let (mut csv_out, mut json_out, mut table_out, mut messages) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    {
        let mut sinks: Vec<Box<dyn CaseSink + '_>> = vec![
            Box::new(
                CsvSink::new(
                    &mut csv_out,
                    style,
                    false,
                    chain,
                    settings.reading,
                    settings.as_of,
                )
                .unwrap(),
            ),
            Box::new(JsonSink::new(&mut json_out, false, settings.reading)),
            Box::new(TableSink::new(
                &mut table_out,
                style.lang,
                chain,
                settings.reading,
            )),
        ];
        let result = batch::run(&mut reader, &settings, |item| -> Result<(), InputError> {
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
}

/// The row target: one CSV row under a header of every column, decoded and evaluated: never a
/// panic, the row is evaluated or reported (never both, never neither), and nothing shown holds
/// an identity code.
pub fn check_row(data: &[u8]) {
    // The row must stay one row: a line break or quote would make it a small file (the audit
    // target covers those).
    if data.iter().any(|&b| matches!(b, b'\n' | b'\r' | b'"')) || data.len() > 4096 {
        return;
    }
    let mut file = ROW_HEADER.to_vec();
    file.extend_from_slice(data);
    let reader = CaseReader::from_reader(
        Box::new(std::io::Cursor::new(file)),
        "row.csv",
        &InputOptions {
            delimiter: Some(b','),
            ..InputOptions::default()
        },
    );
    let mut reader = reader.expect("the header is valid");
    let settings = Options::new(
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        if data.len().is_multiple_of(2) {
            Reading::Standard
        } else {
            Reading::Conservative
        },
    );
    let mut items = 0;
    batch::run(&mut reader, &settings, |item| -> Result<(), InputError> {
        items += 1;
        match item {
            Item::Evaluated(case) => {
                assert!(!contains_hetu_like(&case.case_id));
                assert!(!contains_hetu_like(&case.unit));
                assert!(case.hetu.is_none());
            }
            Item::Invalid(invalid) => {
                assert!(!contains_hetu_like(&invalid.case_id));
                for lang in [Lang::En, Lang::Fi, Lang::Sv] {
                    let text = invalid.problem.problem.text(lang);
                    assert!(!contains_hetu_like(&text), "{text}");
                }
                assert_eq!(invalid.problem.line, 2);
            }
        }
        Ok(())
    })
    .expect("one row cannot be a fatal error");
    let blank = data.iter().all(|&b| b == b',' || b.is_ascii_whitespace());
    assert_eq!(items, usize::from(!blank), "a row is evaluated or reported");
}

/// The workbook formats the workbook targets wrap their input in.
#[derive(Clone, Copy, Debug)]
pub enum WorkbookKind {
    /// The input is the XML of an .xlsx sheet.
    Xlsx,
    /// The input is an .ods's `content.xml`.
    Ods,
    /// The input is the records of an .xlsb sheet.
    Xlsb,
    /// The input is an .xls file (its first bytes made an OLE2 signature).
    Xls,
}

/// The workbook the targets read: `data` put where `kind` keeps a sheet.
pub fn workbook_of(kind: WorkbookKind, data: &[u8]) -> Vec<u8> {
    match kind {
        WorkbookKind::Xlsx => crafted::xlsx_sheet_part(data),
        WorkbookKind::Ods => crafted::ods_content(data),
        WorkbookKind::Xlsb => crafted::xlsb_with_sheet(data),
        WorkbookKind::Xls => {
            let mut file = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
            file.extend_from_slice(data.get(8..).unwrap_or_default());
            file
        }
    }
}

/// The workbook targets: a sheet of each format read as a case list, through the library (a
/// program that did not call `maaraika::input::sandbox::init`, so calamine runs in a thread
/// with `catch_unwind`): never a panic out of maaraika, the reading ends, and nothing shown
/// holds an identity code of the input.
pub fn check_workbook(kind: WorkbookKind, data: &[u8]) {
    let book = workbook_of(kind, data);
    let codes = codes_in(data);
    let options = InputOptions::default();
    let mut reader =
        match CaseReader::from_reader_sheet(Box::new(Cursor::new(book)), "f", &options, None) {
            Ok(reader) => reader,
            Err(error) => {
                assert_no_code(&codes, error.to_string().as_bytes(), "a workbook error");
                return;
            }
        };
    let settings = Options::new(
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        Reading::Standard,
    );
    let mut messages = Vec::new();
    let result = batch::run(&mut reader, &settings, |item| -> Result<(), InputError> {
        if let Item::Invalid(invalid) = item {
            messages.extend_from_slice(invalid.problem.to_string().as_bytes());
        }
        Ok(())
    });
    if let Err(error) = result {
        messages.extend_from_slice(error.to_string().as_bytes());
    }
    assert_no_code(&codes, &messages, "a message");
}
