//! Case lists kept as workbooks: read by content, typed cells read as their CSV twins, the
//! header found below a title, bad cells named as Excel names them, and clear errors for the
//! workbooks that cannot be read.

use crate::common;

use std::path::{Path, PathBuf};

use common::run;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

const AS_OF: &str = "23.11.2026";

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, m, d).unwrap()
}

/// The audit CSV of a file, which must succeed with `code`.
fn audit(file: &str, extra: &[&str], code: i32) -> (String, String) {
    let mut args = vec!["audit", file, "--as-of", AS_OF, "--format", "csv"];
    args.extend_from_slice(extra);
    let (status, out, err) = run(&args, b"");
    assert_eq!(status, code, "{err}");
    (out, err)
}

#[test]
fn the_sample_workbook_audits_as_its_csv_twin() {
    for command in ["audit", "overdue", "summary"] {
        let twin = |file: &str| {
            let (code, out, err) = run(&[command, file, "--as-of", AS_OF, "--format", "csv"], b"");
            assert_eq!(code, 0, "{command} {file}: {err}");
            out
        };
        let csv = twin("samples/cases-fi.csv");
        assert!(csv.lines().count() > 1);
        assert_eq!(twin("samples/cases-fi.xlsx"), csv, "{command}");
    }
}

#[test]
fn a_workbook_is_known_by_its_content_not_its_name() {
    let dir = temp();
    let renamed = dir.path().join("export.csv");
    std::fs::copy("samples/cases-fi.xlsx", &renamed).unwrap();
    let (csv, _) = audit("samples/cases-fi.csv", &[], 0);
    assert_eq!(audit(path_str(&renamed), &[], 0).0, csv);
    let workbook = std::fs::read("samples/cases-fi.xlsx").unwrap();
    let (code, out, err) = run(
        &["audit", "-", "--as-of", AS_OF, "--format", "csv"],
        &workbook,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, csv, "a workbook on standard input");
}

/// Writes a workbook with one sheet `name` through `fill`.
fn workbook(dir: &Path, file: &str, fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Asiakkaat").unwrap();
    fill(sheet);
    let path = dir.join(file);
    book.save(&path).unwrap();
    path
}

fn write_csv(dir: &Path, file: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn typed_cells_read_as_the_csv_twin() {
    let dir = temp();
    let shown = Format::new().set_num_format("d.m.yyyy");
    let path = workbook(dir.path(), "typed.xlsx", |sheet| {
        let header = [
            "Asiatunnus",
            "Vireilletulopvm",
            "Ikä",
            "Kiireellinen",
            "Vammainen",
            "Arviointi aloitettu",
        ];
        for (column, text) in header.iter().enumerate() {
            sheet.write_string(0, column as u16, *text).unwrap();
        }
        // A date cell, an age as an integer number, a boolean flag, a flag as text.
        sheet.write_string(1, 0, "T-1").unwrap();
        sheet
            .write_datetime_with_format(1, 1, date(2026, 11, 2), &shown)
            .unwrap();
        sheet.write_number(1, 2, 79).unwrap();
        sheet.write_boolean(1, 3, false).unwrap();
        sheet.write_string(1, 4, "ei").unwrap();
        sheet
            .write_datetime_with_format(1, 5, date(2026, 11, 6), &shown)
            .unwrap();
        // A date typed as text, an age as 45.0, a boolean true, a flag as a number 1.
        sheet.write_string(2, 0, "T-2").unwrap();
        sheet.write_string(2, 1, "16.11.2026").unwrap();
        sheet.write_number(2, 2, 45.0).unwrap();
        sheet.write_boolean(2, 3, true).unwrap();
        sheet.write_number(2, 4, 0).unwrap();
        // A date with a time of day, a disabled person flagged with the number 1.
        sheet.write_string(3, 0, "T-3").unwrap();
        sheet
            .write_datetime(
                3,
                1,
                ExcelDateTime::parse_from_str("2026-11-12 14:30").unwrap(),
            )
            .unwrap();
        sheet.write_number(3, 2, 30).unwrap();
        sheet.write_string(3, 3, "kyllä").unwrap();
        sheet.write_number(3, 4, 1).unwrap();
    });
    let twin = write_csv(
        dir.path(),
        "typed.csv",
        "Asiatunnus;Vireilletulopvm;Ikä;Kiireellinen;Vammainen;Arviointi aloitettu\n\
         T-1;2.11.2026;79;ei;ei;6.11.2026\n\
         T-2;16.11.2026;45;kyllä;0;\n\
         T-3;12.11.2026;30;kyllä;1;\n",
    );
    let (expected, _) = audit(path_str(&twin), &[], 0);
    let (got, _) = audit(path_str(&path), &[], 0);
    assert_eq!(got, expected);
    assert!(got.contains(",T-1,,2026-11-02,over_75,"), "{got}");
    assert!(got.contains(",T-2,,2026-11-16,urgent,"), "{got}");
}

#[test]
fn dates_of_the_1904_date_system_are_read_as_shown() {
    // tests/data/date1904.xlsx (samples/make_workbooks.py, openpyxl): old Excel for Mac counts
    // days from 1.1.1904; the same dates as in a 1900 workbook.
    let dir = temp();
    let twin = write_csv(
        dir.path(),
        "twin.csv",
        "Asiatunnus,Vireilletulopvm,Ikä,Kiireellinen,Arviointi aloitettu\n\
         M-1,2026-11-02,79,no,2026-11-06\n\
         M-2,2026-11-16,45,yes,\n\
         M-3,2026-11-02,79,no,2026-11-17\n",
    );
    let (expected, _) = audit(path_str(&twin), &[], 0);
    let (got, _) = audit("tests/data/date1904.xlsx", &[], 0);
    assert_eq!(got, expected);
    assert!(
        got.contains("M-1,,2026-11-02,over_75,2026-11-11,met"),
        "{got}"
    );
}

#[test]
fn a_title_and_blank_rows_above_the_header_are_skipped() {
    let dir = temp();
    let path = workbook(dir.path(), "title.xlsx", |sheet| {
        sheet
            .merge_range(0, 0, 0, 3, "Palvelutarpeen arvioinnit 2026", &Format::new())
            .unwrap();
        sheet.write_string(1, 0, "Vireille tulleet asiat").unwrap();
        for (column, text) in ["Asiatunnus", "Yksikkö", "Vireilletulopvm", "Ikä"]
            .iter()
            .enumerate()
        {
            sheet.write_string(3, column as u16, *text).unwrap();
        }
        sheet.write_string(4, 0, "A-1").unwrap();
        sheet.write_string(4, 1, "Kotihoito").unwrap();
        sheet.write_datetime(4, 2, date(2026, 11, 16)).unwrap();
        sheet.write_number(4, 3, 80).unwrap();
        // A blank row inside the list, then a row whose age is a formula (its cached value).
        sheet.write_string(6, 0, "A-2").unwrap();
        sheet.write_string(6, 1, "Kotihoito").unwrap();
        sheet.write_datetime(6, 2, date(2026, 11, 17)).unwrap();
        sheet
            .write_formula(6, 3, Formula::new("=40+41").set_result("81"))
            .unwrap();
    });
    let (out, _) = audit(path_str(&path), &[], 0);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{out}");
    // The line column gives the sheet's row numbers.
    assert!(
        rows[0].starts_with("5,A-1,Kotihoito,2026-11-16,over_75,"),
        "{out}"
    );
    assert!(
        rows[1].starts_with("7,A-2,Kotihoito,2026-11-17,over_75,"),
        "{out}"
    );
    assert!(
        rows[1].contains(",81,standard,"),
        "the formula's value: {out}"
    );
}

#[test]
fn a_hidden_row_is_read_like_any_other() {
    let dir = temp();
    let path = workbook(dir.path(), "hidden.xlsx", |sheet| {
        sheet.write_string(0, 0, "Asiatunnus").unwrap();
        sheet.write_string(0, 1, "Vireilletulopvm").unwrap();
        for (row, id) in [(1, "H-1"), (2, "H-2"), (3, "H-3")] {
            sheet.write_string(row, 0, id).unwrap();
            sheet.write_datetime(row, 1, date(2026, 11, 16)).unwrap();
        }
        sheet.set_row_hidden(2).unwrap();
    });
    let (out, _) = audit(path_str(&path), &[], 0);
    for (line, id) in [(2, "H-1"), (3, "H-2"), (4, "H-3")] {
        assert!(
            out.contains(&format!("\n{line},{id},,2026-11-16,")),
            "{out}"
        );
    }
}

#[test]
fn a_merged_cell_fills_its_region() {
    let dir = temp();
    let path = workbook(dir.path(), "merged.xlsx", |sheet| {
        for (column, text) in ["Asiatunnus", "Yksikkö", "Vireilletulopvm"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, column as u16, *text).unwrap();
        }
        sheet
            .merge_range(1, 1, 3, 1, "Vammaispalvelut", &Format::new())
            .unwrap();
        for (row, id) in [(1, "V-1"), (2, "V-2"), (3, "V-3")] {
            sheet.write_string(row, 0, id).unwrap();
            sheet.write_datetime(row, 2, date(2026, 11, 16)).unwrap();
        }
    });
    let (out, _) = audit(path_str(&path), &[], 0);
    for id in ["V-1", "V-2", "V-3"] {
        assert!(out.contains(&format!(",{id},Vammaispalvelut,")), "{out}");
    }
}

#[test]
fn a_bad_cell_is_named_by_sheet_row_and_column_letter() {
    let dir = temp();
    let path = workbook(dir.path(), "bad.xlsx", |sheet| {
        sheet.write_string(0, 0, "Hoitajan raportti").unwrap();
        for (column, text) in ["Asiatunnus", "Vireilletulopvm", "Arviointi aloitettu"]
            .iter()
            .enumerate()
        {
            sheet.write_string(1, column as u16, *text).unwrap();
        }
        sheet.write_string(2, 0, "B-1").unwrap();
        sheet.write_datetime(2, 1, date(2026, 11, 2)).unwrap();
        sheet.write_string(3, 0, "B-2").unwrap();
        sheet.write_datetime(3, 1, date(2026, 2, 2)).unwrap();
        sheet.write_string(3, 2, "31.2.2026").unwrap();
        // A text with a line break (Alt+Enter): the rows after it keep their numbers.
        sheet.write_string(4, 0, "B-3\nkaksi riviä").unwrap();
        sheet.write_datetime(4, 1, date(2026, 11, 2)).unwrap();
        sheet.write_string(5, 0, "B-4").unwrap();
        sheet.write_string(5, 1, "2026-13-01").unwrap();
    });
    let errors = dir.path().join("errors.csv");
    let (out, err) = audit(path_str(&path), &["--errors", path_str(&errors)], 3);
    assert!(
        err.contains("Asiakkaat!C4 (Arviointi aloitettu): `31.2.2026` is not a real date"),
        "{err}"
    );
    assert!(err.contains("Asiakkaat!B6 (Vireilletulopvm):"), "{err}");
    // Rows in = evaluated + reported.
    assert_eq!(
        out.matches(",B-").count() + out.matches("\"B-").count(),
        2,
        "{out}"
    );
    assert!(out.contains("\n5,") && out.contains("kaksi riviä"), "{out}");
    assert!(err.contains("2 rows invalid"), "{err}");
    let listed = std::fs::read_to_string(&errors).unwrap();
    // The columns as the sheet names them, not maaraika's keys.
    assert!(listed.contains(",4,Arviointi aloitettu,B-2,"), "{listed}");
    assert!(listed.contains(",6,Vireilletulopvm,B-4,"), "{listed}");
}

#[test]
fn a_sheet_is_chosen_by_name_and_an_unknown_name_lists_the_sheets() {
    let dir = temp();
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Ohje")
        .unwrap()
        .write_string(0, 0, "Lue minut")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Asiakkaat 2026").unwrap();
    sheet.write_string(0, 0, "Asiatunnus").unwrap();
    sheet.write_string(0, 1, "Vireilletulopvm").unwrap();
    sheet.write_string(1, 0, "S-1").unwrap();
    sheet.write_string(1, 1, "2.11.2026").unwrap();
    let path = dir.path().join("two.xlsx");
    book.save(&path).unwrap();
    let (out, _) = audit(path_str(&path), &["--sheet", "Asiakkaat 2026"], 0);
    assert!(out.contains(",S-1,,2026-11-02,"), "{out}");
    let (code, _, err) = run(
        &[
            "audit",
            path_str(&path),
            "--sheet",
            "Asiakas",
            "--as-of",
            AS_OF,
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("has no sheet \"Asiakas\": its sheets are \"Ohje\", \"Asiakkaat 2026\""),
        "{err}"
    );
    // The first sheet holds no case list: the decoder says what it found.
    let (code, _, err) = run(&["audit", path_str(&path), "--as-of", AS_OF], b"");
    assert_eq!(code, 2);
    assert!(err.contains("no pending_date column"), "{err}");
}

#[test]
fn an_empty_sheet_a_damaged_file_and_a_password_get_their_fix() {
    let dir = temp();
    let empty = workbook(dir.path(), "empty.xlsx", |_| {});
    let (code, _, err) = run(&["audit", path_str(&empty), "--as-of", AS_OF], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("has nothing on the sheet \"Asiakkaat\""),
        "{err}"
    );

    let whole = std::fs::read("samples/cases-fi.xlsx").unwrap();
    let damaged = write_bytes(dir.path(), "damaged.xlsx", &whole[..whole.len() / 2]);
    let (code, _, err) = run(&["audit", path_str(&damaged), "--as-of", AS_OF], b"");
    assert_eq!(code, 2);
    assert!(
        err.contains("save it again as .xlsx, or export the list as CSV"),
        "{err}"
    );

    // An encrypted Office file: an OLE2 compound file with an `EncryptionInfo` stream.
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(512, 0);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    let locked = write_bytes(dir.path(), "locked.xlsx", &ole);
    let (code, _, err) = run(&["audit", path_str(&locked), "--as-of", AS_OF], b"");
    assert_eq!(code, 2);
    assert!(err.contains("save it without a password"), "{err}");
}

fn write_bytes(dir: &Path, file: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A copy of a workbook with the XML of its first sheet changed by `change`.
fn rewritten(from: &Path, to: &Path, change: impl Fn(&str) -> String) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let changed = change(&xml);
            assert_ne!(changed, xml, "the sheet is changed");
            bytes = changed.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn a_sheet_read_partly_by_the_xlsx_scanner_and_partly_by_calamine_reads_as_a_whole() {
    // The .xlsx scanner leaves a sheet to calamine at what it does not read (here a comment
    // between two rows): calamine reads on from that cell, and nothing is read twice or lost.
    let dir = temp();
    let shown = Format::new().set_num_format("d.m.yyyy");
    let plain = workbook(dir.path(), "plain.xlsx", |sheet| {
        sheet.write_string(0, 0, "Asiakaslista 2026").unwrap();
        for (column, text) in ["Asiatunnus", "Vireilletulopvm", "Ikä", "Kiireellinen"]
            .iter()
            .enumerate()
        {
            sheet.write_string(2, column as u16, *text).unwrap();
        }
        for i in 0..40u32 {
            let row = i + 3;
            sheet.write_string(row, 0, format!("H-{i}")).unwrap();
            if i == 30 {
                sheet.write_string(row, 1, "31.2.2026").unwrap();
            } else {
                let day = date(2026, 10, 1 + (i % 28) as u8);
                sheet
                    .write_datetime_with_format(row, 1, day, &shown)
                    .unwrap();
            }
            sheet.write_number(row, 2, 60 + i).unwrap();
            sheet.write_boolean(row, 3, i % 3 == 0).unwrap();
        }
    });
    let handed_over = dir.path().join("comment.xlsx");
    rewritten(&plain, &handed_over, |xml| {
        xml.replacen("<row r=\"22\"", "<!-- a note --><row r=\"22\"", 1)
    });
    let (expected, expected_err) = audit(path_str(&plain), &[], 3);
    let (got, err) = audit(path_str(&handed_over), &[], 3);
    assert_eq!(got, expected);
    assert_eq!(
        got.lines().count(),
        1 + 39,
        "39 cases evaluated, the header"
    );
    for err in [&err, &expected_err] {
        assert!(err.contains("Asiakkaat!B34"), "the bad cell named: {err}");
    }
}
