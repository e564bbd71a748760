//! Workbooks out (`--format xlsx`): the cases, the overdue ones, the summary and the invalid rows,
//! each on a sheet of one workbook, with real date and number cells, written with
//! rust_xlsxwriter.
//!
//! What people see at a glance: headers in `--lang`, the header row frozen with a filter on it,
//! columns as wide as their contents, dates shown `d.m.yyyy`, overdue rows filled red and rows
//! due soon a lighter yellow. The as-of date and the reading are on the summary sheet and in the
//! workbook's properties. Text from the input is always written as text (never as a formula,
//! whatever it starts with), identity codes redacted as in every output.
//!
//! The sheets of cases are written in constant memory: rust_xlsxwriter keeps one row and
//! sends the rows before it to a temporary file of its own, and the workbook is zipped into
//! another at the end and copied out. These files are made in the folder of `--output`
//! ([`About::folder`]) without a name (Linux's `O_TMPFILE`; elsewhere removed as soon as made),
//! so nothing is left behind whatever ends the run.

use std::borrow::Cow;
use std::io::{self, Seek, Write};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::batch::{EvaluatedCase, Invalid};
use crate::calendar::Reading;
use crate::evaluation::Status;
use crate::labels::{Label, Lang};
use crate::report::schema::{self, ColumnOptions, ReportValue, Row, Spec};
use crate::report::CaseSink;
use crate::text::shown;

/// The fill of an overdue row: Excel's own "bad" red.
const OVERDUE_FILL: u32 = 0xFFC7CE;
const OVERDUE_FONT: u32 = 0x9C0006;
/// The fill of a row due soon: Excel's lighter "neutral" yellow.
const SOON_FILL: u32 = 0xFFF2CC;
/// How dates are shown.
pub const DATE_FORMAT: &str = "d.m.yyyy";
/// A share shown as a percentage with one decimal (the value is a fraction: 0.875 is 87.5 %).
pub const PERCENT_FORMAT: &str = "0.0%";
/// Widest a column is made, in characters.
const WIDEST: usize = 60;

/// How a row is marked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// No mark.
    Plain,
    /// Overdue: the red fill.
    Overdue,
    /// Due within a few working days: the yellow fill.
    Soon,
}

/// One cell of a sheet.
#[derive(Clone, Copy)]
pub enum Cell<'a> {
    /// No value.
    Empty,
    /// Text, written as a string whatever it holds.
    Text(&'a str),
    /// A number.
    Number(f64),
    /// A date, shown d.m.yyyy.
    Date(NaiveDate),
    /// A share as a fraction, shown as a percentage.
    Percent(Option<Decimal>),
}

/// The formats of a workbook: for each mark, text, number, date and percentage.
struct Formats {
    header: Format,
    cells: [[Format; 4]; 3],
}

impl Formats {
    fn new() -> Formats {
        let base = [
            Format::new(),
            Format::new().set_num_format("0"),
            Format::new().set_num_format(DATE_FORMAT),
            Format::new().set_num_format(PERCENT_FORMAT),
        ];
        let marked = |fill: u32, font: Option<u32>| {
            base.clone().map(|format| {
                let format = format.set_background_color(Color::RGB(fill));
                match font {
                    Some(font) => format.set_font_color(Color::RGB(font)),
                    None => format,
                }
            })
        };
        Formats {
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin)
                .set_text_wrap(),
            cells: [
                base.clone(),
                marked(OVERDUE_FILL, Some(OVERDUE_FONT)),
                marked(SOON_FILL, None),
            ],
        }
    }

    fn get(&self, mark: Mark, kind: usize) -> &Format {
        let row = match mark {
            Mark::Plain => 0,
            Mark::Overdue => 1,
            Mark::Soon => 2,
        };
        &self.cells[row][kind]
    }
}

/// A sheet being filled a row at a time, keeping how wide each column needs to be.
pub struct Sheet {
    sheet: Worksheet,
    row: u32,
    widths: Vec<usize>,
    columns: u16,
}

impl Sheet {
    /// A sheet named `name` with a header row: frozen, with a filter on it, and set up to be
    /// printed: landscape, as wide as the page, the header row on every page.
    /// `sheet` is new: a constant-memory one for the sheets of cases.
    fn new(
        mut sheet: Worksheet,
        name: &str,
        headers: &[&str],
        formats: &Formats,
    ) -> Result<Sheet, XlsxError> {
        sheet.set_name(sheet_name(name))?;
        for (column, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, column as u16, *header, &formats.header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        sheet
            .set_landscape()
            .set_paper_size(9) // A4
            .set_print_fit_to_pages(1, 0);
        sheet.set_repeat_rows(0, 0)?;
        Ok(Sheet {
            sheet,
            row: 1,
            // A header may wrap onto two lines: half of it sets the width.
            widths: headers
                .iter()
                .map(|h| {
                    (h.chars().count() / 2)
                        .max(h.split(' ').map(|w| w.chars().count()).max().unwrap_or(0))
                })
                .collect(),
            columns: headers.len() as u16,
        })
    }

    fn row(&mut self, cells: &[Cell], mark: Mark, formats: &Formats) -> Result<(), XlsxError> {
        self.write(cells, mark, formats, true)
    }

    /// A row under the table (the file, the as-of date, the reading's sentence): written, but
    /// not measured, so that a long sentence does not widen the table's column.
    fn note(&mut self, cells: &[Cell], formats: &Formats) -> Result<(), XlsxError> {
        self.write(cells, Mark::Plain, formats, false)
    }

    fn write(
        &mut self,
        cells: &[Cell],
        mark: Mark,
        formats: &Formats,
        measure: bool,
    ) -> Result<(), XlsxError> {
        let row = self.row;
        for (index, cell) in cells.iter().enumerate() {
            let column = index as u16;
            let width = match cell {
                Cell::Empty => {
                    if mark != Mark::Plain {
                        self.sheet.write_blank(row, column, formats.get(mark, 0))?;
                    }
                    0
                }
                Cell::Text(text) => {
                    self.sheet.write_string_with_format(
                        row,
                        column,
                        *text,
                        formats.get(mark, 0),
                    )?;
                    text.chars().count()
                }
                Cell::Number(n) => {
                    self.sheet
                        .write_number_with_format(row, column, *n, formats.get(mark, 1))?;
                    format!("{n}").len()
                }
                Cell::Date(date) => {
                    self.sheet.write_datetime_with_format(
                        row,
                        column,
                        excel_date(*date),
                        formats.get(mark, 2),
                    )?;
                    10
                }
                Cell::Percent(Some(share)) => {
                    let fraction = (share / Decimal::from(100)).to_f64().unwrap_or(0.0);
                    self.sheet.write_number_with_format(
                        row,
                        column,
                        fraction,
                        formats.get(mark, 3),
                    )?;
                    6
                }
                Cell::Percent(None) => 0,
            };
            if let Some(slot) = self.widths.get_mut(index).filter(|_| measure) {
                *slot = (*slot).max(width);
            }
        }
        self.row += 1;
        Ok(())
    }

    /// The filter over the header and the rows, the column widths: the sheet as it is saved.
    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        if self.columns > 0 {
            self.sheet
                .autofilter(0, 0, self.row.saturating_sub(1).max(1), self.columns - 1)?;
        }
        for (column, width) in self.widths.iter().enumerate() {
            let width = (*width).clamp(4, WIDEST) + 2;
            self.sheet.set_column_width(column as u16, width as f64)?;
        }
        Ok(self.sheet)
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
/// Redacted before it is cut, so that no part of an identity code is left.
fn sheet_name(name: &str) -> String {
    shown(name, false)
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// A date as Excel's date cell.
fn excel_date(date: NaiveDate) -> ExcelDateTime {
    let (y, m, d) = (date.year().clamp(1900, 9999), date.month(), date.day());
    ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)
        .unwrap_or_else(|_| ExcelDateTime::from_ymd(1900, 1, 1).expect("a valid date"))
}

fn xlsx_io(error: XlsxError) -> io::Error {
    match error {
        XlsxError::IoError(error) => error,
        error => io::Error::other(error.to_string()),
    }
}

/// What a workbook says about the run: on the summary sheet and in its properties.
#[derive(Clone, Debug)]
pub struct About {
    /// The case list read, as named in messages. Shown with every identity code in it redacted
    /// (a file may be named after a person): see `About::source`.
    pub source: String,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The reading.
    pub reading: Reading,
    /// The language of headers and words.
    pub lang: Lang,
    /// What the workbook is: `audit`, `overdue`, `summary`, `thl`.
    pub title: &'static str,
    /// Where the temporary files go: the folder of the `--output` file (the working folder when
    /// `None`).
    pub folder: Option<PathBuf>,
    /// Where things are in the case list: the invalid rows' columns as the file names them.
    pub places: crate::problem::Places,
}

impl About {
    /// The case list's name as the workbook shows it (title, custom property, summary sheet):
    /// redacted as every text from the input is ([`crate::text::shown`]), whatever
    /// `--show-hetu` says: a name is no case's identity-code column.
    fn source(&self) -> Cow<'_, str> {
        shown(&self.source, false)
    }

    fn properties(&self) -> DocProperties {
        let lang = self.lang;
        let as_of = crate::dates::finnish(self.as_of);
        DocProperties::new()
            .set_title(format!("maaraika {}: {}", self.title, self.source()))
            .set_subject(format!("{} {as_of}", lang.get(Label::ColAsOf)))
            .set_comment(format!(
                "{} {as_of}. {}",
                lang.get(Label::ColAsOf),
                lang.reading_line(self.reading)
            ))
            .set_custom_property("as_of", self.as_of.to_string())
            .set_custom_property("reading", self.reading.as_str())
            .set_custom_property("source", self.source().as_ref())
    }

    /// The first rows of the summary sheet: the file (`source`, from [`About::source`]), the
    /// as-of date, the reading.
    fn rows<'a>(&'a self, source: &'a str) -> Vec<(Label, Cell<'a>)> {
        vec![
            (Label::XlsFile, Cell::Text(source)),
            (Label::ColAsOf, Cell::Date(self.as_of)),
            (
                Label::ColReading,
                Cell::Text(self.lang.reading_line(self.reading)),
            ),
        ]
    }
}

impl About {
    /// The folder of the temporary files.
    fn temp_folder(&self) -> PathBuf {
        match &self.folder {
            Some(folder) if !folder.as_os_str().is_empty() => folder.clone(),
            _ => PathBuf::from("."),
        }
    }

    /// A workbook whose constant-memory sheets keep their rows in nameless files in
    /// [`About::folder`].
    fn workbook(&self) -> Result<Workbook, XlsxError> {
        let mut book = Workbook::new();
        book.set_tempdir(self.temp_folder())?;
        Ok(book)
    }
}

/// Saves `sheets` as the workbook `book` into `out`.
fn save<W: Write>(
    out: W,
    about: &About,
    mut book: Workbook,
    sheets: Vec<Worksheet>,
) -> io::Result<()> {
    book.set_properties(&about.properties());
    for sheet in sheets {
        book.push_worksheet(sheet);
    }
    // rust_xlsxwriter writes only to a writer it may send to a thread, which standard output is
    // not: the zip goes to a nameless file first, then out.
    let mut zip = tempfile::tempfile_in(about.temp_folder())?;
    book.save_to_writer(&mut zip).map_err(xlsx_io)?;
    zip.flush()?;
    zip.rewind()?;
    let mut out = out;
    io::copy(&mut zip, &mut out)?;
    out.flush()
}

/// The summary sheet of a case list: what was read, then per status the cases by the start and
/// the completion of the assessment, and the on-time share.
fn summary_sheet(
    about: &About,
    formats: &Formats,
    evaluated: u64,
    invalid: u64,
    counts: &[[u64; 5]; 2],
) -> Result<Worksheet, XlsxError> {
    let lang = about.lang;
    let mut sheet = Sheet::new(
        Worksheet::new(),
        lang.get(Label::XlsSummary),
        &[
            lang.get(Label::XlsStatus),
            lang.get(Label::SumStartTitle),
            lang.get(Label::SumCompletionTitle),
        ],
        formats,
    )?;
    for status in Status::ALL {
        let [start, completion] = counts.map(|c| c[status as usize]);
        sheet.row(
            &[
                Cell::Text(lang.status(status)),
                Cell::Number(start as f64),
                Cell::Number(completion as f64),
            ],
            Mark::Plain,
            formats,
        )?;
    }
    sheet.row(
        &[
            Cell::Text(lang.get(Label::SumOnTimePct)),
            Cell::Percent(on_time(&counts[0])),
            Cell::Percent(on_time(&counts[1])),
        ],
        Mark::Plain,
        formats,
    )?;
    sheet.row(&[], Mark::Plain, formats)?;
    let source = about.source();
    let mut rows = about.rows(&source);
    rows.push((Label::XlsEvaluated, Cell::Number(evaluated as f64)));
    rows.push((Label::SumInvalid, Cell::Number(invalid as f64)));
    for (label, cell) in rows {
        sheet.note(&[Cell::Text(lang.get(label)), cell], formats)?;
    }
    let mut sheet = sheet.finish()?;
    // The filter belongs on the counts only.
    sheet.autofilter(0, 0, Status::ALL.len() as u32 + 1, 2)?;
    Ok(sheet)
}

/// met / (met + late + overdue), as the summary counts it.
fn on_time(counts: &[u64; 5]) -> Option<Decimal> {
    let [met, late, _due, overdue, _none] = *counts;
    crate::statistics::percent(met, met + late + overdue)
}

/// Audit and overdue cases into a workbook: a sheet of the cases (for `audit`, also a sheet of
/// the overdue and due-soon ones), a summary sheet, and a sheet of the invalid rows.
pub struct XlsxSink<W: Write> {
    out: Option<W>,
    about: About,
    book: Option<Workbook>,
    show_hetu: bool,
    /// A case due within this many working days is marked as due soon.
    due_soon: i64,
    formats: Formats,
    /// The columns of a case row, in order: the audit's CSV columns.
    columns: Vec<&'static Spec>,
    cases: Sheet,
    /// For `audit`: the overdue and due-soon cases, on a sheet of their own.
    overdue: Option<Sheet>,
    invalid: Sheet,
    evaluated: u64,
    invalid_rows: u64,
    /// Per status, by the start and by the completion.
    counts: [[u64; 5]; 2],
}

impl<W: Write> XlsxSink<W> {
    /// `overdue_sheet`: also a sheet of the overdue and due-soon cases (for `audit`, whose
    /// case sheet lists them all). `due_soon`: working days left that mark a case as due soon.
    /// `chain`: the list has a decision or service column, so theirs follow as in the CSV.
    /// `standing`: each case says where it stands and why ([`schema::Part::Standing`]), as the
    /// overdue list does.
    pub fn new(
        out: W,
        about: About,
        show_hetu: bool,
        due_soon: u32,
        overdue_sheet: bool,
        chain: bool,
        standing: bool,
    ) -> io::Result<Self> {
        let lang = about.lang;
        let formats = Formats::new();
        let options = ColumnOptions {
            show_hetu,
            chain,
            case_only: false,
            standing,
        };
        let columns: Vec<&Spec> = schema::columns(schema::ReportFormat::Csv, options).collect();
        let headers: Vec<&str> = columns.iter().map(|s| lang.get(s.label)).collect();
        let mut book = about.workbook().map_err(xlsx_io)?;
        let mut sheet = |name: Label, headers: &[&str]| {
            let worksheet = book.new_worksheet_with_constant_memory()?;
            Sheet::new(worksheet, lang.get(name), headers, &formats)
        };
        let cases = sheet(Label::XlsCases, &headers).map_err(xlsx_io)?;
        let overdue = match overdue_sheet {
            true => Some(sheet(Label::XlsOverdue, &headers).map_err(xlsx_io)?),
            false => None,
        };
        let invalid = sheet(
            Label::XlsInvalid,
            &[
                lang.get(Label::ColLine),
                lang.get(Label::XlsColumn),
                lang.get(Label::ColCaseId),
                lang.get(Label::XlsProblem),
            ],
        )
        .map_err(xlsx_io)?;
        Ok(XlsxSink {
            out: Some(out),
            about,
            book: Some(book),
            show_hetu,
            due_soon: i64::from(due_soon),
            formats,
            columns,
            cases,
            overdue,
            invalid,
            evaluated: 0,
            invalid_rows: 0,
            counts: [[0; 5]; 2],
        })
    }

    /// By where the case stands ([`crate::evaluation::Evaluation::standing`]): overdue, else due
    /// soon when its nearest deadline is within `due_soon` working days.
    fn mark(&self, case: &EvaluatedCase) -> Mark {
        let standing = case.evaluation.standing();
        match standing.status {
            Status::Overdue => Mark::Overdue,
            Status::Due if standing.working_days.is_some_and(|d| d <= self.due_soon) => Mark::Soon,
            _ => Mark::Plain,
        }
    }
}

impl<W: Write> CaseSink for XlsxSink<W> {
    fn case(&mut self, case: &EvaluatedCase) -> io::Result<()> {
        let lang = self.about.lang;
        let e = &case.evaluation;
        self.evaluated += 1;
        self.counts[0][e.start.status as usize] += 1;
        self.counts[1][e.completion.status as usize] += 1;
        let row = Row::new(case, self.about.reading, Some(self.about.as_of));
        let values: Vec<ReportValue> = self.columns.iter().map(|s| s.value(&row)).collect();
        // The texts first, so that the cells can borrow them.
        let texts: Vec<String> = values
            .iter()
            .map(|value| match *value {
                ReportValue::Text(Some(text)) => shown(text, self.show_hetu).into_owned(),
                ReportValue::Status(status) => lang.status(status).to_owned(),
                ReportValue::Groups(groups, pending) => lang.groups(groups, pending),
                ReportValue::Notes(notes) => {
                    let notes: Vec<&str> = notes.iter().map(|n| lang.note(n)).collect();
                    notes.join("; ")
                }
                ReportValue::Reading(reading) => lang.reading(reading).to_owned(),
                ReportValue::Days(_, n, label) => format!("{n} {}", lang.get(label)),
                ReportValue::Milestone(m) => {
                    m.map(|m| lang.milestone(m)).unwrap_or_default().to_owned()
                }
                _ => String::new(),
            })
            .collect();
        let cells: Vec<Cell> = values
            .iter()
            .zip(&texts)
            .map(|(value, text)| match *value {
                ReportValue::Number(n) => Cell::Number(n as f64),
                ReportValue::Count(Some(n)) => Cell::Number(n as f64),
                ReportValue::Date(Some(date)) => Cell::Date(date),
                ReportValue::Text(None) | ReportValue::Count(None) | ReportValue::Date(None) => {
                    Cell::Empty
                }
                _ => Cell::Text(text),
            })
            .collect();
        let mark = self.mark(case);
        self.cases
            .row(&cells, mark, &self.formats)
            .map_err(xlsx_io)?;
        if let (Some(sheet), Mark::Overdue | Mark::Soon) = (&mut self.overdue, mark) {
            sheet.row(&cells, mark, &self.formats).map_err(xlsx_io)?;
        }
        Ok(())
    }

    fn invalid(&mut self, invalid: &Invalid) -> io::Result<()> {
        self.invalid_rows += 1;
        let p = &invalid.problem;
        let lang = self.about.lang;
        let column = p
            .column
            .as_ref()
            .map(|c| self.about.places.column_name(c, lang))
            .unwrap_or_default();
        let column = shown(&column, false);
        let case_id = shown(&invalid.case_id, false);
        let text = p.problem.text(lang);
        let problem = shown(&text, false);
        self.invalid
            .row(
                &[
                    Cell::Number(self.about.places.row(p.line) as f64),
                    Cell::Text(&column),
                    Cell::Text(&case_id),
                    Cell::Text(&problem),
                ],
                Mark::Plain,
                &self.formats,
            )
            .map_err(xlsx_io)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        let summary = summary_sheet(
            &self.about,
            &self.formats,
            self.evaluated,
            self.invalid_rows,
            &self.counts,
        )
        .map_err(xlsx_io)?;
        let me = &mut *self;
        let cases = std::mem::replace(&mut me.cases, placeholder());
        let mut sheets = vec![cases.finish().map_err(xlsx_io)?];
        if let Some(overdue) = me.overdue.take() {
            sheets.push(overdue.finish().map_err(xlsx_io)?);
        }
        sheets.push(summary);
        let invalid = std::mem::replace(&mut me.invalid, placeholder());
        sheets.push(invalid.finish().map_err(xlsx_io)?);
        let (Some(out), Some(book)) = (me.out.take(), me.book.take()) else {
            return Ok(());
        };
        save(out, &me.about, book, sheets)
    }
}

fn placeholder() -> Sheet {
    Sheet {
        sheet: Worksheet::new(),
        row: 0,
        widths: Vec::new(),
        columns: 0,
    }
}

/// A table of counts (the `summary` and `thl` commands) as a workbook: the table on the sheet
/// `name`, headers in `--lang`, counts as numbers, dates as dates and shares as percentages, then
/// what was read, after `notes` (what holds for every row, such as the period, said once).
pub fn table_workbook<W: Write>(
    out: W,
    about: &About,
    name: &str,
    headers: &[&str],
    rows: &[Vec<Cell>],
    notes: &[(Label, Cell)],
) -> io::Result<()> {
    let formats = Formats::new();
    let lang = about.lang;
    let mut sheet = Sheet::new(Worksheet::new(), name, headers, &formats).map_err(xlsx_io)?;
    for row in rows {
        sheet.row(row, Mark::Plain, &formats).map_err(xlsx_io)?;
    }
    let table_rows = sheet.row;
    sheet.row(&[], Mark::Plain, &formats).map_err(xlsx_io)?;
    let source = about.source();
    let mut rows = notes.to_vec();
    rows.extend(about.rows(&source));
    for (label, cell) in rows {
        sheet
            .note(&[Cell::Text(lang.get(label)), cell], &formats)
            .map_err(xlsx_io)?;
    }
    let mut sheet = sheet.finish().map_err(xlsx_io)?;
    sheet
        .autofilter(
            0,
            0,
            table_rows.saturating_sub(1).max(1),
            headers.len().max(1) as u16 - 1,
        )
        .map_err(xlsx_io)?;
    save(out, about, about.workbook().map_err(xlsx_io)?, vec![sheet])
}
