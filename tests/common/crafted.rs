//! Crafted workbooks, one builder per class of hostile file (issue 20): small files that claim
//! far more than they hold, and lists whose cells or rows come out of order. Shared by the
//! tests on the binary and the server (`tests/hostile_workbooks.rs`), the memory tests
//! (`tests/memory.rs`) and the fuzz targets (`fuzz/`, which wrap their input in these packages).
#![allow(dead_code)]

use std::io::{Cursor, Read, Write};

const NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/// The header every crafted list has: what `samples/cases-fi.csv` calls its columns.
pub const HEADER: [&str; 4] = ["Asiatunnus", "Yksikkö", "Vireilletulopvm", "Kiireellinen"];

/// A zip of `parts` (name, bytes), each deflated, or stored where `stored` names it.
pub fn zip(parts: &[(&str, &[u8])], stored: &[&str]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        let method = if stored.contains(name) {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() > u32::MAX as usize / 2);
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An .xlsx with one sheet `Asiakkaat` whose `<sheetData>` holds `rows`, with `after` after it
/// (`<mergeCells>`), `before` before it, and `shared` as the shared strings (`<si>` elements).
pub fn xlsx(before: &str, rows: &str, after: &str, shared: Option<&[u8]>) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{NS}">{before}<sheetData>{rows}</sheetData>{after}</worksheet>"#
    );
    let workbook = format!(
        r#"<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Asiakkaat" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let mut parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_vec()),
        ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec()),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec()),
        ("xl/workbook.xml", workbook.into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.into_bytes()),
    ];
    if let Some(shared) = shared {
        let mut sst = format!(r#"<?xml version="1.0"?><sst xmlns="{NS}">"#).into_bytes();
        sst.extend_from_slice(shared);
        sst.extend_from_slice(b"</sst>");
        parts.push(("xl/sharedStrings.xml", sst));
    }
    let parts: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    zip(&parts, &[])
}

/// An inline string cell at `reference`.
pub fn cell(reference: &str, text: &str) -> String {
    format!(r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A row `r` of cells (reference letter, text), in the order given.
pub fn row(r: u64, cells: &[(&str, &str)]) -> String {
    let cells: String = cells
        .iter()
        .map(|(column, text)| cell(&format!("{column}{r}"), text))
        .collect();
    format!(r#"<row r="{r}">{cells}</row>"#)
}

/// The header row (row 1).
pub fn header_row() -> String {
    let columns = ["A", "B", "C", "D"];
    let cells: Vec<(&str, &str)> = columns.iter().copied().zip(HEADER).collect();
    row(1, &cells)
}

/// A case row `r`: id, unit, pending date, urgent.
pub fn case_row(r: u64, id: &str, pending: &str, urgent: &str) -> String {
    row(
        r,
        &[("A", id), ("B", "Kotihoito"), ("C", pending), ("D", urgent)],
    )
}

/// Class "row numbers jump": a case on row 2 and one on row 999,999,999 (the file is 2 KB; one
/// blank line per skipped row was 3.5–5.7 GB).
pub fn row_jump() -> Vec<u8> {
    let rows = format!(
        "{}{}{}",
        header_row(),
        case_row(2, "J-1", "2026-11-02", "ei"),
        case_row(999_999_999, "J-2", "2026-11-03", "ei")
    );
    xlsx("", &rows, "", None)
}

/// Class "a merged region claims the sheet's width": `value_bytes` of text in A2 merged over
/// A2:XFD2, and a cell at XFD3 so the sheet's used range is all 16,384 columns.
pub fn wide_merge(value_bytes: usize) -> Vec<u8> {
    let value = "m".repeat(value_bytes);
    let rows = format!(
        "{}{}{}",
        header_row(),
        row(2, &[("A", &value)]),
        row(3, &[("A", "W-1"), ("C", "2026-11-02"), ("XFD", "x")]),
    );
    let merges = r#"<mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>"#;
    xlsx("", &rows, merges, None)
}

/// Class "many merged regions": `count` one-row regions (D2:E2, D3:E3, …) over `count` case rows
/// (150,000 took 10 s when each row walked every region).
pub fn many_merges(count: u64) -> Vec<u8> {
    let mut rows = header_row();
    let mut merges = format!(r#"<mergeCells count="{count}">"#);
    for r in 2..count + 2 {
        rows.push_str(&case_row(r, &format!("M-{r}"), "2026-11-02", "ei"));
        merges.push_str(&format!(r#"<mergeCell ref="D{r}:E{r}"/>"#));
    }
    merges.push_str("</mergeCells>");
    xlsx("", &rows, &merges, None)
}

/// Class "`<mergeCells` in a comment": a comment that names the element before `rows` case
/// rows, then the real regions (a second pass read the whole rest of the sheet into memory).
pub fn merge_in_comment(rows: u64) -> Vec<u8> {
    let mut text = header_row();
    for r in 2..rows + 2 {
        text.push_str(&case_row(r, &format!("C-{r}"), "2026-11-02", "ei"));
    }
    xlsx(
        "<!-- <mergeCells count=\"1\"><mergeCell ref=\"A1:A2\"/> -->",
        &text,
        r#"<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>"#,
        None,
    )
}

/// Class "one huge shared string": a string of `bytes` bytes (a few KB of zip; 500 MB took
/// 1.9 GB), used by the case's unit.
pub fn huge_shared_string(bytes: usize) -> Vec<u8> {
    let mut shared = b"<si><t>".to_vec();
    shared.resize(shared.len() + bytes, b'u');
    shared.extend_from_slice(b"</t></si>");
    let rows = format!(
        "{}{}",
        header_row(),
        r#"<row r="2"><c r="A2" t="inlineStr"><is><t>S-1</t></is></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>2026-11-02</t></is></c></row>"#
    );
    xlsx("", &rows, "", Some(&shared))
}

/// Class "cells out of order": row 2 lists its cells backwards (E before A), as some writers
/// do, and a case in it is urgent.
pub fn cells_out_of_order() -> Vec<u8> {
    let rows = format!(
        "{}{}{}",
        header_row(),
        row(
            2,
            &[
                ("D", "kyllä"),
                ("C", "2026-10-30"),
                ("A", "O-1"),
                ("B", "Kotihoito")
            ]
        ),
        case_row(3, "O-2", "2026-10-30", "ei"),
    );
    xlsx("", &rows, "", None)
}

/// Class "a row number given twice": two `<row r="3">` elements, each a whole case.
pub fn repeated_row() -> Vec<u8> {
    let rows = format!(
        "{}{}{}{}",
        header_row(),
        case_row(2, "R-1", "2026-11-02", "ei"),
        case_row(3, "R-2", "2026-11-03", "ei"),
        case_row(3, "R-3", "2026-11-04", "kyllä"),
    );
    xlsx("", &rows, "", None)
}

/// The CSV twin of [`cells_out_of_order`], as a person sees that sheet.
pub const CELLS_OUT_OF_ORDER_CSV: &str = "Asiatunnus,Yksikkö,Vireilletulopvm,Kiireellinen\n\
O-1,Kotihoito,2026-10-30,kyllä\nO-2,Kotihoito,2026-10-30,ei\n";

/// An .ods whose `content.xml` body (inside `<office:spreadsheet>`) is `table`.
pub fn ods(table: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
            ("META-INF/manifest.xml", manifest),
        ],
        &["mimetype"],
    )
}

fn ods_cell(text: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

/// Class ".ods repeats": a header, a case, and a row repeated `rows` times over `columns`
/// repeated cells (855 bytes took 5 GB).
pub fn ods_repeats(rows: u64, columns: u64) -> Vec<u8> {
    let header: String = HEADER.iter().map(|h| ods_cell(h)).collect();
    let case: String = ["D-1", "Kotihoito", "2026-11-02", "ei"]
        .iter()
        .map(|t| ods_cell(t))
        .collect();
    let table = format!(
        r#"<table:table table:name="Asiakkaat"><table:table-row>{header}</table:table-row><table:table-row>{case}</table:table-row><table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#
    );
    ods(&table)
}

/// A plain .ods list: the header and one case.
pub fn ods_plain() -> Vec<u8> {
    ods_repeats(1, 1)
}

/// The parts of a zip, by name.
pub fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().to_string();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (name, out)
        })
        .collect()
}

/// calamine's test workbook `date.xlsb` (MIT), the base of the crafted .xlsb files.
const XLSB_BASE: &[u8] = include_bytes!("../data/date.xlsb");

/// `tests/data/date.xlsb` (calamine's test file) with its sheet's records replaced by `sheet`.
pub fn xlsb_with_sheet(sheet: &[u8]) -> Vec<u8> {
    let parts = unzip(XLSB_BASE);
    let replaced: Vec<(String, Vec<u8>)> = parts
        .into_iter()
        .map(|(name, bytes)| {
            if name.ends_with("sheet1.bin") {
                (name, sheet.to_vec())
            } else {
                (name, bytes)
            }
        })
        .collect();
    let parts: Vec<(&str, &[u8])> = replaced
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&parts, &[])
}

/// Class ".xlsb record of a huge length": the sheet's first records, then a row record that
/// claims 268 MB (1 KB of file took 262 MB).
pub fn xlsb_huge_record() -> Vec<u8> {
    let sheet = unzip(XLSB_BASE)
        .into_iter()
        .find(|(name, _)| name.ends_with("sheet1.bin"))
        .unwrap()
        .1;
    // BrtBeginSheet (0x81 0x01, no data), BrtBeginSheetData (0x91 0x01), then BrtRowHdr
    // (0x00) whose length is the largest a record can claim (four bytes of 7 bits).
    let mut records = vec![0x81, 0x01, 0x00, 0x91, 0x01, 0x00];
    records.extend_from_slice(&[0x00, 0xFF, 0xFF, 0xFF, 0x7F]);
    records.extend_from_slice(&[0u8; 64]);
    // And the rest of the real sheet, so that the file looks whole.
    records.extend_from_slice(&sheet);
    xlsb_with_sheet(&records)
}

/// The package `base` with its part `name` replaced by `bytes`, byte for byte.
fn with_part(base: &[u8], name: &str, bytes: &[u8], stored: &[&str]) -> Vec<u8> {
    let parts: Vec<(String, Vec<u8>)> = unzip(base)
        .into_iter()
        .map(|(part, old)| {
            let new = if part == name { bytes.to_vec() } else { old };
            (part, new)
        })
        .collect();
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip(&parts, stored)
}

/// An .xlsx whose sheet part is `sheet` (the fuzz target's input).
pub fn xlsx_sheet_part(sheet: &[u8]) -> Vec<u8> {
    with_part(
        &xlsx("", "", "", None),
        "xl/worksheets/sheet1.xml",
        sheet,
        &[],
    )
}

/// An .ods whose `content.xml` is `content` (the fuzz target's input).
pub fn ods_content(content: &[u8]) -> Vec<u8> {
    with_part(&ods_plain(), "content.xml", content, &["mimetype"])
}
