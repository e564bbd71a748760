//! The answers of `check` and `calendar` as values: what the command line prints as JSON and the
//! web API (`maaraika serve`) sends, built in one place so that both say the same.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::calendar::{calendar, CalendarError, Holiday, HolidayKind, Reading};
use crate::evaluation::{evaluate, Case, CaseError, DeadlineList, Evaluation, Status};
use crate::labels::{Label, Lang};
use crate::report::CaseRecord;
use crate::rules::{Limit, Milestone, Period, Rule};

/// A rule as shown: its group and statute.
#[derive(Serialize, Debug, Clone)]
pub struct RuleView {
    /// The group's stable key (`over_75`, …).
    pub group: &'static str,
    /// The group's name in English.
    pub name_en: &'static str,
    /// The group's name in Finnish.
    pub name_fi: &'static str,
    /// The statute that sets the deadlines.
    pub statute: &'static str,
    /// When the assessment must start, in words (`by the 7th working day`).
    pub start: String,
    /// Months within which it must be complete, where the law says.
    pub complete_within_months: Option<u32>,
}

impl RuleView {
    /// The view of one row of [`crate::rules::RULES`].
    pub fn new(rule: &Rule) -> Self {
        RuleView {
            group: rule.group.key(),
            name_en: Lang::En.group(rule.group),
            name_fi: Lang::Fi.group(rule.group),
            statute: rule.statute,
            start: rule
                .limit(Milestone::Start)
                .map(|limit| start_rule_text(limit, Lang::En))
                .unwrap_or_default(),
            complete_within_months: rule
                .limit(Milestone::Completion)
                .and_then(|limit| match limit.period {
                    Period::Months(n) => Some(n),
                    _ => None,
                }),
        }
    }
}

/// When the assessment must start, in `lang`: `by the 7th working day`.
pub fn start_rule_text(start: &Limit, lang: Lang) -> String {
    match start.period {
        Period::SameDay => lang.get(Label::ChkStartSameDay).into(),
        Period::WorkingDays(n) => lang.fill(Label::ChkStartByDay, &[&lang.ordinal(n.into())]),
        Period::Months(n) => lang.fill(Label::ChkStartWithinMonths, &[&n.to_string()]),
    }
}

/// The other reading's dates, where they differ.
#[derive(Serialize, Debug, Clone)]
pub struct OtherReading {
    /// The other reading.
    pub reading: Reading,
    /// The start deadline in it.
    pub start_deadline: Option<NaiveDate>,
    /// The start status in it.
    pub start_status: Status,
    /// The completion deadline in it.
    pub completion_deadline: Option<NaiveDate>,
    /// The completion status in it.
    pub completion_status: Status,
    /// The decision deadline in it.
    pub decision_deadline: Option<NaiveDate>,
    /// The decision status in it.
    pub decision_status: Status,
    /// The service's deadline in it.
    pub implementation_deadline: Option<NaiveDate>,
    /// The service's status in it.
    pub implementation_status: Status,
}

/// One case checked: the `check --format json` object, and the evaluation it came from.
#[derive(Serialize, Debug, Clone)]
pub struct CheckAnswer {
    #[serde(flatten)]
    /// The case and its outcomes, as one audit row.
    pub record: CaseRecord,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The rules that applied.
    pub rules: Vec<RuleView>,
    /// The holidays skipped in counting the start deadline.
    pub start_skipped_holidays: Vec<Holiday>,
    /// The other reading's dates, where they differ.
    pub other_reading: Option<OtherReading>,
    /// The evaluation in `reading`, serialised as its `deadlines` list (`record` holds the rest).
    #[serde(rename = "deadlines", serialize_with = "deadlines")]
    pub evaluation: Evaluation,
}

fn deadlines<S: serde::Serializer>(
    evaluation: &Evaluation,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&DeadlineList(evaluation), serializer)
}

/// Checks one case as of a date in a reading, with the other reading's dates where they differ.
///
/// One case by hand records a decision only when it is given: without one the decision is not
/// judged ([`Status::NotRecorded`], its deadline still given), and the answer says what it
/// would need (`--decision`).
pub fn check(case: &Case, as_of: NaiveDate, reading: Reading) -> Result<CheckAnswer, CaseError> {
    let mut case = *case;
    if case.decision.is_none() {
        case.unrecorded = case.unrecorded.with(Milestone::Decision);
    }
    let case = &case;
    let other = match reading {
        Reading::Standard => Reading::Conservative,
        Reading::Conservative => Reading::Standard,
    };
    let evaluation = evaluate(case, as_of, reading)?;
    let other_evaluation = evaluate(case, as_of, other)?;
    // Every milestone compared: a deadline or a status that differs.
    let differs = evaluation.start != other_evaluation.start
        || Milestone::ALL.into_iter().any(|m| {
            let (one, other) = (evaluation.outcome(m), other_evaluation.outcome(m));
            one.deadline != other.deadline || one.status != other.status
        });
    let skipped = match evaluation.start.deadline {
        Some(deadline) => calendar().skipped_holidays(case.pending, deadline, reading),
        None => Vec::new(),
    };
    Ok(CheckAnswer {
        record: CaseRecord::new(case.pending, &evaluation, reading),
        as_of,
        rules: evaluation.rules.iter().map(RuleView::new).collect(),
        start_skipped_holidays: skipped,
        other_reading: differs.then_some(OtherReading {
            reading: other,
            start_deadline: other_evaluation.start.deadline,
            start_status: other_evaluation.start.status,
            completion_deadline: other_evaluation.completion.deadline,
            completion_status: other_evaluation.completion.status,
            decision_deadline: other_evaluation.decision.deadline,
            decision_status: other_evaluation.decision.status,
            implementation_deadline: other_evaluation.implementation.deadline,
            implementation_status: other_evaluation.implementation.status,
        }),
        evaluation,
    })
}

/// One holiday as listed by `calendar holidays` (and in the skipped holidays of `calendar add`).
#[derive(Serialize, Debug, Clone)]
pub struct HolidayRow {
    /// The date.
    pub date: NaiveDate,
    /// Its weekday in English.
    pub weekday: &'static str,
    /// Its name in Finnish.
    pub name_fi: &'static str,
    /// Its name in English.
    pub name_en: &'static str,
    /// Its name in Swedish.
    pub name_sv: &'static str,
    /// A holiday or an eve.
    pub kind: HolidayKind,
    /// Whether it is a working day in the reading asked for.
    pub working_day: bool,
}

impl HolidayRow {
    /// The row of one holiday in `reading`.
    pub fn new(holiday: &Holiday, reading: Reading) -> Self {
        HolidayRow {
            date: holiday.date,
            weekday: Lang::En.weekday(holiday.date.weekday()),
            name_fi: holiday.name_fi,
            name_en: holiday.name_en,
            name_sv: holiday.name_sv,
            kind: holiday.kind,
            working_day: calendar()
                .is_working_day(holiday.date, reading)
                .unwrap_or(false),
        }
    }
}

/// The holidays and eves of the years `first..=last`, weekends included.
pub fn holidays(first: i32, last: i32, reading: Reading) -> Result<Vec<HolidayRow>, CalendarError> {
    let holidays = calendar().holidays(first..=last)?;
    Ok(holidays
        .iter()
        .map(|h| HolidayRow::new(h, reading))
        .collect())
}

/// `calendar add`: the N-th working day after (or, negative, before) a date.
#[derive(Serialize, Debug, Clone)]
pub struct AddAnswer {
    /// The date counted from.
    pub from: NaiveDate,
    /// Working days counted (negative: before).
    pub working_days: i64,
    /// The date reached.
    pub date: NaiveDate,
    /// Its weekday in English.
    pub weekday: &'static str,
    /// The reading counted in.
    pub reading: Reading,
    /// The holidays skipped on the way.
    pub skipped_holidays: Vec<HolidayRow>,
    /// The holidays skipped, as found (for text output).
    #[serde(skip)]
    pub skipped: Vec<Holiday>,
}

/// Counts `working_days` working days from `from`.
pub fn add(
    from: NaiveDate,
    working_days: i64,
    reading: Reading,
) -> Result<AddAnswer, CalendarError> {
    let cal = calendar();
    let date = cal.add_working_days(from, working_days, reading)?;
    let skipped = cal.skipped_holidays(from, date, reading);
    let rows = skipped
        .iter()
        .map(|h| HolidayRow::new(h, reading))
        .collect();
    Ok(AddAnswer {
        from,
        working_days,
        date,
        weekday: Lang::En.weekday(date.weekday()),
        reading,
        skipped_holidays: rows,
        skipped,
    })
}

/// `calendar count`: the working days after `from` up to and including `to`.
#[derive(Serialize, Debug, Clone, Copy)]
pub struct CountAnswer {
    /// The first date (not counted).
    pub from: NaiveDate,
    /// The last date (counted).
    pub to: NaiveDate,
    /// Working days after `from` up to and including `to`.
    pub working_days: i64,
    /// The reading counted in.
    pub reading: Reading,
}

/// Counts the working days after `from` up to and including `to` (negative when `to` is before).
pub fn count(
    from: NaiveDate,
    to: NaiveDate,
    reading: Reading,
) -> Result<CountAnswer, CalendarError> {
    Ok(CountAnswer {
        from,
        to,
        working_days: calendar().working_days_between(from, to, reading)?,
        reading,
    })
}
