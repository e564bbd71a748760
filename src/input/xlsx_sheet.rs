//! The cells of an .xlsx worksheet read straight from its XML: the fast route beside calamine.
//!
//! Why this exists: a 200,000-row sheet is about 100 MB of XML. calamine reads it through
//! quick-xml's general event reader (about 55 MB/s here), and finds the merged cells by reading
//! the whole sheet once more, so the audit of such a workbook took longer than polars needs to
//! read it. No crate reads worksheet XML at the speed of a byte scan with calamine's meaning of
//! the cells (calamine is the maintained .xlsx reader; the others build a whole DOM or a range).
//! This scanner knows the forms that spreadsheet programs write: `<row>`, `<c r s t>` with
//! `<v>`, `<f>` (skipped: the cached value counts) and inline `<is>` strings (plain or rich
//! text), shared strings, numbers, booleans, date cells by their number format in both date
//! systems, formula strings. At anything else (an error cell, a comment, CDATA, an Excel
//! `_x000D_` escape, text it cannot place) it stops before the cell it could not read and
//! calamine reads the sheet from there ([`Scan::Unsupported`]), so the two routes give the same
//! cells; a property test holds this one to calamine on generated and hand-made sheets.
//!
//! The workbook's parts are found as calamine finds them (the package and workbook
//! relationships); the number formats come from calamine's reading of `styles.xml`.

use std::io::{self, Read, Seek};

use calamine::{Dimensions, ExcelDateTime, ExcelDateTimeType, Style};
use memchr::{memchr, memchr2, memmem};
use zip::ZipArchive;

use super::book::{date_time, Value, MAX_MERGES};

/// The sheet's XML is inflated into a buffer of this size (grown for a longer cell).
const CHUNK: usize = 1 << 18;

/// A cell longer than this is left to calamine (in its child process).
const MAX_CELL: usize = 1 << 22;

/// How a number in a cell of a style is shown: as calamine tells dates from numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Other,
    DateTime,
    TimeDelta,
}

/// One worksheet of an .xlsx, ready to be scanned.
pub(crate) struct FastSheet<R: Read + Seek> {
    zip: ZipArchive<R>,
    /// The sheet's part in the zip.
    path: String,
    /// The shared strings, as calamine reads them.
    strings: Vec<String>,
    formats: Vec<Format>,
    is_1904: bool,
}

/// How a scan ended.
#[derive(Debug, PartialEq)]
pub(crate) enum Scan {
    /// Every cell was given.
    Done,
    /// The callback asked to stop.
    Stopped,
    /// Something this scanner does not read: the first `delivered` cells were given, calamine
    /// reads the rest.
    Unsupported { delivered: u64 },
}

/// A part calamine reads whole when it opens a workbook (relationships, `workbook.xml`,
/// `styles.xml`, the theme) may inflate to at most this: checked on the real bytes before
/// calamine opens the workbook in this process.
const PART_LIMIT: u64 = 16 << 20;

/// The shared strings may take this much memory, plus [`STRINGS_PER_BYTE`] times the size of the
/// file: a few kilobytes of zip that inflate to gigabytes of strings are not read here.
const STRINGS_ALLOWANCE: u64 = 32 << 20;
const STRINGS_PER_BYTE: u64 = 16;

/// An .xlsx package whose parts have been read and checked: the route that keeps calamine's
/// open (for the sheets and the cell styles) in this process only once every part it reads
/// whole is known to be of a sane size by its real, inflated bytes, and that reads the cells
/// itself. `None` from [`FastBook::open`] sends the workbook to calamine in a child process.
pub(crate) struct FastBook<R: Read + Seek> {
    zip: ZipArchive<R>,
    xl_path: String,
    rels: Vec<Relationship>,
    book: Vec<u8>,
    strings: Vec<String>,
}

impl<R: Read + Seek> FastBook<R> {
    /// The package in `reader` (of `file_len` bytes), or `None` when its parts are not where
    /// this scanner looks, or are larger than their limits.
    pub(crate) fn open(reader: R, file_len: u64) -> Option<Self> {
        let mut zip = ZipArchive::new(reader).ok()?;
        // The parts calamine reads whole on opening, whatever the case of their names.
        for index in 0..zip.len() {
            let name = zip.name_for_index(index)?.ok()?.to_ascii_lowercase();
            let whole = name.ends_with(".rels")
                || name.ends_with("workbook.xml")
                || name.ends_with("styles.xml")
                || name.ends_with("theme1.xml");
            if whole {
                let part = zip.by_index(index).ok()?;
                let inflated = io::copy(&mut part.take(PART_LIMIT + 1), &mut io::sink()).ok()?;
                if inflated > PART_LIMIT {
                    return None;
                }
            }
        }
        let package = read_part(&mut zip, "_rels/.rels")?;
        let target = relationships(&package)?
            .into_iter()
            .find(|r| r.kind.ends_with("/relationships/officeDocument"))?
            .target;
        let (dir, workbook) = match target.rfind('/') {
            Some(i) => target.split_at(i + 1),
            None => ("", target.as_str()),
        };
        let xl_path = dir.strip_prefix('/').unwrap_or(dir).to_owned();
        let workbook = if workbook.is_empty() {
            "workbook.xml"
        } else {
            workbook
        };
        let rels = relationships(&read_part(
            &mut zip,
            &format!("{xl_path}_rels/{workbook}.rels"),
        )?)?;
        let book = read_part(&mut zip, &format!("{xl_path}{workbook}"))?;
        let budget = STRINGS_ALLOWANCE + STRINGS_PER_BYTE.saturating_mul(file_len);
        let mut strings = None;
        let ours = format!("{xl_path}sharedStrings.xml");
        for index in 0..zip.len() {
            let name = zip.name_for_index(index)?.ok()?.into_owned();
            if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
                let part = zip.by_index(index).ok()?;
                let read = shared_strings(part, budget)?;
                if name == ours {
                    strings = Some(read);
                }
            }
        }
        Some(FastBook {
            zip,
            xl_path,
            rels,
            book,
            strings: strings.unwrap_or_default(),
        })
    }

    /// The sheet `name`, ready to be scanned, or `None` when its part is not found the plain
    /// way or its start (before `<sheetData>`, which calamine reads on opening a sheet) is
    /// over [`PART_LIMIT`]. `styles` are calamine's cell styles.
    pub(crate) fn sheet(
        mut self,
        name: &str,
        formats: &[u8],
        is_1904: bool,
    ) -> Option<FastSheet<R>> {
        let xl_path = &self.xl_path;
        let id = sheet_relationship(&self.book, name)?;
        let target = &self.rels.iter().find(|r| r.id == id)?.target;
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("{xl_path}{target}"),
        };
        {
            let mut chunks = Chunks::new(self.zip.by_name(&path).ok()?, PART_LIMIT as usize);
            let finder = memmem::Finder::new(b"sheetData");
            let mut pos = 0;
            while finder.find(&chunks.buf[pos..chunks.len]).is_none() {
                pos = chunks.len.saturating_sub(16);
                if !chunks.more(&mut pos)? {
                    return None;
                }
            }
        }
        let formats = formats
            .iter()
            .map(|&f| match f {
                1 => Format::DateTime,
                2 => Format::TimeDelta,
                _ => Format::Other,
            })
            .collect();
        Some(FastSheet {
            zip: self.zip,
            path,
            strings: self.strings,
            formats,
            is_1904,
        })
    }
}

/// A part of the package read a buffer at a time; the buffer grows for an element longer than
/// it, up to a limit.
struct Chunks<F: Read> {
    file: F,
    buf: Vec<u8>,
    len: usize,
    limit: usize,
}

impl<F: Read> Chunks<F> {
    fn new(file: F, limit: usize) -> Self {
        Chunks {
            file,
            buf: vec![0; CHUNK.min(limit.max(64))],
            len: 0,
            limit,
        }
    }

    /// Drops the bytes before `pos` (which becomes 0) and reads more: `Some(false)` at the
    /// end of the part, `None` on a read error or when an element outgrows the limit.
    fn more(&mut self, pos: &mut usize) -> Option<bool> {
        self.buf.copy_within(*pos..self.len, 0);
        self.len -= *pos;
        *pos = 0;
        if self.len == self.buf.len() {
            if self.buf.len() >= self.limit {
                return None;
            }
            self.buf.resize((self.buf.len() * 2).min(self.limit), 0);
        }
        let n = self.file.read(&mut self.buf[self.len..]).ok()?;
        self.len += n;
        Some(n > 0)
    }
}

impl<R: Read + Seek> FastSheet<R> {
    /// The merged regions of the sheet (`<mergeCells>`, after the cells), read as the part
    /// streams by (never more of it than a buffer at a time), or `None` when they are not
    /// found the plain way or there are more than [`MAX_MERGES`]. A `<mergeCells` that does
    /// not start a well-formed element (in a comment, in text) is passed over.
    pub(crate) fn merges(&mut self) -> Option<Vec<Dimensions>> {
        let file = self.zip.by_name(&self.path).ok()?;
        let mut chunks = Chunks::new(file, CHUNK);
        let finder = memmem::Finder::new(b"mergeCells");
        let mut merges = Vec::new();
        let mut pos = 0;
        // Inside a `<mergeCells>` element.
        let mut inside = false;
        loop {
            let d = &chunks.buf[..chunks.len];
            let step = if inside {
                merge_step(d, pos, &mut merges)
            } else {
                match finder.find(&d[pos..]) {
                    Some(at) => match tag_start_before(d, pos + at) {
                        Some(lt) => match next_tag(d, lt) {
                            Next::Tag(tag, after) if !tag.end && tag.name == b"mergeCells" => {
                                if tag.empty {
                                    return Some(merges);
                                }
                                inside = true;
                                MergeStep::At(after)
                            }
                            Next::Incomplete => MergeStep::MoreFrom(lt),
                            _ => MergeStep::At(pos + at + 1),
                        },
                        None => MergeStep::At(pos + at + 1),
                    },
                    None => MergeStep::MoreFrom(d.len().saturating_sub(64).max(pos)),
                }
            };
            match step {
                MergeStep::At(at) => pos = at,
                MergeStep::Done => return Some(merges),
                MergeStep::Bad => {
                    // Not the element: look on for the real one.
                    merges.clear();
                    inside = false;
                    pos = (pos + 1).min(chunks.len);
                }
                MergeStep::MoreFrom(at) => {
                    pos = at;
                    if !chunks.more(&mut pos)? {
                        return (!inside).then_some(merges);
                    }
                }
            }
            if merges.len() > MAX_MERGES {
                return None;
            }
        }
    }

    /// Gives every cell of the sheet, in order, as calamine's cell reader would, to
    /// `cell(row, column, value)` (0-based); stops when it gives `false`.
    pub(crate) fn cells(&mut self, cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool) -> Scan {
        let mut state = State::default();
        let Ok(mut file) = self.zip.by_name(&self.path) else {
            return Scan::Unsupported { delivered: 0 };
        };
        let mut buf = vec![0u8; CHUNK];
        let mut len = 0;
        let mut pos = 0;
        let mut eof = false;
        let mut sheet = Scanner {
            strings: &self.strings,
            formats: &self.formats,
            is_1904: self.is_1904,
            text: String::new(),
            piece: String::new(),
            dates: vec![None; 1 << DATES_BITS],
        };
        loop {
            match sheet.scan(&buf[..len], &mut pos, &mut state, cell) {
                Step::More if !eof => {
                    buf.copy_within(pos..len, 0);
                    len -= pos;
                    pos = 0;
                    if len == buf.len() {
                        if buf.len() >= MAX_CELL {
                            return Scan::Unsupported {
                                delivered: state.delivered,
                            };
                        }
                        buf.resize(buf.len() * 2, 0);
                    }
                    match file.read(&mut buf[len..]) {
                        Ok(0) => eof = true,
                        Ok(n) => len += n,
                        Err(_) => {
                            return Scan::Unsupported {
                                delivered: state.delivered,
                            }
                        }
                    }
                }
                Step::Done => return Scan::Done,
                Step::Stopped => return Scan::Stopped,
                Step::More | Step::Unsupported => {
                    return Scan::Unsupported {
                        delivered: state.delivered,
                    }
                }
            }
        }
    }
}

/// Where the scan is in the sheet, kept across buffer refills.
#[derive(Default)]
struct State {
    in_sheet_data: bool,
    /// calamine's position for a cell without `r`: the row from `<row r>` (0-based), counted on
    /// at `</row>`, and the column after the last cell.
    row: u32,
    column: u32,
    delivered: u64,
}

enum Step {
    /// The buffer ends inside an element: read more and call again from `pos`.
    More,
    Done,
    Stopped,
    Unsupported,
}

struct Scanner<'s> {
    strings: &'s [String],
    formats: &'s [Format],
    is_1904: bool,
    /// Text decoded from entities.
    text: String,
    /// One `<t>` of a rich text, decoded.
    piece: String,
    /// Dates already converted, by their serial number's bits.
    dates: Vec<Option<DateSlot>>,
}

/// A serial number's bits, and its year, month and day.
type DateSlot = (u64, (u16, u8, u8));

/// The date cache holds 2^12 days.
const DATES_BITS: u32 = 12;

impl Scanner<'_> {
    fn scan(
        &mut self,
        d: &[u8],
        pos: &mut usize,
        state: &mut State,
        cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool,
    ) -> Step {
        while !state.in_sheet_data {
            let Some(at) = memchr(b'<', &d[*pos..]) else {
                *pos = d.len();
                return Step::More;
            };
            let at = *pos + at;
            match d.get(at + 1) {
                None => {
                    *pos = at;
                    return Step::More;
                }
                Some(b'?') | Some(b'!') => match skip_markup(d, at) {
                    Some(Some(after)) => *pos = after,
                    Some(None) => {
                        *pos = at;
                        return Step::More;
                    }
                    None => return Step::Unsupported,
                },
                Some(_) => match next_tag(d, at) {
                    Next::Tag(tag, after) => {
                        *pos = after;
                        if !tag.end && tag.name == b"sheetData" {
                            if tag.empty || tag.attrs.iter().any(|b| !b.is_ascii_whitespace()) {
                                return Step::Unsupported;
                            }
                            state.in_sheet_data = true;
                        }
                    }
                    Next::Incomplete => {
                        *pos = at;
                        return Step::More;
                    }
                    Next::Bad => return Step::Unsupported,
                },
            }
        }
        loop {
            let at = skip_space(d, *pos);
            *pos = at;
            if at == d.len() {
                return Step::More;
            }
            if d[at] != b'<' {
                return Step::Unsupported;
            }
            let quick = quick_cell_tag(d, at);
            let (tag, after) = match quick {
                Some((_, after)) => (CELL_TAG, after),
                None => match next_tag(d, at) {
                    Next::Tag(tag, after) => (tag, after),
                    Next::Incomplete => return Step::More,
                    Next::Bad => return Step::Unsupported,
                },
            };
            match (tag.end, tag.name) {
                (false, b"c") => {
                    let attrs = match quick {
                        Some((attrs, _)) => Ok(attrs),
                        None => CellAttrs::of(&tag),
                    };
                    let Ok(attrs) = attrs else {
                        return Step::Unsupported;
                    };
                    let (row, column, value, after) =
                        match self.cell(d, &attrs, after, state.row, state.column) {
                            Parsed::Cell(row, column, value, after) => (row, column, value, after),
                            Parsed::More => return Step::More,
                            Parsed::Unsupported => return Step::Unsupported,
                        };
                    state.column = column + 1;
                    let value = match value {
                        Cell::Empty => Value::Empty,
                        Cell::Number(n) => n,
                        Cell::Raw(from, to) => match std::str::from_utf8(&d[from..to]) {
                            Ok(text) => Value::Text(text),
                            Err(_) => return Step::Unsupported,
                        },
                        Cell::Decoded => Value::Text(&self.text),
                        Cell::Shared(index) => Value::Text(&self.strings[index]),
                    };
                    *pos = after;
                    state.delivered += 1;
                    if !cell(row, column, value) {
                        return Step::Stopped;
                    }
                }
                (false, b"row") => {
                    if let Some(r) = attr(tag.attrs, b"r") {
                        match number(r) {
                            Some(r) if r >= 1 => state.row = r - 1,
                            _ => return Step::Unsupported,
                        }
                    }
                    if tag.empty {
                        state.row += 1;
                        state.column = 0;
                    }
                    *pos = after;
                }
                (true, b"row") => {
                    state.row += 1;
                    state.column = 0;
                    *pos = after;
                }
                (true, b"sheetData") => return Step::Done,
                _ => return Step::Unsupported,
            }
        }
    }

    /// A `<c>` element from after its start tag: its place, its value and where it ends.
    fn cell(
        &mut self,
        d: &[u8],
        attrs: &CellAttrs<'_>,
        after: usize,
        row: u32,
        column: u32,
    ) -> Parsed {
        let place = match attrs.r {
            Some(r) => match reference(r) {
                Some(place) => Some(place),
                None => return Parsed::Unsupported,
            },
            None => None,
        };
        let style = match attrs.s {
            Some(s) => match number(s) {
                Some(s) => Some(s as usize),
                None => return Parsed::Unsupported,
            },
            None => None,
        };
        let (kind, has_kind) = (attrs.t.unwrap_or_default(), attrs.t.is_some());
        let (row, column) = place.unwrap_or((row, column));
        if attrs.empty {
            return Parsed::Cell(row, column, Cell::Empty, after);
        }
        if let Some(parsed) = self.plain_cell(d, after, (row, column), kind, has_kind, style) {
            return parsed;
        }
        let mut value = Cell::Empty;
        let mut pos = after;
        loop {
            pos = skip_space(d, pos);
            if pos == d.len() {
                return Parsed::More;
            }
            if d[pos] != b'<' {
                return Parsed::Unsupported;
            }
            let (child, after) = match next_tag(d, pos) {
                Next::Tag(child, after) => (child, after),
                Next::Incomplete => return Parsed::More,
                Next::Bad => return Parsed::Unsupported,
            };
            if child.end {
                if child.name == b"c" {
                    return Parsed::Cell(row, column, value, after);
                }
                return Parsed::Unsupported;
            }
            let (content, end) = if child.empty {
                ((after, after), after)
            } else {
                match text_until_end(d, after, child.name) {
                    Found::At(from, to, end) => ((from, to), end),
                    Found::More => return Parsed::More,
                    Found::Other => {
                        if child.name == b"is" {
                            match self.rich_text(d, after, b"is") {
                                Found::At(_, _, end) => {
                                    value = Cell::Decoded;
                                    pos = end;
                                    continue;
                                }
                                Found::More => return Parsed::More,
                                Found::Other => return Parsed::Unsupported,
                            }
                        }
                        return Parsed::Unsupported;
                    }
                }
            };
            pos = end;
            let text = &d[content.0..content.1];
            value = match child.name {
                b"f" => Cell::Empty,
                b"v" if matches!(kind, b"inlineStr" | b"is") => Cell::Empty,
                b"v" => match self.value(text, content.0, kind, has_kind, style) {
                    Some(v) => v,
                    None => return Parsed::Unsupported,
                },
                // `<is>` with no element inside: calamine reads it as an empty string.
                b"is" if text.iter().all(u8::is_ascii_whitespace) => {
                    self.text.clear();
                    Cell::Decoded
                }
                _ => return Parsed::Unsupported,
            };
        }
    }

    /// The two bodies nearly every cell has, `<v>…</v></c>` and `<is><t>…</t></is></c>` with
    /// plain text, read without taking their tags apart; `None` for any other body (read by
    /// the general route in [`Scanner::cell`]).
    fn plain_cell(
        &mut self,
        d: &[u8],
        after: usize,
        (row, column): (u32, u32),
        kind: &[u8],
        has_kind: bool,
        style: Option<usize>,
    ) -> Option<Parsed> {
        let rest = &d[after..];
        let (open, close): (usize, &[u8]) = if rest.starts_with(b"<v>") {
            (3, b"</v></c>")
        } else if rest.starts_with(b"<is><t>") {
            (7, b"</t></is></c>")
        } else {
            return None;
        };
        let from = after + open;
        let Some(len) = find_lt(&d[from..]) else {
            return Some(Parsed::More);
        };
        let to = from + len;
        if d.len() < to + close.len() {
            return Some(Parsed::More);
        }
        if &d[to..to + close.len()] != close {
            return None;
        }
        let end = to + close.len();
        let text = &d[from..to];
        let value = if open == 3 {
            if matches!(kind, b"inlineStr" | b"is") {
                Cell::Empty
            } else {
                match self.value(text, from, kind, has_kind, style) {
                    Some(value) => value,
                    None => return Some(Parsed::Unsupported),
                }
            }
        } else {
            // As calamine: trimmed of ASCII spaces and line breaks; entities and escapes go the
            // general way.
            if text.contains(&b'&') || text.contains(&b'\r') || memmem::find(text, b"_x").is_some()
            {
                return None;
            }
            let start = text.iter().take_while(|&&b| is_space(b)).count();
            let end = text.len() - text.iter().rev().take_while(|&&b| is_space(b)).count();
            Cell::Raw(from + start, from + end.max(start))
        };
        Some(Parsed::Cell(row, column, value, end))
    }

    /// A date cell's value as calamine gives it, remembered: a list holds a few thousand
    /// different days in hundreds of thousands of cells.
    fn date(&mut self, serial: f64) -> Value<'static> {
        let key = serial.to_bits();
        let slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - DATES_BITS)) as usize;
        if let Some((seen, (y, m, d))) = self.dates[slot] {
            if seen == key {
                return Value::Date(y, m, d);
            }
        }
        let value = date_time(&ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            self.is_1904,
        ));
        if let Value::Date(y, m, d) = value {
            self.dates[slot] = Some((key, (y, m, d)));
        }
        value
    }

    /// A `<v>` value by the cell's type; `None` for what calamine reads otherwise.
    fn value(
        &mut self,
        text: &[u8],
        at: usize,
        kind: &[u8],
        has_kind: bool,
        style: Option<usize>,
    ) -> Option<Cell> {
        match kind {
            b"n" | b"" if !has_kind || kind == b"n" => {
                if text.is_empty() {
                    return Some(Cell::Empty);
                }
                let n = plain_number(text)?;
                let format = match style {
                    Some(s) => self.formats.get(s).copied().unwrap_or(Format::Other),
                    None => Format::Other,
                };
                Some(Cell::Number(match format {
                    Format::Other => Value::Float(n),
                    Format::DateTime => self.date(n),
                    Format::TimeDelta => date_time(&ExcelDateTime::new(
                        n,
                        ExcelDateTimeType::TimeDelta,
                        self.is_1904,
                    )),
                }))
            }
            b"s" => {
                if text.is_empty() {
                    return Some(Cell::Empty);
                }
                let index = number(text)? as usize;
                (index < self.strings.len()).then_some(Cell::Shared(index))
            }
            b"b" => match text {
                b"" => Some(Cell::Empty),
                b"0" => Some(Cell::Number(Value::Bool(false))),
                b"1" => Some(Cell::Number(Value::Bool(true))),
                _ => None,
            },
            // A formula's text result, or an ISO date: the text as it is, entities decoded.
            b"str" | b"d" => {
                if text.contains(&b'\r') {
                    return None;
                }
                if !text.contains(&b'&') {
                    if kind == b"str" && memmem::find(text, b"_x").is_some() {
                        return None;
                    }
                    return Some(Cell::Raw(at, at + text.len()));
                }
                self.text.clear();
                decode(text, &mut self.text)?;
                if kind == b"str" && self.text.contains("_x") {
                    return None;
                }
                Some(Cell::Decoded)
            }
            _ => None,
        }
    }

    /// The text of an `<is>` or `<si>` element from after its start tag to its end tag
    /// (`closing`), as calamine joins it: each `<t>` trimmed unless `xml:space="preserve"`, the
    /// runs of rich text joined, phonetic runs (`<rPh>`) left out. Into `self.text`.
    fn rich_text(&mut self, d: &[u8], from: usize, closing: &[u8]) -> Found {
        self.text.clear();
        let mut phonetic = false;
        let mut pos = from;
        loop {
            let Some(at) = find_lt(&d[pos..]) else {
                return Found::More;
            };
            if !d[pos..pos + at].iter().all(u8::is_ascii_whitespace) {
                return Found::Other;
            }
            let at = pos + at;
            let (tag, after) = match next_tag(d, at) {
                Next::Tag(tag, after) => (tag, after),
                Next::Incomplete => return Found::More,
                Next::Bad => return Found::Other,
            };
            pos = after;
            match (tag.end, tag.name) {
                (true, name) if name == closing => return Found::At(from, at, after),
                (false, b"rPh") => phonetic = !tag.empty,
                (true, b"rPh") => phonetic = false,
                (false, b"t") if !tag.empty => {
                    let (start, end, after) = match text_until_end(d, after, b"t") {
                        Found::At(start, end, after) => (start, end, after),
                        other => return other,
                    };
                    pos = after;
                    if phonetic {
                        continue;
                    }
                    let preserve = attr(tag.attrs, b"xml:space") == Some(b"preserve");
                    let raw = &d[start..end];
                    if raw.contains(&b'\r') {
                        return Found::Other;
                    }
                    let mark = self.text.len();
                    self.piece.clear();
                    if decode(raw, &mut self.piece).is_none() {
                        return Found::Other;
                    }
                    let piece = if preserve {
                        self.piece.as_str()
                    } else {
                        self.piece.trim_matches([' ', '\t', '\r', '\n'])
                    };
                    self.text.push_str(piece);
                    if self.text[mark..].contains("_x") {
                        return Found::Other;
                    }
                }
                // Run properties, phonetic properties: nothing to read.
                (_, b"r" | b"rPr" | b"phoneticPr" | b"t") => {}
                (false, _) if !phonetic && tag.empty => {}
                (true, _) => {}
                _ => {}
            }
        }
    }
}

/// The attributes of a `<c>` tag that matter: place, style, type.
#[derive(Default, Clone, Copy)]
struct CellAttrs<'a> {
    r: Option<&'a [u8]>,
    s: Option<&'a [u8]>,
    t: Option<&'a [u8]>,
    /// `<c …/>`
    empty: bool,
}

impl<'a> CellAttrs<'a> {
    /// From a tag read by [`next_tag`]; `Err` for an attribute given twice.
    fn of(tag: &Tag<'a>) -> Result<CellAttrs<'a>, ()> {
        let mut attrs = CellAttrs {
            empty: tag.empty,
            ..CellAttrs::default()
        };
        for (key, value) in Attrs(tag.attrs) {
            attrs.set(key, value)?;
        }
        Ok(attrs)
    }

    fn set(&mut self, key: &[u8], value: &'a [u8]) -> Result<(), ()> {
        let slot = match key {
            b"r" => &mut self.r,
            b"s" => &mut self.s,
            b"t" => &mut self.t,
            _ => return Ok(()),
        };
        match slot.replace(value) {
            Some(_) => Err(()),
            None => Ok(()),
        }
    }
}

/// What [`quick_cell_tag`] reads stands for this tag.
const CELL_TAG: Tag<'static> = Tag {
    end: false,
    name: b"c",
    attrs: b"",
    empty: false,
};

/// `<c r="A1" s="1" t="s">` as spreadsheet programs write it (no prefix, double quotes, one
/// space between attributes, short values), read in one pass; `None` for anything else, which
/// [`next_tag`] reads.
fn quick_cell_tag(d: &[u8], at: usize) -> Option<(CellAttrs<'_>, usize)> {
    if d.get(at + 1..at + 3)? != b"c " {
        return None;
    }
    let mut attrs = CellAttrs::default();
    let mut i = at + 3;
    loop {
        match *d.get(i)? {
            b'>' => return Some((attrs, i + 1)),
            b'/' => {
                attrs.empty = true;
                return (*d.get(i + 1)? == b'>').then_some((attrs, i + 2));
            }
            _ => {
                let eq = i + d.get(i..i + 16)?.iter().position(|&b| b == b'=')?;
                let key = &d[i..eq];
                if key.is_empty()
                    || key.iter().any(|&b| {
                        matches!(
                            b,
                            b' ' | b'/' | b'>' | b'<' | b'"' | b'\'' | b'\t' | b'\r' | b'\n'
                        )
                    })
                {
                    return None;
                }
                if *d.get(eq + 1)? != b'"' {
                    return None;
                }
                let from = eq + 2;
                let len = d
                    .get(from..(from + 32).min(d.len()))?
                    .iter()
                    .position(|&b| b == b'"')?;
                let value = &d[from..from + len];
                if value.contains(&b'<') {
                    return None;
                }
                attrs.set(key, value).ok()?;
                i = from + len + 1;
                match *d.get(i)? {
                    b' ' => i += 1,
                    b'>' | b'/' => {}
                    _ => return None,
                }
            }
        }
    }
}

enum Parsed {
    Cell(u32, u32, Cell, usize),
    More,
    Unsupported,
}

/// A cell's value, pointing into the buffer or the scanner.
enum Cell {
    Empty,
    Number(Value<'static>),
    Raw(usize, usize),
    Decoded,
    Shared(usize),
}

enum Found {
    /// The content runs from `.0` to `.1`; the end tag ends at `.2`.
    At(usize, usize, usize),
    More,
    /// Something other than text before the end tag.
    Other,
}

/// The text from `from` to the end tag `</name>`, if only text comes before it.
fn text_until_end(d: &[u8], from: usize, name: &[u8]) -> Found {
    let Some(at) = find_lt(&d[from..]) else {
        return Found::More;
    };
    let at = from + at;
    match next_tag(d, at) {
        Next::Tag(tag, after) if tag.end && tag.name == name => Found::At(from, at, after),
        Next::Incomplete => Found::More,
        _ => Found::Other,
    }
}

/// A start or end tag: its local name (without a namespace prefix), its attributes' text.
struct Tag<'a> {
    end: bool,
    name: &'a [u8],
    attrs: &'a [u8],
    /// `<name/>`: a start and an end in one, as calamine reads it.
    empty: bool,
}

enum Next<'a> {
    Tag(Tag<'a>, usize),
    Incomplete,
    Bad,
}

/// The first `<`: in a cell's short text a plain loop finds it sooner than memchr's setup.
fn find_lt(d: &[u8]) -> Option<usize> {
    match d.iter().take(24).position(|&b| b == b'<') {
        Some(at) => Some(at),
        None if d.len() <= 24 => None,
        None => memchr(b'<', &d[24..]).map(|at| at + 24),
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn skip_space(d: &[u8], mut pos: usize) -> usize {
    while pos < d.len() && is_space(d[pos]) {
        pos += 1;
    }
    pos
}

/// The tag at `at` (where `d[at]` is `<`) and the position after it.
fn next_tag(d: &[u8], at: usize) -> Next<'_> {
    let mut i = at + 1;
    let end = match d.get(i) {
        None => return Next::Incomplete,
        Some(b'/') => {
            i += 1;
            true
        }
        Some(b'!' | b'?') => return Next::Bad,
        Some(_) => false,
    };
    let start = i;
    while i < d.len() && !is_space(d[i]) && d[i] != b'>' && d[i] != b'/' {
        i += 1;
    }
    if i == d.len() {
        return Next::Incomplete;
    }
    let qname = &d[start..i];
    if qname.is_empty() || qname.contains(&b'<') {
        return Next::Bad;
    }
    let name = match memchr(b':', qname) {
        Some(colon) => &qname[colon + 1..],
        None => qname,
    };
    let attrs_from = i;
    loop {
        i = skip_space(d, i);
        match d.get(i) {
            None => return Next::Incomplete,
            Some(b'>') => {
                let tag = Tag {
                    end,
                    name,
                    attrs: &d[attrs_from..i],
                    empty: false,
                };
                return Next::Tag(tag, i + 1);
            }
            Some(b'/') if !end => match d.get(i + 1) {
                None => return Next::Incomplete,
                Some(b'>') => {
                    let tag = Tag {
                        end,
                        name,
                        attrs: &d[attrs_from..i],
                        empty: true,
                    };
                    return Next::Tag(tag, i + 2);
                }
                Some(_) => return Next::Bad,
            },
            Some(_) if end => return Next::Bad,
            Some(_) => {
                let key = i;
                while i < d.len() && !is_space(d[i]) && !matches!(d[i], b'=' | b'>' | b'/' | b'<') {
                    i += 1;
                }
                if i == key {
                    return Next::Bad;
                }
                i = skip_space(d, i);
                match d.get(i) {
                    None => return Next::Incomplete,
                    Some(b'=') => {}
                    Some(_) => return Next::Bad,
                }
                i = skip_space(d, i + 1);
                let quote = match d.get(i) {
                    None => return Next::Incomplete,
                    Some(&q @ (b'"' | b'\'')) => q,
                    Some(_) => return Next::Bad,
                };
                match memchr2(quote, b'<', &d[i + 1..]) {
                    None => return Next::Incomplete,
                    Some(len) if d[i + 1 + len] == quote => i += len + 2,
                    Some(_) => return Next::Bad,
                }
            }
        }
    }
}

/// `<?…?>` and `<!--…-->` before the cells: the position after them, `Some(None)` when the
/// buffer ends first, `None` for other markup (`<!DOCTYPE`, CDATA).
fn skip_markup(d: &[u8], at: usize) -> Option<Option<usize>> {
    let (close, from): (&[u8], usize) = if d[at + 1] == b'?' {
        (b"?>", at + 2)
    } else if d.len() < at + 4 {
        return Some(None);
    } else if &d[at + 1..at + 4] == b"!--" {
        (b"-->", at + 4)
    } else {
        return None;
    };
    Some(memmem::find(&d[from..], close).map(|i| from + i + close.len()))
}

/// The attributes of a tag, checked by [`next_tag`].
struct Attrs<'a>(&'a [u8]);

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let d = self.0;
        let start = skip_space(d, 0);
        if start == d.len() {
            return None;
        }
        let eq = start + memchr(b'=', &d[start..])?;
        let key = d[start..eq].trim_ascii_end();
        let open = skip_space(d, eq + 1);
        let quote = *d.get(open)?;
        let close = open + 1 + memchr(quote, &d[open + 1..])?;
        self.0 = &d[close + 1..];
        Some((key, &d[open + 1..close]))
    }
}

fn attr<'a>(attrs: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    Attrs(attrs).find(|(key, _)| *key == name).map(|(_, v)| v)
}

/// Decimal digits as a number (at most 9 of them).
fn number(text: &[u8]) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(text.iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0')))
}

/// A cell reference `C4` as (row, column), 0-based.
fn reference(text: &[u8]) -> Option<(u32, u32)> {
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = text[..letters].iter().fold(0u32, |n, &b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = number(&text[letters..])?;
    Some((row.checked_sub(1)?, column - 1))
}

/// `A1:B2` (or `A1`) as calamine's dimensions.
fn dimension(text: &[u8]) -> Option<Dimensions> {
    let mut parts = text.split(|&b| b == b':');
    let start = reference(parts.next()?)?;
    let end = match parts.next() {
        Some(part) => reference(part)?,
        None => start,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(Dimensions { start, end })
}

/// A number as Excel writes one: `-?digits(.digits)?(E[+-]?digits)?`; anything else is left
/// to calamine, whose float parser reads more forms.
fn plain_number(text: &[u8]) -> Option<f64> {
    let digits = text.strip_prefix(b"-").unwrap_or(text);
    if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
        let n = digits
            .iter()
            .fold(0i64, |n, &b| n * 10 + i64::from(b - b'0'));
        return Some(if digits.len() < text.len() { -n } else { n } as f64);
    }
    let mut i = 0;
    let run = |i: &mut usize| {
        let from = *i;
        while *i < digits.len() && digits[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > from
    };
    if !run(&mut i) {
        return None;
    }
    if digits.get(i) == Some(&b'.') {
        i += 1;
        if !run(&mut i) {
            return None;
        }
    }
    if matches!(digits.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(digits.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !run(&mut i) {
            return None;
        }
    }
    if i != digits.len() {
        return None;
    }
    std::str::from_utf8(text).ok()?.parse().ok()
}

/// XML text with the five named entities and character references decoded, appended to
/// `out`; `None` for anything else (or text that is not UTF-8).
fn decode(text: &[u8], out: &mut String) -> Option<()> {
    let text = std::str::from_utf8(text).ok()?;
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';')? + amp;
        let entity = &rest[amp + 1..semi];
        match entity {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    entity.strip_prefix('#')?.parse().ok()?
                };
                if code == 0 || hex_or_digits_bad(entity) {
                    return None;
                }
                out.push(char::from_u32(code)?);
            }
        }
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Some(())
}

/// A character reference written with a sign or spaces, which `parse` would take.
fn hex_or_digits_bad(entity: &str) -> bool {
    let body = entity
        .strip_prefix("#x")
        .or_else(|| entity.strip_prefix('#'))
        .unwrap_or(entity);
    body.is_empty() || !body.bytes().all(|b| b.is_ascii_hexdigit())
}

enum MergeStep {
    At(usize),
    MoreFrom(usize),
    Done,
    Bad,
}

/// One element inside `<mergeCells>` at `pos`: a `<mergeCell ref>` (added to `merges`), its
/// end tag, or the end of the list.
fn merge_step(d: &[u8], pos: usize, merges: &mut Vec<Dimensions>) -> MergeStep {
    let at = skip_space(d, pos);
    if at == d.len() {
        return MergeStep::MoreFrom(pos);
    }
    if d[at] != b'<' {
        return MergeStep::Bad;
    }
    let (tag, after) = match next_tag(d, at) {
        Next::Tag(tag, after) => (tag, after),
        Next::Incomplete => return MergeStep::MoreFrom(at),
        Next::Bad => return MergeStep::Bad,
    };
    match (tag.end, tag.name) {
        (false, b"mergeCell") => {
            if let Some(reference) = attr(tag.attrs, b"ref") {
                match dimension(reference) {
                    Some(region) => merges.push(region),
                    None => return MergeStep::Bad,
                }
            }
            MergeStep::At(after)
        }
        (true, b"mergeCell") => MergeStep::At(after),
        (true, b"mergeCells") => MergeStep::Done,
        _ => MergeStep::Bad,
    }
}

/// The `<` of a start tag whose (local) name starts at `at`: `<name` or `<prefix:name`.
fn tag_start_before(d: &[u8], at: usize) -> Option<usize> {
    let mut i = at.checked_sub(1)?;
    if d[i] == b'<' {
        return Some(i);
    }
    if d[i] != b':' {
        return None;
    }
    while i > 0 && at - i < 32 {
        i -= 1;
        match d[i] {
            b'<' => return (i + 1 < at - 1).then_some(i),
            b if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' => {}
            _ => return None,
        }
    }
    None
}

/// A part of the package, whole (a small part: at most [`PART_LIMIT`]).
fn read_part<R: Read + Seek>(zip: &mut ZipArchive<R>, path: &str) -> Option<Vec<u8>> {
    let file = zip.by_name(path).ok()?;
    let mut bytes = Vec::new();
    file.take(PART_LIMIT + 1).read_to_end(&mut bytes).ok()?;
    (bytes.len() as u64 <= PART_LIMIT).then_some(bytes)
}

/// Every start tag of a small XML part, in order, with markup skipped; `None` if it is not read.
fn start_tags(d: &[u8]) -> Option<Vec<Tag<'_>>> {
    let mut tags = Vec::new();
    let mut pos = 0;
    while let Some(at) = memchr(b'<', &d[pos..]) {
        let at = pos + at;
        if matches!(d.get(at + 1), Some(b'?' | b'!')) {
            pos = skip_markup(d, at)??;
            continue;
        }
        match next_tag(d, at) {
            Next::Tag(tag, after) => {
                pos = after;
                if !tag.end {
                    tags.push(tag);
                }
            }
            _ => return None,
        }
    }
    Some(tags)
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(d: &[u8]) -> Option<Vec<Relationship>> {
    let text = |v: Option<&[u8]>| {
        let mut out = String::new();
        decode(v.unwrap_or_default(), &mut out).map(|()| out)
    };
    start_tags(d)?
        .iter()
        .filter(|tag| tag.name == b"Relationship")
        .map(|tag| {
            Some(Relationship {
                id: text(attr(tag.attrs, b"Id"))?,
                kind: text(attr(tag.attrs, b"Type"))?,
                target: text(attr(tag.attrs, b"Target"))?,
            })
        })
        .collect()
}

/// The relationship id of the sheet called `name` in `workbook.xml`.
fn sheet_relationship(d: &[u8], name: &str) -> Option<String> {
    for tag in start_tags(d)?.iter().filter(|tag| tag.name == b"sheet") {
        let mut sheet = String::new();
        decode(attr(tag.attrs, b"name")?, &mut sheet)?;
        if sheet == name {
            let id = Attrs(tag.attrs).find(|(key, _)| key.ends_with(b":id") || *key == b"id")?;
            let mut out = String::new();
            decode(id.1, &mut out)?;
            return Some(out);
        }
    }
    None
}

/// The shared strings (`sharedStrings.xml`), each `<si>` as calamine reads it, read as the part
/// streams by; `None` past `budget` bytes of memory (a string costs its length and 32), for a
/// string over [`MAX_CELL`], or for what this reader does not read.
fn shared_strings(part: impl Read, budget: u64) -> Option<Vec<String>> {
    let mut scanner = Scanner {
        strings: &[],
        formats: &[],
        is_1904: false,
        text: String::new(),
        piece: String::new(),
        dates: Vec::new(),
    };
    let mut chunks = Chunks::new(part, MAX_CELL);
    let mut strings: Vec<String> = Vec::new();
    let mut used = 0u64;
    let mut pos = 0;
    let mut in_sst = false;
    loop {
        let before = strings.len();
        let d = &chunks.buf[..chunks.len];
        match sst_step(&mut scanner, d, pos, &mut in_sst, &mut strings) {
            Sst::At(at) => pos = at,
            Sst::Done => return Some(strings),
            Sst::Bad => return None,
            Sst::More => {
                if !chunks.more(&mut pos)? {
                    return None;
                }
            }
        }
        if strings.len() > before {
            used += strings[before].len() as u64 + 32;
            if used > budget {
                return None;
            }
        }
    }
}

enum Sst {
    At(usize),
    More,
    Done,
    Bad,
}

/// One step of [`shared_strings`] at `pos`: markup before `<sst>`, a string, or the end.
fn sst_step(
    scanner: &mut Scanner<'_>,
    d: &[u8],
    pos: usize,
    in_sst: &mut bool,
    strings: &mut Vec<String>,
) -> Sst {
    let Some(at) = memchr(b'<', &d[pos..]) else {
        return Sst::More;
    };
    let at = pos + at;
    if *in_sst && !d[pos..at].iter().all(u8::is_ascii_whitespace) {
        return Sst::Bad;
    }
    if !*in_sst {
        match d.get(at + 1) {
            None => return Sst::More,
            Some(b'?' | b'!') => {
                return match skip_markup(d, at) {
                    Some(Some(after)) => Sst::At(after),
                    Some(None) => Sst::More,
                    None => Sst::Bad,
                }
            }
            Some(_) => {}
        }
    }
    let (tag, after) = match next_tag(d, at) {
        Next::Tag(tag, after) => (tag, after),
        Next::Incomplete => return Sst::More,
        Next::Bad => return Sst::Bad,
    };
    match (tag.end, tag.name, *in_sst) {
        (false, b"sst", false) if !tag.empty => {
            *in_sst = true;
            Sst::At(after)
        }
        (false, b"sst", false) => Sst::Done,
        (_, _, false) => Sst::At(after),
        (false, b"si", true) if tag.empty => {
            strings.push(String::new());
            Sst::At(after)
        }
        (false, b"si", true) => match scanner.rich_text(d, after, b"si") {
            Found::At(_, _, end) => {
                strings.push(std::mem::take(&mut scanner.text));
                Sst::At(end)
            }
            Found::More => Sst::More,
            Found::Other => Sst::Bad,
        },
        (true, b"sst", true) => Sst::Done,
        _ => Sst::Bad,
    }
}

/// How each cell style shows its numbers (0 other, 1 a date, 2 a duration), as sent by the
/// reader process to [`FastBook::sheet`].
pub(crate) fn formats_of(styles: &[Style]) -> Vec<u8> {
    styles
        .iter()
        .map(|style| match style_format(style) {
            Format::Other => 0,
            Format::DateTime => 1,
            Format::TimeDelta => 2,
        })
        .collect()
}

/// A style's number format as calamine classes it (dates, durations, the rest).
fn style_format(style: &Style) -> Format {
    let Some(format) = &style.number_format else {
        return Format::Other;
    };
    let Some(id) = format.format_id else {
        return detect_custom_number_format(&format.format_code);
    };
    if format.format_code == builtin_format_code(id).unwrap_or("General") {
        match id {
            14..=22 | 27..=36 | 45 | 47 | 50..=58 => Format::DateTime,
            46 => Format::TimeDelta,
            _ => Format::Other,
        }
    } else {
        detect_custom_number_format(&format.format_code)
    }
}

/// The code of a built-in number format (ECMA-376 18.8.30), as calamine names them.
fn builtin_format_code(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        14 => "mm-dd-yy",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "m/d/yy h:mm",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        41 => "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)",
        42 => "_($* #,##0_);_($* (#,##0);_($* \"-\"_);_(@_)",
        43 => "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)",
        44 => "_($* #,##0.00_);_($* (#,##0.00);_($* \"-\"??_);_(@_)",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mmss.0",
        48 => "##0.0E+0",
        49 => "@",
        _ => return None,
    })
}

/// Whether a custom number format shows a date or a duration: calamine's
/// `detect_custom_number_format` (MIT, Copyright 2016-2026 Johann Tuffe), which calamine does
/// not export.
fn detect_custom_number_format(format: &str) -> Format {
    let mut escaped = false;
    let mut is_quote = false;
    let mut brackets = 0u8;
    let mut prev = ' ';
    let mut hms = false;
    let mut ap = false;
    for s in format.chars() {
        match (s, escaped, is_quote, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => is_quote = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => is_quote = true,
            (';', ..) => return Format::Other,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return Format::TimeDelta,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return Format::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return Format::DateTime
            }
            _ => {
                if hms && s.eq_ignore_ascii_case(&prev) {
                } else {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    Format::Other
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use calamine::{open_workbook_from_rs, Xlsx};
    use proptest::prelude::*;

    use super::*;

    /// The scanner of the sheet `name`, as the reader opens it.
    fn open_fast(
        reader: Cursor<Vec<u8>>,
        name: &str,
        styles: &[Style],
        is_1904: bool,
    ) -> Option<FastSheet<Cursor<Vec<u8>>>> {
        let len = reader.get_ref().len() as u64;
        FastBook::open(reader, len)?.sheet(name, &formats_of(styles), is_1904)
    }

    const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="d\.m\.yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/><numFmt numFmtId="166" formatCode="0.0&quot;d&quot;"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="46" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#;

    /// An .xlsx with one sheet `S` (and a first sheet `Other`) holding `rows` as its
    /// `<sheetData>` content, with `shared` as its shared strings.
    fn package(rows: &str, shared: Option<&str>, date1904: bool, prefix: &str) -> Vec<u8> {
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let (open, p) = if prefix.is_empty() {
            (format!(r#"<worksheet xmlns="{ns}">"#), String::new())
        } else {
            (
                format!(r#"<{prefix}:worksheet xmlns:{prefix}="{ns}">"#),
                format!("{prefix}:"),
            )
        };
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
{open}<{p}dimension ref="A1:C3"/><!-- a comment --><{p}sheetData>{rows}</{p}sheetData><{p}mergeCells count="1"><{p}mergeCell ref="A1:B1"/></{p}mergeCells></{p}worksheet>"#
        );
        let mut parts = vec![
            ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_owned()),
            ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_owned()),
            ("xl/workbook.xml", format!(r#"<?xml version="1.0"?><workbook xmlns="{ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="{}"/><sheets><sheet name="Other" sheetId="1" r:id="rId1"/><sheet name="S" sheetId="2" r:id="rId2"/></sheets></workbook>"#, u8::from(date1904))),
            ("xl/styles.xml", STYLES.to_owned()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#)),
            ("xl/worksheets/data.xml", sheet),
        ];
        if let Some(shared) = shared {
            parts.push((
                "xl/sharedStrings.xml",
                format!(r#"<?xml version="1.0"?><sst xmlns="{ns}">{shared}</sst>"#),
            ));
        }
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    type Cells = Vec<(u32, u32, String)>;

    /// The sheet `S` read by calamine alone, and by the scanner with calamine after it; and how
    /// the scan ended.
    fn both(bytes: &[u8]) -> (Cells, Cells, Scan) {
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
        let calamine = |book: &mut Xlsx<Cursor<Vec<u8>>>, skip: u64, out: &mut Cells| {
            let mut reader = match book.worksheet_cells_reader("S") {
                Ok(reader) => reader,
                Err(_) => return out.push((0, 0, "error".into())),
            };
            let mut seen = 0;
            loop {
                match reader.next_cell() {
                    Ok(Some(c)) => {
                        seen += 1;
                        if seen > skip {
                            let (row, column) = c.get_position();
                            out.push((
                                row,
                                column,
                                format!("{:?}", Value::from_ref(c.get_value())),
                            ));
                        }
                    }
                    Ok(None) => return,
                    Err(_) => return out.push((0, 0, "error".into())),
                }
            }
        };
        let mut reference = Vec::new();
        calamine(&mut book, 0, &mut reference);
        let styles = book
            .worksheet_cells_reader("S")
            .map(|r| r.styles().to_vec())
            .unwrap_or_default();
        let mut fast = open_fast(
            Cursor::new(bytes.to_vec()),
            "S",
            &styles,
            book.has_1904_epoch(),
        )
        .expect("the parts are found");
        let mut scanned = Vec::new();
        let scan = fast.cells(&mut |row, column, value| {
            scanned.push((row, column, format!("{value:?}")));
            true
        });
        if let Scan::Unsupported { delivered } = scan {
            calamine(&mut book, delivered, &mut scanned);
        }
        (reference, scanned, scan)
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// One generated cell's XML (without its `r`), from a kind and a seed value.
    fn cell_xml(kind: u8, n: u32, text: &str) -> (String, String) {
        let t = escape(text);
        match kind % 12 {
            0 => (r#" t="inlineStr""#.into(), format!("<is><t>{t}</t></is>")),
            1 => (
                r#" t="inlineStr""#.into(),
                format!(r#"<is><t xml:space="preserve">{t}</t></is>"#),
            ),
            2 => (
                r#" t="inlineStr""#.into(),
                format!(
                    r#"<is><r><rPr><b/><sz val="11"/></rPr><t>{t}</t></r><r><t xml:space="preserve"> x </t></r><rPh sb="0" eb="1"><t>ruby</t></rPh></is>"#
                ),
            ),
            3 => (r#" t="s""#.into(), format!("<v>{}</v>", n % 4)),
            4 => (format!(r#" s="{}""#, n % 8), format!("<v>{}</v>", n)),
            5 => (
                format!(r#" s="{}""#, n % 8),
                format!("<v>{}.{}</v>", n, n % 97),
            ),
            6 => (
                r#" t="n""#.into(),
                format!("<v>-{}E-{}</v>", n % 1000, n % 5),
            ),
            7 => (r#" t="b""#.into(), format!("<v>{}</v>", n % 2)),
            8 => (
                format!(r#" s="{}""#, n % 8),
                format!("<f>A1+{n}</f><v>{}</v>", n % 50_000),
            ),
            9 => (
                r#" t="str""#.into(),
                format!("<f>&quot;a&quot;&amp;B1</f><v>{t}</v>"),
            ),
            10 => (format!(r#" s="{}""#, n % 8), String::new()),
            _ => (r#" t="d""#.into(), "<v>2026-03-04T00:00:00</v>".into()),
        }
    }

    const SHARED: &str = r#"<si><t>Kotihoito</t></si><si><r><t>Lasten</t></r><r><rPr><i/></rPr><t xml:space="preserve"> suojelu</t></r></si><si><t xml:space="preserve">  väli &amp; tila </t><rPh sb="0" eb="1"><t>x</t></rPh><phoneticPr fontId="1"/></si><si/>"#;

    fn sheet_xml(cells: &[(u8, u32, String, bool, bool)], width: usize, spaces: bool) -> String {
        let mut xml = String::new();
        let gap = if spaces { "\n  " } else { "" };
        for (r, row) in cells.chunks(width.max(1)).enumerate() {
            let with_r = row.first().is_none_or(|c| c.4);
            if with_r {
                xml.push_str(&format!(r#"{gap}<row r="{}" spans="1:3">"#, r * 2 + 1));
            } else {
                xml.push_str(&format!("{gap}<row>"));
            }
            for (c, (kind, n, text, cell_r, _)) in row.iter().enumerate() {
                let (attrs, body) = cell_xml(*kind, *n, text);
                let place = if *cell_r && with_r {
                    format!(r#" r="{}{}""#, (b'A' + c as u8) as char, r * 2 + 1)
                } else {
                    String::new()
                };
                if body.is_empty() {
                    xml.push_str(&format!("{gap}<c{place}{attrs}/>"));
                } else {
                    xml.push_str(&format!("{gap}<c{place}{attrs}>{body}</c>"));
                }
            }
            xml.push_str(&format!("{gap}</row>"));
        }
        xml
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever the cells, the scanner (with calamine after anything it leaves) reads what
        /// calamine reads.
        #[test]
        fn the_scanner_reads_what_calamine_reads(
            cells in prop::collection::vec(
                (any::<u8>(), any::<u32>(), "[ a-zA-Zäö0-9&<>\"'_\n]{0,12}", any::<bool>(), any::<bool>()),
                0..40,
            ),
            width in 1usize..5,
            spaces in any::<bool>(),
            date1904 in any::<bool>(),
            prefix in prop::sample::select(vec!["", "x"]),
        ) {
            let xml = sheet_xml(&cells, width, spaces);
            let xml = if prefix.is_empty() { xml } else { xml.replace("<row", "<x:row").replace("</row", "</x:row").replace("<c", "<x:c").replace("</c>", "</x:c>").replace("<v>", "<x:v>").replace("</v>", "</x:v>").replace("<f>", "<x:f>").replace("</f>", "</x:f>").replace("<is>", "<x:is>").replace("</is>", "</x:is>") };
            let bytes = package(&xml, Some(SHARED), date1904, prefix);
            let (reference, scanned, _) = both(&bytes);
            prop_assert_eq!(reference, scanned);
        }
    }

    #[test]
    fn plain_sheets_are_read_by_the_scanner_to_the_end() {
        let cells: Vec<_> = (0..48u32)
            .map(|n| {
                (
                    (n % 12) as u8,
                    n * 8 + 1 + n % 2,
                    format!("t{n} & <{n}>"),
                    n % 5 != 0,
                    n % 7 != 0,
                )
            })
            .collect();
        for date1904 in [false, true] {
            let bytes = package(&sheet_xml(&cells, 4, true), Some(SHARED), date1904, "");
            let (reference, scanned, scan) = both(&bytes);
            assert_eq!(scan, Scan::Done);
            assert_eq!(reference, scanned);
            assert!(
                scanned.iter().any(|(_, _, v)| v.starts_with("Date")),
                "{scanned:?}"
            );
            assert!(scanned
                .iter()
                .any(|(_, _, v)| v == "Text(\"  väli & tila \")"));
        }
    }

    #[test]
    fn the_scanner_hands_over_to_calamine_at_what_it_does_not_read() {
        let hand_made = [
            // An error cell.
            r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1"><v>3</v></c></row>"#,
            // Excel's escape of a control character.
            r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>"#,
            // CDATA in a string.
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x<y]]></t></is></c><c r="B1"><v>2</v></c></row>"#,
            // A comment between cells.
            r#"<row r="1"><c r="A1"><v>1</v></c><!-- note --><c r="B1"><v>2</v></c></row>"#,
            // A number written another way.
            r#"<row r="1"><c r="A1"><v>.5</v></c><c r="B1"><v>1e3</v></c></row>"#,
        ];
        for rows in hand_made {
            let bytes = package(rows, None, false, "");
            let (reference, scanned, scan) = both(&bytes);
            assert!(matches!(scan, Scan::Unsupported { .. }), "{rows}: {scan:?}");
            assert_eq!(reference, scanned, "{rows}");
        }
    }

    /// The sheet `name` of a workbook file, by calamine and by the scanner: the same cells, all
    /// of them read by the scanner.
    fn read_to_the_end(path: &str, name: &str) {
        let bytes = std::fs::read(path).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        let mut reference = Vec::new();
        let mut reader = book.worksheet_cells_reader(name).unwrap();
        while let Some(c) = reader.next_cell().unwrap() {
            let (row, column) = c.get_position();
            reference.push((row, column, format!("{:?}", Value::from_ref(c.get_value()))));
        }
        let styles = reader.styles().to_vec();
        drop(reader);
        let mut fast = open_fast(Cursor::new(bytes), name, &styles, book.has_1904_epoch()).unwrap();
        let mut scanned = Vec::new();
        let scan = fast.cells(&mut |row, column, value| {
            scanned.push((row, column, format!("{value:?}")));
            true
        });
        assert_eq!(scan, Scan::Done, "{path}");
        assert_eq!(scanned, reference, "{path}");
        assert!(!scanned.is_empty());
    }

    #[test]
    fn the_sample_workbooks_are_read_by_the_scanner_as_calamine_reads_them() {
        read_to_the_end("samples/cases-fi.xlsx", "Asiakkaat");
        read_to_the_end("tests/data/date1904.xlsx", "Mac");
    }

    #[test]
    fn merged_cells_are_found_after_the_cells() {
        let bytes = package(
            r#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
            None,
            false,
            "",
        );
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        let mut fast = open_fast(Cursor::new(bytes), "S", &[], false).unwrap();
        assert_eq!(
            fast.merges(),
            Some(book.merge_cells_by_sheet_name("S").unwrap())
        );
    }
}
