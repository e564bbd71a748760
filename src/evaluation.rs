//! One case against the rules and an as-of date: the deadlines, and whether they were met.
//!
//! A recorded start or completion date is a fact: it decides `met` or `late` whatever the as-of
//! date. The as-of date decides only between `due` and `overdue` for what has not happened yet.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{calendar, CalendarError, Reading};
use crate::dates::finnish;
use crate::hetu::Hetu;
use crate::rules::{age_on, applicable_rule_indexes, Facts, Group, Groups, Rule, RULES};

/// Where the person's age comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Person {
    #[default]
    Unknown,
    BirthDate(NaiveDate),
    /// From a personal identity code (its birth date).
    Hetu(Hetu),
    /// Age in whole years on the pending date.
    Age(u32),
}

/// A case as recorded: the pending date (asian vireille tulo), who the person is, and what has
/// been done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Case {
    pub pending: NaiveDate,
    pub person: Person,
    pub care_allowance: bool,
    pub disabled: bool,
    pub child_special_support: bool,
    pub child_welfare: bool,
    pub urgent: bool,
    pub started: Option<NaiveDate>,
    pub completed: Option<NaiveDate>,
}

/// Where a deadline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Done on or before the deadline.
    Met,
    /// Done after the deadline.
    Late,
    /// Not done; the as-of date is on or before the deadline.
    Due,
    /// Not done; the deadline has passed.
    Overdue,
    /// No statutory deadline.
    None,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::Late,
        Status::Due,
        Status::Overdue,
        Status::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Late => "late",
            Status::Due => "due",
            Status::Overdue => "overdue",
            Status::None => "none",
        }
    }

    pub fn finnish(self) -> &'static str {
        match self {
            Status::Met => "ajoissa",
            Status::Late => "myöhässä",
            Status::Due => "avoinna",
            Status::Overdue => "ylittynyt",
            Status::None => "ei määräaikaa",
        }
    }
}

/// One deadline (start or completion) and where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    /// Working days after the deadline up to the recorded date (`late`).
    pub working_days_late: Option<i64>,
    /// Working days after the as-of date up to the deadline (`due`; 0 on the day itself).
    pub working_days_remaining: Option<i64>,
    /// Working days after the deadline up to the as-of date (`overdue`).
    pub working_days_overdue: Option<i64>,
}

impl Outcome {
    fn none() -> Outcome {
        Outcome {
            deadline: None,
            status: Status::None,
            working_days_late: None,
            working_days_remaining: None,
            working_days_overdue: None,
        }
    }

    /// Inlined: it runs twice for every case, and its outcome is then built where the
    /// evaluation keeps it instead of being copied there.
    #[inline]
    fn judge(
        deadline: Option<NaiveDate>,
        done: Option<NaiveDate>,
        as_of: NaiveDate,
        reading: Reading,
    ) -> Result<Outcome, CalendarError> {
        let Some(deadline) = deadline else {
            return Ok(Outcome::none());
        };
        let cal = calendar();
        let mut outcome = Outcome {
            deadline: Some(deadline),
            ..Outcome::none()
        };
        match done {
            Some(done) if done <= deadline => outcome.status = Status::Met,
            Some(done) => {
                outcome.status = Status::Late;
                outcome.working_days_late =
                    Some(cal.working_days_between(deadline, done, reading)?);
            }
            None if as_of <= deadline => {
                outcome.status = Status::Due;
                outcome.working_days_remaining =
                    Some(cal.working_days_between(as_of, deadline, reading)?);
            }
            None => {
                outcome.status = Status::Overdue;
                outcome.working_days_overdue =
                    Some(cal.working_days_between(deadline, as_of, reading)?);
            }
        }
        Ok(outcome)
    }
}

/// A case that cannot be evaluated as recorded. Messages name the field and the fix, with dates
/// written the Finnish way as users enter them, and never an identity code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseError {
    #[error("the start date {} is before the pending date {}: check both dates", finnish(*started), finnish(*pending))]
    StartBeforePending {
        started: NaiveDate,
        pending: NaiveDate,
    },
    #[error(
        "the completion date {} is before the pending date {}: check both dates",
        finnish(*completed),
        finnish(*pending)
    )]
    CompletionBeforePending {
        completed: NaiveDate,
        pending: NaiveDate,
    },
    #[error(
        "the completion date {} is before the start date {}: check both dates",
        finnish(*completed),
        finnish(*started)
    )]
    CompletionBeforeStart {
        completed: NaiveDate,
        started: NaiveDate,
    },
    #[error("there is a completion date but no start date: add the date the assessment started")]
    CompletionWithoutStart,
    #[error("the birth date {} is after the pending date {}: check both dates", finnish(*birth), finnish(*pending))]
    BornAfterPending {
        birth: NaiveDate,
        pending: NaiveDate,
    },
    #[error(
        "the case is marked as a child's, but the person is {age} on the pending date: \
         check the birth date or age, and the child flags"
    )]
    ChildFlagForAdult { age: u32 },
    #[error("{0}")]
    Calendar(#[from] CalendarError),
}

/// Something worth saying about a case that does not stop its evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Note {
    /// The identity code is a temporary one (individual number 900-999).
    TemporaryIdentityCode,
    /// The age is unknown, so the over-75 group could not be checked.
    AgeUnknown,
    /// Pending before 1 March 2006: no statutory day count applied.
    BeforeStatutoryDeadlines,
    /// A recorded date lies after the as-of date.
    DateAfterAsOf,
}

impl Note {
    pub fn text(self) -> &'static str {
        match self {
            Note::TemporaryIdentityCode => {
                "the identity code is a temporary one (individual number 900-999)"
            }
            Note::AgeUnknown => {
                "no birth date, identity code or age: the over-75 group could not be checked"
            }
            Note::BeforeStatutoryDeadlines => {
                "pending before 1.3.2006, when the 7-working-day rule began: no statutory day count"
            }
            Note::DateAfterAsOf => {
                "a date of the case (pending, start or completion) is after the as-of date: check the dates"
            }
        }
    }
}

/// The notes of one case: a set, without allocation (an audit evaluates a million cases), listed
/// in the order of [`Note`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notes(u8);

impl Notes {
    const ALL: [Note; 4] = [
        Note::TemporaryIdentityCode,
        Note::AgeUnknown,
        Note::BeforeStatutoryDeadlines,
        Note::DateAfterAsOf,
    ];

    pub fn insert(&mut self, note: Note) {
        self.0 |= 1 << note as u8;
    }

    pub fn contains(self, note: Note) -> bool {
        self.0 & (1 << note as u8) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as a number below 16, to index a table by.
    pub fn bits(self) -> u8 {
        self.0
    }

    pub fn iter(self) -> impl Iterator<Item = Note> {
        Notes::ALL.into_iter().filter(move |n| self.contains(*n))
    }
}

/// The rules that applied to a case, one per group, in the order of [`RULES`]: a set of rows of
/// the table, without allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AppliedRules(u32);

const _: () = assert!(
    RULES.len() <= 32,
    "AppliedRules holds up to 32 rows of RULES"
);

impl AppliedRules {
    /// Adds `RULES[index]`.
    fn insert(&mut self, index: usize) {
        self.0 |= 1 << index;
    }

    pub fn iter(self) -> impl Iterator<Item = &'static Rule> {
        RULES
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.0 & (1 << index) != 0)
            .map(|(_, rule)| rule)
    }

    pub fn first(self) -> Option<&'static Rule> {
        self.iter().next()
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
}

/// The `n`-th rule that applied, in table order.
impl std::ops::Index<usize> for AppliedRules {
    type Output = Rule;

    fn index(&self, n: usize) -> &Rule {
        self.iter()
            .nth(n)
            .unwrap_or_else(|| panic!("only {} rules applied", self.len()))
    }
}

/// The evaluation of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub groups: Groups,
    /// The rules that applied, one per group.
    pub rules: AppliedRules,
    /// Age on the pending date, where known.
    pub age: Option<u32>,
    pub start: Outcome,
    pub completion: Outcome,
    /// Working days after the pending date up to the start (or the as-of date if not started);
    /// zero for a pending date after the as-of date.
    pub elapsed_working_days: i64,
    pub notes: Notes,
}

/// Age in years on the pending date, as far as the case tells.
fn age_of(case: &Case) -> Result<Option<u32>, CaseError> {
    let birth = match case.person {
        Person::Unknown => return Ok(None),
        Person::Age(age) => return Ok(Some(age)),
        Person::BirthDate(birth) => birth,
        Person::Hetu(hetu) => hetu.birth_date(),
    };
    age_on(birth, case.pending)
        .map(Some)
        .ok_or(CaseError::BornAfterPending {
            birth,
            pending: case.pending,
        })
}

/// Checks that the recorded dates and facts can be true together.
pub fn validate(case: &Case) -> Result<Option<u32>, CaseError> {
    if let Some(started) = case.started {
        if started < case.pending {
            return Err(CaseError::StartBeforePending {
                started,
                pending: case.pending,
            });
        }
    }
    if let Some(completed) = case.completed {
        if completed < case.pending {
            return Err(CaseError::CompletionBeforePending {
                completed,
                pending: case.pending,
            });
        }
        match case.started {
            None => return Err(CaseError::CompletionWithoutStart),
            Some(started) if completed < started => {
                return Err(CaseError::CompletionBeforeStart { completed, started })
            }
            Some(_) => {}
        }
    }
    let age = age_of(case)?;
    if let Some(age) = age {
        if age >= 18 && (case.child_special_support || case.child_welfare) {
            return Err(CaseError::ChildFlagForAdult { age });
        }
    }
    Ok(age)
}

/// Evaluates `case` against the rules in force on its pending date, as of `as_of`.
pub fn evaluate(case: &Case, as_of: NaiveDate, reading: Reading) -> Result<Evaluation, CaseError> {
    let age = validate(case)?;
    let cal = calendar();
    // Checks the pending date is inside the calendar even where no rule applies.
    cal.is_working_day(case.pending, reading)?;
    let facts = Facts {
        age,
        care_allowance: case.care_allowance,
        disabled: case.disabled,
        child_special_support: case.child_special_support,
        child_welfare: case.child_welfare,
        urgent: case.urgent,
    };
    let mut rules = AppliedRules::default();
    let mut groups = Groups::default();
    let mut start_deadline: Option<NaiveDate> = None;
    let mut completion_deadline: Option<NaiveDate> = None;
    for index in applicable_rule_indexes(&facts, case.pending) {
        let rule = &RULES[index];
        rules.insert(index);
        groups.insert(rule.group);
        let start = rule.start_deadline(case.pending, reading)?;
        start_deadline = Some(start_deadline.map_or(start, |d| d.min(start)));
        if let Some(done_by) = rule.completion_deadline(case.pending, reading)? {
            completion_deadline = Some(completion_deadline.map_or(done_by, |d| d.min(done_by)));
        }
    }
    let start = Outcome::judge(start_deadline, case.started, as_of, reading)?;
    let completion = Outcome::judge(completion_deadline, case.completed, as_of, reading)?;
    let until = case.started.unwrap_or(as_of);
    let elapsed_working_days = cal
        .working_days_between(case.pending, until, reading)?
        .max(0);

    let mut notes = Notes::default();
    if matches!(case.person, Person::Hetu(h) if h.is_temporary()) {
        notes.insert(Note::TemporaryIdentityCode);
    }
    if age.is_none() {
        notes.insert(Note::AgeUnknown);
    }
    if case.pending < crate::rules::FIRST_RULE_DATE {
        notes.insert(Note::BeforeStatutoryDeadlines);
    }
    if [Some(case.pending), case.started, case.completed]
        .into_iter()
        .flatten()
        .any(|d| d > as_of)
    {
        notes.insert(Note::DateAfterAsOf);
    }
    Ok(Evaluation {
        groups,
        rules,
        age,
        start,
        completion,
        elapsed_working_days,
        notes,
    })
}

impl Evaluation {
    /// Whether any deadline is overdue.
    pub fn is_overdue(&self) -> bool {
        self.start.status == Status::Overdue || self.completion.status == Status::Overdue
    }

    /// The group whose rule set the start deadline (urgent before the others).
    pub fn deciding_group(&self) -> Option<Group> {
        self.rules.first().map(|r| r.group)
    }
}
