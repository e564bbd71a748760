//! Case lists kept as workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods), read with calamine.
//!
//! A workbook is not decoded here: its sheet is rendered, a row at a time, as CSV text (dates as
//! `yyyy-mm-dd`, numbers in plain form, booleans as yes/no, text as it is, quoted where needed)
//! and handed to the one decoder every CSV goes through, so a workbook and its CSV twin read
//! alike. A thread renders the sheet into a bounded channel: memory stays flat for .xlsx and
//! .xlsb, whose cells are read as a stream (.xls and .ods are read whole by calamine).
//!
//! What a hand-kept sheet has above its header (a title row, blank rows) is skipped: the header
//! row is the first whose cells name the pending date or two known columns. A merged cell's value
//! fills its whole region, as people see it; formulas are read by their cached values.
//!
//! The rows of the rendered text are mapped back to the sheet's rows ([`SheetPlaces`]), so a bad
//! cell is reported as `Asiakkaat!C4`.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashSet};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use calamine::Dimensions;

use super::book::{
    serial_date, too_many_merges, workbook_error, Source, Value, MAX_MERGES, RESAVE,
};
use super::calamine_book::Input;
use super::column::Column;
use super::error::InputError;
use super::error::WorkbookProblem;
use super::headers::{match_header, normalize_header, HeaderMatch};
use super::rows::MAX_FIELDS;
use super::sandbox::Child;
use super::xlsx_sheet::{FastBook, FastSheet, Scan};

/// How many rows above the header are looked through for it.
const HEADER_SEARCH_ROWS: usize = 200;

/// Rendered text is sent to the decoder in blocks of this size.
const BLOCK: usize = 1 << 16;

/// Whether the first bytes of a file are those of a workbook: a zip (.xlsx, .xlsm, .xlsb, .ods)
/// or an OLE2 compound file (.xls, or an .xlsx encrypted with a password).
pub(crate) fn is_workbook(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04") || start.starts_with(b"\xD0\xCF\x11\xE0")
}

/// Where the rows of the rendered text are in the sheet: the sheet's name, and for each line
/// of the text the sheet row it came from.
#[derive(Debug)]
pub struct SheetPlaces {
    name: String,
    /// `(line, row)`: from `line` on, line `l` is sheet row `row + (l - line)` (1-based rows).
    /// Empty rows are written as blank lines, so a line is its row until a cell holds a line
    /// break: a new entry from the row after it.
    breaks: Mutex<Vec<(u64, u64)>>,
}

impl SheetPlaces {
    /// The sheet's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The sheet row (1-based, as Excel shows it) where the rendered `line` came from.
    pub fn row(&self, line: u64) -> u64 {
        let breaks = self.breaks.lock().unwrap_or_else(|e| e.into_inner());
        let at = breaks.partition_point(|(from, _)| *from <= line);
        match at.checked_sub(1).map(|at| breaks[at]) {
            Some((from, row)) => row + (line - from),
            None => line,
        }
    }

    /// A cell as Excel names it: `Asiakkaat!C4` (`'Sheet 1'!C4`); `column` is 0-based, `row`
    /// the sheet's row (as [`crate::CaseReader`] numbers the rows of a workbook).
    pub fn cell(&self, row: u64, column: usize) -> String {
        format!("{}!{}{}", self.quoted_name(), column_letters(column), row)
    }

    /// A row: `Asiakkaat!4`... written as Excel's row reference `Asiakkaat!4:4` would confuse;
    /// people read `Asiakkaat row 4`.
    pub fn row_text(&self, row: u64) -> String {
        format!("{} row {}", self.quoted_name(), row)
    }

    /// The sheet's name as a cell reference writes it: quoted when it has spaces or the like.
    pub fn quoted_name(&self) -> String {
        if self
            .name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && !self.name.starts_with(|c: char| c.is_ascii_digit())
        {
            self.name.clone()
        } else {
            format!("'{}'", self.name.replace('\'', "''"))
        }
    }

    fn push_break(&self, line: u64, row: u64) {
        self.breaks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((line, row));
    }
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// An open workbook rendered as CSV: the text to decode, and where its rows are in the sheet.
pub(crate) struct Rendered {
    pub text: Box<dyn Read + Send>,
    pub places: Arc<SheetPlaces>,
}

/// A workbook on disk.
pub(crate) fn open_file(
    path: &Path,
    label: &str,
    sheet: Option<&str>,
    mappings: &[(Column, String)],
) -> Result<Rendered, InputError> {
    let open_error = |source| InputError::Open {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(open_error)?;
    let mut start = [0u8; 80];
    let read = read_start(&mut file, &mut start).map_err(open_error)?;
    if start[..read].starts_with(b"\xD0\xCF\x11\xE0") {
        // OLE2 files are small (an .xls holds at most 65,536 rows): read whole, to look for the
        // encryption streams of a password-protected workbook.
        let mut bytes = start[..read].to_vec();
        file.read_to_end(&mut bytes).map_err(open_error)?;
        return open_bytes(bytes, label, sheet, mappings);
    }
    let len = file.metadata().map(|m| m.len()).map_err(open_error)?;
    drop(file);
    let source = Source::Path(path.to_path_buf());
    render(&source, &start[..read], len, label, sheet, mappings)
}

/// A workbook already in memory (from standard input, or an upload).
pub(crate) fn open_bytes(
    bytes: Vec<u8>,
    label: &str,
    sheet: Option<&str>,
    mappings: &[(Column, String)],
) -> Result<Rendered, InputError> {
    let start: Vec<u8> = bytes.iter().take(80).copied().collect();
    if start.starts_with(b"\xD0\xCF\x11\xE0") && encrypted(&bytes) {
        return Err(workbook_error(label, WorkbookProblem::Encrypted));
    }
    let len = bytes.len() as u64;
    let source = Source::Bytes(Arc::new(bytes));
    render(&source, &start, len, label, sheet, mappings)
}

fn read_start(file: &mut std::fs::File, start: &mut [u8]) -> io::Result<usize> {
    let mut read = 0;
    while read < start.len() {
        match file.read(&mut start[read..])? {
            0 => break,
            n => read += n,
        }
    }
    Ok(read)
}

/// Whether an OLE2 file holds the streams of an encrypted Office file (`EncryptionInfo`, or
/// .xls's `FILEPASS` which calamine reports itself).
fn encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    memchr::memmem::find(bytes, &name).is_some()
}

/// Opens the book (calamine in its reader process, and the .xlsx scanner here), chooses the
/// sheet, and starts the thread that renders it. Returns once the header row is found (or it is
/// known that the sheet cannot be read).
fn render(
    source: &Source,
    start: &[u8],
    len: u64,
    label: &str,
    sheet: Option<&str>,
    mappings: &[(Column, String)],
) -> Result<Rendered, InputError> {
    let mut child = Child::start(source, sheet, label)?;
    // While the child opens the workbook: an .xlsx's parts, read and checked here.
    let is_zip = start.starts_with(b"PK\x03\x04");
    let is_ods = start.len() >= 38 && &start[30..38] == b"mimetype";
    let fast_book = if is_zip && !is_ods {
        Input::open(source)
            .ok()
            .and_then(|input| FastBook::open(input, len))
    } else {
        None
    };
    let opened = child.opened()?;
    let mut fast = match (fast_book, &opened.formats) {
        (Some(book), Some(formats)) => book.sheet(&opened.name, formats, opened.is_1904),
        _ => None,
    };
    let merges = match fast.as_mut().map(FastSheet::merges) {
        Some(Some(merges)) => merges,
        Some(None) => {
            fast = None;
            child.go(true, 0)?
        }
        None => child.go(true, 0)?,
    };
    if merges.len() > MAX_MERGES {
        return Err(too_many_merges(label));
    }
    let name = opened.name;
    let is_1904 = opened.is_1904;
    let places = Arc::new(SheetPlaces {
        name: name.clone(),
        breaks: Mutex::new(Vec::new()),
    });
    let (setup_tx, setup_rx) = mpsc::sync_channel::<Result<(), InputError>>(1);
    let (text_tx, text_rx) = mpsc::sync_channel::<io::Result<Vec<u8>>>(4);
    let keys: Vec<(Column, String)> = mappings
        .iter()
        .map(|(column, header)| (*column, normalize_header(header)))
        .collect();
    let thread_places = Arc::clone(&places);
    let label = label.to_owned();
    std::thread::Builder::new()
        .name("workbook".into())
        .spawn(move || {
            let mut renderer = Renderer {
                places: thread_places,
                keys,
                merges: MergeIndex::new(merges),
                setup: Some(setup_tx),
                out: text_tx,
                buffer: Vec::with_capacity(BLOCK + 4096),
                pending: Vec::new(),
                row: None,
                header: None,
                width: 0,
                date_columns: Vec::new(),
                is_1904,
                line: 0,
                last_break: (1, 1),
                gone: false,
                cells: Vec::new(),
                len: 0,
                present: vec![0; MAX_COLUMN as usize / 64 + 1],
                unsorted: false,
                max_column: 0,
                cell_bytes: 0,
                fill_bytes: 0,
                problem: None,
                label: label.clone(),
            };
            let mut cell =
                |row: u32, column: u32, value: Value<'_>| renderer.cell(row, column, value);
            // The scanner reads the sheet where it can; calamine (in the child) from the first
            // cell it does not read.
            let result = match fast.map(|mut fast| fast.cells(&mut cell)) {
                Some(Scan::Done | Scan::Stopped) => Ok(()),
                Some(Scan::Unsupported { delivered }) => child
                    .go(false, delivered)
                    .and_then(|_| child.cells(&mut cell)),
                None => child.cells(&mut cell),
            };
            drop(child);
            renderer.finish(result, &name);
        })
        .map_err(|source| InputError::Read {
            path: PathBuf::from(&places.name),
            line: 0,
            source,
        })?;
    match setup_rx.recv() {
        Ok(Ok(())) => {}
        Ok(Err(error)) => return Err(error),
        Err(_) => {}
    }
    Ok(Rendered {
        text: Box::new(Blocks {
            rx: text_rx,
            block: Vec::new(),
            at: 0,
            ended: false,
        }),
        places,
    })
}

/// Turns cells into CSV lines and sends them on.
struct Renderer {
    places: Arc<SheetPlaces>,
    /// `--column` headers, normalised.
    keys: Vec<(Column, String)>,
    merges: MergeIndex,
    /// Told once the header row is found, or why there is none.
    setup: Option<SyncSender<Result<(), InputError>>>,
    out: SyncSender<io::Result<Vec<u8>>>,
    buffer: Vec<u8>,
    /// Rows before the header is found: (sheet row, cells).
    pending: Vec<(u32, Vec<(u32, String)>)>,
    /// The row being gathered.
    row: Option<u32>,
    /// The header's sheet row (0-based) once found.
    header: Option<u32>,
    /// The columns of dates, by the header.
    date_columns: Vec<bool>,
    /// The workbook counts days from 1904 (old Excel for Mac).
    is_1904: bool,
    /// The header's width: every row is written with at least this many fields.
    width: usize,
    /// Lines of text written so far.
    line: u64,
    /// The last entry of [`SheetPlaces`]'s map, kept here to check each row against it.
    last_break: (u64, u64),
    /// The decoder went away: stop.
    gone: bool,
    /// The cells of the row being gathered: (column, text), the first `len` of them.
    cells: Vec<(u32, String)>,
    len: usize,
    /// The columns of the row being gathered, one bit each ([`MAX_COLUMN`] + 1 of them).
    present: Vec<u64>,
    /// The row's cells came out of column order: sorted before the row is written.
    unsorted: bool,
    /// The highest column of any cell with a value so far: merged regions fill no further.
    max_column: u32,
    /// Bytes of the cells read so far, and of the merged values filled in: the fill may not
    /// outgrow what the sheet holds (see [`FILL_ALLOWANCE`]).
    cell_bytes: u64,
    fill_bytes: u64,
    /// Why the sheet cannot be read, found while rendering it.
    problem: Option<WorkbookProblem>,
    label: String,
}

/// The last column index a row is rendered to: a cell further right (a sheet holds 16,384
/// columns) is written in this one, so the decoder reports its row as too wide rather than the
/// renderer writing billions of empty fields for a claimed column.
const MAX_COLUMN: u32 = MAX_FIELDS as u32;

/// The last sheet row (1-based) that blank lines are written up to, so that a row's line in the
/// text is its row number: what Excel and LibreOffice sheets hold. A row numbered beyond it (a
/// claimed `r="999999999"`) is mapped by [`SheetPlaces`] instead, so at most this many blank
/// lines are written whatever the file claims.
const MAX_SHEET_ROW: u64 = 1_048_576;

/// Merged values may fill this many bytes plus [`FILL_FACTOR`] times the bytes of the cells read;
/// past it the merged regions claim far more than the sheet holds.
const FILL_ALLOWANCE: u64 = 16 << 20;
const FILL_FACTOR: u64 = 8;

/// The merged regions of a sheet, found for each row by a sweep over the rows: the regions in
/// order of their first row, and the ones covering the current row by their first column, so a
/// row costs a lookup (O(log n)) and the regions it has, not a walk over them all.
struct MergeIndex {
    /// Sorted by first row.
    regions: Vec<Dimensions>,
    /// The value of each region, once its top-left cell is read.
    values: Vec<Option<String>>,
    /// The next region (in `regions`) not yet reached by the sweep.
    next: usize,
    /// The regions covering the sweep's row: first column → index.
    active: BTreeMap<u32, usize>,
    /// The active regions by their last row, soonest first.
    ends: BinaryHeap<Reverse<(u32, usize)>>,
    /// The sweep's row.
    row: Option<u32>,
    /// Regions walked again because a row came before the one swept (rows out of order).
    rewalked: u64,
}

/// Rows out of order make the sweep start over: past this many regions walked again, the sheet
/// is refused rather than read in quadratic time.
const MAX_REWALK: u64 = 50_000_000;

impl MergeIndex {
    fn new(mut regions: Vec<Dimensions>) -> MergeIndex {
        regions.retain(|r| r.start.0 <= r.end.0 && r.start.1 <= r.end.1);
        regions.sort_by_key(|r| (r.start.0, r.start.1));
        MergeIndex {
            values: vec![None; regions.len()],
            regions,
            next: 0,
            active: BTreeMap::new(),
            ends: BinaryHeap::new(),
            row: None,
            rewalked: 0,
        }
    }

    fn is_empty(&self) -> bool {
        self.regions.is_empty()
    }

    /// Moves the sweep to `row`; `Err` when rows out of order made it walk too far.
    fn sweep_to(&mut self, row: u32) -> Result<(), ()> {
        if self.row.is_some_and(|at| row < at) {
            self.rewalked += self.next as u64;
            if self.rewalked > MAX_REWALK {
                return Err(());
            }
            self.next = 0;
            self.active.clear();
            self.ends.clear();
        }
        self.row = Some(row);
        while let Some(&Reverse((end, index))) = self.ends.peek() {
            if end >= row {
                break;
            }
            self.ends.pop();
            let start = self.regions[index].start.1;
            if self.active.get(&start) == Some(&index) {
                self.active.remove(&start);
            }
            // Its rows are behind: its value is not kept (memory for the regions at hand only).
            self.values[index] = None;
        }
        while let Some(region) = self.regions.get(self.next) {
            if region.start.0 > row {
                break;
            }
            let index = self.next;
            self.next += 1;
            if region.end.0 < row {
                continue;
            }
            // Regions that overlap (which Excel repairs away): the first one counts.
            let before = self.active.range(..=region.start.1).next_back();
            let after = self.active.range(region.start.1..).next();
            let overlaps = before.is_some_and(|(_, &i)| self.regions[i].end.1 >= region.start.1)
                || after.is_some_and(|(&start, _)| start <= region.end.1);
            if overlaps {
                continue;
            }
            self.active.insert(region.start.1, index);
            self.ends.push(Reverse((region.end.0, index)));
        }
        Ok(())
    }
}

impl Renderer {
    fn cell(&mut self, row: u32, column: u32, value: Value<'_>) -> bool {
        if self.row != Some(row) {
            self.end_row();
            self.row = Some(row);
        }
        if !value.is_empty() {
            let column = column.min(MAX_COLUMN);
            let (word, bit) = (column as usize / 64, 1u64 << (column % 64));
            if self.present[word] & bit != 0 {
                if column == MAX_COLUMN {
                    // Past the sheet's width already: the row is reported as too wide.
                    return !self.gone;
                }
                // A second cell for the same place (a row number given twice, a cell
                // repeated): its own line, with the same row number, so no case is lost.
                self.end_row();
                self.row = Some(row);
            }
            self.present[word] |= bit;
            // The row's cells keep their strings from row to row: no allocation per cell.
            if self.len == self.cells.len() {
                self.cells.push((column, String::new()));
            }
            if self.len > 0 && self.cells[self.len - 1].0 > column {
                self.unsorted = true;
            }
            let is_date = self.is_date_column(column);
            let is_1904 = self.is_1904;
            let (slot_column, text) = &mut self.cells[self.len];
            *slot_column = column;
            text.clear();
            match value {
                // A date cell that lost its date format shows its serial number; in a date
                // column it is the date.
                Value::Float(serial) if is_date => serial_date(serial, is_1904, text),
                Value::Int(serial) if is_date => serial_date(serial as f64, is_1904, text),
                value => value.write(text),
            }
            self.cell_bytes += text.len() as u64 + 1;
            self.max_column = self.max_column.max(column);
            self.len += 1;
        }
        !self.gone && self.problem.is_none()
    }

    /// The gathered row: looked at for the header, or written.
    fn end_row(&mut self) {
        let Some(row) = self.row.take() else { return };
        let len = std::mem::take(&mut self.len);
        for (column, _) in &self.cells[..len] {
            self.present[*column as usize / 64] = 0;
        }
        if std::mem::take(&mut self.unsorted) {
            // Cells placed by their reference, whatever their order in the file (E3 before A3).
            self.cells[..len].sort_by_key(|(column, _)| *column);
        }
        if self.header.is_some() && self.merges.is_empty() {
            if len > 0 {
                let cells = std::mem::take(&mut self.cells);
                self.write_row(row, &cells[..len]);
                self.cells = cells;
            }
            return;
        }
        let mut cells = self.cells[..len].to_vec();
        if let Err(problem) = self.fill_merged(row, &mut cells) {
            self.problem.get_or_insert(problem);
            return;
        }
        if cells.is_empty() {
            return;
        }
        if self.header.is_none() {
            if self.is_header(&cells) {
                self.start(row, cells);
            } else if self.pending.len() < HEADER_SEARCH_ROWS {
                self.pending.push((row, cells));
            } else {
                // No header in sight: the first row is taken as it, and the decoder names the
                // columns it found.
                let (first, first_cells) = self.pending.remove(0);
                let rest = std::mem::take(&mut self.pending);
                self.start(first, first_cells);
                for (r, c) in rest {
                    self.write_row(r, &c);
                }
                self.write_row(row, &cells);
            }
            return;
        }
        self.write_row(row, &cells);
    }

    /// Merged regions: the value of the top-left cell in every cell of the region, as shown,
    /// as far right as the sheet has cells (or the header reaches), and no further than the
    /// sheet's own bytes allow: a region's claimed extent costs nothing by itself.
    fn fill_merged(
        &mut self,
        row: u32,
        cells: &mut Vec<(u32, String)>,
    ) -> Result<(), WorkbookProblem> {
        if self.merges.is_empty() {
            return Ok(());
        }
        if self.merges.sweep_to(row).is_err() {
            return Err(WorkbookProblem::RowsOutOfOrder);
        }
        let limit = (self.width as u32).max(self.max_column + 1);
        let before = cells.len();
        let merges = &mut self.merges;
        for (&first, &index) in merges.active.range(..limit) {
            let region = merges.regions[index];
            if row == region.start.0 && merges.values[index].is_none() {
                if let Ok(at) = cells[..before].binary_search_by_key(&first, |(c, _)| *c) {
                    merges.values[index] = Some(cells[at].1.clone());
                }
            }
            let Some(value) = &merges.values[index] else {
                continue;
            };
            for column in first..=region.end.1.min(limit - 1) {
                if cells[..before]
                    .binary_search_by_key(&column, |(c, _)| *c)
                    .is_ok()
                {
                    continue;
                }
                self.fill_bytes += value.len() as u64 + 1;
                if self.fill_bytes > FILL_ALLOWANCE + FILL_FACTOR * self.cell_bytes {
                    return Err(WorkbookProblem::MergesTooLarge);
                }
                cells.push((column, value.clone()));
            }
        }
        if cells.len() > before {
            cells.sort_by_key(|(c, _)| *c);
        }
        Ok(())
    }

    fn is_date_column(&self, column: u32) -> bool {
        self.date_columns
            .get(column as usize)
            .copied()
            .unwrap_or(false)
    }

    /// The column a header means: by `--column`, or by its names.
    fn column_of(&self, header: &str) -> Option<Column> {
        let key = normalize_header(header);
        self.keys
            .iter()
            .rev()
            .find(|(_, mapped)| *mapped == key)
            .map(|(column, _)| *column)
            .or_else(|| match_header(header).map(HeaderMatch::column))
    }

    /// Whether a row's cells are the header: they name the pending date (and the row has more
    /// than a title), or two known columns.
    fn is_header(&self, cells: &[(u32, String)]) -> bool {
        let mut known = 0;
        let mut pending = false;
        let mut distinct: HashSet<&str> = HashSet::new();
        for (_, text) in cells {
            if !distinct.insert(text.as_str()) {
                continue;
            }
            if let Some(column) = self.column_of(text) {
                known += 1;
                pending |= column == Column::PendingDate;
            }
        }
        known >= 2 || (pending && distinct.len() >= 2)
    }

    fn start(&mut self, row: u32, cells: Vec<(u32, String)>) {
        self.header = Some(row);
        for (column, text) in &cells {
            let is_date = matches!(
                self.column_of(text),
                Some(
                    Column::PendingDate
                        | Column::BirthDate
                        | Column::StartedDate
                        | Column::CompletedDate
                        | Column::DecisionDate
                        | Column::ImplementedDate
                )
            );
            let column = *column as usize;
            if self.date_columns.len() <= column {
                self.date_columns.resize(column + 1, false);
            }
            self.date_columns[column] = is_date;
        }
        self.width = cells.last().map_or(0, |(c, _)| *c as usize + 1);
        // The rows above it as blank lines, which the reader skips: line numbers stay the
        // sheet's row numbers.
        self.catch_up(row);
        self.write_fields(&cells);
        if let Some(setup) = self.setup.take() {
            let _ = setup.send(Ok(()));
        }
    }

    fn write_row(&mut self, row: u32, cells: &[(u32, String)]) {
        self.catch_up(row);
        self.write_fields(cells);
    }

    /// Before the sheet row `row` (0-based) is written: blank lines (which the reader skips) up
    /// to it, so that its line is its row number, but never past [`MAX_SHEET_ROW`] and never
    /// back: a row that cannot have its number as its line (out of order, after a cell with a
    /// line break, or numbered beyond a sheet's rows) gets an entry in [`SheetPlaces`] instead.
    /// So the blank lines of a whole sheet are at most [`MAX_SHEET_ROW`], whatever it claims.
    fn catch_up(&mut self, row: u32) {
        let row = u64::from(row) + 1;
        let blank = row.min(MAX_SHEET_ROW + 1).saturating_sub(self.line + 1);
        self.buffer
            .resize(self.buffer.len() + blank as usize, b'\n');
        self.line += blank;
        if self.buffer.len() >= BLOCK {
            self.flush();
        }
        let next_line = self.line + 1;
        let (from, first) = self.last_break;
        if next_line < from || first + (next_line - from) != row {
            self.push_break(next_line, row);
        }
    }

    fn push_break(&mut self, line: u64, row: u64) {
        self.last_break = (line, row);
        self.places.push_break(line, row);
    }

    fn write_fields(&mut self, cells: &[(u32, String)]) {
        let fields = self
            .width
            .max(cells.last().map_or(0, |(c, _)| *c as usize + 1));
        let mut cells = cells.iter().peekable();
        for column in 0..fields {
            if column > 0 {
                self.buffer.push(b',');
            }
            if let Some((_, text)) = cells.next_if(|(c, _)| *c as usize == column) {
                self.line += write_field(text, &mut self.buffer);
            }
        }
        self.buffer.push(b'\n');
        self.line += 1;
        if self.buffer.len() >= BLOCK {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.buffer.is_empty() || self.gone {
            return;
        }
        let block = std::mem::replace(&mut self.buffer, Vec::with_capacity(BLOCK + 4096));
        if self.out.send(Ok(block)).is_err() {
            self.gone = true;
        }
    }

    fn finish(mut self, result: Result<(), InputError>, name: &str) {
        if result.is_ok() {
            self.end_row();
        }
        let failure = match (self.problem.take(), result) {
            (Some(problem), _) => Some(workbook_error(&self.label, problem)),
            (None, Err(error)) => Some(error),
            (None, Ok(())) => None,
        };
        if self.header.is_none() && failure.is_none() {
            let pending = std::mem::take(&mut self.pending);
            let mut rows = pending.into_iter();
            match rows.next() {
                Some((row, cells)) => {
                    self.start(row, cells);
                    for (r, c) in rows {
                        self.write_row(r, &c);
                    }
                }
                None => {
                    if let Some(setup) = self.setup.take() {
                        let _ = setup.send(Err(workbook_error(
                            &self.label,
                            WorkbookProblem::EmptySheet(name.to_string()),
                        )));
                    }
                    return;
                }
            }
        }
        match failure {
            None => {
                self.flush();
                // The end, told as such: a thread that stops without it (a panic in the
                // reader) must not pass for the end of the list.
                let _ = self.out.send(Ok(Vec::new()));
            }
            Some(error) => match self.setup.take() {
                Some(setup) => {
                    let _ = setup.send(Err(error));
                }
                None => {
                    self.flush();
                    let _ = self.out.send(Err(io::Error::other(error)));
                }
            },
        }
    }
}

/// Writes a CSV field, quoted when it holds a comma, a quote or a line break; returns the line
/// breaks in it.
fn write_field(text: &str, out: &mut Vec<u8>) -> u64 {
    let bytes = text.as_bytes();
    if !bytes
        .iter()
        .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.extend_from_slice(bytes);
        return 0;
    }
    out.push(b'"');
    let mut breaks = 0;
    let mut previous = 0u8;
    for &byte in bytes {
        if byte == b'"' {
            out.push(b'"');
        }
        // As the reader counts lines: CRLF is one break, a lone CR or LF one each.
        if byte == b'\n' && previous != b'\r' || byte == b'\r' {
            breaks += 1;
        }
        previous = byte;
        out.push(byte);
    }
    out.push(b'"');
    breaks
}

/// The rendered text as a reader.
struct Blocks {
    rx: Receiver<io::Result<Vec<u8>>>,
    block: Vec<u8>,
    at: usize,
    /// The renderer said the sheet ended (an empty block).
    ended: bool,
}

impl Read for Blocks {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.block.len() {
            match self.rx.recv() {
                Ok(Ok(block)) if block.is_empty() => {
                    self.ended = true;
                    return Ok(0);
                }
                Ok(Ok(block)) => {
                    self.block = block;
                    self.at = 0;
                }
                Ok(Err(error)) => return Err(error),
                Err(_) if self.ended => return Ok(0),
                Err(_) => {
                    return Err(io::Error::other(format!(
                        "the workbook could not be read to its end: {RESAVE}"
                    )))
                }
            }
        }
        let n = buf.len().min(self.block.len() - self.at);
        buf[..n].copy_from_slice(&self.block[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn fields_are_quoted_as_csv_needs() {
        let mut out = Vec::new();
        assert_eq!(write_field("a,b", &mut out), 0);
        assert_eq!(write_field("say \"hi\"", &mut out), 0);
        assert_eq!(write_field("two\nlines\r\nthree", &mut out), 2);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a,b\"\"say \"\"hi\"\"\"\"two\nlines\r\nthree\""
        );
    }
}
