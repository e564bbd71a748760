//! `maaraika overdue`: the morning list. The cases past a deadline, most overdue first, and with
//! `--due-within N` the cases due in the next N working days.
//!
//! In constant memory whatever the list's length: each listed case is written to a spill file
//! as it is read ([`Spill`]), and only its place in the order and where its record starts are
//! kept, 16 bytes a case ([`Listed`]); after the sort the cases are read back from the spill
//! file in that order and written.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::audit::{sink, Workbook};
use super::list::{exit_code, run_list, ListArgs, OutputArgs};
use chrono::{Datelike, NaiveDate};

use maaraika::batch::EvaluatedCase;
use maaraika::error::{Error, Result};
use maaraika::evaluation::{evaluate, Case, Evaluation, Person, Status, Unrecorded};
use maaraika::hetu::Hetu;
use maaraika::options::Options;
use maaraika::rules::Milestone;

const EXAMPLES: &str = "\
Examples:
  maaraika overdue cases.csv                        overdue cases, most overdue first
  maaraika overdue cases.csv --due-within 3         and those due in the next 3 working days
  maaraika overdue cases.csv --excel --output aamulista.csv
  maaraika overdue cases.csv --fail-on-overdue      exit code 1 when anything is overdue";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct OverdueArgs {
    #[command(flatten)]
    pub list: ListArgs,
    /// Also list the cases due within this many working days (0: due today).
    #[arg(long, value_name = "N")]
    pub due_within: Option<u32>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// How urgent a case is, by where it stands ([`Evaluation::standing`], the library's one
/// definition): overdue before due; the most working days over, then the fewest left, first.
/// `None`: not on the list (neither overdue nor, with `--due-within`, due within it).
fn urgency(evaluation: &Evaluation, due_within: Option<u32>) -> Option<(u8, i64)> {
    let standing = evaluation.standing();
    let days = standing.working_days.unwrap_or(0);
    match standing.status {
        Status::Overdue => Some((0, -days)),
        Status::Due if days <= i64::from(due_within?) => Some((1, days)),
        _ => None,
    }
}

/// A case's place on the list: its urgency (a class, overdue before due, and working days), then
/// the deadline of where it stands, then the line.
type Order = ((u8, i64), Option<NaiveDate>, u64);

/// The one definition of the list's order: where `case` goes on it, or `None` when it is not
/// listed. [`Key`] only packs it.
fn order(case: &EvaluatedCase, due_within: Option<u32>) -> Option<Order> {
    let key = urgency(&case.evaluation, due_within)?;
    let e = &case.evaluation;
    Some((key, e.standing().deadline, case.line))
}

/// An [`Order`] packed into 16 bytes that sort as it does: the rank (all but the line) and the
/// line. The class takes 4 bits, the working
/// days 30 and the deadline 30 (a date chrono can hold is within 2^27 days of the year 1, and
/// so is any count of working days between two of them: each is clamped to its field, which
/// only could merge values that cannot occur); no deadline sorts first, as `None` does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    rank: u64,
    line: u64,
}

impl Key {
    fn new(((class, days), deadline, line): Order) -> Key {
        const DAYS: i64 = 1 << 29;
        const DATES: i64 = 1 << 28;
        let class = u64::from(class.min(15));
        let days = (days.clamp(-DAYS, DAYS - 1) + DAYS) as u64;
        let deadline = deadline.map_or(0, |date| {
            (i64::from(date.num_days_from_ce()).clamp(-DATES, DATES - 1) + DATES + 1) as u64
        });
        Key {
            rank: class << 60 | days << 30 | deadline,
            line,
        }
    }
}

/// A listed case, 16 bytes: its place on the list but the line ([`Key::rank`]), and where its
/// record starts in the spill file. The records are written in the order the cases are read, so
/// while their lines increase as they are read (a CSV file's always do) the record's place
/// orders cases of one rank as their lines do.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Listed {
    rank: u64,
    at: u64,
}

/// The listed cases, kept in a [`Spill`] file as they are read, and sorted.
struct Listing {
    spill: Spill,
    listed: Vec<Listed>,
    /// The line of the case listed last, and whether every line so far came after the one
    /// before it.
    last_line: Option<u64>,
    lines_in_order: bool,
}

impl Listing {
    fn new(folder: Option<&Path>) -> io::Result<Listing> {
        Ok(Listing {
            spill: Spill::new(folder)?,
            listed: Vec::new(),
            last_line: None,
            lines_in_order: true,
        })
    }

    /// Lists `case` at `order`.
    fn push(&mut self, order: Order, case: &EvaluatedCase) -> io::Result<()> {
        let key = Key::new(order);
        self.lines_in_order &= self.last_line < Some(key.line);
        self.last_line = Some(key.line);
        let at = self.spill.push(case)?;
        self.listed.push(Listed { rank: key.rank, at });
        Ok(())
    }

    /// The records, and where each listed case's starts, in the order of the list.
    fn sorted(self) -> io::Result<(Records, Vec<Listed>)> {
        let mut records = self.spill.finish()?;
        let mut listed = self.listed;
        if self.lines_in_order {
            listed.sort_unstable();
            return Ok((records, listed));
        }
        // Lines out of reading order (no reader gives them so): each case's line read back
        // from its record and sorted with it, 32 bytes a case.
        let mut keyed = listed
            .iter()
            .map(|listed| {
                let line = records.read(listed.at)?.line;
                Ok((
                    Key {
                        rank: listed.rank,
                        line,
                    },
                    listed.at,
                ))
            })
            .collect::<io::Result<Vec<_>>>()?;
        drop(listed);
        keyed.sort_unstable();
        let listed = keyed
            .into_iter()
            .map(|(key, at)| Listed { rank: key.rank, at })
            .collect();
        Ok((records, listed))
    }
}

/// The listed cases as they were read, each a record in a nameless temporary file (gone when
/// the run ends, however it ends): the line, the case's facts, its id, unit and identity code as
/// the outputs show them. Written in one pass, then read back a record at a time in the order of
/// the list. The evaluation is not kept: it is made again when the case is written, the same.
struct Spill {
    /// The folder it is in.
    folder: PathBuf,
    file: BufWriter<std::fs::File>,
    written: u64,
    record: Vec<u8>,
}

impl Spill {
    /// A spill file in `folder`: the folder of `--output`, else the system's temporary folder
    /// (`$TMPDIR`, else `/tmp`).
    fn new(folder: Option<&Path>) -> io::Result<Spill> {
        let folder = folder.map(|f| match f.as_os_str().is_empty() {
            true => Path::new("."),
            false => f,
        });
        // A folder that takes no file (`--output /dev/stdout`): the temporary folder.
        let (folder, file) = match folder.map(|f| (f, tempfile::tempfile_in(f))) {
            Some((folder, Ok(file))) => (folder.to_path_buf(), file),
            _ => (std::env::temp_dir(), tempfile::tempfile()?),
        };
        Ok(Spill {
            folder,
            file: BufWriter::with_capacity(1 << 16, file),
            written: 0,
            record: Vec::new(),
        })
    }

    /// Writes `case`; where its record starts.
    fn push(&mut self, case: &EvaluatedCase) -> io::Result<u64> {
        let record = &mut self.record;
        record.clear();
        record.extend_from_slice(&[0; 4]);
        record.extend_from_slice(&case.line.to_le_bytes());
        put_case(record, &case.case);
        for text in [Some(&case.case_id), Some(&case.unit), case.hetu.as_ref()] {
            match text {
                Some(text) => {
                    record.push(1);
                    put_u32(record, text.len());
                    record.extend_from_slice(text.as_bytes());
                }
                None => record.push(0),
            }
        }
        let length = record.len() - 4;
        record[..4].copy_from_slice(&(length as u32).to_le_bytes());
        self.file.write_all(record)?;
        let at = self.written;
        self.written += record.len() as u64;
        Ok(at)
    }

    /// The file, written whole, to read back.
    fn finish(self) -> io::Result<Records> {
        let file = self
            .file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        Ok(Records {
            file,
            record: Vec::new(),
        })
    }
}

/// The spill file read back.
struct Records {
    file: std::fs::File,
    record: Vec<u8>,
}

/// A record read back: the case as it was listed.
struct Kept<'a> {
    line: u64,
    case: Case,
    case_id: &'a str,
    unit: &'a str,
    hetu: Option<&'a str>,
}

/// Most records are shorter: one read takes them whole.
const FIRST_READ: usize = 256;

impl Records {
    /// The record at `at`.
    fn read(&mut self, at: u64) -> io::Result<Kept<'_>> {
        let record = &mut self.record;
        record.resize(FIRST_READ, 0);
        let got = read_at(&self.file, &mut record[..], at)?;
        let length = match record.get(..4) {
            Some(bytes) if got >= 4 => u32::from_le_bytes(bytes.try_into().unwrap()) as usize,
            _ => return Err(damaged()),
        };
        if got < 4 + length {
            record.resize(4 + length, 0);
            let more = read_at(&self.file, &mut record[got..], at + got as u64)?;
            if got + more < 4 + length {
                return Err(damaged());
            }
        }
        let mut bytes = &record[4..4 + length];
        let line = u64::from_le_bytes(take(&mut bytes, 8)?.try_into().unwrap());
        let case = get_case(&mut bytes)?;
        let mut texts = [None, None, None];
        for text in &mut texts {
            if take(&mut bytes, 1)?[0] == 1 {
                let length = get_u32(&mut bytes)? as usize;
                let read = take(&mut bytes, length)?;
                *text = Some(std::str::from_utf8(read).map_err(|_| damaged())?);
            }
        }
        let [case_id, unit, hetu] = texts;
        Ok(Kept {
            line,
            case,
            case_id: case_id.ok_or_else(damaged)?,
            unit: unit.ok_or_else(damaged)?,
            hetu,
        })
    }
}

impl Kept<'_> {
    /// The case evaluated again, as it was read.
    fn evaluated(&self, options: &Options) -> Result<EvaluatedCase<'_>> {
        let evaluation = evaluate(&self.case, options.as_of, options.reading)
            .map_err(|e| Error::Usage(maaraika::problem::case_error(&e, super::message_lang())))?;
        Ok(EvaluatedCase {
            line: self.line,
            case_id: Cow::Borrowed(self.case_id),
            unit: Cow::Borrowed(self.unit),
            hetu: self.hetu.map(Cow::Borrowed),
            case: self.case,
            evaluation,
        })
    }
}

/// A spill file that does not read back as written: another process changed it.
fn damaged() -> io::Error {
    io::Error::other("the temporary file of the sorted cases was changed while it was read")
}

/// Reads into `buf` from `at` what the file has, up to the buffer's length.
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        #[cfg(unix)]
        let read = std::os::unix::fs::FileExt::read_at(file, &mut buf[got..], at + got as u64);
        #[cfg(windows)]
        let read = std::os::windows::fs::FileExt::seek_read(file, &mut buf[got..], at + got as u64);
        match read {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> io::Result<&'a [u8]> {
    if bytes.len() < n {
        return Err(damaged());
    }
    let (taken, rest) = bytes.split_at(n);
    *bytes = rest;
    Ok(taken)
}

fn put_u32(record: &mut Vec<u8>, n: usize) {
    record.extend_from_slice(&(n as u32).to_le_bytes());
}

fn get_u32(bytes: &mut &[u8]) -> io::Result<u32> {
    Ok(u32::from_le_bytes(take(bytes, 4)?.try_into().unwrap()))
}

/// No date: a day no date chrono can hold falls on.
const NO_DATE: i32 = i32::MIN;

fn put_date(record: &mut Vec<u8>, date: Option<NaiveDate>) {
    let day = date.map_or(NO_DATE, |d| d.num_days_from_ce());
    record.extend_from_slice(&day.to_le_bytes());
}

fn get_date(bytes: &mut &[u8]) -> io::Result<Option<NaiveDate>> {
    let day = i32::from_le_bytes(take(bytes, 4)?.try_into().unwrap());
    match day {
        NO_DATE => Ok(None),
        day => NaiveDate::from_num_days_from_ce_opt(day)
            .map(Some)
            .ok_or_else(damaged),
    }
}

/// Writes a case's facts: every field (a field added to [`Case`] stops the build here until it
/// is written too).
fn put_case(record: &mut Vec<u8>, case: &Case) {
    let Case {
        pending,
        person,
        care_allowance,
        disabled,
        child_special_support,
        child_welfare,
        urgent,
        started,
        completed,
        older_person,
        decision,
        implemented,
        unrecorded,
    } = *case;
    let flags = [
        care_allowance,
        disabled,
        child_special_support,
        child_welfare,
        urgent,
        older_person,
        unrecorded.contains(Milestone::Decision),
        unrecorded.contains(Milestone::Implementation),
    ];
    record.push(
        flags
            .iter()
            .enumerate()
            .map(|(i, &on)| u8::from(on) << i)
            .sum(),
    );
    for date in [Some(pending), started, completed, decision, implemented] {
        put_date(record, date);
    }
    match person {
        Person::Unknown => record.push(0),
        Person::BirthDate(date) => {
            record.push(1);
            put_date(record, Some(date));
        }
        // Not the code: what the evaluation takes from it, the birth date and whether it is a
        // temporary code (see `get_case`).
        Person::Hetu(hetu) => {
            record.push(2 + u8::from(hetu.is_temporary()));
            put_date(record, Some(hetu.birth_date()));
        }
        Person::Age(age) => {
            record.push(4);
            put_u32(record, age as usize);
        }
    }
}

fn get_case(bytes: &mut &[u8]) -> io::Result<Case> {
    let flags = take(bytes, 1)?[0];
    let flag = |i: u32| flags & (1 << i) != 0;
    let mut dates = [None; 5];
    for date in &mut dates {
        *date = get_date(bytes)?;
    }
    let [pending, started, completed, decision, implemented] = dates;
    let person = match take(bytes, 1)?[0] {
        0 => Person::Unknown,
        1 => Person::BirthDate(get_date(bytes)?.ok_or_else(damaged)?),
        tag @ (2 | 3) => {
            // A code of the same birth date, temporary (900-999) or not as the one read: all
            // the evaluation takes from a code.
            let birth = get_date(bytes)?.ok_or_else(damaged)?;
            let individual = if tag == 3 { 900 } else { 2 };
            let sign = maaraika::hetu::century_signs(birth.year())
                .first()
                .copied()
                .ok_or_else(damaged)?;
            let code = Hetu::format_code(birth, individual, sign).ok_or_else(damaged)?;
            Person::Hetu(Hetu::parse(&code).map_err(|_| damaged())?)
        }
        4 => Person::Age(get_u32(bytes)?),
        _ => return Err(damaged()),
    };
    let mut unrecorded = Unrecorded::NONE;
    for (bit, milestone) in [(6, Milestone::Decision), (7, Milestone::Implementation)] {
        if flag(bit) {
            unrecorded = unrecorded.with(milestone);
        }
    }
    Ok(Case {
        pending: pending.ok_or_else(damaged)?,
        person,
        care_allowance: flag(0),
        disabled: flag(1),
        child_special_support: flag(2),
        child_welfare: flag(3),
        urgent: flag(4),
        started,
        completed,
        older_person: flag(5),
        decision,
        implemented,
        unrecorded,
    })
}

pub fn run(args: OverdueArgs, stdout: &mut dyn Write) -> Result<u8> {
    let format = args.out.format()?;
    let options = args.list.options();
    let mut reader = args.list.open(&args.out)?;
    let folder = super::audit::output_folder(&args.out);
    let mut listing = Listing::new(folder.as_deref()).map_err(|source| Error::Write {
        path: spill_name(&folder.clone().unwrap_or_else(std::env::temp_dir)),
        source,
    })?;
    let spill = spill_name(&listing.spill.folder);
    let spill_error = |source| Error::Write {
        path: spill.clone(),
        source,
    };
    let outcome = run_list(
        &args.list,
        &options,
        &mut reader,
        |case| {
            if let Some(order) = order(case, args.due_within) {
                listing.push(order, case).map_err(spill_error)?;
            }
            Ok(())
        },
        |_| {},
        args.out.style(args.list.lang()),
    )?;
    let (mut records, listed) = listing.sorted().map_err(spill_error)?;
    let style = args.out.style(args.list.lang());
    let mut output = args.out.open(stdout)?;
    let xlsx = args.out.xlsx().then(|| Workbook {
        source: args.list.label(),
        title: "overdue",
        due_soon: args.due_within.unwrap_or(0),
        overdue_sheet: false,
        folder,
    });
    // Every row says which deadline put it on the list, its date and working days.
    let mut sink = sink(format, &mut output, style, &options, &reader, xlsx, true)?;
    for listed in &listed {
        let kept = records.read(listed.at).map_err(|source| Error::Read {
            path: spill.clone(),
            source,
        })?;
        sink.case(&kept.evaluated(&options)?)?;
    }
    sink.finish()?;
    let code = exit_code(&args.list, &options, &outcome);
    // Kept unless the run failed (`--strict` and an invalid row).
    output.finish(code != maaraika::error::EXIT_ERROR)?;
    Ok(code)
}

/// How messages name the spill file in `folder`: "cannot write the temporary file of the
/// listed cases in /tmp: the disk is full: …".
fn spill_name(folder: &Path) -> PathBuf {
    PathBuf::from(format!(
        "the temporary file of the listed cases in {}",
        folder.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use maaraika::calendar::Reading;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_packed_key_sorts_as_the_order_it_packs() {
        // Working days between any two dates chrono can hold are fewer than the days between
        // its first and last.
        let most = (NaiveDate::MAX - NaiveDate::MIN).num_days();
        let days = [-most, -40_000, -1, 0, 1, 2, 40_000, most];
        let deadlines = [
            None,
            Some(NaiveDate::MIN),
            Some(date(1, 1, 1)),
            Some(date(2026, 11, 2)),
            Some(date(2026, 11, 3)),
            Some(NaiveDate::MAX),
        ];
        let mut orders = Vec::new();
        for class in [0, 1] {
            for days in days {
                for deadline in deadlines {
                    for line in [0, 2, 3, u64::MAX] {
                        orders.push(((class, days), deadline, line));
                    }
                }
            }
        }
        for a in &orders {
            for b in &orders {
                assert_eq!(Key::new(*a).cmp(&Key::new(*b)), a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    /// A case listed at `line`, with its line in its id.
    fn listed_at(line: u64) -> EvaluatedCase<'static> {
        let case = Case {
            pending: date(2026, 10, 1),
            ..Case::default()
        };
        EvaluatedCase {
            line,
            case_id: Cow::Owned(format!("line {line}")),
            unit: Cow::Borrowed(""),
            hetu: None,
            case,
            evaluation: evaluate(&case, date(2026, 11, 23), Reading::Standard).unwrap(),
        }
    }

    /// The ids of the list's cases in its order.
    fn ids_in_order(listing: Listing) -> Vec<String> {
        let (mut records, listed) = listing.sorted().unwrap();
        listed
            .iter()
            .map(|listed| records.read(listed.at).unwrap().case_id.to_string())
            .collect()
    }

    #[test]
    fn cases_of_one_urgency_and_deadline_are_listed_in_the_order_of_their_lines() {
        let deadline = Some(date(2026, 10, 12));
        // As read (every line after the one before), and out of order (the same order).
        for lines in [[3, 5, 8, 9], [8, 3, 9, 5]] {
            let mut listing = Listing::new(None).unwrap();
            for line in lines {
                // Two urgencies: the more overdue (case 9) first.
                let days = if line == 9 { -20 } else { -10 };
                listing
                    .push(((0, days), deadline, line), &listed_at(line))
                    .unwrap();
            }
            assert_eq!(
                ids_in_order(listing),
                ["line 9", "line 3", "line 5", "line 8"],
                "{lines:?}"
            );
        }
    }

    #[test]
    fn a_listed_case_reads_back_from_the_spill_file_as_it_was_read() {
        let as_of = date(2026, 11, 23);
        let temporary = Hetu::parse("010594Y9032").unwrap();
        let code = Hetu::format_code(date(1944, 3, 15), 931, '-').unwrap();
        let persons = [
            Person::Unknown,
            Person::BirthDate(date(1950, 2, 28)),
            Person::Hetu(temporary),
            Person::Hetu(Hetu::parse(&code).unwrap()),
            Person::Age(81),
        ];
        let mut spill = Spill::new(None).unwrap();
        let mut written = Vec::new();
        for (i, person) in persons.into_iter().enumerate() {
            let case = Case {
                pending: date(2026, 10, 1 + i as u32),
                person,
                care_allowance: i % 2 == 0,
                disabled: i % 3 == 0,
                child_special_support: false,
                child_welfare: false,
                urgent: i == 1,
                started: (i > 1).then(|| date(2026, 10, 20)),
                completed: (i == 3).then(|| date(2026, 11, 20)),
                older_person: i == 2,
                decision: (i == 4).then(|| date(2026, 11, 21)),
                implemented: None,
                // Every way a list may lack the chain's columns comes back as it was.
                unrecorded: match i % 4 {
                    0 => Unrecorded::NONE,
                    1 => Unrecorded::NONE.with(Milestone::Decision),
                    2 => Unrecorded::NONE.with(Milestone::Implementation),
                    _ => Unrecorded::NONE
                        .with(Milestone::Decision)
                        .with(Milestone::Implementation),
                },
            };
            let evaluated = EvaluatedCase {
                line: 10 + i as u64,
                case_id: Cow::Owned(format!("SH-{i}-{}", "x".repeat(i * 200))),
                unit: Cow::Borrowed("Kotihoito Itä"),
                hetu: (i == 2).then_some(Cow::Borrowed("010594Y9032")),
                case,
                evaluation: evaluate(&case, as_of, Reading::Standard).unwrap(),
            };
            let at = spill.push(&evaluated).unwrap();
            written.push((at, evaluated));
        }
        let mut records = spill.finish().unwrap();
        let options = Options::new(as_of, Reading::Standard);
        // Out of the order written, as the sort reads them.
        for (at, listed) in written.iter().rev() {
            let kept = records.read(*at).unwrap();
            let read = kept.evaluated(&options).unwrap();
            assert_eq!(read.line, listed.line);
            assert_eq!(read.case_id, listed.case_id);
            assert_eq!(read.unit, listed.unit);
            assert_eq!(read.hetu, listed.hetu);
            assert_eq!(read.evaluation, listed.evaluation);
            match (read.case.person, listed.case.person) {
                (Person::Hetu(read), Person::Hetu(listed)) => {
                    assert_eq!(read.birth_date(), listed.birth_date());
                    assert_eq!(read.is_temporary(), listed.is_temporary());
                }
                (read, listed) => assert_eq!(read, listed),
            }
            let (mut read, mut listed) = (read.case, listed.case);
            (read.person, listed.person) = (Person::Unknown, Person::Unknown);
            assert_eq!(read, listed);
        }
    }
}
