//! What the fuzz targets in `fuzz/` check, kept in the ordinary test suite: every crash they
//! found as a regression test, their seed corpora replayed, and the same checks on random input
//! (proptest), so that `cargo test` covers them on the stable toolchain, without cargo-fuzz.

use std::path::Path;

use crate::fuzz_checks::{
    check_audit, check_date, check_hetu, check_row, check_workbook, WorkbookKind, ROW_HEADER,
};
use maaraika::dates::{parse_date, DateError};
use proptest::prelude::*;

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
        check_row(&seed);
        let mut file = vec![0u8];
        file.extend_from_slice(ROW_HEADER);
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

/// The workbook targets' seeds (a sheet of each format: cells out of order, a row number given
/// twice, a row numbered 999,999,999, a `<mergeCells` in a comment, .ods repeats, an .xlsb record
/// claiming 268 MB), read through the library. (The files that make calamine abort are read by
/// the binary in `tests/hostile_workbooks.rs`: in a library's own process they end it.)
#[test]
fn the_workbook_targets_seeds_pass_the_workbook_check() {
    for (kind, target) in [
        (WorkbookKind::Xlsx, "xlsx"),
        (WorkbookKind::Ods, "ods"),
        (WorkbookKind::Xlsb, "xlsb"),
        (WorkbookKind::Xls, "xls"),
    ] {
        for seed in seeds(target) {
            check_workbook(kind, &seed);
        }
    }
}

/// An .xlsx sheet of cells at random places, in random order, with random merged regions.
fn sheet_xml(cells: &[(u32, u8, String)], merges: &[(u32, u8, u32, u8)]) -> String {
    let mut xml = String::from(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Asiatunnus</t></is></c><c r="B1" t="inlineStr"><is><t>Vireilletulopvm</t></is></c></row>"#,
    );
    for (row, column, text) in cells {
        let reference = format!("{}{}", char::from(b'A' + column % 6), row);
        xml.push_str(&format!(
            r#"<row r="{row}"><c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c></row>"#
        ));
    }
    xml.push_str("</sheetData><mergeCells>");
    for (r1, c1, r2, c2) in merges {
        let (a, b) = (char::from(b'A' + c1 % 6), char::from(b'A' + c2 % 6));
        xml.push_str(&format!(r#"<mergeCell ref="{a}{r1}:{b}{r2}"/>"#));
    }
    xml.push_str("</mergeCells></worksheet>");
    xml
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_sheet_of_cells_in_any_order_through_the_workbook_reader(
        cells in proptest::collection::vec((1u32..40, any::<u8>(), "[a-z0-9.-]{0,10}"), 0..40),
        merges in proptest::collection::vec((1u32..40, any::<u8>(), 1u32..2_000_000, any::<u8>()), 0..8),
    ) {
        check_workbook(WorkbookKind::Xlsx, sheet_xml(&cells, &merges).as_bytes());
    }
}
