//! What the fuzz targets in `fuzz/` check, kept in the ordinary test suite: every crash they
//! found as a regression test, their seed corpora replayed, and the same checks on random input
//! (proptest), so that `cargo test` covers them on the stable toolchain, without cargo-fuzz.

use std::io::Cursor;
use std::path::Path;

use chrono::NaiveDate;
use maaraika::batch::{self, Item, Settings};
use maaraika::calendar::Reading;
use maaraika::dates::{finnish, parse_date, parse_date_bytes, DateError};
use maaraika::hetu::{contains_hetu_like, looks_like_hetu, redact_hetus, Hetu};
use maaraika::input::{CaseReader, EncodingChoice, InputError, InputOptions};
use maaraika::report::{CaseSink, CsvSink, CsvStyle, JsonSink, Lang, TableSink};
use proptest::prelude::*;

/// The date target: no panic; a date read is read back the same from both forms it is
/// written in.
fn check_date(data: &[u8]) {
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
/// holds no code.
fn check_hetu(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Hetu::parse(&text) {
        Ok(hetu) => {
            assert!(looks_like_hetu(&text));
            assert_eq!(Hetu::parse(&hetu.to_code_string()), Ok(hetu));
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
    assert!(!contains_hetu_like(&redact_hetus(&text)));
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
fn check_audit(data: &[u8]) {
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
    let (mut csv_out, mut json_out, mut table_out, mut messages) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
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

/// The committed seeds of a fuzz target.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("seed-"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seeds in {}", dir.display());
    files
        .iter()
        .map(|path| std::fs::read(path).unwrap())
        .collect()
}

#[test]
fn the_seed_corpora_pass_the_fuzz_checks() {
    for seed in seeds("date") {
        check_date(&seed);
    }
    for seed in seeds("hetu") {
        check_hetu(&seed);
    }
    for seed in seeds("audit") {
        check_audit(&seed);
    }
    // The row target's seeds are rows under a header of every column.
    for seed in seeds("row") {
        let mut file = vec![0u8];
        file.extend_from_slice(
            b"case_id,unit,pending_date,birth_date,hetu,age,care_allowance,disabled,\
              child_special_support,child_welfare,urgent,started_date,completed_date\n",
        );
        file.extend_from_slice(&seed);
        check_audit(&file);
    }
}

/// Found by the date target in its first seconds: `23.11.0026` was the 23rd of November of the
/// year 26, which prints as `23.11.26` and so did not read back.
#[test]
fn fuzz_crash_a_year_with_a_leading_zero() {
    assert_eq!(parse_date("23.11.0026"), Err(DateError::Year { year: 26 }));
    check_date(b"23.11.0026");
    check_date(b"0001-01-01");
    check_date(b"1799-12-31");
    assert!(parse_date("1800-01-01").is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_as_a_date(data in proptest::collection::vec(any::<u8>(), 0..40)) {
        check_date(&data);
    }

    #[test]
    fn date_like_text_as_a_date(text in "[0-9]{1,5}[.-][0-9]{1,3}[.-][0-9]{1,5}( [0-9:.]{0,12})?") {
        check_date(text.as_bytes());
    }

    #[test]
    fn any_text_as_an_identity_code(text in "[0-9+\\-A-Fa-fU-Y ]{0,30}|\\PC{0,20}") {
        check_hetu(text.as_bytes());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Files made of the bytes that matter to the reader: delimiters, quotes, line ends, digits,
    /// date and code characters, a few header names and some bytes that are not UTF-8.
    #[test]
    fn any_small_file_through_the_audit(
        options in any::<u8>(),
        header in prop_oneof![
            Just(&b"case_id,pending_date,hetu,age,unit\n"[..]),
            Just(&b"Asiatunnus;Vireilletulopvm;Henkil\xf6tunnus;Kiireellinen\r\n"[..]),
            Just(&b""[..]),
        ],
        body in proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(b"0123456789".to_vec()),
                2 => proptest::sample::select(b",;\t\"\r\n.-+ AYx".to_vec()),
                1 => any::<u8>(),
            ],
            0..400,
        ),
        code in prop_oneof![Just("010594Y9032"), Just("020516C903K"), Just("")],
    ) {
        let mut data = vec![options];
        data.extend_from_slice(header);
        data.extend_from_slice(&body);
        data.extend_from_slice(b"\nA,");
        data.extend_from_slice(code.as_bytes());
        data.extend_from_slice(b",1.11.2026,");
        data.extend_from_slice(code.as_bytes());
        check_audit(&data);
    }
}
