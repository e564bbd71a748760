//! The audit's columns, each defined once: its stable key, its label in every language, what it
//! holds (a typed [`ReportValue`] taken from an evaluated case), when it is written and in which
//! formats. CSV (plain and `--excel`), the workbook, JSON, the table and `check --format csv`
//! take their columns, headers and cells from [`SCHEMA`]; each format only says how it writes a
//! kind of value.
//!
//! Adding a column is one entry in [`SCHEMA`] (and, for a new kind of value, a [`ReportColumn`] variant
//! and its [`ReportValue`]).

use chrono::NaiveDate;

use crate::batch::EvaluatedCase;
use crate::calendar::Reading;
use crate::evaluation::{Evaluation, Notes, Status};
use crate::labels::Label;
use crate::rules::{Groups, Milestone};

/// What a column holds: one variant per way of getting a value from an evaluated case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportColumn {
    /// The row's line in the case list.
    Line,
    /// The case id (asiatunnus).
    CaseId,
    /// The unit or team.
    Unit,
    /// The identity code as written (only with `--show-hetu`).
    Hetu,
    /// The day the matter became pending (asian vireille tulo).
    PendingDate,
    /// The groups the law gives the person a deadline for.
    Groups,
    /// A milestone's deadline.
    Deadline(Milestone),
    /// A milestone's status.
    Status(Milestone),
    /// Working days after a milestone's deadline up to the day it was done (`late`).
    WorkingDaysLate(Milestone),
    /// Working days after the as-of date up to a milestone's deadline (`due`).
    WorkingDaysRemaining(Milestone),
    /// Working days after a milestone's deadline up to the as-of date (`overdue`).
    WorkingDaysOverdue(Milestone),
    /// Working days after the pending date up to the start (or the as-of date).
    ElapsedWorkingDays,
    /// Age on the pending date.
    Age,
    /// The reading of the law the case was evaluated in.
    Reading,
    /// What the evaluation noted about the case.
    Notes,
    /// The as-of date of the run.
    AsOf,
    /// Where the case stands ([`crate::evaluation::CaseStanding`]), said with its milestone and
    /// working days (`completion 5 overdue`, `start 3 left`): the table's last column.
    WorkingDays,
    /// The milestone the case stands at ([`crate::evaluation::CaseStanding`]): the deadline that put
    /// it on the overdue list.
    StandingMilestone,
    /// Its status.
    StandingStatus,
    /// Its deadline.
    StandingDeadline,
    /// Its working days: over the deadline, left, or late.
    StandingWorkingDays,
}

/// A column's value, typed: each format writes each kind its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportValue<'a> {
    /// A line number.
    Number(u64),
    /// Text from the input, as every output shows it ([`crate::text::shown`]); `None` where the
    /// row has none (JSON then leaves the key out).
    Text(Option<&'a str>),
    /// A date; `None` where there is none (no statutory deadline).
    Date(Option<NaiveDate>),
    /// A deadline's status.
    Status(Status),
    /// Working days or years; empty where they do not apply.
    Count(Option<i64>),
    /// A set of groups, with the pending date that decides their names' wording
    /// ([`crate::labels::Lang::group_on`]).
    Groups(Groups, NaiveDate),
    /// A set of notes.
    Notes(Notes),
    /// A reading of the law.
    Reading(Reading),
    /// Working days with the milestone they are of, where there is one, and what they are
    /// (`DaysLeft`, `DaysOverdue`, …).
    Days(Option<Milestone>, i64, Label),
    /// A milestone, where there is one.
    Milestone(Option<Milestone>),
}

/// When a column is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The row of the case list (its line, case id, unit): not in `check`, which has no row.
    Row,
    /// The identity code: only with `--show-hetu`.
    Hetu,
    /// The case and its evaluation: in every output of a case (the record of `check`'s JSON).
    Case,
    /// The run (the as-of date): beside every case in CSV and workbooks.
    Run,
    /// The decision and the service after it: only when the list records them
    /// ([`crate::input::CaseReader::has_chain_columns`]).
    Chain,
    /// Where the case stands and why: in the lists of cases picked for it (`overdue`), whose
    /// every row must say which deadline put it there.
    Standing,
}

/// The output formats a column may belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// The audit's CSV (plain and `--excel`) and the workbook's case sheets.
    Csv,
    /// The audit's JSON records and `check --format json`.
    Json,
    /// The table for people.
    Table,
    /// `check --format csv`: the case at a glance.
    CheckCsv,
}

/// How a column looks in the table for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableColumn {
    /// Its (short) header.
    pub label: Label,
    /// Left out when the table does not fit the terminal: the lowest first; `None` never.
    pub leave_out: Option<u8>,
    /// For free text and numbers, the narrowest and widest the column is made (other columns
    /// fit the values they can hold).
    pub width: Option<(usize, usize)>,
    /// Aligned right (numbers).
    pub right: bool,
}

/// One column of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// What it holds.
    pub column: ReportColumn,
    /// The stable English name for programs: the CSV header and the JSON key.
    pub key: &'static str,
    /// The header for people (`--excel`, workbooks), in every language.
    pub label: Label,
    /// When it is written.
    pub part: Part,
    /// In the audit's CSV (plain and `--excel`) and the workbook's case sheets.
    pub csv: bool,
    /// In the audit's JSON records (and `check`'s JSON).
    pub json: bool,
    /// In `check --format csv`.
    pub check_csv: bool,
    /// In the table for people, and how.
    pub table: Option<TableColumn>,
}

impl Spec {
    /// A column of CSV, workbooks and JSON; in no table.
    const fn new(column: ReportColumn, key: &'static str, label: Label, part: Part) -> Spec {
        Spec {
            column,
            key,
            label,
            part,
            csv: true,
            json: true,
            check_csv: false,
            table: None,
        }
    }

    /// Only in the table.
    const fn table_only(mut self, label: Label) -> Spec {
        self.csv = false;
        self.json = false;
        self.table(label)
    }

    const fn not_json(mut self) -> Spec {
        self.json = false;
        self
    }

    const fn check_csv(mut self) -> Spec {
        self.check_csv = true;
        self
    }

    /// In the table, under `label`, never left out.
    const fn table(mut self, label: Label) -> Spec {
        self.table = Some(TableColumn {
            label,
            leave_out: None,
            width: None,
            right: false,
        });
        self
    }

    /// In the table, under `label`, left out in the order `order` when it does not fit.
    const fn table_or_left_out(mut self, label: Label, order: u8) -> Spec {
        self.table = Some(TableColumn {
            label,
            leave_out: Some(order),
            width: None,
            right: false,
        });
        self
    }

    /// The table column `min` to `max` characters wide.
    const fn width(mut self, min: usize, max: usize) -> Spec {
        if let Some(table) = &mut self.table {
            table.width = Some((min, max));
        }
        self
    }

    /// The table column aligned right.
    const fn right(mut self) -> Spec {
        if let Some(table) = &mut self.table {
            table.right = true;
        }
        self
    }

    /// Whether the column is in `format`.
    pub const fn in_format(&self, format: ReportFormat) -> bool {
        match format {
            ReportFormat::Csv => self.csv,
            ReportFormat::Json => self.json,
            ReportFormat::Table => self.table.is_some(),
            ReportFormat::CheckCsv => self.check_csv,
        }
    }

    /// Whether `format` writes the column with `options`.
    pub const fn written(&self, format: ReportFormat, options: ColumnOptions) -> bool {
        self.in_format(format)
            && match self.part {
                Part::Row | Part::Run => !options.case_only,
                Part::Hetu => options.show_hetu && !options.case_only,
                Part::Case => true,
                Part::Chain => options.chain,
                Part::Standing => options.standing,
            }
    }

    /// The value of this column for one case.
    #[inline(always)]
    pub fn value<'a>(&self, row: &Row<'a>) -> ReportValue<'a> {
        self.column.value(row)
    }
}

impl ReportColumn {
    /// This column's value for one case: a `match`, which a writer that knows the column when it
    /// is compiled (see `csv::write_record`) folds away.
    #[inline(always)]
    pub fn value<'a>(self, row: &Row<'a>) -> ReportValue<'a> {
        let e = row.evaluation;
        match self {
            ReportColumn::Line => ReportValue::Number(row.line),
            ReportColumn::CaseId => ReportValue::Text(Some(row.case_id)),
            ReportColumn::Unit => ReportValue::Text(Some(row.unit)),
            ReportColumn::Hetu => ReportValue::Text(row.hetu),
            ReportColumn::PendingDate => ReportValue::Date(Some(row.pending)),
            ReportColumn::Groups => ReportValue::Groups(e.groups, row.pending),
            ReportColumn::Deadline(m) => ReportValue::Date(e.outcome(m).deadline),
            ReportColumn::Status(m) => ReportValue::Status(e.outcome(m).status),
            ReportColumn::WorkingDaysLate(m) => ReportValue::Count(e.outcome(m).working_days_late),
            ReportColumn::WorkingDaysRemaining(m) => {
                ReportValue::Count(e.outcome(m).working_days_remaining)
            }
            ReportColumn::WorkingDaysOverdue(m) => {
                ReportValue::Count(e.outcome(m).working_days_overdue)
            }
            ReportColumn::ElapsedWorkingDays => ReportValue::Count(Some(e.elapsed_working_days)),
            ReportColumn::Age => ReportValue::Count(e.age.map(i64::from)),
            ReportColumn::Reading => ReportValue::Reading(row.reading),
            ReportColumn::Notes => ReportValue::Notes(e.notes),
            ReportColumn::AsOf => ReportValue::Date(row.as_of),
            ReportColumn::WorkingDays => {
                let (milestone, n, label) = working_days(e);
                ReportValue::Days(milestone, n, label)
            }
            ReportColumn::StandingMilestone => ReportValue::Milestone(e.standing().milestone),
            ReportColumn::StandingStatus => ReportValue::Status(e.standing().status),
            ReportColumn::StandingDeadline => ReportValue::Date(e.standing().deadline),
            ReportColumn::StandingWorkingDays => ReportValue::Count(e.standing().working_days),
        }
    }
}

/// The working days that matter for a case, for people, with the milestone they are of: where
/// the case stands ([`Evaluation::standing`]) when it is overdue, due or late; else the working
/// days passed since the pending date, of no milestone.
fn working_days(e: &Evaluation) -> (Option<Milestone>, i64, Label) {
    let standing = e.standing();
    let label = match standing.status {
        Status::Overdue => Label::DaysOverdue,
        Status::Due => Label::DaysLeft,
        Status::Late => Label::DaysLate,
        Status::Met | Status::None | Status::NotRecorded => {
            return (None, e.elapsed_working_days, Label::DaysElapsed)
        }
    };
    (
        standing.milestone,
        standing.working_days.unwrap_or(0),
        label,
    )
}

/// A milestone's five columns: its deadline, its status and the working days late, remaining
/// and overdue.
const fn outcome(
    m: Milestone,
    part: Part,
    keys: [&'static str; 5],
    labels: [Label; 5],
) -> [Spec; 5] {
    [
        Spec::new(ReportColumn::Deadline(m), keys[0], labels[0], part),
        Spec::new(ReportColumn::Status(m), keys[1], labels[1], part),
        Spec::new(ReportColumn::WorkingDaysLate(m), keys[2], labels[2], part),
        Spec::new(
            ReportColumn::WorkingDaysRemaining(m),
            keys[3],
            labels[3],
            part,
        ),
        Spec::new(
            ReportColumn::WorkingDaysOverdue(m),
            keys[4],
            labels[4],
            part,
        ),
    ]
}

const START: [Spec; 5] = outcome(
    Milestone::Start,
    Part::Case,
    [
        "start_deadline",
        "start_status",
        "start_working_days_late",
        "start_working_days_remaining",
        "start_working_days_overdue",
    ],
    [
        Label::ColStartDeadline,
        Label::ColStartStatus,
        Label::ColStartLate,
        Label::ColStartRemaining,
        Label::ColStartOverdue,
    ],
);
const COMPLETION: [Spec; 5] = outcome(
    Milestone::Completion,
    Part::Case,
    [
        "completion_deadline",
        "completion_status",
        "completion_working_days_late",
        "completion_working_days_remaining",
        "completion_working_days_overdue",
    ],
    [
        Label::ColCompletionDeadline,
        Label::ColCompletionStatus,
        Label::ColCompletionLate,
        Label::ColCompletionRemaining,
        Label::ColCompletionOverdue,
    ],
);
const DECISION: [Spec; 5] = outcome(
    Milestone::Decision,
    Part::Chain,
    [
        "decision_deadline",
        "decision_status",
        "decision_working_days_late",
        "decision_working_days_remaining",
        "decision_working_days_overdue",
    ],
    [
        Label::ColDecisionDeadline,
        Label::ColDecisionStatus,
        Label::ColDecisionLate,
        Label::ColDecisionRemaining,
        Label::ColDecisionOverdue,
    ],
);
const IMPLEMENTATION: [Spec; 5] = outcome(
    Milestone::Implementation,
    Part::Chain,
    [
        "implementation_deadline",
        "implementation_status",
        "implementation_working_days_late",
        "implementation_working_days_remaining",
        "implementation_working_days_overdue",
    ],
    [
        Label::ColImplementationDeadline,
        Label::ColImplementationStatus,
        Label::ColImplementationLate,
        Label::ColImplementationRemaining,
        Label::ColImplementationOverdue,
    ],
);

/// Every column of the audit, in the order every format writes them. The decision and the
/// service come last (they were added after the others, and scripts read the columns before
/// them by position); in the table, before its working days.
pub const SCHEMA: [Spec; 36] = [
    Spec::new(ReportColumn::Line, "line", Label::ColLine, Part::Row)
        .table(Label::TabLine)
        // Up to 9 999 999 lines.
        .width(7, 7)
        .right(),
    Spec::new(ReportColumn::CaseId, "case_id", Label::ColCaseId, Part::Row)
        .table(Label::TabCase)
        .width(12, 20),
    // Unit names are long compound words (`Seniorineuvonta`): kept whole, or left out.
    Spec::new(ReportColumn::Unit, "unit", Label::ColUnit, Part::Row)
        .table_or_left_out(Label::TabUnit, 4)
        .width(15, 24),
    Spec::new(ReportColumn::Hetu, "hetu", Label::ColHetu, Part::Hetu),
    Spec::new(
        ReportColumn::PendingDate,
        "pending_date",
        Label::ColPendingDate,
        Part::Case,
    )
    .check_csv(),
    Spec::new(ReportColumn::Groups, "groups", Label::ColGroups, Part::Case)
        .check_csv()
        .table_or_left_out(Label::TabGroups, 2),
    START[0].check_csv().table(Label::TabStartBy),
    START[1].check_csv().table(Label::TabStart),
    START[2],
    START[3],
    START[4],
    COMPLETION[0]
        .check_csv()
        .table_or_left_out(Label::TabCompleteBy, 1),
    COMPLETION[1]
        .check_csv()
        .table_or_left_out(Label::TabCompletion, 3),
    COMPLETION[2],
    COMPLETION[3],
    COMPLETION[4],
    Spec::new(
        ReportColumn::ElapsedWorkingDays,
        "elapsed_working_days",
        Label::ColElapsed,
        Part::Case,
    )
    .check_csv(),
    Spec::new(ReportColumn::Age, "age", Label::ColAge, Part::Case),
    Spec::new(
        ReportColumn::Reading,
        "reading",
        Label::ColReading,
        Part::Case,
    )
    .check_csv(),
    Spec::new(ReportColumn::Notes, "notes", Label::ColNotes, Part::Case),
    // The JSON of `check` has its as-of date once, beside the record.
    Spec::new(ReportColumn::AsOf, "as_of", Label::ColAsOf, Part::Run).not_json(),
    // The JSON outputs give the decision and the service in their `deadlines` list.
    DECISION[0]
        .not_json()
        .table_or_left_out(Label::TabDecideBy, 5),
    DECISION[1]
        .not_json()
        .table_or_left_out(Label::TabDecision, 7),
    DECISION[2].not_json(),
    DECISION[3].not_json(),
    DECISION[4].not_json(),
    IMPLEMENTATION[0]
        .not_json()
        .table_or_left_out(Label::TabServiceBy, 6),
    IMPLEMENTATION[1]
        .not_json()
        .table_or_left_out(Label::TabService, 8),
    IMPLEMENTATION[2].not_json(),
    IMPLEMENTATION[3].not_json(),
    IMPLEMENTATION[4].not_json(),
    // Why a case is on a list picked by where cases stand: the deadline that put it there, its
    // date and working days. In the table, the last column says it.
    Spec::new(
        ReportColumn::StandingMilestone,
        "reason_milestone",
        Label::ColReasonMilestone,
        Part::Standing,
    ),
    Spec::new(
        ReportColumn::StandingStatus,
        "reason_status",
        Label::ColReasonStatus,
        Part::Standing,
    ),
    Spec::new(
        ReportColumn::StandingDeadline,
        "reason_deadline",
        Label::ColReasonDeadline,
        Part::Standing,
    ),
    Spec::new(
        ReportColumn::StandingWorkingDays,
        "reason_working_days",
        Label::ColReasonWorkingDays,
        Part::Standing,
    ),
    // Only in the table: the CSV has each count in a column of its own.
    Spec::new(
        ReportColumn::WorkingDays,
        "working_days",
        Label::TabWorkingDays,
        Part::Case,
    )
    .table_only(Label::TabWorkingDays),
];

/// What decides which columns a run writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnOptions {
    /// `--show-hetu`: the identity code's column.
    pub show_hetu: bool,
    /// The list records the decision or the service: their columns.
    pub chain: bool,
    /// Only the columns of a case (`check`, which has no row or run).
    pub case_only: bool,
    /// Where each case stands and why ([`Part::Standing`]): for `overdue`.
    pub standing: bool,
}

/// The columns `format` writes with `options`, in order.
pub fn columns(
    format: ReportFormat,
    options: ColumnOptions,
) -> impl Iterator<Item = &'static Spec> {
    SCHEMA
        .iter()
        .filter(move |spec| spec.written(format, options))
}

/// One evaluated case as the columns read it.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    /// The line of the case list the case is on.
    pub line: u64,
    /// The case id, as every output shows it.
    pub case_id: &'a str,
    /// The unit, as every output shows it.
    pub unit: &'a str,
    /// The identity code as written, where kept (`--show-hetu`).
    pub hetu: Option<&'a str>,
    /// The day the matter became pending.
    pub pending: NaiveDate,
    /// What the evaluation found.
    pub evaluation: &'a Evaluation,
    /// The reading it was evaluated in.
    pub reading: Reading,
    /// The as-of date, where the output names it.
    pub as_of: Option<NaiveDate>,
}

impl<'a> Row<'a> {
    /// A case of a list, evaluated in `reading` as of `as_of`.
    #[inline(always)]
    pub fn new(case: &'a EvaluatedCase<'_>, reading: Reading, as_of: Option<NaiveDate>) -> Row<'a> {
        Row {
            line: case.line,
            case_id: &case.case_id,
            unit: &case.unit,
            hetu: case.hetu.as_deref(),
            pending: case.case.pending,
            evaluation: &case.evaluation,
            reading,
            as_of,
        }
    }

    /// One case without a row of a list (`check`): only its [`Part::Case`] columns mean
    /// anything.
    pub fn case(pending: NaiveDate, evaluation: &'a Evaluation, reading: Reading) -> Row<'a> {
        Row {
            line: 0,
            case_id: "",
            unit: "",
            hetu: None,
            pending,
            evaluation,
            reading,
            as_of: None,
        }
    }
}
