//! What `audit`, `overdue` and `summary` share: the case-list arguments, the run over the rows
//! with bad rows reported, and the exit code. The files they write are in `file.rs`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use super::file::{check_targets, AtomicFile, Output};
use super::{as_of_arg, stderr_line, Format, ReadingArg};
use crate::batch::{self, Evaluated, Invalid, Item, Settings, REDACTED};
use crate::dates::{finnish, today_in_finland};
use crate::error::{csv_io, Error, Result, EXIT_ERROR};
use crate::hetu::redact_hetus;
use crate::input::{
    parse_column_mapping, parse_delimiter, CaseReader, Column, EncodingChoice, InputOptions,
    RowProblem, SheetPlaces,
};
use crate::report::{CsvStyle, Lang};
use crate::text::{shown, spreadsheet_cell};

/// Exit code: evaluated, but some rows were invalid.
pub const EXIT_INVALID_ROWS: u8 = 3;
/// Exit code: `--fail-on-overdue` and something is overdue.
pub const EXIT_OVERDUE: u8 = 1;

/// The arguments every case-list command takes.
#[derive(Args, Debug)]
pub struct ListArgs {
    /// The case list: CSV, or a workbook (.xlsx, .xls, .ods); `-` reads standard input.
    pub file: PathBuf,
    /// Judge as of this day [default: today in Finland].
    #[arg(long, value_parser = as_of_arg, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub reading: ReadingArg,
    /// The file's character encoding [default: auto, UTF-8 or Windows-1252 as found].
    #[arg(
        long,
        value_enum,
        default_value_t,
        hide_default_value = true,
        value_name = "ENCODING"
    )]
    pub encoding: EncodingChoice,
    /// The field delimiter: `,` `;` `tab` [default: found from the header line].
    #[arg(long, value_parser = parse_delimiter, value_name = "CHAR")]
    pub delimiter: Option<u8>,
    /// The sheet to read of a workbook (.xlsx, .xls, .ods) [default: the first].
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Map another header to a column, e.g. `--column pending_date=Saapunut` (repeatable).
    #[arg(long = "column", value_parser = parse_column_mapping, value_name = "COLUMN=HEADER")]
    pub columns: Vec<(Column, String)>,
    /// Also write the invalid rows, with line, column and problem, to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Treat invalid rows as a failure: exit code 2 instead of 3.
    #[arg(long)]
    pub strict: bool,
    /// Exit with code 1 when any case is overdue (for scheduled jobs).
    #[arg(long)]
    pub fail_on_overdue: bool,
    /// Show personal identity codes in the output (they are left out by default).
    #[arg(long)]
    pub show_hetu: bool,
    /// Language of tables and --excel CSV [default: from LC_ALL/LC_MESSAGES/LANG, else en].
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

impl ListArgs {
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }

    pub fn settings(&self) -> Settings {
        Settings {
            as_of: self.as_of.unwrap_or_else(today_in_finland),
            reading: self.reading.reading(),
            show_hetu: self.show_hetu,
        }
    }

    /// Opens the case list, after checking the files the command will write (`out`, and
    /// `--errors`): none may be the case list itself.
    pub fn open(&self, out: &OutputArgs) -> Result<CaseReader> {
        check_targets(&self.file, out.output.as_deref(), self.errors.as_deref())?;
        let options = InputOptions {
            encoding: self.encoding,
            delimiter: self.delimiter,
            columns: self.columns.clone(),
        };
        let reader = CaseReader::open_sheet(&self.file, &options, self.sheet.as_deref())?;
        self.tell_columns(&reader);
        Ok(reader)
    }

    /// One line naming the headers read by their word stems (`read: Syntymäpäivä → birth_date`),
    /// so the user can check them, and one naming the columns not used (`not used: Nimi`), so a
    /// column meant for a group but not recognised is seen. Full names read as expected need no
    /// word.
    fn tell_columns(&self, reader: &CaseReader) {
        let read: Vec<String> = reader
            .read_by_stem()
            .into_iter()
            .map(|(column, header)| {
                let level = if column == Column::CareAllowance && reader.care_allowance_is_level() {
                    " (the level: ylin/korotettu/perus)"
                } else {
                    ""
                };
                format!("{header} → {column}{level}")
            })
            .collect();
        if !read.is_empty() {
            stderr_line(&format!("{}: read: {}", self.label(), read.join(", ")));
        }
        const SHOWN: usize = 20;
        let unused = reader.unused_headers();
        if !unused.is_empty() {
            let mut list = unused[..unused.len().min(SHOWN)].join(", ");
            if unused.len() > SHOWN {
                list.push_str(&format!(" and {} more", unused.len() - SHOWN));
            }
            stderr_line(&format!(
                "{}: not used: {list} (to read one, --column COLUMN=HEADER)",
                self.label()
            ));
        }
    }

    /// The file name as shown in messages.
    pub fn label(&self) -> String {
        if self.file == Path::new("-") {
            "<stdin>".into()
        } else {
            self.file.display().to_string()
        }
    }
}

/// The formats of the case-list commands: those of [`Format`], and an Excel workbook.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    /// Readable text and tables, for people.
    #[value(alias = "text")]
    Table,
    /// JSON, for programs.
    Json,
    /// CSV with stable English column names, for spreadsheets and scripts.
    Csv,
    /// An Excel workbook (.xlsx) with a sheet per part, dates as dates: needs --output FILE.
    Xlsx,
}

/// Where and how a case-list command writes its answer.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, CSV otherwise].
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    /// Write the output to this file instead of standard output (replaced only when complete).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV for Finnish Excel: `;`, a BOM, d.m.yyyy dates, decimal commas, labels in --lang.
    #[arg(long)]
    pub excel: bool,
}

impl OutputArgs {
    /// The format asked for, or a table for a person at a terminal and CSV for files and pipes.
    /// `--excel` is CSV: with another format it is refused.
    pub fn format(&self) -> Result<Format> {
        if let (true, Some(format @ (ListFormat::Json | ListFormat::Table | ListFormat::Xlsx))) =
            (self.excel, self.format)
        {
            let name = match format {
                ListFormat::Json => "json",
                ListFormat::Xlsx => "xlsx",
                _ => "table",
            };
            return Err(Error::Usage(format!(
                "--excel writes CSV for Excel and cannot be combined with --format {name}: \
                 leave out one of them"
            )));
        }
        if self.xlsx() && self.output.is_none() {
            return Err(Error::Usage(
                "--format xlsx writes an Excel workbook, which is no text for a terminal or a \
                 pipe: name the file with --output FILE.xlsx"
                    .into(),
            ));
        }
        let to_terminal = self.output.is_none() && io::stdout().is_terminal();
        Ok(match self.format {
            Some(ListFormat::Table) => Format::Table,
            Some(ListFormat::Json) => Format::Json,
            // A workbook is written by its own route ([`OutputArgs::xlsx`]).
            Some(ListFormat::Csv | ListFormat::Xlsx) => Format::Csv,
            None if self.excel || !to_terminal => Format::Csv,
            None => Format::Table,
        })
    }

    /// `--format xlsx`: an Excel workbook (to `--output` only, see [`OutputArgs::format`]).
    pub fn xlsx(&self) -> bool {
        self.format == Some(ListFormat::Xlsx)
    }

    pub fn style(&self, lang: Lang) -> CsvStyle {
        CsvStyle {
            excel: self.excel,
            lang,
        }
    }

    pub fn open<'a>(&self, stdout: &'a mut dyn Write) -> Result<Output<'a>> {
        Output::new(self.output.as_deref(), stdout)
    }
}

pub use crate::batch::Tally;

/// Reports invalid rows as they come: on stderr, and in the `--errors` file if asked. With
/// `--errors`, which lists them all, stderr shows the first [`WARNINGS_SHOWN`].
pub struct RowReporter {
    label: String,
    /// For each column the file has: its position (1-based) and header as found.
    columns: Vec<(Column, usize, String)>,
    /// The `--errors` file, written as the rows come (memory stays flat however many rows are
    /// invalid) and moved into place by [`RowReporter::finish`].
    errors: Option<csv::Writer<AtomicFile>>,
    reported: u64,
    /// For a workbook: its sheet, to name cells as Excel does.
    sheet: Option<std::sync::Arc<SheetPlaces>>,
}

impl RowReporter {
    pub fn new(args: &ListArgs, reader: &CaseReader) -> Result<Self> {
        let errors = match args.errors.as_deref() {
            Some(path) => {
                let mut writer = csv::Writer::from_writer(AtomicFile::create(path)?);
                writer
                    .write_record(["file", "line", "column", "case_id", "problem"])
                    .map_err(csv_io)?;
                Some(writer)
            }
            None => None,
        };
        let columns = Column::ALL
            .into_iter()
            .filter_map(|column| {
                let header = reader.header_of(column)?;
                let position = reader.headers().iter().position(|h| h == header)?;
                Some((column, position + 1, header.to_string()))
            })
            .collect();
        Ok(RowReporter {
            label: args.label(),
            columns,
            errors,
            reported: 0,
            sheet: reader.sheet_places(),
        })
    }

    /// Where a problem is, as the user finds it: `line 4, column 3 (Arviointi aloitettu,
    /// started_date)` in a CSV file, the cell `Asiakkaat!C4 (Arviointi aloitettu)` (or the row
    /// `Asiakkaat row 4`) in a workbook.
    fn place(&self, problem: &RowProblem) -> String {
        let Some(sheet) = &self.sheet else {
            return format!("line {}{}", problem.line, self.column_text(problem));
        };
        let found = problem.column.as_deref().and_then(|name| {
            self.columns
                .iter()
                .find(|(column, _, _)| column.name() == name)
        });
        match found {
            Some((_, position, header)) => {
                format!("{} ({header})", sheet.cell(problem.line, position - 1))
            }
            None => sheet.row_text(problem.line),
        }
    }

    /// The column as the user knows it: its position and the header found in the file.
    fn column_text(&self, problem: &RowProblem) -> String {
        let Some(name) = &problem.column else {
            return String::new();
        };
        let found = self
            .columns
            .iter()
            .find(|(column, _, _)| column.name() == name);
        match found {
            Some((_, position, header)) if header != name => {
                format!(", column {position} ({header}, {name})")
            }
            Some((_, position, _)) => format!(", column {position} ({name})"),
            None => format!(", column {name}"),
        }
    }

    pub fn report(&mut self, invalid: &Invalid) -> Result<()> {
        let p = &invalid.problem;
        self.reported += 1;
        if self.errors.is_none() || self.reported <= WARNINGS_SHOWN {
            stderr_line(&format!("{} {}: {}", self.label, self.place(p), p.problem));
        }
        if let Some(writer) = &mut self.errors {
            // A file for people: never a code (whatever `--show-hetu` says), no hidden
            // characters, no cell a spreadsheet would run as a formula.
            let cell = |text: &str| spreadsheet_cell(&shown(text, false)).into_owned();
            writer
                .write_record([
                    cell(&self.label),
                    self.sheet
                        .as_ref()
                        .map_or(p.line, |s| s.row(p.line))
                        .to_string(),
                    cell(p.column.as_deref().unwrap_or("")),
                    cell(&invalid.case_id),
                    cell(&p.problem),
                ])
                .map_err(csv_io)?;
        }
        Ok(())
    }

    /// Writes the `--errors` file.
    pub fn finish(self) -> Result<()> {
        if let Some(writer) = self.errors {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.commit()?;
        }
        Ok(())
    }
}

/// Warnings of one kind shown at most this many times; the rest are counted in one line, so
/// that a wrong `--as-of` does not bury the invalid rows. Invalid rows too, when `--errors`
/// lists them all.
const WARNINGS_SHOWN: u64 = 100;

/// Rows that are evaluated but worth a second look: dates after the as-of date, and a case id
/// seen before. Shown on stderr (never in `--errors`, which lists invalid rows only); they do not
/// change the exit code.
pub struct RowWarnings {
    as_of: NaiveDate,
    seen: SeenIds,
    after_as_of: u64,
    duplicates: u64,
}

impl RowWarnings {
    pub fn new(as_of: NaiveDate) -> Self {
        RowWarnings {
            as_of,
            seen: SeenIds::default(),
            after_as_of: 0,
            duplicates: 0,
        }
    }

    /// The first of the case's recorded dates that is after the as-of date.
    fn after_as_of(&self, case: &Evaluated) -> Option<(Column, NaiveDate)> {
        let c = &case.case;
        [
            (Column::PendingDate, Some(c.pending)),
            (Column::StartedDate, c.started),
            (Column::CompletedDate, c.completed),
            (Column::DecisionDate, c.decision),
            (Column::ImplementedDate, c.implemented),
        ]
        .into_iter()
        .find_map(|(column, date)| Some((column, date.filter(|d| *d > self.as_of)?)))
    }

    fn check_evaluated(&mut self, reporter: &RowReporter, case: &Evaluated) {
        if let Some((column, date)) = self.after_as_of(case) {
            self.warn_after_as_of(reporter, case.line, column, date);
        }
        self.check_case_id(reporter, case.line, &case.case_id);
    }

    /// Counts a date after the as-of date, and shows the first ones. Cold, so that the checks
    /// run for every row do not carry the set-up of the message.
    #[cold]
    fn warn_after_as_of(
        &mut self,
        reporter: &RowReporter,
        line: u64,
        column: Column,
        date: NaiveDate,
    ) {
        self.after_as_of += 1;
        if self.after_as_of <= WARNINGS_SHOWN {
            let problem = RowProblem {
                line,
                column: Some(column.name().to_string()),
                problem: String::new(),
            };
            stderr_line(&format!(
                "{} {}: warning: {} is after the as-of date {}; the case is evaluated \
                 as recorded: check the date, or give the right --as-of",
                reporter.label,
                reporter.place(&problem),
                finnish(date),
                finnish(self.as_of)
            ));
        }
    }

    /// Warns when a case id was seen on an earlier line. Ids shown redacted (they hold an
    /// identity code) are not compared: every one of them reads the same.
    fn check_case_id(&mut self, reporter: &RowReporter, line: u64, case_id: &str) {
        if case_id.is_empty() || case_id.contains(REDACTED) {
            return;
        }
        if let Some(first) = self.seen.first_line(case_id.as_bytes(), line) {
            self.warn_duplicate(reporter, line, case_id, first);
        }
    }

    /// Counts a repeated case id, and shows the first ones. Cold, like [`Self::warn_after_as_of`].
    #[cold]
    fn warn_duplicate(&mut self, reporter: &RowReporter, line: u64, case_id: &str, first: u64) {
        self.duplicates += 1;
        if self.duplicates <= WARNINGS_SHOWN {
            // Redacted before it is cut: a code cut in two is not found any more.
            let case_id = redact_hetus(case_id);
            let shown: String = case_id.chars().take(40).collect();
            let more = if shown.len() < case_id.len() {
                "…"
            } else {
                ""
            };
            stderr_line(&format!(
                "{} line {line}: warning: the case id `{shown}{more}` is also on line {first}; \
                 both rows are evaluated: check whether the case is listed twice",
                reporter.label
            ));
        }
    }

    /// The counts of warnings not shown one by one.
    fn finish(&self, label: &str) {
        if self.seen.untracked > 0 {
            stderr_line(&format!(
                "{label}: note: repeated case ids were looked for among the first {} different \
                 ids only; {} later rows were not compared",
                SeenIds::MAX_IDS,
                self.seen.untracked
            ));
        }
        if self.after_as_of > WARNINGS_SHOWN {
            stderr_line(&format!(
                "{label}: warning: {} rows have a date after the as-of date {} (the first \
                 {WARNINGS_SHOWN} are listed above); all of them are evaluated",
                self.after_as_of,
                finnish(self.as_of)
            ));
        }
        if self.duplicates > WARNINGS_SHOWN {
            stderr_line(&format!(
                "{label}: warning: {} rows repeat a case id of an earlier row (the first \
                 {WARNINGS_SHOWN} are listed above); all of them are evaluated",
                self.duplicates
            ));
        }
    }
}

/// The case ids seen so far, each as a fingerprint with the line it was first seen on: the ids
/// themselves are not kept.
///
/// Exports usually list cases in id order, and while every id is greater than the one before, no
/// id can repeat an earlier one: the fingerprints are then only appended to a list, which costs
/// next to nothing. When the order first breaks, the list moves into an open-addressing table of
/// fixed size, where each later id is looked up. The table is allocated zeroed, so the system
/// hands it over page by page as ids arrive, 16 MB at most however many rows follow (past
/// [`SeenIds::MAX_IDS`] different ids, later ids are still compared with those but not added).
/// A look-up is one memory access, the cost that matters here: the table never grows (no
/// rehashing), and each slot packs the fingerprint and the line into one word.
///
/// An id's 64-bit hash picks its first slot (21 bits) and is kept as a 32-bit fingerprint, so
/// two different ids are taken for the same about once in 10^9 look-ups; the warning names both
/// lines, so such a false alarm can be checked.
#[derive(Default)]
struct SeenIds {
    /// While the ids come in increasing order: the last id, and every id's slot word.
    ascending: Option<Ascending>,
    /// Set once the order broke: `fingerprint << 32 | line`, 0 marks an empty slot.
    slots: Vec<u64>,
    len: usize,
    /// Rows whose id was not added because the table was full.
    untracked: u64,
}

#[derive(Default)]
struct Ascending {
    last: Vec<u8>,
    /// The hash and line of every id so far (at most [`SeenIds::MAX_IDS`]).
    hashes: Vec<u64>,
    lines: Vec<u32>,
    /// Ids past the limit, not listed: they cannot repeat while the order holds.
    unlisted: u64,
}

impl SeenIds {
    const SLOTS: usize = 1 << 21;
    /// At most half the slots are filled, so that probes stay short.
    const MAX_IDS: usize = Self::SLOTS / 2;

    /// A 64-bit hash of an id: eight bytes at a time (little-endian, the last ones padded with
    /// zeros), then mixed (murmur3's finaliser).
    fn hash(id: &[u8]) -> u64 {
        let mut hash = id.len() as u64;
        let mut add = |word: u64| {
            hash = (hash.rotate_left(23) ^ word).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        };
        let mut words = id.chunks_exact(8);
        for word in &mut words {
            add(u64::from_le_bytes(
                word.try_into().expect("chunks of 8 bytes"),
            ));
        }
        // The bytes past the last full word, read as one without copying them into a buffer
        // (which costs a call to memcpy for every id).
        let rest = words.remainder();
        if !rest.is_empty() {
            add(rest
                .iter()
                .rev()
                .fold(0, |word, &b| word << 8 | u64::from(b)));
        }
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
        hash ^= hash >> 33;
        hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        hash ^ (hash >> 33)
    }

    /// The line `id` was first seen on, if before; otherwise remembers it at `line`.
    fn first_line(&mut self, id: &[u8], line: u64) -> Option<u64> {
        let hash = Self::hash(id);
        let line = u32::try_from(line).unwrap_or(u32::MAX);
        if self.slots.is_empty() {
            let ascending = self.ascending.get_or_insert_with(Ascending::default);
            if ascending.last.is_empty() || id > ascending.last.as_slice() {
                ascending.last.clear();
                ascending.last.extend_from_slice(id);
                if ascending.hashes.len() < Self::MAX_IDS {
                    ascending.hashes.push(hash);
                    ascending.lines.push(line);
                } else {
                    ascending.unlisted += 1;
                }
                return None;
            }
            // The order broke: from now on every id is looked up.
            let listed = std::mem::take(ascending);
            self.untracked += listed.unlisted;
            self.slots = vec![0; Self::SLOTS];
            for (hash, line) in listed.hashes.into_iter().zip(listed.lines) {
                self.look_up_or_add(hash, line);
            }
        }
        self.look_up_or_add(hash, line)
    }

    /// Looks an id up by its hash: the line it was first seen on, or `None` after adding it.
    fn look_up_or_add(&mut self, hash: u64, line: u32) -> Option<u64> {
        // The fingerprint is never zero, so that an occupied slot is never 0.
        let fingerprint = (hash >> 32).max(1);
        let mask = Self::SLOTS - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                seen if seen >> 32 == fingerprint => return Some(seen & 0xffff_ffff),
                _ => slot = (slot + 1) & mask,
            }
        }
        if self.len >= Self::MAX_IDS {
            self.untracked += 1;
            return None;
        }
        self.slots[slot] = fingerprint << 32 | u64::from(line);
        self.len += 1;
        None
    }
}

/// Runs a case list through `visit`, reporting invalid rows and warning about suspicious ones;
/// returns the tally. Every row read is either visited or reported.
///
/// When `visit` fails (the output cannot be written: its reader went away, `| head`, or the
/// disk is full), the run ends at once without `--errors`. With `--errors`, the rest of the
/// list is still read, without visiting, so that the errors file lists every invalid row; the
/// output's error is returned once that file is in place.
pub fn run_list(
    args: &ListArgs,
    reader: &mut CaseReader,
    mut visit: impl FnMut(&Evaluated) -> Result<()>,
    mut on_invalid: impl FnMut(&Invalid),
) -> Result<Tally> {
    let mut reporter = RowReporter::new(args, reader)?;
    let settings = args.settings();
    let mut warnings = RowWarnings::new(settings.as_of);
    let mut tally = Tally::default();
    let mut output_failed = None;
    batch::run(reader, settings, |item| -> Result<()> {
        tally.count(&item);
        match item {
            Item::Evaluated(case) => {
                warnings.check_evaluated(&reporter, &case);
                if output_failed.is_some() {
                    return Ok(());
                }
                match visit(&case) {
                    Err(e) if reporter.errors.is_some() => {
                        output_failed = Some(e);
                        Ok(())
                    }
                    result => result,
                }
            }
            Item::Invalid(invalid) => {
                on_invalid(&invalid);
                warnings.check_case_id(&reporter, invalid.problem.line, &invalid.case_id);
                reporter.report(&invalid)
            }
        }
    })?;
    warnings.finish(&reporter.label);
    if tally.evaluated + tally.invalid == 0 {
        stderr_line(&format!(
            "{}: no cases: the file has a header row but no rows under it",
            reporter.label
        ));
    }
    reporter.finish()?;
    match output_failed {
        Some(error) => Err(error),
        None => Ok(tally),
    }
}

/// The exit code of a finished run (README, "Exit codes").
pub fn exit_code(args: &ListArgs, tally: Tally) -> u8 {
    if tally.invalid > 0 {
        let rows = if tally.invalid == 1 { "row" } else { "rows" };
        let listed = match &args.errors {
            Some(errors) if tally.invalid > WARNINGS_SHOWN => format!(
                "the first {WARNINGS_SHOWN} listed above, all of them in {}",
                errors.display()
            ),
            _ => "listed above".into(),
        };
        stderr_line(&format!(
            "{}: {} {rows} invalid ({listed}), {} evaluated.",
            args.label(),
            tally.invalid,
            tally.evaluated
        ));
        if args.strict {
            return EXIT_ERROR;
        }
        return EXIT_INVALID_ROWS;
    }
    if args.fail_on_overdue && tally.overdue > 0 {
        return EXIT_OVERDUE;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::SeenIds;

    #[test]
    fn the_hash_reads_ids_as_padded_little_endian_words() {
        // The definition the hash had first, with a buffer per word: the same values.
        fn reference(id: &[u8]) -> u64 {
            let mut hash = id.len() as u64;
            for chunk in id.chunks(8) {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                hash = (hash.rotate_left(23) ^ u64::from_le_bytes(word))
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            hash ^= hash >> 33;
            hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
            hash ^= hash >> 33;
            hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
            hash ^ (hash >> 33)
        }
        let text = "C00000123 SH-202611-0001 Kotihoito Itä \u{ff}\u{80}";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let id = &text.as_bytes()[start..end];
                assert_eq!(SeenIds::hash(id), reference(id), "{id:?}");
            }
        }
    }

    #[test]
    fn a_repeated_id_gives_the_line_it_was_first_on() {
        let mut seen = SeenIds::default();
        assert_eq!(seen.first_line(b"SH-1", 2), None);
        assert_eq!(seen.first_line(b"SH-2", 3), None);
        assert_eq!(seen.first_line(b"SH-1", 4), Some(2));
        assert_eq!(seen.first_line(b"SH-1", 7), Some(2));
        assert_eq!(seen.first_line(b"SH-2", 9), Some(3));
    }

    #[test]
    fn ids_in_order_are_listed_and_a_later_repeat_still_found() {
        let mut seen = SeenIds::default();
        for (line, id) in [(2, "A-1"), (3, "A-2"), (4, "A-3"), (5, "B-1")] {
            assert_eq!(seen.first_line(id.as_bytes(), line), None);
        }
        assert!(
            seen.slots.is_empty(),
            "no table while the ids come in order"
        );
        assert_eq!(seen.first_line(b"A-2", 6), Some(3));
        assert_eq!(seen.first_line(b"A-4", 7), None);
        assert_eq!(seen.first_line(b"A-4", 8), Some(7));
        assert_eq!(seen.first_line(b"B-1", 9), Some(5));
    }

    #[test]
    fn a_million_different_ids_are_all_new() {
        let mut seen = SeenIds::default();
        for i in 0..1_000_000u64 {
            let id = format!("C{i:08}");
            assert_eq!(seen.first_line(id.as_bytes(), i + 2), None, "{id}");
        }
        assert_eq!(seen.untracked, 0);
        assert_eq!(seen.first_line(b"C00000000", 1_000_002), Some(2));
        assert_eq!(seen.first_line(b"C00999999", 1_000_003), Some(1_000_001));
    }

    #[test]
    fn past_the_limit_ids_are_compared_but_not_added() {
        let mut seen = SeenIds::default();
        for i in 0..SeenIds::MAX_IDS as u64 + 10 {
            seen.first_line(format!("K{i}").as_bytes(), i + 2);
        }
        assert_eq!(seen.untracked, 10);
        assert_eq!(seen.first_line(b"K5", 1), Some(7));
        assert_eq!(
            seen.first_line(format!("K{}", SeenIds::MAX_IDS + 3).as_bytes(), 1),
            None
        );
    }
}
