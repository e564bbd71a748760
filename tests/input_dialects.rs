//! The ways case lists arrive (Finnish Excel in UTF-8 or Windows-1252, other delimiters, `sep=`
//! lines, quoting, CRLF, blank rows) and what `maaraika::input` makes of them; fatal and row
//! errors name lines and columns but never a value.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use maaraika::input::{
    normalize_header, parse_column_mapping, parse_delimiter, parse_flag, CaseReader, Column,
    ColumnRef, EncodingChoice, InputError, InputOptions, ReadError, RowProblem, MAX_ROW_BYTES,
};
use proptest::prelude::*;

const FINNISH_HEADER: &str = "Asiatunnus;Yksikkö;Vireilletulopvm;Syntymäaika;Ylin hoitotuki;\
Vammainen;Erityistä tukea tarvitseva lapsi;Kiireellinen;Arviointi aloitettu;Arviointi valmis";

fn read(bytes: &[u8], options: &InputOptions) -> Result<CaseReader, InputError> {
    CaseReader::from_reader(Box::new(Cursor::new(bytes.to_vec())), "cases.csv", options)
}

fn open(bytes: &[u8]) -> CaseReader {
    read(bytes, &InputOptions::default()).expect("opens")
}

/// Every row as (line, values of `columns`); panics on a row error.
fn rows(reader: &mut CaseReader, columns: &[Column]) -> Vec<(u64, Vec<Option<String>>)> {
    let mut out = Vec::new();
    while let Some(row) = reader.next_row() {
        let row = row.unwrap_or_else(|error| panic!("row error: {error}"));
        let values = columns
            .iter()
            .map(|&column| row.get(column).map(Cow::into_owned))
            .collect();
        out.push((row.line(), values));
    }
    out
}

fn lines(reader: &mut CaseReader) -> Vec<u64> {
    rows(reader, &[])
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn row_problem(result: Option<Result<maaraika::input::RawRow<'_>, ReadError>>) -> RowProblem {
    match result {
        Some(Err(ReadError::Row(problem))) => problem,
        Some(Err(ReadError::Fatal(error))) => panic!("fatal instead of a row problem: {error}"),
        Some(Ok(row)) => panic!("a row instead of a problem, line {}", row.line()),
        None => panic!("the end instead of a problem"),
    }
}

#[test]
fn finnish_excel_utf8_bom_semicolon_headers_map() {
    let file = format!(
        "\u{feff}{FINNISH_HEADER}\r\nA-1;Kotihoito Itä;3.11.2026;1.2.1940;kyllä;ei;ei;ei;4.11.2026;\r\n"
    );
    let mut reader = open(file.as_bytes());
    assert_eq!(reader.delimiter(), b';');
    assert_eq!(reader.encoding(), "UTF-8");
    assert_eq!(reader.headers()[0], "Asiatunnus", "the BOM is stripped");
    assert_eq!(reader.headers().len(), 10);
    let mapped = [
        Column::CaseId,
        Column::Unit,
        Column::PendingDate,
        Column::BirthDate,
        Column::CareAllowance,
        Column::Disabled,
        Column::ChildSpecialSupport,
        Column::Urgent,
        Column::StartedDate,
        Column::CompletedDate,
    ];
    for column in mapped {
        assert!(reader.has_column(column), "{column} is mapped");
    }
    assert!(!reader.has_column(Column::Hetu));
    assert_eq!(reader.header_of(Column::Unit), Some("Yksikkö"));
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!(row.line(), 2);
    assert!(matches!(
        row.get(Column::Unit),
        Some(Cow::Borrowed("Kotihoito Itä"))
    ));
    assert_eq!(row.get(Column::PendingDate).as_deref(), Some("3.11.2026"));
    assert_eq!(row.get(Column::CareAllowance).as_deref(), Some("kyllä"));
    assert_eq!(row.get(Column::CompletedDate).as_deref(), Some(""));
    assert_eq!(row.get(Column::Hetu), None);
    assert!(reader.next_row().is_none());
}

#[test]
fn every_alias_and_spelling_of_a_header_maps() {
    let cases = [
        ("asiatunnus", Column::CaseId),
        ("Tunnus", Column::CaseId),
        ("ID", Column::CaseId),
        ("case_id", Column::CaseId),
        ("Case ID", Column::CaseId),
        ("Tiimi", Column::Unit),
        ("YKSIKKÖ", Column::Unit),
        ("Vireilletulopäivä", Column::PendingDate),
        ("Vireilletulo pvm.", Column::PendingDate),
        ("Yhteydenottopvm", Column::PendingDate),
        ("Saapumispvm", Column::PendingDate),
        ("pending-date", Column::PendingDate),
        ("Syntymä-aika", Column::BirthDate),
        ("Henkilötunnus", Column::Hetu),
        ("HETU", Column::Hetu),
        ("Ikä", Column::Age),
        ("Hoitotuki", Column::CareAllowance),
        ("Erityinen tuki", Column::ChildSpecialSupport),
        ("Lastensuojelu", Column::ChildWelfare),
        ("child_welfare", Column::ChildWelfare),
        ("Aloitettu", Column::StartedDate),
        ("Aloituspvm", Column::StartedDate),
        ("Valmistunut", Column::CompletedDate),
    ];
    for (header, column) in cases {
        assert_eq!(Column::from_name(header), Some(column), "{header}");
    }
    assert_eq!(Column::from_name("Nimi"), None);
    for column in Column::ALL {
        assert_eq!(Column::from_name(column.name()), Some(column));
    }
    assert_eq!(normalize_header(" Syntymä-Aika_Å.ö "), "syntymaaikaao");
}

#[test]
fn windows_1252_without_bom_decodes_umlauts() {
    let file = b"Asiatunnus;Yksikk\xf6;Vireilletulopvm;Syntym\xe4aika;Ylin hoitotuki\r\n\
A-1;Kotihoito L\xe4nsi;3.11.2026;1.2.1940;kyll\xe4\r\n\
A-2;\xc5bo \xd6st;4.11.2026;;ei\r\n";
    let mut reader = open(file);
    assert_eq!(reader.headers()[1], "Yksikkö");
    assert!(reader.has_column(Column::Unit));
    assert!(reader.has_column(Column::BirthDate));
    assert_eq!(reader.encoding(), "Windows-1252");
    let rows = rows(&mut reader, &[Column::Unit, Column::CareAllowance]);
    assert_eq!(
        rows,
        [
            (2, vec![some("Kotihoito Länsi"), some("kyllä")]),
            (3, vec![some("Åbo Öst"), some("ei")]),
        ]
    );
    assert!(!format!("{rows:?}").contains('\u{fffd}'));
    assert_eq!(parse_flag("kyll\u{e4}"), Ok(true));
}

#[test]
fn auto_reports_windows_1252_once_a_field_needed_it() {
    let mut reader = open(b"pending_date;unit\n1.1.2026;Koti\n2.1.2026;It\xe4\n");
    assert_eq!(reader.encoding(), "UTF-8");
    let rows = rows(&mut reader, &[Column::Unit]);
    assert_eq!(rows[1].1, [some("Itä")]);
    assert_eq!(reader.encoding(), "Windows-1252");
}

#[test]
fn explicit_utf8_reports_invalid_bytes_as_a_row_problem() {
    let options = InputOptions {
        encoding: EncodingChoice::Utf8,
        ..InputOptions::default()
    };
    let file = b"case_id;Unit;pending_date\nA-1;Koti;1.1.2026\nA-2;Salainen It\xe4;2.1.2026\nA-3;It\xc3\xa4;3.1.2026\n";
    let mut reader = read(file, &options).unwrap();
    assert_eq!(reader.encoding(), "UTF-8");
    assert_eq!(reader.next_row().unwrap().unwrap().line(), 2);
    let problem = row_problem(reader.next_row());
    assert_eq!(problem.line, 3);
    // Bytes that are not UTF-8: the cell as the file names it.
    assert_eq!(
        problem.column,
        Some(ColumnRef::Header {
            index: 1,
            header: "Unit".into()
        })
    );
    assert!(
        problem.problem.to_string().contains("not valid UTF-8"),
        "{problem}"
    );
    assert!(
        problem
            .problem
            .to_string()
            .contains("--encoding windows-1252"),
        "{problem}"
    );
    assert!(!problem.to_string().contains("Salainen"));
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!(
        (row.line(), row.get(Column::Unit).as_deref()),
        (4, Some("Itä"))
    );
}

#[test]
fn explicit_windows_1252_decodes_every_field_as_windows_1252() {
    let options = InputOptions {
        encoding: EncodingChoice::Windows1252,
        ..InputOptions::default()
    };
    let mut reader = read(b"pending_date;unit\n1.1.2026;\xc3\xa4\n", &options).unwrap();
    assert_eq!(reader.encoding(), "Windows-1252");
    assert_eq!(rows(&mut reader, &[Column::Unit])[0].1, [some("Ã¤")]);
}

#[test]
fn tab_delimited_is_sniffed() {
    let mut reader = open(b"case_id\tpending_date\tunit\nA-1\t1.1.2026\tKoti, hoito; Y\n");
    assert_eq!(reader.delimiter(), b'\t');
    assert_eq!(
        rows(&mut reader, &[Column::CaseId, Column::Unit])[0].1,
        [some("A-1"), some("Koti, hoito; Y")]
    );
}

#[test]
fn comma_delimited_is_sniffed_ignoring_quoted_delimiters() {
    let mut reader = open(b"\"Case; id; here\",pending_date,unit\nA-1,1.1.2026,Koti\n");
    assert_eq!(reader.delimiter(), b',');
    assert_eq!(reader.headers()[0], "Case; id; here");
    assert_eq!(rows(&mut reader, &[Column::Unit])[0].1, [some("Koti")]);
    // A tie goes to `;`, then `,`.
    assert_eq!(open(b"pending_date;a,b\n").delimiter(), b';');
    assert_eq!(open(b"pending_date,a\tb\n").delimiter(), b',');
    assert_eq!(open(b"pending_date\n").delimiter(), b';');
}

#[test]
fn sep_line_sets_the_delimiter_and_keeps_line_numbers() {
    let mut reader =
        open(b"\xef\xbb\xbfsep=,\r\ncase_id,pending_date\r\nA-1,1.1.2026\r\nA-2,2.1.2026\r\n");
    assert_eq!(reader.delimiter(), b',');
    assert_eq!(reader.headers(), ["case_id", "pending_date"]);
    assert_eq!(lines(&mut reader), [3, 4]);
    // As Excel re-saves it: quoted, or padded with delimiters; a tab.
    assert_eq!(open(b"\"sep=;\"\npending_date;a,b,c\n").delimiter(), b';');
    assert_eq!(open(b"sep=;;;\npending_date;a,b,c\n").delimiter(), b';');
    assert_eq!(open(b"SEP=\t\npending_date\ta\n").delimiter(), b'\t');
}

#[test]
fn a_given_delimiter_wins_over_sniffing_and_sep_lines() {
    let options = InputOptions {
        delimiter: Some(b'|'),
        ..InputOptions::default()
    };
    let mut reader = read(b"sep=;\npending_date|unit;x\n1.1.2026|a;b\n", &options).unwrap();
    assert_eq!(reader.delimiter(), b'|');
    assert_eq!(reader.headers(), ["pending_date", "unit;x"]);
    assert_eq!(
        rows(&mut reader, &[Column::PendingDate])[0],
        (3, vec![some("1.1.2026")])
    );
}

#[test]
fn column_override_maps_an_unknown_header() {
    let options = InputOptions {
        columns: vec![(Column::PendingDate, "saapunut".into())],
        ..InputOptions::default()
    };
    let mut reader = read(b"Nimi;Saapunut\nx;1.1.2026\n", &options).unwrap();
    assert!(reader.has_column(Column::PendingDate));
    assert_eq!(reader.header_of(Column::PendingDate), Some("Saapunut"));
    assert_eq!(
        rows(&mut reader, &[Column::PendingDate])[0].1,
        [some("1.1.2026")]
    );
}

#[test]
fn column_override_beats_a_built_in_name_without_a_duplicate() {
    let options = InputOptions {
        columns: vec![(Column::PendingDate, "Saapunut".into())],
        ..InputOptions::default()
    };
    let mut reader = read(b"Vireilletulopvm;Saapunut\n1.1.2026;2.2.2026\n", &options).unwrap();
    assert_eq!(
        rows(&mut reader, &[Column::PendingDate])[0].1,
        [some("2.2.2026")]
    );
    // A header that --column gives to another column is no longer read by its own name.
    let options = InputOptions {
        columns: vec![
            (Column::StartedDate, "Vireilletulopvm".into()),
            (Column::PendingDate, "Saapunut".into()),
        ],
        ..InputOptions::default()
    };
    let reader = read(b"Vireilletulopvm;Saapunut\n", &options).unwrap();
    assert_eq!(
        reader.header_of(Column::StartedDate),
        Some("Vireilletulopvm")
    );
    assert_eq!(reader.header_of(Column::PendingDate), Some("Saapunut"));
}

#[test]
fn column_override_for_a_header_not_in_the_file_is_fatal() {
    let options = InputOptions {
        columns: vec![(Column::PendingDate, "Saapunut".into())],
        ..InputOptions::default()
    };
    let error = read(b"Vireilletulopvm;Nimi\n", &options).unwrap_err();
    assert!(
        matches!(error, InputError::MappedColumnNotFound { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("Saapunut"), "{message}");
    assert!(
        message.contains("\"Vireilletulopvm\", \"Nimi\""),
        "{message}"
    );
}

#[test]
fn missing_pending_date_lists_the_headers_found() {
    let error = read(
        b"Asiatunnus;Yksikk\xf6;Pvm\nA-1;Salainen;1.1.2026\n",
        &InputOptions::default(),
    )
    .unwrap_err();
    match &error {
        InputError::MissingColumn { column, found, .. } => {
            assert_eq!(*column, "pending_date");
            assert_eq!(found, &["Asiatunnus", "Yksikkö", "Pvm"]);
        }
        other => panic!("{other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains("cases.csv"), "{message}");
    assert!(message.contains("pending_date"), "{message}");
    assert!(
        message.contains("\"Asiatunnus\", \"Yksikkö\", \"Pvm\""),
        "{message}"
    );
    assert!(message.contains("--column pending_date="), "{message}");
    assert!(message.contains("Vireilletulopvm"), "{message}");
    assert!(!message.contains("Salainen"));
}

#[test]
fn headers_in_messages_are_safe_for_a_terminal() {
    let mut file = b"\x1b[31mred\x07;".to_vec();
    file.extend([b'h'; 100]);
    file.push(b'\n');
    let message = read(&file, &InputOptions::default())
        .unwrap_err()
        .to_string();
    assert!(!message.chars().any(char::is_control), "{message:?}");
    assert!(message.contains("\"?[31mred?\""), "{message}");
    assert!(
        message.contains(&format!("\"{}…\"", "h".repeat(60))),
        "{message}"
    );
}

#[test]
fn missing_column_with_one_header_suggests_the_delimiter() {
    let options = InputOptions {
        delimiter: Some(b','),
        ..InputOptions::default()
    };
    let message = read(b"Asiatunnus;Vireilletulopvm\n", &options)
        .unwrap_err()
        .to_string();
    assert!(message.contains("--delimiter"), "{message}");
}

#[test]
fn two_headers_for_one_column_are_fatal_and_named() {
    let error = read(b"Vireilletulopvm;Saapumispvm\n", &InputOptions::default()).unwrap_err();
    assert!(matches!(
        error,
        InputError::DuplicateColumn {
            column: "pending_date",
            ..
        }
    ));
    let message = error.to_string();
    assert!(message.contains("\"Vireilletulopvm\""), "{message}");
    assert!(message.contains("\"Saapumispvm\""), "{message}");
    assert!(message.contains("--column pending_date="), "{message}");
}

#[test]
fn empty_file_is_fatal() {
    for file in [
        &b""[..],
        b"\xef\xbb\xbf",
        b"  \r\n\n\t\n",
        b"sep=;\r\n",
        b"\xef\xbb\xbf\n\nsep=,\n\n",
    ] {
        let error = read(file, &InputOptions::default()).unwrap_err();
        assert!(
            matches!(error, InputError::Empty { .. }),
            "{file:?}: {error:?}"
        );
        assert!(error.to_string().contains("cases.csv is empty"), "{error}");
        assert!(error.to_string().contains("header row"), "{error}");
    }
    let error = read(b";;;\n1;2;3\n", &InputOptions::default()).unwrap_err();
    assert!(matches!(error, InputError::NoHeader { .. }), "{error:?}");
}

#[test]
fn header_only_has_no_rows() {
    for file in [
        &b"pending_date;unit\n"[..],
        b"pending_date;unit",
        b"pending_date;unit\r\n\r\n;\r\n",
    ] {
        let mut reader = open(file);
        assert_eq!(reader.headers(), ["pending_date", "unit"]);
        assert!(reader.next_row().is_none());
        assert!(reader.next_row().is_none(), "stays at the end");
    }
}

#[test]
fn unknown_columns_are_ignored() {
    let mut reader = open(b"Nimi;pending_date;Osoite;Puhelin;Muuta\nSalainen;1.1.2026;x;y;z\n");
    assert_eq!(reader.headers().len(), 5);
    assert!(Column::ALL
        .iter()
        .all(|&column| reader.has_column(column) == (column == Column::PendingDate)));
    let row = reader.next_row().unwrap().unwrap();
    assert!(
        !format!("{row:?}").contains("Salainen"),
        "a debug print shows no value"
    );
    assert_eq!((row.field_count(), row.expected_fields()), (5, 5));
    assert_eq!(row.get(Column::PendingDate).as_deref(), Some("1.1.2026"));
}

#[test]
fn short_and_long_rows_are_read_with_their_width() {
    let mut reader = open(b"case_id;unit;pending_date\nA-1;Koti\nA-2;Koti;1.1.2026;extra\n");
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!((row.field_count(), row.expected_fields()), (2, 3));
    assert_eq!(row.get(Column::Unit).as_deref(), Some("Koti"));
    assert_eq!(row.get(Column::PendingDate), None, "the row is too short");
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!((row.field_count(), row.expected_fields()), (4, 3));
    assert_eq!(row.get(Column::PendingDate).as_deref(), Some("1.1.2026"));
}

#[test]
fn values_are_trimmed_of_spaces_and_no_break_spaces() {
    let mut reader =
        open(b" pending_date ; Unit \n  1.1.2026\t;\xc2\xa0Koti \n2.1.2026; \xa0It\xe4\xa0 \n");
    assert_eq!(reader.headers(), ["pending_date", "Unit"]);
    let rows = rows(&mut reader, &[Column::PendingDate, Column::Unit]);
    assert_eq!(rows[0].1, [some("1.1.2026"), some("Koti")]);
    assert_eq!(rows[1].1, [some("2.1.2026"), some("Itä")]);
    let mut reader = open(b"pending_date;unit\n1.1.2026;a\n");
    let row = reader.next_row().unwrap().unwrap();
    assert_eq!(row.bytes(Column::PendingDate), Some(&b"1.1.2026"[..]));
}

#[test]
fn quoted_fields_with_delimiters_and_newlines() {
    let file = b"case_id;pending_date;unit\n\
\"A;1\";\"3.11.2026\";\"Koti\nhoito \"\"It\xc3\xa4\"\"\"\n\
B;4.11.2026;\"\"\n\
\"C\r\n\r\n\";5.11.2026;x\"y\n";
    let mut reader = open(file);
    let rows = rows(
        &mut reader,
        &[Column::CaseId, Column::PendingDate, Column::Unit],
    );
    assert_eq!(
        rows,
        [
            (
                2,
                vec![some("A;1"), some("3.11.2026"), some("Koti\nhoito \"Itä\"")]
            ),
            (4, vec![some("B"), some("4.11.2026"), some("")]),
            (5, vec![some("C"), some("5.11.2026"), some("x\"y")]),
        ]
    );
}

#[test]
fn line_numbers_count_physical_lines() {
    let file = b"\r\n\
pending_date;unit\r\n\
1.1.2026;a\r\n\
\r\n\
;\r\n\
  ;  \r\n\
2.1.2026;\"b\r\n\
b\"\r\n\
\n\
3.1.2026;c";
    assert_eq!(lines(&mut open(file)), [3, 7, 10]);
}

#[test]
fn crlf_and_lf_both_work() {
    let lf = b"case_id;pending_date\nA;1.1.2026\nB;2.1.2026\n";
    let crlf = b"case_id;pending_date\r\nA;1.1.2026\r\nB;2.1.2026\r\n";
    let cr = b"case_id;pending_date\rA;1.1.2026\rB;2.1.2026\r";
    let expected = vec![
        (2, vec![some("A"), some("1.1.2026")]),
        (3, vec![some("B"), some("2.1.2026")]),
    ];
    let columns = [Column::CaseId, Column::PendingDate];
    assert_eq!(rows(&mut open(lf), &columns), expected);
    assert_eq!(rows(&mut open(crlf), &columns), expected);
    assert_eq!(
        rows(&mut open(cr), &columns),
        expected,
        "a lone CR ends a line too"
    );
}

#[test]
fn unclosed_quote_is_a_row_problem_then_the_end() {
    let mut reader =
        open(b"case_id;pending_date;unit\nA;1.1.2026;x\nB;2.1.2026;\"Salainen\nC;3.1.2026;y\n");
    assert_eq!(reader.next_row().unwrap().unwrap().line(), 2);
    let problem = row_problem(reader.next_row());
    assert_eq!(problem.line, 3);
    assert_eq!(problem.column, Some(ColumnRef::Known(Column::Unit)));
    assert!(
        problem.problem.to_string().contains("never closed"),
        "{problem}"
    );
    assert!(problem.problem.to_string().contains("line 3"), "{problem}");
    assert!(!problem.to_string().contains("Salainen"));
    assert!(reader.next_row().is_none());
}

#[test]
fn unclosed_quote_in_the_header_is_fatal() {
    let error = read(
        b"case_id;\"pending_date\nA;1.1.2026\n",
        &InputOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(error, InputError::UnclosedQuote { line: 1, .. }),
        "{error:?}"
    );
}

/// Bytes from `prefix`, then `filler` without end.
fn endless(prefix: &'static [u8], filler: u8) -> Box<dyn Read + Send> {
    Box::new(Cursor::new(prefix).chain(std::io::repeat(filler)))
}

#[test]
fn endless_rows_are_fatal_instead_of_filling_memory() {
    let options = InputOptions::default();
    let mut reader = CaseReader::from_reader(
        endless(b"pending_date\n1.1.2026\nx", b'a'),
        "junk",
        &options,
    )
    .unwrap();
    assert_eq!(reader.next_row().unwrap().unwrap().line(), 2);
    match reader.next_row() {
        Some(Err(ReadError::Fatal(error @ InputError::RowTooLong { line: 3, .. }))) => {
            assert!(error.to_string().contains("line 3 of junk"), "{error}");
        }
        other => panic!("{:?}", other.map(|row| row.map(|row| row.line()))),
    }
    assert!(reader.next_row().is_none());

    let mut reader =
        CaseReader::from_reader(endless(b"pending_date\n\n\"", b'a'), "junk", &options).unwrap();
    assert!(matches!(
        reader.next_row(),
        Some(Err(ReadError::Fatal(InputError::UnclosedQuote {
            line: 3,
            ..
        })))
    ));
    let error = CaseReader::from_reader(endless(b"", b';'), "junk", &options).unwrap_err();
    assert!(
        matches!(error, InputError::RowTooLong { line: 1, .. }),
        "{error:?}"
    );
    const { assert!(MAX_ROW_BYTES >= 1024 * 1024) };
}

#[test]
fn workbooks_and_utf16_are_recognised() {
    for (file, what) in [
        (&b"PK\x03\x04\x14\x00"[..], "xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "xls"),
        (b"\xff\xfep\x00e\x00", "UTF-16"),
    ] {
        let error = read(file, &InputOptions::default()).unwrap_err();
        assert!(matches!(error, InputError::NotCsv { .. }), "{error:?}");
        let message = error.to_string();
        assert!(
            message.contains(what) && message.contains("CSV UTF-8"),
            "{message}"
        );
    }
}

#[test]
fn open_reads_files_and_explains_what_cannot_be_opened() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tapaukset.csv");
    std::fs::write(&path, b"Vireilletulopvm;Yksikk\xf6\n1.1.2026;It\xe4\n").unwrap();
    let mut reader = CaseReader::open(&path, &InputOptions::default()).unwrap();
    assert_eq!(rows(&mut reader, &[Column::Unit])[0].1, [some("Itä")]);

    let missing = CaseReader::open(&folder.path().join("puuttuu.csv"), &InputOptions::default());
    let message = missing.unwrap_err().to_string();
    assert!(
        message.contains("puuttuu.csv") && message.contains("not found"),
        "{message}"
    );

    let message = CaseReader::open(folder.path(), &InputOptions::default())
        .unwrap_err()
        .to_string();
    assert!(message.contains("folder"), "{message}");

    let error = CaseReader::open(&folder.path().join("empty.csv"), &InputOptions::default());
    assert!(matches!(error, Err(InputError::Open { .. })));
    std::fs::write(folder.path().join("empty.csv"), b"").unwrap();
    let error = CaseReader::open(&folder.path().join("empty.csv"), &InputOptions::default());
    assert!(matches!(error, Err(InputError::Empty { .. })));
}

#[test]
fn flags_accept_every_spelling() {
    for yes in [
        "1", "true", "TRUE", "yes", "Yes", "kyllä", "KYLLÄ", "Kylla", "k", "K", "x", "X", "y", "Y",
        " kyllä ",
    ] {
        assert_eq!(parse_flag(yes), Ok(true), "{yes:?}");
    }
    for no in [
        "0", "false", "False", "no", "NO", "ei", "Ei", "e", "E", "n", "N", "", "  ",
    ] {
        assert_eq!(parse_flag(no), Ok(false), "{no:?}");
    }
    for neither in ["2", "maybe", "kyl", "eii", "jaa", "-", "xx", "1.0"] {
        let message = parse_flag(neither).unwrap_err().to_string();
        assert_eq!(
            message,
            "is not yes or no: write 1/0, kyllä/ei, ja/nej, k/e, x or leave it empty"
        );
    }
}

#[test]
fn command_line_values_parse() {
    assert_eq!(parse_delimiter(";"), Ok(b';'));
    assert_eq!(parse_delimiter(","), Ok(b','));
    assert_eq!(parse_delimiter("|"), Ok(b'|'));
    assert_eq!(parse_delimiter("tab"), Ok(b'\t'));
    assert_eq!(parse_delimiter("TAB"), Ok(b'\t'));
    assert_eq!(parse_delimiter("\\t"), Ok(b'\t'));
    assert_eq!(parse_delimiter("\t"), Ok(b'\t'));
    assert!(parse_delimiter(":").unwrap_err().contains("tab"));
    assert!(parse_delimiter("").is_err());

    assert_eq!(
        parse_column_mapping("pending_date=Saapunut"),
        Ok((Column::PendingDate, "Saapunut".to_owned()))
    );
    assert_eq!(
        parse_column_mapping("Vireilletulopvm = Saapunut pvm"),
        Ok((Column::PendingDate, "Saapunut pvm".to_owned()))
    );
    assert!(parse_column_mapping("pending_date")
        .unwrap_err()
        .contains("COLUMN=HEADER"));
    assert!(parse_column_mapping("nimi=x")
        .unwrap_err()
        .contains("pending_date"));
    assert!(parse_column_mapping("pending_date=").is_err());

    // The spellings of `--encoding` are the command line's: src/cli/choices.rs tests them.
    assert_eq!(EncodingChoice::default(), EncodingChoice::Auto);
}

#[test]
fn errors_never_contain_values() {
    let secret = "Salainen010203";
    let files: Vec<Vec<u8>> = vec![
        format!("pending_date;unit\n1.1.2026;\"{secret}\n").into_bytes(),
        format!("pending_date;unit\n1.1.2026;{secret}\u{e4}\n")
            .into_bytes()
            .into_iter()
            .map(|byte| if byte == 0xc3 { 0xe4 } else { byte })
            .collect(),
    ];
    let options = InputOptions {
        encoding: EncodingChoice::Utf8,
        ..InputOptions::default()
    };
    for file in files {
        let mut reader = read(&file, &options).unwrap();
        while let Some(row) = reader.next_row() {
            if let Err(error) = row {
                assert!(!error.to_string().contains(secret), "{error}");
                assert!(!format!("{error:?}").contains(secret), "{error:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn binary_junk_does_not_panic(
        junk in proptest::collection::vec(any::<u8>(), 0..600),
        prefix in prop_oneof![
            Just(&b""[..]),
            Just(&b"pending_date;unit\n"[..]),
            Just(&b"\xef\xbb\xbfsep=,\npending_date,x\n"[..]),
        ],
        encoding in prop_oneof![
            Just(EncodingChoice::Auto),
            Just(EncodingChoice::Utf8),
            Just(EncodingChoice::Windows1252),
        ],
    ) {
        let mut file = prefix.to_vec();
        file.extend(&junk);
        let options = InputOptions { encoding, ..InputOptions::default() };
        if let Ok(mut reader) = read(&file, &options) {
            let mut last_line = 0;
            let mut count = 0;
            while let Some(row) = reader.next_row() {
                count += 1;
                prop_assert!(count <= file.len());
                if let Ok(row) = row {
                    prop_assert!(row.line() >= last_line.max(2));
                    last_line = row.line();
                    // Replacement characters only where the file has them, or under --encoding utf-8.
                    let replacement = char::REPLACEMENT_CHARACTER;
                    let file_has_one = file.windows(3).any(|bytes| bytes == b"\xef\xbf\xbd");
                    for column in Column::ALL {
                        if let Some(value) = row.get(column) {
                            let allowed = encoding == EncodingChoice::Utf8 || file_has_one;
                            prop_assert!(allowed || !value.contains(replacement));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn generated_rows_report_the_line_they_start_on(
        cells in proptest::collection::vec(
            (prop_oneof![Just(""), Just("a"), Just("a;b"), Just("a\nb"), Just("a\r\n\r\nb"), Just("\"q\"")],
             0usize..3,
             any::<bool>()),
            1..30,
        ),
    ) {
        // Each generated row: a cell (quoted when needed), blank lines after it, CRLF or LF.
        let mut file = String::from("pending_date;unit\n");
        let mut line = 2u64;
        let mut expected = Vec::new();
        for (cell, blanks, crlf) in &cells {
            let end = if *crlf { "\r\n" } else { "\n" };
            let quoted = format!("\"{}\"", cell.replace('"', "\"\""));
            file.push_str(&format!("1.1.2026;{quoted}{end}"));
            expected.push((line, vec![some(cell.trim())]));
            line += 1 + cell.matches('\n').count() as u64;
            for _ in 0..*blanks {
                file.push_str(end);
                line += 1;
            }
        }
        prop_assert_eq!(rows(&mut open(file.as_bytes()), &[Column::Unit]), expected);
    }
}
