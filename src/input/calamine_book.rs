//! calamine's side of a workbook: its reader chosen by the file's content, the sheet chosen,
//! and the cells handed out as [`Value`]s. It runs in the reader process (`sandbox.rs`), or in a
//! thread of this one when the program did not call `sandbox::init`.

use std::io::{self, Read, Seek};
use std::sync::Arc;

use calamine::{
    open_workbook_from_rs, Data, Dimensions, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx,
};

use super::book::{Failure, Source, Value};
use super::error::WorkbookProblem;
use super::xlsx_sheet::formats_of;

/// Bytes shared by the readers tried on them.
pub(super) struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// A workbook's bytes to read, from its file or from memory.
pub(super) enum Input {
    File(io::BufReader<std::fs::File>),
    Bytes(io::Cursor<SharedBytes>),
}

impl Input {
    pub(super) fn open(source: &Source) -> io::Result<Input> {
        Ok(match source {
            Source::Path(path) => Input::File(io::BufReader::new(std::fs::File::open(path)?)),
            Source::Bytes(bytes) => Input::Bytes(io::Cursor::new(SharedBytes(Arc::clone(bytes)))),
        })
    }
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Input::File(file) => file.read(buf),
            Input::Bytes(bytes) => bytes.read(buf),
        }
    }
}

impl Seek for Input {
    fn seek(&mut self, pos: io::SeekFrom) -> io::Result<u64> {
        match self {
            Input::File(file) => file.seek(pos),
            Input::Bytes(bytes) => bytes.seek(pos),
        }
    }
}

/// One of calamine's readers, chosen by the file's content.
enum Book<RS: Read + Seek> {
    Xlsx(Xlsx<RS>),
    Xlsb(Xlsb<RS>),
    Xls(Xls<RS>),
    Ods(Ods<RS>),
}

fn open_book(source: &Source) -> Result<Book<Input>, Failure> {
    let make = || Input::open(source).map_err(|e| Failure::Damaged(e.to_string()));
    let mut start = [0u8; 38];
    let mut first = make()?;
    let read = {
        let mut read = 0;
        while read < start.len() {
            match first.read(&mut start[read..]) {
                Ok(0) | Err(_) => break,
                Ok(n) => read += n,
            }
        }
        read
    };
    let start = &start[..read];
    let damaged = |e: &dyn std::fmt::Display| Failure::Damaged(e.to_string());
    if start.starts_with(b"\xD0\xCF\x11\xE0") {
        return open_workbook_from_rs::<Xls<Input>, Input>(make()?)
            .map(Book::Xls)
            .map_err(|e| damaged(&e));
    }
    // An OpenDocument file stores its type first, uncompressed: `mimetype` and then the type.
    if start.len() >= 38 && &start[30..38] == b"mimetype" {
        return open_workbook_from_rs::<Ods<Input>, Input>(make()?)
            .map(Book::Ods)
            .map_err(|e| damaged(&e));
    }
    match open_workbook_from_rs::<Xlsx<Input>, Input>(make()?) {
        Ok(book) => Ok(Book::Xlsx(book)),
        Err(xlsx_error) => match open_workbook_from_rs::<Xlsb<Input>, Input>(make()?) {
            Ok(book) => Ok(Book::Xlsb(book)),
            Err(_) => match open_workbook_from_rs::<Ods<Input>, Input>(make()?) {
                Ok(book) => Ok(Book::Ods(book)),
                Err(_) => Err(damaged(&xlsx_error)),
            },
        },
    }
}

/// The sheet to read: the one asked for (by its exact name, or its only case-insensitive
/// match), or the first visible worksheet.
fn choose_sheet(sheets: &[calamine::Sheet], wanted: Option<&str>) -> Result<String, Failure> {
    let worksheets: Vec<&calamine::Sheet> = sheets
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .collect();
    match wanted {
        Some(wanted) => worksheets
            .iter()
            .find(|s| s.name == wanted)
            .or_else(|| {
                let mut same = worksheets
                    .iter()
                    .filter(|s| s.name.to_lowercase() == wanted.to_lowercase());
                same.next().filter(|_| same.next().is_none())
            })
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                Failure::UnknownSheet(
                    wanted.to_owned(),
                    worksheets.iter().map(|s| s.name.clone()).collect(),
                )
            }),
        None => worksheets
            .iter()
            .find(|s| s.visible == SheetVisible::Visible)
            .or(worksheets.first())
            .map(|s| s.name.clone())
            .ok_or(Failure::Problem(WorkbookProblem::NoWorksheet)),
    }
}

/// The workbook as the reader process has it open: calamine's reader and the sheet chosen.
pub(super) struct ChildBook {
    book: Book<Input>,
    name: String,
}

impl ChildBook {
    pub(super) fn open(source: &Source, sheet: Option<&str>) -> Result<ChildBook, Failure> {
        let book = open_book(source)?;
        let name = choose_sheet(&book.sheets(), sheet)?;
        Ok(ChildBook { book, name })
    }

    pub(super) fn name(&self) -> &str {
        &self.name
    }

    pub(super) fn is_1904(&self) -> bool {
        self.book.is_1904()
    }

    /// For an .xlsx: how each cell style shows its numbers, for the scanner.
    pub(super) fn formats(&mut self) -> Option<Vec<u8>> {
        match &mut self.book {
            Book::Xlsx(b) => b
                .worksheet_cells_reader(&self.name)
                .ok()
                .map(|reader| formats_of(reader.styles())),
            _ => None,
        }
    }

    pub(super) fn merges(&mut self) -> Vec<Dimensions> {
        self.book.merges(&self.name)
    }

    pub(super) fn cells(
        &mut self,
        cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool,
    ) -> Result<(), String> {
        self.book.cells(&self.name, cell)
    }
}

impl<RS: Read + Seek> Book<RS> {
    fn sheets(&self) -> Vec<calamine::Sheet> {
        match self {
            Book::Xlsx(b) => b.sheets_metadata().to_vec(),
            Book::Xlsb(b) => b.sheets_metadata().to_vec(),
            Book::Xls(b) => b.sheets_metadata().to_vec(),
            Book::Ods(b) => b.sheets_metadata().to_vec(),
        }
    }

    fn is_1904(&self) -> bool {
        match self {
            Book::Xlsx(b) => b.has_1904_epoch(),
            Book::Xlsb(b) => b.has_1904_epoch(),
            Book::Xls(b) => b.has_1904_epoch(),
            Book::Ods(_) => false,
        }
    }

    /// The merged regions of a sheet, where the format tells them.
    fn merges(&mut self, sheet: &str) -> Vec<Dimensions> {
        match self {
            Book::Xlsx(b) => b.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            Book::Xls(b) => b.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
            Book::Xlsb(_) | Book::Ods(_) => Vec::new(),
        }
    }

    /// Every cell of the sheet, in the file's order, to `cell(row, column, value)`; stops when
    /// it gives `false`.
    fn cells(
        &mut self,
        sheet: &str,
        cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool,
    ) -> Result<(), String> {
        match self {
            Book::Xlsx(b) => {
                let mut reader = b.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
                while let Some(c) = reader.next_cell().map_err(|e| e.to_string())? {
                    let (row, column) = c.get_position();
                    if !cell(row, column, Value::from_ref(c.get_value())) {
                        break;
                    }
                }
                Ok(())
            }
            Book::Xlsb(b) => {
                let mut reader = b.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
                while let Some(c) = reader.next_cell().map_err(|e| e.to_string())? {
                    let (row, column) = c.get_position();
                    if !cell(row, column, Value::from_ref(c.get_value())) {
                        break;
                    }
                }
                Ok(())
            }
            Book::Xls(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| e.to_string())?;
                range_cells(&range, cell);
                Ok(())
            }
            Book::Ods(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| e.to_string())?;
                range_cells(&range, cell);
                Ok(())
            }
        }
    }
}

fn range_cells(range: &calamine::Range<Data>, cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool) {
    for (row, column, value) in range.used_cells() {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        if !cell(
            row0 + row as u32,
            col0 + column as u32,
            Value::from_data(value),
        ) {
            return;
        }
    }
}
