//! Uploaded lists streamed through the library's reader and the audit's writers, in constant
//! memory: the request body is pumped into a channel that a blocking reader drains (the case
//! reader takes any `Read`), and what the writers write goes out through another channel as the
//! response body. Nothing touches the disk.

use std::io::{self, Read, Write};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Multipart, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use futures_util::StreamExt;
use tokio::sync::{mpsc, oneshot, OwnedSemaphorePermit};

use super::access::{current_rows, RowCount};
use super::failure::Failure;
use super::state::UPLOAD_IDLE_TIMEOUT;
use crate::audit::{self, AuditFinding, Notice, Warning, WarningCounts};
use crate::batch;
use crate::calendar::Reading;
use crate::evaluation::{CaseStanding, Status};
use crate::input::{CaseReader, ColumnRef, InputError, InputOptions};
use crate::labels::{Label, Lang};
use crate::options::Options;
use crate::problem::Places;
use crate::report::CaseSink;
use crate::rules::{Group, Groups};

/// Pieces of an upload on their way to the reader.
const PIECES_IN_FLIGHT: usize = 32;
/// Pieces of an answer on their way to the client.
const ANSWER_PIECES_IN_FLIGHT: usize = 8;
/// The size of one piece of an answer.
const ANSWER_PIECE: usize = 64 << 10;
/// Invalid rows listed one by one in an answer, and warnings; the rest are counted.
pub const INVALID_LISTED: usize = 1000;
/// Overdue and due cases listed on the audit page, each.
pub const CASES_LISTED: usize = 200;

/// Why an upload stopped, when it did not simply end: kept for the answer. It also carries the
/// request's row count for the access log (`access::ROWS`).
#[derive(Clone, Default)]
pub struct UploadFailure(Arc<Mutex<Option<Failure>>>, Option<RowCount>);

impl UploadFailure {
    /// For an upload of the request being handled.
    fn new() -> Self {
        UploadFailure(Arc::default(), current_rows())
    }

    /// Counts the rows read, for the access log.
    fn count_rows(&self, rows: u64) {
        if let Some(count) = &self.1 {
            count
                .0
                .fetch_add(rows, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn set(&self, failure: Failure) {
        if let Ok(mut slot) = self.0.lock() {
            slot.get_or_insert(failure);
        }
    }

    pub fn take(&self) -> Option<Failure> {
        self.0.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// A blocking reader of the pieces the pump sends.
pub struct ChannelReader {
    pieces: mpsc::Receiver<io::Result<Bytes>>,
    current: Bytes,
    /// The audit slot this upload holds while it is read (taken before the upload's first
    /// byte, given back when the reader is dropped).
    _permit: OwnedSemaphorePermit,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.current.is_empty() {
            match self.pieces.blocking_recv() {
                Some(Ok(piece)) => self.current = piece,
                Some(Err(error)) => return Err(error),
                None => return Ok(0),
            }
        }
        let n = buf.len().min(self.current.len());
        buf[..n].copy_from_slice(&self.current[..n]);
        let _ = self.current.split_to(n);
        Ok(n)
    }
}

/// An upload: the reader of its bytes, what it is called in messages, and why it stopped early.
pub struct Upload {
    pub reader: ChannelReader,
    pub label: String,
    pub failure: UploadFailure,
}

pub fn too_large(limit: u64) -> Failure {
    Failure::worded(StatusCode::PAYLOAD_TOO_LARGE, "too_large", |lang| {
        lang.fill(Label::WebTooLarge, &[&size_text(limit)])
    })
}

/// What an upload without a file name is called in messages, until the language is known
/// ([`open_with`] names it in that language).
const UPLOADED: &str = "the uploaded list";

/// `256 MB`, `1 MB`, `500 KB`, `123 bytes` (binary units, as `--max-upload` reads them).
pub fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GB", b >> 30),
        b if b >= 1 << 20 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 => format!("{} KB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// Bytes of a refused upload read and dropped, so that the client, still sending, gets to read
/// the 413 instead of a reset connection.
const DRAIN_LIMIT: u64 = 64 << 20;

/// Reads and drops what is left of a body (at most [`DRAIN_LIMIT`], while it keeps coming).
pub async fn drain(body: Body) {
    let mut stream = body.into_data_stream();
    let mut total = 0u64;
    while let Ok(Some(Ok(piece))) =
        tokio::time::timeout(std::time::Duration::from_secs(5), stream.next()).await
    {
        total += piece.len() as u64;
        if total > DRAIN_LIMIT {
            break;
        }
    }
}

/// Refuses (413) a request whose announced body is larger than `limit`, after reading and
/// dropping that body unless the client waits for a go-ahead (`Expect: 100-continue`).
pub async fn refuse_oversized(request: Request, limit: u64) -> Result<Request, Failure> {
    let length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match length {
        Some(length) if length > limit => {
            let waits = request
                .headers()
                .get(header::EXPECT)
                .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
            if !waits {
                drain(request.into_body()).await;
            }
            Err(too_large(limit))
        }
        _ => Ok(request),
    }
}

/// The whole body of a small request (one case), or 413 past `limit`.
pub async fn small_body(request: Request, limit: u64) -> Result<(Parts, Bytes), Failure> {
    let request = refuse_oversized(request, limit).await?;
    let (parts, body) = request.into_parts();
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    loop {
        match tokio::time::timeout(UPLOAD_IDLE_TIMEOUT, stream.next()).await {
            Ok(Some(Ok(piece))) => {
                if (bytes.len() + piece.len()) as u64 > limit {
                    drain(Body::from_stream(stream)).await;
                    return Err(too_large(limit));
                }
                bytes.extend_from_slice(&piece);
            }
            Ok(None) => return Ok((parts, Bytes::from(bytes))),
            Ok(Some(Err(error))) => return Err(body_failure(&error.to_string(), limit)),
            Err(_) => return Err(stalled()),
        }
    }
}

/// Streams a raw request body (the list itself) into an [`Upload`].
pub fn raw_upload(body: Body, limit: u64, permit: OwnedSemaphorePermit) -> Upload {
    let (sender, pieces) = mpsc::channel(PIECES_IN_FLIGHT);
    let failure = UploadFailure::new();
    let failed = failure.clone();
    tokio::spawn(async move {
        let mut stream = body.into_data_stream();
        let mut total = 0u64;
        loop {
            let piece = match tokio::time::timeout(UPLOAD_IDLE_TIMEOUT, stream.next()).await {
                Ok(Some(Ok(piece))) => piece,
                Ok(None) => break,
                Ok(Some(Err(error))) => {
                    let failure = body_failure(&error.to_string(), limit);
                    fail(&sender, &failed, failure).await;
                    break;
                }
                Err(_) => {
                    fail(&sender, &failed, stalled()).await;
                    break;
                }
            };
            total += piece.len() as u64;
            if total > limit {
                fail(&sender, &failed, too_large(limit)).await;
                drain(Body::from_stream(stream)).await;
                break;
            }
            if sender.send(Ok(piece)).await.is_err() {
                break;
            }
        }
    });
    Upload {
        reader: ChannelReader {
            pieces,
            current: Bytes::new(),
            _permit: permit,
        },
        label: UPLOADED.into(),
        failure,
    }
}

fn stalled() -> Failure {
    Failure::worded(StatusCode::REQUEST_TIMEOUT, "upload_stalled", |lang| {
        lang.get(Label::WebStalled).to_string()
    })
}

fn body_failure(error: &str, limit: u64) -> Failure {
    if let Some(at) = error.find(super::limits::DEADLINE_PASSED) {
        Failure::new(StatusCode::REQUEST_TIMEOUT, &error[at..])
    } else if error.contains("length limit") {
        too_large(limit)
    } else {
        Failure::worded(StatusCode::BAD_REQUEST, "upload_unread", |lang| {
            lang.fill(Label::WebUploadUnread, &[error])
        })
    }
}

async fn fail(sender: &mpsc::Sender<io::Result<Bytes>>, failed: &UploadFailure, failure: Failure) {
    let message = failure.message.clone();
    failed.set(failure);
    let _ = sender.send(Err(io::Error::other(message))).await;
}

/// The text fields of a multipart form that came before its `file` field.
pub type FormFields = Vec<(String, String)>;

/// The longest text field of a form, in bytes.
const FIELD_LIMIT: usize = 200;
/// Text fields a form may have.
const FIELDS_LIMIT: usize = 20;

/// Streams the `file` field of a multipart form into an [`Upload`]; the text fields before it
/// (as-of date, reading, language) come back first. The form must put the file last.
pub async fn multipart_upload(
    mut multipart: Multipart,
    limit: u64,
    permit: OwnedSemaphorePermit,
) -> Result<(FormFields, Upload), Failure> {
    let (sender, pieces) = mpsc::channel(PIECES_IN_FLIGHT);
    let (fields_sender, fields) = oneshot::channel();
    let failure = UploadFailure::new();
    let failed = failure.clone();
    tokio::spawn(async move {
        let mut texts = FormFields::new();
        let multipart_failure = |error: axum::extract::multipart::MultipartError| {
            let text = error.body_text();
            if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large(limit)
            } else if text.contains(super::limits::DEADLINE_PASSED) {
                body_failure(&text, limit)
            } else {
                let text = error.body_text();
                Failure::worded(error.status(), "form_unread", |lang| {
                    lang.fill(Label::WebFormUnread, &[&text])
                })
            }
        };
        let mut field = loop {
            match multipart.next_field().await {
                Ok(Some(field)) if field.name() == Some("file") => break field,
                Ok(Some(mut field)) => {
                    let name = field.name().unwrap_or_default().to_string();
                    // Limited while it streams in: a field is never held past its limit.
                    let mut value = Vec::new();
                    let within = loop {
                        match field.chunk().await {
                            Ok(Some(piece)) if value.len() + piece.len() <= FIELD_LIMIT => {
                                value.extend_from_slice(&piece)
                            }
                            Ok(Some(_)) => break false,
                            Ok(None) => break texts.len() < FIELDS_LIMIT,
                            Err(error) => {
                                let _ = fields_sender.send(Err(multipart_failure(error)));
                                return;
                            }
                        }
                    };
                    let text = within.then(|| String::from_utf8(value).ok()).flatten();
                    match text {
                        Some(text) => texts.push((name, text)),
                        None => {
                            let failure =
                                Failure::worded(StatusCode::BAD_REQUEST, "form_fields", |lang| {
                                    lang.fill(
                                        Label::WebTooManyFields,
                                        &[&FIELDS_LIMIT.to_string(), &FIELD_LIMIT.to_string()],
                                    )
                                });
                            let _ = fields_sender.send(Err(failure));
                            return;
                        }
                    }
                }
                Ok(None) => {
                    let failure = Failure::worded(StatusCode::BAD_REQUEST, "no_file", |lang| {
                        lang.get(Label::WebNoFile).to_string()
                    });
                    let _ = fields_sender.send(Err(failure));
                    return;
                }
                Err(error) => {
                    let _ = fields_sender.send(Err(multipart_failure(error)));
                    return;
                }
            }
        };
        let label = field
            .file_name()
            .map(str::trim)
            .filter(|name| !name.is_empty())
            // Redacted before it is cut, so that no part of an identity code is left: a file
            // may be named after a person.
            .map(|name| {
                let name = crate::text::shown(name, false);
                name.chars().filter(|c| !c.is_control()).take(100).collect()
            })
            .unwrap_or_else(|| UPLOADED.to_string());
        if fields_sender.send(Ok((texts, label))).is_err() {
            return;
        }
        loop {
            match tokio::time::timeout(UPLOAD_IDLE_TIMEOUT, field.chunk()).await {
                Ok(Ok(Some(piece))) => {
                    if sender.send(Ok(piece)).await.is_err() {
                        return;
                    }
                }
                Ok(Ok(None)) => return,
                Ok(Err(error)) => {
                    fail(&sender, &failed, multipart_failure(error)).await;
                    return;
                }
                Err(_) => {
                    fail(&sender, &failed, stalled()).await;
                    return;
                }
            }
        }
    });
    let (texts, label) = fields.await.map_err(|_| {
        Failure::worded(StatusCode::BAD_REQUEST, "form_unread", |lang| {
            lang.get(Label::WebFormLost).to_string()
        })
    })??;
    Ok((
        texts,
        Upload {
            reader: ChannelReader {
                pieces,
                current: Bytes::new(),
                _permit: permit,
            },
            label,
            failure,
        },
    ))
}

/// A blocking writer whose pieces become the response body.
pub struct ChannelWriter {
    sender: mpsc::Sender<io::Result<Bytes>>,
    buffer: Vec<u8>,
}

impl ChannelWriter {
    /// A writer, and the response body it feeds.
    pub fn new() -> (ChannelWriter, Body) {
        let (sender, receiver) = mpsc::channel::<io::Result<Bytes>>(ANSWER_PIECES_IN_FLIGHT);
        let stream = futures_util::stream::unfold(receiver, |mut receiver| async move {
            receiver.recv().await.map(|piece| (piece, receiver))
        });
        (
            ChannelWriter {
                sender,
                buffer: Vec::with_capacity(ANSWER_PIECE),
            },
            Body::from_stream(stream),
        )
    }

    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let piece = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(ANSWER_PIECE),
        ));
        self.sender
            .blocking_send(Ok(piece))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }

    /// Ends the body with an error: the client sees a broken download, not a short file.
    pub fn abort(mut self, message: &str) {
        self.buffer.clear();
        let _ = self
            .sender
            .blocking_send(Err(io::Error::other(message.to_string())));
    }
}

impl Write for ChannelWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= ANSWER_PIECE {
            self.send()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

/// Opens the reader on an upload: the header row is read and matched. A CSV streams; a
/// workbook (its first bytes a zip or OLE2 file) is read whole into memory, as the command
/// line does with one on standard input, bounded by the upload limit and never written to
/// disk. An error here is the answer (400, or 413 when the upload was too large), worded in
/// `lang`. `options` are the command line's `--column` (the page's choice of the case id
/// column).
pub fn open_with(
    upload: Upload,
    options: &InputOptions,
    lang: Lang,
) -> Result<(CaseReader, UploadFailure), Failure> {
    let Upload {
        reader,
        label,
        failure,
    } = upload;
    let label = match label.as_str() {
        UPLOADED => lang.get(Label::WebUploadedList).to_string(),
        _ => label,
    };
    match CaseReader::from_reader_sheet(Box::new(reader), &label, options, None) {
        Ok(reader) => Ok((reader, failure)),
        Err(error) => Err(failure
            .take()
            .unwrap_or_else(|| input_failure(&error, lang))),
    }
}

/// A file that could not be opened: a workbook that cannot be read is 422 (the request was
/// fine, its content is not), anything else 400.
fn input_failure(error: &InputError, lang: Lang) -> Failure {
    let (status, code) = match error {
        InputError::Workbook { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "workbook_unreadable"),
        InputError::NotCsv { .. } => (StatusCode::BAD_REQUEST, "not_csv"),
        InputError::Empty { .. } => (StatusCode::BAD_REQUEST, "empty_list"),
        InputError::NoHeader { .. } => (StatusCode::BAD_REQUEST, "no_header"),
        InputError::MissingColumn { .. } => (StatusCode::BAD_REQUEST, "missing_column"),
        _ => (StatusCode::BAD_REQUEST, "list_unreadable"),
    };
    Failure::worded(status, code, |lang| {
        crate::problem::input_error(error, lang)
    })
    .in_lang(lang)
}

/// An invalid row as listed in an answer.
#[derive(serde::Serialize, Clone, Debug)]
pub struct InvalidRow {
    pub line: u64,
    /// The column's header as in the file, when the problem is in one column.
    pub column: Option<String>,
    /// The column's position (1 = the first), when known.
    pub position: Option<usize>,
    pub case_id: String,
    /// What is wrong and how to fix it, in the answer's language.
    pub problem: String,
    /// The problem's kind, a stable key for programs (`not_a_date`, `start_before_pending`).
    pub code: &'static str,
}

/// A warning as listed in an answer: a row evaluated but worth a second look.
#[derive(serde::Serialize, Clone, Debug)]
pub struct WarningRow {
    pub line: u64,
    /// `date_after_as_of` or `repeated_id`.
    pub kind: &'static str,
    /// The column's header as in the file, when the warning is about one.
    pub column: Option<String>,
    /// The column's position (1 = the first), when known.
    pub position: Option<usize>,
    /// The date after the as-of date.
    pub date: Option<chrono::NaiveDate>,
    /// The line the case id was first on.
    pub first_line: Option<u64>,
    /// What to check, in the answer's language (the command line's words).
    pub problem: String,
}

/// A notice about the whole list ([`audit::Notice`]) as an answer gives it: said once, whatever
/// the rows.
#[derive(serde::Serialize, Clone, Debug)]
pub struct NoticeRow {
    /// `not_recorded` or `not_started`.
    pub code: &'static str,
    /// The milestone not judged (`decision`, `implementation`); none for `not_started`.
    pub milestone: Option<&'static str>,
    /// The column the list lacks, by its key (`decision_date`, `implemented_date`,
    /// `started_date`).
    pub column: &'static str,
    /// The cases with a deadline that is not judged; none for `not_started`.
    pub cases: Option<u64>,
    /// The notice in the answer's language (the command line's words).
    pub text: String,
}

impl NoticeRow {
    pub fn new(notice: &Notice, lang: Lang) -> Self {
        let (milestone, cases) = match *notice {
            Notice::NotRecorded {
                milestone, cases, ..
            } => (Some(milestone.key()), Some(cases)),
            Notice::NotStarted => (None, None),
        };
        NoticeRow {
            code: notice.code(),
            milestone,
            column: notice.column().name(),
            cases,
            text: notice.text(lang),
        }
    }
}

/// A case listed on the audit page (overdue or due).
#[derive(Clone, Debug)]
pub struct Listed {
    pub line: u64,
    pub case_id: String,
    pub unit: String,
    pub record: crate::report::CaseRecord,
    /// Where the case stands ([`crate::evaluation::Evaluation::standing`]): the deadline that
    /// put it on the list, its date and working days.
    pub standing: CaseStanding,
    /// Sort key: working days overdue (overdue) or left (due).
    pub days: i64,
}

/// Counts of one deadline's statuses, in the order of [`Status::ALL`].
#[derive(Default, Clone, Copy, Debug)]
pub struct StatusCounts(pub [u64; 5]);

impl serde::Serialize for StatusCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(5))?;
        for (status, count) in Status::ALL.iter().zip(self.0) {
            map.serialize_entry(status.as_str(), &count)?;
        }
        map.end()
    }
}

/// The counts of an audit answer.
#[derive(serde::Serialize, Default, Clone, Debug)]
pub struct Counts {
    /// Rows read: `evaluated` + `invalid`.
    pub rows: u64,
    pub evaluated: u64,
    pub invalid: u64,
    /// Evaluated cases with a deadline passed and not done.
    pub overdue: u64,
    /// The cases by where they stand ([`crate::evaluation::Evaluation::standing`]): each once,
    /// by the status of the milestone that matters most now.
    pub cases: StatusCounts,
    pub start: StatusCounts,
    pub completion: StatusCounts,
    /// Rows evaluated (or reported) but worth a second look, by kind.
    pub warnings: WarningCounts,
}

/// What an audit found besides the cases it wrote.
#[derive(Default)]
pub struct Audited {
    pub counts: Counts,
    pub invalid: Vec<InvalidRow>,
    pub warnings: Vec<WarningRow>,
    /// What the run says once about the whole list: the list has no started_date, the
    /// milestones it cannot judge.
    pub notices: Vec<Notice>,
    pub overdue: Vec<Listed>,
    pub due: Vec<Listed>,
    /// Per group (in the order of [`Group::ALL`], then no group): the cases by where they stand
    /// ([`crate::evaluation::Evaluation::standing`]); a case counts once in each of its groups.
    pub by_group: [StatusCounts; 7],
    /// Why reading stopped before the end, if it did.
    pub error: Option<Failure>,
    /// The list has no case id column: the headers not read, one of which may hold it.
    pub case_id_missing: Option<Vec<String>>,
    /// The audit as plain CSV and as Excel CSV, when the page carries them.
    pub downloads: Option<[Vec<u8>; 2]>,
}

/// Runs an opened list through the library's engine ([`crate::audit`]), each case to `sink` (if
/// any), and counts; the first invalid rows and warnings are kept for the answer. With `list`,
/// the most overdue and the soonest due cases are kept for the page (bounded).
pub fn audit(
    reader: &mut CaseReader,
    failure: &UploadFailure,
    options: &Options,
    mut sink: Option<&mut dyn CaseSink>,
    list: bool,
    lang: Lang,
) -> Audited {
    let places = Places::of(reader);
    let case_id_missing = reader
        .position_of(crate::input::Column::CaseId)
        .is_none()
        .then(|| {
            reader
                .unused_headers()
                .iter()
                .map(|h| h.to_string())
                .collect()
        });
    let mut engine = audit::Audit::new(*options);
    let mut audited = Audited {
        case_id_missing,
        notices: Notice::of_columns(reader).into_iter().collect(),
        ..Audited::default()
    };
    let result = engine.run(reader, |found| -> Result<(), crate::error::Error> {
        match found {
            AuditFinding::Case(case) => {
                let e = &case.evaluation;
                let standing = e.standing();
                audited.counts.cases.0[standing.status as usize] += 1;
                audited.counts.start.0[e.start.status as usize] += 1;
                audited.counts.completion.0[e.completion.status as usize] += 1;
                count_by_group(&mut audited.by_group, e.groups, standing.status);
                if let Some(sink) = sink.as_deref_mut() {
                    sink.case(case)?;
                }
                if list {
                    keep_listed(&mut audited, case, standing, options.reading);
                }
            }
            AuditFinding::Invalid(invalid) => {
                if audited.invalid.len() < INVALID_LISTED {
                    let p = &invalid.problem;
                    let column = p.column.as_ref();
                    audited.invalid.push(InvalidRow {
                        line: places.row(p.line),
                        column: column.map(|c| places.column_name(c, lang)),
                        position: column.and_then(|c| places.found(c)).map(|(at, _)| at),
                        case_id: invalid.case_id.to_string(),
                        problem: p.problem.text(lang),
                        code: p.problem.code(),
                    });
                }
            }
            AuditFinding::Warning(warning) => {
                if audited.warnings.len() < INVALID_LISTED {
                    let (date, first_line) = match warning {
                        Warning::DateAfterAsOf { date, .. } => (Some(date), None),
                        Warning::RepeatedId { first_line, .. } => (None, Some(first_line)),
                    };
                    let column = warning.column().map(ColumnRef::Known);
                    audited.warnings.push(WarningRow {
                        line: places.row(warning.line()),
                        kind: warning.kind(),
                        column: column.as_ref().map(|c| places.column_name(c, lang)),
                        position: column
                            .as_ref()
                            .and_then(|c| places.found(c))
                            .map(|(at, _)| at),
                        date,
                        first_line,
                        problem: warning.text(options.as_of, lang),
                    });
                }
            }
        }
        Ok(())
    });
    if let Err(error) = result {
        audited.error = Some(failure.take().unwrap_or_else(|| match &error {
            crate::error::Error::Input(error) => input_failure(error, lang),
            error => Failure::bad_request(error.text(lang)),
        }));
    }
    for (cases, most_first) in [(&mut audited.overdue, true), (&mut audited.due, false)] {
        sort_listed(cases, most_first);
        cases.truncate(CASES_LISTED);
    }
    let outcome = engine.outcome();
    let tally = outcome.tally;
    audited.counts.rows = tally.evaluated + tally.invalid;
    failure.count_rows(audited.counts.rows);
    audited.counts.evaluated = tally.evaluated;
    audited.counts.invalid = tally.invalid;
    audited.counts.overdue = tally.overdue;
    audited.counts.warnings = outcome.warnings;
    audited.notices.extend(outcome.not_recorded.notices());
    audited
}

fn count_by_group(by_group: &mut [StatusCounts; 7], groups: Groups, status: Status) {
    let status = status as usize;
    if groups.is_empty() {
        by_group[Group::ALL.len()].0[status] += 1;
    }
    for group in groups.iter() {
        by_group[group as usize].0[status] += 1;
    }
}

fn sort_listed(cases: &mut [Listed], most_first: bool) {
    if most_first {
        cases.sort_by_key(|c| (std::cmp::Reverse(c.days), c.line));
    } else {
        cases.sort_by_key(|c| (c.days, c.line));
    }
}

/// Keeps a case for the page's lists by where it stands: overdue (the most working days over
/// first) or due (the fewest left first).
fn keep_listed(
    audited: &mut Audited,
    case: &batch::EvaluatedCase,
    standing: CaseStanding,
    reading: Reading,
) {
    let e = &case.evaluation;
    let days = standing.working_days.unwrap_or(0);
    let (cases, most_first) = match standing.status {
        Status::Overdue => (&mut audited.overdue, true),
        Status::Due => (&mut audited.due, false),
        _ => return,
    };
    cases.push(Listed {
        line: case.line,
        case_id: case.case_id.to_string(),
        unit: case.unit.to_string(),
        record: crate::report::CaseRecord::new(case.case.pending, e, reading),
        standing,
        days,
    });
    if cases.len() >= 2 * CASES_LISTED {
        sort_listed(cases, most_first);
        cases.truncate(CASES_LISTED);
    }
}
