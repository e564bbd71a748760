//! CSV meant for people (`--excel`, the `--errors` file) is opened in a spreadsheet: no cell of
//! it may start a formula, whatever the case list holds. Plain CSV and JSON, for programs, keep
//! every text exactly. The last test opens the outputs in a real spreadsheet, LibreOffice Calc.

use std::path::{Path, PathBuf};

use crate::common;

const AS_OF: &str = "23.11.2026";

/// Case ids and units that a spreadsheet would run as formulas.
const FORMULAS: [&str; 7] = [
    "=HYPERLINK(\"http://x\",\"click\")",
    "=1+1",
    "+1+2",
    "@SUM(1+1)",
    "-2+3",
    "=-1",
    "-x",
];

/// A unit with every Finnish (and Swedish) letter, in an overdue case.
const FINNISH: &str = "Sosiaalityö Itä ja Åbo: ÄÖÅ äöå";

/// An age that is not one, quoted in the errors file's messages: Finnish letters there too.
const BAD_AGE: &str = "sata, äöå ÄÖÅ";

/// A case list with a formula in the case id and unit of valid and invalid rows, numbers that
/// are not formulas, and Finnish letters.
fn case_list(dir: &Path) -> PathBuf {
    let mut file = String::from("case_id;unit;pending_date;age;started_date\n");
    for (i, formula) in FORMULAS.iter().enumerate() {
        let quoted = format!("\"{}\"", formula.replace('"', "\"\""));
        file.push_str(&format!("{quoted};{quoted};{}.11.2026;80;\n", i + 2));
        // Invalid: the errors file lists the case id.
        file.push_str(&format!("{quoted};Kotihoito Itä;2.11.2026;{BAD_AGE};\n"));
    }
    file.push_str("-5;+358401234567;3.11.2026;80;\n");
    file.push_str("SH-1;Äänekoski ja Åbo;4.11.2026;80;5.11.2026\n");
    file.push_str("SH-2;Kotihoito Itä;5.11.2026;;\n");
    file.push_str(&format!("SH-3;{FINNISH};6.11.2026;80;\n"));
    let path = dir.join("cases.csv");
    std::fs::write(&path, file).unwrap();
    path
}

/// Whether a spreadsheet would take a cell as a formula: it starts with `=`, `+`, `-`, `@`, a
/// tab or a CR, and is not a number.
fn starts_formula(cell: &str) -> bool {
    let number = |rest: &str| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && rest.ends_with(|c: char| c.is_ascii_digit())
            && rest.matches([',', '.']).count() <= 1
    };
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !number(&cell[1..]),
        _ => false,
    }
}

/// The outputs for people, by name: audit, overdue, summary and thl with `--excel` (in
/// Finnish), and the errors file of each.
fn people_outputs(dir: &Path, cases: &Path) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    for (command, extra) in [
        ("audit", &[][..]),
        ("overdue", &["--due-within", "60"][..]),
        ("summary", &["--by", "unit"][..]),
        (
            "thl",
            &["--by", "unit", "--period", "1.1.2026..31.12.2026"][..],
        ),
    ] {
        let output = dir.join(format!("{command}.csv"));
        let errors = dir.join(format!("{command}-errors.csv"));
        let mut args = vec![
            command,
            cases.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--excel",
            "--lang",
            "fi",
            "--output",
            output.to_str().unwrap(),
            "--errors",
            errors.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, _, stderr) = common::run(&args, b"");
        assert_eq!(code, 3, "{command}: {stderr}");
        files.push((format!("{command} --excel"), output));
        files.push((format!("{command} --errors"), errors));
    }
    files
}

/// The cells of a CSV file: `;` for `--excel` (and its errors file), `,` for plain CSV.
fn cells(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = if text.lines().next().unwrap_or("").contains(';') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| record.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn excel_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let cases = case_list(dir.path());
    for (name, path) in people_outputs(dir.path(), &cases) {
        let cells = cells(&path);
        for cell in cells.iter().flatten() {
            assert!(!starts_formula(cell), "{name}: {cell:?} starts a formula");
        }
        let all: Vec<&str> = cells.iter().flatten().map(String::as_str).collect();
        // The texts are still there, with a `'` in front.
        for formula in FORMULAS {
            let neutralised = format!("'{formula}");
            assert!(all.contains(&neutralised.as_str()), "{name}: {neutralised}");
        }
        if name == "audit --excel" {
            assert!(
                all.contains(&"-5") && all.contains(&"+358401234567"),
                "numbers stay"
            );
        }
    }
}

#[test]
fn plain_csv_and_json_keep_text_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let cases = case_list(dir.path());
    let cases = cases.to_str().unwrap();
    let (_, csv_out, _) = common::run(&["audit", cases, "--as-of", AS_OF, "--format", "csv"], b"");
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    let ids: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
    for formula in FORMULAS {
        assert!(ids.iter().any(|id| id == formula), "plain CSV: {formula}");
    }
    let (_, json_out, _) =
        common::run(&["audit", cases, "--as-of", AS_OF, "--format", "json"], b"");
    let json: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    for formula in FORMULAS {
        assert!(
            json.as_array()
                .unwrap()
                .iter()
                .any(|case| case["case_id"] == formula && case["unit"] == formula),
            "JSON: {formula}"
        );
    }
}

/// One cell of a spreadsheet as LibreOffice saved it: its attributes and its text.
#[derive(Debug)]
struct Cell {
    attributes: String,
    text: String,
}

impl Cell {
    fn value_type(&self) -> &str {
        self.attribute("office:value-type").unwrap_or("")
    }

    fn attribute(&self, name: &str) -> Option<&str> {
        let start = self.attributes.find(&format!("{name}=\""))? + name.len() + 2;
        let end = start + self.attributes[start..].find('"')?;
        Some(&self.attributes[start..end])
    }
}

/// The rows of the first sheet of a flat ODS (`.fods`) file, cells repeated as they say.
fn sheet_rows(fods: &str) -> Vec<Vec<Cell>> {
    let unescape = |text: &str| {
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    };
    let strip_tags = |xml: &str| {
        let mut text = String::new();
        let mut in_tag = false;
        for c in xml.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        unescape(text.trim())
    };
    let table = fods.split("<table:table ").nth(1).expect("a sheet");
    let table = table.split("</table:table>").next().unwrap();
    let mut rows = Vec::new();
    for row in table.split("<table:table-row").skip(1) {
        let row = row.split("</table:table-row>").next().unwrap();
        let mut cells = Vec::new();
        for cell in row.split("<table:table-cell").skip(1) {
            let (attributes, rest) = cell.split_once('>').unwrap();
            let (attributes, inner) = match attributes.strip_suffix('/') {
                Some(attributes) => (attributes, ""),
                None => (
                    attributes,
                    rest.split("</table:table-cell>").next().unwrap(),
                ),
            };
            let cell = Cell {
                attributes: attributes.to_owned(),
                text: strip_tags(inner),
            };
            let repeat: usize = cell
                .attribute("table:number-columns-repeated")
                .map_or(1, |n| n.parse().unwrap());
            for _ in 0..repeat.min(64) {
                cells.push(Cell {
                    attributes: cell.attributes.clone(),
                    text: cell.text.clone(),
                });
            }
        }
        rows.push(cells);
    }
    rows
}

/// Imports a CSV file into LibreOffice Calc the way a Finnish user opening it would (`;` or
/// `,`, UTF-8, Finnish locale, so that `d.m.yyyy` is a date and `0,5` a number) with formulas
/// evaluated, and returns the sheet saved as flat ODS.
fn open_in_calc(csv: &Path, separator: u8, profile: &Path, out: &Path) -> String {
    // Tokens: separator, text delimiter `"`, UTF-8 (76), from line 1, standard column formats,
    // Finnish (1035), quoted fields not forced to text, special numbers (dates) detected, …,
    // the 13th: evaluate formulas.
    let options = format!("CSV:{separator},34,76,1,,1035,false,true,false,false,false,-1,true");
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            &format!("-env:UserInstallation=file://{}", profile.display()),
            &format!("--infilter={options}"),
            "--convert-to",
            "fods",
            "--outdir",
            out.to_str().unwrap(),
            csv.to_str().unwrap(),
        ])
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "this test needs LibreOffice Calc (`soffice`, Debian package libreoffice-calc): {e}"
            )
        });
    let fods = out.join(csv.with_extension("fods").file_name().unwrap());
    std::fs::read_to_string(&fods).unwrap_or_else(|e| {
        panic!(
            "LibreOffice did not convert {}: {e}; {}",
            csv.display(),
            String::from_utf8_lossy(&status.stderr)
        )
    })
}

#[test]
#[ignore = "needs LibreOffice Calc (Debian libreoffice-calc)"]
fn libreoffice_calc_runs_no_formula_from_the_excel_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let cases = case_list(dir.path());
    let profile = dir.path().join("lo-profile");
    let converted = dir.path().join("converted");
    for (name, csv) in people_outputs(dir.path(), &cases) {
        // Every run here has `--excel`, so its errors file too is `;`-separated.
        let separator = 59;
        let fods = open_in_calc(&csv, separator, &profile, &converted);
        assert!(
            !fods.contains("table:formula="),
            "{name}: LibreOffice made a formula cell of the output"
        );
        let rows = sheet_rows(&fods);
        let texts: Vec<&str> = rows.iter().flatten().map(|c| c.text.as_str()).collect();
        for formula in FORMULAS {
            let neutralised = format!("'{formula}");
            assert!(
                texts.contains(&neutralised.as_str()),
                "{name}: {neutralised}"
            );
        }
        // Header-agnostic (the headers may be translated): the rows under the header.
        let data: Vec<&Vec<Cell>> = rows[1..]
            .iter()
            .filter(|row| row.iter().any(|c| !c.text.is_empty()))
            .collect();
        let of_type =
            |row: &[Cell], kind: &str| row.iter().filter(|c| c.value_type() == kind).count();
        match name.as_str() {
            "audit --excel" | "overdue --excel" => {
                assert!(data.len() >= FORMULAS.len(), "{name}: {} rows", data.len());
                for row in &data {
                    assert_eq!(row[0].value_type(), "float", "{name}: the line number");
                    // The pending date at least (a case in no group has no deadline).
                    assert!(of_type(row, "date") >= 1, "{name}: dates are dates");
                    // The line number and the working days at least.
                    assert!(of_type(row, "float") >= 2, "{name}: numbers are numbers");
                }
                let dates: usize = data.iter().map(|row| of_type(row, "date")).sum();
                assert!(dates > data.len(), "{name}: the deadlines are dates");
                // 2.11.2026 read as the 2nd of November, not as text or the 11th of February.
                assert!(
                    fods.contains("office:date-value=\"2026-11-02\""),
                    "{name}: d.m.yyyy"
                );
            }
            "summary --excel" => {
                assert!(data.len() > 8, "{name}: {} rows", data.len());
                for row in &data {
                    // The counts (and shares, with a decimal comma) are numbers.
                    assert!(of_type(row, "float") >= 12, "{name}: numbers are numbers");
                }
                for row in &data {
                    // Only the unit and the group are text: the shares too (`0,0`) are numbers.
                    let texts = row
                        .iter()
                        .filter(|c| !c.text.is_empty() && c.value_type() != "float")
                        .count();
                    assert!(texts <= 2, "{name}: numbers are numbers");
                }
            }
            "thl --excel" => {
                assert!(data.len() > FORMULAS.len(), "{name}: {} rows", data.len());
                for row in &data {
                    // The period and the as-of date; the counts.
                    assert!(of_type(row, "date") >= 3, "{name}: dates are dates");
                    assert!(of_type(row, "float") >= 5, "{name}: numbers are numbers");
                }
            }
            _ => {
                assert_eq!(data.len(), FORMULAS.len(), "{name}");
                for row in &data {
                    assert_eq!(row[1].value_type(), "float", "{name}: the line number");
                }
            }
        }
        if name.ends_with("--excel") {
            assert!(texts.contains(&FINNISH), "{name}: the Finnish letters");
        } else {
            assert!(
                texts.iter().any(|t| t.contains(BAD_AGE)),
                "{name}: the Finnish letters"
            );
        }
    }
}
