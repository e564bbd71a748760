//! `--format xlsx`: real workbooks, read back here with calamine (cell types, sheets, headers
//! in `--lang`, text never a formula); their formats, frozen header, filter and fills are checked
//! with openpyxl, and LibreOffice's reading of them, by the ignored tests at the end.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::run;

const AS_OF: &str = "23.11.2026";

fn write_csv(dir: &Path, file: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs a command writing a workbook to `out`; returns its exit code and stderr.
fn write_workbook(args: &[&str], out: &Path) -> (i32, String) {
    let mut all = args.to_vec();
    all.extend(["--as-of", AS_OF, "--format", "xlsx", "--output", s(out)]);
    let (code, stdout, stderr) = run(&all, b"");
    assert!(stdout.is_empty(), "{stdout}");
    (code, stderr)
}

fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
}

/// The row whose first cells are `line` (a number) and `case_id`.
fn row_of<'a>(range: &'a calamine::Range<Data>, case_id: &str) -> &'a [Data] {
    range
        .rows()
        .find(|row| row.get(1) == Some(&Data::String(case_id.into())))
        .unwrap_or_else(|| panic!("no row for {case_id}"))
}

fn date_of(cell: &Data) -> (u16, u8, u8) {
    match cell {
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            (y, m, d)
        }
        other => panic!("not a date cell: {other:?}"),
    }
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(n) => *n as f64,
        other => panic!("not a number cell: {other:?}"),
    }
}

#[test]
fn a_workbook_is_written_only_to_a_file() {
    let (code, stdout, stderr) = run(
        &[
            "audit",
            "samples/cases-fi.csv",
            "--as-of",
            AS_OF,
            "--format",
            "xlsx",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("--output FILE.xlsx"), "{stderr}");
    let (code, _, stderr) = run(
        &[
            "audit",
            "samples/cases-fi.csv",
            "--format",
            "xlsx",
            "--excel",
            "-o",
            "x.xlsx",
        ],
        b"",
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("--format xlsx"), "{stderr}");
}

#[test]
fn the_audit_workbook_has_dates_numbers_and_headers_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", "samples/cases-fi.csv", "--lang", "fi"], &out);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sheet_names(&out),
        [
            "asiat",
            "myöhässä ja pian",
            "yhteenveto",
            "virheelliset rivit"
        ]
    );
    let cases = sheet(&out, "asiat");
    let header: Vec<String> = cases
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[1], "asiatunnus", "{header:?}");
    assert!(header.contains(&"tilannepäivä".to_string()), "{header:?}");
    // SH-2026-0104 (samples/cases.csv): pending 5.11.2026, aged over 75, start by 16.11.2026,
    // overdue by 5 working days on 23.11.2026.
    let row = row_of(&cases, "SH-2026-0104");
    assert_eq!(number(&row[0]), 5.0, "the line");
    assert_eq!(date_of(&row[3]), (2026, 11, 5));
    assert_eq!(row[4], Data::String("yli 75-vuotias".into()));
    assert_eq!(date_of(&row[5]), (2026, 11, 16));
    assert_eq!(row[6], Data::String("määräaika ylittynyt".into()));
    assert_eq!(number(&row[9]), 5.0);
    assert_eq!(date_of(&row[19]), (2026, 11, 23), "the as-of date");
    // One row per case of the list: 20 cases.
    assert_eq!(cases.height(), 1 + 20);
    let overdue = sheet(&out, "myöhässä ja pian");
    assert!(overdue
        .rows()
        .skip(1)
        .any(|r| r.get(1) == Some(&Data::String("SH-2026-0104".into()))));
    assert!(overdue
        .rows()
        .skip(1)
        .all(|r| r.get(1) != Some(&Data::String("SH-2026-0101".into()))));
    let summary = sheet(&out, "yhteenveto");
    let text: Vec<Vec<String>> = summary
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let find = |label: &str| {
        summary
            .rows()
            .find(|r| r.first().map(|c| c.to_string()) == Some(label.into()))
            .unwrap_or_else(|| panic!("no {label} in {text:?}"))
    };
    assert_eq!(date_of(&find("tilannepäivä")[1]), (2026, 11, 23));
    assert_eq!(number(&find("käsiteltyjä asioita")[1]), 20.0);
    assert!(matches!(
        find("määräaika ylittynyt")[1],
        Data::Float(_) | Data::Int(_)
    ));
    let share = number(&find("ajoissa %")[1]);
    assert!(
        (0.0..=1.0).contains(&share),
        "a share as a fraction: {share}"
    );
}

#[test]
fn input_text_is_written_as_text_never_as_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_csv(
        dir.path(),
        "cases.csv",
        "case_id,unit,pending_date,age\n=1+1,@SUM(A1),2026-11-02,80\n+3,-cmd,2026-11-03,\n",
    );
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", s(&list)], &out);
    assert_eq!(code, 0, "{err}");
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(
        formulas.used_cells().next().is_none(),
        "no formula in the sheet"
    );
    let cases = book.worksheet_range(&name).unwrap();
    assert_eq!(row_of(&cases, "=1+1")[2], Data::String("@SUM(A1)".into()));
    assert_eq!(row_of(&cases, "+3")[2], Data::String("-cmd".into()));
}

#[test]
fn invalid_rows_are_listed_on_their_own_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_csv(
        dir.path(),
        "cases.csv",
        "case_id,pending_date\nA-1,2026-11-02\nA-2,31.2.2026\nA-3,2026-11-04\n",
    );
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", s(&list)], &out);
    assert_eq!(code, 3, "{err}");
    let cases = sheet(&out, "cases");
    assert_eq!(cases.height(), 3);
    let invalid = sheet(&out, "invalid rows");
    assert_eq!(invalid.height(), 2);
    let row: Vec<&Data> = invalid.rows().nth(1).unwrap().iter().collect();
    assert_eq!(number(row[0]), 3.0);
    assert_eq!(row[1].to_string(), "pending_date");
    assert_eq!(row[2].to_string(), "A-2");
    assert!(row[3].to_string().contains("is not a real date"), "{row:?}");
}

#[test]
fn the_overdue_and_summary_workbooks_have_their_tables() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("overdue.xlsx");
    let (code, err) = write_workbook(
        &[
            "overdue",
            "samples/cases.csv",
            "--due-within",
            "2",
            "--lang",
            "sv",
        ],
        &out,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sheet_names(&out),
        ["ärenden", "sammandrag", "felaktiga rader"]
    );
    let listed = sheet(&out, "ärenden");
    // The README's morning list: SH-2026-0108, -0104, -0106, -0103, in that order.
    let ids: Vec<String> = listed.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert_eq!(
        ids,
        [
            "SH-2026-0108",
            "SH-2026-0104",
            "SH-2026-0106",
            "SH-2026-0103"
        ]
    );

    let out = dir.path().join("summary.xlsx");
    let (code, err) = write_workbook(&["summary", "samples/cases.csv", "--by", "unit"], &out);
    assert_eq!(code, 0, "{err}");
    let table = sheet(&out, "summary");
    let header: Vec<String> = table
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(&header[..3], ["unit", "group", "cases"]);
    let row = table
        .rows()
        .find(|r| r[0] == "Seniorineuvonta" && r[1] == "all")
        .expect("the unit's total row");
    assert!(number(&row[2]) >= 1.0);
}

/// `thl --format xlsx` on the crafted list of tests/cli_thl.rs (its counts are worked out by
/// hand there): a sheet of the report, a row per unit and all.
fn thl_workbook(dir: &Path, lang: &str) -> PathBuf {
    let out = dir.join("thl.xlsx");
    let mut args = vec![
        "thl",
        "tests/data/thl_crafted.csv",
        "--period",
        "1.4.2026..30.9.2026",
        "--by",
        "unit",
        "--lang",
        lang,
        "--format",
        "xlsx",
        "--output",
    ];
    args.push(s(&out));
    args.extend(["--as-of", "8.10.2026"]);
    let (code, stdout, err) = run(&args, b"");
    assert_eq!(code, 3, "the crafted list's one invalid row: {err}");
    assert!(stdout.is_empty(), "{stdout}");
    out
}

#[test]
fn the_thl_workbook_has_dates_counts_and_shares_with_headers_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = thl_workbook(dir.path(), "fi");
    assert_eq!(sheet_names(&out), ["THL"]);
    let report = sheet(&out, "THL");
    let header = header_of(&report);
    // The period, the as-of date and the reading hold for every row: said once under the
    // table, not repeated on each row.
    assert_eq!(&header[..3], ["yksikkö", "vireille", "aloitettu ajassa"]);
    let row = |unit: &str| {
        report
            .rows()
            .find(|r| r[0] == unit)
            .unwrap_or_else(|| panic!("no row for {unit}"))
            .to_vec()
    };
    // Itä: 3 pending, 1 within, 1 late, 1 not started overdue, 0 within; exceeded 2 = 66.7 %;
    // 1 completed, within.
    let ita = row("Itä");
    let counts: Vec<f64> = ita[1..7].iter().map(number).collect();
    assert_eq!(counts, [3.0, 1.0, 1.0, 1.0, 0.0, 2.0]);
    assert!(
        (number(&ita[7]) - 0.667).abs() < 1e-9,
        "a share as a fraction"
    );
    let counts: Vec<f64> = ita[8..11].iter().map(number).collect();
    assert_eq!(counts, [1.0, 1.0, 0.0]);
    let all = row("kaikki");
    assert_eq!(number(&all[1]), 6.0);
    assert!((number(&all[11]) - 0.333).abs() < 1e-9);
    assert_eq!(date_of(&row("alkaen")[1]), (2026, 4, 1));
    assert_eq!(date_of(&row("päättyen")[1]), (2026, 9, 30));
    assert_eq!(date_of(&row("tilannepäivä")[1]), (2026, 10, 8));
    assert_eq!(
        header_of(&sheet(&thl_workbook(dir.path(), "sv"), "THL"))[0],
        "enhet"
    );
}

/// A list recording the decision and the service (tests/cli_chain.rs's).
const CHAIN_LIST: &str = "\
Asiatunnus;Vireilletulopvm;Vammainen;Päätöspvm;Palvelu alkanut;Iäkäs henkilö
A;1.10.2024;kyllä;20.1.2025;10.2.2025;ei
B;1.6.2026;ei;15.8.2026;;kyllä
C;1.6.2026;ei;;;ei
";

/// The header row of a sheet, as text.
fn header_of(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

#[test]
fn a_list_with_decision_and_service_columns_gets_their_columns_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_csv(dir.path(), "chain.csv", CHAIN_LIST);
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", s(&list), "--lang", "fi"], &out);
    assert_eq!(code, 0, "{err}");
    let cases = sheet(&out, "asiat");
    let header = header_of(&cases);
    // The 20 columns of the audit, then 5 for the decision and 5 for the service.
    assert_eq!(header.len(), 30, "{header:?}");
    assert_eq!(header[19], "tilannepäivä", "{header:?}");
    assert_eq!(header[20], "päätös viimeistään", "{header:?}");
    assert_eq!(header[22], "päätös myöhässä, arkipäiviä", "{header:?}");
    assert_eq!(header[25], "palvelu alkaa viimeistään", "{header:?}");
    assert_eq!(header[26], "palvelun alkamisen tila", "{header:?}");
    assert_eq!(
        header[29], "palvelun alkamisen määräaika ylittynyt, arkipäiviä",
        "{header:?}"
    );
    // A: disabled, pending 1.10.2024: the decision due Thursday 2.1.2025 (1.1. is New Year's
    // Day), made 20.1.2025: late by 11 working days.
    let a = row_of(&cases, "A");
    assert_eq!(date_of(&a[20]), (2025, 1, 2));
    assert_eq!(a[21], Data::String("tehty myöhässä".into()));
    assert_eq!(number(&a[22]), 11.0);
    assert_eq!(a[23], Data::Empty, "nothing remains of a decision made");
    // B: aged over 75, decided Saturday 15.8.2026: the service due Tuesday 1.9.2026, not begun
    // by 23.11.2026: overdue by the 59 weekdays after it (no weekday holiday in between).
    let b = row_of(&cases, "B");
    assert_eq!(
        b[21],
        Data::String("ei määräaikaa".into()),
        "no decision deadline"
    );
    assert_eq!(date_of(&b[25]), (2026, 9, 1));
    assert_eq!(b[26], Data::String("määräaika ylittynyt".into()));
    assert_eq!(number(&b[29]), 59.0);
    // B's start has no deadline: its overdue service alone puts it with the overdue ones; C
    // has nothing overdue.
    let overdue = sheet(&out, "myöhässä ja pian");
    assert_eq!(header_of(&overdue).len(), 30);
    let ids: Vec<String> = overdue.rows().skip(1).map(|r| r[1].to_string()).collect();
    assert!(ids.contains(&"B".to_string()), "{ids:?}");
    assert!(!ids.contains(&"C".to_string()), "{ids:?}");
    assert_eq!(row_of(&overdue, "B")[29], Data::Float(59.0));

    // The morning list too.
    let out = dir.path().join("overdue.xlsx");
    let (code, err) = write_workbook(&["overdue", s(&list)], &out);
    assert_eq!(code, 0, "{err}");
    let listed = sheet(&out, "cases");
    // The audit's 30 columns, and the four that say why the case is on the list: B's service,
    // due 1.9.2026, 59 working days over.
    let header = header_of(&listed);
    assert_eq!(header.len(), 34);
    assert_eq!(
        header[30..],
        [
            "reason",
            "reason status",
            "reason deadline",
            "reason working days"
        ]
    );
    let b = row_of(&listed, "B");
    assert_eq!(date_of(&b[25]), (2026, 9, 1));
    assert_eq!(b[30], Data::String("service".into()));
    assert_eq!(b[31], Data::String("overdue".into()));
    assert_eq!(date_of(&b[32]), (2026, 9, 1));
    assert_eq!(number(&b[33]), 59.0);
}

#[test]
fn a_list_without_decision_columns_keeps_the_workbook_columns_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", "samples/cases.csv"], &out);
    assert_eq!(code, 0, "{err}");
    for name in ["cases", "overdue and due soon"] {
        let header = header_of(&sheet(&out, name));
        assert_eq!(header.len(), 20, "{header:?}");
        assert_eq!(header[19], "as_of", "{header:?}");
    }
}

/// The Python the ignored tests use: `MAARAIKA_PEER_PYTHON` (CI: /tmp/peers/bin/python, with
/// openpyxl), else `python3`.
fn python() -> String {
    std::env::var("MAARAIKA_PEER_PYTHON").unwrap_or_else(|_| "python3".into())
}

#[test]
#[ignore = "needs Python with openpyxl (MAARAIKA_PEER_PYTHON); run by .ci/run"]
fn openpyxl_sees_date_cells_number_formats_a_frozen_header_a_filter_and_fills() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", "samples/cases-fi.csv"], &out);
    assert_eq!(code, 0, "{err}");
    let script = r#"
import sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
cases = book["cases"]
assert cases.freeze_panes == "A2", cases.freeze_panes
assert cases.auto_filter.ref and cases.auto_filter.ref.startswith("A1:"), cases.auto_filter.ref
rows = {row[1].value: row for row in cases.iter_rows(min_row=2)}
late = rows["SH-2026-0104"]
assert isinstance(late[3].value, datetime.datetime), late[3].value
assert late[3].value == datetime.datetime(2026, 11, 5), late[3].value
assert late[3].number_format == "d.m.yyyy", late[3].number_format
assert isinstance(late[0].value, int) and late[0].value == 5, late[0].value
assert late[9].value == 5 and late[9].number_format == "0", (late[9].value, late[9].number_format)
red = late[1].fill.fgColor.rgb
assert red.endswith("FFC7CE"), red
soon = rows["SH-2026-0103"]
assert soon[1].fill.fgColor.rgb.endswith("FFF2CC"), soon[1].fill.fgColor.rgb
met = rows["SH-2026-0101"]
assert met[1].fill.fill_type is None, met[1].fill.fill_type
assert cases.column_dimensions["B"].width >= 12, cases.column_dimensions["B"].width
summary = book["summary"]
shares = [r for r in summary.iter_rows() if r[0].value == "on time %"]
assert shares and shares[0][1].number_format == "0.0%", shares
assert book.properties.title.startswith("maaraika audit"), book.properties.title
assert "23.11.2026" in (book.properties.subject or ""), book.properties.subject
print("ok")
"#;
    run_openpyxl(script, &out);
}

#[test]
#[ignore = "needs Python with openpyxl (MAARAIKA_PEER_PYTHON); run by .ci/run"]
fn openpyxl_sees_the_thl_workbooks_formats_frozen_header_filter_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    let out = thl_workbook(dir.path(), "en");
    let script = r#"
import sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
assert book.sheetnames == ["THL"], book.sheetnames
thl = book["THL"]
assert thl.freeze_panes == "A2", thl.freeze_panes
assert thl.auto_filter.ref == "A1:L4", thl.auto_filter.ref
rows = {row[0].value: row for row in thl.iter_rows(min_row=2, max_row=4)}
all = rows["all"]
assert isinstance(all[1].value, int) and all[1].value == 6 and all[1].number_format == "0", all[1].value
assert abs(all[7].value - 0.333) < 1e-9 and all[7].number_format == "0.0%", all[7].number_format
# The period, the as-of date and the reading once, under the table, the dates as dates.
below = {row[0].value: row[1] for row in thl.iter_rows(min_row=6, max_row=thl.max_row)}
assert below["from"].value == datetime.datetime(2026, 4, 1) and below["from"].number_format == "d.m.yyyy", below["from"].value
assert below["to"].value == datetime.datetime(2026, 9, 30), below["to"].value
assert below["as_of"].value == datetime.datetime(2026, 10, 8), below["as_of"].value
assert book.properties.title.startswith("maaraika thl"), book.properties.title
assert "8.10.2026" in (book.properties.subject or ""), book.properties.subject
print("ok")
"#;
    run_openpyxl(script, &out);
}

/// Runs a Python script on a written workbook (its path is `sys.argv[1]`); it must end by
/// printing `ok`, which it reaches only if every assertion held.
fn run_openpyxl(script: &str, workbook: &Path) {
    let output = Command::new(python())
        .args(["-c", script, s(workbook)])
        .output()
        .expect("MAARAIKA_PEER_PYTHON (or python3) must run");
    assert!(
        output.status.success() && String::from_utf8_lossy(&output.stdout).contains("ok"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn soffice(args: &[&str], dir: &Path) {
    let profile = format!("-env:UserInstallation=file://{}/profile", s(dir));
    let output = Command::new("soffice")
        .arg(profile)
        .args(["--headless", "--norestore"])
        .args(args)
        .args(["--outdir", s(dir)])
        .output()
        .expect("LibreOffice (soffice) must be installed: Debian libreoffice-calc");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
#[ignore = "needs LibreOffice Calc (soffice); run by .ci/run"]
fn libreoffice_converts_our_workbook_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", "samples/cases.csv"], &out);
    assert_eq!(code, 0, "{err}");
    soffice(
        &[
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
            s(&out),
        ],
        dir.path(),
    );
    let csv = std::fs::read_to_string(dir.path().join("audit.csv")).unwrap_or_else(|_| {
        // Older LibreOffice names the first sheet's file after the workbook only.
        std::fs::read_to_string(dir.path().join("audit-cases.csv")).unwrap()
    });
    let (code, reference, err) = run(
        &[
            "audit",
            "samples/cases.csv",
            "--as-of",
            AS_OF,
            "--format",
            "csv",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    // Every case id, unit and status of the audit is in LibreOffice's reading of the sheet.
    let ours: Vec<&str> = reference.lines().skip(1).collect();
    let theirs: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(theirs.len(), ours.len(), "{csv}");
    for (mine, other) in ours.iter().zip(&theirs) {
        let mine: Vec<&str> = mine.split(',').collect();
        assert!(
            other.contains(mine[1]) && other.contains(mine[6]),
            "{other} vs {mine:?}"
        );
    }
    soffice(&["--convert-to", "ods", s(&out)], dir.path());
    assert!(dir.path().join("audit.ods").exists());
}

#[test]
#[ignore = "needs LibreOffice Calc (soffice); run by .ci/run"]
fn workbooks_made_by_libreoffice_audit_as_their_csv_twin() {
    let dir = tempfile::tempdir().unwrap();
    let twin = dir.path().join("cases.csv");
    std::fs::copy("samples/cases.csv", &twin).unwrap();
    let (code, reference, err) = run(
        &["audit", s(&twin), "--as-of", AS_OF, "--format", "csv"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    for format in ["ods", "xls", "xlsx"] {
        soffice(
            &[
                "--infilter=CSV:44,34,76,1",
                "--convert-to",
                format,
                s(&twin),
            ],
            dir.path(),
        );
        let book = dir.path().join(format!("cases.{format}"));
        let (code, out, err) = run(
            &["audit", s(&book), "--as-of", AS_OF, "--format", "csv"],
            b"",
        );
        assert_eq!(code, 0, "{format}: {err}");
        assert_eq!(out, reference, "{format}");
    }
}

/// A file inside a workbook (its zip), as text.
fn part_of(workbook: &Path, name: &str) -> String {
    let file = std::fs::File::open(workbook).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut part = zip.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

/// Workbooks are printed: every sheet is landscape, as wide as one page, with its header row
/// on every page (Excel's print titles); a column is as wide as its data, not as the reading's
/// sentence written under the table.
#[test]
fn workbooks_print_landscape_one_page_wide_with_the_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let list = write_csv(
        dir.path(),
        "cases.csv",
        "case_id,pending_date\nA-1,2026-11-02\nA-2,31.2.2026\nA-3,2026-11-04\n",
    );
    let out = dir.path().join("audit.xlsx");
    let (code, err) = write_workbook(&["audit", s(&list), "--lang", "fi"], &out);
    assert_eq!(code, 3, "{err}");
    let names = sheet_names(&out);
    for index in 1..=names.len() {
        let xml = part_of(&out, &format!("xl/worksheets/sheet{index}.xml"));
        assert!(xml.contains("orientation=\"landscape\""), "{xml}");
        assert!(xml.contains("fitToPage=\"1\""), "{xml}");
        assert!(xml.contains("fitToHeight=\"0\""), "{xml}");
    }
    let book = part_of(&out, "xl/workbook.xml");
    for name in &names {
        let title = format!(
            "{}!$1:$1",
            if name.contains(' ') {
                format!("'{name}'")
            } else {
                name.clone()
            }
        );
        assert!(
            book.contains("_xlnm.Print_Titles") && book.contains(&title),
            "{title}: {book}"
        );
    }
    // The summary's second column holds counts and short words; the reading's sentence under
    // the table must not make it 60 characters wide.
    let summary = names.iter().position(|n| n == "yhteenveto").unwrap() + 1;
    let xml = part_of(&out, &format!("xl/worksheets/sheet{summary}.xml"));
    let second = xml
        .split("<col ")
        .find(|col| col.starts_with("min=\"2\""))
        .unwrap_or_else(|| panic!("{xml}"));
    let width: f64 = second
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert!(width < 40.0, "column B {width} wide: {second}");
}
