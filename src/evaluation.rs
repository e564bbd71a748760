//! One case against the rules and an as-of date: the deadlines, and whether they were met.
//!
//! A recorded start or completion date is a fact: it decides `met` or `late` whatever the as-of
//! date. The as-of date decides only between `due` and `overdue` for what has not happened yet.

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::age_on;
use crate::calendar::{calendar, CalendarError, Reading};
use crate::hetu::Hetu;
use crate::rules::{
    applicable_rule_indexes, Anchor, Facts, Groups, Limit, Milestone, Rule, ServiceRule,
    CURRENT_ACT_DATE, DECISION_WITHOUT_DAY_COUNT, EVERYONE_ELSE, RULES, SERVICE_RULES,
};

/// Where the person's age comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Person {
    /// Nothing tells the age: the over-75 group cannot be checked.
    #[default]
    Unknown,
    /// A recorded birth date.
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
    /// The day the matter became pending (asian vireille tulo): every deadline counts from it.
    pub pending: NaiveDate,
    /// Where the person's age comes from.
    pub person: Person,
    /// Receives the highest care allowance (ylin hoitotuki).
    pub care_allowance: bool,
    /// A disabled person (vammainen henkilö).
    pub disabled: bool,
    /// A child in need of special support (erityistä tukea tarvitseva lapsi).
    pub child_special_support: bool,
    /// A child-welfare matter (lastensuojeluasia).
    pub child_welfare: bool,
    /// An urgent need (kiireellinen palvelun tarve): assessed at once.
    pub urgent: bool,
    /// The day the assessment started, if it has.
    pub started: Option<NaiveDate>,
    /// The day the assessment was completed, if it has been.
    pub completed: Option<NaiveDate>,
    /// An older person (iäkäs henkilö, 980/2012 3 §: functional capacity reduced by age).
    pub older_person: bool,
    /// The day of the decision on the application (päätös), if made.
    pub decision: Option<NaiveDate>,
    /// The day the service granted began (palvelu alkanut), if it has.
    pub implemented: Option<NaiveDate>,
    /// The milestones whose date the source cannot record (a case list without their column,
    /// `check` without the date): they get their deadline but no verdict
    /// ([`Status::NotRecorded`]). Empty by default: every milestone is judged.
    pub unrecorded: Unrecorded,
}

/// A set of milestones whose date a source cannot record ([`Case::unrecorded`]). Only the
/// decision and the service can be unrecorded: a list without a start date is a list of
/// matters not yet started, and a completion needs a start.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unrecorded(u8);

impl Unrecorded {
    /// Every milestone can be recorded.
    pub const NONE: Unrecorded = Unrecorded(0);

    /// The set with `milestone` added.
    pub const fn with(self, milestone: Milestone) -> Unrecorded {
        Unrecorded(self.0 | 1 << milestone as u8)
    }

    /// Whether `milestone` cannot be recorded.
    #[inline]
    pub const fn contains(self, milestone: Milestone) -> bool {
        self.0 & (1 << milestone as u8) != 0
    }

    /// Whether every milestone can be recorded.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The milestones in the set, in order.
    pub fn iter(self) -> impl Iterator<Item = Milestone> {
        Milestone::ALL
            .into_iter()
            .filter(move |m| self.contains(*m))
    }
}

/// A date recorded in a [`Case`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordedDate {
    /// The day the matter became pending ([`Case::pending`]).
    Pending,
    /// The day the assessment started ([`Case::started`]).
    Started,
    /// The day the assessment was completed ([`Case::completed`]).
    Completed,
    /// The day of the decision ([`Case::decision`]).
    Decision,
    /// The day the service began ([`Case::implemented`]).
    Implemented,
}

impl Case {
    /// The first recorded date (in the order of [`RecordedDate`]) after `as_of`: the one judgement of
    /// a date after the as-of date, which [`Note::DateAfterAsOf`] and the case-list warning
    /// (the audit's `DateAfterAsOf` warning) both follow. The date is a fact and the case
    /// is evaluated as recorded; the as-of date may be the mistake.
    pub fn first_date_after(&self, as_of: NaiveDate) -> Option<(RecordedDate, NaiveDate)> {
        [
            (RecordedDate::Pending, Some(self.pending)),
            (RecordedDate::Started, self.started),
            (RecordedDate::Completed, self.completed),
            (RecordedDate::Decision, self.decision),
            (RecordedDate::Implemented, self.implemented),
        ]
        .into_iter()
        .find_map(|(recorded, date)| Some((recorded, date.filter(|d| *d > as_of)?)))
    }
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
    /// A deadline the source cannot tell was met: it does not record the milestone's date (a
    /// list without its column). Not counted, not listed as overdue; the deadline is still given.
    #[serde(rename = "not_recorded")]
    NotRecorded,
}

impl Status {
    /// Every status a count lists, in the order the summaries list them ([`Status::NotRecorded`]
    /// is never counted).
    pub const ALL: [Status; 5] = [
        Status::Met,
        Status::Late,
        Status::Due,
        Status::Overdue,
        Status::None,
    ];

    /// The stable English key (`met`, `late`, `due`, `overdue`, `none`) of CSV and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Late => "late",
            Status::Due => "due",
            Status::Overdue => "overdue",
            Status::None => "none",
            Status::NotRecorded => "not_recorded",
        }
    }
}

/// One milestone's deadline and where it stands: the start, completion, decision or service of
/// a case, or a milestone of a social-assistance application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MilestoneOutcome {
    /// The deadline, or `None` where the law sets none.
    pub deadline: Option<NaiveDate>,
    /// Where the deadline stands.
    pub status: Status,
    /// Working days after the deadline up to the recorded date (`late`).
    pub working_days_late: Option<i64>,
    /// Working days after the as-of date up to the deadline (`due`; 0 on the day itself).
    pub working_days_remaining: Option<i64>,
    /// Working days after the deadline up to the as-of date (`overdue`).
    pub working_days_overdue: Option<i64>,
}

impl MilestoneOutcome {
    fn none() -> MilestoneOutcome {
        MilestoneOutcome {
            deadline: None,
            status: Status::None,
            working_days_late: None,
            working_days_remaining: None,
            working_days_overdue: None,
        }
    }

    /// Where a deadline stands: a recorded date `done` decides met or late; without one, the
    /// as-of date decides due or overdue; no deadline is `none`. The one judgement of every
    /// clock, the social-assistance ones too (`assistance`).
    ///
    /// Inlined: it runs twice for every case, and its outcome is then built where the
    /// evaluation keeps it instead of being copied there.
    #[inline(always)]
    pub fn judge(
        deadline: Option<NaiveDate>,
        done: Option<NaiveDate>,
        as_of: NaiveDate,
        reading: Reading,
    ) -> Result<MilestoneOutcome, CalendarError> {
        MilestoneOutcome::judge_recorded(deadline, done, true, as_of, reading)
    }

    /// [`MilestoneOutcome::judge`] for a milestone the source may not record: where it does not
    /// (`recorded` false), a deadline is [`Status::NotRecorded`], not judged.
    #[inline(always)]
    pub fn judge_recorded(
        deadline: Option<NaiveDate>,
        done: Option<NaiveDate>,
        recorded: bool,
        as_of: NaiveDate,
        reading: Reading,
    ) -> Result<MilestoneOutcome, CalendarError> {
        let Some(deadline) = deadline else {
            return Ok(MilestoneOutcome::none());
        };
        let cal = calendar();
        let mut outcome = MilestoneOutcome {
            deadline: Some(deadline),
            ..MilestoneOutcome::none()
        };
        if !recorded {
            outcome.status = Status::NotRecorded;
            return Ok(outcome);
        }
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

/// Where a case stands as a whole: the milestone that matters most now, with its deadline and
/// working days. Overdue before due before late before met: among overdue milestones the one
/// most working days over, among due ones the one fewest working days left, among late ones the
/// one most working days late, among met ones the last in the chain; a tie goes to the earlier
/// milestone (start, completion, decision, service). A case none of whose milestones has a
/// deadline stands at `none`, with no milestone.
///
/// This is the one answer to "is this case overdue, and why": every front end takes it from
/// [`Evaluation::standing`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CaseStanding {
    /// The status of the milestone that matters most (`none`: no milestone has a deadline).
    pub status: Status,
    /// That milestone.
    pub milestone: Option<Milestone>,
    /// Its deadline.
    pub deadline: Option<NaiveDate>,
    /// Its working days: over the deadline (`overdue`), left (`due`), late (`late`); none for
    /// `met` and `none`.
    pub working_days: Option<i64>,
}

impl CaseStanding {
    /// A case with no deadline at all.
    pub const NONE: CaseStanding = CaseStanding {
        status: Status::None,
        milestone: None,
        deadline: None,
        working_days: None,
    };

    /// How much a status matters now: the lower, the more.
    #[inline]
    fn rank(status: Status) -> u8 {
        match status {
            Status::Overdue => 0,
            Status::Due => 1,
            Status::Late => 2,
            Status::Met => 3,
            Status::None | Status::NotRecorded => 4,
        }
    }
}

/// The oldest age a case may give, in whole years: older than anyone has lived, so a larger
/// number is a typing error.
pub const MAX_AGE: u32 = 130;

/// A case that cannot be evaluated as recorded: what is wrong, as data (the dates and the age
/// involved), the one validation every front end shares (the command line's flags, a list's
/// rows, the web form and `POST /api/check`). `problem::case_error` words it in
/// each language, naming the field and the fix, dates written the Finnish way as users enter
/// them, never an identity code; `Display` is the English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseError {
    /// The assessment started before the matter was pending.
    StartBeforePending {
        /// The start date recorded.
        started: NaiveDate,
        /// The pending date recorded.
        pending: NaiveDate,
    },
    /// The assessment was completed before the matter was pending.
    CompletionBeforePending {
        /// The completion date recorded.
        completed: NaiveDate,
        /// The pending date recorded.
        pending: NaiveDate,
    },
    /// The assessment was completed before it started.
    CompletionBeforeStart {
        /// The completion date recorded.
        completed: NaiveDate,
        /// The start date recorded.
        started: NaiveDate,
    },
    /// A completion date without a start date.
    CompletionWithoutStart,
    /// The decision was made before the matter was pending.
    DecisionBeforePending {
        /// The decision date recorded.
        decision: NaiveDate,
        /// The pending date recorded.
        pending: NaiveDate,
    },
    /// The service began before the decision.
    ImplementedBeforeDecision {
        /// The date recorded for the service beginning.
        implemented: NaiveDate,
        /// The decision date recorded.
        decision: NaiveDate,
    },
    /// A date the service began without a decision date.
    ImplementedWithoutDecision,
    /// Born after the matter was pending.
    BornAfterPending {
        /// The birth date.
        birth: NaiveDate,
        /// The pending date recorded.
        pending: NaiveDate,
    },
    /// An age over [`MAX_AGE`].
    AgeOutOfRange {
        /// The age given.
        age: u32,
    },
    /// A child's flag on an adult's case.
    ChildFlagForAdult {
        /// The age on the pending date.
        age: u32,
    },
    /// A date outside the supported calendar.
    Calendar(CalendarError),
}

impl From<CalendarError> for CaseError {
    fn from(error: CalendarError) -> Self {
        CaseError::Calendar(error)
    }
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

    /// Adds a note (a note already there stays once).
    pub fn insert(&mut self, note: Note) {
        self.0 |= 1 << note as u8;
    }

    /// Whether `note` is in the set.
    pub fn contains(self, note: Note) -> bool {
        self.0 & (1 << note as u8) != 0
    }

    /// Whether the set has no note.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set as a number below 16, to index a table by.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The notes in the order of [`Note`].
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

    /// The rules that applied, in the order of [`RULES`].
    pub fn iter(self) -> impl Iterator<Item = &'static Rule> {
        RULES
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.0 & (1 << index) != 0)
            .map(|(_, rule)| rule)
    }

    /// The first rule that applied, in table order.
    pub fn first(self) -> Option<&'static Rule> {
        self.iter().next()
    }

    /// Whether no rule applied (the case is in no group).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many rules applied.
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

/// The rows of [`SERVICE_RULES`] that applied to a case: a set, without allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AppliedServiceRules(u8);

const _: () = assert!(
    SERVICE_RULES.len() <= 8,
    "AppliedServiceRules holds up to 8 rows of SERVICE_RULES"
);

impl AppliedServiceRules {
    fn insert(&mut self, index: usize) {
        self.0 |= 1 << index;
    }

    /// The service rules that applied, in the order of [`SERVICE_RULES`].
    pub fn iter(self) -> impl Iterator<Item = &'static ServiceRule> {
        SERVICE_RULES
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.0 & (1 << index) != 0)
            .map(|(_, rule)| rule)
    }

    /// Whether no service rule applied.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// The evaluation of one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// The groups the case is in.
    pub groups: Groups,
    /// The rules that applied, one per group.
    pub rules: AppliedRules,
    /// The rules of the service chain that applied (only once a decision is recorded).
    pub service_rules: AppliedServiceRules,
    /// Age on the pending date, where known.
    pub age: Option<u32>,
    /// When the assessment had to start, and whether it did.
    pub start: MilestoneOutcome,
    /// When the assessment had to be complete, and whether it was.
    pub completion: MilestoneOutcome,
    /// When the decision had to be made, and whether it was.
    pub decision: MilestoneOutcome,
    /// When the service granted had to begin, and whether it did.
    pub implementation: MilestoneOutcome,
    /// Working days after the pending date up to the start (or the as-of date if not started);
    /// zero for a pending date after the as-of date.
    pub elapsed_working_days: i64,
    /// What the decision's elapsed working days are counted over (only the outputs that show
    /// them need them, so they are counted there: [`Deadline::elapsed_working_days`]).
    span: Span,
    /// What is worth saying about the case.
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
    if let Some(decision) = case.decision {
        if decision < case.pending {
            return Err(CaseError::DecisionBeforePending {
                decision,
                pending: case.pending,
            });
        }
    }
    if let Some(implemented) = case.implemented {
        match case.decision {
            None => return Err(CaseError::ImplementedWithoutDecision),
            Some(decision) if implemented < decision => {
                return Err(CaseError::ImplementedBeforeDecision {
                    implemented,
                    decision,
                })
            }
            Some(_) => {}
        }
    }
    if let Person::Age(age) = case.person {
        if age > MAX_AGE {
            return Err(CaseError::AgeOutOfRange { age });
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
        older_person: case.older_person,
        care_allowance: case.care_allowance,
        disabled: case.disabled,
        child_special_support: case.child_special_support,
        child_welfare: case.child_welfare,
        urgent: case.urgent,
    };
    let mut rules = AppliedRules::default();
    let mut groups = Groups::default();
    let mut deadlines = Deadlines::default();
    for index in applicable_rule_indexes(&facts, case.pending) {
        let rule = &RULES[index];
        rules.insert(index);
        groups.insert(rule.group);
        for limit in rule.limits {
            deadlines.tighten(limit, case, reading)?;
        }
    }
    let mut service_rules = AppliedServiceRules::default();
    if case.decision.is_some() {
        for (index, rule) in SERVICE_RULES.iter().enumerate() {
            if rule.applies_to(&facts, case.pending) {
                service_rules.insert(index);
                if rule.day_count {
                    deadlines.tighten(&rule.limit, case, reading)?;
                }
            }
        }
    }
    let [start, completion, decision, implementation] = deadlines.0;
    let recorded = |m: Milestone| !case.unrecorded.contains(m);
    let start = MilestoneOutcome::judge(start, case.started, as_of, reading)?;
    let completion = MilestoneOutcome::judge(completion, case.completed, as_of, reading)?;
    let decision = MilestoneOutcome::judge_recorded(
        decision,
        case.decision,
        recorded(Milestone::Decision),
        as_of,
        reading,
    )?;
    let implementation = MilestoneOutcome::judge_recorded(
        implementation,
        case.implemented,
        recorded(Milestone::Implementation),
        as_of,
        reading,
    )?;
    let elapsed = |until: Option<NaiveDate>| {
        cal.working_days_between(case.pending, until.unwrap_or(as_of), reading)
            .map(|days| days.max(0))
    };
    let elapsed_working_days = elapsed(case.started)?;
    let span = Span {
        pending: case.pending,
        until: case.decision.unwrap_or(as_of),
        decision: case.decision,
        service_until: case.implemented.unwrap_or(as_of),
        reading,
    };

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
    if case.first_date_after(as_of).is_some() {
        notes.insert(Note::DateAfterAsOf);
    }
    Ok(Evaluation {
        groups,
        rules,
        service_rules,
        age,
        start,
        completion,
        decision,
        implementation,
        elapsed_working_days,
        span,
        notes,
    })
}

/// The days a count of elapsed working days runs over: from the pending date to a milestone (or
/// the as-of date), in a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Span {
    pending: NaiveDate,
    until: NaiveDate,
    /// The decision, from which a service without a day count is counted.
    decision: Option<NaiveDate>,
    /// The day the service began, or the as-of date.
    service_until: NaiveDate,
    reading: Reading,
}

/// The earliest deadline found so far for each milestone, in the order of [`Milestone::ALL`].
#[derive(Default)]
struct Deadlines([Option<NaiveDate>; 4]);

impl Deadlines {
    /// Takes `limit` into account: its deadline, where its anchor day is known, wins if earlier.
    #[inline]
    fn tighten(&mut self, limit: &Limit, case: &Case, reading: Reading) -> Result<(), CaseError> {
        let from = match limit.from {
            Anchor::Pending => case.pending,
            Anchor::Decision => match case.decision {
                Some(decision) => decision,
                None => return Ok(()),
            },
        };
        let deadline = limit.deadline(from, reading)?;
        let slot = &mut self.0[limit.milestone as usize];
        *slot = Some(slot.map_or(deadline, |d| d.min(deadline)));
        Ok(())
    }
}

impl Evaluation {
    /// Working days after the pending date up to the decision (or the as-of date if none yet);
    /// zero for a pending date after the as-of date.
    pub fn decision_elapsed_working_days(&self) -> i64 {
        self.deadlines()
            .find(|d| d.milestone == Milestone::Decision)
            .and_then(|d| d.elapsed_working_days())
            .unwrap_or(0)
    }

    /// Whether any deadline is overdue: [`Evaluation::standing`] is overdue.
    pub fn is_overdue(&self) -> bool {
        Milestone::ALL
            .iter()
            .any(|&m| self.outcome(m).status == Status::Overdue)
    }

    /// Where the case stands as a whole: the one definition every front end takes (the overdue
    /// list and its order, the closing count line, `--fail-on-overdue`, the web page's cards,
    /// chart and lists, the API's counts, the workbook's marks). See [`CaseStanding`].
    #[inline]
    pub fn standing(&self) -> CaseStanding {
        let mut best: Option<(Milestone, &MilestoneOutcome)> = None;
        for milestone in Milestone::ALL {
            let outcome = self.outcome(milestone);
            let rank = |o: &MilestoneOutcome| CaseStanding::rank(o.status);
            let better = match best {
                None => CaseStanding::rank(outcome.status) < 4,
                Some((_, b)) => match rank(outcome).cmp(&rank(b)) {
                    std::cmp::Ordering::Less => true,
                    std::cmp::Ordering::Greater => false,
                    std::cmp::Ordering::Equal => match outcome.status {
                        Status::Overdue => outcome.working_days_overdue > b.working_days_overdue,
                        Status::Due => outcome.working_days_remaining < b.working_days_remaining,
                        Status::Late => outcome.working_days_late > b.working_days_late,
                        // The milestone met furthest along the chain.
                        Status::Met => true,
                        Status::None | Status::NotRecorded => false,
                    },
                },
            };
            if better {
                best = Some((milestone, outcome));
            }
        }
        match best {
            None => CaseStanding::NONE,
            Some((milestone, outcome)) => CaseStanding {
                status: outcome.status,
                milestone: Some(milestone),
                deadline: outcome.deadline,
                working_days: match outcome.status {
                    Status::Overdue => outcome.working_days_overdue,
                    Status::Due => outcome.working_days_remaining,
                    Status::Late => outcome.working_days_late,
                    Status::Met | Status::None | Status::NotRecorded => None,
                },
            },
        }
    }

    /// Where `milestone` stands.
    pub fn outcome(&self, milestone: Milestone) -> &MilestoneOutcome {
        match milestone {
            Milestone::Start => &self.start,
            Milestone::Completion => &self.completion,
            Milestone::Decision => &self.decision,
            Milestone::Implementation => &self.implementation,
        }
    }

    /// Every milestone of the case, in order, with its deadline, status and statute: the
    /// `deadlines` list of the JSON outputs.
    pub fn deadlines(&self) -> impl Iterator<Item = Deadline<'_>> {
        Milestone::ALL.into_iter().map(move |milestone| Deadline {
            milestone,
            evaluation: self,
        })
    }
}

/// One milestone of an evaluated case, as the outputs list it.
#[derive(Clone, Copy, Debug)]
pub struct Deadline<'a> {
    /// Which milestone.
    pub milestone: Milestone,
    evaluation: &'a Evaluation,
}

impl<'a> Deadline<'a> {
    /// The deadline and its status.
    pub fn outcome(&self) -> &'a MilestoneOutcome {
        self.evaluation.outcome(self.milestone)
    }

    /// The statutes that set this milestone's deadline (all of them where several apply: the
    /// earliest deadline wins), or, where none does, the provision that asks for it without a
    /// day count; empty where the law says nothing of it for this case.
    pub fn statutes(&self) -> Vec<&'static str> {
        let e = self.evaluation;
        let mut statutes: Vec<&'static str> = match self.milestone {
            Milestone::Implementation => e.service_rules.iter().map(|r| r.statute).collect(),
            milestone => e
                .rules
                .iter()
                .filter_map(|r| Some(r.limit(milestone)?.statute.unwrap_or(r.statute)))
                .collect(),
        };
        if statutes.is_empty() {
            // Act 1301/2014 cited only for matters pending once it was in force: before it, a
            // case in no group had no such duty in statute to cite.
            let under_current_act = e.span.pending >= CURRENT_ACT_DATE;
            match self.milestone {
                Milestone::Start if e.groups.is_empty() && under_current_act => {
                    statutes.push(EVERYONE_ELSE)
                }
                Milestone::Decision if under_current_act => {
                    statutes.push(DECISION_WITHOUT_DAY_COUNT)
                }
                _ => {}
            }
        }
        statutes
    }

    /// Working days from the pending date up to the milestone or the as-of date, where the
    /// outputs show them: for the start and the decision; for a service the law gives no day
    /// count ("without delay", [`crate::rules::ServiceRule::day_count`]), from the decision up
    /// to its beginning or the as-of date.
    pub fn elapsed_working_days(&self) -> Option<i64> {
        let Span {
            pending,
            until,
            decision,
            service_until,
            reading,
        } = self.evaluation.span;
        let (from, until) = match self.milestone {
            Milestone::Start => return Some(self.evaluation.elapsed_working_days),
            Milestone::Decision => (pending, until),
            Milestone::Implementation
                if self.outcome().deadline.is_none()
                    && self.evaluation.service_rules.iter().any(|r| !r.day_count) =>
            {
                (decision?, service_until)
            }
            _ => return None,
        };
        let days = calendar().working_days_between(from, until, reading).ok()?;
        Some(days.max(0))
    }
}

impl Serialize for Deadline<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let outcome = self.outcome();
        let mut s = serializer.serialize_struct("Deadline", 8)?;
        s.serialize_field("milestone", &self.milestone)?;
        s.serialize_field("deadline", &outcome.deadline)?;
        s.serialize_field("status", &outcome.status)?;
        s.serialize_field("statute", &self.statutes().join("; "))?;
        s.serialize_field("working_days_remaining", &outcome.working_days_remaining)?;
        s.serialize_field("working_days_late", &outcome.working_days_late)?;
        s.serialize_field("working_days_overdue", &outcome.working_days_overdue)?;
        s.serialize_field("elapsed_working_days", &self.elapsed_working_days())?;
        s.end()
    }
}

/// The list of an evaluation's deadlines, serialised without collecting it first.
pub struct DeadlineList<'a>(pub &'a Evaluation);

impl Serialize for DeadlineList<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.deadlines())
    }
}
