//! The pipeline held to its promise: every row once, in input order, across chunks; every row
//! its own unit; a failing visit stops the reading.

use super::*;
use crate::input::InputOptions;
use chrono::NaiveDate;

fn reader(rows: usize) -> CaseReader {
    let mut text = String::from("case_id,pending_date,started_date\n");
    for i in 0..rows {
        // Every 97th row is invalid (a start before the pending date), every 1000th unreadable
        // as a date.
        let started = if i % 97 == 0 {
            "2020-01-01"
        } else {
            "2026-01-09"
        };
        let pending = if i % 1000 == 999 { "x" } else { "2026-01-05" };
        text.push_str(&format!("C{i},{pending},{started}\n"));
    }
    CaseReader::from_reader(
        Box::new(std::io::Cursor::new(text.into_bytes())),
        "test",
        &InputOptions::default(),
    )
    .unwrap()
}

fn options() -> Options {
    Options::new(
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        crate::calendar::Reading::Standard,
    )
}

#[test]
fn every_row_once_in_input_order_across_chunks() {
    let rows = CHUNK_ROWS * 5 + 17;
    let mut lines = Vec::new();
    let mut invalid = 0;
    run(
        &mut reader(rows),
        &options(),
        |item| -> Result<(), InputError> {
            let (line, id) = match item {
                Item::Evaluated(case) => (case.line, case.case_id.into_owned()),
                Item::Invalid(row) => {
                    invalid += 1;
                    (row.problem.line, row.case_id.into_owned())
                }
            };
            assert_eq!(id, format!("C{}", line - 2));
            lines.push(line);
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(lines, (2..rows as u64 + 2).collect::<Vec<_>>());
    assert_eq!(invalid, rows.div_ceil(97) + rows / 1000);
}

#[test]
fn every_row_keeps_its_own_unit_however_many_units_a_list_has() {
    // More distinct units than a chunk remembers, some not ASCII, some with spaces around
    // them or written in Windows-1252, over several chunks.
    let unit = |i: usize| match i % 3 {
        0 => format!("Yksikkö {}", i % 23),
        1 => format!("Unit {}", i % 23),
        _ => format!(" Kotihoito Itä {} ", i % 23),
    };
    let mut file = b"case_id;unit;pending_date\n".to_vec();
    let rows = CHUNK_ROWS * 3 + 5;
    for i in 0..rows {
        let text = unit(i);
        let bytes = if i % 7 == 0 {
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        file.extend_from_slice(format!("C{i};").as_bytes());
        file.extend_from_slice(&bytes);
        file.extend_from_slice(b";2026-01-05\n");
    }
    let mut reader = CaseReader::from_reader(
        Box::new(std::io::Cursor::new(file)),
        "test",
        &InputOptions::default(),
    )
    .unwrap();
    let mut seen = 0;
    run(&mut reader, &options(), |item| -> Result<(), InputError> {
        let Item::Evaluated(case) = item else {
            panic!("every row is valid");
        };
        let i = (case.line - 2) as usize;
        assert_eq!(case.unit, unit(i).trim(), "line {}", case.line);
        seen += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, rows);
}

#[test]
fn a_failing_visit_stops_the_reading() {
    let mut seen = 0;
    let result = run(&mut reader(CHUNK_ROWS * 20), &options(), |_| {
        seen += 1;
        if seen == 3000 {
            return Err(InputError::Empty {
                path: "stop".into(),
            });
        }
        Ok(())
    });
    assert!(matches!(result, Err(InputError::Empty { .. })));
    assert_eq!(seen, 3000);
}
