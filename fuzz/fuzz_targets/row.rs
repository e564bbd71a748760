//! One CSV row under a header of every column, decoded and evaluated: never a panic, the row is
//! evaluated or reported (never both, never neither), and nothing shown holds an identity code.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use maaraika::batch::{self, Item, Settings};
use maaraika::calendar::Reading;
use maaraika::hetu::contains_hetu_like;
use maaraika::input::{CaseReader, InputError, InputOptions};

const HEADER: &[u8] = b"case_id,unit,pending_date,birth_date,hetu,age,care_allowance,disabled,\
child_special_support,child_welfare,urgent,started_date,completed_date\n";

fuzz_target!(|data: &[u8]| {
    // The row must stay one row: a line break or quote would make it a small file (the audit
    // target covers those).
    if data.iter().any(|&b| matches!(b, b'\n' | b'\r' | b'"')) || data.len() > 4096 {
        return;
    }
    let mut file = HEADER.to_vec();
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
    let settings = Settings {
        as_of: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        reading: if data.len() % 2 == 0 {
            Reading::Standard
        } else {
            Reading::Conservative
        },
        show_hetu: false,
    };
    let mut items = 0;
    batch::run(&mut reader, settings, |item| -> Result<(), InputError> {
        items += 1;
        match item {
            Item::Evaluated(case) => {
                assert!(!contains_hetu_like(&case.case_id));
                assert!(!contains_hetu_like(&case.unit));
                assert!(case.hetu.is_none());
            }
            Item::Invalid(invalid) => {
                assert!(!contains_hetu_like(&invalid.case_id));
                assert!(
                    !contains_hetu_like(&invalid.problem.problem),
                    "{}",
                    invalid.problem
                );
                assert_eq!(invalid.problem.line, 2);
            }
        }
        Ok(())
    })
    .expect("one row cannot be a fatal error");
    let blank = data.iter().all(|&b| b == b',' || b.is_ascii_whitespace());
    assert_eq!(items, usize::from(!blank), "a row is evaluated or reported");
});
