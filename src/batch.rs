//! A case list, row by row: each row decoded into a [`Case`] (by [`crate::input::decode`]) and
//! evaluated, or reported with its line, column and problem. Shared by `audit`, `overdue` and `summary`, which differ only in
//! what they do with each [`Item`].
//!
//! Rows in = rows evaluated + rows reported: nothing is dropped.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

use crate::evaluation::{evaluate, Case, CaseError, Evaluation};
use crate::input::decode::{decode, keep};
use crate::input::{
    CaseReader, Column, ColumnRef, Fields, InputError, RawRow, ReadError, RowLayout, RowProblem,
};
use crate::options::Options;
use crate::problem::Problem;

mod units;
use units::Units;

/// One row's outcome.
// Boxing the evaluated case, as clippy suggests, would allocate for every row; an item is built in
// place in its chunk and handed on by reference.
#[allow(clippy::large_enum_variant)]
pub enum Item<'a> {
    /// A row evaluated.
    Evaluated(EvaluatedCase<'a>),
    /// A row that could not be, and why.
    Invalid(Invalid<'a>),
}

/// A row that was evaluated.
pub struct EvaluatedCase<'a> {
    /// The line.
    pub line: u64,
    /// The case id and unit as every output shows them ([`crate::text::shown`]).
    pub case_id: Cow<'a, str>,
    /// The unit as shown.
    pub unit: Cow<'a, str>,
    /// The identity code as written (hidden characters as `?`), only kept when the user asked
    /// to see it.
    pub hetu: Option<Cow<'a, str>>,
    /// The case as recorded.
    pub case: Case,
    /// Its evaluation.
    pub evaluation: Evaluation,
}

/// A row that could not be evaluated, and why.
pub struct Invalid<'a> {
    /// What is wrong.
    pub problem: RowProblem,
    /// The case id and unit where they could be read (for summaries by unit).
    pub case_id: Cow<'a, str>,
    /// The unit as shown.
    pub unit: Cow<'a, str>,
}

/// The counts every run over a list ends with: rows in = `evaluated` + `invalid`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Rows evaluated.
    pub evaluated: u64,
    /// Rows reported as invalid.
    pub invalid: u64,
    /// Evaluated cases with a deadline passed and not done.
    pub overdue: u64,
}

impl Tally {
    /// Counts one row's outcome.
    #[inline]
    pub fn count(&mut self, item: &Item) {
        match item {
            Item::Evaluated(case) => {
                self.evaluated += 1;
                self.overdue += u64::from(case.evaluation.is_overdue());
            }
            Item::Invalid(_) => self.invalid += 1,
        }
    }
}

/// What a case id or unit is shown as when it looks like an identity code and the user did not ask
/// to see identity codes.
pub const REDACTED: &str = crate::text::REDACTED;

/// Rows per chunk handed from the reading thread to the evaluating one: enough that handing over
/// costs nothing, few enough that memory stays small.
const CHUNK_ROWS: usize = 2048;
/// Chunks on their way at once; the reading thread waits when they are all taken.
const CHUNKS_IN_FLIGHT: usize = 4;

/// Reads every row of `reader`, evaluates it as `options` say (the as-of date and reading; codes
/// kept in the texts only with `show_hetu`), and hands each [`Item`] to `visit`, in input order.
/// Stops early only on a fatal input error or when `visit` fails.
///
/// The rows go through `pipeline`: one thread reads them into chunks of records, the calling
/// one evaluates them and runs `visit`. Decoding the rows (dates, flags, texts) is done by
/// whichever thread has time: the reader decodes a chunk itself while the evaluating side still
/// has one waiting, and otherwise passes it on as read.
pub fn run<E: From<InputError>>(
    reader: &mut CaseReader,
    options: &Options,
    mut visit: impl FnMut(Item<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let show_hetu = options.show_hetu;
    let layout = reader.layout().clone();
    // Chunks sent and not yet taken: while there is one, the evaluating side is the busier.
    let waiting = AtomicUsize::new(0);
    pipeline(
        reader,
        |chunk: &mut Chunk| {
            if waiting.load(Ordering::Relaxed) > 0 {
                chunk.decode(&layout, show_hetu);
            }
            waiting.fetch_add(1, Ordering::Relaxed);
        },
        |chunk: &mut Chunk| {
            waiting.fetch_sub(1, Ordering::Relaxed);
            chunk.decode(&layout, show_hetu);
            let Chunk { text, decoded, .. } = chunk;
            for row in decoded.drain(..) {
                visit(evaluate_row(text, row, options))?;
            }
            Ok(())
        },
    )
}

/// Rows read from a list into a chunk: the records, kept from one use of the chunk to the next
/// so that reading into them allocates nothing, and the rows as read, in order.
#[derive(Default)]
pub(crate) struct Rows {
    pub(crate) records: Vec<Fields>,
    pub(crate) read: Vec<ReadRow>,
}

/// A row as read: a record with its line, or a row the reader could not read.
pub(crate) enum ReadRow {
    Row { line: u64, record: usize },
    Problem(RowProblem),
}

/// What goes from the reading thread of a [`pipeline`] to the calling one and back: the rows
/// read, and whatever is made of them on the way.
pub(crate) trait Chunked: Default + Send {
    /// The rows read into it.
    fn rows(&mut self) -> &mut Rows;
    /// Emptied for its next use (the records stay, to be read into).
    fn clear(&mut self);
}

impl Chunked for Rows {
    fn rows(&mut self) -> &mut Rows {
        self
    }

    fn clear(&mut self) {
        self.read.clear();
    }
}

/// A list read on one thread and taken on the calling one, a chunk of rows at a time: the
/// reading thread fills a chunk, hands it to `ready` and sends it on; the calling thread hands
/// each chunk, in order, to `take`. Chunks go one way through a bounded channel and come back
/// empty to be reused, so memory does not grow with the file. Stops at the end of the list, on a
/// fatal input error (returned once the rows before it are taken), or when `take` fails (then
/// the reader stops at its next row). What `batch::run` and the social-assistance reader share.
pub(crate) fn pipeline<C: Chunked, E: From<InputError>>(
    reader: &mut CaseReader,
    ready: impl FnMut(&mut C) + Send,
    mut take: impl FnMut(&mut C) -> Result<(), E>,
) -> Result<(), E> {
    let (full_sender, full) = mpsc::sync_channel(CHUNKS_IN_FLIGHT);
    let (empty_sender, empty) = mpsc::channel();
    let stop = AtomicBool::new(false);
    thread::scope(|scope| {
        let stop = &stop;
        scope.spawn(move || read_chunks(reader, full_sender, empty, stop, ready));
        let take_chunks = || {
            for message in full {
                let mut chunk: C = message.map_err(E::from)?;
                take(&mut chunk)?;
                // The reader may have finished: then the chunk is simply dropped.
                let _ = empty_sender.send(chunk);
            }
            Ok(())
        };
        let result = take_chunks();
        // Stopped early (a closed pipe, an unwritable output): the receiver is gone, and the
        // reader stops at its next row instead of reading on to fill a chunk no one takes.
        stop.store(true, Ordering::Relaxed);
        result
    })
}

/// The reading thread of a [`pipeline`]: chunks filled with rows and sent on, then a fatal error
/// if there is one.
fn read_chunks<C: Chunked>(
    reader: &mut CaseReader,
    full: SyncSender<Result<C, InputError>>,
    empty: Receiver<C>,
    stop: &AtomicBool,
    mut ready: impl FnMut(&mut C),
) {
    loop {
        let mut chunk: C = empty.try_recv().unwrap_or_default();
        chunk.clear();
        let rows = chunk.rows();
        let mut used = 0;
        let mut end = None;
        while rows.read.len() < CHUNK_ROWS {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if used == rows.records.len() {
                rows.records.push(Fields::default());
            }
            match reader.read_into(&mut rows.records[used]) {
                Some(Ok(line)) => {
                    rows.read.push(ReadRow::Row { line, record: used });
                    used += 1;
                }
                Some(Err(ReadError::Row(problem))) => rows.read.push(ReadRow::Problem(problem)),
                Some(Err(ReadError::Fatal(error))) => {
                    end = Some(Some(error));
                    break;
                }
                None => {
                    end = Some(None);
                    break;
                }
            }
        }
        ready(&mut chunk);
        // A failed send means the calling side has stopped.
        if full.send(Ok(chunk)).is_err() {
            return;
        }
        match end {
            None => {}
            Some(None) => return,
            Some(Some(error)) => {
                let _ = full.send(Err(error));
                return;
            }
        }
    }
}

/// Rows on their way from the reading thread to the evaluating one.
#[derive(Default)]
struct Chunk {
    /// The rows as read.
    rows: Rows,
    /// The rows decoded, in order, with their texts (case id, unit, identity code) in `text`.
    decoded: Vec<Decoded>,
    /// The texts one after another. Each is UTF-8 on its own (ASCII as read, anything else
    /// decoded), and the whole is checked as UTF-8 once, which costs far less than checking
    /// each short text.
    text: String,
    /// The units in `text`, each kept once (see [`units`]).
    units: Units,
}

/// A row decoded: a case to evaluate, or a problem to report.
enum Decoded {
    Case {
        line: u64,
        case_id: Range<usize>,
        unit: Range<usize>,
        hetu: Option<Range<usize>>,
        case: Case,
    },
    Invalid {
        problem: RowProblem,
        case_id: Range<usize>,
        unit: Range<usize>,
    },
}

impl Chunked for Chunk {
    fn rows(&mut self) -> &mut Rows {
        &mut self.rows
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.decoded.clear();
        self.text.clear();
        self.units.clear();
    }
}

impl Chunk {
    /// Decodes the rows read (once; a chunk decoded by the reader is left as it is).
    fn decode(&mut self, layout: &RowLayout, show_hetu: bool) {
        if self.rows.read.is_empty() {
            return;
        }
        let mut text = std::mem::take(&mut self.text).into_bytes();
        for read in self.rows.read.drain(..) {
            self.decoded.push(match read {
                ReadRow::Row { line, record } => decode_row(
                    &layout.row(&self.rows.records[record], line),
                    show_hetu,
                    &mut text,
                    &mut self.units,
                ),
                ReadRow::Problem(problem) => Decoded::Invalid {
                    problem,
                    case_id: 0..0,
                    unit: 0..0,
                },
            });
        }
        // Cannot fail (every text kept is UTF-8); were it to, the texts would be mangled, not lost.
        self.text = String::from_utf8(text)
            .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
    }
}

fn decode_row(row: &RawRow, show_hetu: bool, text: &mut Vec<u8>, units: &mut Units) -> Decoded {
    let case_id = keep(text, row, Column::CaseId, show_hetu);
    let unit = units.keep(text, row, show_hetu);
    match decode(row) {
        Ok(case) => Decoded::Case {
            line: row.line(),
            hetu: (show_hetu && row.bytes(Column::Hetu).is_some())
                .then(|| keep(text, row, Column::Hetu, true)),
            case_id,
            unit,
            case,
        },
        Err(problem) => Decoded::Invalid {
            problem,
            case_id,
            unit,
        },
    }
}

/// The evaluating side of a decoded row.
fn evaluate_row<'t>(text: &'t str, row: Decoded, options: &Options) -> Item<'t> {
    // The texts were made fit to show as they were kept.
    let text_at = |range: Range<usize>| Cow::Borrowed(text.get(range).unwrap_or_default());
    let (case_id, unit, line, hetu, case) = match row {
        Decoded::Invalid {
            problem,
            case_id,
            unit,
        } => {
            return Item::Invalid(Invalid {
                problem,
                case_id: text_at(case_id),
                unit: text_at(unit),
            })
        }
        Decoded::Case {
            line,
            case_id,
            unit,
            hetu,
            case,
        } => (text_at(case_id), text_at(unit), line, hetu, case),
    };
    match evaluate(&case, options.as_of, options.reading) {
        Ok(evaluation) => Item::Evaluated(EvaluatedCase {
            line,
            case_id,
            unit,
            hetu: hetu.map(text_at),
            case,
            evaluation,
        }),
        Err(err) => Item::Invalid(Invalid {
            problem: RowProblem {
                line,
                column: column_of(&err).map(ColumnRef::Known),
                problem: Problem::Case(err),
            },
            case_id,
            unit,
        }),
    }
}

/// The column a case-level problem is best fixed in.
fn column_of(err: &CaseError) -> Option<Column> {
    Some(match err {
        CaseError::StartBeforePending { .. } => Column::StartedDate,
        CaseError::CompletionBeforePending { .. }
        | CaseError::CompletionBeforeStart { .. }
        | CaseError::CompletionWithoutStart => Column::CompletedDate,
        CaseError::BornAfterPending { .. } => Column::BirthDate,
        // Dates outside the calendar are caught while decoding; what is left is a deadline
        // counted from the pending date that runs past the calendar's end.
        CaseError::Calendar(_) => Column::PendingDate,
        CaseError::DecisionBeforePending { .. } => Column::DecisionDate,
        CaseError::ImplementedBeforeDecision { .. } | CaseError::ImplementedWithoutDecision => {
            Column::ImplementedDate
        }
        CaseError::AgeOutOfRange { .. } => Column::Age,
        CaseError::ChildFlagForAdult { .. } => return None,
    })
}

#[cfg(test)]
mod tests;
