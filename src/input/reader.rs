//! The streaming reader of a case list ([`CaseReader`]): opens a CSV file or a workbook, reads
//! and matches the header row, then hands out one row at a time.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::column::{Column, ColumnRef};
use super::error::{shown_header, InputError};
use super::headers::{match_header, names_care_allowance_level, normalize_header, HeaderMatch};
use super::row::{RawRow, RowLayout};
use super::row_problem::{ReadError, RowProblem};
use super::rows::{Failure, Fields, QuotedLines, RecordAt, Rows, MAX_FIELDS};
use super::sniff::{decode, read_prefix, sniff_delimiter, EncodingChoice, UTF8_BOM};
use super::workbook::{self, SheetPlaces};
use crate::problem::{Places, Problem, QuoteWhy};

/// How to read an input file: the command-line options that concern reading.
#[derive(Clone, Debug, Default)]
pub struct InputOptions {
    /// `--encoding`.
    pub encoding: EncodingChoice,
    /// `--delimiter`; `None` to take it from a `sep=` line or sniff it from the header line.
    pub delimiter: Option<u8>,
    /// `--column COLUMN=HEADER`: headers that mean a column, overriding the built-in names.
    pub columns: Vec<(Column, String)>,
}

/// A streaming reader of a case list: the header row is read and matched on opening, then
/// [`CaseReader::next_row`] hands out one row at a time, borrowing its fields.
/// ([`CaseReader::read_into`] reads into a record of the caller's, which [`RowLayout::row`]
/// turns into the same row, on any thread.)
pub struct CaseReader {
    rows: Rows,
    /// The record [`CaseReader::next_row`] reads into (taken out while it reads).
    record: Option<Fields>,
    headers: Vec<String>,
    layout: RowLayout,
    /// Columns found by their word stems rather than a full name.
    by_stem: [bool; Column::ALL.len()],
    delimiter: u8,
    path: PathBuf,
    done: bool,
    /// For a workbook: its sheet, and where each line of the text rendered from it is there.
    sheet: Option<Arc<SheetPlaces>>,
}

/// A reader's places are found here, beside it, so that `problem` (which words them) does not
/// use the reader.
impl Places {
    /// The places of the list `reader` reads.
    pub fn of(reader: &CaseReader) -> Places {
        let columns = Column::ALL
            .into_iter()
            .filter_map(|column| {
                let header = reader.header_of(column)?;
                let shown = crate::text::shown(header, false).into_owned();
                Some((column, reader.position_of(column)? + 1, shown))
            })
            .collect();
        Places::new(columns, reader.sheet_places())
    }
}

impl fmt::Debug for CaseReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CaseReader")
            .field("path", &self.path)
            .field("headers", &self.headers)
            .field("delimiter", &char::from(self.delimiter))
            .field("encoding", &self.encoding())
            .finish_non_exhaustive()
    }
}

impl CaseReader {
    /// Opens a case list; `path` "-" means standard input. Reads the header row and matches it
    /// to columns. Errors here are fatal (exit code 2).
    pub fn open(path: &Path, options: &InputOptions) -> Result<CaseReader, InputError> {
        CaseReader::open_sheet(path, options, None)
    }

    /// [`CaseReader::open`], where a workbook is read from the sheet `sheet` (the first
    /// worksheet when `None`). A workbook is known by its content, whatever its name.
    pub fn open_sheet(
        path: &Path,
        options: &InputOptions,
        sheet: Option<&str>,
    ) -> Result<CaseReader, InputError> {
        if path.as_os_str() == "-" {
            return CaseReader::from_reader_sheet(Box::new(io::stdin()), "<stdin>", options, sheet);
        }
        let open_error = |source| InputError::Open {
            path: path.to_path_buf(),
            source,
        };
        // On Linux a folder opens fine and only fails on reading: say what it is up front.
        if std::fs::metadata(path).map_err(open_error)?.is_dir() {
            return Err(open_error(io::ErrorKind::IsADirectory.into()));
        }
        let mut file = std::fs::File::open(path).map_err(open_error)?;
        let label = path.display().to_string();
        let mut start = [0u8; 4];
        if file.read_exact(&mut start).is_ok() && workbook::is_workbook(&start) {
            let rendered = workbook::open_file(path, &label, sheet, &options.columns)?;
            return CaseReader::from_workbook(rendered, &label, options);
        }
        let file = std::fs::File::open(path).map_err(open_error)?;
        CaseReader::from_reader(Box::new(file), &label, options)
    }

    /// [`CaseReader::from_reader`], where a workbook (known by its first bytes) is read whole
    /// and its sheet `sheet` read.
    pub fn from_reader_sheet(
        reader: Box<dyn Read + Send>,
        label: &str,
        options: &InputOptions,
        sheet: Option<&str>,
    ) -> Result<CaseReader, InputError> {
        let mut input = BufReader::new(reader);
        let start = input.fill_buf().map(<[u8]>::to_vec).unwrap_or_default();
        if !workbook::is_workbook(&start) {
            return CaseReader::from_reader(Box::new(input), label, options);
        }
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|source| InputError::Read {
                path: PathBuf::from(label),
                line: 1,
                source,
            })?;
        let rendered = workbook::open_bytes(bytes, label, sheet, &options.columns)?;
        CaseReader::from_workbook(rendered, label, options)
    }

    /// The reader of the CSV text a workbook's sheet is rendered as.
    fn from_workbook(
        rendered: workbook::Rendered,
        label: &str,
        options: &InputOptions,
    ) -> Result<CaseReader, InputError> {
        let options = InputOptions {
            encoding: EncodingChoice::Utf8,
            delimiter: Some(b','),
            columns: options.columns.clone(),
        };
        let mut reader = CaseReader::from_reader(rendered.text, label, &options)?;
        reader.sheet = Some(rendered.places);
        Ok(reader)
    }

    /// For a workbook: its sheet, and where the lines of the rows are there.
    pub fn sheet_places(&self) -> Option<Arc<SheetPlaces>> {
        self.sheet.clone()
    }

    /// Reads a case list from any reader (standard input, tests); `label` names it in messages.
    pub fn from_reader(
        reader: Box<dyn Read + Send>,
        label: &str,
        options: &InputOptions,
    ) -> Result<CaseReader, InputError> {
        let path = PathBuf::from(label);
        let mut input = BufReader::new(reader);
        let prefix = read_prefix(&mut input, &path)?;
        let delimiter = options
            .delimiter
            .or(prefix.sep)
            .unwrap_or_else(|| sniff_delimiter(&prefix.header_line));
        // A byte-order mark after a `sep=` line too (the csv crate's parser drops one there).
        let mut header_line = prefix.header_line;
        if header_line.starts_with(UTF8_BOM) {
            header_line.drain(..UTF8_BOM.len());
        }
        let header_line = io::Cursor::new(header_line);
        let rows = Rows::new(
            Box::new(header_line.chain(input)),
            delimiter,
            prefix.skipped_lines + 1,
        );
        let mut reader = CaseReader {
            rows,
            record: None,
            headers: Vec::new(),
            layout: RowLayout {
                columns: [None; Column::ALL.len()],
                care_allowance_level: false,
                encoding: options.encoding,
                expected: 0,
                cp1252_seen: Arc::new(AtomicBool::new(false)),
            },
            by_stem: [false; Column::ALL.len()],
            delimiter,
            path,
            done: false,
            sheet: None,
        };
        let mut record = Fields::default();
        match reader.rows.read(&mut record) {
            Ok(Some(header))
                if reader
                    .rows
                    .quoted_lines()
                    .iter()
                    .any(|quote| quote.closed.is_none()) =>
            {
                return Err(InputError::UnclosedQuote {
                    path: reader.path,
                    line: header.line,
                })
            }
            Ok(Some(header)) if header.too_many_fields => {
                return Err(InputError::TooManyColumns {
                    path: reader.path,
                    line: header.line,
                })
            }
            Ok(Some(_)) => {}
            Ok(None) => return Err(InputError::Empty { path: reader.path }),
            Err(failure) => return Err(reader.fatal(failure)),
        }
        let layout = &mut reader.layout;
        reader.headers = record
            .iter()
            .map(|field| decode(field, layout.encoding, &layout.cp1252_seen).into_owned())
            .collect();
        if reader.headers.iter().all(|header| header.is_empty()) {
            return Err(InputError::NoHeader { path: reader.path });
        }
        let matched = match_columns(&reader.headers, &options.columns, &reader.path)?;
        layout.columns = matched.columns;
        layout.care_allowance_level = matched.columns[Column::CareAllowance.index()]
            .is_some_and(|index| names_care_allowance_level(&reader.headers[index]));
        reader.by_stem = matched.by_stem;
        layout.expected = reader.headers.len();
        reader.record = Some(record);
        Ok(reader)
    }

    /// The header row as found in the file (decoded, byte-order mark and surrounding spaces
    /// removed), for messages that list what the file has.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Whether the file has a column, so callers can decide once which rules can be checked.
    pub fn has_column(&self, column: Column) -> bool {
        self.layout.columns[column.index()].is_some()
    }

    /// Whether the list records what follows the assessment (a decision or service column), so
    /// that an audit writes the decision and implementation columns.
    pub fn has_chain_columns(&self) -> bool {
        self.has_column(Column::DecisionDate) || self.has_column(Column::ImplementedDate)
    }

    /// The file's header for a column, to name the column the way the user sees it.
    pub fn header_of(&self, column: Column) -> Option<&str> {
        self.layout.columns[column.index()].map(|index| self.headers[index].as_str())
    }

    /// The place of a column in the file's rows (0 = the first), when the file has it.
    pub fn position_of(&self, column: Column) -> Option<usize> {
        self.layout.columns[column.index()]
    }

    /// Whether the care-allowance column gives the level (a header like `Hoitotuki`, which names
    /// only the allowance) rather than yes/no for the highest level (`Ylin hoitotuki`).
    pub fn care_allowance_is_level(&self) -> bool {
        self.layout.care_allowance_level
    }

    /// The columns read by their word stems rather than a full name (`Syntymäpäivä` as
    /// `birth_date`), and a care-allowance column read as the level, with their headers as fit to
    /// show, in the file's order: worth telling the user, who can check that each was read as
    /// meant.
    pub fn read_by_stem(&self) -> Vec<(Column, Cow<'_, str>)> {
        Column::ALL
            .into_iter()
            .filter(|&column| {
                self.by_stem[column.index()]
                    || (column == Column::CareAllowance && self.care_allowance_is_level())
            })
            .filter_map(|column| Some((self.layout.columns[column.index()]?, column)))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .map(|(index, column)| (column, shown_header(&self.headers[index])))
            .collect()
    }

    /// The headers of the columns maaraika does not read, each once, in file order and as fit to
    /// show (empty headers left out): so that a column meant for a group but not recognised is
    /// seen, not silently ignored.
    pub fn unused_headers(&self) -> Vec<Cow<'_, str>> {
        let used: Vec<usize> = self.layout.columns.iter().flatten().copied().collect();
        let mut seen = std::collections::HashSet::new();
        self.headers
            .iter()
            .enumerate()
            .filter(|(index, header)| {
                !used.contains(index) && !header.is_empty() && seen.insert(header.as_str())
            })
            .map(|(_, header)| shown_header(header))
            .collect()
    }

    /// The delimiter in use (given, from a `sep=` line, or sniffed).
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// "UTF-8" or "Windows-1252": as chosen, or under `Auto` as detected so far (Windows-1252
    /// once any header or field read was not UTF-8).
    pub fn encoding(&self) -> &'static str {
        match self.layout.encoding {
            EncodingChoice::Windows1252 => "Windows-1252",
            EncodingChoice::Auto if self.layout.cp1252_seen.load(Ordering::Relaxed) => {
                "Windows-1252"
            }
            _ => "UTF-8",
        }
    }

    /// The next data row; `None` at the end. Blank lines and rows of empty cells (Excel's `;;;;`)
    /// are skipped. `Err` for an unreadable row (a quote never closed, invalid UTF-8 under
    /// `--encoding utf-8`, an I/O error): a [`ReadError::Row`] if reading can go on, or a
    /// [`ReadError::Fatal`] after which there are no more rows.
    pub fn next_row(&mut self) -> Option<Result<RawRow<'_>, ReadError>> {
        let mut record = self.record.take().unwrap_or_default();
        let read = self.read_into(&mut record);
        let record = self.record.insert(record);
        match read? {
            Ok(line) => Some(Ok(self.layout.row(record, line))),
            Err(error) => Some(Err(error)),
        }
    }

    /// [`CaseReader::next_row`] into `record`: the line where the row starts, for
    /// [`RowLayout::row`] (with the layout of [`CaseReader::layout`]).
    pub fn read_into(&mut self, record: &mut Fields) -> Option<Result<u64, ReadError>> {
        if self.done {
            return None;
        }
        let line = loop {
            let read = match self.rows.read(record) {
                Ok(Some(read)) => read,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(failure) => {
                    self.done = true;
                    return Some(Err(ReadError::Fatal(self.fatal(failure))));
                }
            };
            // A workbook's rows by the sheet's own row numbers (a row number given twice, or
            // beyond a sheet's rows, has no line of its own in the rendered text).
            let line = match &self.sheet {
                Some(sheet) => sheet.row(read.line),
                None => read.line,
            };
            if read.too_many_fields {
                return Some(Err(ReadError::Row(RowProblem {
                    line,
                    column: None,
                    problem: Problem::OverMaxFields {
                        max: MAX_FIELDS,
                        expected: self.layout.expected,
                    },
                })));
            }
            if !self.rows.quoted_lines().is_empty() {
                if let Some(problem) = self.stray_quote(record, read) {
                    return Some(Err(ReadError::Row(problem)));
                }
            }
            // Every cell blank: all the row's bytes are ASCII spaces (what `trim_ascii` removes).
            // A real row fails at its first byte.
            if record
                .iter()
                .all(|field| field.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            if self.layout.encoding == EncodingChoice::Utf8 {
                if let Some(problem) = self.invalid_utf8(record, line) {
                    return Some(Err(ReadError::Row(problem)));
                }
            }
            break line;
        };
        Some(Ok(line))
    }

    /// How the rows of this file are decoded, for [`RowLayout::row`].
    pub fn layout(&self) -> &RowLayout {
        &self.layout
    }

    /// A quoted value of `record` that runs over lines where no line break belongs, reported with
    /// the lines the row covers: a quote never closed; a value over lines in a column of dates,
    /// flags, ages or identity codes; or one that holds lines that look like rows of their own.
    /// Each is nearly always a stray `"` that made the lines after it one value. A line break in
    /// a text (Excel's Alt+Enter in a notes, unit or case id cell) is fine.
    #[cold]
    #[inline(never)]
    fn stray_quote(&self, record: &Fields, read: RecordAt) -> Option<RowProblem> {
        let quoted = self.rows.quoted_lines();
        let column_at = |field: usize| {
            Column::ALL
                .into_iter()
                .find(|column| self.layout.columns[column.index()] == Some(field))
        };
        let (quote, why) = match quoted.iter().find(|quote| quote.closed.is_none()) {
            Some(quote) => (quote, QuoteWhy::Plain),
            None => quoted.iter().find_map(|quote| {
                let why = match column_at(quote.field) {
                    Some(column) if !matches!(column, Column::CaseId | Column::Unit) => {
                        // The column as the file names it.
                        let header = self.headers.get(quote.field).map_or(column.name(), |h| h);
                        QuoteWhy::LineBreakIn(shown_header(header).into_owned())
                    }
                    _ => QuoteWhy::RowInside(self.row_inside(record, quote)?),
                };
                Some((quote, why))
            })?,
        };
        let (first, last) = (read.line, read.last_line.max(quote.opened));
        let column = match column_at(quote.field) {
            Some(column) => Some(ColumnRef::Known(column)),
            None => self
                .headers
                .get(quote.field)
                .map(|header| ColumnRef::Header {
                    index: quote.field,
                    header: shown_header(header).into_owned(),
                }),
        };
        Some(RowProblem {
            line: read.line,
            column,
            problem: Problem::StrayQuote {
                opened: quote.opened,
                closed: quote.closed,
                first,
                last,
                why,
            },
        })
    }

    /// The first line inside a quoted value, after its first, that looks like a row: as many
    /// fields as the header and a date where a date column (pending, start, completion, birth)
    /// goes. The line the quote closes on goes on with the record's fields after the value; it
    /// counts only when the value's part of it holds a delimiter too (else it is what a real
    /// multi-line value ends with).
    fn row_inside(&self, record: &Fields, quote: &QuotedLines) -> Option<u64> {
        let dates = [
            Column::PendingDate,
            Column::StartedDate,
            Column::CompletedDate,
            Column::BirthDate,
        ]
        .map(|column| self.layout.columns[column.index()]);
        let looks_like_row = |fields: &mut dyn Iterator<Item = &[u8]>| {
            let mut count = 0;
            let mut date = false;
            for field in fields {
                date |= dates.contains(&Some(count))
                    && crate::dates::parse_date_bytes(field.trim_ascii()).is_ok();
                count += 1;
            }
            date && count >= self.layout.expected
        };
        let mut lines = value_lines(record.get(quote.field)?).peekable();
        lines.next();
        let mut line = quote.opened;
        while let Some(text) = lines.next() {
            line += 1;
            let split = text.split(|&byte| byte == self.delimiter);
            let row = if lines.peek().is_none() {
                text.contains(&self.delimiter)
                    && looks_like_row(&mut split.chain(record.iter().skip(quote.field + 1)))
            } else {
                looks_like_row(&mut { split })
            };
            if row {
                return Some(line);
            }
        }
        None
    }

    /// Under `--encoding utf-8`: the first known column of `record` that is not UTF-8.
    fn invalid_utf8(&self, record: &Fields, line: u64) -> Option<RowProblem> {
        let index = self
            .layout
            .columns
            .iter()
            .flatten()
            .copied()
            .find(|&index| {
                record
                    .get(index)
                    .is_some_and(|field| std::str::from_utf8(field).is_err())
            })?;
        Some(RowProblem {
            line,
            column: Some(ColumnRef::Header {
                index,
                header: self.headers[index].clone(),
            }),
            problem: Problem::NotUtf8,
        })
    }

    /// The fatal error for a failed read.
    fn fatal(&self, failure: Failure) -> InputError {
        let path = self.path.clone();
        match failure {
            Failure::Quote { line } => InputError::UnclosedQuote { path, line },
            Failure::Row { line } => InputError::RowTooLong { path, line },
            // A workbook that fails part way (its reader process ended, or it claims more than
            // it holds) says so itself.
            Failure::Io { source, .. }
                if source
                    .get_ref()
                    .is_some_and(|inner| inner.downcast_ref::<InputError>().is_some()) =>
            {
                match source
                    .into_inner()
                    .map(|inner| inner.downcast::<InputError>())
                {
                    Some(Ok(inner)) => *inner,
                    _ => InputError::Read {
                        path,
                        line: 0,
                        source: io::ErrorKind::InvalidData.into(),
                    },
                }
            }
            Failure::Io { line, source } => InputError::Read { path, line, source },
        }
    }
}

/// The lines of a value, split at CRLF, CR or LF.
fn value_lines(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(value);
    std::iter::from_fn(move || {
        let text = rest?;
        let Some(at) = memchr::memchr2(b'\r', b'\n', text) else {
            rest = None;
            return Some(text);
        };
        let crlf = text[at] == b'\r' && text.get(at + 1) == Some(&b'\n');
        rest = Some(&text[at + 1 + usize::from(crlf)..]);
        Some(&text[..at])
    })
}

/// Where each column is in the header row, and how it was found.
#[derive(Clone, Debug)]
struct Matched {
    /// The header index of each column.
    columns: [Option<usize>; Column::ALL.len()],
    /// Columns found by their word stems rather than a full name: told to the user.
    by_stem: [bool; Column::ALL.len()],
}

/// Header indexes per column: `--column` mappings first, then full names, then word stems (see
/// [`headers`]). A full name beats a stem match; two of the same kind for one column are an
/// error that names both.
fn match_columns(
    headers: &[String],
    mappings: &[(Column, String)],
    path: &Path,
) -> Result<Matched, InputError> {
    // For `--column` only: without it, a megabyte "header" (a file without a header row) is
    // not worth normalising.
    let keys: Vec<String> = match mappings {
        [] => Vec::new(),
        _ => headers
            .iter()
            .map(|header| normalize_header(header))
            .collect(),
    };
    let mut matched = Matched {
        columns: [None; Column::ALL.len()],
        by_stem: [false; Column::ALL.len()],
    };
    let mut mapped = [false; Column::ALL.len()];
    let mut taken = vec![false; headers.len()];
    // A later mapping of the same column replaces an earlier one.
    for (position, (column, _)) in mappings.iter().enumerate() {
        if mappings[position + 1..]
            .iter()
            .any(|(later, _)| later == column)
        {
            continue;
        }
        let (column, header) = &mappings[position];
        let key = normalize_header(header);
        let mut matches = (0..headers.len()).filter(|&index| keys[index] == key);
        let Some(first) = matches.next() else {
            return Err(InputError::MappedColumnNotFound {
                path: path.to_path_buf(),
                column: column.name(),
                header: header.clone(),
                found: headers.to_vec(),
            });
        };
        if let Some(second) = matches.next() {
            return Err(duplicate(path, *column, headers, first, second));
        }
        matched.columns[column.index()] = Some(first);
        mapped[column.index()] = true;
        taken[first] = true;
    }
    let found: Vec<Option<HeaderMatch>> = headers
        .iter()
        .enumerate()
        .map(|(index, header)| (!taken[index]).then(|| match_header(header)).flatten())
        .collect();
    for column in Column::ALL.into_iter().filter(|c| !mapped[c.index()]) {
        for exact in [true, false] {
            let mut matches = (0..headers.len()).filter(|&index| {
                found[index]
                    == Some(if exact {
                        HeaderMatch::Exact(column)
                    } else {
                        HeaderMatch::Stem(column)
                    })
            });
            let Some(first) = matches.next() else {
                continue;
            };
            if let Some(second) = matches.next() {
                return Err(duplicate(path, column, headers, first, second));
            }
            matched.columns[column.index()] = Some(first);
            matched.by_stem[column.index()] = !exact;
            break;
        }
    }
    if matched.columns[Column::PendingDate.index()].is_none() {
        return Err(InputError::MissingColumn {
            path: path.to_path_buf(),
            column: Column::PendingDate.name(),
            found: headers.to_vec(),
        });
    }
    Ok(matched)
}

fn duplicate(
    path: &Path,
    column: Column,
    headers: &[String],
    first: usize,
    second: usize,
) -> InputError {
    InputError::DuplicateColumn {
        path: path.to_path_buf(),
        column: column.name(),
        first: headers[first].clone(),
        second: headers[second].clone(),
    }
}
