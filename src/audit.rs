//! A case list audited: every row evaluated or reported as invalid, the rows worth a second look
//! warned about, the counts, and the exit code they lead to. What the list commands (`audit`,
//! `overdue`, `summary`, `thl`) and the web audit share; each front end only prints what this
//! hands back.
//!
//! [`run`] streams: each row's outcome is handed to the caller as it is found ([`AuditFinding`]), in
//! input order, and nothing is kept but the counts and the fingerprints of the case ids seen, so
//! memory stays flat however long the list. Rows in = rows evaluated + rows reported.
//!
//! ```
//! use chrono::NaiveDate;
//! use maaraika::audit::{self, AuditFinding};
//! use maaraika::calendar::Reading;
//! use maaraika::input::{CaseReader, InputError, InputOptions};
//! use maaraika::options::Options;
//!
//! let list = "case_id,pending_date,started_date\n\
//!             A-1,2026-11-02,2026-11-05\n\
//!             A-2,31.2.2026,\n\
//!             A-1,2026-11-10,2026-12-01\n";
//! let mut reader = CaseReader::from_reader(
//!     Box::new(std::io::Cursor::new(list)),
//!     "list.csv",
//!     &InputOptions::default(),
//! )?;
//! let as_of = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let options = Options::new(as_of, Reading::Standard);
//! let mut warnings = Vec::new();
//! let outcome = audit::run(&mut reader, &options, |found| -> Result<(), InputError> {
//!     if let AuditFinding::Warning(warning) = found {
//!         warnings.push(warning.problem(as_of));
//!     }
//!     Ok(())
//! })?;
//! assert_eq!((outcome.tally.evaluated, outcome.tally.invalid), (2, 1));
//! // Line 4 repeats the id of line 2, and its start date is after the as-of date.
//! assert_eq!(outcome.warnings.total(), 2);
//! assert!(warnings[0].starts_with("1.12.2026 is after the as-of date 23.11.2026"));
//! assert_eq!(outcome.exit_code(&options), audit::EXIT_INVALID_ROWS);
//! # Ok::<(), InputError>(())
//! ```

use chrono::NaiveDate;

use crate::batch::{self, EvaluatedCase, Invalid, Item, Tally, REDACTED};
use crate::dates::finnish;
use crate::error::EXIT_ERROR;
use crate::evaluation::{Note, RecordedDate, Status};
use crate::input::{CaseReader, Column, InputError};
use crate::labels::{Label, Lang};
use crate::options::Options;
use crate::problem::column_in_words;
use crate::rules::Milestone;
use crate::text::redact_hetus;

mod seen_ids;
use seen_ids::SeenIds;

/// Exit code: evaluated, but some rows were invalid.
pub const EXIT_INVALID_ROWS: u8 = 3;
/// Exit code: `--fail-on-overdue` and something is overdue.
pub const EXIT_OVERDUE: u8 = 1;

/// One thing found in a list, handed to the caller of [`run`] as it is found. A row's warnings
/// come before the row itself.
pub enum AuditFinding<'r, 'a> {
    /// A row evaluated.
    Case(&'r EvaluatedCase<'a>),
    /// A row that could not be evaluated, with its line, column and problem.
    Invalid(&'r Invalid<'a>),
    /// A row worth a second look; it is evaluated (or reported) all the same.
    Warning(Warning<'r>),
}

/// A row evaluated (or reported) but worth a second look. Warnings do not change the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning<'a> {
    /// A recorded date is after the as-of date ([`crate::evaluation::Case::first_date_after`]):
    /// the first such date of the row, and the column it was read from.
    DateAfterAsOf {
        /// The line the row starts on.
        line: u64,
        /// The column the date was read from.
        column: Column,
        /// The date.
        date: NaiveDate,
    },
    /// The row's case id is also on an earlier line (ids shown redacted are not compared).
    RepeatedId {
        /// The line the row starts on.
        line: u64,
        /// As shown ([`crate::text::shown`]).
        case_id: &'a str,
        /// The line the id was first seen on.
        first_line: u64,
    },
}

impl Warning<'_> {
    /// The line the row starts on.
    pub fn line(&self) -> u64 {
        match *self {
            Warning::DateAfterAsOf { line, .. } | Warning::RepeatedId { line, .. } => line,
        }
    }

    /// The column the warning is about, when it is about one.
    pub fn column(&self) -> Option<Column> {
        match *self {
            Warning::DateAfterAsOf { column, .. } => Some(column),
            Warning::RepeatedId { .. } => None,
        }
    }

    /// A key for programs: `date_after_as_of`, `repeated_id`.
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::DateAfterAsOf { .. } => "date_after_as_of",
            Warning::RepeatedId { .. } => "repeated_id",
        }
    }

    /// What is worth a second look and what to do, in English: [`Warning::text`].
    pub fn problem(&self, as_of: NaiveDate) -> String {
        self.text(as_of, Lang::En)
    }

    /// What is worth a second look and what to do, in `lang`, without the place (the caller
    /// says where, as it names places): never an identity code, a long id cut at 40 characters.
    pub fn text(&self, as_of: NaiveDate, lang: Lang) -> String {
        match *self {
            Warning::DateAfterAsOf { date, .. } => {
                lang.fill(Label::PrbDateAfterAsOf, &[&finnish(date), &finnish(as_of)])
            }
            Warning::RepeatedId {
                case_id,
                first_line,
                ..
            } => {
                // Redacted before it is cut: a code cut in two is not found any more.
                let case_id = redact_hetus(case_id);
                let shown: String = case_id.chars().take(40).collect();
                let more = if shown.len() < case_id.len() {
                    "…"
                } else {
                    ""
                };
                lang.fill(
                    Label::PrbRepeatedId,
                    &[&format!("{shown}{more}"), &first_line.to_string()],
                )
            }
        }
    }
}

/// How many rows were warned about, of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct WarningCounts {
    /// Rows with a date after the as-of date.
    pub date_after_as_of: u64,
    /// Rows repeating the case id of an earlier row.
    pub repeated_id: u64,
    /// Rows whose case id was not looked for among the earlier ones: a list with more than
    /// [`MAX_IDS_COMPARED`] different ids compares the later ones with those only.
    pub ids_not_compared: u64,
}

impl WarningCounts {
    /// The rows warned about (a row may count twice, once for each kind).
    pub fn total(&self) -> u64 {
        self.date_after_as_of + self.repeated_id
    }
}

/// Cases with a deadline the list cannot judge, by milestone: the list has no column for its
/// date ([`crate::evaluation::Status::NotRecorded`]). Said once at the end of a run, with the
/// column that would let them be judged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct NotRecorded {
    /// Cases with a decision deadline and no `decision_date` column.
    pub decision: u64,
    /// Cases with a service deadline and no `implemented_date` column.
    pub implementation: u64,
}

impl NotRecorded {
    /// A notice for each milestone some case has a deadline of that the list cannot judge,
    /// the decision first.
    pub fn notices(&self) -> impl Iterator<Item = Notice> {
        [
            (self.decision, Milestone::Decision, Column::DecisionDate),
            (
                self.implementation,
                Milestone::Implementation,
                Column::ImplementedDate,
            ),
        ]
        .into_iter()
        .filter(|(cases, ..)| *cases > 0)
        .map(|(cases, milestone, column)| Notice::NotRecorded {
            milestone,
            column,
            cases,
        })
    }
}

/// What a run says once about the whole list rather than about a row: what the list's columns
/// leave out, and so what its verdicts do not cover. The command line says it on standard error
/// (after the list's name and "note"), the web page under its result, the API in `notices`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// `cases` cases have a deadline of `milestone` that is not judged (status `not_recorded`):
    /// the list has no `column`, which would let them be judged.
    NotRecorded {
        /// The milestone not judged.
        milestone: Milestone,
        /// The column the list lacks.
        column: Column,
        /// The cases with a deadline of it.
        cases: u64,
    },
    /// The list has no `started_date` column: it is read as a list of matters not yet started.
    NotStarted,
}

impl Notice {
    /// What the list's columns call for before its first row: [`Notice::NotStarted`] for a list
    /// without a `started_date` column.
    pub fn of_columns(reader: &CaseReader) -> Option<Notice> {
        (!reader.has_column(Column::StartedDate)).then_some(Notice::NotStarted)
    }

    /// A stable key for programs: `not_recorded`, `not_started`.
    pub fn code(&self) -> &'static str {
        match self {
            Notice::NotRecorded { .. } => "not_recorded",
            Notice::NotStarted => "not_started",
        }
    }

    /// The column the notice is about: the one the list lacks.
    pub fn column(&self) -> Column {
        match *self {
            Notice::NotRecorded { column, .. } => column,
            Notice::NotStarted => Column::StartedDate,
        }
    }

    /// The notice in `lang`, as every front end says it.
    pub fn text(&self, lang: Lang) -> String {
        match *self {
            Notice::NotRecorded {
                milestone,
                column,
                cases,
            } => {
                let name = column_in_words(column, lang);
                let label = if cases == 1 {
                    Label::NoticeNotRecordedOne
                } else {
                    Label::NoticeNotRecorded
                };
                lang.fill(
                    label,
                    &[
                        &cases.to_string(),
                        lang.milestone(milestone),
                        &name,
                        column.name(),
                    ],
                )
            }
            Notice::NotStarted => lang.get(Label::NoticeNotStarted).to_string(),
        }
    }
}

/// What a whole run found: the rows (evaluated, invalid, overdue) and the warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AuditOutcome {
    /// Rows evaluated and invalid, and the cases overdue.
    pub tally: Tally,
    /// Rows warned about, by kind.
    pub warnings: WarningCounts,
    /// Deadlines the list cannot judge, by milestone.
    pub not_recorded: NotRecorded,
}

impl AuditOutcome {
    /// The exit code of a finished run (README, "Exit codes"): [`EXIT_INVALID_ROWS`] when a row
    /// was invalid ([`EXIT_ERROR`] with `strict`), else [`EXIT_OVERDUE`] when a case is overdue
    /// and `fail_on_overdue`, else 0. Warnings do not count.
    pub fn exit_code(&self, options: &Options) -> u8 {
        if self.tally.invalid > 0 {
            return if options.strict {
                EXIT_ERROR
            } else {
                EXIT_INVALID_ROWS
            };
        }
        if options.fail_on_overdue && self.tally.overdue > 0 {
            return EXIT_OVERDUE;
        }
        0
    }
}

/// Case ids compared for repeats: past this many different ids, later ids are compared with
/// these but not remembered ([`WarningCounts::ids_not_compared`]).
pub const MAX_IDS_COMPARED: usize = SeenIds::MAX_IDS;

/// Audits a list: each row read, evaluated or reported, and warned about, handed to `visit` in
/// input order; the counts when the list is done. Stops early on a fatal input error, or when
/// `visit` fails (the caller's output went away): then [`Audit`] keeps the counts so far.
pub fn run<E: From<InputError>>(
    reader: &mut CaseReader,
    options: &Options,
    visit: impl FnMut(AuditFinding<'_, '_>) -> Result<(), E>,
) -> Result<AuditOutcome, E> {
    let mut audit = Audit::new(*options);
    audit.run(reader, visit)?;
    Ok(audit.outcome())
}

/// An audit whose counts outlive a run that stopped early ([`run`] is the short way).
pub struct Audit {
    options: Options,
    outcome: AuditOutcome,
    seen: SeenIds,
}

impl Audit {
    /// An audit with nothing counted yet.
    pub fn new(options: Options) -> Self {
        Audit {
            options,
            outcome: AuditOutcome::default(),
            seen: SeenIds::default(),
        }
    }

    /// The counts so far (all of them once [`Audit::run`] has returned `Ok`).
    pub fn outcome(&self) -> AuditOutcome {
        let mut outcome = self.outcome;
        outcome.warnings.ids_not_compared = self.seen.untracked();
        outcome
    }

    /// Runs the list through `visit`, as [`run`].
    pub fn run<E: From<InputError>>(
        &mut self,
        reader: &mut CaseReader,
        mut visit: impl FnMut(AuditFinding<'_, '_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let Audit {
            options,
            outcome,
            seen,
        } = self;
        let as_of = options.as_of;
        batch::run(reader, options, |item| {
            outcome.tally.count(&item);
            match item {
                Item::Evaluated(case) => {
                    let e = &case.evaluation;
                    outcome.not_recorded.decision +=
                        u64::from(e.decision.status == Status::NotRecorded);
                    outcome.not_recorded.implementation +=
                        u64::from(e.implementation.status == Status::NotRecorded);
                    if case.evaluation.notes.contains(Note::DateAfterAsOf) {
                        date_after_as_of(&case, as_of, outcome, &mut visit)?;
                    }
                    check_case_id(seen, case.line, &case.case_id, outcome, &mut visit)?;
                    visit(AuditFinding::Case(&case))
                }
                Item::Invalid(invalid) => {
                    let line = invalid.problem.line;
                    check_case_id(seen, line, &invalid.case_id, outcome, &mut visit)?;
                    visit(AuditFinding::Invalid(&invalid))
                }
            }
        })
    }
}

/// Warns about the first date of a case after the as-of date (the note says there is one).
/// Cold, so that the checks run for every row do not carry it.
#[cold]
#[inline(never)]
fn date_after_as_of<E>(
    case: &EvaluatedCase,
    as_of: NaiveDate,
    outcome: &mut AuditOutcome,
    visit: &mut impl FnMut(AuditFinding<'_, '_>) -> Result<(), E>,
) -> Result<(), E> {
    let Some((recorded, date)) = case.case.first_date_after(as_of) else {
        return Ok(());
    };
    outcome.warnings.date_after_as_of += 1;
    let column = match recorded {
        RecordedDate::Pending => Column::PendingDate,
        RecordedDate::Started => Column::StartedDate,
        RecordedDate::Completed => Column::CompletedDate,
        RecordedDate::Decision => Column::DecisionDate,
        RecordedDate::Implemented => Column::ImplementedDate,
    };
    visit(AuditFinding::Warning(Warning::DateAfterAsOf {
        line: case.line,
        column,
        date,
    }))
}

/// Warns when a case id was seen on an earlier line. Ids shown redacted (they hold an identity
/// code) are not compared: every one of them reads the same.
#[inline]
fn check_case_id<E>(
    seen: &mut SeenIds,
    line: u64,
    case_id: &str,
    outcome: &mut AuditOutcome,
    visit: &mut impl FnMut(AuditFinding<'_, '_>) -> Result<(), E>,
) -> Result<(), E> {
    if case_id.is_empty() || case_id.contains(REDACTED) {
        return Ok(());
    }
    match seen.first_line(case_id.as_bytes(), line) {
        None => Ok(()),
        Some(first_line) => repeated_id(line, case_id, first_line, outcome, visit),
    }
}

/// Counts a repeated case id and hands the warning on. Cold, like [`date_after_as_of`].
#[cold]
#[inline(never)]
fn repeated_id<E>(
    line: u64,
    case_id: &str,
    first_line: u64,
    outcome: &mut AuditOutcome,
    visit: &mut impl FnMut(AuditFinding<'_, '_>) -> Result<(), E>,
) -> Result<(), E> {
    outcome.warnings.repeated_id += 1;
    visit(AuditFinding::Warning(Warning::RepeatedId {
        line,
        case_id,
        first_line,
    }))
}
