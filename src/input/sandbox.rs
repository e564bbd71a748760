//! calamine in a child process: a damaged workbook ends a child, never maaraika.
//!
//! calamine reads .xls, .xlsb and .ods (and opens every .xlsx, for its sheets and cell styles).
//! It trusts what a file claims: a 9.7 KB .xls can make it ask for 2 TB (the process aborts, which
//! no `catch_unwind` stops), a crafted .xlsb makes it panic, an 855-byte .ods of repeated rows
//! makes it fill gigabytes. So maaraika runs it in a child process of its own program, started
//! with [`CHILD_ARG`], under limits of memory and CPU time in proportion to the file's size
//! (`limits_for`): what goes wrong there ends the child, and the reader says "cannot be read as
//! a workbook" (exit 2; the web server answers 422 and stays up).
//!
//! The two talk in frames over pipes (a tag byte, a length, the bytes): the parent sends the job
//! (the file's path or its bytes, the sheet asked for); the child answers with the sheet it
//! opened (`Opened`: its name, date system, the cell styles' number formats for the .xlsx
//! scanner), then waits. The parent asks for the merged regions and the cells from a given one
//! on (`Child::go`), or for nothing, when the .xlsx scanner of this process read the whole
//! sheet itself (`input::xlsx_sheet`, which is bounded by content and reads no further than a
//! buffer at a time: it stays in the process, for speed). Cells come back one frame each: their
//! row, column and value; the parent renders them as CSV text for the one decoder, as it does
//! the scanner's.
//!
//! The child is this same program: the `maaraika` binary calls [`init`] first thing, which turns
//! a process started as a child into one, and otherwise notes its own path for the children. A
//! program that uses maaraika as a library and does not call [`init`] reads workbooks in a thread
//! of its own process: the same code, with `catch_unwind` around calamine and the size checks of
//! the .xlsx scanner, but without the limits of a process, so a workbook that makes calamine
//! abort ends that program. Call [`init`] at the start of `main` to read them in children.

use std::ffi::OsString;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::Duration;

use calamine::Dimensions;

use super::book::{damaged, too_many_merges, Failure, Source, Value};
use super::calamine_book::ChildBook;
use super::error::InputError;

/// The first argument that makes the program a workbook reader for its parent.
pub const CHILD_ARG: &str = "__read-workbook";

/// The program started as a child, once [`init`] has named it.
static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Call first thing in `main`. In a process started as a workbook reader (by the first argument
/// [`CHILD_ARG`]) it reads the workbook it is sent and ends the process; otherwise it notes this
/// program's path, so that workbooks are read by children of it, and returns.
pub fn init() {
    let mut args = std::env::args_os();
    if args.nth(1).is_some_and(|arg| arg == CHILD_ARG) {
        // Nobody reads the child's standard error: a panic is told by the answer ending early.
        std::panic::set_hook(Box::new(|_| {}));
        let code = match serve(
            &mut io::stdin().lock(),
            &mut io::stdout().lock(),
            &apply_limits,
        ) {
            Ok(()) => 0,
            Err(_) => 1,
        };
        std::process::exit(code);
    }
    if cfg!(target_os = "linux") {
        if let Ok(path) = std::env::current_exe() {
            let _ = PROGRAM.set(path);
        }
    }
}

/// The sheet the child opened.
pub(super) struct Opened {
    pub name: String,
    pub is_1904: bool,
    /// For an .xlsx: how the numbers of each cell style are shown, for the scanner.
    pub formats: Option<Vec<u8>>,
}

/// Frame tags. Parent to child: the job, then what to read.
const PATH: u8 = b'P';
const BYTES: u8 = b'B';
const SHEET: u8 = b'S';
const JOB_END: u8 = b'J';
const GO: u8 = b'G';
/// Child to parent.
const OPENED: u8 = b'O';
const MERGES: u8 = b'M';
const READY: u8 = b'R';
const CELL: u8 = b'C';
const END: u8 = b'E';
const FAILED: u8 = b'X';

/// The longest frame the parent takes from a child: a cell of 16 MB (as a CSV row may be).
const MAX_FRAME: u64 = super::rows::MAX_ROW_BYTES;

fn write_frame(out: &mut dyn Write, tag: u8, payload: &[u8]) -> io::Result<()> {
    let mut head = [0u8; 9];
    head[0] = tag;
    head[1..].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    out.write_all(&head)?;
    out.write_all(payload)
}

/// The next frame into `buf`; its tag.
fn read_frame(input: &mut dyn Read, buf: &mut Vec<u8>, limit: u64) -> io::Result<u8> {
    let mut head = [0u8; 9];
    input.read_exact(&mut head)?;
    let mut len = [0u8; 8];
    len.copy_from_slice(&head[1..]);
    let len = u64::from_le_bytes(len);
    if len > limit {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "frame too long"));
    }
    buf.clear();
    input.take(len).read_to_end(buf)?;
    if buf.len() as u64 != len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(head[0])
}

/// A reader of the workbook: a child process, or (for a library whose program did not call
/// [`init`]) a thread of this one.
pub(super) struct Child {
    /// The job's writing end (the job is written by a thread, which hands it back).
    input: Option<std::thread::JoinHandle<io::Result<Box<dyn Write + Send>>>>,
    output: BufReader<Box<dyn Read + Send>>,
    /// The child process, shared with the watchdog that ends it past its time.
    process: Arc<Mutex<Option<std::process::Child>>>,
    /// Tells the watchdog the child is done with (by being dropped).
    _done: Option<mpsc::Sender<()>>,
    buf: Vec<u8>,
    label: String,
}

impl Child {
    /// Starts a reader of `source` and sends it the job.
    pub(super) fn start(
        source: &Source,
        sheet: Option<&str>,
        label: &str,
    ) -> Result<Child, InputError> {
        let failed = |source: io::Error| InputError::Read {
            path: PathBuf::from(label),
            line: 0,
            source,
        };
        // A program that reads workbooks in children never falls back to reading one in its
        // own process: a child that cannot be started (too many at once) is an error.
        let spawned = match PROGRAM.get() {
            Some(program) => Some(spawn(program).map_err(failed)?),
            None => None,
        };
        let (writer, reader, process): (Box<dyn Write + Send>, Box<dyn Read + Send>, _) =
            match spawned {
                Some(mut process) => {
                    let (Some(stdin), Some(stdout)) = (process.stdin.take(), process.stdout.take())
                    else {
                        return Err(failed(io::ErrorKind::BrokenPipe.into()));
                    };
                    (Box::new(stdin), Box::new(stdout), Some(process))
                }
                None => {
                    let (job_reader, job_writer) = io::pipe().map_err(failed)?;
                    let (answer_reader, answer_writer) = io::pipe().map_err(failed)?;
                    std::thread::Builder::new()
                        .name("workbook-reader".into())
                        .spawn(move || {
                            let mut input = BufReader::new(job_reader);
                            let mut output = BufWriter::new(answer_writer);
                            // A panic in calamine ends this thread: the parent sees the answer
                            // end before its last frame, and says the workbook cannot be read.
                            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                serve(&mut input, &mut output, &|_| {})
                            }));
                        })
                        .map_err(failed)?;
                    (Box::new(job_writer), Box::new(answer_reader), None)
                }
            };
        let process = Arc::new(Mutex::new(process));
        let done = if process.lock().map(|p| p.is_some()).unwrap_or(false) {
            let (done, finished) = mpsc::channel::<()>();
            let watched = Arc::clone(&process);
            let (_, seconds) = limits_for(source_len(source));
            // The CPU limit ends a child that computes too long; this one ends a child that
            // waits too long, a few times the CPU time it may use.
            let wall = Duration::from_secs(seconds.saturating_mul(3));
            let _ = std::thread::Builder::new()
                .name("workbook-watchdog".into())
                .spawn(move || {
                    if let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(wall) {
                        if let Ok(mut process) = watched.lock() {
                            if let Some(process) = process.as_mut() {
                                let _ = process.kill();
                            }
                        }
                    }
                });
            Some(done)
        } else {
            None
        };
        let source = source.clone();
        let sheet = sheet.map(str::to_owned);
        let input = std::thread::Builder::new()
            .name("workbook-job".into())
            .spawn(move || {
                let mut writer = writer;
                match &source {
                    Source::Path(path) => write_frame(&mut writer, PATH, &path_bytes(path))?,
                    Source::Bytes(bytes) => write_frame(&mut writer, BYTES, bytes)?,
                }
                if let Some(sheet) = &sheet {
                    write_frame(&mut writer, SHEET, sheet.as_bytes())?;
                }
                write_frame(&mut writer, JOB_END, &[])?;
                writer.flush()?;
                Ok(writer)
            })
            .map_err(failed)?;
        Ok(Child {
            input: Some(input),
            output: BufReader::with_capacity(1 << 16, reader),
            process,
            _done: done,
            buf: Vec::new(),
            label: label.to_owned(),
        })
    }

    /// The sheet the child opened, or why it could not.
    pub(super) fn opened(&mut self) -> Result<Opened, InputError> {
        match self.next()? {
            OPENED => {
                let is_1904 = self.buf.first() == Some(&1);
                let has_formats = self.buf.get(1) == Some(&1);
                let len = self.buf.get(2..10).map_or(0, |b| {
                    let mut n = [0u8; 8];
                    n.copy_from_slice(b);
                    u64::from_le_bytes(n) as usize
                });
                let rest = self.buf.get(10..).unwrap_or_default();
                let (formats, name) = rest.split_at(len.min(rest.len()));
                Ok(Opened {
                    name: String::from_utf8_lossy(name).into_owned(),
                    is_1904,
                    formats: has_formats.then(|| formats.to_vec()),
                })
            }
            _ => Err(self.unexpected()),
        }
    }

    /// Asks for the merged regions (when `merges`) and the cells after the first `skip`; gives
    /// the merged regions.
    pub(super) fn go(&mut self, merges: bool, skip: u64) -> Result<Vec<Dimensions>, InputError> {
        let mut writer = match self.input.take().map(|job| job.join()) {
            Some(Ok(Ok(writer))) => writer,
            _ => return Err(self.unexpected()),
        };
        let mut command = vec![u8::from(merges)];
        command.extend_from_slice(&skip.to_le_bytes());
        if write_frame(&mut writer, GO, &command)
            .and_then(|()| writer.flush())
            .is_err()
        {
            return Err(self.unexpected());
        }
        drop(writer);
        let mut regions = Vec::new();
        loop {
            match self.next()? {
                MERGES => {
                    for chunk in self.buf.chunks_exact(16) {
                        let n = |i: usize| {
                            let mut b = [0u8; 4];
                            b.copy_from_slice(&chunk[i * 4..i * 4 + 4]);
                            u32::from_le_bytes(b)
                        };
                        regions.push(Dimensions {
                            start: (n(0), n(1)),
                            end: (n(2), n(3)),
                        });
                    }
                    if regions.len() > super::book::MAX_MERGES {
                        return Err(too_many_merges(&self.label));
                    }
                }
                READY => return Ok(regions),
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// Every cell the child sends, to `cell(row, column, value)`, until it gives `false`.
    pub(super) fn cells(
        &mut self,
        cell: &mut dyn FnMut(u32, u32, Value<'_>) -> bool,
    ) -> Result<(), InputError> {
        loop {
            match self.next()? {
                CELL => {
                    let Some((row, column, value)) = decode_cell(&self.buf) else {
                        return Err(self.unexpected());
                    };
                    if !cell(row, column, value) {
                        return Ok(());
                    }
                }
                END => {
                    self.reap();
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    /// The next frame; a [`FAILED`] one as its error.
    fn next(&mut self) -> Result<u8, InputError> {
        match read_frame(&mut self.output, &mut self.buf, MAX_FRAME) {
            Ok(FAILED) => Err(Failure::decode(&self.buf).into_error(&self.label)),
            Ok(tag) => Ok(tag),
            Err(_) => Err(self.unexpected()),
        }
    }

    /// The child ended before its answer did (it ran out of memory or time, or calamine
    /// failed in it), or said something out of turn.
    fn unexpected(&mut self) -> InputError {
        self.reap();
        damaged(&self.label, "the reader stopped")
    }

    fn reap(&mut self) {
        let process = match self.process.lock() {
            Ok(mut process) => process.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(mut process) = process {
            // Our own child, by its handle: ended if it still runs, then waited for.
            let _ = process.kill();
            let _ = process.wait();
        }
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        self.reap();
    }
}

fn spawn(program: &Path) -> io::Result<std::process::Child> {
    Command::new(program)
        .arg(CHILD_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        // A panic or an abort in the child is no message for the user: the parent says what
        // went wrong.
        .stderr(Stdio::null())
        // A backtrace would read the program's debug information: memory for nothing.
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .spawn()
}

fn source_len(source: &Source) -> u64 {
    match source {
        Source::Path(path) => std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        Source::Bytes(bytes) => bytes.len() as u64,
    }
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().as_bytes().to_vec()
}

#[cfg(unix)]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(OsString::from(String::from_utf8_lossy(&bytes).into_owned()))
}

/// The memory (bytes of data) and CPU time (seconds) a child may use to read a workbook of
/// `size` bytes: room for calamine's own needs and for what a real workbook of that size holds
/// (a zip inflates some 10–20 times, and calamine's cells take more room than their XML), no
/// room for what a crafted one claims.
pub(super) fn limits_for(size: u64) -> (u64, u64) {
    let memory = (40u64 << 20)
        .saturating_add(size.saturating_mul(48))
        .min(3 << 30);
    let seconds = 10 + size / (1 << 19);
    (memory, seconds.min(600))
}

#[cfg(target_os = "linux")]
fn apply_limits(size: u64) {
    use rustix::process::{setrlimit, Resource, Rlimit};
    let (memory, seconds) = limits_for(size);
    let limit = |value: u64| Rlimit {
        current: Some(value),
        maximum: Some(value),
    };
    // Data (the heap and private mappings) is what calamine's allocations take; the address
    // space as a backstop, with room for the program's own mappings.
    let _ = setrlimit(Resource::Data, limit(memory));
    let _ = setrlimit(Resource::As, limit(memory.saturating_add(1 << 30)));
    let _ = setrlimit(Resource::Cpu, limit(seconds));
    let _ = setrlimit(Resource::Core, limit(0));
}

#[cfg(not(target_os = "linux"))]
fn apply_limits(_size: u64) {}

/// The child's side: reads the job from `input`, opens the workbook with calamine, answers on
/// `output`. `limits` is told the workbook's size before calamine sees it.
fn serve(input: &mut dyn Read, output: &mut dyn Write, limits: &dyn Fn(u64)) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut source = None;
    let mut sheet = None;
    loop {
        match read_frame(input, &mut buf, u64::MAX)? {
            PATH => source = Some(Source::Path(path_from(std::mem::take(&mut buf)))),
            BYTES => source = Some(Source::Bytes(Arc::new(std::mem::take(&mut buf)))),
            SHEET => sheet = Some(String::from_utf8_lossy(&buf).into_owned()),
            JOB_END => break,
            _ => return Err(io::ErrorKind::InvalidData.into()),
        }
    }
    let Some(source) = source else {
        return Err(io::ErrorKind::InvalidData.into());
    };
    limits(source_len(&source));
    let mut output = BufWriter::with_capacity(1 << 16, output);
    let mut book = match ChildBook::open(&source, sheet.as_deref()) {
        Ok(book) => book,
        Err(failure) => {
            write_frame(&mut output, FAILED, &failure.encode())?;
            return output.flush();
        }
    };
    let mut opened = vec![u8::from(book.is_1904())];
    let formats = book.formats();
    opened.push(u8::from(formats.is_some()));
    let formats = formats.unwrap_or_default();
    opened.extend_from_slice(&(formats.len() as u64).to_le_bytes());
    opened.extend_from_slice(&formats);
    opened.extend_from_slice(book.name().as_bytes());
    write_frame(&mut output, OPENED, &opened)?;
    output.flush()?;
    // Then what the parent asks for, or nothing (its scanner read the sheet).
    let command = match read_frame(input, &mut buf, 64) {
        Ok(GO) if buf.len() == 9 => buf.clone(),
        _ => return Ok(()),
    };
    if command[0] == 1 {
        for chunk in book.merges().chunks(4096) {
            let mut bytes = Vec::with_capacity(chunk.len() * 16);
            for region in chunk {
                for n in [region.start.0, region.start.1, region.end.0, region.end.1] {
                    bytes.extend_from_slice(&n.to_le_bytes());
                }
            }
            write_frame(&mut output, MERGES, &bytes)?;
        }
    }
    write_frame(&mut output, READY, &[])?;
    let mut skip = [0u8; 8];
    skip.copy_from_slice(&command[1..9]);
    let mut skip = u64::from_le_bytes(skip);
    let mut failed = None;
    let result = book.cells(&mut |row, column, value| {
        if skip > 0 {
            skip -= 1;
            return true;
        }
        encode_cell(row, column, &value, &mut buf);
        match write_frame(&mut output, CELL, &buf) {
            Ok(()) => true,
            Err(error) => {
                failed = Some(error);
                false
            }
        }
    });
    if let Some(error) = failed {
        return Err(error);
    }
    match result {
        Ok(()) => write_frame(&mut output, END, &[])?,
        Err(text) => write_frame(&mut output, FAILED, &Failure::Damaged(text).encode())?,
    }
    output.flush()
}

fn encode_cell(row: u32, column: u32, value: &Value<'_>, out: &mut Vec<u8>) {
    out.clear();
    out.extend_from_slice(&row.to_le_bytes());
    out.extend_from_slice(&column.to_le_bytes());
    match value {
        Value::Empty => out.push(0),
        Value::Text(text) => {
            out.push(1);
            out.extend_from_slice(text.as_bytes());
        }
        Value::Int(n) => {
            out.push(2);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::Float(f) => {
            out.push(3);
            out.extend_from_slice(&f.to_bits().to_le_bytes());
        }
        Value::Bool(b) => {
            out.push(4);
            out.push(u8::from(*b));
        }
        Value::Date(y, m, d) => {
            out.push(5);
            out.extend_from_slice(&y.to_le_bytes());
            out.push(*m);
            out.push(*d);
        }
        Value::Other(text) => {
            out.push(6);
            out.extend_from_slice(text.as_bytes());
        }
    }
}

fn decode_cell(bytes: &[u8]) -> Option<(u32, u32, Value<'_>)> {
    let u32_at = |i: usize| Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    let u64_at = |i: usize| Some(u64::from_le_bytes(bytes.get(i..i + 8)?.try_into().ok()?));
    let (row, column) = (u32_at(0)?, u32_at(4)?);
    let rest = bytes.get(9..)?;
    let value = match *bytes.get(8)? {
        0 => Value::Empty,
        1 => Value::Text(std::str::from_utf8(rest).ok()?),
        2 => Value::Int(u64_at(9)? as i64),
        3 => Value::Float(f64::from_bits(u64_at(9)?)),
        4 => Value::Bool(*rest.first()? == 1),
        5 => Value::Date(
            u16::from_le_bytes(rest.get(..2)?.try_into().ok()?),
            *rest.get(2)?,
            *rest.get(3)?,
        ),
        6 => Value::Other(std::str::from_utf8(rest).ok()?.to_owned()),
        _ => return None,
    };
    Some((row, column, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cross_the_pipe_unchanged() {
        let values = [
            Value::Empty,
            Value::Text("Kotihoito, \"A\"\n"),
            Value::Int(-42),
            Value::Float(2.5),
            Value::Bool(true),
            Value::Date(2026, 11, 2),
            Value::Other("#N/A".into()),
        ];
        let mut buf = Vec::new();
        for value in values {
            encode_cell(7, 16_383, &value, &mut buf);
            assert_eq!(decode_cell(&buf), Some((7, 16_383, value)));
        }
    }

    #[test]
    fn a_child_is_given_no_more_memory_than_its_file_explains() {
        let (small, _) = limits_for(1_000);
        assert!(small < 48 << 20, "{small}");
        let (large, _) = limits_for(10 << 20);
        assert!(large > 400 << 20, "{large}");
    }
}
